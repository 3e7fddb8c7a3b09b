package api

import (
	"strings"
	"time"

	"github.com/ethereum/go-ethereum/common"

	"github.com/bittunes/bittunes/internal/charts"
	"github.com/bittunes/bittunes/internal/store"
	"github.com/bittunes/bittunes/internal/wei"
)

// The JSON the API returns. Wei amounts are decimal strings, with an exact ether rendering beside
// where people read them; addresses are checksummed; times are RFC 3339 UTC.

type amountJSON struct {
	Wei   string `json:"wei"`
	Ether string `json:"ether"`
}

func amount(a wei.Amount) amountJSON { return amountJSON{Wei: a.String(), Ether: a.Ether()} }

type nameJSON struct {
	Slug string `json:"slug"`
	Name string `json:"name"`
}

type artistJSON struct {
	Address string `json:"address"`
	Name    string `json:"name,omitempty"`
}

type collaboratorJSON struct {
	Address string `json:"address"`
	Bps     int    `json:"bps"`
}

type trackJSON struct {
	ID            int64              `json:"id"`
	Title         string             `json:"title"`
	Artist        artistJSON         `json:"artist"`
	Genre         nameJSON           `json:"genre"`
	Subgenre      nameJSON           `json:"subgenre"`
	Description   string             `json:"description"`
	DurationMS    int64              `json:"durationMs"`
	Price         amountJSON         `json:"price"`
	ReferralBps   int                `json:"referralBps"`
	Listed        bool               `json:"listed"`
	Sales         int64              `json:"sales"`
	Owners        int64              `json:"owners"`
	Revenue       amountJSON         `json:"revenue"`
	ContentHash   string             `json:"contentHash"`
	MetadataURI   string             `json:"metadataUri"`
	RegisteredAt  time.Time          `json:"registeredAt"`
	Registration  txJSON             `json:"registration"`
	Collaborators []collaboratorJSON `json:"collaborators,omitempty"`
	Page          string             `json:"page"`
}

type txJSON struct {
	Block uint64 `json:"block"`
	Tx    string `json:"tx"`
}

func trackView(t store.Track) trackJSON {
	v := trackJSON{ID: t.ID, Title: t.Title, Artist: artistJSON{t.Artist.Hex(), t.ArtistName},
		Genre: nameJSON{charts.Slug(t.Genre), t.Genre}, Subgenre: nameJSON{charts.Slug(t.Subgenre), t.Subgenre},
		Description: t.Description, DurationMS: t.DurationMS, Price: amount(t.Price), ReferralBps: t.ReferralBps,
		Listed: t.Listed, Sales: t.Sales, Owners: t.Sales, Revenue: amount(t.Revenue), ContentHash: t.ContentHash.Hex(),
		MetadataURI: t.MetadataURI, RegisteredAt: t.RegisteredAt, Registration: txJSON{t.BlockNumber, t.TxHash.Hex()},
		Page: "/t/" + itoa(t.ID)}
	for _, c := range t.Collaborators {
		v.Collaborators = append(v.Collaborators, collaboratorJSON{c.Account.Hex(), c.Bps})
	}
	return v
}

type saleJSON struct {
	TrackID        int64      `json:"trackId"`
	Tx             string     `json:"tx"`
	LogIndex       int        `json:"logIndex"`
	Block          uint64     `json:"block"`
	Time           time.Time  `json:"time"`
	Buyer          string     `json:"buyer"`
	Recipient      string     `json:"recipient"`
	Referrer       *string    `json:"referrer"`
	Price          amountJSON `json:"price"`
	ArtistAmount   amountJSON `json:"artistAmount"`
	ReferrerAmount amountJSON `json:"referrerAmount"`
	FeeAmount      amountJSON `json:"feeAmount"`
	FeeRecipient   string     `json:"feeRecipient"`
	// Collaborators are the parts of artistAmount credited to the track's collaborators (the
	// artist keeps the rest); empty for a track without collaborators.
	Collaborators []collaboratorCreditJSON `json:"collaborators"`
}

type collaboratorCreditJSON struct {
	Address string     `json:"address"`
	Amount  amountJSON `json:"amount"`
}

func saleView(s store.Sale) saleJSON {
	v := saleJSON{TrackID: s.TrackID, Tx: s.TxHash.Hex(), LogIndex: s.LogIndex, Block: s.BlockNumber, Time: s.BlockTime,
		Buyer: s.Buyer.Hex(), Recipient: s.Recipient.Hex(), Price: amount(s.Price), ArtistAmount: amount(s.ArtistAmount),
		ReferrerAmount: amount(s.ReferrerAmount), FeeAmount: amount(s.FeeAmount), FeeRecipient: s.FeeRecipient.Hex(),
		Collaborators: []collaboratorCreditJSON{}}
	if s.Referrer != (common.Address{}) {
		r := s.Referrer.Hex()
		v.Referrer = &r
	}
	return v
}

// referralLink is a fan's link for a track: the page with their address as ?ref=.
func referralLink(trackID int64, account common.Address) string {
	return "/t/" + itoa(trackID) + "?ref=" + strings.ToLower(account.Hex())
}

package demo

import (
	"bytes"
	"context"
	"crypto/rand"
	"encoding/hex"
	"fmt"
	"image/jpeg"
	"math/big"
	"time"

	"github.com/ethereum/go-ethereum/accounts/abi/bind/v2"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/crypto"

	"github.com/bittunes/bittunes/internal/bindings"
	"github.com/bittunes/bittunes/internal/cards"
	"github.com/bittunes/bittunes/internal/market"
	"github.com/bittunes/bittunes/internal/store"
)

// Release is a release of the demo catalogue: some of an artist's tracks (1-based catalogue
// positions, in the release's order), sold together below the sum of their prices.
type Release struct {
	Artist        int
	Title         string
	Kind          string // album, ep or single
	Description   string
	Tracks        []int
	PriceMicroETH int64 // 1 µETH = 10^12 wei
}

// ReleaseSale is one demo purchase of release number Release (1-based) by Buyer through Referrer
// (nobody when 0): each track the buyer does not own yet is bought, in one transaction.
type ReleaseSale struct {
	Buyer, Release, Referrer int
}

// Releases is what Seed registers after the tracks: an EP of Mira Vale's three tracks, one of them
// with a collaborator, at 4.8 mETH instead of 6 (parts of 1.6, 2.4 and 0.8 mETH).
var Releases = []Release{
	{Artist: 1, Title: "Night Crossings", Kind: "ep", Tracks: []int{1, 3, 2}, PriceMicroETH: 4_800,
		Description: "Three crossings of the same harbour, from the last ferry out to the first light over the water. " +
			"Generated for the Bittunes demo catalogue."},
}

// ReleaseSales are bought after Sales: fan 4, who owns "Harbour Lights" already (it is skipped),
// buys the rest of the EP through fan 5's link (5 owns both tracks bought, and is credited on each).
var ReleaseSales = []ReleaseSale{{Buyer: 4, Release: 1, Referrer: 5}}

// Purchases is how many purchases (Purchased events) the demo makes: one per sale, and one per
// track a release sale buys (those its buyer does not own by then).
func Purchases() int {
	owned := owners()
	n := len(Sales)
	for _, rs := range ReleaseSales {
		for _, t := range Releases[rs.Release-1].Tracks {
			if !owned[t][rs.Buyer] {
				owned[t][rs.Buyer] = true
				n++
			}
		}
	}
	return n
}

// owners is who owns each track (by catalogue position) after Sales.
func owners() map[int]map[int]bool {
	owned := map[int]map[int]bool{}
	for t := range Catalogue {
		owned[t+1] = map[int]bool{}
	}
	for _, s := range Sales {
		recipient := s.Buyer
		if s.Recipient != 0 {
			recipient = s.Recipient
		}
		owned[s.Track][recipient] = true
	}
	return owned
}

// seedReleases writes each release's metadata and cover as the Studio does, registers it on-chain
// with registerRelease as its artist, then makes the release sales. ids are the tracks' ids in
// catalogue order.
func (s Seeder) seedReleases(ctx context.Context, contract *bindings.Market, instance *bind.BoundContract, reader *market.Reader, ids []int64) ([]int64, error) {
	releaseIDs := make([]int64, len(Releases))
	for i, r := range Releases {
		artist := crypto.PubkeyToAddress(s.Keys[r.Artist].PublicKey)
		metadataID, err := s.releaseMetadata(ctx, r, artist)
		if err != nil {
			return nil, fmt.Errorf("demo: release %q: %w", r.Title, err)
		}
		trackIDs := make([]*big.Int, len(r.Tracks))
		for j, t := range r.Tracks {
			trackIDs[j] = big.NewInt(ids[t-1])
		}
		uri := s.APIBase + store.ReleaseMetadataPath(metadataID)
		receipt, err := s.send(ctx, instance, r.Artist, nil, contract.PackRegisterRelease(trackIDs, new(big.Int).Mul(big.NewInt(r.PriceMicroETH), big.NewInt(1e12)), uri))
		if err != nil {
			return nil, fmt.Errorf("demo: register release %q: %w", r.Title, err)
		}
		for _, l := range receipt.Logs {
			if ev, err := contract.UnpackReleaseRegisteredEvent(l); err == nil {
				releaseIDs[i] = ev.ReleaseId.Int64()
			}
		}
		if releaseIDs[i] == 0 {
			return nil, fmt.Errorf("demo: register release %q: no ReleaseRegistered event", r.Title)
		}
	}
	for _, rs := range ReleaseSales {
		if err := s.buyRelease(ctx, contract, instance, reader, rs, releaseIDs[rs.Release-1]); err != nil {
			return nil, fmt.Errorf("demo: purchase of release %q by account %d: %w", Releases[rs.Release-1].Title, rs.Buyer, err)
		}
	}
	return releaseIDs, nil
}

// releaseMetadata stores a release's metadata and its cover (artwork drawn from its title, a
// 600 px square JPEG as the Studio's upload makes) under a new random id, which it returns.
func (s Seeder) releaseMetadata(ctx context.Context, r Release, artist common.Address) (string, error) {
	var cover bytes.Buffer
	if err := jpeg.Encode(&cover, cards.Art(crypto.Keccak256Hash([]byte(r.Title)), 600), &jpeg.Options{Quality: 85}); err != nil {
		return "", err
	}
	var id [16]byte
	if _, err := rand.Read(id[:]); err != nil {
		return "", err
	}
	now := time.Now().UTC()
	m := store.ReleaseMetadata{ID: hex.EncodeToString(id[:]), ChainID: s.ChainID.Uint64(), Uploader: artist, Title: r.Title,
		Kind: r.Kind, Description: r.Description, ReleaseDate: now.Format(time.DateOnly), CreatedAt: now, UpdatedAt: now}
	if err := s.Store.CreateReleaseMetadata(ctx, m, cover.Bytes()); err != nil {
		return "", err
	}
	return m.ID, nil
}

// buyRelease makes one release purchase as the release page does: the contract quotes it (the
// value, and the terms to name), and the purchase sends that value on those terms.
func (s Seeder) buyRelease(ctx context.Context, contract *bindings.Market, instance *bind.BoundContract, reader *market.Reader, rs ReleaseSale, releaseID int64) error {
	account := func(i int) common.Address { return crypto.PubkeyToAddress(s.Keys[i].PublicKey) }
	var referrer common.Address
	if rs.Referrer != 0 {
		referrer = account(rs.Referrer)
	}
	buyer := account(rs.Buyer)
	q, err := reader.QuoteRelease(ctx, releaseID, referrer, buyer, buyer)
	if err != nil {
		return err
	}
	_, err = s.send(ctx, instance, rs.Buyer, q.Amount, market.PackPurchaseRelease(contract, big.NewInt(releaseID), common.Address{}, referrer, q.Terms))
	return err
}

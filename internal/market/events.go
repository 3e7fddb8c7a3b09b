// Package market holds the market contract's events as Go values: what the indexer stores, the
// audit recomputes and the API shows. Decode turns raw logs into these values, grouping each sale
// with its collaborator credits and each registration with its collaborators.
package market

import (
	"time"

	"github.com/ethereum/go-ethereum/common"

	"github.com/bittunes/bittunes/internal/wei"
)

// Position locates an event on the chain. (ChainID, TxHash, LogIndex) is the key under which it is
// stored exactly once.
type Position struct {
	BlockNumber uint64
	BlockHash   common.Hash
	BlockTime   time.Time
	TxHash      common.Hash
	LogIndex    uint
}

// Pos returns the event's position.
func (p Position) Pos() Position { return p }

// Event is one of the market's decoded events.
type Event interface {
	Pos() Position
}

// Collaborator shares a track's artist side by fixed basis points.
type Collaborator struct {
	Account common.Address
	Bps     uint16
}

// TrackRegistered is a new track with its collaborators.
type TrackRegistered struct {
	Position
	TrackID       int64
	Artist        common.Address
	Price         wei.Amount
	ReferralBps   uint16
	ContentHash   common.Hash
	MetadataURI   string
	Collaborators []Collaborator
}

// PriceUpdated is a track's new price, for future sales.
type PriceUpdated struct {
	Position
	TrackID  int64
	Previous wei.Amount
	Price    wei.Amount
}

// ReferralShareUpdated is a track's new referral share, for future sales.
type ReferralShareUpdated struct {
	Position
	TrackID     int64
	Previous    uint16
	ReferralBps uint16
}

// ListingUpdated says whether a track can be bought from now on.
type ListingUpdated struct {
	Position
	TrackID int64
	Listed  bool
}

// MetadataURIUpdated points a track at new metadata.
type MetadataURIUpdated struct {
	Position
	TrackID int64
	URI     string
}

// Credit is an amount credited to an account by a sale.
type Credit struct {
	Position
	Account common.Address
	Amount  wei.Amount
}

// Sale is a purchase with every part of its split. ArtistAmount is the whole artist side;
// Collaborators lists the parts of it credited to collaborators (the CollaboratorCredited events
// that follow the Purchased event), so the artist keeps ArtistKeeps().
type Sale struct {
	Position
	TrackID        int64
	Buyer          common.Address
	Recipient      common.Address
	Referrer       common.Address // zero when the sale was not referred
	Price          wei.Amount
	ArtistAmount   wei.Amount
	ReferrerAmount wei.Amount
	FeeAmount      wei.Amount
	Collaborators  []Credit
}

// Referred reports whether an eligible referrer was credited.
func (s Sale) Referred() bool { return s.Referrer != (common.Address{}) }

// ArtistKeeps is the part of the artist side the artist keeps after its collaborators' credits.
func (s Sale) ArtistKeeps() (wei.Amount, error) {
	left := s.ArtistAmount
	for _, c := range s.Collaborators {
		var err error
		if left, err = left.Sub(c.Amount); err != nil {
			return wei.Amount{}, err
		}
	}
	return left, nil
}

// Withdrawn is a payout of an account's whole balance.
type Withdrawn struct {
	Position
	Account common.Address
	To      common.Address
	Amount  wei.Amount
}

// FeeUpdated is the platform fee for future sales.
type FeeUpdated struct {
	Position
	Previous uint16
	Bps      uint16
}

// FeeRecipientUpdated is where platform fees go from now on.
type FeeRecipientUpdated struct {
	Position
	Previous  common.Address
	Recipient common.Address
}

// OwnershipTransferred is a change of the market's owner; Pending marks the first of the two steps.
type OwnershipTransferred struct {
	Position
	Previous common.Address
	Owner    common.Address
	Pending  bool
}

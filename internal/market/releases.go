package market

import (
	"context"
	"fmt"
	"math/big"

	"github.com/ethereum/go-ethereum/accounts/abi/bind/v2"
	"github.com/ethereum/go-ethereum/common"

	"github.com/bittunes/bittunes/internal/bindings"
	"github.com/bittunes/bittunes/internal/wei"
)

// ReleaseRegistered is a new release (album, EP, single) of an artist's tracks, in order.
type ReleaseRegistered struct {
	Position
	ReleaseID   int64
	Artist      common.Address
	Price       wei.Amount
	TrackIDs    []int64
	MetadataURI string
}

// ReleasePriceUpdated is a release's new price, for future sales.
type ReleasePriceUpdated struct {
	Position
	ReleaseID int64
	Previous  wei.Amount
	Price     wei.Amount
}

// ReleaseListingUpdated says whether a release can be bought as a release from now on.
type ReleaseListingUpdated struct {
	Position
	ReleaseID int64
	Listed    bool
}

// ReleasePurchased closes a release purchase: the Sales of the same transaction before it are its
// tracks, each at its apportioned price, and Amount is their sum.
type ReleasePurchased struct {
	Position
	ReleaseID    int64
	Buyer        common.Address
	Recipient    common.Address
	Referrer     common.Address // the referrer the buyer named; each Sale says whether it was credited
	Amount       wei.Amount
	TracksBought int
}

// ReleaseQuote is the contract's quote of a release purchase made now (quoteRelease): the value to
// send, the terms to name, and each track's part of the release price and split.
type ReleaseQuote struct {
	// Amount is the value to send: the parts of the tracks the recipient does not own yet.
	Amount *big.Int
	// EffectivePrice is min(release price, sum of the tracks' prices): what the whole release costs.
	EffectivePrice *big.Int
	// SumOfPrices is the sum of the tracks' own current prices.
	SumOfPrices  *big.Int
	Terms        Terms
	TracksBought int
	Tracks       []ReleaseTrackQuote
}

// ReleaseTrackQuote is one track of a ReleaseQuote, in the release's order.
type ReleaseTrackQuote struct {
	TrackID          int64
	TrackPrice       *big.Int
	Amount           *big.Int // its part of the release price; 0 when skipped
	Skipped          bool     // the recipient owns it already: not bought, not charged
	CreditedReferrer common.Address
	ReferralBps      uint16
	ArtistAmount     *big.Int
	ReferrerAmount   *big.Int
	FeeAmount        *big.Int
}

// QuoteRelease asks the contract what a purchase of releaseID by buyer for recipient through
// referrer would cost and pay now.
func (r *Reader) QuoteRelease(ctx context.Context, releaseID int64, referrer, buyer, recipient common.Address) (ReleaseQuote, error) {
	q, err := bind.Call(r.instance, &bind.CallOpts{Context: ctx},
		r.contract.PackQuoteRelease(big.NewInt(releaseID), referrer, buyer, recipient), r.contract.UnpackQuoteRelease)
	if err != nil {
		return ReleaseQuote{}, fmt.Errorf("market: quoteRelease(%d, %s, %s, %s): %w", releaseID, referrer.Hex(), buyer.Hex(), recipient.Hex(), err)
	}
	if !q.TracksBought.IsInt64() || len(q.Tracks) > ContractLimits.MaxReleaseTracks {
		return ReleaseQuote{}, fmt.Errorf("market: quoteRelease(%d): %d tracks: %w", releaseID, len(q.Tracks), ErrMalformed)
	}
	out := ReleaseQuote{Amount: q.Amount, EffectivePrice: q.EffectivePrice, SumOfPrices: q.SumOfPrices,
		Terms: Terms{MaxFeeBps: q.FeeBps, MinReferralBps: q.MinReferralBps}, TracksBought: int(q.TracksBought.Int64()),
		Tracks: make([]ReleaseTrackQuote, len(q.Tracks))}
	for i, t := range q.Tracks {
		if !t.TrackId.IsInt64() {
			return ReleaseQuote{}, fmt.Errorf("market: quoteRelease(%d): track id %s: %w", releaseID, t.TrackId, ErrMalformed)
		}
		out.Tracks[i] = ReleaseTrackQuote{TrackID: t.TrackId.Int64(), TrackPrice: t.TrackPrice, Amount: t.Amount, Skipped: t.Skipped,
			CreditedReferrer: t.CreditedReferrer, ReferralBps: t.ReferralBps, ArtistAmount: t.ArtistAmount,
			ReferrerAmount: t.ReferrerAmount, FeeAmount: t.FeeAmount}
	}
	return out, nil
}

// PackPurchaseRelease is the calldata of a purchase of releaseID on terms: purchaseRelease(…) when
// recipient is the zero address (the buyer keeps the tracks), purchaseReleaseFor(recipient, …) otherwise.
func PackPurchaseRelease(c *bindings.Market, releaseID *big.Int, recipient, referrer common.Address, terms Terms) []byte {
	if recipient == (common.Address{}) {
		return c.PackPurchaseRelease(releaseID, referrer, terms.MaxFeeBps, terms.MinReferralBps)
	}
	return c.PackPurchaseReleaseFor(recipient, releaseID, referrer, terms.MaxFeeBps, terms.MinReferralBps)
}

// Apportion is the contract's release pricing, for pages that show a release before quoting it:
// the effective price min(releasePrice, Σ prices) and each track's part of it, ⌊P × price_i / Σ⌋,
// the last track taking the remainder so the parts sum to P exactly. A buyer pays the parts of the
// tracks they do not own (quoteRelease says which at the head).
func Apportion(releasePrice *big.Int, prices []*big.Int) (effective *big.Int, parts []*big.Int) {
	sum := new(big.Int)
	for _, p := range prices {
		sum.Add(sum, p)
	}
	effective = new(big.Int).Set(releasePrice)
	if sum.Cmp(effective) < 0 {
		effective.Set(sum)
	}
	parts = make([]*big.Int, len(prices))
	left := new(big.Int).Set(effective)
	for i, p := range prices {
		if i == len(prices)-1 {
			parts[i] = left
			break
		}
		part := new(big.Int)
		if sum.Sign() != 0 {
			part.Mul(effective, p).Quo(part, sum)
		}
		parts[i] = part
		left = new(big.Int).Sub(left, part)
	}
	return effective, parts
}

package market

import (
	"context"
	"fmt"
	"math"
	"math/big"

	"github.com/ethereum/go-ethereum/accounts/abi/bind/v2"
	"github.com/ethereum/go-ethereum/common"

	"github.com/bittunes/bittunes/internal/bindings"
)

// Terms are what a purchase names besides its price: the highest platform fee and the lowest referral
// share (paid to a credited referrer) the buyer accepts, in basis points. The contract reverts a
// purchase with TermsChanged when its fee is higher or a credited referrer's share lower, so a fee
// raised or a share cut in front of a purchase cannot change what the buyer was quoted.
type Terms struct {
	MaxFeeBps      uint16
	MinReferralBps uint16
}

// AnyTerms accepts whatever fee and referral share the market has. Only for tools that act for
// nobody (benchmarks, tests): a client buying for a person names the terms of a Quote.
var AnyTerms = Terms{MaxFeeBps: math.MaxUint16}

// Quote is the contract's quote of a purchase made now: the price to send, the terms to name, the
// referrer it would credit (zero when the one given is ineligible) and the split.
type Quote struct {
	Price            *big.Int
	FeeBps           uint16
	ReferralBps      uint16
	CreditedReferrer common.Address
	ArtistAmount     *big.Int
	ReferrerAmount   *big.Int
	FeeAmount        *big.Int
}

// Terms are the terms a purchase on this quote names.
func (q Quote) Terms() Terms { return Terms{MaxFeeBps: q.FeeBps, MinReferralBps: q.ReferralBps} }

// Quote asks the contract what a purchase of trackID by buyer for recipient through referrer would
// cost and pay now.
func (r *Reader) Quote(ctx context.Context, trackID int64, referrer, buyer, recipient common.Address) (Quote, error) {
	q, err := bind.Call(r.instance, &bind.CallOpts{Context: ctx},
		r.contract.PackQuote(big.NewInt(trackID), referrer, buyer, recipient), r.contract.UnpackQuote)
	if err != nil {
		return Quote{}, fmt.Errorf("market: quote(%d, %s, %s, %s): %w", trackID, referrer.Hex(), buyer.Hex(), recipient.Hex(), err)
	}
	return Quote{Price: q.Price, FeeBps: q.FeeBps, ReferralBps: q.ReferralBps, CreditedReferrer: q.CreditedReferrer,
		ArtistAmount: q.ArtistAmount, ReferrerAmount: q.ReferrerAmount, FeeAmount: q.FeeAmount}, nil
}

// PackPurchase is the calldata of a purchase of trackID on terms: purchase(…) when recipient is the
// zero address (the buyer keeps the track), purchaseFor(recipient, …) otherwise.
func PackPurchase(c *bindings.Market, trackID *big.Int, recipient, referrer common.Address, terms Terms) []byte {
	if recipient == (common.Address{}) {
		return c.PackPurchase(trackID, referrer, terms.MaxFeeBps, terms.MinReferralBps)
	}
	return c.PackPurchaseFor(recipient, trackID, referrer, terms.MaxFeeBps, terms.MinReferralBps)
}

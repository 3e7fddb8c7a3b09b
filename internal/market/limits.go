package market

import (
	"context"
	"fmt"
	"math/big"

	"github.com/ethereum/go-ethereum/accounts/abi/bind/v2"

	"github.com/bittunes/bittunes/internal/wei"
)

// Limits are the market contract's fixed caps on what the owner and the artists may set. The
// contract reverts a call beyond them, so the API and the pages check them first and an artist's
// wallet is never asked to sign a transaction that reverts. In JSON they are the pages' "limits",
// with the price in wei as a decimal string.
type Limits struct {
	// MaxFeeBps is the highest platform fee the owner can set (basis points of the price).
	MaxFeeBps uint16 `json:"maxFeeBps"`
	// MaxReferralBps is the highest referral share an artist can choose (basis points of the price).
	MaxReferralBps uint16 `json:"maxReferralBps"`
	// MaxCollaborators is the most collaborators a track can have besides its artist.
	MaxCollaborators int `json:"maxCollaborators"`
	// MaxPrice is the highest price a track or a release can have.
	MaxPrice wei.Amount `json:"maxPrice"`
	// MaxReleaseTracks is the most tracks a release can have.
	MaxReleaseTracks int `json:"maxReleaseTracks"`
}

// ContractLimits are BittunesMarket's caps (MAX_FEE_BPS, MAX_REFERRAL_BPS, MAX_COLLABORATORS,
// MAX_PRICE, MAX_RELEASE_TRACKS), as its limits() returns them: 10 %, 50 %, 7, 2^72 − 1 wei (about
// 4 722 ETH) and 50 tracks.
// This is the one place Go writes them down; a test holds it equal to the contract's limits().
var ContractLimits = Limits{
	MaxFeeBps:        1_000,
	MaxReferralBps:   5_000,
	MaxCollaborators: 7,
	MaxPrice:         wei.MustParse("4722366482869645213695"),
	MaxReleaseTracks: 50,
}

// Limits asks the deployed contract for its caps.
func (r *Reader) Limits(ctx context.Context) (Limits, error) {
	out, err := bind.Call(r.instance, &bind.CallOpts{Context: ctx}, r.contract.PackLimits(), r.contract.UnpackLimits)
	if err != nil {
		return Limits{}, fmt.Errorf("market: limits: %w", err)
	}
	for name, v := range map[string]*big.Int{"maxFeeBps": out.MaxFeeBps, "maxReferralBps": out.MaxReferralBps,
		"maxCollaborators": out.MaxCollaborators, "maxReleaseTracks": out.MaxReleaseTracks} {
		if !v.IsUint64() || v.Uint64() > 10_000 {
			return Limits{}, fmt.Errorf("market: limits: %s is %s, not a count up to 10000", name, v)
		}
	}
	price, err := wei.New(out.MaxPrice)
	if err != nil {
		return Limits{}, fmt.Errorf("market: limits: maxPrice: %w", err)
	}
	return Limits{MaxFeeBps: uint16(out.MaxFeeBps.Uint64()), MaxReferralBps: uint16(out.MaxReferralBps.Uint64()),
		MaxCollaborators: int(out.MaxCollaborators.Uint64()), MaxPrice: price,
		MaxReleaseTracks: int(out.MaxReleaseTracks.Uint64())}, nil
}

// Equal reports whether l and o are the same caps.
func (l Limits) Equal(o Limits) bool {
	return l.MaxFeeBps == o.MaxFeeBps && l.MaxReferralBps == o.MaxReferralBps &&
		l.MaxCollaborators == o.MaxCollaborators && l.MaxPrice.Equal(o.MaxPrice) &&
		l.MaxReleaseTracks == o.MaxReleaseTracks
}

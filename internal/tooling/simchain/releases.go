package simchain

import (
	"fmt"
	"math/big"
	"testing"

	"github.com/ethereum/go-ethereum/accounts/abi/bind/v2"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/core/types"

	"github.com/bittunes/bittunes/internal/market"
)

// RegisterRelease registers a release of trackIDs by account artist (price in wei) and mines it;
// it returns the release id.
func (m *Market) RegisterRelease(t testing.TB, artist int, price int64, metadataURI string, trackIDs ...int64) int64 {
	t.Helper()
	n, err := bind.Call(m.instance, nil, m.Contract.PackReleaseCount(), m.Contract.UnpackReleaseCount)
	if err != nil {
		t.Fatalf("simchain: releaseCount: %v", err)
	}
	ids := make([]*big.Int, len(trackIDs))
	for i, id := range trackIDs {
		ids[i] = big.NewInt(id)
	}
	if metadataURI == "" {
		metadataURI = fmt.Sprintf("ipfs://release/%d", n.Int64()+1)
	}
	m.Send(t, artist, nil, m.Contract.PackRegisterRelease(ids, big.NewInt(price), metadataURI))
	m.Commit()
	// The state says whether it went through: a receipt may not be indexed yet on a busy machine.
	after, err := bind.Call(m.instance, nil, m.Contract.PackReleaseCount(), m.Contract.UnpackReleaseCount)
	if err != nil {
		t.Fatalf("simchain: releaseCount: %v", err)
	}
	if after.Int64() != n.Int64()+1 {
		t.Fatalf("simchain: the release of tracks %v by account %d was not registered", trackIDs, artist)
	}
	return after.Int64()
}

// BuyRelease sends a purchase of releaseID by account buyer through referrer (zero for none), for
// what the contract quotes now and on the quoted terms, without mining it.
func (m *Market) BuyRelease(t testing.TB, buyer int, releaseID int64, referrer common.Address) *types.Transaction {
	t.Helper()
	q, err := bind.Call(m.instance, nil, m.Contract.PackQuoteRelease(big.NewInt(releaseID), referrer, m.Addr(buyer), m.Addr(buyer)),
		m.Contract.UnpackQuoteRelease)
	if err != nil {
		t.Fatalf("simchain: quoteRelease %d: %v", releaseID, err)
	}
	terms := market.Terms{MaxFeeBps: q.FeeBps, MinReferralBps: q.MinReferralBps}
	return m.Send(t, buyer, q.Amount, market.PackPurchaseRelease(m.Contract, big.NewInt(releaseID), common.Address{}, referrer, terms))
}

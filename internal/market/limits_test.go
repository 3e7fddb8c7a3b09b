package market_test

import (
	"context"
	"encoding/json"
	"math/big"
	"testing"

	"github.com/bittunes/bittunes/internal/market"
	"github.com/bittunes/bittunes/internal/tooling/simchain"
)

// TestContractLimitsMatchTheContract: the caps Go checks are the deployed contract's, read through
// its limits(); a cap changed on one side only fails here.
func TestContractLimitsMatchTheContract(t *testing.T) {
	m := simchain.New(t, 1)
	got, err := market.NewReader(m.Client, m.Address).Limits(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	if !got.Equal(market.ContractLimits) {
		t.Errorf("contract limits() = %+v, market.ContractLimits = %+v", got, market.ContractLimits)
	}
	// 2^72 − 1, written out so that a typo in the decimal constant cannot hide behind both sides.
	want := new(big.Int).Sub(new(big.Int).Lsh(big.NewInt(1), 72), big.NewInt(1))
	if market.ContractLimits.MaxPrice.BigInt().Cmp(want) != 0 {
		t.Errorf("MaxPrice = %s, want 2^72 − 1 = %s", market.ContractLimits.MaxPrice, want)
	}
}

// TestLimitsJSON: the pages read the caps under these names, the price as a decimal string.
func TestLimitsJSON(t *testing.T) {
	b, err := json.Marshal(market.ContractLimits)
	if err != nil {
		t.Fatal(err)
	}
	want := `{"maxFeeBps":1000,"maxReferralBps":5000,"maxCollaborators":7,"maxPrice":"4722366482869645213695","maxReleaseTracks":50}`
	if string(b) != want {
		t.Errorf("JSON = %s, want %s", b, want)
	}
}

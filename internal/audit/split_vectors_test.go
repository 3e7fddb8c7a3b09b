package audit

import (
	"encoding/json"
	"math/big"
	"os"
	"testing"

	"github.com/ethereum/go-ethereum/common"

	"github.com/bittunes/bittunes/internal/market"
)

// TestSplitVectors checks the audit's split against the cases the pages' split (web/src/lib/split.js,
// tested by web/test/split.test.js on the same file) must also give, so the upload form shows the
// figures the contract and the audit compute.
func TestSplitVectors(t *testing.T) {
	b, err := os.ReadFile("testdata/split_vectors.json")
	if err != nil {
		t.Fatal(err)
	}
	var cases []struct {
		Price           string
		FeeBps          uint16
		ReferralBps     uint16
		CollaboratorBps []uint16
		Want            struct {
			Fee, Referral, ArtistSide, Artist string
			Collaborators                     []string
		}
	}
	if err := json.Unmarshal(b, &cases); err != nil || len(cases) == 0 {
		t.Fatalf("vectors: %v", err)
	}
	for _, c := range cases {
		price, _ := new(big.Int).SetString(c.Price, 10)
		p := splitSale(price, c.FeeBps, c.ReferralBps)
		var cols []market.Collaborator
		for i, bps := range c.CollaboratorBps {
			cols = append(cols, market.Collaborator{Account: common.BigToAddress(big.NewInt(int64(i + 1))), Bps: bps})
		}
		credits, keeps := splitArtistSide(p.Artist, cols)
		got := []string{p.Fee.String(), p.Referral.String(), p.Artist.String(), keeps.String()}
		want := []string{c.Want.Fee, c.Want.Referral, c.Want.ArtistSide, c.Want.Artist}
		for i := range got {
			if got[i] != want[i] {
				t.Errorf("price %s fee %d ref %d: part %d = %s, want %s", c.Price, c.FeeBps, c.ReferralBps, i, got[i], want[i])
			}
		}
		var nonzero []string
		for _, w := range c.Want.Collaborators {
			if w != "0" { // the contract skips a share that rounds to zero
				nonzero = append(nonzero, w)
			}
		}
		if len(credits) != len(nonzero) {
			t.Fatalf("price %s: %d collaborator credits, want %d", c.Price, len(credits), len(nonzero))
		}
		for i := range credits {
			if credits[i].Amount.String() != nonzero[i] {
				t.Errorf("price %s: collaborator %d gets %s, want %s", c.Price, i, credits[i].Amount, nonzero[i])
			}
		}
	}
}

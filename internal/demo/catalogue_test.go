package demo_test

import (
	"testing"

	"github.com/bittunes/bittunes/internal/demo"
)

// TestDemoSalesFollowTheMarketRules: no demo purchase is by or for the track's artist or one of its
// collaborators (the contract refuses those), nobody is given a track twice, and every referrer
// named either owns the track by then or is meant to be ineligible (the one commented case).
func TestDemoSalesFollowTheMarketRules(t *testing.T) {
	owners := map[int]map[int]bool{}
	ineligible := 0
	for i, s := range demo.Sales {
		if s.Track < 1 || s.Track > len(demo.Catalogue) {
			t.Fatalf("sale %d: track %d is not in the catalogue", i, s.Track)
		}
		tr := demo.Catalogue[s.Track-1]
		recipient := s.Buyer
		if s.Recipient != 0 {
			recipient = s.Recipient
		}
		artistSide := map[int]bool{tr.Artist: true}
		for _, c := range tr.Collaborators {
			artistSide[c.Account] = true
		}
		if artistSide[s.Buyer] || artistSide[recipient] {
			t.Errorf("sale %d: account %d buys %q for account %d, one of them its artist or a collaborator", i, s.Buyer, tr.Title, recipient)
		}
		if owners[s.Track] == nil {
			owners[s.Track] = map[int]bool{}
		}
		if owners[s.Track][recipient] {
			t.Errorf("sale %d: account %d already owns %q", i, recipient, tr.Title)
		}
		if s.Referrer != 0 && !owners[s.Track][s.Referrer] {
			ineligible++
		}
		owners[s.Track][recipient] = true
	}
	if ineligible != 1 {
		t.Errorf("%d sales name a referrer who does not own the track, want the one meant to", ineligible)
	}
}

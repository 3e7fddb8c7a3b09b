package demo_test

import (
	"slices"
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

// TestDemoReleasesFollowTheMarketRules: a demo release holds 3 or 4 of its artist's own tracks, no
// repeats, priced below the sum of their prices (a saving to show); its purchases (after every
// track sale) are by a fan who is neither the artist nor a collaborator of a track they buy, who
// owns some of the tracks already (skipped) but not all, through a referrer who owns a track bought.
func TestDemoReleasesFollowTheMarketRules(t *testing.T) {
	owned := map[int]map[int]bool{}
	for _, s := range demo.Sales {
		recipient := s.Buyer
		if s.Recipient != 0 {
			recipient = s.Recipient
		}
		if owned[s.Track] == nil {
			owned[s.Track] = map[int]bool{}
		}
		owned[s.Track][recipient] = true
	}
	if len(demo.Releases) == 0 || len(demo.ReleaseSales) == 0 {
		t.Fatal("the demo has no release, or nobody buys one")
	}
	for i, r := range demo.Releases {
		if len(r.Tracks) < 3 || len(r.Tracks) > 4 || r.Kind != "ep" || r.Title == "" || r.Description == "" {
			t.Errorf("release %d: %d tracks, kind %q, title %q: want an EP of 3 or 4 tracks with a title and a description", i+1, len(r.Tracks), r.Kind, r.Title)
		}
		sum, seen := int64(0), map[int]bool{}
		for _, n := range r.Tracks {
			if n < 1 || n > len(demo.Catalogue) || seen[n] || demo.Catalogue[n-1].Artist != r.Artist {
				t.Errorf("release %d: track %d is not one of its artist's tracks, or is named twice", i+1, n)
				continue
			}
			seen[n] = true
			sum += demo.Catalogue[n-1].PriceMilliETH * 1_000
		}
		if r.PriceMicroETH <= 0 || r.PriceMicroETH >= sum {
			t.Errorf("release %d costs %d µETH, its tracks %d: want a saving", i+1, r.PriceMicroETH, sum)
		}
	}
	bought := 0
	for i, rs := range demo.ReleaseSales {
		r := demo.Releases[rs.Release-1]
		var skipped, buys int
		referred := false
		for _, n := range r.Tracks {
			tr := demo.Catalogue[n-1]
			if owned[n][rs.Buyer] {
				skipped++
				continue
			}
			buys++
			if tr.Artist == rs.Buyer || slices.ContainsFunc(tr.Collaborators, func(c demo.Collab) bool { return c.Account == rs.Buyer }) {
				t.Errorf("release sale %d: account %d buys %q, their own", i, rs.Buyer, tr.Title)
			}
			referred = referred || owned[n][rs.Referrer]
			owned[n][rs.Buyer] = true
		}
		if skipped == 0 || buys == 0 {
			t.Errorf("release sale %d: %d tracks skipped, %d bought; want some of each", i, skipped, buys)
		}
		if rs.Referrer == 0 || rs.Referrer == rs.Buyer || !referred {
			t.Errorf("release sale %d: referrer %d owns none of the tracks bought", i, rs.Referrer)
		}
		bought += buys
	}
	if got, want := demo.Purchases(), len(demo.Sales)+bought; got != want {
		t.Errorf("Purchases() = %d, want %d", got, want)
	}
}

package audit

import (
	"math/big"
	"strings"
	"testing"

	"github.com/ethereum/go-ethereum/common"

	"github.com/bittunes/bittunes/internal/market"
	"github.com/bittunes/bittunes/internal/wei"
)

// txPos is the position of log n of the one transaction tx in block b.
func txPos(b, tx, n int) market.Position {
	return market.Position{BlockNumber: uint64(b), TxHash: common.BigToHash(big.NewInt(int64(1000 + tx))), LogIndex: uint(n)}
}

// releaseHistory is history() plus a second track (1 000 wei, no collaborators) and a release of
// both at 500 000 wei (their prices sum to 1 000 999), bought in one transaction by fan3, who owned
// neither: track 1 sells for ⌊500 000 × 999 999 / 1 000 999⌋ = 499 500, track 2 for the rest, 500.
func releaseHistory() []market.Event {
	evs := history()
	evs = append(evs,
		market.TrackRegistered{Position: pos(10), TrackID: 2, Artist: artist, Price: amt(1_000), ContentHash: common.HexToHash("0x2")},
		market.ReleaseRegistered{Position: pos(11), ReleaseID: 1, Artist: artist, Price: amt(500_000), TrackIDs: []int64{1, 2}},
	)
	return append(evs, releaseSale(0, 1, 499_500, true), releaseSale(2, 2, 500, false),
		market.ReleasePurchased{Position: txPos(12, 1, 3), ReleaseID: 1, Buyer: fan3, Recipient: fan3, Amount: amt(500_000), TracksBought: 2})
}

// releaseSale is fan3's purchase of track at price in releaseHistory's transaction, split by the rules.
func releaseSale(n, track int, price int64, collaborators bool) market.Sale {
	p := big.NewInt(price)
	want := splitSale(p, 500, 0)
	s := market.Sale{Position: txPos(12, 1, n), TrackID: int64(track), Buyer: fan3, Recipient: fan3, Price: amt(price),
		ArtistAmount: wei.MustParse(want.Artist.String()), FeeAmount: wei.MustParse(want.Fee.String())}
	if collaborators {
		credits, _ := splitArtistSide(want.Artist, []market.Collaborator{{Account: collab, Bps: 3_333}})
		s.Collaborators = []market.Credit{{Position: txPos(12, 1, n+1), Account: collab, Amount: wei.MustParse(credits[0].Amount.String())}}
	}
	return s
}

func TestReplayOfAnHonestReleasePurchase(t *testing.T) {
	r, got := replayAll(t, releaseHistory())
	if len(got) != 0 {
		t.Fatalf("discrepancies in an honest release purchase: %+v", got)
	}
	if !r.owners[1][fan3] || !r.owners[2][fan3] {
		t.Error("fan3 owns both tracks after the release purchase")
	}
}

// TestReplaySkipsOwnedTracksOfARelease: fan1 owns track 1, so buying the release sells only track 2,
// at its part (500), and the amount is that part alone.
func TestReplaySkipsOwnedTracksOfARelease(t *testing.T) {
	evs := releaseHistory()
	n := len(evs)
	s2 := evs[n-2].(market.Sale)
	s2.Buyer, s2.Recipient = fan1, fan1
	evs = append(evs[:n-3], s2, market.ReleasePurchased{Position: txPos(12, 1, 3), ReleaseID: 1, Buyer: fan1, Recipient: fan1, Amount: amt(500), TracksBought: 1})
	if _, got := replayAll(t, evs); len(got) != 0 {
		t.Fatalf("discrepancies: %+v", got)
	}
}

func TestReplayFindsForgedReleasePurchases(t *testing.T) {
	for _, tt := range []struct {
		name   string
		forge  func([]market.Event) []market.Event
		checks []string
	}{
		{"a track sold below its part", func(evs []market.Event) []market.Event {
			n := len(evs)
			evs[n-3] = releaseSale(0, 1, 499_499, true)
			rp := evs[n-1].(market.ReleasePurchased)
			rp.Amount = amt(499_999)
			evs[n-1] = rp
			return evs
		}, []string{CheckPrice}},
		{"an amount other than the sales' sum", func(evs []market.Event) []market.Event {
			rp := evs[len(evs)-1].(market.ReleasePurchased)
			rp.Amount = amt(600_000)
			evs[len(evs)-1] = rp
			return evs
		}, []string{CheckRelease}},
		{"a discounted sale without its release purchase", func(evs []market.Event) []market.Event {
			return evs[:len(evs)-1]
		}, []string{CheckPrice, CheckPrice}},
		{"a release of another artist's track", func(evs []market.Event) []market.Event {
			reg := evs[len(evs)-4].(market.ReleaseRegistered)
			reg.Artist = fan1
			evs[len(evs)-4] = reg
			return evs
		}, []string{CheckRelease, CheckRelease}},
		{"a track neither sold nor owned", func(evs []market.Event) []market.Event {
			n := len(evs)
			rp := evs[n-1].(market.ReleasePurchased)
			rp.Amount, rp.TracksBought = amt(499_500), 1
			return append(evs[:n-2], rp)
		}, []string{CheckRelease}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			_, got := replayAll(t, tt.forge(releaseHistory()))
			var checks []string
			for _, d := range got {
				checks = append(checks, d.Check)
			}
			if strings.Join(checks, ",") != strings.Join(tt.checks, ",") {
				t.Errorf("checks = %v, want %v (%+v)", checks, tt.checks, got)
			}
		})
	}
}

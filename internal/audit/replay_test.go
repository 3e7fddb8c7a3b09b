package audit

import (
	"fmt"
	"math/big"
	"strings"
	"testing"

	"github.com/ethereum/go-ethereum/common"

	"github.com/bittunes/bittunes/internal/market"
	"github.com/bittunes/bittunes/internal/wei"
)

var (
	operator = common.HexToAddress("0x0f")
	artist   = common.HexToAddress("0xa1")
	collab   = common.HexToAddress("0xc1")
	fan1     = common.HexToAddress("0xf1")
	fan2     = common.HexToAddress("0xf2")
	fan3     = common.HexToAddress("0xf3")
)

// pos is the position of the n-th log of the history: one transaction per log, in block n.
func pos(n int) market.Position {
	return market.Position{BlockNumber: uint64(n), TxHash: common.BigToHash(big.NewInt(int64(n))), LogIndex: uint(n)}
}

func amt(n int64) wei.Amount { return wei.FromUint64(uint64(n)) }

// history is a small honest market: a track of 999 999 wei with a 33.33 % collaborator and a 25 %
// referral share, fee 5 %; an unreferred sale to fan1, a sale to fan2 referred by fan1, and the
// referrer's withdrawal.
func history() []market.Event {
	return []market.Event{
		market.OwnershipTransferred{Position: pos(1), Owner: operator},
		market.FeeRecipientUpdated{Position: pos(2), Recipient: operator},
		market.FeeUpdated{Position: pos(3), Bps: 500},
		market.TrackRegistered{Position: pos(4), TrackID: 1, Artist: artist, Price: amt(999_999), ReferralBps: 2_500,
			ContentHash: common.HexToHash("0x1"), Collaborators: []market.Collaborator{{Account: collab, Bps: 3_333}}},
		// Unreferred: fee 49 999, artist side 950 000, collaborator 316 635.
		market.Sale{Position: pos(5), TrackID: 1, Buyer: fan1, Recipient: fan1, Price: amt(999_999),
			ArtistAmount: amt(950_000), FeeAmount: amt(49_999),
			Collaborators: []market.Credit{{Position: pos(6), Account: collab, Amount: amt(316_635)}}},
		// Referred by fan1: referral 249 999, artist side 700 001, collaborator 233 310.
		market.Sale{Position: pos(7), TrackID: 1, Buyer: fan2, Recipient: fan2, Referrer: fan1, Price: amt(999_999),
			ArtistAmount: amt(700_001), ReferrerAmount: amt(249_999), FeeAmount: amt(49_999),
			Collaborators: []market.Credit{{Position: pos(8), Account: collab, Amount: amt(233_310)}}},
		market.Withdrawn{Position: pos(9), Account: fan1, To: fan1, Amount: amt(249_999)},
	}
}

func replayAll(t *testing.T, events []market.Event) (*replay, []Discrepancy) {
	t.Helper()
	var got []Discrepancy
	r := newReplay(func(d Discrepancy) { got = append(got, d) })
	for _, ev := range events {
		if err := r.apply(ev); err != nil {
			t.Fatal(err)
		}
	}
	r.finish()
	return r, got
}

func TestReplayOfAnHonestHistory(t *testing.T) {
	r, got := replayAll(t, history())
	if len(got) != 0 {
		t.Fatalf("discrepancies in an honest history: %+v", got)
	}
	for _, tt := range []struct {
		account common.Address
		owed    int64
	}{
		{operator, 99_998},
		{artist, 950_000 - 316_635 + 700_001 - 233_310},
		{collab, 316_635 + 233_310},
		{fan1, 0},
		{fan2, 0},
	} {
		if got := r.owed(tt.account); got.Int64() != tt.owed {
			t.Errorf("%s is owed %s, want %d", tt.account.Hex(), got, tt.owed)
		}
	}
	if r.accrued.Int64() != 99_998 {
		t.Errorf("fees accrued in the fee slot: %s, want 99998", r.accrued)
	}
}

// TestReplayNamesTheCulprit changes one event of the honest history at a time, as a contract with
// other rules (or a forged log) would, and expects the discrepancy at that event.
func TestReplayNamesTheCulprit(t *testing.T) {
	sale := func(ev []market.Event, i int) *market.Sale { s := ev[i].(market.Sale); ev[i] = &s; return &s }
	tests := []struct {
		name   string
		change func(ev []market.Event)
		check  string
		at     int // the log named
	}{
		{"fee rounded up", func(ev []market.Event) {
			s := sale(ev, 4)
			s.FeeAmount, s.ArtistAmount = amt(50_000), amt(949_999)
		}, CheckSplit, 5},
		{"dust to the referrer", func(ev []market.Event) {
			s := sale(ev, 5)
			s.ReferrerAmount, s.ArtistAmount = amt(250_000), amt(700_000)
		}, CheckSplit, 7},
		{"parts do not sum to the price", func(ev []market.Event) {
			sale(ev, 4).FeeAmount = amt(49_998)
		}, CheckSplit, 5},
		{"a stale price", func(ev []market.Event) {
			s := sale(ev, 4)
			s.Price, s.FeeAmount, s.ArtistAmount = amt(1_000_000), amt(50_000), amt(950_000)
			s.Collaborators[0].Amount = amt(316_635)
		}, CheckPrice, 5},
		{"referrer who does not own the track", func(ev []market.Event) {
			sale(ev, 5).Referrer = fan3
		}, CheckReferrer, 7},
		{"referrer is the buyer", func(ev []market.Event) {
			s := sale(ev, 5)
			s.Buyer = fan1
		}, CheckReferrer, 7},
		{"collaborator paid a share of what is left", func(ev []market.Event) {
			s := sale(ev, 4)
			s.Collaborators = []market.Credit{{Position: pos(6), Account: collab, Amount: amt(316_634)}}
		}, CheckCollaborators, 6},
		{"collaborator not credited", func(ev []market.Event) {
			sale(ev, 5).Collaborators = nil
		}, CheckCollaborators, 7},
		{"withdrawal of more than owed", func(ev []market.Event) {
			ev[6] = market.Withdrawn{Position: pos(9), Account: fan1, To: fan1, Amount: amt(250_000)}
		}, CheckWithdrawal, 9},
		{"the artist buys their own track", func(ev []market.Event) {
			s := sale(ev, 4)
			s.Buyer, s.Recipient = artist, artist
		}, CheckSelfPurchase, 5},
		{"a gift to a collaborator", func(ev []market.Event) {
			sale(ev, 4).Recipient = collab
		}, CheckSelfPurchase, 5},
		{"a collaborator buys a gift", func(ev []market.Event) {
			sale(ev, 5).Buyer = collab
		}, CheckSelfPurchase, 7},
		{"a package registered twice by its artist", func(ev []market.Event) {
			again := ev[3].(market.TrackRegistered)
			again.Position, again.TrackID, again.Collaborators = pos(9), 2, nil
			ev[6] = again // in place of the withdrawal
		}, CheckPackage, 9},
		{"fee above the cap", func(ev []market.Event) {
			ev[2] = market.FeeUpdated{Position: pos(3), Bps: 1_001}
		}, CheckEvent, 3},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ev := history()
			tt.change(ev)
			for i, e := range ev { // undo the pointers sale() made
				if p, ok := e.(*market.Sale); ok {
					ev[i] = *p
				}
			}
			_, got := replayAll(t, ev)
			want := pos(tt.at)
			for _, d := range got {
				if d.Check == tt.check && d.TxHash == want.TxHash.Hex() && d.LogIndex != nil && *d.LogIndex == want.LogIndex {
					return
				}
			}
			t.Errorf("want a %s discrepancy at log %d, got %s", tt.check, tt.at, describe(got))
		})
	}
}

func describe(ds []Discrepancy) string {
	var b strings.Builder
	for _, d := range ds {
		fmt.Fprintf(&b, "\n  %s at %s: %s", d.Check, d.Culprit(), d.Message)
	}
	return b.String()
}

func TestReplayRefusesAStartAfterTheDeployment(t *testing.T) {
	r := newReplay(nil)
	if err := r.apply(history()[3]); err == nil || !strings.Contains(err.Error(), "deployment") {
		t.Fatalf("got %v, want an error about the deployment", err)
	}
}

package charts_test

import (
	"testing"

	"github.com/bittunes/bittunes/internal/charts"
	"github.com/bittunes/bittunes/internal/wei"
)

func eth(milli uint64) wei.Amount { return wei.FromUint64(milli * 1e15) }

// buy is a purchase of track id (team: artist "a<id>", collaborator "c<id>" for even ids) for price
// milli-ETH, paying the whole price to the artist.
func buy(id int64, buyer, recipient, referrer string, milli uint64) charts.Purchase {
	artist := "a" + string(rune('0'+id))
	p := charts.Purchase{TrackID: id, Buyer: buyer, Recipient: recipient, Referrer: referrer, Price: eth(milli), Team: []string{artist}}
	if id%2 == 0 {
		p.Team = append(p.Team, "c"+string(rune('0'+id)))
	}
	if milli > 0 {
		p.Paid = []charts.Payment{{Account: artist, Amount: eth(milli)}}
	}
	return p
}

func TestLedgerJudgesEachRule(t *testing.T) {
	cases := []struct {
		name    string
		history []charts.Purchase // judged first, in order
		sale    charts.Purchase
		counted bool
		points  wei.Amount
	}{
		{"a fresh fan counts but scores nothing", nil, buy(1, "f", "f", "", 10), true, wei.Zero()},
		{"a free sale never counts", []charts.Purchase{buy(3, "f", "f", "", 100)}, buy(1, "f", "f", "", 0), false, wei.Zero()},
		{"the fan's spend elsewhere, halved, caps the points",
			[]charts.Purchase{buy(3, "f", "f", "", 6)}, buy(1, "f", "f", "", 10), true, eth(3)},
		{"the price caps the points", []charts.Purchase{buy(3, "f", "f", "", 100)}, buy(1, "f", "f", "", 10), true, eth(10)},
		{"spend with the same artist is not independent",
			[]charts.Purchase{buy(1, "f", "f", "", 100)}, buy(1, "g", "g", "", 10), true, wei.Zero()},
		{"spend with this track's artist on another track is not independent",
			[]charts.Purchase{{TrackID: 5, Buyer: "f", Recipient: "f", Price: eth(100), Team: []string{"a1"}, Paid: []charts.Payment{{Account: "a1", Amount: eth(100)}}}},
			buy(1, "f", "f", "", 10), true, wei.Zero()},
		{"spend with a collaborator of this track is not independent",
			[]charts.Purchase{{TrackID: 5, Buyer: "f", Recipient: "f", Price: eth(100), Team: []string{"c2"}, Paid: []charts.Payment{{Account: "c2", Amount: eth(100)}}}},
			buy(2, "f", "f", "", 10), true, wei.Zero()},
		{"a gift's spend belongs to its recipient",
			[]charts.Purchase{buy(3, "g", "f", "", 100)}, buy(1, "f", "f", "", 10), true, eth(10)},
		{"the giver gets no evidence from a gift",
			[]charts.Purchase{buy(3, "g", "f", "", 100)}, buy(1, "g", "g", "", 10), true, wei.Zero()},
		{"bought by the artist", []charts.Purchase{buy(3, "s", "s", "", 100)}, buy(1, "a1", "s", "", 10), false, wei.Zero()},
		{"bought for the artist", []charts.Purchase{buy(3, "f", "f", "", 100)}, buy(1, "f", "a1", "", 10), false, wei.Zero()},
		{"referred by the artist", []charts.Purchase{buy(3, "f", "f", "", 100)}, buy(1, "f", "f", "a1", 10), false, wei.Zero()},
		{"bought by a collaborator", []charts.Purchase{buy(3, "c2", "c2", "", 100)}, buy(2, "c2", "s", "", 10), false, wei.Zero()},
		{"referred by a collaborator", []charts.Purchase{buy(3, "f", "f", "", 100)}, buy(2, "f", "f", "c2", 10), false, wei.Zero()},
		{"referred by another fan", []charts.Purchase{buy(3, "f", "f", "", 100), buy(1, "g", "g", "", 10)}, buy(1, "f", "f", "g", 10), true, eth(10)},
		{"a buyer counts once per track: a second gift does not count",
			[]charts.Purchase{buy(3, "f", "f", "", 100), buy(3, "x", "x", "", 100), buy(1, "f", "x", "", 10)}, buy(1, "f", "y", "", 10), false, wei.Zero()},
		{"a fan already counted as a buyer does not count as a recipient",
			[]charts.Purchase{buy(3, "x", "x", "", 100), buy(1, "x", "y", "", 10)}, buy(1, "z", "x", "", 10), false, wei.Zero()},
		{"a self-dealt sale does not use up its buyer",
			[]charts.Purchase{buy(3, "f", "f", "", 100), buy(1, "f", "x", "a1", 10)}, buy(1, "f", "f", "", 10), true, eth(10)},
		{"the fan's own tracks are not independent spend",
			[]charts.Purchase{{TrackID: 5, Buyer: "f", Recipient: "f", Price: eth(100), Team: []string{"f"}, Paid: []charts.Payment{{Account: "f", Amount: eth(100)}}}},
			buy(1, "f", "f", "", 10), true, wei.Zero()},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			l := charts.NewLedger()
			for _, p := range c.history {
				if _, err := l.Judge(p); err != nil {
					t.Fatal(err)
				}
			}
			v, err := l.Judge(c.sale)
			if err != nil {
				t.Fatal(err)
			}
			if v.Counted != c.counted || !v.Points.Equal(c.points) {
				t.Errorf("got counted %v, %s points; want %v, %s", v.Counted, v.Points, c.counted, c.points)
			}
		})
	}
}

func TestPointsRoundDown(t *testing.T) {
	for _, c := range []struct{ price, independent, want uint64 }{
		{10, 0, 0}, {10, 1, 0}, {10, 3, 1}, {10, 20, 10}, {10, 21, 10}, {10, 1 << 62, 10}, {0, 100, 0},
	} {
		if got := charts.Points(wei.FromUint64(c.price), wei.FromUint64(c.independent)); !got.Equal(wei.FromUint64(c.want)) {
			t.Errorf("Points(%d, %d) = %s, want %d", c.price, c.independent, got, c.want)
		}
	}
}

// A ledger seeded with what a store holds judges a sale as a ledger that saw the whole history.
func TestSeededLedgerJudgesAsTheWholeHistory(t *testing.T) {
	history := []charts.Purchase{buy(3, "f", "f", "", 40), buy(2, "f", "f", "", 7), buy(1, "g", "x", "", 10)}
	whole := charts.NewLedger()
	for _, p := range history {
		if _, err := whole.Judge(p); err != nil {
			t.Fatal(err)
		}
	}
	seeded := charts.NewLedger()
	for _, payee := range []string{"", "a1", "a3", "a2", "c2"} {
		seeded.SeedSpend("f", payee, whole.Spend("f", payee))
	}
	seeded.SeedCounted(1, "g")
	seeded.SeedCounted(1, "x")
	for _, next := range []charts.Purchase{buy(1, "f", "f", "", 30), buy(1, "g", "f", "", 30), buy(1, "f", "x", "", 30)} {
		a, err1 := whole.Judge(next)
		b, err2 := seeded.Judge(next)
		if err1 != nil || err2 != nil || a.Counted != b.Counted || !a.Points.Equal(b.Points) || !a.Independent.Equal(b.Independent) {
			t.Errorf("%+v: whole %+v, seeded %+v (%v, %v)", next, a, b, err1, err2)
		}
	}
}

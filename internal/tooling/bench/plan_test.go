package bench

import (
	"reflect"
	"testing"

	"github.com/ethereum/go-ethereum/common"
)

func TestPlanHasTheRequestedShape(t *testing.T) {
	shape := Shape{Artists: 10, Tracks: 100, Fans: 500, Purchases: 10_000, Wave: 200, CollabEvery: 5, Seed: 1}
	p, err := newPlan("test", shape)
	if err != nil {
		t.Fatal(err)
	}
	if len(p.artists) != 10 || len(p.tracks) != 100 || len(p.fans) != 500 || len(p.purchases) != 10_000 {
		t.Fatalf("%d artists, %d tracks, %d fans, %d purchases", len(p.artists), len(p.tracks), len(p.fans), len(p.purchases))
	}
	if w := p.waves(); len(w) != 50 || len(w[49]) != 200 {
		t.Errorf("%d waves, the last of %d purchases; want 50 of 200", len(w), len(w[len(w)-1]))
	}

	collabTracks := 0
	for i, tr := range p.tracks {
		if len(tr.collaborators) > 0 {
			collabTracks++
		}
		sum := 0
		for _, c := range tr.collaborators {
			sum += int(c.bps)
			if c.account == p.artists[tr.artist].addr {
				t.Errorf("track %d: its artist is also a collaborator", i)
			}
		}
		if sum > 10_000 || tr.referralBps > 5_000 || tr.price.Sign() <= 0 {
			t.Errorf("track %d: collaborators %d bps, referral %d bps, price %s", i, sum, tr.referralBps, tr.price)
		}
	}
	if collabTracks != 20 {
		t.Errorf("%d tracks with collaborators, want every fifth: 20", collabTracks)
	}

	fanIndex := map[common.Address]int{}
	for i, f := range p.fans {
		fanIndex[f.addr] = i
	}
	type pair struct{ track, fan int }
	bought := map[pair]int{} // → wave
	kinds := map[int]int{}
	sales := map[int]int{}
	for n, q := range p.purchases {
		wave := n / shape.Wave
		if _, dup := bought[pair{q.track, q.fan}]; dup {
			t.Fatalf("purchase %d: fan %d buys track %d twice", n, q.fan, q.track)
		}
		if sales[q.track] == 0 && q.kind != noReferrer {
			t.Errorf("purchase %d: the first purchase of track %d is referred", n, q.track)
		}
		switch q.kind {
		case noReferrer:
			if q.referrer != (common.Address{}) {
				t.Errorf("purchase %d: unreferred with a referrer", n)
			}
		case earlierBuyer:
			w, ok := bought[pair{q.track, fanIndex[q.referrer]}]
			if !ok || w >= wave {
				t.Errorf("purchase %d: referrer did not buy track %d in an earlier wave", n, q.track)
			}
		case notAnOwner:
			if i, isFan := fanIndex[q.referrer]; isFan && i != q.fan {
				if w, ok := bought[pair{q.track, i}]; ok && w <= wave {
					t.Errorf("purchase %d: the ineligible referrer owns track %d", n, q.track)
				}
			}
		}
		bought[pair{q.track, q.fan}] = wave
		kinds[q.kind]++
		sales[q.track]++
	}
	// Every later purchase of a track that a fan bought in an earlier wave is referred with odds
	// 80/5/15; the first purchases of tracks and those in the first wave of a track are not.
	if share := float64(kinds[earlierBuyer]) / float64(len(p.purchases)); share < 0.7 || share > 0.85 {
		t.Errorf("%.2f of purchases through an earlier buyer's link, want about 0.8", share)
	}
	if kinds[notAnOwner] < 300 || kinds[notAnOwner] > 700 {
		t.Errorf("%d purchases through an ineligible link, want about 5 %%", kinds[notAnOwner])
	}
	// A power law: the most popular track sells much more than the median one.
	var counts []int
	for _, n := range sales {
		counts = append(counts, n)
	}
	if top, tail := maxOf(counts), len(sales); top < 3*shape.Purchases/tail {
		t.Errorf("the best-selling track sold %d of %d: no long tail", top, shape.Purchases)
	}

	again, _ := newPlan("test", shape)
	if !reflect.DeepEqual(again.purchases, p.purchases) || again.fans[7].addr != p.fans[7].addr {
		t.Error("the same shape gave a different plan")
	}
}

func TestPlanRefusesImpossibleShapes(t *testing.T) {
	for _, s := range []Shape{
		{Artists: 1, Tracks: 10, Fans: 10, Purchases: 10, Wave: 1}, // a collaborator must be another artist
		{Artists: 2, Tracks: 10, Fans: 10, Purchases: 60, Wave: 1}, // more than half of all pairs
		{Artists: 2, Tracks: 10, Fans: 10, Purchases: 10, Wave: 0}, // no waves
		{Artists: 2, Tracks: 0, Fans: 10, Purchases: 10, Wave: 10}, // nothing to buy
		{Artists: 2, Tracks: 10, Fans: 1, Purchases: 10, Wave: 10}, // nobody to refer
	} {
		if _, err := newPlan("test", s); err == nil {
			t.Errorf("%+v: no error", s)
		}
	}
}

func maxOf(xs []int) int {
	m := 0
	for _, x := range xs {
		m = max(m, x)
	}
	return m
}

func TestResultLinesParse(t *testing.T) {
	for _, r := range []Result{
		{"index_dense_pg", 21345.6, "events/s"},
		{"index_live_lag_p99", 12.34, "ms"},
	} {
		line := r.String()
		got, err := ParseResult(line)
		if err != nil {
			t.Fatal(err)
		}
		want := r
		if r.Unit == "ms" {
			want.Value = 12.3
		} else {
			want.Value = 21346
		}
		if got != want {
			t.Errorf("%q parsed as %+v, want %+v", line, got, want)
		}
	}
	if got := (Result{"index_sparse_pg", 2600.4, "blocks/s"}).String(); got != "BENCH index_sparse_pg 2600 blocks/s" {
		t.Errorf("line %q", got)
	}
	for _, bad := range []string{"", "BENCH x 1", "bench x 1 ms", "BENCH x one ms", "BENCH x 1 ms extra"} {
		if _, err := ParseResult(bad); err == nil {
			t.Errorf("%q parsed", bad)
		}
	}
}

package charts_test

import (
	"fmt"
	"math/rand/v2"
	"reflect"
	"sort"
	"testing"
	"time"

	"github.com/bittunes/bittunes/internal/charts"
	"github.com/bittunes/bittunes/internal/wei"
)

// history is a made-up list of sales over 70 days, judged by the formula, and the charts of its
// tracks. Besides honest fans it holds the attacks the formula discounts: free tracks bought by
// fresh wallets, artists buying their own tracks (directly, through a collaborator as referrer, or
// as a gift), one buyer gifting a track to many wallets, and sybils that first buy other artists'
// cheap tracks to look independent.
type history struct {
	sales []charts.Sale
	keys  map[int64][]string
}

func newHistory(rng *rand.Rand, tracks, sales int, today time.Time) history {
	h := history{keys: map[int64][]string{}}
	genres := [][2]string{{"Electronic", "House"}, {"Electronic", "Techno"}, {"Jazz", ""}, {"Folk", "Alt Folk"}}
	team := map[int64][]string{}
	price := map[int64]wei.Amount{}
	for id := int64(1); id <= int64(tracks); id++ {
		g := genres[rng.IntN(len(genres))]
		h.keys[id] = charts.Keys(g[0], g[1])
		team[id] = []string{fmt.Sprint("artist", id%20)}
		if id%5 == 0 {
			team[id] = append(team[id], fmt.Sprint("artist", (id+7)%20))
		}
		if id%11 != 0 { // every eleventh track is free
			price[id] = wei.FromUint64(uint64(1+rng.IntN(4)) * 1e15)
		}
	}
	ledger := charts.NewLedger()
	owns := map[int64]map[string]bool{}
	for i := range sales {
		day := today.AddDate(0, 0, -rng.IntN(70)).Format(time.DateOnly)
		id := int64(1 + rng.IntN(tracks)*rng.IntN(tracks)/tracks) // a few tracks sell most
		p := charts.Purchase{TrackID: id, Buyer: fmt.Sprint("fan", rng.IntN(300)), Price: price[id], Team: team[id]}
		p.Recipient = p.Buyer
		switch rng.IntN(12) {
		case 0: // the artist buys, for a fresh wallet
			p.Buyer, p.Recipient = team[id][0], fmt.Sprint("sybil", i)
		case 1: // a fresh wallet buys, referred by a collaborator or the artist
			p.Buyer, p.Recipient, p.Referrer = fmt.Sprint("sybil", i), fmt.Sprint("sybil", i), team[id][len(team[id])-1]
		case 2: // a gift
			p.Recipient = fmt.Sprint("fan", rng.IntN(300))
		case 3: // a sybil of the artist of track 1 that bought elsewhere first
			p.Buyer, p.Recipient = fmt.Sprint("sybil", rng.IntN(30)), fmt.Sprint("sybil", rng.IntN(30))
		}
		if owns[id] == nil {
			owns[id] = map[string]bool{}
		}
		if owns[id][p.Recipient] { // the contract sells once per owner
			continue
		}
		owns[id][p.Recipient] = true
		if p.Referrer == "" && rng.IntN(2) == 0 {
			for o := range owns[id] {
				if o != p.Recipient && o != p.Buyer {
					p.Referrer = o
				}
				break
			}
		}
		for _, m := range team[id] {
			share, _ := price[id].Add(wei.Zero())
			p.Paid = append(p.Paid, charts.Payment{Account: m, Amount: share})
		}
		v, err := ledger.Judge(p)
		if err != nil {
			panic(err)
		}
		h.sales = append(h.sales, charts.Sale{TrackID: id, Day: day, Price: p.Price, Block: int64(i / 3), Log: i % 3,
			Counted: v.Counted, Points: v.Points})
	}
	return h
}

// inputs sums sales into the windows of every period, the way the store does.
func (h history) inputs(today time.Time, sales []charts.Sale) charts.Inputs {
	first := map[int64][2]int64{}
	for _, s := range sales {
		if f, ok := first[s.TrackID]; !ok || s.Block < f[0] || s.Block == f[0] && int64(s.Log) < f[1] {
			first[s.TrackID] = [2]int64{s.Block, int64(s.Log)}
		}
	}
	in := charts.Inputs{Scores: map[charts.Period][2][]charts.Score{}, First: first, Keys: h.keys}
	for _, p := range charts.Periods {
		cur, prev := p.Windows(today)
		var both [2][]charts.Score
		for w, win := range []charts.Window{cur, prev} {
			sums := map[int64]*charts.Score{}
			for _, s := range sales {
				if !s.Counted || s.Day > win.Last || win.First != "" && s.Day < win.First {
					continue
				}
				sc, ok := sums[s.TrackID]
				if !ok {
					f := first[s.TrackID]
					sc = &charts.Score{TrackID: s.TrackID, FirstSaleBlock: f[0], FirstSaleLog: int(f[1])}
					sums[s.TrackID] = sc
				}
				sc.Sales++
				sc.Revenue, _ = sc.Revenue.Add(s.Price)
				sc.Points, _ = sc.Points.Add(s.Points)
			}
			for _, sc := range sums {
				both[w] = append(both[w], *sc)
			}
		}
		in.Scores[p] = both
	}
	return in
}

func built(today time.Time, in charts.Inputs) []charts.Entry {
	var out []charts.Entry
	for _, p := range charts.Periods {
		out = append(out, charts.Build(p, in.Scores[p][0], in.Scores[p][1], in.Keys)...)
	}
	return sorted(out)
}

func sorted(e []charts.Entry) []charts.Entry {
	sort.Slice(e, func(i, j int) bool {
		if e[i].Chart != e[j].Chart {
			return e[i].Chart < e[j].Chart
		}
		if e[i].Period != e[j].Period {
			return e[i].Period < e[j].Period
		}
		return e[i].Rank < e[j].Rank
	})
	return e
}

// A board started from part of a history and given the rest sale by sale holds the charts Build
// makes of the whole history; and what Take returns after each step keeps a copy of the charts
// equal to them.
func TestBoardAddingSalesEqualsBuildingFromScratch(t *testing.T) {
	today := time.Date(2026, 11, 26, 0, 0, 0, 0, time.UTC)
	for seed := range uint64(20) {
		rng := rand.New(rand.NewPCG(seed, 7))
		h := newHistory(rng, 150, 3000, today)
		cut := rng.IntN(len(h.sales))
		board, err := charts.NewBoard(today.Format(time.DateOnly), h.inputs(today, h.sales[:cut]))
		if err != nil {
			t.Fatal(err)
		}
		copyOf := map[charts.Ref][]charts.Entry{}
		keep := func(refs []charts.Ref, entries []charts.Entry) {
			for _, r := range refs {
				delete(copyOf, r)
			}
			for _, e := range entries {
				r := charts.Ref{Chart: e.Chart, Period: e.Period}
				copyOf[r] = append(copyOf[r], e)
			}
		}
		keep(board.All())
		for i, s := range h.sales[cut:] {
			if err := board.Add(s); err != nil {
				t.Fatal(err)
			}
			if i%97 == 0 {
				keep(board.Take())
			}
		}
		keep(board.Take())
		want := built(today, h.inputs(today, h.sales))
		var got []charts.Entry
		for _, e := range copyOf {
			got = append(got, e...)
		}
		if !reflect.DeepEqual(sorted(got), want) {
			t.Fatalf("seed %d: the board's charts differ from Build's (%d vs %d entries)", seed, len(got), len(want))
		}
		_, all := board.All()
		if !reflect.DeepEqual(sorted(all), want) {
			t.Fatalf("seed %d: All differs from Build", seed)
		}
	}
}

func TestBoardTakeReturnsOnlyTheChartsASaleTouches(t *testing.T) {
	today := time.Date(2026, 11, 26, 0, 0, 0, 0, time.UTC)
	keys := map[int64][]string{1: charts.Keys("Jazz", ""), 2: charts.Keys("Folk", "Alt Folk")}
	board, err := charts.NewBoard("2026-11-26", charts.Inputs{Keys: keys})
	if err != nil {
		t.Fatal(err)
	}
	board.Take()
	if err := board.Add(charts.Sale{TrackID: 2, Day: today.AddDate(0, 0, -10).Format(time.DateOnly), Price: wei.FromUint64(5), Counted: true, Points: wei.FromUint64(5)}); err != nil {
		t.Fatal(err)
	}
	refs, entries := board.Take()
	got := map[charts.Ref]bool{}
	for _, r := range refs {
		got[r] = true
	}
	// Ten days ago is in the 30-day and all-time windows and in the previous week, not this week; the
	// previous week's ranks only show through this week's chart, which is marked as well.
	for _, chart := range []string{"", "folk", "folk/alt-folk"} {
		for _, p := range charts.Periods {
			if !got[charts.Ref{Chart: chart, Period: p}] {
				t.Errorf("chart %q %s not returned", chart, p)
			}
		}
	}
	if got[charts.Ref{Chart: "jazz", Period: charts.Week}] {
		t.Error("the jazz chart was returned for a folk sale")
	}
	if len(entries) != 6 { // ranked in 30d and all, in three charts
		t.Errorf("got %d entries, want 6: %+v", len(entries), entries)
	}
	if err := board.Add(charts.Sale{TrackID: 1, Day: "2026-11-27", Price: wei.FromUint64(5), Counted: true, Points: wei.FromUint64(5)}); err != nil {
		t.Fatal(err)
	}
	if refs, _ := board.Take(); len(refs) != 0 {
		t.Errorf("a sale of tomorrow changed %v", refs)
	}
}

func TestBoardSetKeysMovesATrackBetweenCharts(t *testing.T) {
	board, err := charts.NewBoard("2026-11-26", charts.Inputs{Keys: map[int64][]string{1: charts.Keys("Jazz", "")}})
	if err != nil {
		t.Fatal(err)
	}
	if err := board.Add(charts.Sale{TrackID: 1, Day: "2026-11-26", Price: wei.FromUint64(5), Counted: true, Points: wei.FromUint64(5)}); err != nil {
		t.Fatal(err)
	}
	board.Take()
	board.SetKeys(1, charts.Keys("Folk", ""))
	refs, entries := board.Take()
	if len(refs) != 9 { // overall, jazz and folk, three periods each
		t.Errorf("got %d charts, want 9: %v", len(refs), refs)
	}
	for _, e := range entries {
		if e.Chart == "jazz" {
			t.Errorf("track still in the jazz chart: %+v", e)
		}
	}
	if got := board.Entries(charts.Ref{Chart: "folk", Period: charts.Week}); len(got) != 1 || got[0].PreviousRank != 0 {
		t.Errorf("folk 7d = %+v", got)
	}
}

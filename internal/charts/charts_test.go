package charts_test

import (
	"fmt"
	"testing"
	"time"

	"github.com/bittunes/bittunes/internal/charts"
	"github.com/bittunes/bittunes/internal/wei"
)

func score(id, sales int64, revenue uint64, firstBlock int64) charts.Score {
	return charts.Score{TrackID: id, Sales: sales, Revenue: wei.FromUint64(revenue), FirstSaleBlock: firstBlock}
}

func TestRankOrdersBySalesThenRevenueThenEarliestSale(t *testing.T) {
	got := charts.Rank([]charts.Score{
		score(1, 5, 100, 10),
		score(2, 7, 50, 20),  // most sales
		score(3, 5, 300, 30), // same sales as 1 and 4, more revenue
		score(4, 5, 100, 5),  // ties with 1 on sales and revenue, sold first
		score(5, 0, 0, 0),    // no sales: not ranked
		score(6, 5, 100, 5),  // ties with 4 entirely: lower id first
	})
	var ids []int64
	for _, s := range got {
		ids = append(ids, s.TrackID)
	}
	if want := []int64{2, 3, 4, 6, 1}; fmt.Sprint(ids) != fmt.Sprint(want) {
		t.Fatalf("got %v, want %v", ids, want)
	}
}

func TestRankComparesRevenueAsNumbersNotText(t *testing.T) {
	big, _ := wei.Parse("10000000000000000000000") // 10^22: as text it sorts below "9…"
	got := charts.Rank([]charts.Score{
		{TrackID: 1, Sales: 1, Revenue: wei.FromUint64(9_000_000_000_000_000_000)},
		{TrackID: 2, Sales: 1, Revenue: big},
	})
	if got[0].TrackID != 2 {
		t.Fatalf("10^22 wei should rank above 9·10^21 wei, got %+v", got)
	}
}

func TestSlugAndKeys(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"Hip Hop", "hip-hop"}, {"Drum & Bass", "drum-bass"}, {"  Lo-Fi  ", "lo-fi"}, {"Électro", "électro"}, {"", ""},
	} {
		if got := charts.Slug(c.in); got != c.want {
			t.Errorf("Slug(%q) = %q, want %q", c.in, got, c.want)
		}
	}
	if got := fmt.Sprint(charts.Keys("Electronic", "Deep House")); got != "[ electronic electronic/deep-house]" {
		t.Errorf("Keys = %s", got)
	}
	if got := len(charts.Keys("", "")); got != 1 {
		t.Errorf("a track without genre is only in the overall chart, got %d keys", got)
	}
}

func TestWindows(t *testing.T) {
	today := time.Date(2026, 3, 1, 15, 0, 0, 0, time.UTC)
	for _, c := range []struct {
		p         charts.Period
		cur, prev charts.Window
	}{
		{charts.Week, charts.Window{"2026-02-23", "2026-03-01"}, charts.Window{"2026-02-16", "2026-02-22"}},
		{charts.Month, charts.Window{"2026-01-31", "2026-03-01"}, charts.Window{"2026-01-01", "2026-01-30"}},
		{charts.AllTime, charts.Window{"", "2026-03-01"}, charts.Window{"", "2026-02-28"}},
	} {
		cur, prev := c.p.Windows(today)
		if cur != c.cur || prev != c.prev {
			t.Errorf("%s: got %v %v, want %v %v", c.p, cur, prev, c.cur, c.prev)
		}
	}
}

func TestBuildChartsWithMovement(t *testing.T) {
	keys := map[int64][]string{
		1: charts.Keys("Rock", "Indie"),
		2: charts.Keys("Rock", "Punk"),
		3: charts.Keys("Jazz", ""),
		4: nil, // no metadata: in no chart
	}
	current := []charts.Score{score(1, 3, 30, 1), score(2, 5, 50, 2), score(3, 1, 10, 3), score(4, 9, 90, 4)}
	previous := []charts.Score{score(1, 4, 40, 1), score(2, 1, 10, 2)}
	got := map[string]string{}
	for _, e := range charts.Build(charts.Week, current, previous, keys) {
		got[fmt.Sprintf("%s#%d", e.Chart, e.Rank)] = fmt.Sprintf("%d %s", e.TrackID, e.Movement())
	}
	want := map[string]string{
		"#1": "2 up", "#2": "1 down", "#3": "3 new",
		"rock#1": "2 up", "rock#2": "1 down",
		"rock/indie#1": "1 same", "rock/punk#1": "2 same",
		"jazz#1": "3 new",
	}
	if fmt.Sprint(got) != fmt.Sprint(want) {
		t.Fatalf("got  %v\nwant %v", got, want)
	}
}

func TestBuildKeepsTheTop100(t *testing.T) {
	var scores []charts.Score
	keys := map[int64][]string{}
	for i := int64(1); i <= 150; i++ {
		scores = append(scores, score(i, i, uint64(i), i))
		keys[i] = charts.Keys("Pop", "")
	}
	entries := charts.Build(charts.AllTime, scores, nil, keys)
	if got := len(entries); got != 200 { // overall and pop, 100 each
		t.Fatalf("got %d entries, want 200", got)
	}
	if entries[0].TrackID != 150 || entries[99].TrackID != 51 {
		t.Errorf("top and 100th of the overall chart: %d, %d", entries[0].TrackID, entries[99].TrackID)
	}
}

package bench

import (
	"bytes"
	"context"
	"math"
	"strings"
	"testing"
)

// TestRunChartsSmoke plays every attack against a tiny honest market: the free-track sybils and the
// self-referring wallets never reach #1, the padded sybils pay at least what the honest #1 earned,
// and the ring, which loses only fees, is reported for what it costs.
func TestRunChartsSmoke(t *testing.T) {
	if testing.Short() {
		t.Skip("builds a market and plays four attacks on it")
	}
	var out bytes.Buffer
	if err := RunCharts(context.Background(), ChartsConfig{Scale: 0.02, Dir: t.TempDir()}, &out); err != nil {
		t.Fatal(err)
	}
	got := map[string]float64{}
	for _, line := range strings.Split(strings.TrimSpace(out.String()), "\n") {
		r, err := ParseResult(line)
		if err != nil {
			t.Fatal(err)
		}
		got[r.Name] = r.Value
	}
	if len(got) != 2*len(Strategies) {
		t.Fatalf("got %d results, want %d:\n%s", len(got), 2*len(Strategies), out.String())
	}
	for _, chart := range []string{"_genre_cost_ratio", "_cost_ratio"} {
		for _, s := range []string{"free_sybils", "self_referral"} {
			if v := got["chart_attack_"+s+chart]; !math.IsInf(v, 1) {
				t.Errorf("%s%s = %v: a strategy the formula gives no points reached #1", s, chart, v)
			}
		}
		if v := got["chart_attack_padded_sybils"+chart]; v < 1 || math.IsInf(v, 1) {
			t.Errorf("padded_sybils%s = %v, want at least 1 and reached", chart, v)
		}
		if v := got["chart_attack_ring"+chart]; v <= 0 || v >= 1 {
			t.Errorf("ring%s = %v: the ring loses only fees, so it should reach #1 for less than the revenue", chart, v)
		}
	}
}

package store_test

import (
	"context"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/bittunes/bittunes/internal/store"
)

// TestOpenFillsTheChartLedgerOfAnEarlierDatabase: a database indexed before the chart ledger
// existed (its purchases stored, its ledger empty) gets the ledger the indexer would have kept,
// when the store opens it.
func TestOpenFillsTheChartLedgerOfAnEarlierDatabase(t *testing.T) {
	skipVolumeTestIfShort(t)
	base := time.Date(2026, 11, 10, 20, 0, 0, 0, time.UTC)
	chain := newSyntheticChainAt(base, 90*time.Minute, 40, 200, 1_500, 20)
	withAttacks(chain, base, 90*time.Minute)
	batches := chain.batches(1337, marketAddress, 5)
	ctx := context.Background()
	for _, db := range testDatabases() {
		dsn := db.dsn(t)
		s := openStore(t, dsn)
		applyAll(t, s, batches)
		want, err := s.Snapshot(ctx, 1337)
		if err != nil {
			t.Fatal(err)
		}
		counted := 0
		for _, r := range want.ChartSales {
			if strings.Contains(r, "counted=true") && !strings.HasSuffix(r, "points=0") {
				counted++
			}
		}
		if counted < len(want.ChartSales)/2 || counted == len(want.ChartSales) {
			t.Fatalf("%s: %d of %d sales counted with points: the history tests nothing", db.dialect, counted, len(want.ChartSales))
		}
		for _, table := range []string{"chart_sales", "chart_payments", "fan_payments", "daily_track_points", "track_points"} {
			if err := store.GormDB(s).Exec("DELETE FROM " + table).Error; err != nil {
				t.Fatal(err)
			}
		}
		again := openStore(t, dsn)
		got, err := again.Snapshot(ctx, 1337)
		if err != nil {
			t.Fatal(err)
		}
		if !reflect.DeepEqual(got, want) {
			t.Errorf("%s: the filled ledger differs from the one kept batch by batch (%d vs %d sales judged)", db.dialect, len(got.ChartSales), len(want.ChartSales))
		}
	}
}

package store_test

import (
	"context"
	"fmt"
	"reflect"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/crypto"

	"github.com/bittunes/bittunes/internal/charts"
	"github.com/bittunes/bittunes/internal/market"
	"github.com/bittunes/bittunes/internal/store"
)

var _ charts.Source = (*store.Store)(nil)

// chartRows reads the stored charts as text, in a fixed order.
func chartRows(t *testing.T, s *store.Store) []string {
	t.Helper()
	var rows []struct {
		Chart, Period  string
		Rank           int
		TrackID, Sales int64
		Revenue        string
		PreviousRank   *int
	}
	err := store.GormDB(s).Raw("SELECT chart, period, rank, track_id, sales, revenue, previous_rank FROM chart_entries ORDER BY chart, period, rank").
		Scan(&rows).Error
	if err != nil {
		t.Fatal(err)
	}
	out := make([]string, len(rows))
	for i, r := range rows {
		prev := 0
		if r.PreviousRank != nil {
			prev = *r.PreviousRank
		}
		out[i] = fmt.Sprintf("%s %s #%d track %d: %d sales %s wei, was #%d", r.Chart, r.Period, r.Rank, r.TrackID, r.Sales, r.Revenue, prev)
	}
	return out
}

// TestChartBuilderKeepsTheChartsOfAFullRebuild follows a fortnight of sales batch by batch, with
// a delisting, a track never uploaded, a rollback, and (when the builder re-reads every track's
// charts at each build) a genre edited. After every build the stored charts equal those ranked
// from scratch.
func TestChartBuilderKeepsTheChartsOfAFullRebuild(t *testing.T) {
	base := time.Date(2026, 11, 10, 20, 0, 0, 0, time.UTC)
	chain := newSyntheticChainAt(base, 90*time.Minute, 40, 200, 4_000, 20) // 200 blocks of sales over 12½ days
	delistAt := len(chain.blocks)/3 + 4                                    // in the middle of a day: no full rebuild then
	chain.blocks[delistAt] = append(chain.blocks[delistAt], market.ListingUpdated{Position: market.Position{
		BlockNumber: uint64(delistAt + 1), BlockTime: base.Add(time.Duration(delistAt) * 90 * time.Minute),
		TxHash: crypto.Keccak256Hash([]byte("delist")), LogIndex: uint(len(chain.blocks[delistAt]))}, TrackID: 7, Listed: false})
	batches := chain.batches(1337, marketAddress, 2)
	for _, keysEvery := range []time.Duration{0, 1000 * time.Hour} {
		t.Run(fmt.Sprint("keys every ", keysEvery), func(t *testing.T) { testChartBuilder(t, keysEvery, batches) })
	}
}

func testChartBuilder(t *testing.T, keysEvery time.Duration, batches []store.Batch) {
	ctx := context.Background()
	base := time.Date(2026, 11, 10, 20, 0, 0, 0, time.UTC)
	genres := [][2]string{{"Electronic", "House"}, {"Electronic", "Techno"}, {"Jazz", ""}, {"Folk", "Alt Folk"}}
	forEachDB(t, func(t *testing.T, s *store.Store) {
		for i := range 40 {
			if i == 13 {
				continue // registered, sold, never uploaded: not charted
			}
			g := genres[i%len(genres)]
			err := s.SaveTrackMetadata(ctx, store.TrackMetadata{ContentHash: crypto.Keccak256Hash([]byte{byte(i), byte(i >> 8)}),
				Title: fmt.Sprint("Track ", i+1), ArtistName: "A", Genre: g[0], Subgenre: g[1], Uploader: addr("artist", i%100)})
			if err != nil {
				t.Fatal(err)
			}
		}
		b := charts.NewBuilder(s, 1337)
		b.KeysEvery = keysEvery
		clock := func(batch store.Batch) time.Time {
			return base.Add(time.Duration(batch.Cursor.BlockNumber-1)*90*time.Minute + time.Minute)
		}
		check := func(i int, now time.Time) {
			t.Helper()
			if err := b.Build(ctx, now); err != nil {
				t.Fatal(err)
			}
			got := chartRows(t, s)
			if err := s.RebuildCharts(ctx, 1337, now); err != nil {
				t.Fatal(err)
			}
			if want := chartRows(t, s); !reflect.DeepEqual(got, want) {
				t.Fatalf("after batch %d (%s): the built charts (%d rows) differ from a rebuild (%d rows):\n got %q\nwant %q",
					i, now, len(got), len(want), got[:min(5, len(got))], want[:min(5, len(want))])
			}
		}
		rolledBack := false
		for i := 0; i < len(batches); i++ {
			applyAll(t, s, batches[i:i+1])
			if i == len(batches)/2 && keysEvery == 0 {
				g := genres[(5+1)%len(genres)] // track 6 moves to another genre
				if err := s.SaveTrackMetadata(ctx, store.TrackMetadata{ContentHash: crypto.Keccak256Hash([]byte{5, 0}),
					Title: "Track 6", ArtistName: "A", Genre: g[0], Subgenre: g[1], Uploader: addr("artist", 5)}); err != nil {
					t.Fatal(err)
				}
			}
			check(i, clock(batches[i]))
			if i == 2*len(batches)/3 && !rolledBack { // a reorg takes the last 3 batches away; they come back
				rolledBack = true
				to := batches[i-3].Cursor
				if err := s.Rollback(ctx, 1337, marketAddress, store.Block{ChainID: 1337, Number: to.BlockNumber, Hash: to.BlockHash}); err != nil {
					t.Fatal(err)
				}
				b.Reset()
				check(i, clock(batches[i]))
				i -= 3
			}
		}
		if rows := chartRows(t, s); len(rows) < 300 {
			t.Fatalf("only %d chart rows: the history is too thin to test anything", len(rows))
		}
	})
}

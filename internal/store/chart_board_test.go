package store_test

import (
	"context"
	"fmt"
	"math/big"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/crypto"

	"github.com/bittunes/bittunes/internal/charts"
	"github.com/bittunes/bittunes/internal/market"
	"github.com/bittunes/bittunes/internal/store"
	"github.com/bittunes/bittunes/internal/wei"
)

var _ charts.Source = (*store.Store)(nil)

// chartRows reads the stored charts as text, in a fixed order.
func chartRows(t *testing.T, s *store.Store) []string {
	t.Helper()
	var rows []struct {
		Chart, Period  string
		Rank           int
		TrackID, Sales int64
		Points         string
		Revenue        string
		PreviousRank   *int
	}
	err := store.GormDB(s).Raw("SELECT chart, period, rank, track_id, points, sales, revenue, previous_rank FROM chart_entries ORDER BY chart, period, rank").
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
		out[i] = fmt.Sprintf("%s %s #%d track %d: %s points, %d sales %s wei, was #%d", r.Chart, r.Period, r.Rank, r.TrackID, r.Points, r.Sales, r.Revenue, prev)
	}
	return out
}

// TestChartBuilderKeepsTheChartsOfAFullRebuild follows a fortnight of sales batch by batch, with
// a delisting, a track never uploaded, a rollback, (when the builder re-reads every track's charts
// at each build) a genre edited, and the attacks of withAttacks. After every build the stored
// charts equal those ranked from scratch.
func TestChartBuilderKeepsTheChartsOfAFullRebuild(t *testing.T) {
	skipVolumeTestIfShort(t)
	base := time.Date(2026, 11, 10, 20, 0, 0, 0, time.UTC)
	chain := newSyntheticChainAt(base, 90*time.Minute, 40, 200, 4_000, 20) // 200 blocks of sales over 12½ days
	delistAt := len(chain.blocks)/3 + 4                                    // in the middle of a day: no full rebuild then
	chain.blocks[delistAt] = append(chain.blocks[delistAt], market.ListingUpdated{Position: market.Position{
		BlockNumber: uint64(delistAt + 1), BlockTime: base.Add(time.Duration(delistAt) * 90 * time.Minute),
		TxHash: crypto.Keccak256Hash([]byte("delist")), LogIndex: uint(len(chain.blocks[delistAt]))}, TrackID: 7, Listed: false})
	withAttacks(chain, base, 90*time.Minute)
	batches := chain.batches(1337, marketAddress, 2)
	for _, keysEvery := range []time.Duration{0, 1000 * time.Hour} {
		t.Run(fmt.Sprint("keys every ", keysEvery), func(t *testing.T) { testChartBuilder(t, keysEvery, batches) })
	}
}

// withAttacks adds to a synthetic chain's sales what the chart formula must discount: a free track
// (41, registered with the others) bought by fresh wallets; artist 2 buying its track 3 for fresh
// wallets, one referring the next; fresh wallets referred by track 3's artist; fan 0 gifting track 6
// to fresh wallets; and sybils of artist 2 that buy track 1 (artist 0) and then track 3.
func withAttacks(c *syntheticChain, base time.Time, spacing time.Duration) {
	first := 0
	for i, blk := range c.blocks {
		if _, ok := blk[0].(market.Sale); ok {
			first = i
			break
		}
	}
	reg := c.blocks[first-1]
	last := reg[len(reg)-1].Pos()
	c.blocks[first-1] = append(reg, market.TrackRegistered{Position: market.Position{BlockNumber: last.BlockNumber, BlockTime: last.BlockTime,
		TxHash: crypto.Keccak256Hash([]byte("free track")), LogIndex: last.LogIndex + 1}, TrackID: 41, Artist: addr("artist", 50),
		Price: wei.Zero(), ContentHash: crypto.Keccak256Hash([]byte{40, 0}), MetadataURI: "ipfs://track/41"})
	n := 0
	sale := func(block int, track int64, price int64, buyer, recipient, referrer common.Address) {
		n++
		p := market.Position{BlockNumber: uint64(block + 1), BlockTime: base.Add(time.Duration(block) * spacing),
			TxHash: crypto.Keccak256Hash([]byte(fmt.Sprint("attack ", n))), LogIndex: uint(1000 + len(c.blocks[block]))}
		s := market.Sale{Position: p, TrackID: track, Buyer: buyer, Recipient: recipient, Referrer: referrer}
		total := big.NewInt(price)
		fee := new(big.Int).Div(new(big.Int).Mul(total, big.NewInt(500)), big.NewInt(10_000))
		ref := new(big.Int)
		if s.Referred() {
			ref.Div(total, big.NewInt(10))
		}
		s.Price, s.FeeAmount, s.ReferrerAmount = mustWei(total), mustWei(fee), mustWei(ref)
		s.ArtistAmount = mustWei(new(big.Int).Sub(new(big.Int).Sub(total, fee), ref))
		c.blocks[block] = append(c.blocks[block], s)
	}
	for b := first; b < len(c.blocks); b += 3 {
		i := b - first
		sale(b, 41, 0, addr("sybil", i), addr("sybil", i), common.Address{})
		sale(b, 3, 3e15, addr("artist", 2), addr("self", i), addr("self", i-3))
		sale(b, 3, 3e15, addr("referred", i), addr("referred", i), addr("artist", 2))
		sale(b, 6, 6e15, addr("fan", 0), addr("gift", i), common.Address{})
		sale(b, 1, 1e15, addr("padded", i), addr("padded", i), common.Address{})
		sale(b, 3, 3e15, addr("padded", i), addr("padded", i), common.Address{})
	}
}

func testChartBuilder(t *testing.T, keysEvery time.Duration, batches []store.Batch) {
	ctx := context.Background()
	base := time.Date(2026, 11, 10, 20, 0, 0, 0, time.UTC)
	genres := [][2]string{{"Electronic", "House"}, {"Electronic", "Techno"}, {"Jazz", ""}, {"Folk", "Alt Folk"}}
	forEachDB(t, func(t *testing.T, s *store.Store) {
		for i := range 41 { // track 41 is the free one of withAttacks
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
		rows := chartRows(t, s)
		if len(rows) < 300 {
			t.Fatalf("only %d chart rows: the history is too thin to test anything", len(rows))
		}
		scored := 0
		for _, r := range rows {
			if strings.Contains(r, "track 41:") {
				t.Errorf("the free track is charted: %s", r)
			}
			if !strings.Contains(r, ": 0 points") {
				scored++
			}
		}
		if scored < len(rows)/2 {
			t.Errorf("only %d of %d chart rows score points: the fans have too little history to test the points", scored, len(rows))
		}
	})
}

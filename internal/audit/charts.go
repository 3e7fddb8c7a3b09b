package audit

import (
	"fmt"
	"time"

	"github.com/ethereum/go-ethereum/common"

	"github.com/bittunes/bittunes/internal/charts"
	"github.com/bittunes/bittunes/internal/store"
	"github.com/bittunes/bittunes/internal/wei"
)

// recomputeCharts builds every chart from the replayed sales by the published formula (package
// charts), as of the day the stored charts were built. The chain says what sold when and which
// tracks are listed; the uploads' metadata (genre, sub-genre, uploader), which is not on the chain,
// says which tracks are in the market and in which charts.
func recomputeCharts(r *replay, metadata []store.AuditMetadata, today time.Time) []charts.Entry {
	type upload struct {
		uploader common.Address
		keys     []string
	}
	uploads := make(map[common.Hash]upload, len(metadata))
	for _, m := range metadata {
		uploads[m.ContentHash] = upload{m.Uploader, charts.Keys(m.Genre, m.Subgenre)}
	}
	keys := map[int64][]string{}
	for id, t := range r.tracks {
		if u, ok := uploads[t.contentHash]; ok && t.listed && u.uploader == t.artist {
			keys[id] = u.keys
		}
	}
	type first struct {
		block int64
		log   int
	}
	firsts := map[int64]first{}
	for _, s := range r.sales {
		if _, ok := firsts[s.TrackID]; !ok {
			firsts[s.TrackID] = first{int64(s.BlockNumber), int(s.LogIndex)}
		}
	}
	scores := func(w charts.Window) []charts.Score {
		sums := map[int64]*charts.Score{}
		var order []int64
		for _, s := range r.sales {
			day := store.Day(s.BlockTime)
			if day > w.Last || (w.First != "" && day < w.First) {
				continue
			}
			sc, ok := sums[s.TrackID]
			if !ok {
				f := firsts[s.TrackID]
				sc = &charts.Score{TrackID: s.TrackID, FirstSaleBlock: f.block, FirstSaleLog: f.log}
				sums[s.TrackID] = sc
				order = append(order, s.TrackID)
			}
			sc.Sales++
			sc.Revenue = mustAdd(sc.Revenue, s.Price)
		}
		out := make([]charts.Score, 0, len(order))
		for _, id := range order {
			out = append(out, *sums[id])
		}
		return out
	}
	var entries []charts.Entry
	for _, p := range charts.Periods {
		cur, prev := p.Windows(today)
		entries = append(entries, charts.Build(p, scores(cur), scores(prev), keys)...)
	}
	return entries
}

// mustAdd adds two sale prices; the sum of prices below 2^72 cannot pass 2^256.
func mustAdd(a, b wei.Amount) wei.Amount {
	s, err := a.Add(b)
	if err != nil {
		panic(fmt.Sprintf("audit: revenue overflow: %v", err))
	}
	return s
}

type chartKey struct {
	chart  string
	period charts.Period
	rank   int
}

// compareCharts compares the stored chart rows with the recomputed ones, row by row.
func compareCharts(want, got []charts.Entry, report func(Discrepancy)) {
	stored := make(map[chartKey]charts.Entry, len(got))
	for _, e := range got {
		stored[chartKey{e.Chart, e.Period, e.Rank}] = e
	}
	d := func(e charts.Entry, kind, format string, args ...any) {
		report(Discrepancy{Check: CheckChart, Kind: kind, Chart: e.Chart, Period: string(e.Period), Rank: e.Rank, TrackID: e.TrackID,
			Message: fmt.Sprintf(format, args...)})
	}
	for _, w := range want {
		k := chartKey{w.Chart, w.Period, w.Rank}
		g, ok := stored[k]
		delete(stored, k)
		switch {
		case !ok:
			d(w, KindMissing, "no row; the chain puts track %d there (%d sales, %s wei)", w.TrackID, w.Sales, w.Revenue)
		case g.TrackID != w.TrackID || g.Sales != w.Sales || !g.Revenue.Equal(w.Revenue) || g.PreviousRank != w.PreviousRank:
			d(g, KindDifferent, "row is track %d, %d sales, %s wei, previous rank %d; the chain says track %d, %d sales, %s wei, previous rank %d",
				g.TrackID, g.Sales, g.Revenue, g.PreviousRank, w.TrackID, w.Sales, w.Revenue, w.PreviousRank)
		}
	}
	for _, e := range got {
		if _, ok := stored[chartKey{e.Chart, e.Period, e.Rank}]; ok {
			d(e, KindExtra, "row for track %d (%d sales, %s wei); by the chain that place is empty", e.TrackID, e.Sales, e.Revenue)
		}
	}
}

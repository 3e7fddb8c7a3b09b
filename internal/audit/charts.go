package audit

import (
	"fmt"
	"strings"
	"time"

	"github.com/ethereum/go-ethereum/common"

	"github.com/bittunes/bittunes/internal/charts"
	"github.com/bittunes/bittunes/internal/store"
	"github.com/bittunes/bittunes/internal/wei"
)

// recomputeCharts builds every chart from the replayed sales by the published formula (package
// charts), as of the day the stored charts were built: each sale judged in chain order by a
// charts.Ledger that saw every sale before it, then the counted sales summed per window. The chain
// says what sold when, who bought it for whom through whom, what each sale paid each member of the
// track's team, and which tracks are listed; the uploads' metadata (genre, sub-genre, uploader),
// which is not on the chain, says which tracks are in the market (the first registration of an
// uploaded package by its uploader) and in which charts.
func recomputeCharts(r *replay, metadata []store.AuditMetadata, today time.Time) ([]charts.Entry, error) {
	type upload struct {
		uploader common.Address
		keys     []string
	}
	uploads := make(map[common.Hash]upload, len(metadata))
	for _, m := range metadata {
		uploads[m.ContentHash] = upload{m.Uploader, charts.Keys(m.Genre, m.Subgenre)}
	}
	// A package is in the market once: as the first registration of it by its artist.
	type registration struct {
		hash   common.Hash
		artist common.Address
	}
	firstOf := map[registration]int64{}
	for id, t := range r.tracks {
		k := registration{t.contentHash, t.artist}
		if f, ok := firstOf[k]; !ok || id < f {
			firstOf[k] = id
		}
	}
	keys := map[int64][]string{}
	for id, t := range r.tracks {
		if u, ok := uploads[t.contentHash]; ok && t.listed && u.uploader == t.artist && firstOf[registration{t.contentHash, t.artist}] == id {
			keys[id] = u.keys
		}
	}
	judged, err := judge(r)
	if err != nil {
		return nil, err
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
		for i, s := range r.sales {
			day := store.Day(s.BlockTime)
			if !judged[i].Counted || day > w.Last || (w.First != "" && day < w.First) {
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
			sc.Points = mustAdd(sc.Points, judged[i].Points)
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
	return entries, nil
}

// judge applies the chart formula to every replayed sale, in chain order.
func judge(r *replay) ([]charts.Verdict, error) {
	hex := func(a common.Address) string { return strings.ToLower(a.Hex()) }
	ledger := charts.NewLedger()
	out := make([]charts.Verdict, len(r.sales))
	for i, s := range r.sales {
		t := r.tracks[s.TrackID]
		if t == nil {
			continue // a sale of an unknown track: the replay reported it, and it counts nowhere
		}
		team := []string{hex(t.artist)}
		for _, c := range t.collaborators {
			team = append(team, hex(c.Account))
		}
		keeps, err := s.ArtistKeeps()
		if err != nil {
			continue // collaborators credited more than the artist side: reported by the replay
		}
		p := charts.Purchase{TrackID: s.TrackID, Buyer: hex(s.Buyer), Recipient: hex(s.Recipient), Price: s.Price, Team: team,
			Paid: []charts.Payment{{Account: team[0], Amount: keeps}}}
		if s.Referred() {
			p.Referrer = hex(s.Referrer)
		}
		for _, c := range s.Collaborators {
			p.Paid = append(p.Paid, charts.Payment{Account: hex(c.Account), Amount: c.Amount})
		}
		if out[i], err = ledger.Judge(p); err != nil {
			return nil, fmt.Errorf("audit: chart formula, sale %s/%d: %w", s.TxHash.Hex(), s.LogIndex, err)
		}
	}
	return out, nil
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
			d(w, KindMissing, "no row; the chain puts track %d there (%s points, %d sales, %s wei)", w.TrackID, w.Points, w.Sales, w.Revenue)
		case g.TrackID != w.TrackID || !g.Points.Equal(w.Points) || g.Sales != w.Sales || !g.Revenue.Equal(w.Revenue) || g.PreviousRank != w.PreviousRank:
			d(g, KindDifferent, "row is track %d, %s points, %d sales, %s wei, previous rank %d; the chain says track %d, %s points, %d sales, %s wei, previous rank %d",
				g.TrackID, g.Points, g.Sales, g.Revenue, g.PreviousRank, w.TrackID, w.Points, w.Sales, w.Revenue, w.PreviousRank)
		}
	}
	for _, e := range got {
		if _, ok := stored[chartKey{e.Chart, e.Period, e.Rank}]; ok {
			d(e, KindExtra, "row for track %d (%d sales, %s wei); by the chain that place is empty", e.TrackID, e.Sales, e.Revenue)
		}
	}
}

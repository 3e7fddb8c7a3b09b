package store

import (
	"context"
	"database/sql"
	"fmt"
	"time"

	"gorm.io/gorm"
	"gorm.io/gorm/clause"

	"github.com/bittunes/bittunes/internal/charts"
	"github.com/bittunes/bittunes/internal/wei"
)

// The charts are kept by a charts.Board in the indexer's process: ChartInputs loads one, SalesAfter
// feeds it what was indexed since, ChartKeys tells it which charts tracks belong to, and
// WriteCharts stores the charts it re-ranked. RebuildCharts does all of it at once.

// ChartInputs reads what a charts.Board of the day of now starts from, and the block the database
// stands at, from one consistent snapshot, from the chart ledger's aggregates (chart_ledger.go).
// Only listed tracks uploaded to the market are keyed.
func (s *Store) ChartInputs(ctx context.Context, chainID uint64, now time.Time) (in charts.Inputs, asOf int64, err error) {
	err = s.readSnapshot(ctx, func(q querier) error {
		in, asOf, err = q.chartInputs(ctx, int64(chainID), now)
		return err
	})
	return in, asOf, err
}

func (q querier) chartInputs(ctx context.Context, c int64, now time.Time) (charts.Inputs, int64, error) {
	in := charts.Inputs{Scores: map[charts.Period][2][]charts.Score{}, First: map[int64][2]int64{}}
	var err error
	if in.Keys, err = q.chartKeys(ctx, c, nil); err != nil {
		return in, 0, err
	}
	stats, err := q.allTrackStats(ctx, c)
	if err != nil {
		return in, 0, err
	}
	for id, st := range stats {
		in.First[id] = [2]int64{st.FirstSaleBlock, int64(st.FirstSaleLog)}
	}
	totals, err := q.allTrackPoints(ctx, c)
	if err != nil {
		return in, 0, err
	}
	for _, p := range charts.Periods {
		cur, prev := p.Windows(now)
		var both [2][]charts.Score
		for w, win := range []charts.Window{cur, prev} {
			if both[w], err = q.windowScores(ctx, c, win, stats, totals); err != nil {
				return in, 0, err
			}
		}
		in.Scores[p] = both
	}
	asOf, _ := q.anyCursor(ctx, c)
	return in, asOf, nil
}

// windowScores sums each track's counted sales in a window. A window of all time up to a day is
// the tracks' totals less what was counted after that day.
func (q querier) windowScores(ctx context.Context, c int64, w charts.Window, stats map[int64]trackStatsRow, totals map[int64]pointsSum) ([]charts.Score, error) {
	score := func(id int64, sum pointsSum) charts.Score {
		st := stats[id]
		return charts.Score{TrackID: id, Points: sum.Points, Sales: sum.Sales, Revenue: sum.Revenue, FirstSaleBlock: st.FirstSaleBlock, FirstSaleLog: st.FirstSaleLog}
	}
	var out []charts.Score
	if w.First != "" {
		sums, err := q.dailyPoints(ctx, c, "day >= ? AND day <= ?", w.First, w.Last)
		if err != nil {
			return nil, err
		}
		for id, sum := range sums {
			out = append(out, score(id, sum))
		}
		return out, nil
	}
	later, err := q.dailyPoints(ctx, c, "day > ?", w.Last)
	if err != nil {
		return nil, err
	}
	for id, sum := range totals {
		if l, ok := later[id]; ok {
			if err := sum.sub(l); err != nil {
				return nil, fmt.Errorf("store: track %d points before %s: %w", id, w.Last, err)
			}
		}
		if sum.Sales > 0 {
			out = append(out, score(id, sum))
		}
	}
	return out, nil
}

// dailyPoints adds up the daily points rows matching where, per track: in SQL on PostgreSQL (exact
// NUMERIC), in Go on SQLite, whose SUM of text would go through floating point.
func (q querier) dailyPoints(ctx context.Context, c int64, where string, args ...any) (map[int64]pointsSum, error) {
	var rows []struct {
		TrackID int64      `gorm:"column:track_id"`
		Sales   int64      `gorm:"column:sales"`
		Revenue wei.Amount `gorm:"column:revenue"`
		Points  wei.Amount `gorm:"column:points"`
	}
	db := q.with(ctx).Table("daily_track_points").Where("chain_id = ?", c).Where(where, args...)
	if q.db.Dialector.Name() == DialectPostgres {
		db = db.Select("track_id, SUM(sales) AS sales, SUM(revenue)::text AS revenue, SUM(points)::text AS points").Group("track_id")
	} else {
		db = db.Select("track_id, sales, revenue, points")
	}
	if err := db.Scan(&rows).Error; err != nil {
		return nil, fmt.Errorf("store: daily points where %s %v: %w", where, args, classify(err))
	}
	out := make(map[int64]pointsSum, len(rows))
	for _, r := range rows {
		sum := out[r.TrackID]
		if err := sum.add(pointsSum{Sales: r.Sales, Revenue: r.Revenue, Points: r.Points}); err != nil {
			return nil, err
		}
		out[r.TrackID] = sum
	}
	return out, nil
}

func (q querier) allTrackPoints(ctx context.Context, c int64) (map[int64]pointsSum, error) {
	var rows []trackPointsRow
	if err := q.with(ctx).Where("chain_id = ?", c).Find(&rows).Error; err != nil {
		return nil, fmt.Errorf("store: track points: %w", classify(err))
	}
	out := make(map[int64]pointsSum, len(rows))
	for _, r := range rows {
		out[r.TrackID] = pointsSum{Sales: r.Sales, Revenue: r.Revenue, Points: r.Points}
	}
	return out, nil
}

// ChartChanges returns what was indexed in the blocks after block, up to the block the database
// stands at (which it returns too): the sales, in chain order, and the tracks registered or
// changed (listing, price …), whose charts may have changed. It is what a charts.Board has not seen.
func (s *Store) ChartChanges(ctx context.Context, chainID uint64, block int64) (ch charts.Changes, asOf int64, err error) {
	err = s.readSnapshot(ctx, func(q querier) error {
		c := int64(chainID)
		asOf, _ = q.anyCursor(ctx, c)
		var rows []chartSaleRow
		err := q.with(ctx).Select("track_id, block_number, log_index, day, price, counted, points").
			Where("chain_id = ? AND block_number > ? AND block_number <= ?", c, block, asOf).
			Order("block_number, log_index").Find(&rows).Error
		if err != nil {
			return fmt.Errorf("store: sales after block %d: %w", block, classify(err))
		}
		ch.Sales = make([]charts.Sale, len(rows))
		for i, r := range rows {
			ch.Sales[i] = charts.Sale{TrackID: r.TrackID, Day: r.Day, Price: r.Price, Block: r.BlockNumber, Log: r.LogIndex,
				Counted: r.Counted, Points: r.Points}
		}
		for _, table := range []string{"tracks", "track_changes"} {
			var ids []int64
			err := q.with(ctx).Table(table).Distinct("track_id").
				Where("chain_id = ? AND block_number > ? AND block_number <= ?", c, block, asOf).Pluck("track_id", &ids).Error
			if err != nil {
				return fmt.Errorf("store: %s after block %d: %w", table, block, classify(err))
			}
			ch.Tracks = append(ch.Tracks, ids...)
		}
		return nil
	})
	return ch, asOf, err
}

// ChartKeys returns the charts each of the given tracks belongs to (all chartable tracks when ids
// is nil); a track missing from the answer is not charted (not listed, or not uploaded).
func (s *Store) ChartKeys(ctx context.Context, chainID uint64, ids []int64) (map[int64][]string, error) {
	return s.chartKeys(ctx, int64(chainID), ids)
}

// chartKeys maps chartable tracks (all, or those of ids) to the charts they belong to.
func (q querier) chartKeys(ctx context.Context, chainID int64, ids []int64) (map[int64][]string, error) {
	var rows []struct {
		TrackID  int64
		Genre    string
		Subgenre string
	}
	keys := map[int64][]string{}
	load := func(db *gorm.DB) error {
		rows = rows[:0]
		err := db.Table("tracks t").Select("t.track_id, m.genre, m.subgenre").Joins(joinUploadedBy).
			Where("t.chain_id = ? AND t.listed = ?", chainID, true).Scan(&rows).Error
		if err != nil {
			return fmt.Errorf("store: chart keys: %w", classify(err))
		}
		for _, r := range rows {
			keys[r.TrackID] = charts.Keys(r.Genre, r.Subgenre)
		}
		return nil
	}
	if ids == nil {
		return keys, load(q.with(ctx))
	}
	for _, chunk := range chunks(unique(ids), 500) {
		if err := load(q.with(ctx).Where("t.track_id IN ?", chunk)); err != nil {
			return nil, err
		}
	}
	return keys, nil
}

// WriteCharts stores a change to the charts (see charts.Write), gives the charts it changes a new
// version, and records that the charts of the day of now stand at block asOf; all in one
// transaction.
func (s *Store) WriteCharts(ctx context.Context, chainID uint64, w charts.Write, now time.Time, asOf int64) error {
	c := int64(chainID)
	return s.Transact(ctx, func(tx *Tx) error {
		if w.Every {
			if err := tx.with(ctx).Where("chain_id = ?", c).Delete(&chartEntryRow{}).Error; err != nil {
				return fmt.Errorf("store: clear charts: %w", classify(err))
			}
		}
		cleared := make([][]any, len(w.Cleared))
		for i, e := range w.Cleared {
			cleared[i] = []any{e.Chart, string(e.Period), e.Rank}
		}
		for _, chunk := range chunks(cleared, 300) {
			if err := tx.with(ctx).Where("chain_id = ? AND (chart, period, rank) IN ?", c, chunk).Delete(&chartEntryRow{}).Error; err != nil {
				return fmt.Errorf("store: clear %d chart rows: %w", len(chunk), classify(err))
			}
		}
		rows := make([]chartEntryRow, len(w.Set))
		for i, e := range w.Set {
			rows[i] = chartEntryRow{ChainID: c, Chart: e.Chart, Period: string(e.Period), Rank: e.Rank, TrackID: e.TrackID,
				Points: e.Points, Sales: e.Sales, Revenue: e.Revenue}
			if e.PreviousRank > 0 {
				rows[i].PreviousRank = &w.Set[i].PreviousRank
			}
		}
		if len(rows) > 0 {
			upsert := clause.OnConflict{Columns: []clause.Column{{Name: "chain_id"}, {Name: "chart"}, {Name: "period"}, {Name: "rank"}},
				DoUpdates: clause.AssignmentColumns([]string{"track_id", "points", "sales", "revenue", "previous_rank"})}
			if err := tx.with(ctx).Clauses(upsert).CreateInBatches(rows, 500).Error; err != nil {
				return fmt.Errorf("store: write charts: %w", classify(err))
			}
		}
		if err := tx.bumpChartVersions(ctx, c, w.Changed, w.Every, now); err != nil {
			return err
		}
		return tx.recordChartBuild(ctx, c, now, asOf)
	})
}

type chartVersionRow struct {
	ChainID int64  `gorm:"column:chain_id;primaryKey"`
	Chart   string `gorm:"column:chart;primaryKey"`
	Period  string `gorm:"column:period;primaryKey"`
	Version int64  `gorm:"column:version"`
}

func (chartVersionRow) TableName() string { return "chart_versions" }

// bumpChartVersions sets the version of the charts refs (and with every, of all charts, even those
// that are gone) to one above every version stored: the build's time in nanoseconds, unless the
// clock went back.
func (q querier) bumpChartVersions(ctx context.Context, c int64, refs []charts.Ref, every bool, now time.Time) error {
	if len(refs) == 0 && !every {
		return nil
	}
	var top *int64
	if err := q.with(ctx).Model(&chartVersionRow{}).Where("chain_id = ?", c).Select("MAX(version)").Scan(&top).Error; err != nil {
		return fmt.Errorf("store: chart versions: %w", classify(err))
	}
	v := now.UnixNano()
	if top != nil && *top >= v {
		v = *top + 1
	}
	if every {
		if err := q.with(ctx).Model(&chartVersionRow{}).Where("chain_id = ?", c).Update("version", v).Error; err != nil {
			return fmt.Errorf("store: chart versions: %w", classify(err))
		}
		if len(refs) == 0 {
			return nil
		}
	}
	rows := make([]chartVersionRow, len(refs))
	for i, r := range refs {
		rows[i] = chartVersionRow{ChainID: c, Chart: r.Chart, Period: string(r.Period), Version: v}
	}
	err := q.with(ctx).Clauses(clause.OnConflict{Columns: []clause.Column{{Name: "chain_id"}, {Name: "chart"}, {Name: "period"}}, DoUpdates: clause.AssignmentColumns([]string{"version"})}).CreateInBatches(rows, 500).Error
	if err != nil {
		return fmt.Errorf("store: chart versions: %w", classify(err))
	}
	return nil
}

func (q querier) recordChartBuild(ctx context.Context, c int64, now time.Time, asOf int64) error {
	build := chartBuildRow{ChainID: c, Day: Day(now), AsOfBlock: asOf, BuiltAt: now.UTC()}
	if err := q.with(ctx).Clauses(clause.OnConflict{UpdateAll: true}).Create(&build).Error; err != nil {
		return fmt.Errorf("store: chart build: %w", classify(err))
	}
	return nil
}

// ChartVersions returns the version of every stored chart whose version is above after, and the
// highest version among them (after itself when none is). Caches of rendered charts pass the
// highest version they saw, so that each call returns only what changed since.
func (q querier) ChartVersions(ctx context.Context, chainID uint64, after int64) (map[charts.Ref]int64, int64, error) {
	var rows []chartVersionRow
	if err := q.with(ctx).Where("chain_id = ? AND version > ?", int64(chainID), after).Find(&rows).Error; err != nil {
		return nil, after, fmt.Errorf("store: chart versions: %w", classify(err))
	}
	out := make(map[charts.Ref]int64, len(rows))
	top := after
	for _, r := range rows {
		out[charts.Ref{Chart: r.Chart, Period: charts.Period(r.Period)}] = r.Version
		top = max(top, r.Version)
	}
	return out, top, nil
}

// readSnapshot runs fn in a read-only transaction that sees one state of the database throughout.
func (s *Store) readSnapshot(ctx context.Context, fn func(q querier) error) error {
	opts := &sql.TxOptions{ReadOnly: true}
	if s.dialect == DialectPostgres {
		opts.Isolation = sql.LevelRepeatableRead
	}
	var fnErr error
	err := s.with(ctx).Transaction(func(gtx *gorm.DB) error {
		fnErr = fn(querier{db: gtx})
		return fnErr
	}, opts)
	if err != nil && err != fnErr {
		return fmt.Errorf("store: read transaction: %w", err)
	}
	return err
}

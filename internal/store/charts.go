package store

import (
	"context"
	"fmt"
	"time"

	"gorm.io/gorm/clause"

	"github.com/bittunes/bittunes/internal/charts"
	"github.com/bittunes/bittunes/internal/wei"
)

type chartEntryRow struct {
	ChainID      int64      `gorm:"column:chain_id;primaryKey"`
	Chart        string     `gorm:"column:chart;primaryKey"`
	Period       string     `gorm:"column:period;primaryKey"`
	Rank         int        `gorm:"column:rank;primaryKey"`
	TrackID      int64      `gorm:"column:track_id"`
	Sales        int64      `gorm:"column:sales"`
	Revenue      wei.Amount `gorm:"column:revenue"`
	PreviousRank *int       `gorm:"column:previous_rank"`
}

func (chartEntryRow) TableName() string { return "chart_entries" }

type chartBuildRow struct {
	ChainID   int64     `gorm:"column:chain_id;primaryKey"`
	Day       string    `gorm:"column:day"`
	AsOfBlock int64     `gorm:"column:as_of_block"`
	BuiltAt   time.Time `gorm:"column:built_at"`
}

func (chartBuildRow) TableName() string { return "chart_builds" }

// RebuildCharts recomputes every chart as of now (its UTC day) from the aggregates and replaces the
// stored charts in one transaction. Only listed tracks with metadata (uploaded to the market, matched
// by content hash) are charted.
func (s *Store) RebuildCharts(ctx context.Context, chainID uint64, now time.Time) error {
	return s.Transact(ctx, func(tx *Tx) error { return tx.rebuildCharts(ctx, chainID, now) })
}

func (q querier) rebuildCharts(ctx context.Context, chainID uint64, now time.Time) error {
	c := int64(chainID)
	keys, err := q.chartKeys(ctx, c)
	if err != nil {
		return err
	}
	stats, err := q.allTrackStats(ctx, c)
	if err != nil {
		return err
	}
	var entries []charts.Entry
	for _, p := range charts.Periods {
		cur, prev := p.Windows(now)
		current, err := q.periodScores(ctx, c, cur, stats)
		if err != nil {
			return err
		}
		previous, err := q.periodScores(ctx, c, prev, stats)
		if err != nil {
			return err
		}
		entries = append(entries, charts.Build(p, current, previous, keys)...)
	}
	if err := q.with(ctx).Exec("DELETE FROM chart_entries WHERE chain_id = ?", c).Error; err != nil {
		return fmt.Errorf("store: clear charts: %w", classify(err))
	}
	rows := make([]chartEntryRow, len(entries))
	for i, e := range entries {
		rows[i] = chartEntryRow{ChainID: c, Chart: e.Chart, Period: string(e.Period), Rank: e.Rank, TrackID: e.TrackID,
			Sales: e.Sales, Revenue: e.Revenue}
		if e.PreviousRank > 0 {
			rows[i].PreviousRank = &entries[i].PreviousRank
		}
	}
	if len(rows) > 0 {
		if err := q.with(ctx).CreateInBatches(rows, 500).Error; err != nil {
			return fmt.Errorf("store: write charts: %w", classify(err))
		}
	}
	var asOf int64
	if cur, err := q.anyCursor(ctx, c); err == nil {
		asOf = cur
	}
	build := chartBuildRow{ChainID: c, Day: Day(now), AsOfBlock: asOf, BuiltAt: now.UTC()}
	if err := q.with(ctx).Clauses(clause.OnConflict{UpdateAll: true}).Create(&build).Error; err != nil {
		return fmt.Errorf("store: chart build: %w", classify(err))
	}
	return nil
}

// chartKeys maps every chartable track to the charts it belongs to.
func (q querier) chartKeys(ctx context.Context, chainID int64) (map[int64][]string, error) {
	var rows []struct {
		TrackID  int64
		Genre    string
		Subgenre string
	}
	err := q.with(ctx).Table("tracks t").Select("t.track_id, m.genre, m.subgenre").
		Joins(joinUploadedBy).
		Where("t.chain_id = ? AND t.listed = ?", chainID, true).Scan(&rows).Error
	if err != nil {
		return nil, fmt.Errorf("store: chart keys: %w", classify(err))
	}
	keys := make(map[int64][]string, len(rows))
	for _, r := range rows {
		keys[r.TrackID] = charts.Keys(r.Genre, r.Subgenre)
	}
	return keys, nil
}

func (q querier) allTrackStats(ctx context.Context, chainID int64) (map[int64]trackStatsRow, error) {
	var rows []trackStatsRow
	if err := q.with(ctx).Where("chain_id = ?", chainID).Find(&rows).Error; err != nil {
		return nil, fmt.Errorf("store: track stats: %w", classify(err))
	}
	out := make(map[int64]trackStatsRow, len(rows))
	for _, r := range rows {
		out[r.TrackID] = r
	}
	return out, nil
}

// periodScores sums the daily sales of the window per track (all time when w.First is "").
func (q querier) periodScores(ctx context.Context, chainID int64, w charts.Window, stats map[int64]trackStatsRow) ([]charts.Score, error) {
	var rows []dailyTrackSalesRow
	db := q.with(ctx).Where("chain_id = ? AND day <= ?", chainID, w.Last)
	if w.First != "" {
		db = db.Where("day >= ?", w.First)
	}
	if err := db.Find(&rows).Error; err != nil {
		return nil, fmt.Errorf("store: daily sales %s..%s: %w", w.First, w.Last, classify(err))
	}
	sums := map[int64]*charts.Score{}
	for _, r := range rows {
		s, ok := sums[r.TrackID]
		if !ok {
			st := stats[r.TrackID]
			s = &charts.Score{TrackID: r.TrackID, FirstSaleBlock: st.FirstSaleBlock, FirstSaleLog: st.FirstSaleLog}
			sums[r.TrackID] = s
		}
		s.Sales += r.Sales
		var err error
		if s.Revenue, err = s.Revenue.Add(r.Revenue); err != nil {
			return nil, err
		}
	}
	out := make([]charts.Score, 0, len(sums))
	for _, s := range sums {
		out = append(out, *s)
	}
	return out, nil
}

// anyCursor returns the block of the chain's (only) cursor.
func (q querier) anyCursor(ctx context.Context, chainID int64) (int64, error) {
	var rows []cursorRow
	if err := q.with(ctx).Where("chain_id = ?", chainID).Limit(1).Find(&rows).Error; err != nil || len(rows) == 0 {
		return 0, ErrNotFound
	}
	return rows[0].BlockNumber, nil
}

// Chart returns a stored chart ("" overall, "genre" or "genre/sub-genre" slugs), top first.
func (q querier) Chart(ctx context.Context, chainID uint64, chart string, period charts.Period) ([]charts.Entry, error) {
	var rows []chartEntryRow
	err := q.with(ctx).Where("chain_id = ? AND chart = ? AND period = ?", int64(chainID), chart, string(period)).
		Order("rank").Find(&rows).Error
	if err != nil {
		return nil, fmt.Errorf("store: chart %q %s: %w", chart, period, classify(err))
	}
	out := make([]charts.Entry, len(rows))
	for i, r := range rows {
		out[i] = charts.Entry{Chart: r.Chart, Period: charts.Period(r.Period), Rank: r.Rank,
			Score: charts.Score{TrackID: r.TrackID, Sales: r.Sales, Revenue: r.Revenue}}
		if r.PreviousRank != nil {
			out[i].PreviousRank = *r.PreviousRank
		}
	}
	return out, nil
}

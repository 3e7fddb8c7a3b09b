package store

import (
	"context"
	"fmt"
	"time"

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
// stored charts. Only listed tracks with metadata (uploaded to the market, matched by content hash)
// are charted. The indexer keeps a charts.Board instead (see ChartBuilder), which re-ranks only
// the charts that new sales touch.
func (s *Store) RebuildCharts(ctx context.Context, chainID uint64, now time.Time) error {
	in, asOf, err := s.ChartInputs(ctx, chainID, now)
	if err != nil {
		return err
	}
	board, err := charts.NewBoard(Day(now), in)
	if err != nil {
		return err
	}
	refs, entries := board.All()
	return s.WriteCharts(ctx, chainID, charts.Write{Every: true, Changed: refs, Set: entries}, now, asOf)
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

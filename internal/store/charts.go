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
	Points       wei.Amount `gorm:"column:points"`
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
// are charted. The indexer keeps its charts.Builder instead, whose board re-ranks only
// the charts that new sales touch.
func (s *Store) RebuildCharts(ctx context.Context, chainID uint64, now time.Time) error {
	return charts.NewBuilder(s, chainID).Build(ctx, now) // a new builder ranks everything
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

// ChartTrack is an entry of a stored chart with its track as the market shows it.
type ChartTrack struct {
	charts.Entry
	Track Track
}

// ChartTracks returns a stored chart, top first, with its tracks, in one query; entries whose
// track left the market since the chart was built (delisted, metadata gone) are left out. It scans
// the rows itself: this is the query behind every chart the API renders.
func (q querier) ChartTracks(ctx context.Context, chainID uint64, chart string, period charts.Period) ([]ChartTrack, error) {
	fail := func(err error) ([]ChartTrack, error) {
		return nil, fmt.Errorf("store: chart %q %s: %w", chart, period, classify(err))
	}
	rows, err := q.with(ctx).Table("chart_entries ce").
		Select("ce.rank, ce.points AS chart_points, ce.sales AS chart_sales, ce.revenue AS chart_revenue, ce.previous_rank, "+trackColumns).
		Joins("JOIN tracks t ON t.chain_id = ce.chain_id AND t.track_id = ce.track_id").
		Joins(joinUploadedBy).Joins(joinProfile).
		Joins("LEFT JOIN track_stats s ON s.chain_id = t.chain_id AND s.track_id = t.track_id").
		Where("ce.chain_id = ? AND ce.chart = ? AND ce.period = ?", int64(chainID), chart, string(period)).
		Order("ce.rank").Rows()
	if err != nil {
		return fail(err)
	}
	var entries []charts.Entry
	var prevs []*int
	tracks, err := scanTracks(rows, func(int) []any {
		entries, prevs = append(entries, charts.Entry{Chart: chart, Period: period}), append(prevs, nil)
		e := &entries[len(entries)-1]
		return []any{&e.Rank, &e.Points, &e.Sales, &e.Revenue, &prevs[len(prevs)-1]}
	})
	if err != nil {
		return fail(err)
	}
	out := make([]ChartTrack, len(tracks))
	for i, t := range tracks {
		out[i] = ChartTrack{Entry: entries[i], Track: t}
		out[i].TrackID = t.ID
		if prevs[i] != nil {
			out[i].PreviousRank = *prevs[i]
		}
	}
	return out, nil
}

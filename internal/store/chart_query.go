package store

import (
	"context"
	"fmt"

	"github.com/bittunes/bittunes/internal/charts"
	"github.com/bittunes/bittunes/internal/wei"
)

// GenreChartByQuery computes a genre's chart of a window with one aggregate query over the daily
// points of counted sales, the naive way: the benchmark's baseline for the stored charts
// (PostgreSQL only, where the sums are exact). It ranks by points, then counted sales, then their
// revenue, then track id.
func (q querier) GenreChartByQuery(ctx context.Context, chainID uint64, genre string, w charts.Window) ([]charts.Score, error) {
	var rows []struct {
		TrackID int64  `gorm:"column:track_id"`
		Points  string `gorm:"column:points"`
		Sales   int64  `gorm:"column:sales"`
		Revenue string `gorm:"column:revenue"`
	}
	err := q.with(ctx).Raw(`
		SELECT d.track_id, SUM(d.points)::text AS points, SUM(d.sales) AS sales, SUM(d.revenue)::text AS revenue
		FROM daily_track_points d
		JOIN tracks t ON t.chain_id = d.chain_id AND t.track_id = d.track_id
		`+joinUploadedBy+`
		WHERE d.chain_id = ? AND d.day BETWEEN ? AND ? AND m.genre = ? AND t.listed
		GROUP BY d.track_id
		ORDER BY SUM(d.points) DESC, SUM(d.sales) DESC, SUM(d.revenue) DESC, d.track_id
		LIMIT ?`, int64(chainID), w.First, w.Last, genre, charts.Size).Scan(&rows).Error
	if err != nil {
		return nil, fmt.Errorf("store: chart of %q by query: %w", genre, classify(err))
	}
	out := make([]charts.Score, len(rows))
	for i, r := range rows {
		out[i] = charts.Score{TrackID: r.TrackID, Sales: r.Sales}
		if out[i].Revenue, err = wei.Parse(r.Revenue); err != nil {
			return nil, err
		}
		if out[i].Points, err = wei.Parse(r.Points); err != nil {
			return nil, err
		}
	}
	return out, nil
}

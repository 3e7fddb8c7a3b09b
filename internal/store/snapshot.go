package store

import (
	"context"
	"fmt"
	"time"
)

// Snapshot is every read-model row of one chain in a canonical order and form, to compare two
// databases, or a database with a truth recomputed from the chain. Amounts are decimal strings,
// addresses and hashes lowercase hex, times UTC.
type Snapshot struct {
	Tracks        []string
	Collaborators []string
	Purchases     []string
	Credits       []string
	Withdrawals   []string
	Settings      []string
	TrackStats    []string
	AccountTotals []string
	DailyTracks   []string
	DailyCredits  []string
	// The chart formula's ledger (chart_ledger.go).
	ChartSales       []string
	ChartPayments    []string
	FanPayments      []string
	DailyTrackPoints []string
	TrackPoints      []string
	// Releases (releases.go): releases with their current state, their tracks, changes and purchases.
	Releases         []string
	ReleaseTracks    []string
	ReleaseChanges   []string
	ReleasePurchases []string
}

// Snapshot reads every read-model row of chainID.
func (q querier) Snapshot(ctx context.Context, chainID uint64) (Snapshot, error) {
	c := int64(chainID)
	var s Snapshot
	var err error
	t := func(x time.Time) string { return x.UTC().Format(time.RFC3339) }
	if s.Tracks, err = rowsOf(ctx, q, c, "track_id", func(r trackRow) string {
		return fmt.Sprintf("%d %s %s %d %t %s %s %d", r.TrackID, r.Artist, r.Price, r.ReferralBps, r.Listed, r.MetadataURI, r.ContentHash, r.BlockNumber)
	}); err != nil {
		return s, err
	}
	if s.Collaborators, err = rowsOf(ctx, q, c, "track_id, position", func(r collaboratorRow) string {
		return fmt.Sprintf("%d %d %s %d", r.TrackID, r.Position, r.Account, r.Bps)
	}); err != nil {
		return s, err
	}
	if s.Purchases, err = rowsOf(ctx, q, c, "block_number, log_index", func(r purchaseRow) string {
		return fmt.Sprintf("%s/%d %d %s %d %s %s %q %s %s %s %s %s", r.TxHash, r.LogIndex, r.BlockNumber, t(r.BlockTime), r.TrackID,
			r.Buyer, r.Recipient, r.Referrer, r.Price, r.ArtistAmount, r.ReferrerAmount, r.FeeAmount, r.FeeRecipient)
	}); err != nil {
		return s, err
	}
	if s.Credits, err = rowsOf(ctx, q, c, "block_number, log_index, role", func(r creditRow) string {
		return fmt.Sprintf("%s/%d %s %s %d %s", r.TxHash, r.LogIndex, r.Role, r.Account, r.TrackID, r.Amount)
	}); err != nil {
		return s, err
	}
	if s.Withdrawals, err = rowsOf(ctx, q, c, "block_number, log_index", func(r withdrawalRow) string {
		return fmt.Sprintf("%s/%d %s %s %s", r.TxHash, r.LogIndex, r.Account, r.ToAddress, r.Amount)
	}); err != nil {
		return s, err
	}
	if s.Settings, err = rowsOf(ctx, q, c, "block_number, log_index", func(r settingsChangeRow) string {
		return fmt.Sprintf("%s/%d %s %s", r.TxHash, r.LogIndex, r.Kind, r.Value)
	}); err != nil {
		return s, err
	}
	if s.TrackStats, err = rowsOf(ctx, q, c, "track_id", func(r trackStatsRow) string {
		return fmt.Sprintf("%d sales=%d revenue=%s first=%d/%d last=%s", r.TrackID, r.Sales, r.Revenue, r.FirstSaleBlock, r.FirstSaleLog, t(r.LastSaleAt))
	}); err != nil {
		return s, err
	}
	if s.AccountTotals, err = rowsOf(ctx, q, c, "account", func(r accountTotalsRow) string {
		return fmt.Sprintf("%s credited=%s withdrawn=%s", r.Account, r.Credited, r.Withdrawn)
	}); err != nil {
		return s, err
	}
	if s.DailyTracks, err = rowsOf(ctx, q, c, "track_id, day", func(r dailyTrackSalesRow) string {
		return fmt.Sprintf("%d %s sales=%d revenue=%s", r.TrackID, r.Day, r.Sales, r.Revenue)
	}); err != nil {
		return s, err
	}
	if s.DailyCredits, err = rowsOf(ctx, q, c, "account, day, role", func(r dailyAccountCreditsRow) string {
		return fmt.Sprintf("%s %s %s credits=%d amount=%s", r.Account, r.Day, r.Role, r.Credits, r.Amount)
	}); err != nil {
		return s, err
	}
	if err := q.snapshotReleases(ctx, c, &s); err != nil {
		return s, err
	}
	return s, q.snapshotChartLedger(ctx, c, &s)
}

func (q querier) snapshotChartLedger(ctx context.Context, c int64, s *Snapshot) (err error) {
	if s.ChartSales, err = rowsOf(ctx, q, c, "block_number, log_index", func(r chartSaleRow) string {
		return fmt.Sprintf("%s/%d %d %s %d %s %s %s counted=%t points=%s", r.TxHash, r.LogIndex, r.BlockNumber, r.Day, r.TrackID, r.Buyer, r.Fan,
			r.Price, r.Counted, r.Points)
	}); err != nil {
		return err
	}
	if s.ChartPayments, err = rowsOf(ctx, q, c, "block_number, log_index, payee", func(r chartPaymentRow) string {
		return fmt.Sprintf("%s/%d %s %s %s", r.TxHash, r.LogIndex, r.Payee, r.Fan, r.Amount)
	}); err != nil {
		return err
	}
	if s.FanPayments, err = rowsOf(ctx, q, c, "fan, payee", func(r fanPaymentRow) string {
		return fmt.Sprintf("%s %q %s", r.Fan, r.Payee, r.Amount)
	}); err != nil {
		return err
	}
	if s.DailyTrackPoints, err = rowsOf(ctx, q, c, "track_id, day", func(r dailyTrackPointsRow) string {
		return fmt.Sprintf("%d %s sales=%d revenue=%s points=%s", r.TrackID, r.Day, r.Sales, r.Revenue, r.Points)
	}); err != nil {
		return err
	}
	s.TrackPoints, err = rowsOf(ctx, q, c, "track_id", func(r trackPointsRow) string {
		return fmt.Sprintf("%d sales=%d revenue=%s points=%s", r.TrackID, r.Sales, r.Revenue, r.Points)
	})
	return err
}

func rowsOf[R any](ctx context.Context, q querier, chainID int64, order string, format func(R) string) ([]string, error) {
	var rows []R
	if err := q.with(ctx).Where("chain_id = ?", chainID).Order(order).Find(&rows).Error; err != nil {
		var zero R
		return nil, fmt.Errorf("store: snapshot %T: %w", zero, classify(err))
	}
	out := make([]string, len(rows))
	for i, r := range rows {
		out[i] = format(r)
	}
	return out, nil
}

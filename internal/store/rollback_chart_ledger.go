package store

import (
	"context"
	"errors"
	"fmt"
)

// rollbackChartLedger deletes the chart ledger's facts above block n and takes what they added
// away from its aggregates, deleting the rows left with nothing. Aggregates that do not hold what
// the orphaned facts say are recomputed from the remaining facts of their keys instead.
func (q querier) rollbackChartLedger(ctx context.Context, c, n int64) error {
	var sales []chartSaleRow
	var payments []chartPaymentRow
	for _, rows := range []any{&sales, &payments} {
		if err := q.with(ctx).Where("chain_id = ? AND block_number > ?", c, n).Find(rows).Error; err != nil {
			return fmt.Errorf("store: rollback: chart ledger above block %d: %w", n, classify(err))
		}
	}
	for _, table := range []string{"chart_sales", "chart_payments"} {
		if err := q.with(ctx).Exec("DELETE FROM "+table+" WHERE chain_id = ? AND block_number > ?", c, n).Error; err != nil {
			return fmt.Errorf("store: rollback %s: %w", table, classify(err))
		}
	}
	d := newLedgerDelta()
	for _, s := range sales {
		if err := d.sale(s); err != nil {
			return err
		}
	}
	for _, p := range payments {
		if err := d.payment(p); err != nil {
			return err
		}
	}
	err := q.subtractLedgerDelta(ctx, c, d)
	if errors.Is(err, errAggregatesOutOfStep) {
		return q.rebuildChartLedger(ctx, c, d)
	}
	return err
}

func (q querier) subtractLedgerDelta(ctx context.Context, c int64, d *ledgerDelta) error {
	fans, err := q.fanPayments(ctx, c, keysOf(d.fans))
	if err != nil {
		return err
	}
	var keep []*fanPaymentRow
	var gone [][]any
	for k, amount := range d.fans {
		stored, ok := fans[k]
		if !ok {
			return errAggregatesOutOfStep
		}
		left, err := stored.Sub(amount)
		if err != nil {
			return errAggregatesOutOfStep
		}
		if left.IsZero() { // payments of zero are not recorded
			gone = append(gone, []any{k[0], k[1]})
		} else {
			keep = append(keep, &fanPaymentRow{ChainID: c, Fan: k[0], Payee: k[1], Amount: left})
		}
	}
	daily, totals, err := q.loadTrackPoints(ctx, c, keysOf(d.daily), keysOf(d.totals))
	if err != nil {
		return err
	}
	var keepDaily []*dailyTrackPointsRow
	var goneDaily [][]any
	for k, sub := range d.daily {
		left := daily[k]
		if err := left.sub(*sub); err != nil {
			return err
		}
		if left.Sales == 0 {
			goneDaily = append(goneDaily, []any{k.track, k.day})
		} else {
			keepDaily = append(keepDaily, &dailyTrackPointsRow{ChainID: c, TrackID: k.track, Day: k.day, Sales: left.Sales, Revenue: left.Revenue, Points: left.Points})
		}
	}
	var keepTotals []*trackPointsRow
	var goneTotals []int64
	for id, sub := range d.totals {
		left := totals[id]
		if err := left.sub(*sub); err != nil {
			return err
		}
		if left.Sales == 0 {
			goneTotals = append(goneTotals, id)
		} else {
			keepTotals = append(keepTotals, &trackPointsRow{ChainID: c, TrackID: id, Sales: left.Sales, Revenue: left.Revenue, Points: left.Points})
		}
	}
	for _, del := range []struct {
		sql  string
		args [][]any
	}{
		{"DELETE FROM fan_payments WHERE chain_id = ? AND (fan, payee) IN ?", gone},
		{"DELETE FROM daily_track_points WHERE chain_id = ? AND (track_id, day) IN ?", goneDaily},
	} {
		for _, chunk := range chunks(del.args, 300) {
			if err := q.with(ctx).Exec(del.sql, c, chunk).Error; err != nil {
				return fmt.Errorf("store: rollback chart ledger: %w", classify(err))
			}
		}
	}
	for _, chunk := range chunks(goneTotals, 500) {
		if err := q.with(ctx).Exec("DELETE FROM track_points WHERE chain_id = ? AND track_id IN ?", c, chunk).Error; err != nil {
			return fmt.Errorf("store: rollback track_points: %w", classify(err))
		}
	}
	if err := upsert(ctx, q, keep); err != nil {
		return err
	}
	if err := upsert(ctx, q, keepDaily); err != nil {
		return err
	}
	return upsert(ctx, q, keepTotals)
}

// rebuildChartLedger recomputes the ledger aggregates of the fans and tracks d touches from their
// remaining facts.
func (q querier) rebuildChartLedger(ctx context.Context, c int64, d *ledgerDelta) error {
	fans := map[string]bool{}
	for k := range d.fans {
		fans[k[0]] = true
	}
	tracks := keysOf(d.totals)
	fresh := newLedgerDelta()
	for _, chunk := range chunks(keysOf(fans), 500) {
		if err := q.with(ctx).Exec("DELETE FROM fan_payments WHERE chain_id = ? AND fan IN ?", c, chunk).Error; err != nil {
			return fmt.Errorf("store: rebuild fan_payments: %w", classify(err))
		}
		var rows []chartPaymentRow
		if err := q.with(ctx).Where("chain_id = ? AND fan IN ?", c, chunk).Find(&rows).Error; err != nil {
			return fmt.Errorf("store: rebuild fan_payments: %w", classify(err))
		}
		for _, r := range rows {
			if err := fresh.payment(r); err != nil {
				return err
			}
		}
	}
	for _, chunk := range chunks(tracks, 500) {
		for _, table := range []string{"daily_track_points", "track_points"} {
			if err := q.with(ctx).Exec("DELETE FROM "+table+" WHERE chain_id = ? AND track_id IN ?", c, chunk).Error; err != nil {
				return fmt.Errorf("store: rebuild %s: %w", table, classify(err))
			}
		}
		var rows []chartSaleRow
		if err := q.with(ctx).Where("chain_id = ? AND counted = ? AND track_id IN ?", c, true, chunk).Find(&rows).Error; err != nil {
			return fmt.Errorf("store: rebuild track points: %w", classify(err))
		}
		for _, r := range rows {
			if err := fresh.sale(r); err != nil {
				return err
			}
		}
	}
	// Nothing of these keys is stored any more: adding writes the recomputed rows as they are.
	return q.addLedgerDelta(ctx, c, fresh)
}

package store

import (
	"context"
	"errors"
	"fmt"
)

// errAggregatesOutOfStep reports stored aggregates that do not hold what the facts being rolled back
// added to them.
var errAggregatesOutOfStep = errors.New("aggregates out of step with the facts")

// subtractAggregates takes o, what orphaned facts (already deleted) added, away from the stored
// aggregates, deleting the rows left with nothing. A track's first sale cannot have been orphaned
// unless all its sales were (the orphaned blocks are the newest), so it stays; its last sale is
// read again from its remaining purchases. Aggregates that do not hold what o says (a database
// damaged by hand) are recomputed from the remaining facts instead.
func (q querier) subtractAggregates(ctx context.Context, o *aggregates) error {
	plan, err := q.planSubtraction(ctx, o)
	if errors.Is(err, errAggregatesOutOfStep) {
		return q.rebuildAggregates(ctx, o.chainID, keysOf(o.tracks), keysOf(o.accounts))
	}
	if err != nil {
		return err
	}
	return plan.write(ctx, q)
}

// subtraction is the rows subtractAggregates writes back and the keys it deletes.
type subtraction struct {
	chainID      int64
	tracks       []*trackStatsRow
	noTracks     []int64
	dailyTracks  []*dailyTrackSalesRow
	noDaily      [][]any // track id, day
	accounts     []*accountTotalsRow
	noAccounts   []string
	dailyCredits []*dailyAccountCreditsRow
	noCredits    [][]any // account, day, role
}

func (q querier) planSubtraction(ctx context.Context, o *aggregates) (*subtraction, error) {
	sub := &subtraction{chainID: o.chainID}
	stored := newAggregates(o.chainID)
	if err := q.loadAggregates(ctx, stored, o); err != nil {
		return nil, err
	}
	for id, d := range o.tracks {
		s, ok := stored.tracks[id]
		if !ok || s.Sales < d.Sales {
			return nil, errAggregatesOutOfStep
		}
		revenue, err := s.Revenue.Sub(d.Revenue)
		if err != nil {
			return nil, errAggregatesOutOfStep
		}
		s.Sales, s.Revenue = s.Sales-d.Sales, revenue
		if s.Sales == 0 {
			sub.noTracks = append(sub.noTracks, id)
			continue
		}
		var last []purchaseRow
		err = q.with(ctx).Select("block_time").Where("chain_id = ? AND track_id = ?", o.chainID, id).
			Order("block_number DESC, log_index DESC").Limit(1).Find(&last).Error
		if err != nil {
			return nil, fmt.Errorf("store: rollback: last sale of track %d: %w", id, classify(err))
		}
		if len(last) == 0 {
			return nil, errAggregatesOutOfStep
		}
		s.LastSaleAt = last[0].BlockTime // block times grow with block numbers
		sub.tracks = append(sub.tracks, s)
	}
	for k, d := range o.dailyTracks {
		s, ok := stored.dailyTracks[k]
		if !ok || s.Sales < d.Sales {
			return nil, errAggregatesOutOfStep
		}
		revenue, err := s.Revenue.Sub(d.Revenue)
		if err != nil {
			return nil, errAggregatesOutOfStep
		}
		if s.Sales, s.Revenue = s.Sales-d.Sales, revenue; s.Sales == 0 {
			sub.noDaily = append(sub.noDaily, []any{k.track, k.day})
		} else {
			sub.dailyTracks = append(sub.dailyTracks, s)
		}
	}
	for a, d := range o.accounts {
		s, ok := stored.accounts[a]
		if !ok {
			return nil, errAggregatesOutOfStep
		}
		credited, err1 := s.Credited.Sub(d.Credited)
		withdrawn, err2 := s.Withdrawn.Sub(d.Withdrawn)
		if err1 != nil || err2 != nil {
			return nil, errAggregatesOutOfStep
		}
		// Credits and withdrawals are never of zero wei: an account credited and withdrawn nothing has
		// no facts left.
		if s.Credited, s.Withdrawn = credited, withdrawn; credited.IsZero() && withdrawn.IsZero() {
			sub.noAccounts = append(sub.noAccounts, a)
		} else {
			sub.accounts = append(sub.accounts, s)
		}
	}
	for k, d := range o.dailyCredits {
		s, ok := stored.dailyCredits[k]
		if !ok || s.Credits < d.Credits {
			return nil, errAggregatesOutOfStep
		}
		amount, err := s.Amount.Sub(d.Amount)
		if err != nil {
			return nil, errAggregatesOutOfStep
		}
		if s.Credits, s.Amount = s.Credits-d.Credits, amount; s.Credits == 0 {
			sub.noCredits = append(sub.noCredits, []any{k.account, k.day, k.role})
		} else {
			sub.dailyCredits = append(sub.dailyCredits, s)
		}
	}
	return sub, nil
}

// loadAggregates reads into stored the aggregate rows of the keys of o.
func (q querier) loadAggregates(ctx context.Context, stored, o *aggregates) error {
	c := o.chainID
	for _, chunk := range chunks(keysOf(o.tracks), 500) {
		var rows []trackStatsRow
		if err := q.with(ctx).Where("chain_id = ? AND track_id IN ?", c, chunk).Find(&rows).Error; err != nil {
			return fmt.Errorf("store: rollback: track stats: %w", classify(err))
		}
		for i := range rows {
			stored.tracks[rows[i].TrackID] = &rows[i]
		}
	}
	for _, chunk := range chunks(keysOf(o.dailyTracks), 200) {
		keys := make([][]any, len(chunk))
		for i, k := range chunk {
			keys[i] = []any{k.track, k.day}
		}
		var rows []dailyTrackSalesRow
		if err := q.with(ctx).Where("chain_id = ? AND (track_id, day) IN ?", c, keys).Find(&rows).Error; err != nil {
			return fmt.Errorf("store: rollback: daily track sales: %w", classify(err))
		}
		for i := range rows {
			stored.dailyTracks[dailyTrackKey{rows[i].TrackID, rows[i].Day}] = &rows[i]
		}
	}
	for _, chunk := range chunks(keysOf(o.accounts), 500) {
		var rows []accountTotalsRow
		if err := q.with(ctx).Where("chain_id = ? AND account IN ?", c, chunk).Find(&rows).Error; err != nil {
			return fmt.Errorf("store: rollback: account totals: %w", classify(err))
		}
		for i := range rows {
			stored.accounts[rows[i].Account] = &rows[i]
		}
	}
	for _, chunk := range chunks(keysOf(o.dailyCredits), 150) {
		keys := make([][]any, len(chunk))
		for i, k := range chunk {
			keys[i] = []any{k.account, k.day, k.role}
		}
		var rows []dailyAccountCreditsRow
		if err := q.with(ctx).Where("chain_id = ? AND (account, day, role) IN ?", c, keys).Find(&rows).Error; err != nil {
			return fmt.Errorf("store: rollback: daily account credits: %w", classify(err))
		}
		for i := range rows {
			stored.dailyCredits[dailyCreditKey{rows[i].Account, rows[i].Day, rows[i].Role}] = &rows[i]
		}
	}
	return nil
}

// write stores the subtraction: rows left with nothing are deleted, the others replaced.
func (sub *subtraction) write(ctx context.Context, q querier) error {
	c := sub.chainID
	for _, chunk := range chunks(sub.noTracks, 500) {
		if err := q.with(ctx).Exec("DELETE FROM track_stats WHERE chain_id = ? AND track_id IN ?", c, chunk).Error; err != nil {
			return fmt.Errorf("store: rollback track_stats: %w", classify(err))
		}
	}
	for _, chunk := range chunks(sub.noDaily, 200) {
		if err := q.with(ctx).Exec("DELETE FROM daily_track_sales WHERE chain_id = ? AND (track_id, day) IN ?", c, chunk).Error; err != nil {
			return fmt.Errorf("store: rollback daily_track_sales: %w", classify(err))
		}
	}
	for _, chunk := range chunks(sub.noAccounts, 500) {
		if err := q.with(ctx).Exec("DELETE FROM account_totals WHERE chain_id = ? AND account IN ?", c, chunk).Error; err != nil {
			return fmt.Errorf("store: rollback account_totals: %w", classify(err))
		}
	}
	for _, chunk := range chunks(sub.noCredits, 150) {
		if err := q.with(ctx).Exec("DELETE FROM daily_account_credits WHERE chain_id = ? AND (account, day, role) IN ?", c, chunk).Error; err != nil {
			return fmt.Errorf("store: rollback daily_account_credits: %w", classify(err))
		}
	}
	if err := upsert(ctx, q, sub.tracks); err != nil {
		return err
	}
	if err := upsert(ctx, q, sub.dailyTracks); err != nil {
		return err
	}
	if err := upsert(ctx, q, sub.accounts); err != nil {
		return err
	}
	return upsert(ctx, q, sub.dailyCredits)
}

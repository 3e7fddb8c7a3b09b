package store

import (
	"context"
	"fmt"
	"time"

	"gorm.io/gorm/clause"
)

// aggregates accumulates what fact rows add to the aggregate tables. The same code folds a batch's
// new facts (then merged into the stored aggregates) and, after a reorg, all remaining facts of the
// keys it touched (then written afresh). Money is added with wei.Amount, exactly, on both databases.
type aggregates struct {
	chainID      int64
	tracks       map[int64]*trackStatsRow
	accounts     map[string]*accountTotalsRow
	dailyTracks  map[dailyTrackKey]*dailyTrackSalesRow
	dailyCredits map[dailyCreditKey]*dailyAccountCreditsRow

	lastTime time.Time // the block time day() saw last, and its day
	lastDay  string
}

type dailyTrackKey struct {
	track int64
	day   string
}

type dailyCreditKey struct {
	account, day, role string
}

func newAggregates(chainID int64) *aggregates {
	return &aggregates{chainID: chainID, tracks: map[int64]*trackStatsRow{}, accounts: map[string]*accountTotalsRow{},
		dailyTracks: map[dailyTrackKey]*dailyTrackSalesRow{}, dailyCredits: map[dailyCreditKey]*dailyAccountCreditsRow{}}
}

// Day is the UTC calendar day of t, as stored: YYYY-MM-DD.
func Day(t time.Time) string { return t.UTC().Format(time.DateOnly) }

// day is Day(t), remembering the last answer: the rows of a block share their time.
func (a *aggregates) day(t time.Time) string {
	if !t.Equal(a.lastTime) || a.lastDay == "" {
		a.lastTime, a.lastDay = t, Day(t)
	}
	return a.lastDay
}

func (a *aggregates) purchase(p purchaseRow) error {
	st, ok := a.tracks[p.TrackID]
	if !ok {
		st = &trackStatsRow{ChainID: a.chainID, TrackID: p.TrackID, FirstSaleBlock: p.BlockNumber, FirstSaleLog: p.LogIndex, LastSaleAt: p.BlockTime}
		a.tracks[p.TrackID] = st
	}
	if err := st.add(trackStatsRow{Sales: 1, Revenue: p.Price, FirstSaleBlock: p.BlockNumber, FirstSaleLog: p.LogIndex, LastSaleAt: p.BlockTime}); err != nil {
		return err
	}
	k := dailyTrackKey{p.TrackID, a.day(p.BlockTime)}
	d, ok := a.dailyTracks[k]
	if !ok {
		d = &dailyTrackSalesRow{ChainID: a.chainID, TrackID: k.track, Day: k.day}
		a.dailyTracks[k] = d
	}
	return d.add(dailyTrackSalesRow{Sales: 1, Revenue: p.Price})
}

func (a *aggregates) credit(c creditRow) error {
	if err := a.account(c.Account).add(accountTotalsRow{Credited: c.Amount}); err != nil {
		return err
	}
	k := dailyCreditKey{c.Account, a.day(c.BlockTime), c.Role}
	d, ok := a.dailyCredits[k]
	if !ok {
		d = &dailyAccountCreditsRow{ChainID: a.chainID, Account: k.account, Day: k.day, Role: k.role}
		a.dailyCredits[k] = d
	}
	return d.add(dailyAccountCreditsRow{Credits: 1, Amount: c.Amount})
}

func (a *aggregates) withdrawal(w withdrawalRow) error {
	return a.account(w.Account).add(accountTotalsRow{Withdrawn: w.Amount})
}

func (a *aggregates) account(account string) *accountTotalsRow {
	t, ok := a.accounts[account]
	if !ok {
		t = &accountTotalsRow{ChainID: a.chainID, Account: account}
		a.accounts[account] = t
	}
	return t
}

func (r *trackStatsRow) add(o trackStatsRow) (err error) {
	r.Sales += o.Sales
	if r.Revenue, err = r.Revenue.Add(o.Revenue); err != nil {
		return fmt.Errorf("track %d revenue: %w", r.TrackID, err)
	}
	if o.FirstSaleBlock < r.FirstSaleBlock || (o.FirstSaleBlock == r.FirstSaleBlock && o.FirstSaleLog < r.FirstSaleLog) {
		r.FirstSaleBlock, r.FirstSaleLog = o.FirstSaleBlock, o.FirstSaleLog
	}
	if o.LastSaleAt.After(r.LastSaleAt) {
		r.LastSaleAt = o.LastSaleAt
	}
	return nil
}

func (r *dailyTrackSalesRow) add(o dailyTrackSalesRow) (err error) {
	r.Sales += o.Sales
	r.Revenue, err = r.Revenue.Add(o.Revenue)
	return err
}

func (r *accountTotalsRow) add(o accountTotalsRow) (err error) {
	if r.Credited, err = r.Credited.Add(o.Credited); err != nil {
		return err
	}
	r.Withdrawn, err = r.Withdrawn.Add(o.Withdrawn)
	return err
}

func (r *dailyAccountCreditsRow) add(o dailyAccountCreditsRow) (err error) {
	r.Credits += o.Credits
	r.Amount, err = r.Amount.Add(o.Amount)
	return err
}

// mergeAggregates adds a's rows to the stored aggregates.
func (q querier) mergeAggregates(ctx context.Context, a *aggregates) error {
	if err := q.mergeTrackStats(ctx, a); err != nil {
		return err
	}
	if err := q.mergeAccountTotals(ctx, a); err != nil {
		return err
	}
	if err := q.mergeDailyTracks(ctx, a); err != nil {
		return err
	}
	return q.mergeDailyCredits(ctx, a)
}

func (q querier) mergeTrackStats(ctx context.Context, a *aggregates) error {
	ids := keysOf(a.tracks)
	for _, chunk := range chunks(ids, 500) {
		var stored []trackStatsRow
		if err := q.with(ctx).Where("chain_id = ? AND track_id IN ?", a.chainID, chunk).Find(&stored).Error; err != nil {
			return fmt.Errorf("store: track stats: %w", classify(err))
		}
		for _, s := range stored {
			if err := a.tracks[s.TrackID].add(s); err != nil {
				return err
			}
		}
	}
	return upsert(ctx, q, valuesOf(a.tracks))
}

func (q querier) mergeAccountTotals(ctx context.Context, a *aggregates) error {
	accounts := keysOf(a.accounts)
	for _, chunk := range chunks(accounts, 500) {
		var stored []accountTotalsRow
		if err := q.with(ctx).Where("chain_id = ? AND account IN ?", a.chainID, chunk).Find(&stored).Error; err != nil {
			return fmt.Errorf("store: account totals: %w", classify(err))
		}
		for _, s := range stored {
			if err := a.accounts[s.Account].add(s); err != nil {
				return err
			}
		}
	}
	return upsert(ctx, q, valuesOf(a.accounts))
}

func (q querier) mergeDailyTracks(ctx context.Context, a *aggregates) error {
	ids, days := map[int64]bool{}, map[string]bool{}
	for k := range a.dailyTracks {
		ids[k.track], days[k.day] = true, true
	}
	for _, chunk := range chunks(keysOf(ids), 500) {
		var stored []dailyTrackSalesRow
		if err := q.with(ctx).Where("chain_id = ? AND track_id IN ? AND day IN ?", a.chainID, chunk, keysOf(days)).Find(&stored).Error; err != nil {
			return fmt.Errorf("store: daily track sales: %w", classify(err))
		}
		for _, s := range stored {
			if d, ok := a.dailyTracks[dailyTrackKey{s.TrackID, s.Day}]; ok {
				if err := d.add(s); err != nil {
					return err
				}
			}
		}
	}
	return upsert(ctx, q, valuesOf(a.dailyTracks))
}

func (q querier) mergeDailyCredits(ctx context.Context, a *aggregates) error {
	accounts, days := map[string]bool{}, map[string]bool{}
	for k := range a.dailyCredits {
		accounts[k.account], days[k.day] = true, true
	}
	for _, chunk := range chunks(keysOf(accounts), 500) {
		var stored []dailyAccountCreditsRow
		if err := q.with(ctx).Where("chain_id = ? AND account IN ? AND day IN ?", a.chainID, chunk, keysOf(days)).Find(&stored).Error; err != nil {
			return fmt.Errorf("store: daily account credits: %w", classify(err))
		}
		for _, s := range stored {
			if d, ok := a.dailyCredits[dailyCreditKey{s.Account, s.Day, s.Role}]; ok {
				if err := d.add(s); err != nil {
					return err
				}
			}
		}
	}
	return upsert(ctx, q, valuesOf(a.dailyCredits))
}

// upsert writes rows, replacing stored rows with the same key.
func upsert[T any](ctx context.Context, q querier, rows []*T) error {
	if len(rows) == 0 {
		return nil
	}
	if err := q.with(ctx).Clauses(clause.OnConflict{UpdateAll: true}).CreateInBatches(rows, q.rowsPerInsert(rows)).Error; err != nil {
		return fmt.Errorf("store: upsert %T: %w", rows[0], classify(err))
	}
	return nil
}

func keysOf[K comparable, V any](m map[K]V) []K {
	out := make([]K, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	return out
}

func valuesOf[K comparable, V any](m map[K]*V) []*V {
	out := make([]*V, 0, len(m))
	for _, v := range m {
		out = append(out, v)
	}
	return out
}

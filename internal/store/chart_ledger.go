package store

import (
	"context"
	"database/sql"
	"fmt"
	"strings"

	"github.com/bittunes/bittunes/internal/charts"
	"github.com/bittunes/bittunes/internal/market"
	"github.com/bittunes/bittunes/internal/wei"
)

// The chart formula's ledger (charts.Ledger) kept in the database: each batch's sales are judged
// in chain order from what the ledger tables say about the accounts and tracks they involve, and
// the verdicts (chart_sales), the payments to the tracks' teams (chart_payments) and what they add
// to the aggregates (fan_payments, daily_track_points, track_points) are stored with the batch.

type chartSaleRow struct {
	ChainID     int64      `gorm:"column:chain_id;primaryKey"`
	TxHash      string     `gorm:"column:tx_hash;primaryKey"`
	LogIndex    int        `gorm:"column:log_index;primaryKey"`
	BlockNumber int64      `gorm:"column:block_number"`
	Day         string     `gorm:"column:day"`
	TrackID     int64      `gorm:"column:track_id"`
	Buyer       string     `gorm:"column:buyer"`
	Fan         string     `gorm:"column:fan"`
	Price       wei.Amount `gorm:"column:price"`
	Counted     bool       `gorm:"column:counted"`
	Points      wei.Amount `gorm:"column:points"`
}

func (chartSaleRow) TableName() string { return "chart_sales" }

type chartPaymentRow struct {
	ChainID     int64      `gorm:"column:chain_id;primaryKey"`
	TxHash      string     `gorm:"column:tx_hash;primaryKey"`
	LogIndex    int        `gorm:"column:log_index;primaryKey"`
	Payee       string     `gorm:"column:payee;primaryKey"`
	BlockNumber int64      `gorm:"column:block_number"`
	Fan         string     `gorm:"column:fan"`
	Amount      wei.Amount `gorm:"column:amount"`
}

func (chartPaymentRow) TableName() string { return "chart_payments" }

type fanPaymentRow struct {
	ChainID int64      `gorm:"column:chain_id;primaryKey"`
	Fan     string     `gorm:"column:fan;primaryKey"`
	Payee   string     `gorm:"column:payee;primaryKey"`
	Amount  wei.Amount `gorm:"column:amount"`
}

func (fanPaymentRow) TableName() string { return "fan_payments" }

type dailyTrackPointsRow struct {
	ChainID int64      `gorm:"column:chain_id;primaryKey"`
	TrackID int64      `gorm:"column:track_id;primaryKey"`
	Day     string     `gorm:"column:day;primaryKey"`
	Sales   int64      `gorm:"column:sales"`
	Revenue wei.Amount `gorm:"column:revenue"`
	Points  wei.Amount `gorm:"column:points"`
}

func (dailyTrackPointsRow) TableName() string { return "daily_track_points" }

type trackPointsRow struct {
	ChainID int64      `gorm:"column:chain_id;primaryKey"`
	TrackID int64      `gorm:"column:track_id;primaryKey"`
	Sales   int64      `gorm:"column:sales"`
	Revenue wei.Amount `gorm:"column:revenue"`
	Points  wei.Amount `gorm:"column:points"`
}

func (trackPointsRow) TableName() string { return "track_points" }

// pointsSum is the points, number and revenue of counted sales.
type pointsSum struct {
	Sales   int64
	Revenue wei.Amount
	Points  wei.Amount
}

func (s *pointsSum) add(o pointsSum) (err error) {
	s.Sales += o.Sales
	if s.Revenue, err = s.Revenue.Add(o.Revenue); err != nil {
		return err
	}
	s.Points, err = s.Points.Add(o.Points)
	return err
}

func (s *pointsSum) sub(o pointsSum) (err error) {
	if s.Sales < o.Sales {
		return errAggregatesOutOfStep
	}
	s.Sales -= o.Sales
	if s.Revenue, err = s.Revenue.Sub(o.Revenue); err != nil {
		return errAggregatesOutOfStep
	}
	if s.Points, err = s.Points.Sub(o.Points); err != nil {
		return errAggregatesOutOfStep
	}
	return nil
}

// ledgerDelta is what a run of judged sales adds to the ledger's aggregates.
type ledgerDelta struct {
	fans   map[[2]string]wei.Amount // (fan, payee) → amount
	daily  map[dailyTrackKey]*pointsSum
	totals map[int64]*pointsSum
}

func newLedgerDelta() *ledgerDelta {
	return &ledgerDelta{fans: map[[2]string]wei.Amount{}, daily: map[dailyTrackKey]*pointsSum{}, totals: map[int64]*pointsSum{}}
}

func (d *ledgerDelta) sale(s chartSaleRow) error {
	if !s.Counted {
		return nil
	}
	add := pointsSum{Sales: 1, Revenue: s.Price, Points: s.Points}
	k := dailyTrackKey{s.TrackID, s.Day}
	if d.daily[k] == nil {
		d.daily[k] = &pointsSum{}
	}
	if d.totals[s.TrackID] == nil {
		d.totals[s.TrackID] = &pointsSum{}
	}
	if err := d.daily[k].add(add); err != nil {
		return err
	}
	return d.totals[s.TrackID].add(add)
}

func (d *ledgerDelta) payment(p chartPaymentRow) error {
	for _, k := range [][2]string{{p.Fan, p.Payee}, {p.Fan, ""}} {
		sum, err := d.fans[k].Add(p.Amount)
		if err != nil {
			return err
		}
		d.fans[k] = sum
	}
	return nil
}

// judgement is what judging a batch's sales decided: the verdicts and payments to store, and the
// ledger (seeded from the stored aggregates) with what they add to the aggregates.
type judgement struct {
	chainID  int64
	sales    []chartSaleRow
	payments []chartPaymentRow
	ledger   *charts.Ledger
	delta    *ledgerDelta
}

// judgeSales applies the chart formula to the sales among events, in order, reading (through rows)
// only what the ledger tables held before the batch. earlier holds the team (the artist, then the
// collaborators) of every track sold that was registered before the batch; the others' come with
// their registration in events. It writes nothing: write stores the judgement.
func judgeSales(ctx context.Context, chainID int64, events []market.Event, earlier map[int64][]string, rows ledgerRows) (*judgement, error) {
	var sales []market.Sale
	registered := map[int64][]string{}
	for _, ev := range events {
		switch e := ev.(type) {
		case market.Sale:
			sales = append(sales, e)
		case market.TrackRegistered:
			team := []string{addressText(e.Artist)}
			for _, c := range e.Collaborators {
				team = append(team, addressText(c.Account))
			}
			registered[e.TrackID] = team
		}
	}
	if len(sales) == 0 {
		return nil, nil
	}
	for id, team := range earlier {
		if _, ok := registered[id]; !ok {
			registered[id] = team
		}
	}
	purchases, err := chartPurchases(sales, registered)
	if err != nil {
		return nil, err
	}
	ledger, err := seedLedger(ctx, rows, chainID, purchases)
	if err != nil {
		return nil, err
	}
	j := &judgement{chainID: chainID, sales: make([]chartSaleRow, len(sales)), ledger: ledger, delta: newLedgerDelta()}
	for i, e := range sales {
		p := purchases[i]
		v, err := ledger.Judge(p)
		if err != nil {
			return nil, fmt.Errorf("store: judge sale %s/%d: %w", e.TxHash.Hex(), e.LogIndex, err)
		}
		tx, li, bn := hashText(e.TxHash), int(e.LogIndex), int64(e.BlockNumber)
		j.sales[i] = chartSaleRow{ChainID: chainID, TxHash: tx, LogIndex: li, BlockNumber: bn, Day: Day(e.BlockTime), TrackID: e.TrackID,
			Buyer: p.Buyer, Fan: p.Recipient, Price: p.Price, Counted: v.Counted, Points: v.Points}
		if err := j.delta.sale(j.sales[i]); err != nil {
			return nil, err
		}
		for _, pay := range p.Paid {
			if pay.Amount.IsZero() {
				continue
			}
			j.payments = append(j.payments, chartPaymentRow{ChainID: chainID, TxHash: tx, LogIndex: li, Payee: pay.Account, BlockNumber: bn,
				Fan: p.Recipient, Amount: pay.Amount})
			if err := j.delta.payment(j.payments[len(j.payments)-1]); err != nil {
				return nil, err
			}
		}
	}
	j.payments = mergePayments(j.payments)
	return j, nil
}

// write stores the verdicts and payments (through rows) and what they add to the aggregates. A nil
// judgement (no sales) writes nothing.
func (j *judgement) write(ctx context.Context, rows ledgerRows) error {
	if j == nil {
		return nil
	}
	if err := rows.insertLedger(ctx, j.sales, j.payments); err != nil {
		return err
	}
	return rows.addLedger(ctx, j.chainID, j.ledger, j.delta)
}

// ledgerRows reads and writes the chart ledger's rows for judgeSales.
type ledgerRows interface {
	// ledgerState reads the stored fan_payments of the given (fan, payee) keys, and returns the
	// pairs among counted whose account was the buyer or the fan of a counted sale of the track.
	ledgerState(ctx context.Context, chainID int64, spend [][2]string, counted []trackAccount) (map[[2]string]wei.Amount, []trackAccount, error)
	// insertLedger inserts a batch's verdicts and payments.
	insertLedger(ctx context.Context, sales []chartSaleRow, payments []chartPaymentRow) error
	// addLedger stores what judging a batch changed: d added to the stored aggregates (l, seeded
	// from the stored ones, holds the fans' payments after the batch).
	addLedger(ctx context.Context, chainID int64, l *charts.Ledger, d *ledgerDelta) error
}

// insertLedger inserts the chart ledger's fact rows through gorm.
func (q querier) insertLedger(ctx context.Context, sales []chartSaleRow, payments []chartPaymentRow) error {
	if err := insertNew(ctx, q, sales); err != nil {
		return err
	}
	return insertNew(ctx, q, payments)
}

// mergePayments folds payments to the same payee by the same sale (an artist who is also a
// collaborator) into one row.
func mergePayments(rows []chartPaymentRow) []chartPaymentRow {
	type key struct {
		tx    string
		log   int
		payee string
	}
	at := map[key]int{}
	out := rows[:0:0]
	for _, r := range rows {
		k := key{r.TxHash, r.LogIndex, r.Payee}
		if i, ok := at[k]; ok {
			out[i].Amount, _ = out[i].Amount.Add(r.Amount) // parts of one price
			continue
		}
		at[k] = len(out)
		out = append(out, r)
	}
	return out
}

// chartPurchases turns sales into the formula's purchases: their teams (the artist and the
// collaborators registered with the track) and what each sale credited to them.
func chartPurchases(sales []market.Sale, teams map[int64][]string) ([]charts.Purchase, error) {
	out := make([]charts.Purchase, len(sales))
	for i, s := range sales {
		keeps, err := s.ArtistKeeps()
		if err != nil {
			return nil, fmt.Errorf("store: sale %s/%d: %w", s.TxHash.Hex(), s.LogIndex, err)
		}
		team := teams[s.TrackID]
		if len(team) == 0 {
			return nil, fmt.Errorf("store: sale of unknown track %d: %w", s.TrackID, ErrInvalid)
		}
		p := charts.Purchase{TrackID: s.TrackID, Buyer: addressText(s.Buyer), Recipient: addressText(s.Recipient), Price: s.Price,
			Team: team, Paid: []charts.Payment{{Account: team[0], Amount: keeps}}}
		if s.Referred() {
			p.Referrer = addressText(s.Referrer)
		}
		for _, c := range s.Collaborators {
			p.Paid = append(p.Paid, charts.Payment{Account: addressText(c.Account), Amount: c.Amount})
		}
		out[i] = p
	}
	return out, nil
}

// teams reads the artist and collaborators of tracks registered before the batch.
func (q querier) teams(ctx context.Context, chainID int64, ids []int64, artists map[int64]string) (map[int64][]string, error) {
	out := make(map[int64][]string, len(ids))
	for _, id := range ids {
		if a, ok := artists[id]; ok {
			out[id] = []string{a}
		}
	}
	for _, chunk := range chunks(ids, 500) {
		var rows []collaboratorRow
		if err := q.with(ctx).Where("chain_id = ? AND track_id IN ?", chainID, chunk).Order("track_id, position").Find(&rows).Error; err != nil {
			return nil, fmt.Errorf("store: collaborators of tracks: %w", classify(err))
		}
		for _, r := range rows {
			out[r.TrackID] = append(out[r.TrackID], r.Account)
		}
	}
	return out, nil
}

// seedLedger loads into a fresh ledger exactly what judging purchases reads: what each fan paid in
// total, to itself and to each member of the team of a track it bought, and whether the buyer or
// the fan of each purchase was counted for that track already. Every read is by key (the primary
// key of fan_payments; chart_sales's (buyer, track) and (fan, track) indexes), so a batch costs
// what it holds, not what its accounts did before.
func seedLedger(ctx context.Context, rows ledgerRows, chainID int64, purchases []charts.Purchase) (*charts.Ledger, error) {
	l := charts.NewLedger()
	spend := map[[2]string]bool{}
	counted := map[trackAccount]bool{}
	for _, p := range purchases {
		for _, payee := range append([]string{"", p.Recipient}, p.Team...) {
			spend[[2]string{p.Recipient, payee}] = true
		}
		counted[trackAccount{p.TrackID, p.Buyer}], counted[trackAccount{p.TrackID, p.Recipient}] = true, true
	}
	stored, found, err := rows.ledgerState(ctx, chainID, keysOf(spend), keysOf(counted))
	if err != nil {
		return nil, err
	}
	for k, amount := range stored {
		l.SeedSpend(k[0], k[1], amount)
	}
	for _, k := range found {
		l.SeedCounted(k.track, k.account)
	}
	return l, nil
}

// ledgerState reads through gorm, one query after the other.
func (q querier) ledgerState(ctx context.Context, chainID int64, spend [][2]string, counted []trackAccount) (map[[2]string]wei.Amount, []trackAccount, error) {
	stored, err := q.fanPayments(ctx, chainID, spend)
	if err != nil {
		return nil, nil, err
	}
	found, err := q.countedAlready(ctx, chainID, counted)
	return stored, found, err
}

// trackAccount is an account in the role of buyer or fan of a track's sale.
type trackAccount struct {
	track   int64
	account string
}

// countedAlready reads through gorm, with the keys as VALUES lists.
func (q querier) countedAlready(ctx context.Context, chainID int64, keys []trackAccount) ([]trackAccount, error) {
	var out []trackAccount
	for _, chunk := range chunks(keys, 1_000) {
		args := make([]any, 0, 2*len(chunk)+4)
		for _, k := range chunk {
			args = append(args, k.track, k.account)
		}
		args = append(args, chainID, true, chainID, true)
		rows, err := q.with(ctx).Raw(`WITH k(track_id, account) AS (VALUES `+valuesList(len(chunk), "(CAST(? AS BIGINT), ?)")+`)
SELECT k.track_id, k.account FROM k
WHERE EXISTS (SELECT 1 FROM chart_sales s WHERE s.chain_id = ? AND s.buyer = k.account AND s.track_id = k.track_id AND s.counted = ?)
   OR EXISTS (SELECT 1 FROM chart_sales s WHERE s.chain_id = ? AND s.fan = k.account AND s.track_id = k.track_id AND s.counted = ?)`,
			args...).Rows()
		if err != nil {
			return nil, fmt.Errorf("store: counted sales: %w", classify(err))
		}
		out, err = scanRows(rows, out, func(r *trackAccount) []any { return []any{&r.track, &r.account} })
		if err != nil {
			return nil, fmt.Errorf("store: counted sales: %w", classify(err))
		}
	}
	return out, nil
}

// scanRows appends to out a T per row, scanned into the fields dest names, and closes rows.
func scanRows[T any](rows *sql.Rows, out []T, dest func(*T) []any) ([]T, error) {
	defer rows.Close()
	for rows.Next() {
		var r T
		if err := rows.Scan(dest(&r)...); err != nil {
			return out, err
		}
		out = append(out, r)
	}
	return out, rows.Err()
}

// valuesList is n copies of row, comma-separated: the rows of a VALUES list of placeholders.
func valuesList(n int, row string) string {
	return strings.TrimSuffix(strings.Repeat(row+", ", n), ", ")
}

// addLedger writes through gorm the payments of the fans the batch touched as the ledger now holds
// them, and d's points added to the stored ones in Go (SQLite has no exact arithmetic on money).
func (q querier) addLedger(ctx context.Context, chainID int64, l *charts.Ledger, d *ledgerDelta) error {
	fanRows := make([]*fanPaymentRow, 0, len(d.fans))
	for k := range d.fans {
		fanRows = append(fanRows, &fanPaymentRow{ChainID: chainID, Fan: k[0], Payee: k[1], Amount: l.Spend(k[0], k[1])})
	}
	if err := upsert(ctx, q, fanRows); err != nil {
		return err
	}
	return q.addTrackPoints(ctx, chainID, d)
}

// addLedgerDelta adds d to the stored ledger aggregates.
func (q querier) addLedgerDelta(ctx context.Context, chainID int64, d *ledgerDelta) error {
	fans, err := q.fanPayments(ctx, chainID, keysOf(d.fans))
	if err != nil {
		return err
	}
	var fanRows []*fanPaymentRow
	for k, amount := range d.fans {
		sum, err := fans[k].Add(amount)
		if err != nil {
			return fmt.Errorf("store: payments of %s to %q: %w", k[0], k[1], err)
		}
		fanRows = append(fanRows, &fanPaymentRow{ChainID: chainID, Fan: k[0], Payee: k[1], Amount: sum})
	}
	if err := upsert(ctx, q, fanRows); err != nil {
		return err
	}
	return q.addTrackPoints(ctx, chainID, d)
}

// addTrackPoints adds d's points to the stored ones.
func (q querier) addTrackPoints(ctx context.Context, chainID int64, d *ledgerDelta) error {
	daily, totals, err := q.loadTrackPoints(ctx, chainID, keysOf(d.daily), keysOf(d.totals))
	if err != nil {
		return err
	}
	var dailyRows []*dailyTrackPointsRow
	for k, add := range d.daily {
		sum := daily[k]
		if err := sum.add(*add); err != nil {
			return fmt.Errorf("store: points of track %d on %s: %w", k.track, k.day, err)
		}
		dailyRows = append(dailyRows, &dailyTrackPointsRow{ChainID: chainID, TrackID: k.track, Day: k.day, Sales: sum.Sales, Revenue: sum.Revenue, Points: sum.Points})
	}
	var totalRows []*trackPointsRow
	for id, add := range d.totals {
		sum := totals[id]
		if err := sum.add(*add); err != nil {
			return fmt.Errorf("store: points of track %d: %w", id, err)
		}
		totalRows = append(totalRows, &trackPointsRow{ChainID: chainID, TrackID: id, Sales: sum.Sales, Revenue: sum.Revenue, Points: sum.Points})
	}
	if err := upsert(ctx, q, dailyRows); err != nil {
		return err
	}
	return upsert(ctx, q, totalRows)
}

// fanPayments reads through gorm, with the keys as VALUES lists.
func (q querier) fanPayments(ctx context.Context, chainID int64, keys [][2]string) (map[[2]string]wei.Amount, error) {
	type row struct {
		key    [2]string
		amount wei.Amount
	}
	var found []row
	for _, chunk := range chunks(keys, 1_000) {
		args := make([]any, 0, 2*len(chunk)+1)
		for _, k := range chunk {
			args = append(args, k[0], k[1])
		}
		args = append(args, chainID)
		rows, err := q.with(ctx).Raw(`WITH k(fan, payee) AS (VALUES `+valuesList(len(chunk), "(?, ?)")+`)
SELECT f.fan, f.payee, f.amount FROM k CROSS JOIN fan_payments f WHERE f.chain_id = ? AND f.fan = k.fan AND f.payee = k.payee`,
			args...).Rows()
		if err != nil {
			return nil, fmt.Errorf("store: fan payments: %w", classify(err))
		}
		if found, err = scanRows(rows, found, func(r *row) []any { return []any{&r.key[0], &r.key[1], &r.amount} }); err != nil {
			return nil, fmt.Errorf("store: fan payments: %w", classify(err))
		}
	}
	out := make(map[[2]string]wei.Amount, len(found))
	for _, r := range found {
		out[r.key] = r.amount
	}
	return out, nil
}

// loadTrackPoints reads the stored points rows of the given days and tracks (zero sums for those
// not stored).
func (q querier) loadTrackPoints(ctx context.Context, chainID int64, days []dailyTrackKey, tracks []int64) (map[dailyTrackKey]*pointsSum, map[int64]*pointsSum, error) {
	daily := make(map[dailyTrackKey]*pointsSum, len(days))
	ids, dayset := map[int64]bool{}, map[string]bool{}
	for _, k := range days {
		daily[k] = &pointsSum{}
		ids[k.track], dayset[k.day] = true, true
	}
	for _, chunk := range chunks(keysOf(ids), 500) {
		var rows []dailyTrackPointsRow
		if err := q.with(ctx).Where("chain_id = ? AND track_id IN ? AND day IN ?", chainID, chunk, keysOf(dayset)).Find(&rows).Error; err != nil {
			return nil, nil, fmt.Errorf("store: daily track points: %w", classify(err))
		}
		for _, r := range rows {
			if _, ok := daily[dailyTrackKey{r.TrackID, r.Day}]; ok {
				daily[dailyTrackKey{r.TrackID, r.Day}] = &pointsSum{Sales: r.Sales, Revenue: r.Revenue, Points: r.Points}
			}
		}
	}
	totals := make(map[int64]*pointsSum, len(tracks))
	for _, id := range tracks {
		totals[id] = &pointsSum{}
	}
	for _, chunk := range chunks(tracks, 500) {
		var rows []trackPointsRow
		if err := q.with(ctx).Where("chain_id = ? AND track_id IN ?", chainID, chunk).Find(&rows).Error; err != nil {
			return nil, nil, fmt.Errorf("store: track points: %w", classify(err))
		}
		for _, r := range rows {
			totals[r.TrackID] = &pointsSum{Sales: r.Sales, Revenue: r.Revenue, Points: r.Points}
		}
	}
	return daily, totals, nil
}

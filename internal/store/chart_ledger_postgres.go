package store

import (
	"context"
	"fmt"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgtype"

	"github.com/bittunes/bittunes/internal/charts"
	"github.com/bittunes/bittunes/internal/wei"
)

// insertLedger writes the chart ledger's fact rows, as insertFacts writes the market's.
func (w pgBulk) insertLedger(ctx context.Context, sales []chartSaleRow, payments []chartPaymentRow) error {
	return w.writeFacts(ctx, ledgerCopyTables(sales, payments))
}

// ledgerCopyTables lists the rows by table with the columns COPY writes: every column of the row
// structs (a test holds them to gorm's reading of the structs).
func ledgerCopyTables(sales []chartSaleRow, payments []chartPaymentRow) []factTable {
	return []factTable{
		{"chart_sales", []string{"chain_id", "tx_hash", "log_index", "block_number", "day", "track_id", "buyer", "fan", "price", "counted", "points"},
			len(sales), func(i int) []any {
				r := &sales[i]
				return []any{r.ChainID, r.TxHash, int32(r.LogIndex), r.BlockNumber, r.Day, r.TrackID, r.Buyer, r.Fan, numeric(r.Price), r.Counted, numeric(r.Points)}
			}},
		{"chart_payments", []string{"chain_id", "tx_hash", "log_index", "payee", "block_number", "fan", "amount"},
			len(payments), func(i int) []any {
				r := &payments[i]
				return []any{r.ChainID, r.TxHash, int32(r.LogIndex), r.Payee, r.BlockNumber, r.Fan, numeric(r.Amount)}
			}},
	}
}

// ledgerState reads through pgx in one round trip (with the writes held back, which it so sees),
// the keys as arrays: the fan payments joined on
// fan_payments' primary key, the counted pairs probing chart_sales's (buyer, track) and (fan,
// track) indexes.
func (w pgBulk) ledgerState(ctx context.Context, chainID int64, spend [][2]string, counted []trackAccount) (map[[2]string]wei.Amount, []trackAccount, error) {
	fans, payees := make([]string, len(spend)), make([]string, len(spend))
	for i, k := range spend {
		fans[i], payees[i] = k[0], k[1]
	}
	tracks, accounts := make([]int64, len(counted)), make([]string, len(counted))
	for i, k := range counted {
		tracks[i], accounts[i] = k.track, k.account
	}
	stored := make(map[[2]string]wei.Amount, len(spend))
	var found []trackAccount
	var b pgx.Batch
	b.Queue(`SELECT f.fan, f.payee, f.amount::text
			FROM unnest($2::text[], $3::text[]) AS k(fan, payee)
			JOIN fan_payments f ON f.chain_id = $1 AND f.fan = k.fan AND f.payee = k.payee`, chainID, fans, payees).
		Query(func(rows pgx.Rows) error {
			var k [2]string
			var amount wei.Amount
			_, err := pgx.ForEachRow(rows, []any{&k[0], &k[1], &amount}, func() error {
				stored[k] = amount
				return nil
			})
			return err
		})
	b.Queue(`SELECT k.track_id, k.account FROM unnest($2::bigint[], $3::text[]) AS k(track_id, account)
			WHERE EXISTS (SELECT 1 FROM chart_sales s WHERE s.chain_id = $1 AND s.buyer = k.account AND s.track_id = k.track_id AND s.counted)
			   OR EXISTS (SELECT 1 FROM chart_sales s WHERE s.chain_id = $1 AND s.fan = k.account AND s.track_id = k.track_id AND s.counted)`,
		chainID, tracks, accounts).
		Query(func(rows pgx.Rows) error {
			var k trackAccount
			_, err := pgx.ForEachRow(rows, []any{&k.track, &k.account}, func() error {
				found = append(found, k)
				return nil
			})
			return err
		})
	if err := w.send(ctx, &b); err != nil {
		return nil, nil, fmt.Errorf("store: fan payments and counted sales: %w", err)
	}
	return stored, found, nil
}

// addLedger adds d to the stored aggregates in SQL, one upsert per table, as mergeAggregates adds
// the market's (NUMERIC sums are exact); l is not needed.
func (w pgBulk) addLedger(ctx context.Context, chainID int64, _ *charts.Ledger, d *ledgerDelta) error {
	var fp struct {
		fan, payee []string
		amount     []pgtype.Numeric
	}
	for k, amount := range d.fans {
		fp.fan, fp.payee, fp.amount = append(fp.fan, k[0]), append(fp.payee, k[1]), append(fp.amount, numeric(amount))
	}
	var dp struct {
		track, sales    []int64
		day             []string
		revenue, points []pgtype.Numeric
	}
	for k, sum := range d.daily {
		dp.track, dp.day, dp.sales = append(dp.track, k.track), append(dp.day, k.day), append(dp.sales, sum.Sales)
		dp.revenue, dp.points = append(dp.revenue, numeric(sum.Revenue)), append(dp.points, numeric(sum.Points))
	}
	var tp struct {
		track, sales    []int64
		revenue, points []pgtype.Numeric
	}
	for id, sum := range d.totals {
		tp.track, tp.sales = append(tp.track, id), append(tp.sales, sum.Sales)
		tp.revenue, tp.points = append(tp.revenue, numeric(sum.Revenue)), append(tp.points, numeric(sum.Points))
	}
	return w.upsert(ctx, []bulkUpsert{
		{"fan_payments", `INSERT INTO fan_payments AS t (chain_id, fan, payee, amount)
				SELECT $1, * FROM unnest($2::text[], $3::text[], $4::numeric[])
				ON CONFLICT (chain_id, fan, payee) DO UPDATE SET amount = t.amount + EXCLUDED.amount`,
			len(fp.fan), []any{chainID, fp.fan, fp.payee, fp.amount}},
		{"daily_track_points", `INSERT INTO daily_track_points AS t (chain_id, track_id, day, sales, revenue, points)
				SELECT $1, * FROM unnest($2::bigint[], $3::text[], $4::bigint[], $5::numeric[], $6::numeric[])
				ON CONFLICT (chain_id, track_id, day) DO UPDATE SET
					sales = t.sales + EXCLUDED.sales, revenue = t.revenue + EXCLUDED.revenue, points = t.points + EXCLUDED.points`,
			len(dp.track), []any{chainID, dp.track, dp.day, dp.sales, dp.revenue, dp.points}},
		{"track_points", `INSERT INTO track_points AS t (chain_id, track_id, sales, revenue, points)
				SELECT $1, * FROM unnest($2::bigint[], $3::bigint[], $4::numeric[], $5::numeric[])
				ON CONFLICT (chain_id, track_id) DO UPDATE SET
					sales = t.sales + EXCLUDED.sales, revenue = t.revenue + EXCLUDED.revenue, points = t.points + EXCLUDED.points`,
			len(tp.track), []any{chainID, tp.track, tp.sales, tp.revenue, tp.points}},
	})
}

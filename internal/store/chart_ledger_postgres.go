package store

import (
	"context"

	"github.com/jackc/pgx/v5"
)

// insertLedger copies the chart ledger's fact rows, as insertFacts copies the market's.
func (w pgBulk) insertLedger(ctx context.Context, sales []chartSaleRow, payments []chartPaymentRow) error {
	return w.withPgx(func(c *pgx.Conn) error {
		for _, t := range ledgerCopyTables(sales, payments) {
			if err := copyFacts(ctx, c, t); err != nil {
				return err
			}
		}
		return nil
	})
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

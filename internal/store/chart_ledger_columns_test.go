package store

import (
	"slices"
	"testing"
)

// TestLedgerCopyWritesEveryColumnOfTheRows: the chart ledger's COPY columns are those of the row
// structs gorm inserts on SQLite, with one value per column.
func TestLedgerCopyWritesEveryColumnOfTheRows(t *testing.T) {
	rows := map[string]any{"chart_sales": chartSaleRow{}, "chart_payments": chartPaymentRow{}}
	tables := ledgerCopyTables(make([]chartSaleRow, 1), make([]chartPaymentRow, 1))
	if len(tables) != len(rows) {
		t.Fatalf("COPY writes %d tables, want %d", len(tables), len(rows))
	}
	for _, table := range tables {
		if got, want := slices.Sorted(slices.Values(table.columns)), gormColumns(t, rows[table.name]); !slices.Equal(got, want) {
			t.Errorf("COPY into %s writes %v, the row struct has %v", table.name, got, want)
		}
		if table.n != 1 || len(table.row(0)) != len(table.columns) {
			t.Errorf("COPY into %s: %d rows of %d values for %d columns", table.name, table.n, len(table.row(0)), len(table.columns))
		}
	}
}

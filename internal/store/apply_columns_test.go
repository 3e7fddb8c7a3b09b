package store

import (
	"reflect"
	"slices"
	"sync"
	"testing"

	"gorm.io/gorm/schema"
)

// factRows are the row structs of the fact tables, by table.
var factRows = map[string]any{
	"tracks":               trackRow{},
	"track_collaborators":  collaboratorRow{},
	"track_changes":        trackChangeRow{},
	"purchases":            purchaseRow{},
	"collaborator_credits": collaboratorCreditRow{},
	"withdrawals":          withdrawalRow{},
	"settings_changes":     settingsChangeRow{},
}

// gormColumns is the columns gorm reads from a row struct, embedded structs included.
func gormColumns(t *testing.T, row any) []string {
	t.Helper()
	s, err := schema.Parse(row, &sync.Map{}, schema.NamingStrategy{})
	if err != nil {
		t.Fatalf("parse %T: %v", row, err)
	}
	return slices.Sorted(slices.Values(s.DBNames))
}

// TestCopyWritesEveryColumnOfTheRows: PostgreSQL's COPY path lists its columns by hand; they must
// be the columns of the row structs gorm inserts on SQLite (the event key embedded in each), with
// one value per column.
func TestCopyWritesEveryColumnOfTheRows(t *testing.T) {
	f := newFacts(1, "", map[int64]string{})
	f.tracks, f.collaborators, f.changes = make([]trackRow, 1), make([]collaboratorRow, 1), make([]trackChangeRow, 1)
	f.purchases, f.collabCredits = make([]purchaseRow, 1), make([]collaboratorCreditRow, 1)
	f.withdrawals, f.settings = make([]withdrawalRow, 1), make([]settingsChangeRow, 1)
	tables := f.copyTables()
	if len(tables) != len(factRows) {
		t.Errorf("COPY writes %d tables, want %d", len(tables), len(factRows))
	}
	for _, table := range tables {
		row, ok := factRows[table.name]
		if !ok {
			t.Errorf("COPY into %s: no row struct", table.name)
			continue
		}
		if got, want := slices.Sorted(slices.Values(table.columns)), gormColumns(t, row); !slices.Equal(got, want) {
			t.Errorf("COPY into %s writes %v, the row struct has %v", table.name, got, want)
		}
		if table.n != 1 || len(table.row(0)) != len(table.columns) {
			t.Errorf("COPY into %s: %d rows of %d values for %d columns", table.name, table.n, len(table.row(0)), len(table.columns))
		}
	}
}

// TestColumnsCountsEmbeddedKeys: rowsPerInsert sizes SQLite inserts by the columns of a row, which
// include those of the embedded event key.
func TestColumnsCountsEmbeddedKeys(t *testing.T) {
	for table, row := range factRows {
		if got, want := columns(reflect.TypeOf(row)), len(gormColumns(t, row)); got != want {
			t.Errorf("%s: columns = %d, gorm reads %d", table, got, want)
		}
	}
}

package store_test

import (
	"errors"
	"math/big"
	"testing"

	"github.com/bittunes/bittunes/internal/store"
	"github.com/bittunes/bittunes/internal/wei"
)

// moneyRow is a row of a table with a wei_text column, the money type of
// package migrations.
type moneyRow struct {
	ID     int64      `gorm:"column:id;primaryKey;autoIncrement:false"`
	Amount wei.Amount `gorm:"column:amount"`
}

func (moneyRow) TableName() string { return "money" }

// createMoneyTable creates the table as a migration would.
func createMoneyTable(t *testing.T, s *store.Store) {
	t.Helper()
	if err := store.GormDB(s).Exec(`CREATE TABLE money (id BIGINT PRIMARY KEY, amount wei_text NOT NULL)`).Error; err != nil {
		t.Fatal(err)
	}
}

func pow(base, exp int64) *big.Int { return new(big.Int).Exp(big.NewInt(base), big.NewInt(exp), nil) }

func TestMoneyRoundTripsExactly(t *testing.T) {
	amounts := []string{
		"0",
		"1",
		"9223372036854775807",  // 2^63-1, the largest SQLite INTEGER
		"9223372036854775808",  // 2^63
		"18446744073709551616", // 2^64
		new(big.Int).Add(pow(10, 77), big.NewInt(1)).String(),
		new(big.Int).Sub(pow(2, 256), big.NewInt(1)).String(),
	}
	forEachDB(t, func(t *testing.T, s *store.Store) {
		createMoneyTable(t, s)
		db := store.GormDB(s)
		for i, a := range amounts {
			if err := db.Create(&moneyRow{ID: int64(i), Amount: wei.MustParse(a)}).Error; err != nil {
				t.Fatalf("insert %s: %v", a, err)
			}
		}
		var rows []moneyRow
		if err := db.Order("id").Find(&rows).Error; err != nil {
			t.Fatal(err)
		}
		if len(rows) != len(amounts) {
			t.Fatalf("read %d rows, want %d", len(rows), len(amounts))
		}
		for i, row := range rows {
			if got := row.Amount.String(); got != amounts[i] {
				t.Errorf("read back %s, want %s", got, amounts[i])
			}
		}
	})
}

func TestMoneyColumnType(t *testing.T) {
	forEachDB(t, func(t *testing.T, s *store.Store) {
		createMoneyTable(t, s)
		db := store.GormDB(s)
		switch s.Dialect() {
		case store.DialectPostgres:
			var col struct {
				DomainName       string
				DataType         string
				NumericPrecision int
				NumericScale     int
			}
			err := db.Raw(`SELECT domain_name, data_type, numeric_precision, numeric_scale FROM information_schema.columns WHERE table_name = 'money' AND column_name = 'amount'`).Scan(&col).Error
			if err != nil {
				t.Fatal(err)
			}
			if col.DomainName != "wei_text" || col.DataType != "numeric" || col.NumericPrecision != 78 || col.NumericScale != 0 {
				t.Errorf("amount column = %+v, want domain wei_text over numeric(78,0)", col)
			}
		case store.DialectSQLite:
			if err := db.Create(&moneyRow{ID: 1, Amount: wei.MustParse("115792089237316195423570985008687907853269984665640564039457584007913129639935")}).Error; err != nil {
				t.Fatal(err)
			}
			var storage string
			if err := db.Raw(`SELECT typeof(amount) FROM money`).Scan(&storage).Error; err != nil {
				t.Fatal(err)
			}
			if storage != "text" {
				t.Errorf("SQLite stores a wei_text value as %s, want text", storage)
			}
		}
	})
}

// TestSQLiteNumericLosesPrecision documents why money columns are not
// declared NUMERIC(78,0): SQLite would keep a float.
func TestSQLiteNumericLosesPrecision(t *testing.T) {
	s := openStore(t, t.TempDir()+"/bittunes.db")
	db := store.GormDB(s)
	if err := db.Exec(`CREATE TABLE lossy (amount NUMERIC(78,0))`).Error; err != nil {
		t.Fatal(err)
	}
	const exact = "100000000000000000000000000000000000000000000000000000000000000000000000000001" // 10^77+1
	if err := db.Exec(`INSERT INTO lossy VALUES (?)`, exact).Error; err != nil {
		t.Fatal(err)
	}
	var row struct{ Storage, Text string }
	if err := db.Raw(`SELECT typeof(amount) AS storage, CAST(amount AS TEXT) AS text FROM lossy`).Scan(&row).Error; err != nil {
		t.Fatal(err)
	}
	if row.Storage != "real" || row.Text == exact {
		t.Errorf("NUMERIC(78,0) column in SQLite stored %s as %s %q; this test expects the precision loss that wei_text avoids", exact, row.Storage, row.Text)
	}
}

func TestPostgresSumsMoneyExactly(t *testing.T) {
	s := openStore(t, testDatabases()[1].dsn(t))
	createMoneyTable(t, s)
	db := store.GormDB(s)
	a := new(big.Int).Add(pow(10, 77), big.NewInt(1)) // 10^77+1
	b := new(big.Int).Add(pow(10, 76), big.NewInt(3)) // 10^76+3
	for i, v := range []*big.Int{a, b} {
		amount, err := wei.New(v)
		if err != nil {
			t.Fatal(err)
		}
		if err := db.Create(&moneyRow{ID: int64(i), Amount: amount}).Error; err != nil {
			t.Fatal(err)
		}
	}
	var sum wei.Amount
	if err := db.Raw(`SELECT SUM(amount) FROM money`).Row().Scan(&sum); err != nil {
		t.Fatal(err)
	}
	if want := new(big.Int).Add(a, b); sum.BigInt().Cmp(want) != 0 {
		t.Errorf("SUM = %s, want %s", sum, want)
	}
	var top wei.Amount
	if err := db.Raw(`SELECT amount FROM money ORDER BY amount DESC LIMIT 1`).Row().Scan(&top); err != nil {
		t.Fatal(err)
	}
	if top.BigInt().Cmp(a) != 0 {
		t.Errorf("largest amount = %s, want %s", top, a)
	}
}

func TestPostgresRefusesAmountsBeyondUint256(t *testing.T) {
	s := openStore(t, testDatabases()[1].dsn(t))
	createMoneyTable(t, s)
	db := store.GormDB(s)
	for _, v := range []string{
		"115792089237316195423570985008687907853269984665640564039457584007913129639936", // 2^256
		"-1",
	} {
		err := store.Classify(db.Exec(`INSERT INTO money VALUES (1, ?)`, v).Error)
		if !errors.Is(err, store.ErrInvalid) {
			t.Errorf("insert %s: error = %v, want ErrInvalid", v, err)
		}
	}
}

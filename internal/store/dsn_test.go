package store

import "testing"

func TestParseDSN(t *testing.T) {
	const defaults = "_pragma=busy_timeout%2810000%29&_pragma=journal_mode%28WAL%29&_pragma=synchronous%28NORMAL%29&_pragma=foreign_keys%281%29&_pragma=cache_size%28-32768%29&_txlock=immediate"
	tests := []struct {
		dsn         string
		wantDialect string
		wantDriver  string // the DSN handed to the driver
	}{
		{"postgres://bittunes@localhost:5432/bittunes?sslmode=disable", DialectPostgres, "postgres://bittunes@localhost:5432/bittunes?sslmode=disable"},
		{"postgresql://localhost/bittunes", DialectPostgres, "postgresql://localhost/bittunes"},
		{"sqlite:data/bittunes.db", DialectSQLite, "data/bittunes.db?" + defaults},
		{"sqlite:data/bittunes", DialectSQLite, "data/bittunes?" + defaults},
		{"sqlite:///var/lib/bittunes/db", DialectSQLite, "/var/lib/bittunes/db?" + defaults},
		{"data/bittunes.db", DialectSQLite, "data/bittunes.db?" + defaults},
		{"/tmp/x.sqlite", DialectSQLite, "/tmp/x.sqlite?" + defaults},
		{"x.sqlite3", DialectSQLite, "x.sqlite3?" + defaults},
		{"x.db?_pragma=busy_timeout(1)", DialectSQLite, "x.db?" + defaults[:len(defaults)-len("&_txlock=immediate")] + "&_pragma=busy_timeout%281%29&_txlock=immediate"},
		{"x.db?_txlock=deferred", DialectSQLite, "x.db?" + defaults[:len(defaults)-len("immediate")] + "deferred"},
	}
	for _, tt := range tests {
		got, err := parseDSN(tt.dsn)
		if err != nil {
			t.Errorf("parseDSN(%q): %v", tt.dsn, err)
			continue
		}
		if got.dialect != tt.wantDialect {
			t.Errorf("parseDSN(%q) dialect = %s, want %s", tt.dsn, got.dialect, tt.wantDialect)
		}
		driverDSN := got.dsn
		if got.dialect == DialectSQLite {
			driverDSN = got.path + "?" + sqliteQuery(got.query).Encode()
		}
		if driverDSN != tt.wantDriver {
			t.Errorf("parseDSN(%q) driver DSN = %s, want %s", tt.dsn, driverDSN, tt.wantDriver)
		}
	}
}

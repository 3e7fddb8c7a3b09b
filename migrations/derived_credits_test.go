package migrations_test

import (
	"context"
	"database/sql"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/bittunes/bittunes/internal/tooling/pgtest"
	"github.com/bittunes/bittunes/migrations"
)

// creditsBefore00017 are credits rows as the table held them before migration 00017: a sale of
// track 1 with a collaborator, a referrer and a fee; a sale of track 2 with neither collaborator
// nor referrer; and a free sale of track 2 that credited nobody.
var creditsBefore00017 = []string{
	"0xaa 1 artist 0xartist1 1 700",
	"0xaa 2 collaborator 0xcollab 1 300",
	"0xaa 1 referrer 0xref 1 200",
	"0xaa 1 fee 0xfee 1 100",
	"0xbb 5 artist 0xartist2 2 950",
	"0xbb 5 fee 0xfee 2 50",
}

// TestMigration00017CarriesCreditsOver: the credits an existing database holds read the same from
// the view that replaces the table, and the table the Down section restores holds them again.
func TestMigration00017CarriesCreditsOver(t *testing.T) {
	for _, d := range []struct{ dialect, driver, dsn string }{
		{migrations.SQLite, "sqlite", filepath.Join(t.TempDir(), "x.db")},
		{migrations.Postgres, "pgx", pgtest.DSN(t)},
	} {
		t.Run(d.dialect, func(t *testing.T) {
			ctx := context.Background()
			db, err := sql.Open(d.driver, d.dsn)
			if err != nil {
				t.Fatal(err)
			}
			t.Cleanup(func() { db.Close() })
			p, err := migrations.NewProvider(db, d.dialect)
			if err != nil {
				t.Fatal(err)
			}
			if _, err := p.UpTo(ctx, 16); err != nil {
				t.Fatalf("up to 16: %v", err)
			}
			exec := func(query string) {
				t.Helper()
				if _, err := db.ExecContext(ctx, query); err != nil {
					t.Fatalf("%s: %v", query, err)
				}
			}
			const at = "'2026-01-02 03:04:05'"
			exec(`INSERT INTO tracks (chain_id, track_id, artist, price, referral_bps, listed, metadata_uri, content_hash,
				initial_price, initial_referral_bps, initial_metadata_uri, block_number, tx_hash, log_index, registered_at) VALUES (1, 1, '0xartist1', '1000', 2000, true, 'u', 'h1', '1000', 2000, 'u', 1, '0x01', 0, ` + at + `),
				(1, 2, '0xartist2', '1000', 0, true, 'u', 'h2', '1000', 0, 'u', 1, '0x01', 1, ` + at + `)`)
			exec(`INSERT INTO purchases (chain_id, tx_hash, log_index, block_number, block_time, track_id, buyer, recipient, referrer,
				price, artist_amount, referrer_amount, fee_amount, fee_recipient) VALUES (1, '0xaa', 1, 7, ` + at + `, 1, '0xb1', '0xb1', '0xref', '1300', '1000', '200', '100', '0xfee'),
				(1, '0xbb', 5, 8, ` + at + `, 2, '0xb2', '0xb2', '', '1000', '950', '0', '50', '0xfee'),
				(1, '0xcc', 6, 8, ` + at + `, 2, '0xb3', '0xb3', '', '0', '0', '0', '0', '0xfee')`)
			for _, c := range creditsBefore00017 {
				f := strings.Fields(c)
				block := "7"
				if f[0] == "0xbb" {
					block = "8"
				}
				exec(`INSERT INTO credits (chain_id, tx_hash, log_index, role, block_number, block_time, account, track_id, amount) VALUES (1, '` + f[0] + `', ` + f[1] + `, '` + f[2] + `', ` + block + `, ` + at + `, '` + f[3] + `', ` + f[4] + `, '` + f[5] + `')`)
			}
			credits := func() []string {
				t.Helper()
				rows, err := db.QueryContext(ctx, `SELECT tx_hash, log_index, role, account, track_id, CAST(amount AS TEXT) FROM credits`)
				if err != nil {
					t.Fatal(err)
				}
				defer rows.Close()
				var out []string
				for rows.Next() {
					var tx, role, account, amount string
					var log, track int
					if err := rows.Scan(&tx, &log, &role, &account, &track, &amount); err != nil {
						t.Fatal(err)
					}
					out = append(out, strings.Join([]string{tx, strconv.Itoa(log), role, account, strconv.Itoa(track), amount}, " "))
				}
				if err := rows.Err(); err != nil {
					t.Fatal(err)
				}
				slices.Sort(out)
				return out
			}
			want := slices.Sorted(slices.Values(creditsBefore00017))

			if _, err := p.UpTo(ctx, 17); err != nil {
				t.Fatalf("up to 17: %v", err)
			}
			if got := credits(); !slices.Equal(got, want) {
				t.Errorf("after 00017 the credits view reads\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
			}
			if _, err := p.DownTo(ctx, 16); err != nil {
				t.Fatalf("down to 16: %v", err)
			}
			if got := credits(); !slices.Equal(got, want) {
				t.Errorf("after 00017's Down the credits table holds\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
			}
		})
	}
}

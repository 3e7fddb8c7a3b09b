package migrations_test

import (
	"context"
	"database/sql"
	"io/fs"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	_ "github.com/glebarez/go-sqlite"  // the "sqlite" driver
	_ "github.com/jackc/pgx/v5/stdlib" // the "pgx" driver

	"github.com/bittunes/bittunes/internal/tooling/pgtest"
	"github.com/bittunes/bittunes/migrations"
)

func TestMain(m *testing.M) { pgtest.Main(m) }

func files(t *testing.T) []string {
	t.Helper()
	names, err := fs.Glob(migrations.FS, "*.sql")
	if err != nil {
		t.Fatal(err)
	}
	if len(names) == 0 {
		t.Fatal("no migrations embedded")
	}
	return names
}

func TestFileConventions(t *testing.T) {
	name := regexp.MustCompile(`^(\d{5})_[a-z0-9_]+(\.postgres|\.sqlite)?\.sql$`)
	versions := map[string]map[string]string{"postgres": {}, "sqlite": {}} // dialect → version → file
	for _, file := range files(t) {
		m := name.FindStringSubmatch(file)
		if m == nil {
			t.Errorf("%s: want NNNNN_snake_case_name[.postgres|.sqlite].sql", file)
			continue
		}
		body, err := fs.ReadFile(migrations.FS, file)
		if err != nil {
			t.Fatal(err)
		}
		for _, annotation := range []string{"-- +goose Up", "-- +goose Down"} {
			if strings.Count(string(body), annotation+"\n") != 1 {
				t.Errorf("%s: want one %q line", file, annotation)
			}
		}
		for dialect, seen := range versions {
			if m[2] != "" && m[2] != "."+dialect {
				continue
			}
			if other, ok := seen[m[1]]; ok {
				t.Errorf("%s and %s both have version %s on %s", other, file, m[1], dialect)
			}
			seen[m[1]] = file
		}
	}
}

// TestSharedFilesArePortable guards against types that PostgreSQL and SQLite
// read differently. Money in particular must be wei_text: in SQLite a
// NUMERIC or DECIMAL column turns large amounts into floats.
func TestSharedFilesArePortable(t *testing.T) {
	comment := regexp.MustCompile(`--.*`)
	forbidden := []struct {
		re  *regexp.Regexp
		why string
	}{
		{regexp.MustCompile(`(?i)\b(NUMERIC|DECIMAL|REAL|FLOAT\w*|DOUBLE)\b`), "SQLite stores such values as 8-byte floats; declare money wei_text"},
		{regexp.MustCompile(`(?i)\bTIMESTAMPTZ\b|\bWITH TIME ZONE\b`), "the SQLite driver reads only DATE, DATETIME and TIMESTAMP as times; use TIMESTAMP in UTC"},
		{regexp.MustCompile(`(?i)\b(SERIAL|BIGSERIAL|IDENTITY|AUTOINCREMENT)\b`), "auto-increment differs between the databases; use natural keys or IDs made in Go"},
	}
	for _, file := range files(t) {
		if strings.HasSuffix(file, ".postgres.sql") || strings.HasSuffix(file, ".sqlite.sql") {
			continue
		}
		body, err := fs.ReadFile(migrations.FS, file)
		if err != nil {
			t.Fatal(err)
		}
		code := comment.ReplaceAllString(string(body), "")
		for _, f := range forbidden {
			if m := f.re.FindString(code); m != "" {
				t.Errorf("%s uses %s: %s", file, m, f.why)
			}
		}
	}
}

func TestNewProviderRejectsUnknownDialects(t *testing.T) {
	db, err := sql.Open("sqlite", filepath.Join(t.TempDir(), "x.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	if _, err := migrations.NewProvider(db, "mysql"); err == nil {
		t.Error("NewProvider(mysql) succeeded, want an error")
	}
}

// TestUpDownUp applies every migration, reverts them all, and applies them
// again, on both databases: each Down section must undo its Up section.
func TestUpDownUp(t *testing.T) {
	databases := []struct {
		dialect, driver string
		dsn             func(t *testing.T) string
		objects         string // query counting the schema objects the migrations create
	}{
		{migrations.SQLite, "sqlite", func(t *testing.T) string { return filepath.Join(t.TempDir(), "x.db") },
			`SELECT count(*) FROM sqlite_master WHERE name NOT LIKE 'goose%' AND name NOT LIKE 'sqlite%'`},
		{migrations.Postgres, "pgx", func(t *testing.T) string { return pgtest.DSN(t) },
			`SELECT (SELECT count(*) FROM pg_tables WHERE schemaname = 'public' AND tablename NOT LIKE 'goose%')
			      + (SELECT count(*) FROM pg_type t JOIN pg_namespace n ON n.oid = t.typnamespace WHERE n.nspname = 'public' AND t.typtype = 'd')`},
	}
	for _, d := range databases {
		t.Run(d.dialect, func(t *testing.T) {
			ctx := context.Background()
			db, err := sql.Open(d.driver, d.dsn(t))
			if err != nil {
				t.Fatal(err)
			}
			t.Cleanup(func() { db.Close() })
			p, err := migrations.NewProvider(db, d.dialect)
			if err != nil {
				t.Fatal(err)
			}
			count := func() int {
				var n int
				if err := db.QueryRowContext(ctx, d.objects).Scan(&n); err != nil {
					t.Fatal(err)
				}
				return n
			}

			if _, err := p.Up(ctx); err != nil {
				t.Fatalf("up: %v", err)
			}
			created := count()
			if created == 0 {
				t.Fatal("up created nothing")
			}
			if _, err := p.DownTo(ctx, 0); err != nil {
				t.Fatalf("down: %v", err)
			}
			if n := count(); n != 0 {
				t.Errorf("after down to 0, %d schema objects remain", n)
			}
			if _, err := p.Up(ctx); err != nil {
				t.Fatalf("up again: %v", err)
			}
			if n := count(); n != created {
				t.Errorf("up again created %d schema objects, the first up %d", n, created)
			}
			t.Logf("%d schema objects", created)
		})
	}
}

package pgtest

import (
	"context"
	"crypto/rand"
	"database/sql"
	"encoding/hex"
	"errors"
	"fmt"
	"net/url"
	"strings"
	"time"

	_ "github.com/jackc/pgx/v5/stdlib" // the "pgx" database/sql driver

	"github.com/bittunes/bittunes/internal/tooling/pgcluster"
)

// server is a PostgreSQL server that test databases are created on.
type server struct {
	base    *url.URL           // URL of the maintenance database; DSN swaps the database name
	admin   *sql.DB            // pool on the maintenance database, for CREATE/DROP DATABASE
	cluster *pgcluster.Cluster // the cluster this binary started, or nil for an outside server
}

// connect opens an admin pool on the server at rawURL, which belongs to c
// when c is not nil.
func connect(rawURL string, c *pgcluster.Cluster) (*server, error) {
	u, err := url.Parse(rawURL)
	if err != nil || (u.Scheme != "postgres" && u.Scheme != "postgresql") {
		return nil, fmt.Errorf("want a postgres:// URL, got %q", redact(rawURL))
	}
	admin, err := sql.Open("pgx", u.String())
	if err != nil {
		return nil, fmt.Errorf("open %s: %w", redact(rawURL), err)
	}
	admin.SetMaxOpenConns(4)
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	if err := admin.PingContext(ctx); err != nil {
		admin.Close()
		return nil, fmt.Errorf("connect to %s: %w", redact(rawURL), err)
	}
	return &server{base: u, admin: admin, cluster: c}, nil
}

// createDatabase creates an empty database named after the test and returns
// its URL and name.
func (s *server) createDatabase(testName string) (dsn, name string, err error) {
	name, err = databaseName(testName)
	if err != nil {
		return "", "", err
	}
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	// template0 makes creation independent of whatever template1 holds.
	if _, err := s.admin.ExecContext(ctx, `CREATE DATABASE `+quoteIdent(name)+` TEMPLATE template0`); err != nil {
		return "", "", fmt.Errorf("create database %s: %w", name, err)
	}
	u := *s.base
	u.Path = "/" + name
	return u.String(), name, nil
}

// dropDatabase drops the database, closing any connection left open on it.
func (s *server) dropDatabase(name string) error {
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	if _, err := s.admin.ExecContext(ctx, `DROP DATABASE IF EXISTS `+quoteIdent(name)+` WITH (FORCE)`); err != nil {
		return fmt.Errorf("drop database %s: %w", name, err)
	}
	return nil
}

// close closes the admin pool and stops the cluster, if this binary started it.
func (s *server) close() error {
	err := s.admin.Close()
	if s.cluster != nil {
		err = errors.Join(err, s.cluster.Stop())
	}
	return err
}

// databaseName returns a unique, valid database name that mentions the test,
// so that a database left on a shared server says where it came from.
func databaseName(testName string) (string, error) {
	var suffix [6]byte
	if _, err := rand.Read(suffix[:]); err != nil {
		return "", fmt.Errorf("database name: %w", err)
	}
	var b strings.Builder
	for _, r := range strings.ToLower(testName) {
		switch {
		case r >= 'a' && r <= 'z', r >= '0' && r <= '9':
			b.WriteRune(r)
		case b.Len() > 0 && !strings.HasSuffix(b.String(), "_"):
			b.WriteByte('_')
		}
	}
	stem := strings.Trim(b.String(), "_")
	const maxStem = 63 - len("test__") - 2*len(suffix) // PostgreSQL names have at most 63 bytes
	if len(stem) > maxStem {
		stem = stem[:maxStem]
	}
	return "test_" + stem + "_" + hex.EncodeToString(suffix[:]), nil
}

// quoteIdent quotes a PostgreSQL identifier.
func quoteIdent(s string) string { return `"` + strings.ReplaceAll(s, `"`, `""`) + `"` }

// redact hides the password of a URL for messages.
func redact(rawURL string) string {
	u, err := url.Parse(rawURL)
	if err != nil {
		return "(unparsable URL)"
	}
	return u.Redacted()
}

package pgcluster

import (
	"context"
	"crypto/rand"
	"database/sql"
	"encoding/hex"
	"errors"
	"fmt"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"time"

	_ "github.com/jackc/pgx/v5/stdlib" // the "pgx" database/sql driver
)

// Server is a PostgreSQL server that fresh, empty databases are made on: one given by URL, or a
// throwaway cluster started for the purpose. The store's tests (package pgtest) and `bittunes
// bench` both get their databases here.
type Server struct {
	base    *url.URL // URL of the maintenance database; a new database's URL swaps the name
	admin   *sql.DB  // pool on the maintenance database, for CREATE and DROP DATABASE
	cluster *Cluster // the cluster StartTemp started, stopped by Close; nil for a server by URL
}

// Connect opens the server at rawURL, a postgres:// URL of a role allowed to create databases.
func Connect(ctx context.Context, rawURL string) (*Server, error) {
	return connect(ctx, rawURL, nil)
}

// StartTemp starts a throwaway cluster (see StartTempCluster) and connects to it. Close stops it.
func StartTemp(ctx context.Context, prefix string, opts Options) (*Server, error) {
	c, err := StartTempCluster(ctx, prefix, opts)
	if err != nil {
		return nil, err
	}
	s, err := connect(ctx, c.DSN(), c)
	if err != nil {
		return nil, errors.Join(err, c.Stop())
	}
	return s, nil
}

// StartTempCluster starts a cluster in a new directory named prefix… under os.TempDir (which the
// postgres user can reach). It first sweeps the clusters of earlier processes, in directories of
// the same prefix, that died before stopping theirs.
func StartTempCluster(ctx context.Context, prefix string, opts Options) (*Cluster, error) {
	dir, err := os.MkdirTemp("", prefix)
	if err != nil {
		return nil, fmt.Errorf("pgcluster: cluster directory: %w", err)
	}
	SweepLeftovers(filepath.Join(os.TempDir(), prefix+"*"), dir)
	c, err := Start(ctx, dir, opts)
	if err != nil {
		return nil, errors.Join(err, os.RemoveAll(dir))
	}
	return c, nil
}

func connect(ctx context.Context, rawURL string, c *Cluster) (*Server, error) {
	u, err := url.Parse(rawURL)
	if err != nil || (u.Scheme != "postgres" && u.Scheme != "postgresql") {
		return nil, fmt.Errorf("pgcluster: want a postgres:// URL, got %q", Redact(rawURL))
	}
	admin, err := sql.Open("pgx", u.String())
	if err != nil {
		return nil, fmt.Errorf("pgcluster: open %s: %w", Redact(rawURL), err)
	}
	admin.SetMaxOpenConns(4)
	ping, cancel := context.WithTimeout(ctx, 30*time.Second)
	defer cancel()
	if err := admin.PingContext(ping); err != nil {
		admin.Close()
		return nil, fmt.Errorf("pgcluster: connect to %s: %w", Redact(rawURL), err)
	}
	return &Server{base: u, admin: admin, cluster: c}, nil
}

// CreateDatabase creates an empty database whose name starts with stem (lower case, other
// characters as underscores, then a random suffix), so that one left on a shared server says where
// it came from, and returns its URL and name.
func (s *Server) CreateDatabase(ctx context.Context, stem string) (dsn, name string, err error) {
	if name, err = DatabaseName(stem); err != nil {
		return "", "", err
	}
	ctx, cancel := context.WithTimeout(ctx, time.Minute)
	defer cancel()
	// template0 makes creation independent of whatever template1 holds.
	if _, err := s.admin.ExecContext(ctx, `CREATE DATABASE `+quoteIdent(name)+` TEMPLATE template0`); err != nil {
		return "", "", fmt.Errorf("pgcluster: create database %s: %w", name, err)
	}
	u := *s.base
	u.Path = "/" + name
	return u.String(), name, nil
}

// DropDatabase drops a database, closing the connections left open on it.
func (s *Server) DropDatabase(ctx context.Context, name string) error {
	ctx, cancel := context.WithTimeout(ctx, time.Minute)
	defer cancel()
	if _, err := s.admin.ExecContext(ctx, `DROP DATABASE IF EXISTS `+quoteIdent(name)+` WITH (FORCE)`); err != nil {
		return fmt.Errorf("pgcluster: drop database %s: %w", name, err)
	}
	return nil
}

// Close closes the connection and stops the cluster, if StartTemp started one.
func (s *Server) Close() error {
	err := s.admin.Close()
	if s.cluster != nil {
		err = errors.Join(err, s.cluster.Stop())
	}
	return err
}

// DatabaseName is a unique, valid database name starting with stem: lower-case letters and digits,
// any other run of characters as one underscore, cut to fit PostgreSQL's 63 bytes with a random
// suffix.
func DatabaseName(stem string) (string, error) {
	var suffix [6]byte
	if _, err := rand.Read(suffix[:]); err != nil {
		return "", fmt.Errorf("pgcluster: database name: %w", err)
	}
	var b strings.Builder
	for _, r := range strings.ToLower(stem) {
		switch {
		case r >= 'a' && r <= 'z', r >= '0' && r <= '9':
			b.WriteRune(r)
		case b.Len() > 0 && !strings.HasSuffix(b.String(), "_"):
			b.WriteByte('_')
		}
	}
	clean := strings.Trim(b.String(), "_")
	const maxStem = 63 - len("_") - 2*len(suffix)
	if len(clean) > maxStem {
		clean = strings.TrimRight(clean[:maxStem], "_")
	}
	return clean + "_" + hex.EncodeToString(suffix[:]), nil
}

// quoteIdent quotes a PostgreSQL identifier.
func quoteIdent(s string) string { return `"` + strings.ReplaceAll(s, `"`, `""`) + `"` }

// Redact hides the password of a URL, for messages.
func Redact(rawURL string) string {
	u, err := url.Parse(rawURL)
	if err != nil {
		return "(unparsable URL)"
	}
	return u.Redacted()
}

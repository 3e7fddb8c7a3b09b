package bench

import (
	"context"
	"crypto/rand"
	"database/sql"
	"encoding/hex"
	"errors"
	"fmt"
	"log/slog"
	"net/url"
	"os"
	"path/filepath"
	"time"

	_ "github.com/jackc/pgx/v5/stdlib" // the "pgx" database/sql driver

	"github.com/bittunes/bittunes/internal/tooling/pgcluster"
)

// clusterPrefix starts the name of the directory of a throwaway cluster under os.TempDir.
const clusterPrefix = "bittunes-bench-pg-"

// postgres is the PostgreSQL server the benchmark creates its fresh databases on.
type postgres struct {
	base    *url.URL
	admin   *sql.DB
	cluster *pgcluster.Cluster // nil for a server given by URL
}

// startPostgres connects to the server at rawURL or, when it is empty, starts a throwaway cluster
// with PostgreSQL's default durability (fsync and synchronous commits on), as production runs.
func startPostgres(ctx context.Context, rawURL string, log *slog.Logger) (*postgres, error) {
	p := &postgres{}
	if rawURL == "" {
		dir, err := os.MkdirTemp("", clusterPrefix)
		if err != nil {
			return nil, fmt.Errorf("bench: cluster directory: %w", err)
		}
		pgcluster.SweepLeftovers(filepath.Join(os.TempDir(), clusterPrefix+"*"), dir)
		log.Info("bench: starting a throwaway PostgreSQL cluster", "dir", dir)
		c, err := pgcluster.Start(ctx, dir, pgcluster.Options{Durable: true})
		if err != nil {
			return nil, errors.Join(err, os.RemoveAll(dir))
		}
		p.cluster, rawURL = c, c.DSN()
	}
	u, err := url.Parse(rawURL)
	if err != nil || (u.Scheme != "postgres" && u.Scheme != "postgresql") {
		return nil, p.fail(fmt.Errorf("bench: want a postgres:// URL, got %q", redact(rawURL)))
	}
	p.base = u
	if p.admin, err = sql.Open("pgx", u.String()); err != nil {
		return nil, p.fail(fmt.Errorf("bench: open %s: %w", redact(rawURL), err))
	}
	ping, cancel := context.WithTimeout(ctx, 30*time.Second)
	defer cancel()
	if err := p.admin.PingContext(ping); err != nil {
		return nil, p.fail(fmt.Errorf("bench: connect to %s: %w", redact(rawURL), err))
	}
	return p, nil
}

// freshDatabase creates an empty database and returns its URL and a function that drops it.
func (p *postgres) freshDatabase(ctx context.Context, stem string) (string, func() error, error) {
	var suffix [4]byte
	rand.Read(suffix[:])
	name := "bench_" + stem + "_" + hex.EncodeToString(suffix[:])
	if _, err := p.admin.ExecContext(ctx, `CREATE DATABASE `+name+` TEMPLATE template0`); err != nil {
		return "", nil, fmt.Errorf("bench: create database %s: %w", name, err)
	}
	u := *p.base
	u.Path = "/" + name
	drop := func() error {
		ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
		defer cancel()
		if _, err := p.admin.ExecContext(ctx, `DROP DATABASE IF EXISTS `+name+` WITH (FORCE)`); err != nil {
			return fmt.Errorf("bench: drop database %s: %w", name, err)
		}
		return nil
	}
	return u.String(), drop, nil
}

// fail closes what startPostgres opened and returns err.
func (p *postgres) fail(err error) error { return errors.Join(err, p.close()) }

func (p *postgres) close() error {
	var err error
	if p.admin != nil {
		err = p.admin.Close()
	}
	if p.cluster != nil {
		err = errors.Join(err, p.cluster.Stop())
	}
	return err
}

// redact hides the password of a URL for messages.
func redact(rawURL string) string {
	u, err := url.Parse(rawURL)
	if err != nil {
		return "(unparsable URL)"
	}
	return u.Redacted()
}

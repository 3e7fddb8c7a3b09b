// Package pgcluster starts throwaway PostgreSQL clusters from the installed server binaries: for
// the store's tests (package pgtest) and for `bittunes bench`. A cluster lives in a directory of its
// own, listens on a free loopback port and a private socket directory, and is stopped and deleted
// by Stop. A Server makes fresh databases on such a cluster, or on a server given by URL.
//
// PostgreSQL refuses to run as root; when the process runs as root, the server runs as the
// postgres user (through runuser) on a directory that user owns.
package pgcluster

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"maps"
	"net"
	"os"
	"os/exec"
	"os/user"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
)

// ownerFile, in a cluster directory, holds the process ID of the process that owns the cluster, so
// that a later run can tell a leftover (its owner is dead) from a cluster in use by a concurrent one.
const ownerFile = "owner.pid"

// Options tune the server.
type Options struct {
	// Durable keeps PostgreSQL's default durability (fsync, synchronous commit, full page writes).
	// Without it they are switched off, for speed: the data is thrown away anyway.
	Durable bool
	// Settings are more server settings, name → value (e.g. "shared_buffers": "256MB").
	Settings map[string]string
}

// Cluster is a running PostgreSQL cluster.
type Cluster struct {
	bin  string // directory of initdb, pg_ctl and postgres
	dir  string // directory holding the data, socket and log; removed by Stop
	user string // user the server runs as ("postgres" under root), or "" for the current user
	port int
	opts Options // the server settings, for StartServer
	down bool    // StopServer stopped the server
}

// Start initialises a cluster in dir, an empty directory (typically from os.MkdirTemp under
// os.TempDir, which the postgres user can reach), and starts its server. ctx bounds the start.
func Start(ctx context.Context, dir string, opts Options) (*Cluster, error) {
	c, err := newCluster(dir)
	if err != nil {
		return nil, err
	}
	c.opts = opts
	if c.port, err = c.start(ctx, opts); err != nil {
		return nil, err
	}
	return c, nil
}

// StopServer stops the server and keeps the cluster, as an outage does: open connections break
// and new ones are refused until StartServer. Tests use it to take the database away under a
// running service.
func (c *Cluster) StopServer(ctx context.Context) error {
	if out, err := c.run(ctx, "pg_ctl", "stop", "--pgdata", c.dataDir(), "--mode", "fast", "--wait"); err != nil {
		return fmt.Errorf("pgcluster: pg_ctl stop: %w\n%s\nserver log:\n%s", err, out, c.log())
	}
	c.down = true
	return nil
}

// StartServer starts a server stopped by StopServer again, on the same port with the same data.
func (c *Cluster) StartServer(ctx context.Context) error {
	out, err := c.run(ctx, "pg_ctl", "start", "--pgdata", c.dataDir(), "--wait", "--timeout", "60",
		"--log", c.logFile(), "--options", c.serverOptions(c.port, c.opts))
	if err != nil {
		return fmt.Errorf("pgcluster: pg_ctl start on port %d: %w\n%s\nserver log:\n%s", c.port, err, out, c.log())
	}
	c.down = false
	return nil
}

// DSN is the URL of the cluster's maintenance database, as the superuser postgres.
func (c *Cluster) DSN() string {
	return fmt.Sprintf("postgres://postgres@127.0.0.1:%d/postgres?sslmode=disable", c.port)
}

// Dir is the cluster's directory.
func (c *Cluster) Dir() string { return c.dir }

// Stop stops the server and removes the cluster directory (a server already stopped by
// StopServer is fine).
func (c *Cluster) Stop() error {
	var err error
	if c.down {
		return c.remove()
	}
	if out, runErr := c.run(context.Background(), "pg_ctl", "stop", "--pgdata", c.dataDir(), "--mode", "immediate", "--wait"); runErr != nil {
		err = fmt.Errorf("pgcluster: pg_ctl stop: %w\n%s\nserver log:\n%s", runErr, out, c.log())
	}
	return errors.Join(err, c.remove())
}

// newCluster finds the server binaries and makes dir the cluster's, owned by the server's user.
func newCluster(dir string) (*Cluster, error) {
	bin, err := findBin()
	if err != nil {
		return nil, err
	}
	c := &Cluster{bin: bin, dir: dir}
	uid, gid := -1, -1
	if os.Geteuid() == 0 { // PostgreSQL refuses to run as root
		u, err := user.Lookup("postgres")
		if err != nil {
			return nil, fmt.Errorf("pgcluster: running as root, and no postgres user to run PostgreSQL as: %w", err)
		}
		if _, err := exec.LookPath("runuser"); err != nil {
			return nil, fmt.Errorf("pgcluster: running as root, and no runuser to run PostgreSQL as postgres: %w", err)
		}
		c.user = "postgres"
		uid, _ = strconv.Atoi(u.Uid)
		gid, _ = strconv.Atoi(u.Gid)
	}
	err = os.WriteFile(filepath.Join(dir, ownerFile), []byte(strconv.Itoa(os.Getpid())), 0o644)
	if err == nil && c.user != "" {
		err = os.Chown(dir, uid, gid)
	}
	if err != nil {
		return nil, fmt.Errorf("pgcluster: cluster directory: %w", err)
	}
	return c, nil
}

// start initialises the cluster and starts its server on a free loopback port, which it returns.
func (c *Cluster) start(ctx context.Context, opts Options) (int, error) {
	out, err := c.run(ctx, "initdb", "--pgdata", c.dataDir(), "--username", "postgres",
		"--auth", "trust", "--encoding", "UTF8", "--locale", "C", "--no-sync")
	if err != nil {
		return 0, fmt.Errorf("pgcluster: initdb: %w\n%s", err, out)
	}
	var errs []error
	for range 3 { // another process may take the free port before the server binds it
		port, err := freePort()
		if err != nil {
			return 0, err
		}
		out, err := c.run(ctx, "pg_ctl", "start", "--pgdata", c.dataDir(), "--wait", "--timeout", "60",
			"--log", c.logFile(), "--options", c.serverOptions(port, opts))
		if err == nil {
			return port, nil
		}
		errs = append(errs, fmt.Errorf("pgcluster: pg_ctl start on port %d: %w\n%s\nserver log:\n%s", port, err, out, c.log()))
	}
	return 0, errors.Join(errs...)
}

// serverOptions returns the server settings: loopback and a private socket directory only, and,
// unless opts.Durable, no durability.
func (c *Cluster) serverOptions(port int, opts Options) string {
	o := []string{
		"-c listen_addresses=127.0.0.1",
		"-c port=" + strconv.Itoa(port),
		"-c unix_socket_directories=" + shellQuote(c.dir), // pg_ctl hands the options to a shell
		"-c max_connections=200",
	}
	if !opts.Durable {
		o = append(o, "-c fsync=off", "-c synchronous_commit=off", "-c full_page_writes=off")
	}
	for _, name := range slices.Sorted(maps.Keys(opts.Settings)) {
		o = append(o, "-c "+shellQuote(name+"="+opts.Settings[name]))
	}
	return strings.Join(o, " ")
}

// remove deletes the cluster directory.
func (c *Cluster) remove() error {
	if err := os.RemoveAll(c.dir); err != nil {
		return fmt.Errorf("pgcluster: remove cluster directory: %w", err)
	}
	return nil
}

// run runs one of the server programs as the cluster's user and returns its combined output.
func (c *Cluster) run(ctx context.Context, program string, args ...string) ([]byte, error) {
	name := filepath.Join(c.bin, program)
	if c.user != "" {
		args = append([]string{"-u", c.user, "--", name}, args...)
		name = "runuser"
	}
	cmd := exec.CommandContext(ctx, name, args...)
	cmd.Dir = c.dir // a working directory the server's user can enter
	var out bytes.Buffer
	cmd.Stdout = &out
	cmd.Stderr = &out
	err := cmd.Run()
	return out.Bytes(), err
}

func (c *Cluster) dataDir() string { return filepath.Join(c.dir, "data") }
func (c *Cluster) logFile() string { return filepath.Join(c.dir, "server.log") }

// log returns the server log, for error messages.
func (c *Cluster) log() string {
	b, err := os.ReadFile(c.logFile())
	if err != nil {
		return "(no server log: " + err.Error() + ")"
	}
	return string(b)
}

// shellQuote quotes s for a POSIX shell.
func shellQuote(s string) string { return "'" + strings.ReplaceAll(s, "'", `'\''`) + "'" }

// freePort returns a loopback TCP port that was free a moment ago.
func freePort() (int, error) {
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return 0, fmt.Errorf("pgcluster: free port: %w", err)
	}
	defer l.Close()
	return l.Addr().(*net.TCPAddr).Port, nil
}

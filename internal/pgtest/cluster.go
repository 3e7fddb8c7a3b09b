package pgtest

import (
	"bytes"
	"errors"
	"fmt"
	"net"
	"os"
	"os/exec"
	"os/user"
	"path/filepath"
	"strconv"
	"strings"
)

// dirPrefix starts the name of every cluster directory under os.TempDir.
const dirPrefix = "bittunes-pgtest-"

// ownerFile, in a cluster directory, holds the process ID of the test binary
// that owns the cluster, so that a later run can tell a leftover (its owner
// is dead) from a cluster in use by a concurrent test binary.
const ownerFile = "owner.pid"

// cluster is a PostgreSQL cluster started by this test binary.
type cluster struct {
	bin  string // directory of initdb, pg_ctl and postgres
	dir  string // directory holding the data, socket and log; removed by stop
	user string // user to run the server as ("postgres" under root), or "" for the current user
}

// startLocal starts a throwaway cluster and connects to it.
func startLocal() (*server, error) {
	c, err := newCluster()
	if err != nil {
		return nil, err
	}
	sweepLeftovers(c)
	port, err := c.start()
	if err != nil {
		c.remove()
		return nil, err
	}
	u := fmt.Sprintf("postgres://postgres@127.0.0.1:%d/postgres?sslmode=disable", port)
	srv, err := connect(u, c)
	if err != nil {
		return nil, errors.Join(err, c.stop())
	}
	return srv, nil
}

// newCluster finds the server binaries and makes an empty cluster directory
// that the server's user owns.
func newCluster() (*cluster, error) {
	bin, err := findBin()
	if err != nil {
		return nil, err
	}
	c := &cluster{bin: bin}
	uid, gid := -1, -1
	if os.Geteuid() == 0 { // PostgreSQL refuses to run as root
		u, err := user.Lookup("postgres")
		if err != nil {
			return nil, fmt.Errorf("running as root, and no postgres user to run PostgreSQL as: %w", err)
		}
		if _, err := exec.LookPath("runuser"); err != nil {
			return nil, fmt.Errorf("running as root, and no runuser to run PostgreSQL as postgres: %w", err)
		}
		c.user = "postgres"
		uid, _ = strconv.Atoi(u.Uid)
		gid, _ = strconv.Atoi(u.Gid)
	}
	// Under os.TempDir, not t.TempDir: the postgres user must reach it.
	c.dir, err = os.MkdirTemp("", dirPrefix)
	if err != nil {
		return nil, fmt.Errorf("cluster directory: %w", err)
	}
	err = os.WriteFile(filepath.Join(c.dir, ownerFile), []byte(strconv.Itoa(os.Getpid())), 0o644)
	if err == nil && c.user != "" {
		err = os.Chown(c.dir, uid, gid)
	}
	if err != nil {
		c.remove()
		return nil, fmt.Errorf("cluster directory: %w", err)
	}
	return c, nil
}

// start initializes the cluster and starts its server on a free loopback
// port, which it returns.
func (c *cluster) start() (int, error) {
	out, err := c.run("initdb", "--pgdata", c.dataDir(), "--username", "postgres",
		"--auth", "trust", "--encoding", "UTF8", "--locale", "C", "--no-sync")
	if err != nil {
		return 0, fmt.Errorf("initdb: %w\n%s", err, out)
	}
	var errs []error
	for range 3 { // another process may take the free port before the server binds it
		port, err := freePort()
		if err != nil {
			return 0, err
		}
		out, err := c.run("pg_ctl", "start", "--pgdata", c.dataDir(), "--wait", "--timeout", "60",
			"--log", c.logFile(), "--options", c.serverOptions(port))
		if err == nil {
			return port, nil
		}
		errs = append(errs, fmt.Errorf("pg_ctl start on port %d: %w\n%s\nserver log:\n%s", port, err, out, c.log()))
	}
	return 0, errors.Join(errs...)
}

// serverOptions returns the server settings: loopback and a private socket
// directory only, and no durability, since the data is thrown away.
func (c *cluster) serverOptions(port int) string {
	return strings.Join([]string{
		"-c listen_addresses=127.0.0.1",
		"-c port=" + strconv.Itoa(port),
		"-c unix_socket_directories=" + shellQuote(c.dir), // pg_ctl hands the options to a shell
		"-c fsync=off",
		"-c synchronous_commit=off",
		"-c full_page_writes=off",
		"-c max_connections=200",
	}, " ")
}

// stop stops the server and removes the cluster directory.
func (c *cluster) stop() error {
	var err error
	if out, runErr := c.run("pg_ctl", "stop", "--pgdata", c.dataDir(), "--mode", "immediate", "--wait"); runErr != nil {
		err = fmt.Errorf("pg_ctl stop: %w\n%s\nserver log:\n%s", runErr, out, c.log())
	}
	return errors.Join(err, c.remove())
}

// remove deletes the cluster directory.
func (c *cluster) remove() error {
	if err := os.RemoveAll(c.dir); err != nil {
		return fmt.Errorf("remove cluster directory: %w", err)
	}
	return nil
}

// run runs one of the server programs as the cluster's user and returns its
// combined output.
func (c *cluster) run(program string, args ...string) ([]byte, error) {
	name := filepath.Join(c.bin, program)
	if c.user != "" {
		args = append([]string{"-u", c.user, "--", name}, args...)
		name = "runuser"
	}
	cmd := exec.Command(name, args...)
	cmd.Dir = c.dir // a working directory the server's user can enter
	var out bytes.Buffer
	cmd.Stdout = &out
	cmd.Stderr = &out
	err := cmd.Run()
	return out.Bytes(), err
}

func (c *cluster) dataDir() string { return filepath.Join(c.dir, "data") }
func (c *cluster) logFile() string { return filepath.Join(c.dir, "server.log") }

// log returns the server log, for error messages.
func (c *cluster) log() string {
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
		return 0, fmt.Errorf("free port: %w", err)
	}
	defer l.Close()
	return l.Addr().(*net.TCPAddr).Port, nil
}

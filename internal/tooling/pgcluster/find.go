package pgcluster

import (
	"context"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"syscall"
)

// findBin returns the directory of the PostgreSQL server programs: the highest version under
// /usr/lib/postgresql (Debian and Ubuntu), or else the directory of the initdb found on PATH.
func findBin() (string, error) {
	if dir := highestVersion("/usr/lib/postgresql/*/bin"); dir != "" {
		return dir, nil
	}
	initdb, err := exec.LookPath("initdb")
	if err != nil {
		return "", fmt.Errorf("pgcluster: no PostgreSQL server binaries in /usr/lib/postgresql/*/bin or on PATH: %w", err)
	}
	if resolved, err := filepath.EvalSymlinks(initdb); err == nil {
		initdb = resolved
	}
	dir := filepath.Dir(initdb)
	if !hasServerPrograms(dir) {
		return "", fmt.Errorf("pgcluster: found %s but no pg_ctl and postgres next to it", initdb)
	}
	return dir, nil
}

// highestVersion returns the directory matching pattern, whose one wildcard is a major version
// number, with the highest version and all the server programs, or "".
func highestVersion(pattern string) string {
	dirs, _ := filepath.Glob(pattern)
	best, bestVersion := "", -1.0
	for _, dir := range dirs {
		version, err := strconv.ParseFloat(filepath.Base(filepath.Dir(dir)), 64)
		if err != nil || version <= bestVersion || !hasServerPrograms(dir) {
			continue
		}
		best, bestVersion = dir, version
	}
	return best
}

// hasServerPrograms reports whether dir holds initdb, pg_ctl and postgres.
func hasServerPrograms(dir string) bool {
	for _, program := range []string{"initdb", "pg_ctl", "postgres"} {
		if info, err := os.Stat(filepath.Join(dir, program)); err != nil || info.IsDir() {
			return false
		}
	}
	return true
}

// SweepLeftovers stops and removes the clusters in the directories matching pattern (a
// filepath.Glob pattern such as /tmp/bittunes-pgtest-*) whose owner process died before stopping
// them (killed, or timed out), except keep. A cluster whose owner still runs is left alone. It is
// best effort: failures are ignored, and unique directories and free ports keep a leftover from
// getting in the way.
func SweepLeftovers(pattern, keep string) {
	bin, err := findBin()
	if err != nil {
		return
	}
	dirs, _ := filepath.Glob(pattern)
	for _, dir := range dirs {
		if dir == keep {
			continue
		}
		b, err := os.ReadFile(filepath.Join(dir, ownerFile))
		if err != nil {
			continue
		}
		pid, err := strconv.Atoi(string(b))
		if err != nil || pid <= 0 || alive(pid) {
			continue
		}
		old := &Cluster{bin: bin, dir: dir}
		if os.Geteuid() == 0 {
			old.user = "postgres"
		}
		if _, err := os.Stat(filepath.Join(old.dataDir(), "postmaster.pid")); err == nil {
			old.run(context.Background(), "pg_ctl", "stop", "--pgdata", old.dataDir(), "--mode", "immediate", "--wait")
		}
		old.remove()
	}
}

// alive reports whether a process with this ID exists.
func alive(pid int) bool {
	err := syscall.Kill(pid, 0)
	return err == nil || errors.Is(err, syscall.EPERM)
}

package main

import (
	"bytes"
	"context"
	"strings"
	"testing"

	"github.com/bittunes/bittunes/internal/swarm"
)

// TestProgressWithoutATerminal: into a file or a pipe, progress is plain lines, one per tenth done,
// never carriage-return redraws.
func TestProgressWithoutATerminal(t *testing.T) {
	var out bytes.Buffer
	pr := newProgress(&out, "get")
	for done := int64(0); done <= 1000; done += 50 {
		pr.show(swarm.Progress{Done: done, Size: 1000, Peers: 2}, false)
	}
	pr.show(swarm.Progress{Done: 1000, Size: 1000, Peers: 2, Complete: true}, true)
	lines := strings.Split(strings.TrimSpace(out.String()), "\n")
	if strings.Contains(out.String(), "\r") || len(lines) != 12 || !strings.HasPrefix(lines[0], "get   0%") || !strings.HasPrefix(lines[11], "get 100%") {
		t.Fatalf("progress into a buffer:\n%q", out.String())
	}
}

// TestSeedingAnEmptyFolderIsAnError: `seed` on a folder with no package says so and exits non-zero
// instead of running with nothing to seed.
func TestSeedingAnEmptyFolderIsAnError(t *testing.T) {
	var stdout, stderr bytes.Buffer
	dir := t.TempDir()
	code := run(context.Background(), []string{"seed", dir, "--listen", "127.0.0.1:0", "--api", "http://127.0.0.1:1"},
		func(string) string { return "" }, &stdout, &stderr)
	if code == 0 || !strings.Contains(stderr.String(), "nothing to seed") {
		t.Fatalf("seed on an empty folder: exit %d\nstdout: %s\nstderr: %s", code, stdout.String(), stderr.String())
	}
}

package main

import (
	"bytes"
	"context"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/common"

	"github.com/bittunes/bittunes/internal/fanclient"

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

// TestSeedViewWithoutATerminal: into a file or a pipe, seed's display is plain lines with the bytes
// delivered, the peers served and, for an owned track, the referral sales and exact wei earned.
func TestSeedViewWithoutATerminal(t *testing.T) {
	var out bytes.Buffer
	v := newSeedView(&out)
	rows := []seedRow{
		{name: "Mira Vale - Harbour Lights", delivered: 2_500_000, peersServed: 3, connected: 1, owned: true, sales: 2,
			earned: fanclient.Amount{Wei: "800000000000000", Ether: "0.0008"}},
		{name: "0x1234…", delivered: 0, peersServed: 0},
	}
	v.show(time.Date(2026, 12, 3, 7, 0, 0, 0, time.UTC), rows)
	v.show(time.Date(2026, 12, 3, 7, 0, 10, 0, time.UTC), rows)
	got := out.String()
	for _, want := range []string{
		"07:00:00  2 package(s): delivered 2.5 MB to 3 peer(s), 1 connected now\n",
		"  Mira Vale - Harbour Lights  delivered 2.5 MB to 3 peer(s); 2 sale(s) named you as referrer, earning 800000000000000 wei (0.0008 ETH)\n",
		"  0x1234…  delivered 0.0 MB to 0 peer(s)\n",
		"07:00:10  2 package(s)",
	} {
		if !strings.Contains(got, want) {
			t.Errorf("missing %q in\n%s", want, got)
		}
	}
	if strings.ContainsAny(got, "\r\x1b") {
		t.Errorf("control characters in a non-terminal display: %q", got)
	}
}

// TestSeedAsksTheMarketAtMostOncePerPeriod: however often the display is refreshed, the fan's
// sales are asked of the API at most once per --api-every.
func TestSeedAsksTheMarketAtMostOncePerPeriod(t *testing.T) {
	var asked atomic.Int32
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		asked.Add(1)
		io.WriteString(w, `{"library":[{"track":{"id":1,"title":"T","contentHash":"0x01","artist":{"name":"A"}},"referralLink":"/t/1?ref=x","referralSales":4,"referralEarnings":{"wei":"12","ether":"0.000000000000000012"}}]}`)
	}))
	defer srv.Close()
	api, _ := fanclient.New(srv.URL)
	lib := &libraryStats{api: api, fan: common.Address{1}, every: time.Hour}
	for range 50 {
		lib.refresh(context.Background())
	}
	if n := asked.Load(); n != 1 {
		t.Fatalf("asked the API %d times, want 1", n)
	}
	if it := lib.items[common.HexToHash("0x01")]; it.ReferralSales != 4 || it.ReferralEarnings.Wei != "12" {
		t.Fatalf("library: %+v", lib.items)
	}
	if line := lib.linkLine(common.HexToHash("0x01")); !strings.Contains(line, srv.URL+"/t/1?ref=x") {
		t.Errorf("link line %q", line)
	}
	anonymous := &libraryStats{api: api, every: time.Nanosecond}
	anonymous.refresh(context.Background())
	if n := asked.Load(); n != 1 {
		t.Errorf("asked the API for a fan without an address")
	}
}

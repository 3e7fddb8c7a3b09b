package main

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"math/big"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/accounts/abi/bind/v2"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/ethclient"

	"github.com/bittunes/bittunes/internal/bindings"
	"github.com/bittunes/bittunes/internal/charts"
	"github.com/bittunes/bittunes/internal/demo"
	"github.com/bittunes/bittunes/internal/store"
)

func freePort(t *testing.T) string {
	t.Helper()
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer l.Close()
	return strconv.Itoa(l.Addr().(*net.TCPAddr).Port)
}

type syncBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}
func (s *syncBuffer) String() string { s.mu.Lock(); defer s.mu.Unlock(); return s.b.String() }

// startDev runs `bittunes dev` in this process until the returned stop is called.
func startDev(t *testing.T, dataDir string, ports [3]string) (stop func() int, stdout *syncBuffer) {
	t.Helper()
	ctx, cancel := context.WithCancel(context.Background())
	stdout, stderr := &syncBuffer{}, &syncBuffer{}
	code := make(chan int, 1)
	args := []string{"dev", "--data-dir", dataDir, "--rpc-port", ports[0], "--ws-port", ports[1], "--http", "127.0.0.1:" + ports[2], "--log-level", "warn"}
	go func() { code <- run(ctx, args, func(string) string { return "" }, stdout, stderr) }()
	return func() int {
		cancel()
		select {
		case c := <-code:
			if c != 0 {
				t.Logf("stderr: %s", stderr.String())
			}
			return c
		case <-time.After(30 * time.Second):
			t.Fatal("bittunes dev did not stop within 30 s")
			return -1
		}
	}, stdout
}

func TestDevRunsTheMarketAndKeepsItAcrossRestarts(t *testing.T) {
	dir := t.TempDir()
	ports := [3]string{freePort(t), freePort(t), freePort(t)}
	stop, stdout := startDev(t, dir, ports)

	// dev.json says ready only once the whole demo catalogue is indexed and its packages checked:
	// right then, every purchase is in the database and the tracks have their download links.
	info := waitForDevJSON(t, dir)
	st := waitForPurchases(t, dir, ports[2], demo.Purchases())
	if snap, err := st.Snapshot(context.Background(), 1337); err != nil || len(snap.Purchases) != demo.Purchases() {
		t.Fatalf("when dev.json said ready: %d purchases indexed, %v; want %d", len(snap.Purchases), err, demo.Purchases())
	}
	// The demo's release: registered by its artist with the metadata and cover it wrote, bought; its
	// page, its embed, the releases feed and the artist's releases (the Studio's list) show it.
	rel, err := st.Release(context.Background(), 1337, 1)
	want := demo.Releases[0]
	if err != nil || rel.Metadata == nil || rel.Metadata.Title != want.Title || rel.Metadata.Kind != want.Kind || !rel.Metadata.HasCover ||
		len(rel.TrackIDs) != len(want.Tracks) || rel.Purchases != int64(len(demo.ReleaseSales)) || !rel.Listed {
		t.Fatalf("when dev.json said ready, release 1 = %+v (metadata %+v), %v; want %q with its cover, bought %d times",
			rel, rel.Metadata, err, want.Title, len(demo.ReleaseSales))
	}
	for _, page := range []string{"/releases/1", "/embed/releases/1", "/feeds/releases", "/api/v1/artists/" + info.Accounts[want.Artist].Address + "/releases"} {
		resp, err := http.Get(info.API + page)
		if err != nil {
			t.Fatal(err)
		}
		body, _ := io.ReadAll(resp.Body)
		resp.Body.Close()
		if resp.StatusCode != http.StatusOK || !strings.Contains(string(body), want.Title) {
			t.Errorf("GET %s: %d, title shown: %v", page, resp.StatusCode, strings.Contains(string(body), want.Title))
		}
	}
	for id := range len(demo.Catalogue) {
		var page struct {
			Magnet string `json:"magnet"`
		}
		resp, err := http.Get(fmt.Sprintf("%s/api/v1/tracks/%d", info.API, id+1))
		if err != nil {
			t.Fatal(err)
		}
		json.NewDecoder(resp.Body).Decode(&page)
		resp.Body.Close()
		if page.Magnet == "" {
			t.Errorf("when dev.json said ready, track %d had no magnet link", id+1)
		}
	}
	if info.RPC != "http://127.0.0.1:"+ports[0] || info.WS != "ws://127.0.0.1:"+ports[1] || info.ChainID != 1337 ||
		!common.IsHexAddress(info.Market) || info.DeployBlock == 0 || len(info.Accounts) != 10 ||
		info.Accounts[0].Address != "0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266" {
		t.Fatalf("dev.json: %+v", info)
	}
	for _, want := range []string{info.Market, info.Accounts[9].PrivateKey, "chain ID 1337"} {
		if !strings.Contains(stdout.String(), want) {
			t.Errorf("the banner does not show %s", want)
		}
	}

	// Sign-in is on: the public origin is the API's.
	resp, err := http.Post(info.API+"/api/v1/auth/nonce", "application/json", nil)
	if err != nil || resp.StatusCode != http.StatusOK {
		t.Fatalf("POST /api/v1/auth/nonce: %v %v", resp, err)
	}
	resp.Body.Close()

	// Every account's owed amount in the database is the contract's balanceOf.
	client, err := ethclient.Dial(info.RPC)
	if err != nil {
		t.Fatal(err)
	}
	defer client.Close()
	m := bindings.NewMarket()
	instance := m.Instance(client, common.HexToAddress(info.Market))
	snap, err := st.Snapshot(context.Background(), 1337)
	if err != nil {
		t.Fatal(err)
	}
	owed := map[string]string{}
	for _, row := range snap.AccountTotals {
		var account, credited, withdrawn string
		fmt.Sscanf(strings.NewReplacer("credited=", "", "withdrawn=", "").Replace(row), "%s %s %s", &account, &credited, &withdrawn)
		c, _ := new(big.Int).SetString(credited, 10)
		w, _ := new(big.Int).SetString(withdrawn, 10)
		owed[account] = new(big.Int).Sub(c, w).String()
	}
	for _, a := range info.Accounts {
		onChain, err := bind.Call(instance, nil, m.PackBalanceOf(common.HexToAddress(a.Address)), m.UnpackBalanceOf)
		if err != nil {
			t.Fatal(err)
		}
		got := owed[strings.ToLower(a.Address)]
		if got == "" {
			got = "0"
		}
		if got != onChain.String() {
			t.Errorf("%s: database says %s owed, contract %s", a.Address, got, onChain)
		}
	}

	// The charts were built: "Harbour Lights" (track 1, five sales to five fans) is in the overall
	// weekly chart. (Its fans bought it first, before any other track: they score no points, so
	// tracks bought by fans with a history rank above it.)
	deadline := time.Now().Add(10 * time.Second)
	for {
		top, err := st.ChartTracks(context.Background(), 1337, charts.Overall, charts.Week)
		if err == nil && slices.ContainsFunc(top, func(e store.ChartTrack) bool { return e.TrackID == 1 && e.Sales == 5 }) {
			break
		}
		if time.Now().After(deadline) {
			t.Fatalf("weekly chart: %+v, %v", top, err)
		}
		time.Sleep(100 * time.Millisecond)
	}

	// An auditor finds nothing wrong with the dev market, nor with the database beside it; and
	// verify-contract recognises its code, and refuses an address that holds none.
	env := map[string]string{}
	cli := func(args ...string) (int, string) {
		var out, errOut bytes.Buffer
		code := run(context.Background(), args, func(k string) string { return env[k] }, &out, &errOut)
		return code, out.String() + errOut.String()
	}
	if code, out := cli("audit", "--rpc", info.RPC, "--market", info.Market, "--db", "sqlite:"+filepath.Join(dir, "bittunes.db"),
		"--log-level", "warn"); code != 0 || !strings.Contains(out, fmt.Sprintf("sales             %d", demo.Purchases())) ||
		!strings.Contains(out, "Database, indexed up to block") {
		t.Errorf("audit of the dev market: exit %d\n%s", code, out)
	}
	if code, out := cli("verify-contract", "--rpc", info.RPC, "--market", info.Market); code != 0 || !strings.Contains(out, "matches the compiled market byte for byte") {
		t.Errorf("verify-contract of the dev market: exit %d\n%s", code, out)
	}
	if code, out := cli("verify-contract", "--rpc", info.RPC, "--market", info.Accounts[1].Address); code == 0 {
		t.Errorf("verify-contract of an account without code: exit 0\n%s", out)
	}

	// A fan who bought "Harbour Lights" (account 4) gets it with the client: over BitTorrent from the
	// market's seeder (or its web seed), unlocked with a signed key request, byte for byte the audio
	// the artist uploaded. A fan who did not buy it (account 9) is refused its key.
	out := t.TempDir()
	env["BITTUNES_PRIVATE_KEY"] = info.Accounts[4].PrivateKey
	code, got := cli("get", info.API+"/t/1", "--library", t.TempDir(), "--out", out, "--listen", "127.0.0.1:0")
	if code != 0 {
		t.Fatalf("get: exit %d\n%s", code, got)
	}
	audio, err := os.ReadFile(filepath.Join(out, "Mira Vale - Harbour Lights.wav"))
	if err != nil {
		t.Fatalf("get wrote no audio file: %v\n%s", err, got)
	}
	if !bytes.Equal(audio, demo.Catalogue[0].Tune.WAV()) {
		t.Errorf("the audio get wrote (%d bytes) is not the uploaded audio", len(audio))
	}
	env["BITTUNES_PRIVATE_KEY"] = info.Accounts[9].PrivateKey
	if code, got := cli("get", info.API+"/t/1", "--library", t.TempDir(), "--out", t.TempDir(), "--listen", "127.0.0.1:0"); code == 0 ||
		!strings.Contains(got, "does not own track 1") {
		t.Errorf("get by a fan who does not own the track: exit %d\n%s", code, got)
	}
	if code := stop(); code != 0 {
		t.Fatalf("dev exited with %d", code)
	}

	// Restart on the same folder: same market, nothing seeded twice, the indexer carries on.
	stop, stdout = startDev(t, dir, ports)
	defer stop()
	st = waitForPurchases(t, dir, ports[2], demo.Purchases())
	if !strings.Contains(stdout.String(), info.Market) {
		t.Error("the restarted dev uses another market")
	}
	time.Sleep(500 * time.Millisecond)
	if snap, err := st.Snapshot(context.Background(), 1337); err != nil || len(snap.Purchases) != demo.Purchases() {
		t.Errorf("after restart: %d purchases, %v", len(snap.Purchases), err)
	}
}

// waitForPurchases waits until /readyz says ready and the database holds n purchases.
// waitForDevJSON waits until dev.json says the market is ready, and returns it.
func waitForDevJSON(t *testing.T, dir string) devInfo {
	t.Helper()
	for deadline := time.Now().Add(90 * time.Second); time.Now().Before(deadline); time.Sleep(20 * time.Millisecond) {
		var info devInfo
		if b, err := os.ReadFile(filepath.Join(dir, "dev.json")); err == nil && json.Unmarshal(b, &info) == nil && info.Ready {
			return info
		}
	}
	t.Fatal("dev.json did not say ready within 90 s")
	return devInfo{}
}

func waitForPurchases(t *testing.T, dir, httpPort string, n int) *store.Store {
	t.Helper()
	deadline := time.Now().Add(60 * time.Second)
	var st *store.Store
	for time.Now().Before(deadline) {
		time.Sleep(200 * time.Millisecond)
		resp, err := http.Get("http://127.0.0.1:" + httpPort + "/readyz")
		if err != nil {
			continue
		}
		resp.Body.Close()
		if resp.StatusCode != http.StatusOK {
			continue
		}
		if st == nil {
			if st, err = store.Open(context.Background(), "sqlite:"+filepath.Join(dir, "bittunes.db")); err != nil {
				t.Fatal(err)
			}
			t.Cleanup(func() { st.Close() })
		}
		snap, err := st.Snapshot(context.Background(), 1337)
		if err == nil && len(snap.Purchases) == n {
			return st
		}
	}
	t.Fatalf("the demo's %d purchases were not indexed within 60 s", n)
	return nil
}

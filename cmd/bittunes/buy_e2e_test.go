package main

import (
	"context"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"net/http"
	"net/url"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/anacrolix/torrent/bencode"
	"github.com/anacrolix/torrent/metainfo"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/crypto"
	"github.com/ethereum/go-ethereum/ethclient"

	"github.com/bittunes/bittunes/internal/market"
	"github.com/bittunes/bittunes/internal/swarm"
)

// TestABuyerPaysTheFanWhoDeliveredMost: on the dev market (no seeder of its own), fans 4 and 5,
// who own "Harbour Lights", seed it with `bittunes seed --account`, fan 5 slowly; a peer claiming
// fan 6's account without fan 6's key seeds it too, as slowly. Fan 9, who does not own it, `get`s the
// encrypted package (mostly from fan 4), then `buy`s it without a referral link: the purchase
// names fan 4, fan 4's balance on the contract rises by exactly the referral share, the forged
// claim was credited nothing, and `get` then unlocks the track.
func TestABuyerPaysTheFanWhoDeliveredMost(t *testing.T) {
	if testing.Short() {
		t.Skip("runs the dev market")
	}
	dir := t.TempDir()
	ports := [3]string{freePort(t), freePort(t), freePort(t)}
	stop := startDevArgs(t, dir, ports, "--no-seeder")
	defer stop()
	info := waitForDevJSON(t, dir)
	key := func(i int) string { return info.Accounts[i].PrivateKey }
	addr := func(i int) common.Address { return common.HexToAddress(info.Accounts[i].Address) }
	cli := func(ctx context.Context, privateKey string, args ...string) (int, string) {
		out := &syncBuffer{}
		code := run(ctx, args, func(k string) string {
			if k == "BITTUNES_PRIVATE_KEY" {
				return privateKey
			}
			return ""
		}, out, out)
		return code, out.String()
	}
	trackURL := info.API + "/t/1"

	// Fans 4 and 5 fetch the track into their libraries (from the web seed: nobody seeds yet).
	libs := map[int]string{4: t.TempDir(), 5: t.TempDir(), 9: t.TempDir()}
	for _, fan := range []int{4, 5} {
		if code, out := cli(context.Background(), key(fan), "get", trackURL, "--library", libs[fan], "--out", t.TempDir(), "--listen", "127.0.0.1:0"); code != 0 {
			t.Fatalf("get by fan %d: exit %d\n%s", fan, code, out)
		}
	}
	// They seed it, fan 5 at 16 KB/s.
	seedCtx, stopSeeding := context.WithCancel(context.Background())
	defer stopSeeding()
	seeding := make(chan string, 2)
	for fan, rate := range map[int]string{4: "0", 5: "16384"} {
		go func() {
			_, out := cli(seedCtx, key(fan), "seed", "--account", addr(fan).Hex(), "--api", info.API, "--library", libs[fan],
				"--listen", "127.0.0.1:0", "--upload-rate", rate, "--every", "1s")
			seeding <- out
		}()
	}
	// A peer that claims fan 6's account (an owner: eligible) with another key.
	page := trackPage(t, info.API, 1)
	forgedKey, _ := crypto.GenerateKey()
	// It is as slow as fan 5, so that fan 4 carries most of the download.
	forger, err := swarm.NewClient(swarm.ClientConfig{Config: swarm.Config{ListenAddr: "127.0.0.1:0", UploadRate: 16384, UploadBurst: 4096,
		Payout: &swarm.Payout{Account: addr(6), Key: forgedKey}}, Dir: libs[4], Seed: true})
	if err != nil {
		t.Fatal(err)
	}
	defer forger.Close()
	mi, err := metainfo.LoadFromFile(filepath.Join(libs[4], common.HexToHash(page.ContentHash).Hex()+".torrent"))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := forger.Add(mi); err != nil {
		t.Fatal(err)
	}
	waitForSeeders(t, info.API, page.InfoHash, 3)
	// The seeding fans' signed heartbeats make the market show them seeding; the forger sends none.
	for _, fan := range []int{4, 5} {
		waitForSeeds(t, info.API, addr(fan), 1)
	}

	// Fan 9 fetches the encrypted package: refused the key, the package is in the library.
	code, out := cli(context.Background(), key(9), "get", trackURL, "--library", libs[9], "--out", t.TempDir(), "--listen", "127.0.0.1:0")
	if code == 0 || !strings.Contains(out, "does not own track 1") || !strings.Contains(out, "bittunes buy") {
		t.Fatalf("get by a fan who does not own the track: exit %d\n%s", code, out)
	}
	src, err := swarm.LoadSources(libs[9], common.HexToHash(page.ContentHash))
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("where fan 9's bytes came from: %v, other %d", src.ByAccount, src.Other)
	if total := src.ByAccount[addr(4)] + src.ByAccount[addr(5)] + src.Other; src.ByAccount[addr(4)] <= total/2 {
		t.Fatalf("fan 4 delivered %d bytes, fan 5 %d: want most from fan 4\n%s", src.ByAccount[addr(4)], src.ByAccount[addr(5)], out)
	}
	if src.ByAccount[addr(6)] != 0 {
		t.Fatalf("the forged claim for fan 6 was credited %d bytes", src.ByAccount[addr(6)])
	}

	// Fan 9 buys without a referral link: the contract credits fan 4 with the referral share.
	eth, err := ethclient.Dial(info.RPC)
	if err != nil {
		t.Fatal(err)
	}
	defer eth.Close()
	reader := market.NewReader(eth, common.HexToAddress(info.Market))
	ctx := context.Background()
	q, err := reader.Quote(ctx, 1, addr(4), addr(9), addr(9))
	if err != nil || q.CreditedReferrer != addr(4) || q.ReferrerAmount.Sign() <= 0 {
		t.Fatalf("quote through fan 4: %+v, %v", q, err)
	}
	before, err := reader.BalanceOf(ctx, addr(4))
	if err != nil {
		t.Fatal(err)
	}
	code, out = cli(ctx, key(9), "buy", trackURL, "--yes", "--rpc", info.RPC, "--library", libs[9])
	if code != 0 || !strings.Contains(out, "the contract credited "+addr(4).Hex()+" as referrer: "+q.ReferrerAmount.String()+" wei") {
		t.Fatalf("buy: exit %d\n%s", code, out)
	}
	t.Logf("buy:\n%s", out)
	after, err := reader.BalanceOf(ctx, addr(4))
	if err != nil {
		t.Fatal(err)
	}
	if got, _ := after.Sub(before); got.BigInt().Cmp(q.ReferrerAmount) != 0 {
		t.Errorf("fan 4's balance rose by %s wei, want the referral share %s", got, q.ReferrerAmount)
	}
	if code, out := cli(ctx, key(9), "buy", trackURL, "--yes", "--rpc", info.RPC, "--library", libs[9]); code == 0 || !strings.Contains(out, "already owns track 1") {
		t.Errorf("buying again: exit %d\n%s", code, out)
	}
	// get now unlocks it from the library.
	if code, out := cli(ctx, key(9), "get", trackURL, "--library", libs[9], "--out", t.TempDir(), "--listen", "127.0.0.1:0"); code != 0 {
		t.Errorf("get after buying: exit %d\n%s", code, out)
	}
	stopSeeding()
	for range 2 {
		if out := <-seeding; !strings.Contains(out, "peers are told to credit") || !strings.Contains(out, "seeding 1 of 1 package(s)") ||
			!strings.Contains(out, "delivered") || strings.ContainsAny(out, "\r\x1b") {
			t.Errorf("seed:\n%s", out)
		}
	}
}

// startDevArgs runs `bittunes dev` with extra flags in this process until the returned stop is called.
func startDevArgs(t *testing.T, dataDir string, ports [3]string, extra ...string) (stop func()) {
	t.Helper()
	ctx, cancel := context.WithCancel(context.Background())
	stderr := &syncBuffer{}
	code := make(chan int, 1)
	args := append([]string{"dev", "--data-dir", dataDir, "--rpc-port", ports[0], "--ws-port", ports[1], "--http", "127.0.0.1:" + ports[2], "--log-level", "warn"}, extra...)
	go func() { code <- run(ctx, args, func(string) string { return "" }, &syncBuffer{}, stderr) }()
	return func() {
		cancel()
		select {
		case c := <-code:
			if c != 0 {
				t.Errorf("dev exited with %d: %s", c, stderr.String())
			}
		case <-time.After(30 * time.Second):
			t.Error("bittunes dev did not stop within 30 s")
		}
	}
}

type trackPageJSON struct {
	ContentHash string `json:"contentHash"`
	InfoHash    string `json:"infoHash"`
}

func trackPage(t *testing.T, api string, id int) trackPageJSON {
	t.Helper()
	resp, err := http.Get(fmt.Sprintf("%s/api/v1/tracks/%d", api, id))
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	var p trackPageJSON
	if err := json.NewDecoder(resp.Body).Decode(&p); err != nil || p.InfoHash == "" {
		t.Fatalf("track %d: %+v, %v", id, p, err)
	}
	return p
}

// waitForSeeders waits until the market's tracker counts n seeders of the info hash.
func waitForSeeders(t *testing.T, api, infoHash string, n int64) {
	t.Helper()
	ih, err := hex.DecodeString(infoHash)
	if err != nil {
		t.Fatal(err)
	}
	q := api + "/api/v1/scrape?info_hash=" + url.QueryEscape(string(ih))
	var got int64
	for deadline := time.Now().Add(30 * time.Second); time.Now().Before(deadline); time.Sleep(200 * time.Millisecond) {
		resp, err := http.Get(q)
		if err != nil {
			t.Fatal(err)
		}
		var d struct {
			Files map[string]struct {
				Complete int64 `bencode:"complete"`
			} `bencode:"files"`
		}
		err = bencode.NewDecoder(resp.Body).Decode(&d)
		resp.Body.Close()
		if err == nil {
			if got = d.Files[string(ih)].Complete; got >= n {
				return
			}
		}
	}
	t.Fatalf("the tracker counts %d seeders, want %d", got, n)
}

// waitForSeeds waits until the market says account seeds n tracks.
func waitForSeeds(t *testing.T, api string, account common.Address, n int) {
	t.Helper()
	var got int
	for deadline := time.Now().Add(90 * time.Second); time.Now().Before(deadline); time.Sleep(200 * time.Millisecond) {
		resp, err := http.Get(api + "/api/v1/accounts/" + account.Hex() + "/seeds")
		if err != nil {
			t.Fatal(err)
		}
		var d struct {
			Count int `json:"count"`
		}
		err = json.NewDecoder(resp.Body).Decode(&d)
		resp.Body.Close()
		if got = d.Count; err == nil && got == n {
			return
		}
	}
	t.Fatalf("the market shows %s seeding %d tracks, want %d", account.Hex(), got, n)
}

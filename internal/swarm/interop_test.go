package swarm_test

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/json"
	"fmt"
	"net"
	"net/http"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/anacrolix/torrent/bencode"
	"github.com/anacrolix/torrent/metainfo"

	"github.com/bittunes/bittunes/internal/retry"
	"github.com/bittunes/bittunes/internal/swarm"
)

// Interop: BitTorrent clients nobody here wrote (Debian's aria2 and Transmission) find the market's
// peers through its tracker alone — the torrents and magnet links of these tests carry no web
// seed, and the origin's web seed refuses — and exchange whole packages with our seeder and client.

// thirdParty returns the path of a Debian-packaged program, skipping the test when it is not
// installed here (CI installs them: a missing one there fails the test).
func thirdParty(t *testing.T, name, pkg string) string {
	t.Helper()
	path, err := exec.LookPath(name)
	if err != nil {
		if os.Getenv("CI") != "" {
			t.Fatalf("%s is missing in CI: .ci/run installs the Debian package %s", name, pkg)
		}
		t.Skipf("%s is not installed (apt-get install %s): the interop test needs it", name, pkg)
	}
	return path
}

// trackerOnly is the origin's package as a torrent and a magnet link without its web seed, and
// the web seed switched off, so that peers come from the tracker alone.
func (o *origin) trackerOnly(t *testing.T) (*metainfo.MetaInfo, string) {
	t.Helper()
	p, err := o.index.Ensure(context.Background(), o.pkg.ContentHash)
	if err != nil {
		t.Fatal(err)
	}
	o.webSeeds.Store(false)
	links := swarm.Links{Trackers: o.links.Trackers}
	mi := p.MetaInfo(links)
	if len(mi.UrlList) != 0 {
		t.Fatalf("the test torrent has web seeds: %v", mi.UrlList)
	}
	return mi, p.Magnet(links)
}

func writeTorrent(t *testing.T, mi *metainfo.MetaInfo) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), "package.torrent")
	f, err := os.Create(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if err := mi.Write(f); err != nil {
		t.Fatal(err)
	}
	return path
}

// checkPackage checks that path holds the origin's package byte for byte, and that Debian's age
// opens it with the package's key to the uploaded audio.
func (o *origin) checkPackage(t *testing.T, path string) {
	t.Helper()
	got, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if sha256.Sum256(got) != o.pkg.ContentHash {
		t.Fatalf("%s is not the package (%d bytes)", path, len(got))
	}
	ageBin := thirdParty(t, "age", "age")
	key := filepath.Join(t.TempDir(), "key.txt")
	if err := os.WriteFile(key, []byte(o.pkg.Identity.String()+"\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	out, err := exec.Command(ageBin, "-d", "-i", key, path).Output()
	if err != nil {
		t.Fatalf("age -d: %v", err)
	}
	if !bytes.Equal(out, o.audio) {
		t.Fatalf("age -d gives %d bytes that are not the upload", len(out))
	}
}

func freePort(t *testing.T) int {
	t.Helper()
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer l.Close()
	return l.Addr().(*net.TCPAddr).Port
}

// aria2 fetches what (a .torrent path or a magnet link) into dir and exits once it has it.
func aria2(t *testing.T, ctx context.Context, dir, what string) {
	t.Helper()
	bin := thirdParty(t, "aria2c", "aria2")
	args := []string{"--dir=" + dir, "--seed-time=0", "--enable-dht=false", "--enable-dht6=false", "--bt-enable-lpd=false",
		"--enable-peer-exchange=false", "--listen-port=" + fmt.Sprint(freePort(t)), "--bt-save-metadata=false",
		"--console-log-level=warn", "--summary-interval=0", "--file-allocation=none", "--no-conf=true",
		"--bt-tracker-interval=2", "--bt-stop-timeout=60", what}
	cmd := exec.CommandContext(ctx, bin, args...)
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("aria2c %s: %v\n%s", what, err, out)
	}
}

func TestAria2FetchesFromPeersFoundThroughTheTracker(t *testing.T) {
	thirdParty(t, "aria2c", "aria2")
	o := newOrigin(t, 3<<20)
	o.startSeeder(t)
	mi, magnet := o.trackerOnly(t)
	ctx, cancel := context.WithTimeout(context.Background(), 90*time.Second)
	defer cancel()
	for name, what := range map[string]string{"torrent": writeTorrent(t, mi), "magnet": magnet} {
		t.Run(name, func(t *testing.T) {
			dir := t.TempDir()
			aria2(t, ctx, dir, what)
			o.checkPackage(t, filepath.Join(dir, swarm.FileName(o.pkg.ContentHash)))
		})
	}
	if o.webSeed.Load() != 0 {
		t.Errorf("the web seed served %d bytes", o.webSeed.Load())
	}
}

// transmission runs transmission-cli on what (a .torrent path or a magnet link) with dir as its
// download folder, until the test ends. A settings file keeps it off the DHT, local peer discovery
// and port mapping, so that the tracker is its only source of peers. Transmission drops the 127/8
// peers a tracker hands out (a "martian" address to it), so on loopback the market's peers, which
// learn its address from the tracker, connect to it: they must announce after it (anacrolix
// re-announces once a minute at most), which waitForSwarm arranges.
//
// transmission-cli looks at its torrent every 200 ms and exits when it finds it stopped, which the
// torrent briefly is when Transmission switches it to checking its data: after a magnet link's
// metadata has arrived ("Pausing", then "Magnet Verify"), and at the start. On a busy machine it
// sometimes looks in that gap and quits, and the test then waited for nothing; so it is started
// again, with the same settings, port and folder, until the test ends.
func transmission(t *testing.T, dir, what string) {
	t.Helper()
	bin := thirdParty(t, "transmission-cli", "transmission-cli")
	cfg := t.TempDir()
	settings, _ := json.Marshal(map[string]any{"dht-enabled": false, "lpd-enabled": false, "pex-enabled": false,
		"port-forwarding-enabled": false, "utp-enabled": false, "rename-partial-files": false, "start-added-torrents": true,
		"speed-limit-up-enabled": false, "speed-limit-down-enabled": false, "download-dir": dir, "incomplete-dir-enabled": false})
	if err := os.WriteFile(filepath.Join(cfg, "settings.json"), settings, 0o644); err != nil {
		t.Fatal(err)
	}
	args := []string{"-g", cfg, "-w", dir, "-p", fmt.Sprint(freePort(t)), "-M", "-ep", what}
	ctx, cancel := context.WithCancel(context.Background())
	var log bytes.Buffer // written by one run at a time, read once all have ended
	done := make(chan struct{})
	go func() {
		defer close(done)
		for {
			cmd := exec.CommandContext(ctx, bin, args...)
			cmd.Stdout, cmd.Stderr = &log, &log
			err := cmd.Run()
			if ctx.Err() != nil {
				return
			}
			fmt.Fprintf(&log, "\n[test] transmission-cli exited (%v): starting it again\n", err)
			if !retry.Sleep(ctx, 500*time.Millisecond) { // no busy loop if it cannot start at all
				return
			}
		}
	}()
	t.Cleanup(func() {
		cancel()
		<-done
		if t.Failed() {
			t.Logf("transmission-cli output, less its progress lines:\n%s", events(log.Bytes(), 60))
		}
	})
}

// events is the last n lines of a transmission-cli output that are not its progress line, which
// it rewrites every second and would bury what happened.
func events(out []byte, n int) string {
	var lines []string
	for _, l := range strings.FieldsFunc(string(out), func(r rune) bool { return r == '\n' || r == '\r' }) {
		if l = strings.TrimSpace(l); l != "" && !strings.HasPrefix(l, "Progress:") {
			lines = append(lines, l)
		}
	}
	return strings.Join(lines[max(len(lines)-n, 0):], "\n")
}

// waitForPackage waits until path holds the origin's whole package.
func (o *origin) waitForPackage(t *testing.T, path string, within time.Duration) {
	t.Helper()
	deadline := time.Now().Add(within)
	for time.Now().Before(deadline) {
		if b, err := os.ReadFile(path); err == nil && int64(len(b)) == o.pkg.Size && sha256.Sum256(b) == o.pkg.ContentHash {
			return
		}
		time.Sleep(200 * time.Millisecond)
	}
	t.Fatalf("%s did not become the package within %v", path, within)
}

// waitForSwarm waits until the tracker counts at least seeders and leechers for the package.
func (o *origin) waitForSwarm(t *testing.T, seeders, leechers int64) {
	t.Helper()
	o.waitForTracker(t, func(complete, incomplete int64) bool { return complete >= seeders && incomplete >= leechers })
}

// waitForPeers waits until the tracker counts at least n peers of the package.
func (o *origin) waitForPeers(t *testing.T, n int64) {
	t.Helper()
	o.waitForTracker(t, func(complete, incomplete int64) bool { return complete+incomplete >= n })
}

func (o *origin) waitForTracker(t *testing.T, done func(complete, incomplete int64) bool) {
	t.Helper()
	p, err := o.index.Ensure(context.Background(), o.pkg.ContentHash)
	if err != nil {
		t.Fatal(err)
	}
	ih := p.InfoHash()
	q := o.http.URL + "/api/v1/scrape?info_hash=" + url.QueryEscape(string(ih[:]))
	for deadline := time.Now().Add(30 * time.Second); time.Now().Before(deadline); time.Sleep(100 * time.Millisecond) {
		res, err := http.Get(q)
		if err != nil {
			t.Fatal(err)
		}
		var d struct {
			Files map[string]struct {
				Complete   int64 `bencode:"complete"`
				Incomplete int64 `bencode:"incomplete"`
			} `bencode:"files"`
		}
		err = bencode.NewDecoder(res.Body).Decode(&d)
		res.Body.Close()
		if err != nil {
			t.Fatal(err)
		}
		if f := d.Files[string(ih[:])]; done(f.Complete, f.Incomplete) {
			return
		}
	}
	t.Fatal("the tracker never counted the peers the test waits for")
}

// nonLoopbackHost is an IPv4 address of this machine outside 127/8 that accepts connections, or
// 127.0.0.1 when it has none.
func nonLoopbackHost(t *testing.T) string {
	t.Helper()
	addrs, err := net.InterfaceAddrs()
	if err != nil {
		return "127.0.0.1"
	}
	for _, a := range addrs {
		n, ok := a.(*net.IPNet)
		if !ok || n.IP.To4() == nil || n.IP.IsLoopback() || n.IP.IsLinkLocalUnicast() {
			continue
		}
		l, err := net.Listen("tcp", net.JoinHostPort(n.IP.String(), "0"))
		if err != nil {
			continue
		}
		l.Close()
		return n.IP.String()
	}
	return "127.0.0.1"
}

func TestTransmissionFetchesFromPeersFoundThroughTheTracker(t *testing.T) {
	thirdParty(t, "transmission-cli", "transmission-cli")
	// Transmission drops 127/8 peers handed out by a tracker: with the tracker and the seeder on
	// another address of this machine, it connects to the seeder at once instead of waiting for
	// the seeder's next announce to connect to it.
	host := nonLoopbackHost(t)
	t.Logf("tracker and seeder on %s", host)
	for _, name := range []string{"torrent", "magnet"} {
		t.Run(name, func(t *testing.T) {
			o := newOriginOn(t, 3<<20, host)
			mi, magnet := o.trackerOnly(t)
			what := magnet
			if name == "torrent" {
				what = writeTorrent(t, mi)
			}
			dir := t.TempDir()
			transmission(t, dir, what)
			o.waitForSwarm(t, 0, 1)
			o.startSeeder(t)
			path := filepath.Join(dir, swarm.FileName(o.pkg.ContentHash))
			// From a magnet link, Transmission restarts the torrent once it has the metadata: it
			// drops the seeder's connection and, on loopback, can only wait for the seeder's next
			// announce (a minute) to be connected to again.
			start := time.Now()
			o.waitForPackage(t, path, 100*time.Second)
			t.Logf("Transmission had the package %v after the seeder started", time.Since(start).Round(100*time.Millisecond))
			o.checkPackage(t, path)
			if o.webSeed.Load() != 0 {
				t.Errorf("the web seed served %d bytes", o.webSeed.Load())
			}
		})
	}
}

// TestTransmissionSeedsToOurClient: with no seeder of the market's own and the web seed off, a
// Transmission holding the package serves it, through the tracker, to the client `bittunes get`
// runs.
func TestTransmissionSeedsToOurClient(t *testing.T) {
	thirdParty(t, "transmission-cli", "transmission-cli")
	o := newOrigin(t, 3<<20)
	mi, _ := o.trackerOnly(t)
	dir := t.TempDir()
	pkg, err := os.ReadFile(o.media.PackagePath(o.pkg.ContentHash))
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, swarm.FileName(o.pkg.ContentHash)), pkg, 0o644); err != nil {
		t.Fatal(err)
	}
	transmission(t, dir, writeTorrent(t, mi))
	o.waitForSwarm(t, 1, 0)
	fan := newFan(t, t.TempDir(), false, time.Hour)
	tr := o.fetch(t, fan, mi)
	if tr == nil {
		return
	}
	o.checkPackage(t, tr.Path)
	if o.webSeed.Load() != 0 {
		t.Errorf("the web seed served %d bytes", o.webSeed.Load())
	}
}

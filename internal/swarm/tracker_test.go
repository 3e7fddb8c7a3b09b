package swarm_test

import (
	"context"
	"encoding/binary"
	"encoding/hex"
	"fmt"
	"io"
	"maps"
	"net/http"
	"net/http/httptest"
	"net/netip"
	"net/url"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/anacrolix/torrent/bencode"

	"github.com/bittunes/bittunes/internal/store"
	"github.com/bittunes/bittunes/internal/swarm"
	"github.com/bittunes/bittunes/internal/tooling/pgtest"
)

func TestMain(m *testing.M) { pgtest.Main(m) }

// knownHash is the info hash of the one verified package of trackerStore's database.
var knownHash = [20]byte{1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20}

// trackerStore opens dsn with one verified package whose torrent is knownHash.
func trackerStore(t *testing.T, dsn string) *store.Store {
	t.Helper()
	st, err := store.Open(context.Background(), dsn)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	err = st.SavePackageTorrent(context.Background(), store.PackageTorrent{ContentHash: [32]byte{1}, Status: store.PackageVerified,
		Size: 10, ModifiedAt: time.Now(), InfoHash: hex.EncodeToString(knownHash[:]), PieceLength: 16384, Pieces: "AAAA"})
	if err != nil {
		t.Fatal(err)
	}
	return st
}

// trackerAt serves tr with each request's client address taken from the X-Client header, as the
// API does with its trusted proxies.
func trackerAt(t *testing.T, tr *swarm.Tracker) string {
	t.Helper()
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if ip, err := netip.ParseAddr(r.Header.Get("X-Client")); err == nil {
			r = r.WithContext(swarm.WithClientAddr(r.Context(), ip))
		}
		tr.ServeHTTP(w, r)
	}))
	t.Cleanup(srv.Close)
	return srv.URL
}

// announceQuery is an announce of peer n (peer id 20 × n) of knownHash on port 6000+n.
func announceQuery(n byte, left int, extra string) string {
	q := "info_hash=" + url.QueryEscape(string(knownHash[:])) + "&peer_id=" + url.QueryEscape(strings.Repeat(string(rune('A'+n)), 20)) +
		fmt.Sprintf("&port=%d&uploaded=0&downloaded=0&left=%d&compact=1", 6000+int(n), left)
	if extra != "" {
		q += "&" + extra
	}
	return q
}

// get requests base+path?query from client ip and decodes the answer strictly: status 200, one
// bencoded dictionary and nothing after it.
func get(t *testing.T, base, path, query, ip string) map[string]any {
	t.Helper()
	req, _ := http.NewRequest(http.MethodGet, base+path+"?"+query, nil)
	req.Header.Set("X-Client", ip)
	res, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer res.Body.Close()
	body, _ := io.ReadAll(res.Body)
	if res.StatusCode != http.StatusOK {
		t.Fatalf("GET %s: status %d, want 200", path, res.StatusCode)
	}
	var d map[string]any
	if err := bencode.Unmarshal(body, &d); err != nil {
		t.Fatalf("GET %s: %q is not one bencoded dictionary: %v", path, body, err)
	}
	return d
}

func keys(d map[string]any) string {
	return strings.Join(slices.Sorted(maps.Keys(d)), ",")
}

// compactPeers reads a compact peer list (BEP 23: 4 address bytes, or 16 in peers6, then the port).
func compactPeers(t *testing.T, v any, size int) []netip.AddrPort {
	t.Helper()
	s, ok := v.(string)
	if !ok || len(s)%(size+2) != 0 {
		t.Fatalf("peers %q is not a compact list of %d-byte addresses", v, size)
	}
	var out []netip.AddrPort
	for i := 0; i < len(s); i += size + 2 {
		ip, _ := netip.AddrFromSlice([]byte(s[i : i+size]))
		out = append(out, netip.AddrPortFrom(ip, uint16(s[i+size])<<8|uint16(s[i+size+1])))
	}
	return out
}

func TestTrackerAnswersFollowTheProtocol(t *testing.T) {
	tr := swarm.NewTracker(swarm.TrackerConfig{Peers: trackerStore(t, "sqlite:"+filepath.Join(t.TempDir(), "t.db"))})
	base := trackerAt(t, tr)

	d := get(t, base, "/announce", announceQuery(1, 0, "event=started"), "10.0.0.1")
	if got, want := keys(d), "complete,incomplete,interval,min interval,peers"; got != want {
		t.Fatalf("first announce keys = %s, want %s (no failure reason, tracker id or empty peers6)", got, want)
	}
	if d["peers"] != "" || d["complete"] != int64(1) || d["incomplete"] != int64(0) || d["interval"] != int64(60) || d["min interval"] != int64(30) {
		t.Fatalf("first announce = %v", d)
	}
	d = get(t, base, "/announce", announceQuery(2, 100, ""), "10.0.0.2")
	if got := compactPeers(t, d["peers"], 4); len(got) != 1 || got[0] != netip.MustParseAddrPort("10.0.0.1:6001") {
		t.Fatalf("second peer gets %v, want the first at the address it announced from", got)
	}
	if d["complete"] != int64(1) || d["incomplete"] != int64(1) {
		t.Fatalf("counts = %v", d)
	}
	// An IPv6 peer appears in peers6 (BEP 7), only then.
	get(t, base, "/announce", announceQuery(3, 100, ""), "2001:db8::3")
	d = get(t, base, "/announce", announceQuery(4, 100, ""), "10.0.0.4")
	if got := keys(d); got != "complete,incomplete,interval,min interval,peers,peers6" {
		t.Fatalf("with an IPv6 peer, keys = %s", got)
	}
	if got := compactPeers(t, d["peers6"], 16); len(got) != 1 || got[0] != netip.MustParseAddrPort("[2001:db8::3]:6003") {
		t.Fatalf("peers6 = %v", got)
	}
	if got := compactPeers(t, d["peers"], 4); len(got) != 2 {
		t.Fatalf("peers = %v, want the two other IPv4 peers", got)
	}
	// compact=0: a list of dictionaries.
	d = get(t, base, "/announce", strings.Replace(announceQuery(4, 100, "numwant=1"), "compact=1", "compact=0", 1), "10.0.0.4")
	peers, ok := d["peers"].([]any)
	if !ok || len(peers) != 1 {
		t.Fatalf("non-compact peers = %#v, want one (numwant=1)", d["peers"])
	}
	if p := peers[0].(map[string]any); keys(p) != "ip,peer id,port" {
		t.Fatalf("a non-compact peer = %v", p)
	}

	// A stopped peer is not handed out any more.
	get(t, base, "/announce", announceQuery(1, 0, "event=stopped"), "10.0.0.1")
	d = get(t, base, "/announce", announceQuery(2, 100, ""), "10.0.0.2")
	for _, p := range compactPeers(t, d["peers"], 4) {
		if p.Addr() == netip.MustParseAddr("10.0.0.1") {
			t.Fatalf("the stopped peer is still handed out: %v", d)
		}
	}
	if d["complete"] != int64(0) {
		t.Fatalf("the stopped seeder is still counted: %v", d)
	}

	// Scrape (BEP 48): known torrents only.
	other := strings.Repeat("\xff", 20)
	d = get(t, base, "/scrape", "info_hash="+url.QueryEscape(string(knownHash[:]))+"&info_hash="+url.QueryEscape(other), "10.0.0.9")
	files, ok := d["files"].(map[string]any)
	if keys(d) != "files" || !ok || len(files) != 1 {
		t.Fatalf("scrape = %v", d)
	}
	if f := files[string(knownHash[:])].(map[string]any); keys(f) != "complete,downloaded,incomplete" || f["incomplete"] != int64(3) {
		t.Fatalf("scrape of the torrent = %v", f)
	}
}

func TestTrackerRefusals(t *testing.T) {
	tr := swarm.NewTracker(swarm.TrackerConfig{Peers: trackerStore(t, "sqlite:"+filepath.Join(t.TempDir(), "t.db")), Burst: 5, Rate: 0.001})
	base := trackerAt(t, tr)
	unknown := strings.Replace(announceQuery(1, 0, ""), url.QueryEscape(string(knownHash[:])), strings.Repeat("%EE", 20), 1)
	for name, query := range map[string]string{
		"unknown info hash":    unknown,
		"short info hash":      "info_hash=abc&peer_id=" + strings.Repeat("a", 20) + "&port=1",
		"no port":              strings.Replace(announceQuery(1, 0, ""), "port=6001", "", 1),
		"bad event":            announceQuery(1, 0, "event=paused"),
		"negative left":        strings.Replace(announceQuery(1, 0, ""), "left=0", "left=-1", 1),
		"bad escape":           announceQuery(1, 0, "key=%zz"),
		"scrape of everything": "",
	} {
		path := "/announce"
		if name == "scrape of everything" {
			path = "/scrape"
		}
		d := get(t, base, path, query, "10.1.0.1")
		if _, ok := d["failure reason"].(string); !ok || d["peers"] != nil {
			t.Errorf("%s: %v, want a failure reason", name, d)
		}
	}
	// The sixth request from one address in a row is refused; another address still gets through.
	d := get(t, base, "/announce", announceQuery(1, 0, ""), "10.1.0.1")
	if reason, _ := d["failure reason"].(string); !strings.Contains(reason, "too many") {
		t.Errorf("over the rate limit: %v", d)
	}
	if d := get(t, base, "/announce", announceQuery(1, 0, ""), "10.1.0.2"); d["failure reason"] != nil {
		t.Errorf("another client: %v", d)
	}
}

func TestTrackerCapsPeersPerTorrent(t *testing.T) {
	tr := swarm.NewTracker(swarm.TrackerConfig{Peers: trackerStore(t, "sqlite:"+filepath.Join(t.TempDir(), "t.db")), MaxPeers: 3, MaxNumWant: 2})
	base := trackerAt(t, tr)
	for n := range byte(6) {
		get(t, base, "/announce", announceQuery(n, 100, ""), fmt.Sprintf("10.2.0.%d", n+1))
	}
	d := get(t, base, "/announce", announceQuery(9, 100, ""), "10.2.0.99")
	if d["incomplete"] != int64(3) {
		t.Errorf("peers kept = %v, want the cap, 3", d["incomplete"])
	}
	if got := compactPeers(t, d["peers"], 4); len(got) != 2 {
		t.Errorf("peers handed out = %v, want MaxNumWant, 2", got)
	}
}

func TestTrackersShareTheirPeersThroughTheDatabase(t *testing.T) {
	for _, db := range []struct{ name, dsn string }{
		{"sqlite", "sqlite:" + filepath.Join(t.TempDir(), "t.db")},
		{"postgres", pgtest.DSN(t)},
	} {
		t.Run(db.name, func(t *testing.T) {
			// Two API servers: two connections to one database, each with its own tracker.
			a := trackerAt(t, swarm.NewTracker(swarm.TrackerConfig{Peers: trackerStore(t, db.dsn)}))
			st, err := store.Open(context.Background(), db.dsn)
			if err != nil {
				t.Fatal(err)
			}
			t.Cleanup(func() { st.Close() })
			b := trackerAt(t, swarm.NewTracker(swarm.TrackerConfig{Peers: st}))
			get(t, a, "/announce", announceQuery(1, 0, ""), "10.3.0.1")
			d := get(t, b, "/announce", announceQuery(2, 100, ""), "10.3.0.2")
			if got := compactPeers(t, d["peers"], 4); len(got) != 1 || got[0] != netip.MustParseAddrPort("10.3.0.1:6001") {
				t.Fatalf("server b hands out %v, want the peer that announced to server a", got)
			}
			d = get(t, a, "/announce", announceQuery(1, 0, ""), "10.3.0.1")
			if got := compactPeers(t, d["peers"], 4); len(got) != 1 || got[0] != netip.MustParseAddrPort("10.3.0.2:6002") {
				t.Fatalf("server a hands out %v, want the peer that announced to server b", got)
			}
		})
	}
}

func FuzzParseAnnounce(f *testing.F) {
	f.Add(announceQuery(1, 0, "event=started&numwant=30&key=abc&ip=1.2.3.4"))
	f.Add(announceQuery(2, 5, "event=stopped&compact=0&no_peer_id=1"))
	f.Add("info_hash=%01&peer_id=x&port=0")
	f.Add("port=65536&left=18446744073709551616")
	f.Add("info_hash=" + strings.Repeat("%zz", 20))
	f.Add(";;&&==")
	f.Fuzz(func(t *testing.T, q string) {
		a, err := swarm.ParseAnnounce(q)
		if err != nil {
			if a != (swarm.AnnounceRequest{}) {
				t.Fatalf("an error with a request: %+v", a)
			}
			return
		}
		if a.Port == 0 {
			t.Fatalf("port 0 accepted from %q", q)
		}
		switch a.Event {
		case "", "started", "stopped", "completed":
		default:
			t.Fatalf("event %q accepted", a.Event)
		}
		if a.NumWant < -1 {
			t.Fatalf("numwant %d", a.NumWant)
		}
		// What was read is what the query says: the info hash round-trips through the escape.
		again, err := swarm.ParseAnnounce("info_hash=" + url.QueryEscape(string(a.InfoHash[:])) + "&peer_id=" +
			url.QueryEscape(string(a.PeerID[:])) + fmt.Sprintf("&port=%d", a.Port))
		if err != nil || again.InfoHash != a.InfoHash || again.PeerID != a.PeerID {
			t.Fatalf("re-parsing %+v: %+v, %v", a, again, err)
		}
	})
}

func FuzzParseScrape(f *testing.F) {
	f.Add("info_hash=" + url.QueryEscape(string(knownHash[:])))
	f.Add("info_hash=a&info_hash=b")
	f.Add("")
	f.Fuzz(func(t *testing.T, q string) {
		hashes, err := swarm.ParseScrape(q)
		if err == nil && (len(hashes) == 0 || len(hashes) > 64) {
			t.Fatalf("%d info hashes accepted from %q", len(hashes), q)
		}
	})
}

// refusingPeers knows no torrent, as the store answers for a hash that is not a verified package's.
type refusingPeers struct{}

func (refusingPeers) AnnounceTrackerPeer(context.Context, store.TrackerAnnounce) (store.TrackerSwarm, error) {
	return store.TrackerSwarm{}, store.ErrNotFound
}
func (refusingPeers) ScrapeTracker(context.Context, []string, time.Time) (map[string]store.TrackerSwarm, error) {
	return nil, nil
}
func (refusingPeers) ForgetExpiredTrackerPeers(context.Context, time.Time) (int64, error) {
	return 0, nil
}

// TestTrackerMemoryIsBounded: announces of random info hashes from ever new addresses leave the
// tracker holding at most MaxClients rate buckets, whatever their number.
func TestTrackerMemoryIsBounded(t *testing.T) {
	tr := swarm.NewTracker(swarm.TrackerConfig{Peers: refusingPeers{}, MaxClients: 500})
	heap := func() uint64 {
		runtime.GC()
		var m runtime.MemStats
		runtime.ReadMemStats(&m)
		return m.HeapAlloc
	}
	run := func(from, n int) {
		for i := from; i < from+n; i++ {
			var ih [20]byte
			binary.BigEndian.PutUint64(ih[:], uint64(i))
			q := "info_hash=" + url.QueryEscape(string(ih[:])) + "&peer_id=" + strings.Repeat("p", 20) + "&port=1&left=0"
			req := httptest.NewRequest(http.MethodGet, "/announce?"+q, nil)
			req = req.WithContext(swarm.WithClientAddr(req.Context(), netip.AddrFrom4([4]byte{10, byte(i >> 16), byte(i >> 8), byte(i)})))
			tr.ServeHTTP(httptest.NewRecorder(), req)
		}
	}
	run(0, 2_000) // the limiter fills up
	before := heap()
	run(2_000, 50_000)
	after := heap()
	runtime.KeepAlive(tr) // the tracker is measured alive
	if grew := int64(after) - int64(before); grew > 1<<20 {
		t.Errorf("50 000 announces of random hashes grew the heap by %d bytes, want it bounded (< 1 MiB)", grew)
	}
}

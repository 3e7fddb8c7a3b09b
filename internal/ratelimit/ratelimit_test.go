package ratelimit

import (
	"fmt"
	"net/http"
	"net/http/httptest"
	"runtime"
	"strings"
	"testing"
	"time"

	"github.com/gin-gonic/gin"
	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/testutil"
	"golang.org/x/time/rate"
)

var t0 = time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)

func TestABucketRefusesWhenSpentAndSaysHowLong(t *testing.T) {
	l := New(rate.Every(time.Second), 3, 0)
	for i := range 3 {
		if ok, _ := l.Allow("192.0.2.1", t0); !ok {
			t.Fatalf("request %d refused within the burst", i+1)
		}
	}
	ok, wait := l.Allow("192.0.2.1", t0)
	if ok || wait != time.Second {
		t.Fatalf("4th request: ok %v, wait %v; want refused, 1s", ok, wait)
	}
	if ok, _ := l.Allow("192.0.2.2", t0); !ok {
		t.Fatal("another client was refused")
	}
	if ok, _ := l.Allow("192.0.2.1", t0.Add(time.Second)); !ok {
		t.Fatal("refused after the refill")
	}
}

// An IPv6 subscriber holds a /64: its addresses share a bucket.
func TestIPv6ClientsAreCountedPer64(t *testing.T) {
	l := New(rate.Every(time.Hour), 1, 0)
	if ok, _ := l.Allow("2001:db8:1:2::1", t0); !ok {
		t.Fatal("first request refused")
	}
	if ok, _ := l.Allow("2001:db8:1:2:ffff::9", t0); ok {
		t.Fatal("another address of the same /64 got a bucket of its own")
	}
	if ok, _ := l.Allow("2001:db8:1:3::1", t0); !ok {
		t.Fatal("another /64 was refused")
	}
}

// However many addresses a client uses, the limiter keeps at most maxClients+1 buckets; the
// clients beyond share the overflow bucket, and a known client keeps its own.
func TestBucketsAreBounded(t *testing.T) {
	const max = 1000
	l := New(rate.Every(time.Hour), 2, max)
	if ok, _ := l.Allow("198.51.100.1", t0); !ok {
		t.Fatal("known client refused")
	}
	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	refused := 0
	for i := range 100 * max {
		if ok, _ := l.Allow(fmt.Sprintf("2001:db8:%x:%x::1", i>>16, i&0xffff), t0.Add(time.Duration(i)*time.Millisecond)); !ok {
			refused++
		}
	}
	runtime.GC()
	runtime.ReadMemStats(&after)
	if n := l.Clients(); n > max+1 {
		t.Fatalf("%d buckets after 100 000 clients, want at most %d", n, max+1)
	}
	if refused < 90*max {
		t.Fatalf("%d of %d clients beyond the bound refused: the overflow bucket is not shared", refused, 100*max)
	}
	if ok, _ := l.Allow("198.51.100.1", t0.Add(100*time.Second)); !ok {
		t.Fatal("a client known before the flood lost its bucket")
	}
	per := float64(after.HeapAlloc-min(after.HeapAlloc, before.HeapAlloc)) / max
	t.Logf("about %.0f bytes per bucket", per)
	if per > 400 {
		t.Fatalf("%.0f bytes per bucket, more than the 400 the README's memory bound assumes", per)
	}
}

// Buckets that have refilled are forgotten, so that the table holds only active clients.
func TestRefilledBucketsAreForgotten(t *testing.T) {
	l := New(rate.Every(time.Second), 2, 0)
	for i := range 100 {
		l.Allow(fmt.Sprintf("192.0.2.%d", i), t0)
	}
	l.Allow("192.0.2.200", t0.Add(2*sweepEvery))
	if n := l.Clients(); n != 1 {
		t.Fatalf("%d buckets after every old one refilled, want 1", n)
	}
}

func TestInfIsNoLimit(t *testing.T) {
	l := New(rate.Inf, 1, 1)
	for range 10 {
		if ok, _ := l.Allow("192.0.2.1", t0); !ok {
			t.Fatal("refused without a limit")
		}
	}
	if l.Clients() != 0 {
		t.Fatal("an unlimited limiter kept a bucket")
	}
}

func TestParseBudgets(t *testing.T) {
	got, err := ParseBudgets(" page=10/1s, link=off ,feed=5/1h", DefaultBudgets())
	if err != nil {
		t.Fatal(err)
	}
	for c, want := range map[Class]string{Page: "10/1s", Link: "off", Feed: "5/1h", API: "2400/1m"} {
		if got[c].String() != want {
			t.Errorf("%s: %s, want %s", c, got[c], want)
		}
	}
	for _, bad := range []string{"pages=1/1s", "page=1", "page=0/1s", "page=1/x", "page=1/-1s", "page"} {
		if _, err := ParseBudgets(bad, DefaultBudgets()); err == nil {
			t.Errorf("%q parsed", bad)
		}
	}
}

func TestRefusalsAreCountedPerClass(t *testing.T) {
	c := NewClasses(map[Class]Budget{Page: {1, time.Hour}, Feed: {1, time.Hour}}, 0)
	for range 3 {
		c.Allow(Page, "192.0.2.1", t0)
	}
	c.Allow(Feed, "192.0.2.1", t0)
	reg := prometheus.NewRegistry()
	reg.MustRegister(c)
	if n, err := testutil.GatherAndCount(reg, "bittunes_rate_limited_total"); err != nil || n != 2 {
		t.Fatalf("%d refusal series (%v), want one per class", n, err)
	}
	want := `
# HELP bittunes_rate_limited_total Requests refused with 429 because the client's budget of the route class was spent.
# TYPE bittunes_rate_limited_total counter
bittunes_rate_limited_total{class="feed"} 0
bittunes_rate_limited_total{class="page"} 2
`
	if err := testutil.GatherAndCompare(reg, stringsReader(want), "bittunes_rate_limited_total"); err != nil {
		t.Fatal(err)
	}
}

// ClientIP finds the client exactly as the API's router does, so that a page and an API call of
// one client draw from the same bucket.
func TestClientIPAgreesWithGin(t *testing.T) {
	for _, tc := range []struct{ remote, xff, realIP string }{
		{"192.0.2.1:1234", "", ""},
		{"192.0.2.1:1234", "203.0.113.9", ""},
		{"10.0.0.5:1234", "203.0.113.9", ""},
		{"10.0.0.5:1234", "203.0.113.9, 10.0.0.7", ""},
		{"10.0.0.5:1234", "198.51.100.1, 203.0.113.9, 10.0.0.7", ""},
		{"10.0.0.5:1234", "10.0.0.8, 10.0.0.7", ""},
		{"10.0.0.5:1234", "junk, 203.0.113.9", ""},
		{"10.0.0.5:1234", "", "203.0.113.4"},
		{"10.0.0.5:1234", "junk", "203.0.113.4"},
		{"[2001:db8::1]:1234", "203.0.113.9", ""},
		{"[::ffff:10.0.0.5]:1234", "203.0.113.9", ""},
		{"[fd00::5]:1234", "2001:db8::7", ""},
	} {
		checkAgainstGin(t, tc.remote, tc.xff, tc.realIP)
	}
}

func FuzzClientIPAgreesWithGin(f *testing.F) {
	f.Add("10.0.0.5:1234", "203.0.113.9, 10.0.0.7", "")
	f.Add("10.0.0.5:1", " 1.2.3.4 ,,", "::1")
	f.Add("[fd00::5]:1234", "2001:db8::7,fd00::9", "x")
	f.Fuzz(func(t *testing.T, remote, xff, realIP string) {
		checkAgainstGin(t, remote, xff, realIP)
	})
}

var trustedList = []string{"10.0.0.0/8", "fd00::/8"}

func checkAgainstGin(t *testing.T, remote, xff, realIP string) {
	t.Helper()
	gin.SetMode(gin.ReleaseMode)
	e := gin.New()
	if err := e.SetTrustedProxies(trustedList); err != nil {
		t.Fatal(err)
	}
	var want string
	e.GET("/", func(c *gin.Context) { want = c.ClientIP() })
	r := httptest.NewRequest(http.MethodGet, "/", nil)
	r.RemoteAddr = remote
	r.Header.Set("X-Forwarded-For", xff)
	r.Header.Set("X-Real-IP", realIP)
	e.ServeHTTP(httptest.NewRecorder(), r)
	got := ParseProxies(trustedList).ClientIP(r)
	if ClientKey(got) != ClientKey(want) && want != "" {
		t.Fatalf("remote %q, X-Forwarded-For %q, X-Real-IP %q: client %q, gin says %q", remote, xff, realIP, got, want)
	}
}

func stringsReader(s string) *strings.Reader { return strings.NewReader(s) }

// Spent reads a client's bucket without taking from it; a client a full limiter does not know is
// judged by the overflow bucket it would draw from.
func TestSpentReadsTheBucketAClientWouldUse(t *testing.T) {
	l := New(rate.Every(time.Second), 1, 2)
	if spent, _ := l.Spent("192.0.2.1", t0); spent {
		t.Fatal("a client without a bucket is spent")
	}
	l.Allow("192.0.2.1", t0)
	if spent, wait := l.Spent("192.0.2.1", t0); !spent || wait != time.Second {
		t.Fatalf("after its one token: spent %v, wait %v; want spent, 1s", spent, wait)
	}
	if spent, _ := l.Spent("192.0.2.1", t0.Add(time.Second)); spent {
		t.Fatal("spent after the refill")
	}
	l.Allow("192.0.2.2", t0)
	l.Allow("192.0.2.3", t0) // the limiter is full: the overflow bucket
	if spent, _ := l.Spent("192.0.2.99", t0); !spent {
		t.Fatal("an unknown client of a full limiter whose overflow bucket is empty is not spent")
	}
}

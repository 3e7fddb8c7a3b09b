package web

import (
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/bittunes/bittunes/internal/ratelimit"
)

// Every route of the pages is either in a class with a budget per client or listed as unlimited
// with its reason: a new page fails here until someone decides which.
func TestEveryPageRouteIsLimitedOrExemptOnPurpose(t *testing.T) {
	p, err := newPages(Config{Catalog: newFakeCatalog(), CardDir: t.TempDir()})
	if err != nil {
		t.Fatal(err)
	}
	m := &routeMux{ServeMux: http.NewServeMux()}
	p.routes(m)
	seen := map[string]bool{}
	for _, pattern := range m.patterns {
		seen[pattern] = true
		class, limited := pageClasses[pattern]
		reason, exempt := unlimitedPages[pattern]
		switch {
		case limited && exempt:
			t.Errorf("%s is both limited (%s) and exempt (%s)", pattern, class, reason)
		case !limited && !exempt:
			t.Errorf("%s is reachable by anyone but has no route class (pageClasses) and no reason to be unlimited (unlimitedPages)", pattern)
		case limited && ratelimit.DefaultBudgets()[class].N == 0:
			t.Errorf("%s: class %s has no default budget", pattern, class)
		}
	}
	for pattern := range pageClasses {
		if !seen[pattern] {
			t.Errorf("pageClasses names %s, which is not a route", pattern)
		}
	}
	for pattern := range unlimitedPages {
		if !seen[pattern] {
			t.Errorf("unlimitedPages names %s, which is not a route", pattern)
		}
	}
}

// One route of each class: within the budget the route answers as usual, beyond it 429 with
// Retry-After (a small HTML page, or the JSON error for scripts' routes); another client, even
// behind the same trusted proxy, is not affected.
func TestEachPageClassIsLimitedPerClient(t *testing.T) {
	for _, tc := range []struct {
		class        ratelimit.Class
		method, path string
		json         bool
	}{
		{ratelimit.Page, "GET", "/", false},
		{ratelimit.Page, "GET", "/t/1", false},
		{ratelimit.Page, "GET", "/no/such/page", false},
		{ratelimit.Search, "GET", "/browse?q=harbour", false},
		{ratelimit.Feed, "GET", "/feeds/new", false},
		{ratelimit.Feed, "GET", "/sitemap.xml", false},
		{ratelimit.Image, "GET", "/qr?url=http://example.com/t/1", false},
		{ratelimit.Image, "GET", "/cards/chart.jpg", false},
		{ratelimit.Embed, "GET", "/embed/charts", false},
		{ratelimit.Embed, "GET", "/oembed?url=http://example.com/t/1", true},
		{ratelimit.Link, "POST", "/r", true},
	} {
		t.Run(tc.method+" "+tc.path, func(t *testing.T) {
			limits := ratelimit.NewClasses(map[ratelimit.Class]ratelimit.Budget{tc.class: {N: 2, Per: time.Hour}}, 0)
			h := testHandler(t, Config{Limits: limits, TrustedProxies: []string{"10.0.0.0/8"}})
			send := func(client string) *httptest.ResponseRecorder {
				w := httptest.NewRecorder()
				r := httptest.NewRequest(tc.method, tc.path, strings.NewReader(`{}`))
				r.Host = "example.com"
				r.RemoteAddr = "10.0.0.1:4000"
				r.Header.Set("X-Forwarded-For", client)
				h.ServeHTTP(w, r)
				return w
			}
			for i := range 2 {
				if w := send("203.0.113.7"); w.Code == http.StatusTooManyRequests {
					t.Fatalf("request %d within the budget: 429", i+1)
				}
			}
			w := send("203.0.113.7")
			if w.Code != http.StatusTooManyRequests || w.Header().Get("Retry-After") != "1800" {
				t.Fatalf("3rd request: %d, Retry-After %q; want 429, 1800", w.Code, w.Header().Get("Retry-After"))
			}
			if tc.json {
				var body struct{ Error struct{ Code string } }
				if err := json.Unmarshal(w.Body.Bytes(), &body); err != nil || body.Error.Code != "rate_limited" {
					t.Fatalf("429 body %q, want the JSON error rate_limited", w.Body)
				}
			} else if ct := w.Header().Get("Content-Type"); !strings.HasPrefix(ct, "text/html") || !strings.Contains(w.Body.String(), "Too many requests") {
				t.Fatalf("429 %s %q, want the small HTML page", ct, w.Body)
			}
			if w := send("203.0.113.8"); w.Code == http.StatusTooManyRequests {
				t.Fatal("another client behind the same proxy was refused")
			}
		})
	}
}

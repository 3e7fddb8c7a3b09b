package api

import (
	"context"
	"encoding/json"
	"io"
	"log/slog"
	"math/big"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/core/types"
	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/testutil"

	"github.com/bittunes/bittunes/internal/ratelimit"
	"github.com/bittunes/bittunes/internal/store"
)

type headerChain struct{}

func (headerChain) HeaderByNumber(context.Context, *big.Int) (*types.Header, error) {
	return &types.Header{Number: big.NewInt(1)}, nil
}

func limitedAPI(t *testing.T, budgets map[ratelimit.Class]ratelimit.Budget, reg prometheus.Registerer) (engine, *ratelimit.Classes) {
	t.Helper()
	s, err := store.Open(context.Background(), "sqlite:"+filepath.Join(t.TempDir(), "b.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	classes := ratelimit.NewClasses(budgets, 0)
	h := Handler(Deps{Store: s, Chain: headerChain{}, ChainID: 1337, Logger: slog.New(slog.NewTextHandler(io.Discard, nil)),
		MediaDir: t.TempDir(), Limits: classes, Metrics: reg})
	return h.(engine), classes
}

// Every route of the API is either in a class with a budget per client or listed as unlimited
// with its reason: a new route fails here until someone decides which.
func TestEveryRouteIsLimitedOrExemptOnPurpose(t *testing.T) {
	e, _ := limitedAPI(t, nil, nil)
	seen := map[string]bool{}
	for _, r := range e.Routes() {
		key := r.Method + " " + r.Path
		seen[key] = true
		class, limited := routeClasses[key]
		reason, exempt := unlimitedRoutes[key]
		switch {
		case limited && exempt:
			t.Errorf("%s is both limited (%s) and exempt (%s)", key, class, reason)
		case !limited && !exempt:
			t.Errorf("%s is reachable by anyone but has no route class (routeClasses) and no reason to be unlimited (unlimitedRoutes)", key)
		case limited && ratelimit.DefaultBudgets()[class].Limit() == 0:
			t.Errorf("%s: class %s has no default budget", key, class)
		case exempt && reason == "":
			t.Errorf("%s is exempt without a reason", key)
		}
	}
	for key := range routeClasses {
		if !seen[key] {
			t.Errorf("routeClasses names %s, which is not a route", key)
		}
	}
	for key := range unlimitedRoutes {
		if !seen[key] {
			t.Errorf("unlimitedRoutes names %s, which is not a route", key)
		}
	}
}

// One route of each class: within the budget the route answers as usual, beyond it 429 with
// Retry-After and the JSON error; another client is not affected; a refusal is counted.
func TestEachRouteClassIsLimitedPerClient(t *testing.T) {
	for _, tc := range []struct {
		class ratelimit.Class
		path  string
	}{
		{ratelimit.API, "/api/v1/tracks/1"},
		{ratelimit.API, "/api/v1/charts/7d"},
		{ratelimit.API, "/api/v1/accounts/0x0000000000000000000000000000000000000001/sales"},
		{ratelimit.Search, "/api/v1/tracks?q=harbour"},
		{ratelimit.Media, "/api/v1/packages/0x0000000000000000000000000000000000000000000000000000000000000001.age"},
		{ratelimit.Media, "/api/v1/tracks/1/preview"},
		{ratelimit.Image, "/api/v1/profiles/0x0000000000000000000000000000000000000001/avatar"},
	} {
		t.Run(tc.path, func(t *testing.T) {
			reg := prometheus.NewRegistry()
			e, _ := limitedAPI(t, map[ratelimit.Class]ratelimit.Budget{tc.class: {N: 3, Per: time.Hour}}, reg)
			get := func(client string) *httptest.ResponseRecorder {
				w := httptest.NewRecorder()
				r := httptest.NewRequest(http.MethodGet, tc.path, nil)
				r.RemoteAddr = client + ":4000"
				e.ServeHTTP(w, r)
				return w
			}
			for i := range 3 {
				if w := get("203.0.113.7"); w.Code == http.StatusTooManyRequests {
					t.Fatalf("request %d within the budget: 429", i+1)
				}
			}
			w := get("203.0.113.7")
			if w.Code != http.StatusTooManyRequests || w.Header().Get("Retry-After") == "" {
				t.Fatalf("4th request: %d, Retry-After %q; want 429 with Retry-After", w.Code, w.Header().Get("Retry-After"))
			}
			var body struct {
				Error struct{ Code, Message string }
			}
			if err := json.Unmarshal(w.Body.Bytes(), &body); err != nil || body.Error.Code != string(codeRateLimited) {
				t.Fatalf("429 body %q: want the JSON error %s", w.Body, codeRateLimited)
			}
			if w := get("203.0.113.8"); w.Code == http.StatusTooManyRequests {
				t.Fatal("another client was refused")
			}
			if n := testutil.ToFloat64(refusals(t, reg, string(tc.class))); n != 1 {
				t.Fatalf("%v refusals counted, want 1", n)
			}
		})
	}
}

// A HEAD request draws from the bucket of the GET it mirrors.
func TestHeadCountsAsGet(t *testing.T) {
	e, _ := limitedAPI(t, map[ratelimit.Class]ratelimit.Budget{ratelimit.API: {N: 1, Per: time.Hour}}, nil)
	codes := []int{}
	for _, m := range []string{http.MethodHead, http.MethodGet} {
		w := httptest.NewRecorder()
		e.ServeHTTP(w, httptest.NewRequest(m, "/api/v1/tracks/1", nil))
		codes = append(codes, w.Code)
	}
	if codes[1] != http.StatusTooManyRequests {
		t.Fatalf("HEAD then GET: %v, want the GET refused", codes)
	}
}

// refusals is the value of bittunes_rate_limited_total{class} in reg.
func refusals(t *testing.T, reg *prometheus.Registry, class string) prometheus.Collector {
	t.Helper()
	mfs, err := reg.Gather()
	if err != nil {
		t.Fatal(err)
	}
	for _, mf := range mfs {
		if mf.GetName() != "bittunes_rate_limited_total" {
			continue
		}
		for _, m := range mf.GetMetric() {
			if m.GetLabel()[0].GetValue() == class {
				c := prometheus.NewCounter(prometheus.CounterOpts{Name: "x"})
				c.Add(m.GetCounter().GetValue())
				return c
			}
		}
	}
	t.Fatalf("no bittunes_rate_limited_total{class=%q}", class)
	return nil
}

// Every route with a budget documents its 429 in openapi.json.
func TestEveryLimitedRouteDocumentsItsRefusal(t *testing.T) {
	var doc struct {
		Paths map[string]map[string]struct {
			Responses map[string]any `json:"responses"`
		} `json:"paths"`
	}
	if err := json.Unmarshal(openAPI, &doc); err != nil {
		t.Fatal(err)
	}
	param := regexp.MustCompile(`:([A-Za-z]+)`)
	for route := range routeClasses {
		method, path, _ := strings.Cut(route, " ")
		op, ok := doc.Paths[param.ReplaceAllString(path, "{$1}")][strings.ToLower(method)]
		if !ok {
			t.Errorf("%s is not in openapi.json", route)
			continue
		}
		if _, ok := op.Responses["429"]; !ok {
			t.Errorf("openapi.json: %s does not document its 429", route)
		}
	}
}

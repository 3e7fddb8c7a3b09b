package api_test

import (
	"bytes"
	"compress/gzip"
	"context"
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"testing"
	"time"

	"github.com/bittunes/bittunes/internal/charts"
	"github.com/bittunes/bittunes/internal/market"
	"github.com/bittunes/bittunes/internal/store"
)

// A chart is served from memory until the chart builder rewrites it: then the next request after
// the refresh interval shows the new sale.
func TestChartsShowNewSalesOnceBuilt(t *testing.T) {
	forEachDB(t, func(t *testing.T, s *store.Store) {
		ctx := context.Background()
		h := handler(s)
		ferrySales := func() int64 {
			t.Helper()
			var body struct {
				Entries []struct {
					Sales int64
					Track struct{ ID int64 }
				}
			}
			rec := get(t, h, "/api/v1/charts/7d?genre=electronic")
			if err := json.Unmarshal(rec.Body.Bytes(), &body); err != nil {
				t.Fatal(err)
			}
			for _, e := range body.Entries {
				if e.Track.ID == 2 {
					return e.Sales
				}
			}
			t.Fatalf("track 2 not in the electronic chart: %s", rec.Body)
			return 0
		}
		if got := ferrySales(); got != 1 { // Alice's own copy; her gift to Bob is the same buyer again
			t.Fatalf("track 2 has %d counted sales this week, want 1", got)
		}
		cur, err := s.Cursor(ctx, chainID, marketAddr)
		if err != nil {
			t.Fatal(err)
		}
		n := cur.BlockNumber + 1
		p := market.Position{BlockNumber: n, BlockHash: hash("new block"), BlockTime: today.Add(-time.Minute), TxHash: hash("new sale")}
		sale := market.Sale{Position: p, TrackID: 2, Buyer: dave, Recipient: dave, Price: eth(3), ArtistAmount: eth(3)}
		if err := s.Apply(ctx, store.Batch{From: n, Events: []market.Event{sale},
			Cursor: store.Cursor{ChainID: chainID, Contract: marketAddr, BlockNumber: n, BlockHash: p.BlockHash}}); err != nil {
			t.Fatal(err)
		}
		b := charts.NewBuilder(s, chainID)
		if err := b.Build(ctx, today); err != nil {
			t.Fatal(err)
		}
		// The first request after the refresh interval shows the new chart, not the one kept before.
		time.Sleep(150 * time.Millisecond) // the test handler's interval is 50 ms
		if got := ferrySales(); got != 2 {
			t.Fatalf("the first request after the rebuild shows %d sales, want 2", got)
		}
	})
}

// A client that accepts gzip gets the chart gzipped, the same JSON once inflated; others get it plain.
func TestChartsAreGzippedForClientsThatAcceptIt(t *testing.T) {
	forEachDB(t, func(t *testing.T, s *store.Store) {
		h := handler(s)
		plain := get(t, h, "/api/v1/charts/7d")
		for _, accept := range []string{"gzip", "br, gzip;q=0.8", "deflate", "gzip;q=0"} {
			req := httptest.NewRequest(http.MethodGet, "/api/v1/charts/7d", nil)
			req.Header.Set("Accept-Encoding", accept)
			rec := httptest.NewRecorder()
			h.ServeHTTP(rec, req)
			body := rec.Body.Bytes()
			wantGzip := accept == "gzip" || accept == "br, gzip;q=0.8"
			if got := rec.Header().Get("Content-Encoding") == "gzip"; got != wantGzip {
				t.Fatalf("Accept-Encoding %q: gzipped %t, want %t", accept, got, wantGzip)
			}
			if wantGzip {
				zr, err := gzip.NewReader(bytes.NewReader(body))
				if err != nil {
					t.Fatal(err)
				}
				if body, err = io.ReadAll(zr); err != nil {
					t.Fatal(err)
				}
			}
			if !bytes.Equal(body, plain.Body.Bytes()) || len(body) < 100 {
				t.Errorf("Accept-Encoding %q: %d bytes differ from the plain answer's %d", accept, len(body), plain.Body.Len())
			}
		}
	})
}

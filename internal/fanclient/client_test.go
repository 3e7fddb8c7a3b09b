package fanclient_test

import (
	"context"
	"errors"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/ethereum/go-ethereum/common"

	"github.com/bittunes/bittunes/internal/fanclient"
)

func TestClient(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		switch {
		case r.Method == http.MethodGet && r.URL.Path == "/api/v1/tracks/7":
			io.WriteString(w, `{"id":7,"title":"Tide","contentHash":"0xab","artist":{"name":"Mira"},"market":{"address":"0x01","chainId":1337},"torrentUrl":"/api/v1/tracks/7/torrent"}`)
		case r.URL.Path == "/api/v1/tracks/7/torrent":
			io.WriteString(w, "d8:announce0:e")
		case r.Method == http.MethodPost && r.URL.Path == "/api/v1/tracks/7/key":
			b, _ := io.ReadAll(r.Body)
			if r.Header.Get("Content-Type") != "application/json" || !strings.Contains(string(b), `"signature":"0xsig"`) {
				w.WriteHeader(http.StatusBadRequest)
				return
			}
			w.WriteHeader(http.StatusForbidden)
			io.WriteString(w, `{"error":{"code":"not_owner","message":"0x02 does not own track 7"}}`)
		case r.URL.Path == "/api/v1/accounts/0x0000000000000000000000000000000000000002/library" && r.URL.Query().Get("cursor") == "":
			io.WriteString(w, `{"library":[{"track":{"id":7,"title":"Tide","contentHash":"0xab"},"referralLink":"/t/7?ref=0x02"}],"nextCursor":"s2"}`)
		case r.URL.Path == "/api/v1/accounts/0x0000000000000000000000000000000000000002/library" && r.URL.Query().Get("cursor") == "s2":
			io.WriteString(w, `{"library":[{"track":{"id":5,"title":"Ebb","contentHash":"0xcd"},"referralLink":"/t/5?ref=0x02"}],"nextCursor":null}`)
		default:
			w.WriteHeader(http.StatusNotFound)
		}
	}))
	defer srv.Close()
	ctx := context.Background()
	c, err := fanclient.New(srv.URL + "/")
	if err != nil || c.Origin != srv.URL {
		t.Fatalf("New: %+v, %v", c, err)
	}
	tr, err := c.Track(ctx, 7)
	if err != nil || tr.Title != "Tide" || tr.Market.ChainID != 1337 || tr.TorrentURL != "/api/v1/tracks/7/torrent" {
		t.Fatalf("Track = %+v, %v", tr, err)
	}
	if b, err := c.Torrent(ctx, tr.TorrentURL); err != nil || string(b) != "d8:announce0:e" {
		t.Fatalf("Torrent = %q, %v", b, err)
	}
	_, err = c.Key(ctx, 7, "message", "0xsig")
	var apiErr *fanclient.Error
	if !errors.As(err, &apiErr) || apiErr.Status != http.StatusForbidden || apiErr.Code != "not_owner" || !strings.Contains(err.Error(), "does not own") {
		t.Fatalf("Key refused: %v", err)
	}
	lib, err := c.Library(ctx, common.HexToAddress("0x02"))
	if err != nil || len(lib) != 2 || lib[0].ReferralLink != "/t/7?ref=0x02" || lib[1].ReferralLink != "/t/5?ref=0x02" { // two pages
		t.Fatalf("Library = %+v, %v", lib, err)
	}
	if _, err := c.Track(ctx, 8); !errors.As(err, &apiErr) || apiErr.Status != http.StatusNotFound {
		t.Fatalf("a missing track: %v", err)
	}
	for _, bad := range []string{"ftp://x", "bittunes.example", ""} {
		if _, err := fanclient.New(bad); err == nil {
			t.Errorf("New(%q) accepted", bad)
		}
	}
}

// TestResolveFollowsAShortLinkOnce: a short link resolves to the absolute track page it redirects
// to; a path that does not redirect is an error.
func TestResolveFollowsAShortLinkOnce(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path == "/r/abcdefghij" {
			http.Redirect(w, r, "/t/7?ref=0x00000000000000000000000000000000000000aa", http.StatusFound)
			return
		}
		http.NotFound(w, r)
	}))
	defer srv.Close()
	c, _ := fanclient.New(srv.URL)
	got, err := c.Resolve(context.Background(), "/r/abcdefghij")
	if err != nil || got != srv.URL+"/t/7?ref=0x00000000000000000000000000000000000000aa" {
		t.Fatalf("Resolve = %q, %v", got, err)
	}
	var e *fanclient.Error
	if _, err := c.Resolve(context.Background(), "/r/nothing"); !errors.As(err, &e) || e.Status != http.StatusNotFound {
		t.Errorf("an unknown short link: %v", err)
	}
}

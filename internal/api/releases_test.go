package api_test

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"log/slog"
	"math/big"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/common"
	"github.com/getkin/kin-openapi/routers/gorillamux"
	"golang.org/x/time/rate"

	"github.com/bittunes/bittunes/internal/api"
	"github.com/bittunes/bittunes/internal/bindings"
	"github.com/bittunes/bittunes/internal/market"
	"github.com/bittunes/bittunes/internal/store"
	"github.com/bittunes/bittunes/internal/wei"
)

var (
	releaseArtist = common.HexToAddress("0x00000000000000000000000000000000000a1157")
	releaseFan    = common.HexToAddress("0x0000000000000000000000000000000000000fa1")
)

// fakeQuoter answers every quote with the same figures and counts the calls.
type fakeQuoter struct{ calls atomic.Int64 }

func (f *fakeQuoter) QuoteRelease(_ context.Context, releaseID int64, referrer, buyer, recipient common.Address) (market.ReleaseQuote, error) {
	f.calls.Add(1)
	return market.ReleaseQuote{Amount: big.NewInt(500), EffectivePrice: big.NewInt(1_500), SumOfPrices: big.NewInt(3_000),
		Terms: market.Terms{MaxFeeBps: 500, MinReferralBps: 2_000}, TracksBought: 1,
		Tracks: []market.ReleaseTrackQuote{
			{TrackID: 7, TrackPrice: big.NewInt(2_000), Amount: big.NewInt(0), Skipped: true, ArtistAmount: new(big.Int), ReferrerAmount: new(big.Int), FeeAmount: new(big.Int)},
			{TrackID: 6, TrackPrice: big.NewInt(1_000), Amount: big.NewInt(500), CreditedReferrer: referrer, ReferralBps: 2_000,
				ArtistAmount: big.NewInt(375), ReferrerAmount: big.NewInt(100), FeeAmount: big.NewInt(25)},
		}}, nil
}

// releaseStore adds to the fixture two tracks of releaseArtist (6 and 7: 1 000 and 2 000 wei) and
// release 1 of both, in the order 7, 6, at 1 500 wei, whose metadata URI names draftID (written by author).
func releaseStore(t *testing.T, s *store.Store, draftID string, author common.Address) {
	t.Helper()
	ctx := context.Background()
	now := time.Date(2026, 3, 1, 12, 0, 0, 0, time.UTC)
	if err := s.CreateReleaseMetadata(ctx, store.ReleaseMetadata{ID: draftID, ChainID: chainID, Uploader: author, Title: "Tides",
		Kind: "album", ReleaseDate: "2026-03-01", CreatedAt: now, UpdatedAt: now}, nil); err != nil {
		t.Fatal(err)
	}
	for i, p := range []string{"p1", "p2"} { // the market lists a track with the package its artist uploaded
		if err := s.SaveTrackMetadata(ctx, store.TrackMetadata{ContentHash: hash(p), Title: fmt.Sprint("Tide ", i+1), ArtistName: "Sea Glass",
			Genre: "Electronic", Subgenre: "Ambient", DurationMS: 60_000, Uploader: releaseArtist, CreatedAt: now}); err != nil {
			t.Fatal(err)
		}
	}
	pos := func(n uint64) market.Position {
		return market.Position{BlockNumber: n, BlockHash: hash(fmt.Sprint("b", n)), BlockTime: now, TxHash: hash(fmt.Sprint("t", n))}
	}
	events := []market.Event{
		market.TrackRegistered{Position: pos(23), TrackID: 6, Artist: releaseArtist, Price: wei.FromUint64(1_000), ContentHash: hash("p1"), MetadataURI: "x"},
		market.TrackRegistered{Position: pos(24), TrackID: 7, Artist: releaseArtist, Price: wei.FromUint64(2_000), ContentHash: hash("p2"), MetadataURI: "y"},
		market.ReleaseRegistered{Position: pos(25), ReleaseID: 1, Artist: releaseArtist, Price: wei.FromUint64(1_500), TrackIDs: []int64{7, 6},
			MetadataURI: devOrigin + store.ReleaseMetadataPath(draftID)},
	}
	if err := s.Apply(ctx, store.Batch{From: 23, Events: events, Cursor: store.Cursor{ChainID: chainID, Contract: marketAddr, BlockNumber: 25, BlockHash: hash("b25")}}); err != nil {
		t.Fatal(err)
	}
}

func releaseHandler(s *store.Store, q api.ReleaseQuoter, quoteRate rate.Limit) http.Handler {
	return api.Handler(api.Deps{Store: s, Chain: fakeChain{head: 3}, ChainID: chainID, Market: marketAddr,
		Logger: slog.New(slog.NewTextHandler(io.Discard, nil)), Origin: devOrigin, SignInRate: rate.Inf, Releases: q, QuoteRate: quoteRate})
}

func decode[T any](t *testing.T, body io.Reader) T {
	t.Helper()
	var v T
	if err := json.NewDecoder(body).Decode(&v); err != nil {
		t.Fatal(err)
	}
	return v
}

const draftA = "00112233445566778899aabbccddeeff"

func TestReleaseShowsItsTracksPricesAndSaving(t *testing.T) {
	forEachDB(t, func(t *testing.T, s *store.Store) {
		releaseStore(t, s, draftA, releaseArtist)
		h := releaseHandler(s, nil, 0)
		rec := get(t, h, "/api/v1/releases/1")
		if rec.Code != http.StatusOK {
			t.Fatalf("status %d: %s", rec.Code, rec.Body)
		}
		r := decode[struct {
			Artist                                     struct{ Address string }
			Price, SumOfPrices, EffectivePrice, Saving struct{ Wei string }
			Listed                                     bool
			Metadata                                   *struct{ Title, Kind string }
			Tracks                                     []struct {
				ID, Position int64
				Part         struct{ Wei string }
			}
			Market struct{ ReleaseID int64 }
		}](t, rec.Body)
		if r.Artist.Address != releaseArtist.Hex() || r.Price.Wei != "1500" || r.SumOfPrices.Wei != "3000" || r.EffectivePrice.Wei != "1500" ||
			r.Saving.Wei != "1500" || !r.Listed || r.Market.ReleaseID != 1 {
			t.Errorf("release = %+v", r)
		}
		if r.Metadata == nil || r.Metadata.Title != "Tides" || r.Metadata.Kind != "album" {
			t.Errorf("metadata = %+v", r.Metadata)
		}
		// Parts: track 7 gets ⌊1 500 × 2 000 / 3 000⌋ = 1 000, track 6 the rest, 500.
		if len(r.Tracks) != 2 || r.Tracks[0].ID != 7 || r.Tracks[0].Position != 1 || r.Tracks[0].Part.Wei != "1000" ||
			r.Tracks[1].ID != 6 || r.Tracks[1].Part.Wei != "500" {
			t.Errorf("tracks = %+v", r.Tracks)
		}
		list := get(t, h, "/api/v1/artists/"+releaseArtist.Hex()+"/releases")
		if list.Code != http.StatusOK || !strings.Contains(list.Body.String(), `"page":"/releases/1"`) {
			t.Errorf("artist releases: %d %s", list.Code, list.Body)
		}
		for path, want := range map[string]int{"/api/v1/releases/2": 404, "/api/v1/releases/0": 400, "/api/v1/releases/x": 400,
			"/api/v1/artists/0x12/releases": 400, "/api/v1/release-metadata/" + draftA: 200, "/api/v1/release-metadata/nothex": 400,
			"/api/v1/release-metadata/" + draftA + "/cover": 404} {
			if rec := get(t, h, path); rec.Code != want {
				t.Errorf("%s: %d %s, want %d", path, rec.Code, rec.Body, want)
			}
		}
	})
}

// TestTrackAnswerListsItsReleases: a track's answer names the releases it is part of, with its
// place in each; a release with a track the market does not show (it has no page) is left out.
func TestTrackAnswerListsItsReleases(t *testing.T) {
	forEachDB(t, func(t *testing.T, s *store.Store) {
		releaseStore(t, s, draftA, releaseArtist)
		ctx := context.Background()
		at := time.Date(2026, 3, 1, 12, 0, 0, 0, time.UTC)
		// Release 2: track 6 and track 99, which the market does not show.
		if err := s.Apply(ctx, store.Batch{From: 26, Events: []market.Event{market.ReleaseRegistered{
			Position:  market.Position{BlockNumber: 26, BlockHash: hash("b26"), BlockTime: at, TxHash: hash("t26")},
			ReleaseID: 2, Artist: releaseArtist, Price: wei.FromUint64(900), TrackIDs: []int64{6, 99}, MetadataURI: "z"}},
			Cursor: store.Cursor{ChainID: chainID, Contract: marketAddr, BlockNumber: 26, BlockHash: hash("b26")}}); err != nil {
			t.Fatal(err)
		}
		h := releaseHandler(s, nil, 0)
		type rel struct {
			ID             int64
			Title          string
			Kind           *string
			Position       int
			Tracks         int
			EffectivePrice struct{ Wei string }
			Listed         bool
			Page           string
		}
		for id, position := range map[int64]int{6: 2, 7: 1} {
			rec := get(t, h, fmt.Sprint("/api/v1/tracks/", id))
			if rec.Code != http.StatusOK {
				t.Fatalf("track %d: %d %s", id, rec.Code, rec.Body)
			}
			got := decode[struct{ Releases []rel }](t, rec.Body).Releases
			if len(got) != 1 {
				t.Fatalf("track %d: releases %+v, want release 1 only", id, got)
			}
			r := got[0]
			if r.ID != 1 || r.Title != "Tides" || r.Kind == nil || *r.Kind != "album" || r.Position != position || r.Tracks != 2 ||
				r.EffectivePrice.Wei != "1500" || !r.Listed || r.Page != "/releases/1" {
				t.Errorf("track %d: release %+v", id, r)
			}
		}
		// A track on no release answers an empty list, not null.
		if body := get(t, h, "/api/v1/tracks/1").Body.String(); !strings.Contains(body, `"releases":[]`) {
			t.Errorf("track 1: %s", body)
		}
		// On more releases than an artist's newest store.MaxArtistReleases, a track lists its first
		// MaxTrackReleases, from the oldest: they are read by the track, not among the artist's.
		var more []market.Event
		for id := int64(3); id < 3+store.MaxArtistReleases+10; id++ {
			more = append(more, market.ReleaseRegistered{Position: market.Position{BlockNumber: 27, BlockHash: hash("b27"), BlockTime: at,
				TxHash: hash(fmt.Sprint("t27-", id)), LogIndex: uint(id)}, ReleaseID: id, Artist: releaseArtist, Price: wei.FromUint64(900), TrackIDs: []int64{7}, MetadataURI: "z"})
		}
		if err := s.Apply(ctx, store.Batch{From: 27, Events: more,
			Cursor: store.Cursor{ChainID: chainID, Contract: marketAddr, BlockNumber: 27, BlockHash: hash("b27")}}); err != nil {
			t.Fatal(err)
		}
		got := decode[struct{ Releases []rel }](t, get(t, h, "/api/v1/tracks/7").Body).Releases
		if len(got) != api.MaxTrackReleases {
			t.Fatalf("track 7 on %d releases lists %d, want %d", len(more)+1, len(got), api.MaxTrackReleases)
		}
		if got[0].ID != 1 || got[1].ID != 3 || got[len(got)-1].ID != api.MaxTrackReleases+1 {
			t.Errorf("track 7 lists releases %d, %d … %d; want 1, 3 … %d", got[0].ID, got[1].ID, got[len(got)-1].ID, api.MaxTrackReleases+1)
		}
	})
}

// TestReleaseOfAnotherAccountsMetadataShowsNone: a release registered with a metadata URI that
// another account wrote does not borrow its title and cover.
func TestReleaseOfAnotherAccountsMetadataShowsNone(t *testing.T) {
	forEachDB(t, func(t *testing.T, s *store.Store) {
		releaseStore(t, s, draftA, releaseFan)
		rec := get(t, releaseHandler(s, nil, 0), "/api/v1/releases/1")
		if rec.Code != http.StatusOK || !strings.Contains(rec.Body.String(), `"metadata":null`) {
			t.Errorf("%d %s", rec.Code, rec.Body)
		}
	})
}

func TestReleaseQuoteIsTheContractsAndBounded(t *testing.T) {
	forEachDB(t, func(t *testing.T, s *store.Store) {
		releaseStore(t, s, draftA, releaseArtist)
		q := &fakeQuoter{}
		h := releaseHandler(s, q, rate.Every(time.Hour)) // one quote, then none for an hour
		path := "/api/v1/releases/1/quote?buyer=" + releaseFan.Hex() + "&referrer=" + releaseArtist.Hex()
		rec := get(t, h, path)
		if rec.Code != http.StatusOK {
			t.Fatalf("status %d: %s", rec.Code, rec.Body)
		}
		got := decode[struct {
			Amount                    struct{ Wei string }
			MaxFeeBps, MinReferralBps int
			Tracks                    []struct {
				Skipped          bool
				CreditedReferrer *string
			}
			Purchase struct{ To, Data, Value string }
		}](t, rec.Body)
		want := "0x" + common.Bytes2Hex(bindings.NewMarket().PackPurchaseRelease(big.NewInt(1), releaseArtist, 500, 2_000))
		if got.Amount.Wei != "500" || got.MaxFeeBps != 500 || got.MinReferralBps != 2_000 || len(got.Tracks) != 2 || !got.Tracks[0].Skipped ||
			got.Tracks[1].CreditedReferrer == nil || got.Purchase.Value != "500" || got.Purchase.Data != want {
			t.Errorf("quote = %+v", got)
		}
		if rec := get(t, h, path); rec.Code != http.StatusTooManyRequests || rec.Header().Get("Retry-After") == "" {
			t.Errorf("second quote within the bound: %d %s, want 429 with Retry-After", rec.Code, rec.Body)
		}
		if n := q.calls.Load(); n != 1 {
			t.Errorf("the contract was asked %d times, want 1", n)
		}
		// Bad input never reaches the contract.
		for p, want := range map[string]int{"/api/v1/releases/1/quote": 400, "/api/v1/releases/1/quote?buyer=0x1": 400,
			"/api/v1/releases/9/quote?buyer=" + releaseFan.Hex(): 404} {
			if rec := get(t, h, p); rec.Code != want {
				t.Errorf("%s: %d, want %d", p, rec.Code, want)
			}
		}
		if rec := get(t, releaseHandler(s, nil, 0), path); rec.Code != http.StatusServiceUnavailable {
			t.Errorf("without a chain reader: %d, want 503", rec.Code)
		}
	})
}

func TestReleaseDraftsAreWrittenAndEditedByTheirArtist(t *testing.T) {
	forEachDB(t, func(t *testing.T, s *store.Store) {
		releaseStore(t, s, draftA, releaseArtist)
		h := releaseHandler(s, nil, 0)
		artist, fan := signedInAs(t, s, releaseArtist), signedInAs(t, s, releaseFan)
		body := fmt.Sprintf(`{"title":" Tides II ","kind":"EP","description":"two tracks","releaseDate":"2026-04-01","trackIds":[6,7],"price":"2500","cover":"data:image/png;base64,%s"}`,
			pngBase64(t, 800, 600))
		if rec := call(h, http.MethodPost, "/api/v1/releases", body); rec.Code != http.StatusUnauthorized {
			t.Errorf("not signed in: %d", rec.Code)
		}
		rec := call(h, http.MethodPost, "/api/v1/releases", body, artist)
		if rec.Code != http.StatusCreated {
			t.Fatalf("create: %d %s", rec.Code, rec.Body)
		}
		d := decode[struct {
			Metadata struct {
				ID, Title, Kind string
				Cover           *string
			}
			MetadataURI string
			Register    *struct{ To, Data, Value string }
		}](t, rec.Body)
		if d.Metadata.Title != "Tides II" || d.Metadata.Kind != "ep" || d.Metadata.Cover == nil ||
			d.MetadataURI != devOrigin+store.ReleaseMetadataPath(d.Metadata.ID) || d.Register == nil {
			t.Fatalf("draft = %+v", d)
		}
		want := "0x" + common.Bytes2Hex(bindings.NewMarket().PackRegisterRelease([]*big.Int{big.NewInt(6), big.NewInt(7)}, big.NewInt(2_500), d.MetadataURI))
		if d.Register.Data != want || d.Register.To != marketAddr.Hex() || d.Register.Value != "0" {
			t.Errorf("register = %+v", d.Register)
		}
		cover := get(t, h, *d.Metadata.Cover)
		if cover.Code != http.StatusOK || cover.Header().Get("Content-Type") != "image/jpeg" {
			t.Errorf("cover: %d %s", cover.Code, cover.Header().Get("Content-Type"))
		}

		edit := "/api/v1/release-metadata/" + d.Metadata.ID
		if rec := call(h, http.MethodPatch, edit, `{"title":"Stolen"}`, fan); rec.Code != http.StatusForbidden {
			t.Errorf("edit by another account: %d %s", rec.Code, rec.Body)
		}
		if rec := call(h, http.MethodPatch, edit, `{"description":"now with liner notes"}`, artist); rec.Code != http.StatusOK ||
			!strings.Contains(rec.Body.String(), "liner notes") || !strings.Contains(rec.Body.String(), "Tides II") {
			t.Errorf("edit: %d %s", rec.Code, rec.Body)
		}
		for _, bad := range []string{`{"title":""}`, `{"kind":"mixtape"}`, `{"releaseDate":"2026-13-01"}`, `{"price":"1"}`,
			`{"cover":"bm90IGFuIGltYWdl"}`, `{"unknown":1}`, `[]`, strings.Repeat(" ", 5<<20)} {
			if rec := call(h, http.MethodPatch, edit, bad, artist); rec.Code != http.StatusBadRequest {
				t.Errorf("PATCH %.40q: %d %s, want 400", bad, rec.Code, rec.Body)
			}
		}
		for body, want := range map[string]int{
			`{"title":"x"}`: 400, // no kind
			`{"title":"x","kind":"single","trackIds":[6],"price":"-1"}`:                     400,
			`{"title":"x","kind":"single","trackIds":[6,6],"price":"1"}`:                    400,
			`{"title":"x","kind":"single","trackIds":[99],"price":"1"}`:                     400, // not registered
			`{"title":"x","kind":"single","trackIds":[6]}`:                                  400, // no price
			`{"title":"x","kind":"single","trackIds":[6],"price":"4722366482869645213696"}`: 400, // above the cap
			`{"title":"x","kind":"single","trackIds":[],"price":"1"}`:                       400,
			`{"title":"x","kind":"single"}`:                                                 201, // metadata alone
		} {
			if rec := call(h, http.MethodPost, "/api/v1/releases", body, artist); rec.Code != want {
				t.Errorf("POST %s: %d %s, want %d", body, rec.Code, rec.Body, want)
			}
		}
		if rec := call(h, http.MethodPost, "/api/v1/releases", `{"title":"x","kind":"single","trackIds":[6],"price":"1"}`, fan); rec.Code != http.StatusForbidden {
			t.Errorf("a release of another artist's track: %d %s", rec.Code, rec.Body)
		}
	})
}

// TestReleaseDraftsPerAccountAreBounded: an account keeps at most 20 release drafts that no
// registered release uses; the next is refused with 429 and stores nothing.
func TestReleaseDraftsPerAccountAreBounded(t *testing.T) {
	forEachDB(t, func(t *testing.T, s *store.Store) {
		h := releaseHandler(s, nil, 0)
		fan := signedInAs(t, s, releaseFan)
		for i := range 21 {
			rec := call(h, http.MethodPost, "/api/v1/releases", `{"title":"demo","kind":"single"}`, fan)
			want := http.StatusCreated
			if i == 20 {
				want = http.StatusTooManyRequests
			}
			if rec.Code != want {
				t.Fatalf("draft %d: %d %s, want %d", i+1, rec.Code, rec.Body, want)
			}
		}
		if n, err := s.UnregisteredReleaseMetadata(context.Background(), chainID, releaseFan); err != nil || n != 20 {
			t.Errorf("stored drafts = %d, %v; want 20", n, err)
		}
	})
}

// TestReleaseResponsesMatchTheDocument: the release routes answer as openapi.json says, errors included.
func TestReleaseResponsesMatchTheDocument(t *testing.T) {
	doc := loadOpenAPI(t)
	router, err := gorillamux.NewRouter(doc)
	if err != nil {
		t.Fatal(err)
	}
	forEachDB(t, func(t *testing.T, s *store.Store) {
		releaseStore(t, s, draftA, releaseArtist)
		h := releaseHandler(s, &fakeQuoter{}, 0)
		for _, path := range []string{"/api/v1/releases/1", "/api/v1/releases/2", "/api/v1/releases/x", "/api/v1/tracks/6",
			"/api/v1/artists/" + releaseArtist.Hex() + "/releases", "/api/v1/release-metadata/" + draftA,
			"/api/v1/releases/1/quote?buyer=" + releaseFan.Hex() + "&referrer=" + releaseArtist.Hex(), "/api/v1/releases/1/quote"} {
			validateResponse(t, router, h, path)
		}
		artist := signedInAs(t, s, releaseArtist)
		for _, c := range []struct{ method, path, body string }{
			{http.MethodPost, "/api/v1/releases", `{"title":"x","kind":"single","trackIds":[6],"price":"10"}`},
			{http.MethodPost, "/api/v1/releases", `{"title":"x"}`},
			{http.MethodPatch, "/api/v1/release-metadata/" + draftA, `{"kind":"ep"}`},
		} {
			req := httptest.NewRequest(c.method, c.path, strings.NewReader(c.body))
			req.Header.Set("Content-Type", "application/json")
			req.AddCookie(artist)
			rec := httptest.NewRecorder()
			h.ServeHTTP(rec, req)
			validateRecorded(t, router, req, rec)
		}
	})
}

// FuzzReleaseDraft posts arbitrary bodies as release drafts and edits: each is stored (201/200) or
// refused with a 4xx, never a 5xx, and a refused one stores nothing.
func FuzzReleaseDraft(f *testing.F) {
	for _, seed := range []string{`{"title":"x","kind":"album"}`, `{"title":"x","kind":"ep","releaseDate":"2026-02-30"}`,
		`{"title":"\u0000","kind":"single"}`, `{"title":"x","kind":"single","trackIds":[6,7],"price":"100"}`,
		`{"title":"x","kind":"single","trackIds":[-1],"price":"1e3"}`, `{"title":"x","kind":"single","cover":"data:image/png;base64,AAAA"}`,
		`{"description":"` + strings.Repeat("é", 5001) + `"}`, `{"title":"x","kind":"album","price":"115792089237316195423570985008687907853269984665640564039457584007913129639936","trackIds":[6]}`,
		`null`, `{}`, `{"title":1}`} {
		f.Add(seed, false)
		f.Add(seed, true)
	}
	s, err := store.Open(context.Background(), "sqlite:"+f.TempDir()+"/b.db")
	if err != nil {
		f.Fatal(err)
	}
	defer s.Close()
	fixture(&testing.T{}, s)
	releaseStore(&testing.T{}, s, draftA, releaseArtist)
	h := releaseHandler(s, nil, 0)
	artist := signedInAs(&testing.T{}, s, releaseArtist)
	f.Fuzz(func(t *testing.T, body string, edit bool) {
		before, err := s.UnregisteredReleaseMetadata(context.Background(), chainID, releaseArtist)
		if err != nil {
			t.Fatal(err)
		}
		method, path, ok := http.MethodPost, "/api/v1/releases", http.StatusCreated
		if edit {
			method, path, ok = http.MethodPatch, "/api/v1/release-metadata/"+draftA, http.StatusOK
		}
		rec := call(h, method, path, body, artist)
		if rec.Code != ok && (rec.Code < 400 || rec.Code >= 500) {
			t.Fatalf("%s %q: %d %s", method, body, rec.Code, rec.Body)
		}
		after, err := s.UnregisteredReleaseMetadata(context.Background(), chainID, releaseArtist)
		if err != nil {
			t.Fatal(err)
		}
		if rec.Code != ok && after != before {
			t.Fatalf("%s %q refused (%d) but stored a draft", method, body, rec.Code)
		}
	})
}

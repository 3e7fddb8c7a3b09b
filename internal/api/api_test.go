package api_test

import (
	"bytes"
	"context"
	"encoding/base64"
	"encoding/json"
	"flag"
	"io"
	"log/slog"
	"math/big"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/core/types"

	"github.com/bittunes/bittunes/internal/api"
	"github.com/bittunes/bittunes/internal/store"
	"github.com/bittunes/bittunes/internal/wei"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/")

// fakeChain is at the fixture's last block.
type fakeChain struct{ head uint64 }

func (f fakeChain) HeaderByNumber(context.Context, *big.Int) (*types.Header, error) {
	return &types.Header{Number: new(big.Int).SetUint64(f.head)}, nil
}

// fakeContract says every account may withdraw 42 wei, so the tests can tell the on-chain figure
// from the indexer's.
type fakeContract struct{}

func (fakeContract) BalanceOf(context.Context, common.Address) (wei.Amount, error) {
	return wei.FromUint64(42), nil
}

func handler(s *store.Store) http.Handler {
	return api.Handler(api.Deps{Store: s, Chain: fakeChain{head: 21}, Contract: fakeContract{}, ChainID: chainID,
		Market: marketAddr, Logger: slog.New(slog.NewTextHandler(io.Discard, nil)), MaxLag: 5})
}

func get(t *testing.T, h http.Handler, path string) *httptest.ResponseRecorder {
	t.Helper()
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, httptest.NewRequest(http.MethodGet, path, nil))
	return rec
}

// TestEndpointsMatchGoldenFiles requests every read endpoint and compares the responses with
// testdata/ (`go test ./internal/api -update` rewrites them from SQLite; PostgreSQL must agree).
func TestEndpointsMatchGoldenFiles(t *testing.T) {
	cases := goldenCases()
	forEachDB(t, func(t *testing.T, s *store.Store) {
		h := handler(s)
		for _, c := range cases {
			rec := get(t, h, c.path)
			if rec.Code != http.StatusOK {
				t.Errorf("%s: status %d: %s", c.path, rec.Code, rec.Body)
				continue
			}
			got := rec.Body.Bytes()
			if strings.HasSuffix(c.golden, ".json") {
				var v any
				if err := json.Unmarshal(got, &v); err != nil {
					t.Fatalf("%s: %v", c.path, err)
				}
				got, _ = json.MarshalIndent(v, "", "  ")
				got = append(got, '\n')
			}
			path := filepath.Join("testdata", c.golden)
			if *update && strings.HasSuffix(t.Name(), "sqlite") {
				if err := os.WriteFile(path, got, 0o644); err != nil {
					t.Fatal(err)
				}
				continue
			}
			want, err := os.ReadFile(path)
			if err != nil {
				t.Fatalf("%s: %v (run with -update)", c.golden, err)
			}
			if !bytes.Equal(got, want) {
				t.Errorf("%s: the response differs from %s:\n%s", c.path, path, got)
			}
		}
	})
}

// TestBadInputIsAClearClientError: malformed requests get a 4xx JSON error, never a 5xx.
func TestBadInputIsAClearClientError(t *testing.T) {
	cases := badInputCases()
	forEachDB(t, func(t *testing.T, s *store.Store) {
		h := handler(s)
		for _, c := range cases {
			rec := get(t, h, c.path)
			var body struct {
				Error struct{ Code, Message string }
			}
			if err := json.Unmarshal(rec.Body.Bytes(), &body); err != nil || rec.Code != c.status || !strings.Contains(body.Error.Message, c.says) {
				t.Errorf("%s: got %d %s, want %d saying %q", c.path, rec.Code, rec.Body, c.status, c.says)
			}
		}
	})
}

type goldenCase struct{ golden, path string }

// goldenCases are the requests whose responses are pinned in testdata/.
func goldenCases() []goldenCase {
	a := func(x common.Address) string { return strings.ToLower(x.Hex()) }
	return []goldenCase{
		{"chart_overall_7d.json", "/api/v1/charts/7d"},
		{"chart_overall_30d.json", "/api/v1/charts/30d"},
		{"chart_overall_all.json", "/api/v1/charts/all"},
		{"chart_electronic_7d.json", "/api/v1/charts/7d?genre=electronic"},
		{"chart_electronic_house_all.json", "/api/v1/charts/all?genre=electronic&subgenre=house"},
		{"chart_unknown_genre.json", "/api/v1/charts/7d?genre=polka"},
		{"genres.json", "/api/v1/genres"},
		{"tracks_newest.json", "/api/v1/tracks"},
		{"tracks_bestselling_page1.json", "/api/v1/tracks?sort=bestselling&limit=1"},
		{"tracks_bestselling_page2.json", "/api/v1/tracks?sort=bestselling&limit=1&cursor=dC40LjE"},
		{"tracks_electronic_deep_house.json", "/api/v1/tracks?genre=electronic&subgenre=deep-house"},
		{"tracks_search.json", "/api/v1/tracks?q=mira+ferry"},
		{"tracks_search_wildcards.json", "/api/v1/tracks?q=%25_"},
		{"track_1.json", "/api/v1/tracks/1"},
		{"track_1_ref_eligible.json", "/api/v1/tracks/1?ref=" + a(alice) + "&viewer=" + a(dave)},
		{"track_1_ref_self.json", "/api/v1/tracks/1?ref=" + a(alice) + "&viewer=" + a(alice)},
		{"track_1_ref_not_owner.json", "/api/v1/tracks/1?ref=" + a(kites)},
		{"track_2_collaborators.json", "/api/v1/tracks/2"},
		{"track_2_viewed_by_its_collaborator.json", "/api/v1/tracks/2?viewer=" + a(kites)},
		{"track_1_viewed_by_its_artist.json", "/api/v1/tracks/1?ref=" + a(alice) + "&viewer=" + a(mira)},
		{"artist_mira.json", "/api/v1/artists/" + a(mira)},
		{"account_mira.json", "/api/v1/accounts/" + a(mira)},
		{"account_alice.json", "/api/v1/accounts/" + a(alice)},
		{"account_stranger.json", "/api/v1/accounts/0x0000000000000000000000000000000000000001"},
		{"earnings_mira_day.json", "/api/v1/accounts/" + a(mira) + "/earnings"},
		{"earnings_mira_week.json", "/api/v1/accounts/" + a(mira) + "/earnings?by=week"},
		{"earnings_alice_referrer_month.json", "/api/v1/accounts/" + a(alice) + "/earnings?by=month&role=referrer"},
		{"sales_mira_page1.json", "/api/v1/accounts/" + a(mira) + "/sales?limit=2"},
		{"sales_mira_page2.json", "/api/v1/accounts/" + a(mira) + "/sales?limit=2&cursor=cy4xNS4w"},
		{"distributors_mira.json", "/api/v1/accounts/" + a(mira) + "/distributors"},
		{"library_alice.json", "/api/v1/accounts/" + a(alice) + "/library"},
		{"library_alice_page.json", "/api/v1/accounts/" + a(alice) + "/library?limit=1"},
		{"purchases_bob.json", "/api/v1/accounts/" + a(bob) + "/purchases"},
		{"audit_all.json", "/api/v1/audit/purchases"},
		{"audit_track_3.json", "/api/v1/audit/purchases?track=3"},
		{"audit_account_kites.json", "/api/v1/audit/purchases?account=" + a(kites)},
		{"sales_mira.csv", "/api/v1/accounts/" + a(mira) + "/sales.csv"},
		{"referrals_alice.csv", "/api/v1/accounts/" + a(alice) + "/referrals.csv"},
		{"metadata_harbour.json", "/api/v1/metadata/" + hash("harbour").Hex()},
		{"readyz.json", "/readyz"},
	}
}

type badInputCase struct {
	path   string
	status int
	says   string
}

// badInputCases are malformed requests and the client error each must get.
func badInputCases() []badInputCase {
	return []badInputCase{
		{"/api/v1/charts/week", 400, "period must be 7d, 30d or all"},
		{"/api/v1/charts/7d?genre=Rock%20Music", 400, "genre slug"},
		{"/api/v1/charts/7d?subgenre=indie", 400, "a subgenre needs its genre"},
		{"/api/v1/tracks?limit=0", 400, "limit must be"},
		{"/api/v1/tracks?limit=101", 400, "limit must be"},
		{"/api/v1/tracks?sort=random", 400, "sort must be"},
		{"/api/v1/tracks?cursor=not-a-cursor", 400, "invalid cursor"},
		{"/api/v1/tracks?cursor=cy4xNS4w", 400, "invalid cursor"}, // a sales cursor
		{"/api/v1/tracks?q=" + strings.Repeat("a", 201), 400, "longer than 200"},
		{"/api/v1/tracks/0", 400, "positive whole number"},
		{"/api/v1/tracks/01", 400, "positive whole number"},
		{"/api/v1/tracks/99999", 404, "not found"},
		{"/api/v1/tracks/4", 404, "not found"}, // registered on-chain, never uploaded
		{"/api/v1/tracks/5", 404, "not found"}, // someone else's package registered by an impostor
		{"/api/v1/tracks/1?ref=alice", 400, "ref must be an address"},
		{"/api/v1/artists/0x12", 400, "must be an address"},
		{"/api/v1/accounts/0xZZ00000000000000000000000000000000000000", 400, "must be an address"},
		{"/api/v1/accounts/0x0000000000000000000000000000000000000001/earnings?by=year", 400, "by must be"},
		{"/api/v1/accounts/0x0000000000000000000000000000000000000001/earnings?role=fan", 400, "role must be"},
		{"/api/v1/audit/purchases?track=x", 400, "positive whole number"},
		{"/api/v1/metadata/0x1234", 400, "64 hex digits"},
		{"/api/v1/metadata/" + hash("nothing").Hex(), 404, "not found"},
		{"/api/v1/nope", 404, "no such resource"},
		// Bad input that PostgreSQL refuses (a NUL, invalid UTF-8, a log index over 32 bits) is the
		// client's mistake on every database.
		{"/api/v1/tracks?q=%00", 400, "UTF-8 text without NUL"},
		{"/api/v1/tracks?q=a%ffb", 400, "UTF-8 text without NUL"},
		{"/api/v1/audit/purchases?cursor=" + bigLogCursor, 400, "invalid cursor"},
		{"/api/v1/accounts/" + strings.ToLower(mira.Hex()) + "/sales?cursor=" + bigLogCursor, 400, "invalid cursor"},
		{"/api/v1/accounts/" + strings.ToLower(bob.Hex()) + "/purchases?cursor=" + bigLogCursor, 400, "invalid cursor"},
		{"/api/v1/tracks?cursor=" + base64.RawURLEncoding.EncodeToString([]byte("t.9223372036854775808.1")), 400, "invalid cursor"},
		{"/api/v1/audit/purchases?track=9223372036854775808", 400, "positive whole number"},
	}
}

// bigLogCursor is a sales cursor whose log index does not fit 32 bits.
var bigLogCursor = base64.RawURLEncoding.EncodeToString([]byte("s.0.2147483648"))

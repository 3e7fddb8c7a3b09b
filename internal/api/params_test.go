package api

import (
	"errors"
	"math"
	"net/http"
	"net/http/httptest"
	"net/url"
	"reflect"
	"strconv"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/ethereum/go-ethereum/common"
	"github.com/gin-gonic/gin"

	"github.com/bittunes/bittunes/internal/charts"
	"github.com/bittunes/bittunes/internal/names"
	"github.com/bittunes/bittunes/internal/store"
)

// everyKind declares a parameter of every kind.
type everyKind struct {
	ID       int64               `path:"id" parse:"track-id"`
	Account  common.Address      `query:"account" parse:"address" label:"the account"`
	Ref      common.Address      `query:"ref" parse:"optional-address"`
	Track    int64               `query:"track" parse:"optional-track-id"`
	Hash     common.Hash         `query:"hash" parse:"content-hash"`
	Limit    int                 `query:"limit" parse:"limit"`
	Period   charts.Period       `query:"period" parse:"period"`
	Genre    string              `query:"genre" parse:"slug"`
	Sort     store.TrackSort     `query:"sort" parse:"sort"`
	Bucket   store.Bucket        `query:"by" parse:"bucket"`
	Roles    []string            `query:"role" parse:"role"`
	Query    string              `query:"q" parse:"search"`
	Browse   *store.BrowseCursor `query:"tcursor" parse:"browse-cursor"`
	SaleFrom *store.SaleCursor   `query:"cursor" parse:"sale-cursor"`
	Release  int64               `query:"release" parse:"release-id"`
	Draft    string              `query:"draft" parse:"draft-id"`
	Name     string              `query:"name" parse:"profile-name"`
}

func testContext(id, rawQuery string) *gin.Context {
	gin.SetMode(gin.ReleaseMode)
	c, _ := gin.CreateTestContext(httptest.NewRecorder())
	c.Request = httptest.NewRequest(http.MethodGet, "/x", nil)
	c.Request.URL.RawQuery = rawQuery
	c.Params = gin.Params{{Key: "id", Value: id}}
	return c
}

func TestEveryParamKindIsDeclaredAndTested(t *testing.T) {
	declared := map[string]bool{}
	for _, f := range paramSpec(reflect.TypeFor[everyKind]()) {
		declared[f.kindName] = true
	}
	for name := range paramKinds {
		if !declared[name] {
			t.Errorf("kind %q is not in everyKind: test it", name)
		}
	}
}

func TestParseParamsReadsInOrderAndNamesTheParameter(t *testing.T) {
	good := "account=0x5DAD7600C5D89FE3824FFA99EC1C3EB8BF3B0501&hash=0x" + strings.Repeat("ab", 32)
	named := good + "&release=3&draft=" + strings.Repeat("0f", 16) + "&name=Alice"
	for _, tt := range []struct{ id, query, says string }{
		{"0", "limit=0", "the track id must be a positive whole number"}, // the first mistake wins
		{"7", "account=0x12&limit=0", "the account must be an address: 0x and 40 hex digits"},
		{"7", good + "&ref=bob", "ref must be an address: 0x and 40 hex digits"},
		{"7", good + "&track=0", "the track id must be a positive whole number"},
		{"7", good + "&limit=101", "limit must be a whole number from 1 to 100"},
		{"7", good + "&genre=Rock", "genre must be a genre slug such as hip-hop"},
		{"7", good + "&role=fan", "role must be artist, collaborator, referrer or fee"},
		{"7", good + "&q=%00", "the search must be UTF-8 text without NUL characters"},
		{"7", good + "&cursor=cy4wLjIxNDc0ODM2NDg", "invalid cursor"}, // s.0.2147483648
		{"7", good + "&release=-1", "the release id must be a positive whole number"},
		{"7", good + "&release=3&draft=" + strings.Repeat("0F", 16), "a release metadata id is 32 lowercase hex digits"},
		{"7", good + "&release=3&draft=" + strings.Repeat("0f", 16), "give a name of 1 to " + strconv.Itoa(names.MaxLength) + " characters"},
		{"7", named + strings.Repeat("x", 200), "give a name of 1 to " + strconv.Itoa(names.MaxLength) + " characters"},
	} {
		var p everyKind
		err := parseParams(testContext(tt.id, tt.query), &p)
		code, message, _ := describe(err)
		if code != codeInvalid || message != tt.says {
			t.Errorf("%s?%s: %v, want %q", tt.id, tt.query, err, tt.says)
		}
	}
	var p everyKind
	if err := parseParams(testContext("7", named+"&role=referrer&by=week&cursor=cy4xNS4y"), &p); err != nil {
		t.Fatal(err)
	}
	if p.Release != 3 || p.Draft != strings.Repeat("0f", 16) || p.Name != "Alice" {
		t.Errorf("parsed release %d, draft %q, name %q", p.Release, p.Draft, p.Name)
	}
	if p.ID != 7 || p.Limit != 20 || p.Period != charts.Week || p.Sort != store.Newest || p.Bucket != store.Weekly ||
		len(p.Roles) != 1 || p.Roles[0] != "referrer" || p.SaleFrom == nil || *p.SaleFrom != (store.SaleCursor{Block: 15, Log: 2}) ||
		p.Browse != nil || p.Account != common.HexToAddress("0x5dad7600c5d89fe3824ffa99ec1c3eb8bf3b0501") {
		t.Errorf("parsed %+v", p)
	}
}

func TestAParameterDeclaredWrongPanics(t *testing.T) {
	for name, v := range map[string]any{
		"wrong type": &struct {
			Limit int64 `query:"limit" parse:"limit"`
		}{},
		"unknown kind": &struct {
			Limit int `query:"limit" parse:"count"`
		}{},
	} {
		func() {
			defer func() {
				if recover() == nil {
					t.Errorf("%s: no panic", name)
				}
			}()
			_ = parseParams(testContext("1", ""), v)
		}()
	}
}

// FuzzParseParams: whatever the path and query hold, parseParams answers a client error or values
// within their bounds, and never panics.
func FuzzParseParams(f *testing.F) {
	for _, seed := range [][2]string{
		{"1", ""}, {"0", "limit=0"}, {"9223372036854775807", "cursor=cy4wLjIxNDc0ODM2NDc"}, {"1", "cursor=cy4wLjIxNDc0ODM2NDg"},
		{"1", "q=%00"}, {"1", "q=%ff"}, {"1", "account=0x5dad7600c5d89fe3824ffa99ec1c3eb8bf3b0501&role=fee&by=month"},
		{"1", "tcursor=dC40LjE&sort=bestselling&period=all&genre=hip-hop"}, {"-1", "limit=%2B5&track=01"}, {"1", "hash=0x" + strings.Repeat("F", 64)},
		{"1", "account=0x5dad7600c5d89fe3824ffa99ec1c3eb8bf3b0501&hash=0x" + strings.Repeat("ab", 32) + "&release=1&draft=" + strings.Repeat("0f", 16) + "&name=%C3%A9"},
	} {
		f.Add(seed[0], seed[1])
	}
	f.Fuzz(func(t *testing.T, id, rawQuery string) {
		var p everyKind
		err := parseParams(testContext(id, rawQuery), &p)
		if err != nil {
			var e *apiError
			if !errors.As(err, &e) || e.code != codeInvalid || e.message == "" {
				t.Fatalf("%q ?%q: %v is not a client error", id, rawQuery, err)
			}
			return
		}
		q, _ := url.ParseQuery(rawQuery)
		switch {
		case p.ID <= 0, p.Track < 0, p.Limit < 1 || p.Limit > 100:
			t.Fatalf("out of bounds: %+v", p)
		case len(p.Query) > maxSearch || !utf8.ValidString(p.Query) || strings.ContainsRune(p.Query, 0):
			t.Fatalf("search %q accepted", p.Query)
		case p.SaleFrom != nil && (p.SaleFrom.Log > math.MaxInt32 || p.SaleFrom.Log < 0 || p.SaleFrom.Block > math.MaxInt64):
			t.Fatalf("sale cursor %+v accepted", *p.SaleFrom)
		case p.Browse != nil && (p.Browse.Sales < 0 || p.Browse.ID < 0):
			t.Fatalf("browse cursor %+v accepted", *p.Browse)
		case p.Release <= 0, !releaseIDPattern.MatchString(p.Draft), p.Name == "" || len(p.Name) > 4*names.MaxLength:
			t.Fatalf("out of bounds: release %d, draft %q, name %q", p.Release, p.Draft, p.Name)
		case q.Get("role") == "" && p.Roles != nil:
			t.Fatalf("roles %v without a role", p.Roles)
		}
	})
}

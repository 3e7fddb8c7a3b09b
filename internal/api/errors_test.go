package api

import (
	"errors"
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"slices"
	"sort"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/gin-gonic/gin"

	"github.com/bittunes/bittunes/internal/auth"
	"github.com/bittunes/bittunes/internal/store"
	"github.com/bittunes/bittunes/internal/unlock"
)

const module = "github.com/bittunes/bittunes/"

// TestEverySentinelHasADeliberateStatus walks the exported sentinel errors (package-level Err…
// variables) of every package of this module the API depends on, and requires a rule of
// errorTable for each: a new sentinel without one fails here, instead of reaching clients as an
// accidental 500.
func TestEverySentinelHasADeliberateStatus(t *testing.T) {
	inTable := tableSentinels(t)
	all := sentinels(t)
	for _, want := range []string{"store.ErrNotFound", "unlock.ErrNotOwner", "swarm.ErrMismatch", "content.ErrSealed"} {
		if !slices.Contains(all, want) {
			t.Fatalf("the walk of the API's dependencies misses %s: %v", want, all)
		}
	}
	t.Logf("sentinels: %v", all)
	var missing []string
	for _, s := range all {
		if !inTable[s] {
			missing = append(missing, s)
		}
	}
	if len(missing) > 0 {
		t.Fatalf("sentinel errors without a rule in errorTable (errors.go): %v", missing)
	}
	if len(inTable) < 20 {
		t.Fatalf("only %d sentinels found in errorTable: the walk is broken", len(inTable))
	}
	for _, r := range errorTable {
		if _, ok := statusOf[r.code]; !ok {
			t.Errorf("%v maps to %q, which has no status", r.err, r.code)
		}
	}
}

// TestEachRuleDecidesItsError: a sentinel, wrapped, gets its own rule's code and message (no
// earlier rule shadows it), and nothing of the wrapping text reaches the client.
func TestEachRuleDecidesItsError(t *testing.T) {
	for _, r := range errorTable {
		err := fmt.Errorf("store: secret detail 0xdeadbeef: %w", r.err)
		code, message, _ := describe(err)
		if code != r.code {
			t.Errorf("%v: code %q, want %q", r.err, code, r.code)
		}
		if !r.detail && strings.Contains(message, "secret") {
			t.Errorf("%v: the message %q shows internal text", r.err, message)
		}
		if code != codeInternal && !r.detail && message != r.message {
			t.Errorf("%v: message %q, want %q", r.err, message, r.message)
		}
	}
}

func TestFailAnswers(t *testing.T) {
	gin.SetMode(gin.ReleaseMode)
	for _, tt := range []struct {
		name       string
		err        error
		status     int
		code       code
		message    string
		retryAfter string
	}{
		{"conflict", fmt.Errorf("store: save: %w", store.ErrConflict), 409, codeConflict, "the request conflicts with data the market already has", ""},
		{"not found", fmt.Errorf("store: track 9: %w", store.ErrNotFound), 404, codeNotFound, "not found", ""},
		{"outage", fmt.Errorf("store: track 9: %w: dial tcp: refused", store.ErrUnavailable), 503, codeDatabaseUnavailable, "the database is unavailable; try again shortly", "5"},
		{"bad request", badRequest("limit must be %d or less", 100), 400, codeInvalid, "limit must be 100 or less", ""},
		{"rate limited", rateLimited("slow down", 1500*time.Millisecond), 429, codeRateLimited, "slow down", "2"},
		{"sign-in refusal", fmt.Errorf("auth: %w", &auth.Refusal{Reason: "wrong chain"}), 401, codeSignInRejected, "wrong chain", ""},
		{"malformed sign-in", &auth.Refusal{Reason: "no nonce", Malformed: true}, 400, codeInvalid, "no nonce", ""},
		{"key refusal", &unlock.Refusal{Reason: "expired request"}, 401, codeKeyRequestRejected, "expired request", ""},
		{"not owner", fmt.Errorf("unlock: track 1: %w", unlock.ErrNotOwner), 403, codeNotOwner, "this account does not own the track: buy it first", ""},
		{"unknown", errors.New("pq: secret"), 500, codeInternal, "internal error", ""},
	} {
		rec := httptest.NewRecorder()
		c, _ := gin.CreateTestContext(rec)
		c.Request = httptest.NewRequest(http.MethodGet, "/x", nil)
		abort(c, tt.err)
		want := fmt.Sprintf(`{"error":{"code":%q,"message":%q}}`, tt.code, tt.message)
		if rec.Code != tt.status || rec.Body.String() != want || rec.Header().Get("Retry-After") != tt.retryAfter {
			t.Errorf("%s: %d %s Retry-After %q, want %d %s Retry-After %q", tt.name, rec.Code, rec.Body, rec.Header().Get("Retry-After"),
				tt.status, want, tt.retryAfter)
		}
		if !c.IsAborted() {
			t.Errorf("%s: the handler chain goes on", tt.name)
		}
	}
}

// tableSentinels are the qualified names (store.ErrNotFound) errorTable has a rule for, read
// from errors.go.
func tableSentinels(t *testing.T) map[string]bool {
	t.Helper()
	f, err := parser.ParseFile(token.NewFileSet(), "errors.go", nil, 0)
	if err != nil {
		t.Fatal(err)
	}
	found := map[string]bool{}
	ast.Inspect(f, func(n ast.Node) bool {
		spec, ok := n.(*ast.ValueSpec)
		if !ok || len(spec.Names) != 1 || spec.Names[0].Name != "errorTable" {
			return true
		}
		ast.Inspect(spec, func(n ast.Node) bool {
			if sel, ok := n.(*ast.SelectorExpr); ok {
				if pkg, ok := sel.X.(*ast.Ident); ok && strings.HasPrefix(sel.Sel.Name, "Err") {
					found[pkg.Name+"."+sel.Sel.Name] = true
				}
			}
			return true
		})
		return false
	})
	return found
}

// sentinels are the qualified names of the exported Err… variables of the module's packages that
// the API imports, directly or not.
func sentinels(t *testing.T) []string {
	t.Helper()
	seen := map[string]bool{}
	var out []string
	var walk func(dir string)
	walk = func(dir string) {
		if seen[dir] {
			return
		}
		seen[dir] = true
		files, err := filepath.Glob(filepath.Join(dir, "*.go"))
		if err != nil {
			t.Fatal(err)
		}
		for _, name := range files {
			if strings.HasSuffix(name, "_test.go") {
				continue
			}
			f, err := parser.ParseFile(token.NewFileSet(), name, nil, 0)
			if err != nil {
				t.Fatal(err)
			}
			for _, imp := range f.Imports {
				path, _ := strconv.Unquote(imp.Path.Value)
				if strings.HasPrefix(path, module+"internal/") {
					walk(filepath.Join("..", strings.TrimPrefix(path, module+"internal/")))
				}
			}
			if dir == "." {
				continue // the API's own errors are apiErrors
			}
			for _, d := range f.Decls {
				g, ok := d.(*ast.GenDecl)
				if !ok || g.Tok != token.VAR {
					continue
				}
				for _, s := range g.Specs {
					for _, id := range s.(*ast.ValueSpec).Names {
						if strings.HasPrefix(id.Name, "Err") && id.IsExported() {
							out = append(out, f.Name.Name+"."+id.Name)
						}
					}
				}
			}
		}
	}
	walk(".")
	sort.Strings(out)
	return out
}

// TestAPanicIsTheJSON500: a handler's panic is answered as every other server fault.
func TestAPanicIsTheJSON500(t *testing.T) {
	gin.SetMode(gin.ReleaseMode)
	r := gin.New()
	r.Use(withLogger(slog.New(slog.NewTextHandler(io.Discard, nil))), gin.CustomRecoveryWithWriter(io.Discard, recovered))
	r.GET("/boom", func(*gin.Context) { panic("boom") })
	rec := httptest.NewRecorder()
	r.ServeHTTP(rec, httptest.NewRequest(http.MethodGet, "/boom", nil))
	if rec.Code != 500 || rec.Body.String() != `{"error":{"code":"internal","message":"internal error"}}` {
		t.Errorf("a panic: %d %s", rec.Code, rec.Body)
	}
}

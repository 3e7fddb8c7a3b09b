package api_test

import (
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"strings"
	"testing"

	"github.com/getkin/kin-openapi/routers/gorillamux"
)

func do(h http.Handler, method, path string, header map[string]string) *httptest.ResponseRecorder {
	req := httptest.NewRequest(method, path, nil)
	for k, v := range header {
		req.Header.Set(k, v)
	}
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, req)
	return rec
}

// isJSONError says whether rec is the API's JSON error with status and code.
func isJSONError(rec *httptest.ResponseRecorder, status int, code string) bool {
	return rec.Code == status && rec.Header().Get("Content-Type") == "application/json; charset=utf-8" &&
		errorOf(rec).Error.Code == code
}

// TestHeadAnswersAsGetWithoutABody: HEAD on a GET route is the GET's status and headers, no body.
func TestHeadAnswersAsGetWithoutABody(t *testing.T) {
	h := bareHandler(t)
	for path, status := range map[string]int{"/api/v1/genres": 200, "/healthz": 200, "/api/v1/tracks?limit=0": 400,
		"/api/v1/nope": 404, "/api/v1/openapi.json": 200} {
		get, head := do(h, http.MethodGet, path, nil), do(h, http.MethodHead, path, nil)
		if head.Code != status || get.Code != status || head.Body.Len() != 0 ||
			head.Header().Get("Content-Type") != get.Header().Get("Content-Type") {
			t.Errorf("HEAD %s: %d %q %d bytes; GET: %d %q", path, head.Code, head.Header().Get("Content-Type"), head.Body.Len(),
				get.Code, get.Header().Get("Content-Type"))
		}
	}
}

// TestAWrongMethodIs405WithAllow: a path the API has, under another method, is a 405 JSON error
// that lists the methods it takes.
func TestAWrongMethodIs405WithAllow(t *testing.T) {
	h := bareHandler(t)
	for _, tt := range []struct{ method, path, allow string }{
		{http.MethodPost, "/api/v1/tracks", "GET, HEAD"},
		{http.MethodDelete, "/api/v1/charts/7d", "GET, HEAD"},
		{http.MethodGet, "/api/v1/auth/nonce", "POST"},
		{http.MethodHead, "/api/v1/auth/logout", "POST"},
		{"BREW", "/healthz", "GET, HEAD"},
	} {
		rec := do(h, tt.method, tt.path, nil)
		if rec.Code != http.StatusMethodNotAllowed || rec.Header().Get("Allow") != tt.allow ||
			(tt.method != http.MethodHead && !isJSONError(rec, 405, "method_not_allowed")) {
			t.Errorf("%s %s: %d Allow %q %s, want 405 Allow %q", tt.method, tt.path, rec.Code, rec.Header().Get("Allow"), rec.Body, tt.allow)
		}
	}
	if rec := do(h, http.MethodPost, "/api/v1/nope", nil); !isJSONError(rec, 404, "not_found") {
		t.Errorf("POST to an unknown path: %d %s, want 404", rec.Code, rec.Body)
	}
	if rec := do(h, http.MethodGet, "/API/V1/tracks", nil); !isJSONError(rec, 404, "not_found") {
		t.Errorf("GET /API/V1/tracks: %d %s, want the JSON 404", rec.Code, rec.Body)
	}
}

// TestRangeAndPreconditionFailuresAreJSONErrors: ServeContent's 416 and 412 are the JSON error
// body, not plain text under the file's content type.
func TestRangeAndPreconditionFailuresAreJSONErrors(t *testing.T) {
	router, err := gorillamux.NewRouter(loadOpenAPI(t))
	if err != nil {
		t.Fatal(err)
	}
	m := newSellingMarket(t, "sqlite:"+filepath.Join(t.TempDir(), "b.db"))
	pkg := "/api/v1/packages/" + m.hash.Hex() + ".age"
	for _, tt := range []struct {
		path   string
		header map[string]string
		status int
		code   string
	}{
		{pkg, map[string]string{"Range": "bytes=99999999-"}, 416, "range_not_satisfiable"},
		{"/api/v1/tracks/1/preview", map[string]string{"Range": "bytes=99999999-"}, 416, "range_not_satisfiable"},
		{"/api/v1/tracks/1/preview", map[string]string{"If-Match": `"nope"`}, 412, "precondition_failed"},
		{pkg, map[string]string{"If-Match": `"nope"`}, 412, "precondition_failed"},
	} {
		rec := do(m.h, http.MethodGet, tt.path, tt.header)
		validateRecorded(t, router, httptest.NewRequest(http.MethodGet, tt.path, nil), rec)
		if !isJSONError(rec, tt.status, tt.code) || rec.Header().Get("Cache-Control") != "" {
			t.Errorf("%s %v: %d %v %s, want the JSON error %d %s", tt.path, tt.header, rec.Code, rec.Header(), rec.Body, tt.status, tt.code)
		}
		if tt.status == 416 && !strings.HasPrefix(rec.Header().Get("Content-Range"), "bytes */") {
			t.Errorf("%s: a 416 without Content-Range: %v", tt.path, rec.Header())
		}
	}
	if rec := do(m.h, http.MethodHead, pkg, nil); rec.Code != 200 || rec.Body.Len() != 0 || rec.Header().Get("Content-Length") == "" {
		t.Errorf("HEAD of a package: %d %v %d bytes", rec.Code, rec.Header(), rec.Body.Len())
	}
}

package api_test

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"testing"

	"github.com/getkin/kin-openapi/openapi3"
	"github.com/getkin/kin-openapi/openapi3filter"
	"github.com/getkin/kin-openapi/routers"
	"github.com/getkin/kin-openapi/routers/gorillamux"
	"github.com/gin-gonic/gin"

	"github.com/bittunes/bittunes/internal/api"
	"github.com/bittunes/bittunes/internal/store"
)

func loadOpenAPI(t *testing.T) *openapi3.T {
	t.Helper()
	doc, err := openapi3.NewLoader().LoadFromFile("openapi.json")
	if err != nil {
		t.Fatal(err)
	}
	if err := doc.Validate(context.Background()); err != nil {
		t.Fatalf("openapi.json is not a valid OpenAPI 3 document: %v", err)
	}
	return doc
}

// TestOpenAPIDescribesEveryRoute: every route the server answers is in the document with its method,
// and the document describes no route the server does not have.
func TestOpenAPIDescribesEveryRoute(t *testing.T) {
	doc := loadOpenAPI(t)
	described := map[string]bool{}
	for path, item := range doc.Paths.Map() {
		for method := range item.Operations() {
			described[method+" "+path] = true
		}
	}
	served := map[string]bool{}
	param := regexp.MustCompile(`:([A-Za-z]+)`)
	for _, r := range bareHandler(t).(interface{ Routes() gin.RoutesInfo }).Routes() {
		served[r.Method+" "+param.ReplaceAllString(r.Path, "{$1}")] = true
	}
	var missing, extra []string
	for k := range served {
		if !described[k] {
			missing = append(missing, k)
		}
	}
	for k := range described {
		if !served[k] {
			extra = append(extra, k)
		}
	}
	sort.Strings(missing)
	sort.Strings(extra)
	if len(missing) > 0 || len(extra) > 0 {
		t.Fatalf("routes not in openapi.json: %v\ndocumented routes the server lacks: %v", missing, extra)
	}
	rec := get(t, bareHandler(t), "/api/v1/openapi.json")
	disk, _ := os.ReadFile("openapi.json")
	if rec.Code != http.StatusOK || !bytes.Equal(rec.Body.Bytes(), disk) {
		t.Fatalf("/api/v1/openapi.json does not serve the document: %d", rec.Code)
	}
}

// TestGoldenResponsesMatchTheDocument validates every golden JSON response (and every error of the
// bad-input table) against the schemas the document gives for its route and status.
func TestGoldenResponsesMatchTheDocument(t *testing.T) {
	doc := loadOpenAPI(t)
	router, err := gorillamux.NewRouter(doc)
	if err != nil {
		t.Fatal(err)
	}
	forEachDB(t, func(t *testing.T, st *store.Store) {
		h := handler(st)
		for _, c := range goldenCases() {
			if !strings.HasSuffix(c.golden, ".json") {
				continue
			}
			validateResponse(t, router, h, c.path)
		}
		for _, c := range badInputCases() {
			validateResponse(t, router, h, c.path)
		}
	})
}

func validateResponse(t *testing.T, router routers.Router, h http.Handler, path string) {
	t.Helper()
	req := httptest.NewRequest(http.MethodGet, path, nil)
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, req)
	validateRecorded(t, router, req, rec)
}

// validateRecorded checks the answer rec to req against the document.
func validateRecorded(t *testing.T, router routers.Router, req *http.Request, rec *httptest.ResponseRecorder) {
	t.Helper()
	path := req.URL.RequestURI()
	u, _ := url.Parse("http://localhost" + path)
	route, params, err := router.FindRoute(&http.Request{Method: req.Method, URL: u})
	if err != nil {
		if rec.Code == http.StatusNotFound {
			return // an unknown path: nothing to validate it against
		}
		t.Errorf("%s: not in the document: %v", path, err)
		return
	}
	in := &openapi3filter.RequestValidationInput{Request: req, PathParams: params, Route: route,
		Options: &openapi3filter.Options{ExcludeRequestBody: true, SkipSettingDefaults: true}}
	out := &openapi3filter.ResponseValidationInput{RequestValidationInput: in, Status: rec.Code, Header: rec.Header(),
		Body: io.NopCloser(bytes.NewReader(rec.Body.Bytes())), Options: &openapi3filter.Options{IncludeResponseStatus: true}}
	if err := openapi3filter.ValidateResponse(context.Background(), out); err != nil {
		var pretty bytes.Buffer
		_ = json.Indent(&pretty, rec.Body.Bytes(), "", " ")
		t.Errorf("%s (%d): the response does not match the document: %v", path, rec.Code, err)
	}
}

// TestOpenAPIEnumeratesEveryErrorCode: the Error schema's code enum is exactly the codes of the
// API's error table, and its description gives each code's HTTP status as the table does.
func TestOpenAPIEnumeratesEveryErrorCode(t *testing.T) {
	doc := loadOpenAPI(t)
	code := doc.Components.Schemas["Error"].Value.Properties["error"].Value.Properties["code"].Value
	documented := map[string]int{}
	for _, m := range regexp.MustCompile(`(\w+) (\d{3}) \(`).FindAllStringSubmatch(code.Description, -1) {
		documented[m[1]], _ = strconv.Atoi(m[2])
	}
	enum := map[string]bool{}
	for _, v := range code.Enum {
		enum[fmt.Sprint(v)] = true
	}
	table := api.ErrorStatuses()
	for c, status := range table {
		if !enum[c] {
			t.Errorf("code %q of the error table is not in the Error schema's enum", c)
		}
		if documented[c] != status {
			t.Errorf("code %q: the Error schema's description says status %d, the table %d", c, documented[c], status)
		}
	}
	for c := range enum {
		if _, ok := table[c]; !ok {
			t.Errorf("the Error schema's enum has %q, which the error table does not", c)
		}
	}
	for c := range documented {
		if _, ok := table[c]; !ok {
			t.Errorf("the Error schema's description names %q, which the error table does not", c)
		}
	}
}

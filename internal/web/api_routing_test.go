package web

import (
	"strings"
	"testing"
)

// TestEveryCaseOfTheAPIPrefixGoesToTheAPI: /API/V1/… and /Api are the API's to answer (with its
// JSON 404), not the pages' HTML 404.
func TestEveryCaseOfTheAPIPrefixGoesToTheAPI(t *testing.T) {
	h := testHandler(t, Config{ChainID: 1})
	for _, path := range []string{"/api/v1/tracks", "/API/V1/tracks", "/Api/v1/nope", "/aPi/", "/API", "/api"} {
		rec := get(t, h, path)
		if !strings.HasPrefix(rec.Header().Get("Content-Type"), "application/json") || rec.Body.String() != `{"api":"`+path+`"}` {
			t.Errorf("%s: %d %s %q, want the API's answer", path, rec.Code, rec.Header().Get("Content-Type"), rec.Body)
		}
	}
	if rec := get(t, h, "/status"); rec.Body.String() != `{"api":"/status"}` {
		t.Errorf("/status: %s, want the API's", rec.Body)
	}
	for _, path := range []string{"/apiary", "/t/1"} {
		if rec := get(t, h, path); strings.Contains(rec.Body.String(), `"api"`) {
			t.Errorf("%s went to the API", path)
		}
	}
}

package web

import (
	"io"
	"net/http"
	"strconv"
	"time"

	"github.com/bittunes/bittunes/internal/ratelimit"
)

// pageClasses puts every route of the pages in the class whose budget per client it draws from
// (the same classes, and with a shared ratelimit.Classes the same buckets, as the API's).
var pageClasses = map[string]ratelimit.Class{
	"GET /covers/{hash}":                   ratelimit.Image,
	"GET /covers/{hash}/{size}":            ratelimit.Image,
	"GET /cards/t/{file}":                  ratelimit.Image,
	"GET /cards/a/{file}":                  ratelimit.Image,
	"GET /cards/releases/{file}":           ratelimit.Image,
	"GET /cards/chart.jpg":                 ratelimit.Image,
	"GET /cards/browse.jpg":                ratelimit.Image,
	"GET /qr":                              ratelimit.Image,
	"GET /{$}":                             ratelimit.Page,
	"GET /charts":                          ratelimit.Page,
	"GET /charts/{genre}":                  ratelimit.Page,
	"GET /charts/{genre}/{subgenre}":       ratelimit.Page,
	"GET /t/{id}":                          ratelimit.Page,
	"GET /releases/{id}":                   ratelimit.Page,
	"GET /a/{address}":                     ratelimit.Page,
	"GET /r/{code}":                        ratelimit.Page,
	"GET /account":                         ratelimit.Page,
	"GET /upload":                          ratelimit.Page,
	"GET /studio":                          ratelimit.Page,
	"GET /audit":                           ratelimit.Page,
	"GET /tx/{hash}":                       ratelimit.Page,
	"/":                                    ratelimit.Page, // the 404 page
	"GET /browse":                          ratelimit.Search,
	"GET /embed/t/{id}":                    ratelimit.Embed,
	"GET /embed/releases/{id}":             ratelimit.Embed,
	"GET /embed/a/{address}":               ratelimit.Embed,
	"GET /embed/charts":                    ratelimit.Embed,
	"GET /embed/charts/{genre}":            ratelimit.Embed,
	"GET /embed/charts/{genre}/{subgenre}": ratelimit.Embed,
	"GET /oembed":                          ratelimit.Embed,
	"POST /r":                              ratelimit.Link,
	"GET /feeds/new":                       ratelimit.Feed,
	"GET /feeds/releases":                  ratelimit.Feed,
	"GET /feeds/new/{genre}":               ratelimit.Feed,
	"GET /feeds/new/{genre}/{subgenre}":    ratelimit.Feed,
	"GET /feeds/a/{address}":               ratelimit.Feed,
	"GET /feeds/a/{address}/releases":      ratelimit.Feed,
	"GET /feeds/a/{address}/podcast":       ratelimit.Feed,
	"GET /feeds/charts/{period}":           ratelimit.Feed,
	"GET /feeds/charts/{period}/{genre}":   ratelimit.Feed,
	"GET /feeds/charts/{period}/{genre}/{subgenre}": ratelimit.Feed,
	"GET /sitemap.xml": ratelimit.Feed,
}

// unlimitedPages are the routes of the pages without a class budget, each with the reason.
var unlimitedPages = map[string]string{
	"GET /static/":    "embedded files served from memory, cached by browsers for a year",
	"GET /robots.txt": "a constant text from memory",
}

// jsonRoutes answer a refusal with the JSON error body (their clients are scripts); the others
// with a small HTML page.
var jsonRoutes = map[string]bool{"POST /r": true, "GET /oembed": true}

// routeMux is the pages' ServeMux, which draws each route from its class's budget per client and
// remembers the patterns it was given (for the test that every route has a class or a reason).
type routeMux struct {
	*http.ServeMux
	limits   *ratelimit.Classes
	proxies  ratelimit.Proxies
	patterns []string
}

// Handle registers handler for pattern behind the limit of the pattern's class.
func (m *routeMux) Handle(pattern string, handler http.Handler) {
	m.HandleFunc(pattern, handler.ServeHTTP)
}

// HandleFunc registers handler for pattern behind the limit of the pattern's class.
func (m *routeMux) HandleFunc(pattern string, handler func(http.ResponseWriter, *http.Request)) {
	m.patterns = append(m.patterns, pattern)
	class, ok := pageClasses[pattern]
	if !ok || m.limits == nil {
		m.ServeMux.HandleFunc(pattern, handler)
		return
	}
	asJSON := jsonRoutes[pattern]
	m.ServeMux.HandleFunc(pattern, func(w http.ResponseWriter, r *http.Request) {
		if allowed, wait := m.limits.Allow(class, m.proxies.ClientIP(r), time.Now()); !allowed {
			tooManyRequests(w, wait, asJSON)
			return
		}
		handler(w, r)
	})
}

// tooManyRequests answers 429 with Retry-After in whole seconds: the JSON error, or a small page
// that costs nothing to render.
func tooManyRequests(w http.ResponseWriter, wait time.Duration, asJSON bool) {
	w.Header().Set("Retry-After", strconv.FormatInt(int64((wait+time.Second-1)/time.Second), 10))
	w.Header().Set("Cache-Control", "no-store")
	const message = "too many requests from this address; try again in a little while"
	if asJSON {
		jsonError(w, http.StatusTooManyRequests, "rate_limited", message)
		return
	}
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.Header().Set("X-Content-Type-Options", "nosniff")
	w.WriteHeader(http.StatusTooManyRequests)
	_, _ = io.WriteString(w, `<!doctype html><html lang="en"><meta charset="utf-8"><meta name="robots" content="noindex">`+
		`<title>Too many requests · Bittunes</title><h1>Too many requests</h1><p>This address sent more requests than `+
		`Bittunes answers for one visitor. Please try again in a little while.</p></html>`)
}

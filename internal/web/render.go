package web

import (
	"crypto/sha256"
	"encoding/base64"
	"encoding/json"
	"errors"
	"html/template"
	"net/http"
	"net/url"
	"strings"

	"github.com/bittunes/bittunes/internal/store"
)

// frame is what the layout template renders.
type frame struct {
	Page       string
	Title      string
	Params     map[string]string
	ParamsJSON string
	Config     template.JS
	Asset      func(string) string
	Status     int
	Meta       meta
	Data       any // the page's content, for its template
}

// meta is a page's description for search engines and link previews.
type meta struct {
	Description string
	Canonical   string // absolute URL
	URL         string // og:url: the canonical URL, or the referral link being shared
	Type        string // og:type
	Image       ogImage
	Audio       string // og:audio: the preview's absolute URL
	AudioType   string
	Properties  []property // further Open Graph properties (music:musician, music:duration, …)
	JSONLD      template.JS
	OEmbed      string     // the oEmbed discovery URL, absolute
	Feeds       []feedLink // the Atom feeds a reader can follow from the page, the page's own first
	NoIndex     bool
}

type ogImage struct {
	URL           string
	Width, Height int
	Alt           string
}

type property struct{ Name, Content string }

// feedLink is a feed a page names: Atom, or RSS 2.0 (for podcast apps).
type feedLink struct {
	URL, Title string
	RSS        bool
}

// jsonLD marshals a schema.org document for a <script type="application/ld+json"> block.
// encoding/json escapes <, > and &, so the text cannot close the script element.
func jsonLD(doc any) template.JS {
	b, err := json.Marshal(doc)
	if err != nil {
		return ""
	}
	return template.JS(b)
}

// page serves a page that JavaScript fills from the API (account, upload, audit, transaction):
// they show one visitor's wallet, so there is nothing to render for a crawler.
func (p *pages) page(name, title string) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		params := map[string]string{}
		for _, k := range []string{"hash"} {
			if v := r.PathValue(k); v != "" {
				params[k] = v
			}
		}
		p.render(w, r, frame{Page: name, Title: title, Params: params, Meta: meta{NoIndex: true}}, http.StatusOK)
	}
}

func (p *pages) notFound(w http.ResponseWriter, r *http.Request) {
	p.render(w, r, frame{Page: "notfound", Title: "Not found", Meta: meta{NoIndex: true}}, http.StatusNotFound)
}

// fail answers a page's error: a 404 page for what does not exist, a 400 page for a malformed
// address, else a 500 page (the cause logged).
func (p *pages) fail(w http.ResponseWriter, r *http.Request, err error) {
	switch {
	case errors.Is(err, store.ErrNotFound):
		p.notFound(w, r)
	case errors.As(err, new(badLink)):
		p.render(w, r, frame{Page: "notfound", Title: "Bad link", Data: err.Error(), Meta: meta{NoIndex: true}}, http.StatusBadRequest)
	default:
		p.cfg.Logger.Error("web: page", "path", r.URL.Path, "err", err)
		p.render(w, r, frame{Page: "error", Title: "Something went wrong", Meta: meta{NoIndex: true}}, http.StatusInternalServerError)
	}
}

// badLink is a malformed link (a query value the page cannot read); its text is shown.
type badLink string

func (b badLink) Error() string { return string(b) }

func (p *pages) render(w http.ResponseWriter, r *http.Request, f frame, status int) {
	f.Config, f.Asset, f.Status = p.config, p.asset, status
	if f.Params == nil {
		f.Params = map[string]string{}
	}
	params, _ := json.Marshal(f.Params)
	f.ParamsJSON = string(params)
	tmpl := p.tmpl[f.Page]
	if tmpl == nil {
		tmpl = p.tmpl["frame"]
	}
	var b strings.Builder
	if err := tmpl.ExecuteTemplate(&b, "layout.html", f); err != nil {
		p.cfg.Logger.Error("web: render", "page", f.Page, "err", err)
		http.Error(w, "internal error", http.StatusInternalServerError)
		return
	}
	h := w.Header()
	h.Set("Content-Type", "text/html; charset=utf-8")
	h.Set("Cache-Control", "no-cache")
	h.Set("X-Content-Type-Options", "nosniff")
	h.Set("Referrer-Policy", "strict-origin-when-cross-origin")
	h.Set("Content-Security-Policy", p.csp(string(f.Meta.JSONLD), "'none'"))
	w.WriteHeader(status)
	_, _ = w.Write([]byte(b.String()))
}

// csp allows the page's own scripts, styles, images and media, and connections to the API and
// the chain's RPC. The JSON-LD block is a data block, which browsers do not run, so script-src
// does not govern it; its hash is listed anyway so that a checker that treats every inline
// script as code (or a future browser) finds it allowed, without opening script-src to
// 'unsafe-inline'. ancestors is the frame-ancestors source list: 'none' except for the embeds.
func (p *pages) csp(jsonLD, ancestors string) string {
	connect := "'self'"
	if u, err := url.Parse(p.cfg.RPCURL); err == nil && u.Host != "" {
		connect += " " + u.Scheme + "://" + u.Host
	}
	script := "'self'"
	if jsonLD != "" {
		sum := sha256.Sum256([]byte(jsonLD))
		script += " 'sha256-" + base64.StdEncoding.EncodeToString(sum[:]) + "'"
	}
	return "default-src 'self'; script-src " + script + "; style-src 'self'; img-src 'self' data: blob:; media-src 'self' blob:; " +
		"connect-src " + connect + "; frame-ancestors " + ancestors + "; base-uri 'self'; form-action 'self'"
}

// origin is the market's public origin: the configured one, else the request's.
func (p *pages) origin(r *http.Request) string {
	if p.cfg.Origin != "" {
		return p.cfg.Origin
	}
	scheme := "http"
	if r.TLS != nil {
		scheme = "https"
	}
	return scheme + "://" + r.Host
}

func errorsIsNotFound(err error) bool { return errors.Is(err, store.ErrNotFound) }

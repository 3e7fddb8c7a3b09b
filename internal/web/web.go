// Package web serves Bittunes' pages: the music store fans and artists use in a browser. The Go
// side renders each page's frame (head, navigation, the market's chain settings for the wallet)
// from embedded templates; the page's content and everything to do with the wallet come from one
// embedded JavaScript bundle (built from web/src with esbuild) that reads the JSON API on the
// same origin and sends transactions through the visitor's browser wallet.
package web

import (
	"bytes"
	"compress/gzip"
	"crypto/sha256"
	"embed"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"html/template"
	"io/fs"
	"log/slog"
	"mime"
	"net/http"
	"net/url"
	"path"
	"strconv"
	"strings"

	"github.com/ethereum/go-ethereum/common"
)

// Config is what the pages need to know about the market they front.
type Config struct {
	// ChainID is the market's chain; ChainName how wallets name it when asked to add it.
	ChainID   uint64
	ChainName string
	// RPCURL is the JSON-RPC URL a browser wallet is asked to add for the chain (and the pages
	// read receipts from); empty leaves reads to the wallet and adding the chain impossible.
	RPCURL string
	// Market is the market contract's address.
	Market common.Address
	// ExplorerURL is a block explorer's base URL (https://etherscan.io): a transaction links to
	// <ExplorerURL>/tx/<hash>, an address to <ExplorerURL>/address/<address>. Empty links
	// transactions to the market's own transaction view.
	ExplorerURL string
	// MediaDir is the media folder uploaded covers are read from (see content.Media).
	MediaDir string
	Logger   *slog.Logger
}

// pageConfig is the configuration embedded in every page for the JavaScript.
type pageConfig struct {
	ChainID     uint64 `json:"chainId"`
	ChainName   string `json:"chainName"`
	RPCURL      string `json:"rpcUrl"`
	Market      string `json:"market"`
	ExplorerURL string `json:"explorerUrl"`
}

//go:embed templates/*.html
var templateFS embed.FS

//go:embed static
var staticFS embed.FS

// Handler returns the market's whole HTTP handler: the API (api) under /api/ and its operator
// endpoints, and the pages everywhere else.
func Handler(cfg Config, api http.Handler) (http.Handler, error) {
	if cfg.Logger == nil {
		cfg.Logger = slog.Default()
	}
	if cfg.ExplorerURL != "" {
		u, err := url.Parse(cfg.ExplorerURL)
		if err != nil || (u.Scheme != "https" && u.Scheme != "http") || u.Host == "" {
			return nil, fmt.Errorf("web: explorer URL %q: want http(s)://host[/path]", cfg.ExplorerURL)
		}
		cfg.ExplorerURL = strings.TrimSuffix(cfg.ExplorerURL, "/")
	}
	p, err := newPages(cfg)
	if err != nil {
		return nil, err
	}
	mux := http.NewServeMux()
	for _, prefix := range []string{"/api/", "/healthz", "/readyz", "/status", "/metrics"} {
		mux.Handle(prefix, api)
	}
	p.routes(mux)
	return apiFirst(api, mux), nil
}

// apiFirst sends every path under /api, in any case (/API/V1/…), to the API, so that a client's
// mistake there gets the API's JSON error, never a page.
func apiFirst(api, rest http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if p := r.URL.Path; strings.EqualFold(p, "/api") || (len(p) >= 5 && strings.EqualFold(p[:5], "/api/")) {
			api.ServeHTTP(w, r)
			return
		}
		rest.ServeHTTP(w, r)
	})
}

// pages renders the page frames.
type pages struct {
	cfg      Config
	tmpl     *template.Template
	config   template.JS // the page configuration, as JSON
	static   http.Handler
	versions map[string]string // asset name → short content hash, for cache-busting URLs
	gzipped  map[string][]byte // asset name → its gzip encoding, for the text assets
}

func newPages(cfg Config) (*pages, error) {
	tmpl, err := template.New("").Funcs(template.FuncMap{}).ParseFS(templateFS, "templates/*.html")
	if err != nil {
		return nil, fmt.Errorf("web: templates: %w", err)
	}
	b, err := json.Marshal(pageConfig{ChainID: cfg.ChainID, ChainName: cfg.ChainName, RPCURL: cfg.RPCURL,
		Market: cfg.Market.Hex(), ExplorerURL: cfg.ExplorerURL})
	if err != nil {
		return nil, err
	}
	sub, err := fs.Sub(staticFS, "static")
	if err != nil {
		return nil, err
	}
	p := &pages{cfg: cfg, tmpl: tmpl, config: template.JS(b), versions: map[string]string{}, gzipped: map[string][]byte{}}
	for _, name := range []string{"app.js", "style.css", "favicon.svg"} {
		data, err := fs.ReadFile(sub, name)
		if err != nil {
			return nil, fmt.Errorf("web: static %s: %w", name, err)
		}
		sum := sha256.Sum256(data)
		p.versions[name] = hex.EncodeToString(sum[:6])
		var z bytes.Buffer
		zw, _ := gzip.NewWriterLevel(&z, gzip.BestCompression)
		_, _ = zw.Write(data)
		if err := zw.Close(); err != nil {
			return nil, err
		}
		p.gzipped[name] = z.Bytes()
	}
	p.static = http.StripPrefix("/static/", http.FileServer(http.FS(sub)))
	return p, nil
}

// asset is the URL of a static file, with its content hash so that it can be cached for long.
func (p *pages) asset(name string) string { return "/static/" + name + "?v=" + p.versions[name] }

func (p *pages) routes(mux *http.ServeMux) {
	mux.HandleFunc("GET /static/", func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Query().Get("v") != "" {
			w.Header().Set("Cache-Control", "public, max-age=31536000, immutable")
		} else {
			w.Header().Set("Cache-Control", "public, max-age=300")
		}
		w.Header().Set("X-Content-Type-Options", "nosniff")
		name := strings.TrimPrefix(r.URL.Path, "/static/")
		if z, ok := p.gzipped[name]; ok {
			w.Header().Add("Vary", "Accept-Encoding")
			if strings.Contains(r.Header.Get("Accept-Encoding"), "gzip") {
				w.Header().Set("Content-Type", mime.TypeByExtension(path.Ext(name)))
				w.Header().Set("Content-Encoding", "gzip")
				w.Header().Set("Content-Length", strconv.Itoa(len(z)))
				_, _ = w.Write(z)
				return
			}
		}
		p.static.ServeHTTP(w, r)
	})
	mux.HandleFunc("GET /covers/{hash}", p.cover)
	mux.HandleFunc("GET /{$}", p.page("home", "Independent music, passed on by fans"))
	mux.HandleFunc("GET /charts", p.page("chart", "Charts"))
	mux.HandleFunc("GET /charts/{genre}", p.page("chart", "Charts"))
	mux.HandleFunc("GET /charts/{genre}/{subgenre}", p.page("chart", "Charts"))
	mux.HandleFunc("GET /browse", p.page("browse", "Browse"))
	mux.HandleFunc("GET /t/{id}", p.page("track", "Track"))
	mux.HandleFunc("GET /a/{address}", p.page("artist", "Artist"))
	mux.HandleFunc("GET /account", p.page("account", "Your account"))
	mux.HandleFunc("GET /upload", p.page("upload", "Upload a track"))
	mux.HandleFunc("GET /audit", p.page("audit", "Audit: every sale and its split"))
	mux.HandleFunc("GET /tx/{hash}", p.page("tx", "Transaction"))
	mux.HandleFunc("/", p.notFound)
}

// frame is what the layout template renders.
type frame struct {
	Page       string
	Title      string
	Params     map[string]string
	ParamsJSON string
	Config     template.JS
	Asset      func(string) string
	Status     int
}

// page serves the frame of a page; the bundle fills it from the API.
func (p *pages) page(name, title string) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		params := map[string]string{}
		for _, k := range []string{"genre", "subgenre", "id", "address", "hash"} {
			if v := r.PathValue(k); v != "" {
				params[k] = v
			}
		}
		p.render(w, frame{Page: name, Title: title, Params: params}, http.StatusOK)
	}
}

func (p *pages) notFound(w http.ResponseWriter, r *http.Request) {
	p.render(w, frame{Page: "notfound", Title: "Not found"}, http.StatusNotFound)
}

func (p *pages) render(w http.ResponseWriter, f frame, status int) {
	f.Config, f.Asset, f.Status = p.config, p.asset, status
	if f.Params == nil {
		f.Params = map[string]string{}
	}
	params, _ := json.Marshal(f.Params)
	f.ParamsJSON = string(params)
	h := w.Header()
	h.Set("Content-Type", "text/html; charset=utf-8")
	h.Set("Cache-Control", "no-cache")
	h.Set("X-Content-Type-Options", "nosniff")
	h.Set("Referrer-Policy", "strict-origin-when-cross-origin")
	h.Set("Content-Security-Policy", p.csp())
	var b strings.Builder
	if err := p.tmpl.ExecuteTemplate(&b, "layout.html", f); err != nil {
		p.cfg.Logger.Error("web: render", "page", f.Page, "err", err)
		http.Error(w, "internal error", http.StatusInternalServerError)
		return
	}
	w.WriteHeader(status)
	_, _ = w.Write([]byte(b.String()))
}

// csp allows the page's own scripts, styles, images and media, and connections to the API and
// the chain's RPC.
func (p *pages) csp() string {
	connect := "'self'"
	if u, err := url.Parse(p.cfg.RPCURL); err == nil && u.Host != "" {
		connect += " " + u.Scheme + "://" + u.Host
	}
	return "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data: blob:; media-src 'self' blob:; " +
		"connect-src " + connect + "; frame-ancestors 'none'; base-uri 'self'; form-action 'self'"
}

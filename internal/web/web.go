// Package web serves Bittunes' pages: the music store fans and artists use in a browser. The Go
// side renders the public pages (home, charts, browse, track, artist) with their content and
// their link-preview metadata (Open Graph, X/Twitter card, schema.org JSON-LD) from embedded
// templates and the store's catalogue, so that they read fully without JavaScript and unfurl in
// messengers; it also serves the embeddable player, oEmbed, short referral links, QR codes,
// feeds, the sitemap and the preview card images. The embedded JavaScript bundle (built from
// web/src with esbuild) adds the player, the wallet (loaded only when a visitor acts on the
// chain) and the account, upload, audit and transaction pages, which read the JSON API.
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
	"os"
	"path"
	"strconv"
	"strings"

	"github.com/ethereum/go-ethereum/common"

	"github.com/bittunes/bittunes/internal/cards"
	"github.com/bittunes/bittunes/internal/market"
	"github.com/bittunes/bittunes/internal/ratelimit"
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
	// MediaDir is the media folder uploaded covers and previews are read from (see content.Media).
	MediaDir string
	// Catalog is where the pages read tracks, charts and artists (a *store.Store).
	Catalog Catalog
	// People reads profiles and fans' activity (a *store.Store); nil leaves them off the pages.
	People People
	// Seeds tells who seeds what (a *store.Store); nil leaves "Seeding" off the account pages.
	Seeds Seeds
	// Origin is the market's public origin (https://bittunes.example): the canonical URLs, the
	// link previews' images and the feeds are absolute under it. Empty uses the request's host.
	Origin string
	// CardDir is where made images (thumbnails, preview cards) are kept; empty keeps them in a
	// temporary folder for the life of the process.
	CardDir string
	Logger  *slog.Logger
	// Limits are the budgets per client of the pages' route classes (share the API's, so that a
	// client's requests count once); nil: ratelimit.DefaultBudgets(). TrustedProxies are the load
	// balancers whose X-Forwarded-For names the client (as the API's).
	Limits         *ratelimit.Classes
	TrustedProxies []string
}

// pageConfig is the configuration embedded in every page for the JavaScript.
type pageConfig struct {
	ChainID     uint64 `json:"chainId"`
	ChainName   string `json:"chainName"`
	RPCURL      string `json:"rpcUrl"`
	Market      string `json:"market"`
	ExplorerURL string `json:"explorerUrl"`
	// Limits are the contract's caps, which the upload form checks before the wallet is asked.
	Limits market.Limits `json:"limits"`
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
	if cfg.Catalog == nil {
		return nil, fmt.Errorf("web: no catalog")
	}
	cfg.Origin = strings.TrimSuffix(cfg.Origin, "/")
	if cfg.CardDir == "" {
		dir, err := os.MkdirTemp("", "bittunes-cards-")
		if err != nil {
			return nil, fmt.Errorf("web: card folder: %w", err)
		}
		cfg.CardDir = dir
	}
	p, err := newPages(cfg)
	if err != nil {
		return nil, err
	}
	mux := http.NewServeMux()
	for _, prefix := range []string{"/api/", "/healthz", "/readyz", "/status", "/metrics"} {
		mux.Handle(prefix, api)
	}
	if cfg.Limits == nil {
		cfg.Limits = ratelimit.NewClasses(nil, 0)
	}
	p.routes(&routeMux{ServeMux: mux, limits: cfg.Limits, proxies: ratelimit.ParseProxies(cfg.TrustedProxies)})
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

// pages renders the pages.
type pages struct {
	cfg      Config
	tmpl     map[string]*template.Template // page name → the layout with that page's content
	embed    *template.Template
	cards    *cards.Cache
	sitemaps sitemapCache
	config   template.JS // the page configuration, as JSON
	static   http.Handler
	versions map[string]string // asset name → short content hash, for cache-busting URLs
	gzipped  map[string][]byte // asset name → its gzip encoding, for the text assets
}

func newPages(cfg Config) (*pages, error) {
	tmpl, embedTmpl, err := parseTemplates()
	if err != nil {
		return nil, err
	}
	b, err := json.Marshal(pageConfig{ChainID: cfg.ChainID, ChainName: cfg.ChainName, RPCURL: cfg.RPCURL,
		Market: cfg.Market.Hex(), ExplorerURL: cfg.ExplorerURL, Limits: market.ContractLimits})
	if err != nil {
		return nil, err
	}
	sub, err := fs.Sub(staticFS, "static")
	if err != nil {
		return nil, err
	}
	p := &pages{cfg: cfg, tmpl: tmpl, embed: embedTmpl, cards: &cards.Cache{Dir: cfg.CardDir}, config: template.JS(b),
		versions: map[string]string{}, gzipped: map[string][]byte{}}
	names, err := staticNames(sub)
	if err != nil {
		return nil, err
	}
	for _, name := range names {
		data, err := fs.ReadFile(sub, name)
		if err != nil {
			return nil, fmt.Errorf("web: static %s: %w", name, err)
		}
		sum := sha256.Sum256(data)
		p.versions[name] = hex.EncodeToString(sum[:6])
		if ext := path.Ext(name); ext != ".js" && ext != ".css" && ext != ".svg" {
			continue
		}
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

func (p *pages) routes(mux *routeMux) {
	mux.HandleFunc("GET /static/", func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Query().Get("v") != "" || strings.HasPrefix(r.URL.Path, "/static/chunks/") { // chunks are named by their hash
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
	mux.HandleFunc("GET /covers/{hash}/{size}", p.thumbnail)
	mux.HandleFunc("GET /cards/t/{file}", p.trackCard)
	mux.HandleFunc("GET /cards/a/{file}", p.artistCard)
	mux.HandleFunc("GET /cards/releases/{file}", p.releaseCard)
	mux.HandleFunc("GET /cards/chart.jpg", p.chartCard)
	mux.HandleFunc("GET /cards/browse.jpg", p.browseCard)
	mux.HandleFunc("GET /{$}", p.home)
	mux.HandleFunc("GET /charts", p.chart)
	mux.HandleFunc("GET /charts/{genre}", p.chart)
	mux.HandleFunc("GET /charts/{genre}/{subgenre}", p.chart)
	mux.HandleFunc("GET /browse", p.browse)
	mux.HandleFunc("GET /t/{id}", p.track)
	mux.HandleFunc("GET /releases/{id}", p.release)
	mux.HandleFunc("GET /a/{address}", p.artist)
	mux.HandleFunc("GET /embed/t/{id}", p.embedTrack)
	mux.HandleFunc("GET /embed/releases/{id}", p.embedRelease)
	mux.HandleFunc("GET /embed/a/{address}", p.embedArtist)
	mux.HandleFunc("GET /embed/charts", p.embedChart)
	mux.HandleFunc("GET /embed/charts/{genre}", p.embedChart)
	mux.HandleFunc("GET /embed/charts/{genre}/{subgenre}", p.embedChart)
	mux.HandleFunc("GET /oembed", p.oembed)
	mux.HandleFunc("GET /r/{code}", p.shortLink)
	mux.HandleFunc("POST /r", p.makeShortLink)
	mux.HandleFunc("GET /qr", p.qr)
	mux.HandleFunc("GET /feeds/new", p.newReleasesFeed)
	mux.HandleFunc("GET /feeds/new/{genre}", p.newReleasesFeed)
	mux.HandleFunc("GET /feeds/new/{genre}/{subgenre}", p.newReleasesFeed)
	mux.HandleFunc("GET /feeds/a/{address}", p.artistFeed)
	mux.HandleFunc("GET /feeds/a/{address}/releases", p.artistReleasesFeed)
	mux.HandleFunc("GET /feeds/a/{address}/podcast", p.artistPodcast)
	mux.HandleFunc("GET /feeds/releases", p.newestReleasesFeed)
	mux.HandleFunc("GET /feeds/charts/{period}", p.chartFeed)
	mux.HandleFunc("GET /feeds/charts/{period}/{genre}", p.chartFeed)
	mux.HandleFunc("GET /feeds/charts/{period}/{genre}/{subgenre}", p.chartFeed)
	mux.HandleFunc("GET /sitemap.xml", p.sitemap)
	mux.HandleFunc("GET /robots.txt", p.robots)
	mux.HandleFunc("GET /account", p.page("account", "Your account"))
	mux.HandleFunc("GET /upload", p.page("upload", "Upload a track"))
	mux.HandleFunc("GET /studio", p.page("studio", "Studio"))
	mux.HandleFunc("GET /audit", p.page("audit", "Audit: every sale and its split"))
	mux.HandleFunc("GET /tx/{hash}", p.page("tx", "Transaction"))
	mux.HandleFunc("/", p.notFound)
}

// staticNames lists the files of the static folder, chunks of the bundle included.
func staticNames(sub fs.FS) ([]string, error) {
	var names []string
	err := fs.WalkDir(sub, ".", func(name string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() {
			names = append(names, name)
		}
		return err
	})
	if err != nil {
		return nil, fmt.Errorf("web: static: %w", err)
	}
	return names, nil
}

// Package api is Bittunes' HTTP interface: JSON under /api/v1 for the pages, the bittunes client
// and third parties, and /healthz and /readyz for operators. Handlers are thin: they read the
// request, call the store, and render; every error goes through one table to a JSON error (errors.go).
package api

import (
	"context"
	"log/slog"
	"math/big"
	"net/http"
	"time"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/core/types"
	"github.com/gin-gonic/gin"
	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/promhttp"
	"golang.org/x/time/rate"

	"github.com/bittunes/bittunes/internal/ratelimit"
	"github.com/bittunes/bittunes/internal/store"
	"github.com/bittunes/bittunes/internal/unlock"
	"github.com/bittunes/bittunes/internal/uploads"
	"github.com/bittunes/bittunes/internal/wei"
)

// Chain is what the API reads from the chain directly.
type Chain interface {
	HeaderByNumber(ctx context.Context, number *big.Int) (*types.Header, error)
}

// Balances reads what an account can withdraw from the contract (market.Reader does).
type Balances interface {
	BalanceOf(ctx context.Context, account common.Address) (wei.Amount, error)
}

// Deps are what the API is built on.
type Deps struct {
	Store    *store.Store
	Chain    Chain
	Contract Balances // may be nil: the on-chain balance is then left out
	ChainID  uint64
	Market   common.Address
	Logger   *slog.Logger
	MaxLag   uint64 // blocks the indexer may be behind the head before /status says it is behind
	Confirms uint64
	// Metrics, if set, also gets the request metrics served at /metrics (for the private
	// --metrics-addr listener).
	Metrics prometheus.Registerer
	// CORSOrigins may call the API from other origins, with credentials; none: same-origin only.
	CORSOrigins []string
	// Origin is the market's public origin (https://bittunes.example; http://127.0.0.1:8080 in
	// dev): Sign-In with Ethereum messages must name its host[:port] as their domain and a URI on
	// it, and session cookies are Secure when it is https. Without it, sign-in is off.
	Origin string
	// TrustedProxies are the addresses or CIDRs of the load balancers whose X-Forwarded-For names
	// the client, for the sign-in rate limit; none by default: the client is the TCP peer.
	TrustedProxies []string
	// SignInRate and SignInBurst set the token bucket per client IP of the sign-in endpoints;
	// zero values: 10 requests at once, then one every 6 seconds. rate.Inf turns the limit off.
	SignInRate  rate.Limit
	SignInBurst int
	// MediaDir is the media folder uploads are packaged into (see content.Media); MasterKey the
	// 32-byte key that seals each package's key in the database. Uploads answer 503 without
	// both (and without Origin, which their metadata URIs start with).
	MediaDir  string
	MasterKey []byte
	// ChartRefresh is how often the API looks for charts the builder rewrote (each API server
	// keeps the charts it served in memory until they change); zero: every 50 ms.
	ChartRefresh time.Duration
	// UploadRate and UploadBurst set the token bucket of uploads per signed-in account; zero
	// values: 10 at once, then one every 6 minutes. MaxPendingUploads is how many uploads an
	// account may have that are not registered on-chain yet (zero: 20).
	UploadRate        rate.Limit
	UploadBurst       int
	MaxPendingUploads int
	// UploadBounds bound what unregistered uploads hold: bytes per client address and in all, and
	// the free space the media folder keeps (see uploads.Limits for the defaults).
	// MediaFreeSpace, if set, replaces statfs in telling the media folder's free space (tests).
	UploadBounds   uploads.Limits
	MediaFreeSpace func(dir string) (int64, error)
	// UploadLimits bound an upload's files; zero values: 200 MB of audio, a 5 MB cover, a 20 MB preview.
	UploadLimits UploadLimits
	// KeyRate and KeyBurst set the token buckets of key requests, one per client IP and one per
	// account; zero values: 20 at once, then one a second. KeyContractRate bounds how often, across
	// all clients, the contract is asked who owns a track (zero: 20 a second).
	KeyRate         rate.Limit
	KeyBurst        int
	KeyContractRate rate.Limit
	// Owners reads ownership from the contract (market.Reader does) for buyers the indexer has not
	// seen yet; nil: the database alone decides who gets a track's key.
	Owners unlock.Contract
	// Tracker answers BitTorrent announces at /api/v1/announce (nil: a swarm.Tracker of this
	// server's own); TrackerURL, if set, is the tracker torrents name instead of that one.
	Tracker    http.Handler
	TrackerURL string
	// Limits are the budgets per client of the public routes' classes (shared with the pages);
	// nil: ratelimit.DefaultBudgets().
	Limits *ratelimit.Classes
	// Releases reads release quotes from the contract (market.Reader does); nil: quotes answer 503.
	// QuoteRate bounds those reads across all clients, per second (zero: 20).
	Releases  ReleaseQuoter
	QuoteRate rate.Limit
}

// Handler returns the API's HTTP handler.
func Handler(d Deps) http.Handler {
	gin.SetMode(gin.ReleaseMode)
	if d.ChartRefresh == 0 {
		d.ChartRefresh = 50 * time.Millisecond
	}
	if d.UploadRate == 0 {
		d.UploadRate = rate.Every(defaultUploadEvery)
	}
	if d.UploadBurst == 0 {
		d.UploadBurst = defaultUploadBurst
	}
	if d.KeyRate == 0 {
		d.KeyRate = rate.Every(defaultKeyEvery)
	}
	if d.KeyBurst == 0 {
		d.KeyBurst = defaultKeyBurst
	}
	if d.KeyContractRate == 0 {
		d.KeyContractRate = defaultKeyContractRate
	}
	if d.MaxPendingUploads == 0 {
		d.MaxPendingUploads = defaultMaxPendingUploads
	}
	r := gin.New()
	r.HandleMethodNotAllowed = true
	r.NoMethod(methodNotAllowed)
	m := newMetrics(d.Metrics)
	r.Use(restoreHead, withLogger(d.Logger), requestID, gin.CustomRecovery(recovered), accessLog(d.Logger), m.observe, contentHeaders, corsPolicy(d.CORSOrigins))
	h := &handlers{Deps: d, charts: newChartCache(d.Store, d.ChainID, d.ChartRefresh, d.Logger), uploads: newUploads(d)}
	if err := r.SetTrustedProxies(d.TrustedProxies); err != nil {
		d.Logger.Error("api: trusted proxies", "err", err)
	}
	r.Use(newProxyWarning(d.TrustedProxies, d.Logger).middleware)
	if d.Limits == nil {
		d.Limits = ratelimit.NewClasses(nil, 0)
	}
	m.registry.MustRegister(d.Limits)
	if d.Metrics != nil {
		d.Metrics.MustRegister(d.Limits)
	}
	r.Use(routeLimits(d.Limits))
	si := newSignIn(h)
	r.Use(si.session)
	r.GET("/metrics", gin.WrapH(promhttp.HandlerFor(m.registry, promhttp.HandlerOpts{})))
	r.GET("/healthz", h.healthz)
	r.GET("/readyz", h.readyz)
	r.GET("/status", h.status)
	status := newStatusCollector(h)
	m.registry.MustRegister(status)
	if d.Metrics != nil {
		d.Metrics.MustRegister(status)
	}
	v1 := r.Group("/api/v1")
	v1.GET("/openapi.json", serveOpenAPI)
	v1.GET("/metadata/:hash", h.metadata)
	v1.GET("/charts/:period", h.chart)
	v1.GET("/genres", h.genres)
	v1.GET("/tracks", h.tracks)
	v1.GET("/tracks/:id", h.track)
	v1.GET("/artists/:address", h.artist)
	v1.GET("/accounts/:address", h.account)
	v1.GET("/accounts/:address/earnings", h.earnings)
	v1.GET("/accounts/:address/sales", h.sales(artistSales))
	v1.GET("/accounts/:address/sales.csv", h.salesCSV)
	v1.GET("/accounts/:address/referrals.csv", h.referralsCSV)
	v1.GET("/accounts/:address/distributors", h.distributors)
	v1.GET("/accounts/:address/library", h.library)
	v1.GET("/accounts/:address/collaborations", h.collaborations)
	v1.GET("/accounts/:address/seeds", h.seeds)
	v1.POST("/seeds", seedsPerIP().middleware, h.postSeeds)
	v1.GET("/accounts/:address/purchases", h.sales(accountPurchases))
	v1.GET("/audit/purchases", h.sales(auditFilter))
	v1.PATCH("/tracks/:id/metadata", si.sameOrigin, requireSignIn, h.editMetadata)
	profiles := newAccountLimiter(rate.Every(time.Minute), 10, "too many profile changes from this account; try again later")
	v1.GET("/tracks/:id/supporters", h.supporters)
	v1.GET("/uploads", requireSignIn, h.drafts)
	v1.DELETE("/uploads/:hash", si.sameOrigin, requireSignIn, h.discardDraft)
	v1.GET("/profiles", h.profileByName)
	v1.GET("/profiles/:address", h.profile)
	v1.GET("/profiles/:address/avatar", h.avatar)
	v1.PUT("/profiles/:address", si.sameOrigin, requireSignIn, profiles.middleware, h.putProfile)
	uploads := newAccountLimiter(d.UploadRate, d.UploadBurst, "too many uploads from this account; try again later")
	v1.POST("/uploads", si.sameOrigin, requireSignIn, uploads.middleware, h.upload)
	h.downloads = newDownloads(h)
	h.downloads.routes(v1, si)
	newReleases(h).routes(v1, si)
	signin := v1.Group("/auth", si.enabled, si.sameOrigin)
	signin.POST("/nonce", si.nonces.middleware, si.nonce)
	signin.POST("/verify", si.verifications.middleware, si.verify)
	signin.GET("/session", si.current)
	signin.POST("/logout", si.logout)
	r.NoRoute(func(c *gin.Context) { abort(c, errNoRoute) })
	return engine{r}
}

// engine is the API's router, which answers HEAD requests on GET routes.
type engine struct{ *gin.Engine }

func (e engine) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	headAsGet(e.Engine).ServeHTTP(w, r)
}

type handlers struct {
	Deps
	charts      *chartCache
	downloads   *downloads
	verified    verifiedPackages // package files seen verified, served during a database outage
	statusCache statusCache
	uploads     *uploads.Service // nil when uploads are not configured
}

// MaxHeaderBytes bounds a request's header lines (Go's default is 1 MB): ample for cookies and
// a few byte ranges, while a client sending more (a Range header of 100 000 ranges is 400 KB) is
// answered 431 before the header is even parsed.
const MaxHeaderBytes = 64 << 10

// NewServer returns an HTTP server of the API on addr with sensible timeouts.
func NewServer(addr string, handler http.Handler) *http.Server {
	return &http.Server{Addr: addr, Handler: handler, ReadHeaderTimeout: 10 * time.Second, ReadTimeout: time.Minute,
		WriteTimeout: 5 * time.Minute, IdleTimeout: 2 * time.Minute, MaxHeaderBytes: MaxHeaderBytes}
}

package main

import (
	"log/slog"
	"net/http"
	"path/filepath"
	"time"

	"github.com/prometheus/client_golang/prometheus"

	"github.com/bittunes/bittunes/internal/api"
	"github.com/bittunes/bittunes/internal/config"
	"github.com/bittunes/bittunes/internal/content"
	"github.com/bittunes/bittunes/internal/market"
	"github.com/bittunes/bittunes/internal/ratelimit"
	"github.com/bittunes/bittunes/internal/web"
)

// maxIndexerLag is how many blocks the indexer may be behind the head (beyond --confirmations)
// before the API's /status says it is behind (readiness does not depend on it).
const maxIndexerLag = 20

// newAPIHandler is the API and the pages of every role that serves them (serve, dev), built from
// the configuration and what the role runs against. Both build it here, so a setting reaches one
// only if it reaches the other.
func newAPIHandler(cfg config.Config, b *backend, masterKey []byte, reg prometheus.Registerer) (http.Handler, error) {
	limits := ratelimit.NewClasses(cfg.RateLimits, 0) // one set of buckets for the API and the pages
	return web.Handler(webConfig(cfg, b, limits), api.Handler(apiDeps(cfg, b, masterKey, reg, limits)))
}

// apiDeps are the API's dependencies: every setting of cfg the API uses, and the backend.
func apiDeps(cfg config.Config, b *backend, masterKey []byte, reg prometheus.Registerer, limits *ratelimit.Classes) api.Deps {
	contract := market.NewReader(b.client, cfg.Market)
	return api.Deps{Store: b.store, Chain: b.client, Contract: contract, Owners: contract, Releases: contract,
		ChainID: b.chainID, Market: cfg.Market, Logger: b.log,
		MaxLag: maxIndexerLag, Confirms: cfg.Confirmations,
		Origin: cfg.Origin(), TrustedProxies: cfg.TrustedProxies, MediaDir: cfg.Media(), MasterKey: masterKey,
		TrackerURL: cfg.Swarm.TrackerURL, Metrics: reg, UploadBounds: uploadBounds(cfg), Limits: limits,
		SignInRate: cfg.RateLimits[ratelimit.SignIn].Limit(), SignInBurst: cfg.RateLimits[ratelimit.SignIn].N}
}

// webConfig is what the pages are told: the chain, how wallets reach it, and where to link.
func webConfig(cfg config.Config, b *backend, limits *ratelimit.Classes) web.Config {
	return web.Config{ChainID: b.chainID, ChainName: cfg.ChainName, RPCURL: cfg.WalletRPC, Market: cfg.Market,
		ExplorerURL: cfg.ExplorerURL, MediaDir: cfg.Media(), Logger: b.log,
		Catalog: b.store, People: b.store, Seeds: b.store, Origin: cfg.Origin(), CardDir: filepath.Join(cfg.DataDir, "cards"),
		Limits: limits, TrustedProxies: cfg.TrustedProxies}
}

// connGate is the HTTP server's gate of connections per client address (the load balancers in
// --trusted-proxies are never refused); its refusals are counted on reg.
func connGate(cfg config.Config, reg prometheus.Registerer) *ratelimit.ConnGate {
	g := ratelimit.NewConnGate(ratelimit.ConnGateConfig{Trusted: ratelimit.ParseProxies(cfg.TrustedProxies)})
	reg.MustRegister(g)
	return g
}

// openMedia makes the media folder's subfolders and removes the temporary files a killed server
// left behind.
func openMedia(cfg config.Config, log *slog.Logger) (content.Media, error) {
	media := content.Media{Dir: cfg.Media()}
	if err := media.Init(); err != nil {
		return media, err
	}
	if err := media.RemoveStaleTemp(24 * time.Hour); err != nil {
		log.Warn("media: temporary files left by a killed server", "err", err)
	}
	return media, nil
}

package api

import (
	"net/http"
	"time"

	"github.com/gin-gonic/gin"

	"github.com/bittunes/bittunes/internal/ratelimit"
)

// routeClasses puts every public API route ("METHOD /template") in the class whose budget per
// client it draws from. A HEAD request counts as the GET it mirrors.
var routeClasses = map[string]ratelimit.Class{
	"GET /metrics":                                 ratelimit.API,
	"GET /status":                                  ratelimit.API,
	"GET /api/v1/metadata/:hash":                   ratelimit.API,
	"GET /api/v1/charts/:period":                   ratelimit.API,
	"GET /api/v1/genres":                           ratelimit.API,
	"GET /api/v1/tracks":                           ratelimit.Search,
	"GET /api/v1/tracks/:id":                       ratelimit.API,
	"GET /api/v1/artists/:address":                 ratelimit.API,
	"GET /api/v1/accounts/:address":                ratelimit.API,
	"GET /api/v1/accounts/:address/earnings":       ratelimit.API,
	"GET /api/v1/accounts/:address/sales":          ratelimit.API,
	"GET /api/v1/accounts/:address/sales.csv":      ratelimit.API,
	"GET /api/v1/accounts/:address/referrals.csv":  ratelimit.API,
	"GET /api/v1/accounts/:address/distributors":   ratelimit.API,
	"GET /api/v1/accounts/:address/library":        ratelimit.API,
	"GET /api/v1/accounts/:address/collaborations": ratelimit.API,
	"GET /api/v1/accounts/:address/seeds":          ratelimit.API,
	"GET /api/v1/accounts/:address/purchases":      ratelimit.API,
	"GET /api/v1/audit/purchases":                  ratelimit.API,
	"GET /api/v1/tracks/:id/supporters":            ratelimit.API,
	"GET /api/v1/profiles":                         ratelimit.API,
	"GET /api/v1/profiles/:address":                ratelimit.API,
	"GET /api/v1/profiles/:address/avatar":         ratelimit.Image,
	"GET /api/v1/tracks/:id/torrent":               ratelimit.Media,
	"GET /api/v1/packages/:file":                   ratelimit.Media,
	"HEAD /api/v1/packages/:file":                  ratelimit.Media,
	"GET /api/v1/tracks/:id/preview":               ratelimit.Media,
	"GET /api/v1/tracks/:id/cover":                 ratelimit.Media,
	"GET /api/v1/tracks/:id/audio":                 ratelimit.Media,
	"GET /api/v1/uploads":                          ratelimit.API,
	"DELETE /api/v1/uploads/:hash":                 ratelimit.API,
	"PATCH /api/v1/tracks/:id/metadata":            ratelimit.API,
	"PUT /api/v1/profiles/:address":                ratelimit.API,
	"POST /api/v1/uploads":                         ratelimit.API,
	"GET /api/v1/auth/session":                     ratelimit.API,
	"GET /api/v1/releases/:id":                     ratelimit.API,
	"GET /api/v1/releases/:id/quote":               ratelimit.API,
	"GET /api/v1/artists/:address/releases":        ratelimit.API,
	"POST /api/v1/releases":                        ratelimit.API,
	"GET /api/v1/release-metadata/:draft":          ratelimit.API,
	"PATCH /api/v1/release-metadata/:draft":        ratelimit.API,
	"GET /api/v1/release-metadata/:draft/cover":    ratelimit.Media,
	"POST /api/v1/auth/logout":                     ratelimit.API,
}

// unlimitedRoutes are the public API routes without a class budget, each with the reason.
var unlimitedRoutes = map[string]string{
	"GET /healthz":                "liveness probe: constant answer, no I/O",
	"GET /readyz":                 "the load balancer's probe must never be refused; one database ping",
	"GET /api/v1/openapi.json":    "a constant document from memory",
	"GET /api/v1/announce":        "the tracker limits announces per client itself (swarm.TrackerConfig)",
	"GET /api/v1/scrape":          "the tracker limits scrapes per client itself (swarm.TrackerConfig)",
	"POST /api/v1/tracks/:id/key": "its own buckets per client and per account (KeyRate, KeyBurst)",
	"POST /api/v1/auth/nonce":     "its own bucket per client (SignInRate, SignInBurst)",
	"POST /api/v1/auth/verify":    "its own bucket per client (SignInRate, SignInBurst)",
	"POST /api/v1/seeds":          "its own bucket per client: 6 heartbeats at once, then one per 10 s (seedsPerIP)",
}

// routeLimits draws each request from its route class's bucket of the client, and answers 429
// with Retry-After and the JSON error when that is empty. Routes not in routeClasses (unmatched
// paths, unlimitedRoutes) are not counted.
func routeLimits(classes *ratelimit.Classes) gin.HandlerFunc {
	return func(c *gin.Context) {
		method := c.Request.Method
		class, ok := routeClasses[method+" "+c.FullPath()]
		if !ok && method == http.MethodHead {
			class, ok = routeClasses["GET "+c.FullPath()]
		}
		if ok {
			if allowed, wait := classes.Allow(class, c.ClientIP(), time.Now()); !allowed {
				abort(c, rateLimited("too many requests from this address; try again in a little while", wait))
				return
			}
		}
		c.Next()
	}
}

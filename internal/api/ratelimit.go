package api

import (
	"log/slog"
	"net"
	"strings"
	"sync/atomic"
	"time"

	"github.com/gin-gonic/gin"
	"golang.org/x/time/rate"

	"github.com/bittunes/bittunes/internal/ratelimit"
)

// The default token bucket of the sign-in endpoints, per client IP: 10 requests at once, then one
// every 6 seconds. A sign-in takes two (a nonce, then the verification).
const (
	defaultSignInBurst = 10
	defaultSignInEvery = 6 * time.Second
)

// The default token bucket of uploads, per signed-in account: 10 at once, then one every 6 minutes.
// At most defaultMaxPendingUploads of an account's uploads may wait for their registration.
const (
	defaultUploadBurst       = 10
	defaultUploadEvery       = 6 * time.Minute
	defaultMaxPendingUploads = 20
)

// The default token buckets of key requests, per client IP and per account: 20 at once, then one
// a second; and at most 20 ownership checks a second against the contract, for everyone.
const (
	defaultKeyBurst        = 20
	defaultKeyEvery        = time.Second
	defaultKeyContractRate = 20
)

// ipLimiter is a token bucket per client (a ratelimit.Limiter): per IP (IPv6 clients per /64)
// unless keyOf says otherwise.
type ipLimiter struct {
	*ratelimit.Limiter
	keyOf   func(*gin.Context) string // the client; default its IP
	refusal string                    // the message of a 429
}

func newIPLimiter(limit rate.Limit, burst int) *ipLimiter {
	if limit == 0 {
		limit = rate.Every(defaultSignInEvery)
	}
	if burst <= 0 {
		burst = defaultSignInBurst
	}
	return &ipLimiter{Limiter: ratelimit.New(limit, burst, 0), keyOf: (*gin.Context).ClientIP,
		refusal: "too many sign-in attempts; try again in a little while"}
}

// newAccountLimiter is a token bucket per signed-in account (for routes behind requireSignIn).
func newAccountLimiter(limit rate.Limit, burst int, refusal string) *ipLimiter {
	l := newIPLimiter(limit, burst)
	l.refusal = refusal
	l.keyOf = func(c *gin.Context) string {
		a, _ := signedIn(c)
		return a.Hex()
	}
	return l
}

// allow takes a token from the client's bucket, or says how long until one is there.
func (l *ipLimiter) allow(client string, now time.Time) (bool, time.Duration) {
	return l.Allow(client, now)
}

// clientKey is how a client address is counted (ratelimit.ClientKey).
func clientKey(client string) string { return ratelimit.ClientKey(client) }

// middleware answers 429 Too Many Requests, with Retry-After in whole seconds, to a client whose
// bucket is empty.
func (l *ipLimiter) middleware(c *gin.Context) {
	ok, wait := l.allow(l.keyOf(c), time.Now())
	if !ok {
		abort(c, rateLimited(l.refusal, wait))
		return
	}
	c.Next()
}

// proxyWarning logs once, at the first request that carries X-Forwarded-For from a peer that is
// not one of the trusted proxies: the header is then ignored, so every client behind that
// balancer is counted as the balancer's one IP, and one of them can use up everyone's buckets.
type proxyWarning struct {
	trusted []*net.IPNet
	log     *slog.Logger
	warned  atomic.Bool
}

func newProxyWarning(trusted []string, log *slog.Logger) *proxyWarning {
	p := &proxyWarning{log: log}
	for _, t := range trusted {
		if !strings.Contains(t, "/") {
			if ip := net.ParseIP(t); ip != nil && ip.To4() != nil {
				t += "/32"
			} else {
				t += "/128"
			}
		}
		if _, n, err := net.ParseCIDR(t); err == nil {
			p.trusted = append(p.trusted, n)
		}
	}
	return p
}

func (p *proxyWarning) middleware(c *gin.Context) {
	if !p.warned.Load() && c.Request.Header.Get("X-Forwarded-For") != "" {
		peer := net.ParseIP(c.RemoteIP())
		trusted := false
		for _, n := range p.trusted {
			trusted = trusted || (peer != nil && n.Contains(peer))
		}
		if !trusted && p.warned.CompareAndSwap(false, true) {
			p.log.Warn("api: a request came with X-Forwarded-For from a peer not in --trusted-proxies: "+
				"the header is ignored and every client behind that peer shares its rate limits; "+
				"add the load balancer's address to --trusted-proxies (warned once)", "peer", c.RemoteIP())
		}
	}
	c.Next()
}

// Package ratelimit bounds how often one client may use the server: token buckets per client
// address (an IPv6 client per /64), a bounded number of them per limiter, and named classes of
// routes that share a budget per client. Its buckets live in this process only: each API server
// behind a load balancer keeps its own, so a client may get up to n times its allowance from n
// servers; a limit across the fleet belongs in the load balancer.
package ratelimit

import (
	"net"
	"sync"
	"time"

	"golang.org/x/time/rate"
)

// DefaultMaxClients is how many clients a limiter keeps a bucket for at most. A bucket costs
// about 80 bytes (TestBucketsAreBounded measures it and fails above 400), so a full limiter holds
// about 5 MB, and never more than 26 MB.
const DefaultMaxClients = 1 << 16

// overflow is the key of the one bucket that the clients share while a limiter is full.
const overflow = "(overflow)"

// sweepEvery is how often a limiter forgets the clients whose bucket has refilled; while it is
// full it does so at most once a second (a sweep is a pass over every bucket).
const (
	sweepEvery     = time.Minute
	sweepWhileFull = time.Second
)

// Limiter is a token bucket per client: limit tokens a second, burst at once. It keeps at most
// maxClients buckets: when that many clients have a bucket that has not refilled, the others
// share one more bucket of the same size, so an attacker with many addresses can exhaust that
// shared allowance but never the server's memory, and the clients already known keep theirs.
type Limiter struct {
	limit      rate.Limit
	burst      int
	maxClients int

	mu      sync.Mutex
	buckets map[string]*rate.Limiter
	swept   time.Time
}

// New returns a limiter of limit tokens a second and burst at once per client, keeping at most
// maxClients buckets (0: DefaultMaxClients). rate.Inf turns it off.
func New(limit rate.Limit, burst, maxClients int) *Limiter {
	if maxClients <= 0 {
		maxClients = DefaultMaxClients
	}
	if burst <= 0 {
		burst = 1
	}
	return &Limiter{limit: limit, burst: burst, maxClients: maxClients, buckets: map[string]*rate.Limiter{}}
}

// Allow takes a token from the bucket of client (an address, as ClientKey counts it, or any
// other key such as an account), or says how long until one is there.
func (l *Limiter) Allow(client string, now time.Time) (bool, time.Duration) {
	if l.limit == rate.Inf {
		return true, 0
	}
	key := ClientKey(client)
	l.mu.Lock()
	defer l.mu.Unlock()
	b, ok := l.buckets[key]
	if !ok {
		full := len(l.buckets) >= l.maxClients
		if since := now.Sub(l.swept); since >= sweepEvery || (full && since >= sweepWhileFull) {
			l.forgetFull(now)
			full = len(l.buckets) >= l.maxClients
		}
		if full {
			key = overflow
		}
		if b, ok = l.buckets[key]; !ok {
			b = rate.NewLimiter(l.limit, l.burst)
			l.buckets[key] = b
		}
	}
	r := b.ReserveN(now, 1)
	if !r.OK() {
		return false, time.Minute
	}
	if d := r.DelayFrom(now); d > 0 {
		r.CancelAt(now)
		return false, d
	}
	return true, 0
}

// Clients is how many buckets the limiter holds.
func (l *Limiter) Clients() int {
	l.mu.Lock()
	defer l.mu.Unlock()
	return len(l.buckets)
}

// forgetFull drops the buckets that have refilled: a full bucket is the same as a new one.
func (l *Limiter) forgetFull(now time.Time) {
	for k, b := range l.buckets {
		if b.TokensAt(now) >= float64(l.burst) {
			delete(l.buckets, k)
		}
	}
	l.swept = now
}

// ClientKey is how a client address is counted: an IPv4 address as it is, an IPv6 address by its
// /64, the block one subscriber usually holds. Anything else (an account) is its own key.
func ClientKey(client string) string {
	if ip := net.ParseIP(client); ip != nil && ip.To4() == nil {
		return ip.Mask(net.CIDRMask(64, 128)).String()
	}
	return client
}

// Spent says whether client's bucket is empty, and how long until it holds a token again,
// without taking one (a client without a bucket has not spent anything).
func (l *Limiter) Spent(client string, now time.Time) (bool, time.Duration) {
	if l.limit == rate.Inf {
		return false, 0
	}
	l.mu.Lock()
	defer l.mu.Unlock()
	b, ok := l.buckets[ClientKey(client)]
	if !ok && len(l.buckets) >= l.maxClients {
		b, ok = l.buckets[overflow] // an unknown client of a full limiter is counted there
	}
	if !ok {
		return false, 0
	}
	tokens := b.TokensAt(now)
	if tokens >= 1 {
		return false, 0
	}
	return true, time.Duration((1 - tokens) / float64(l.limit) * float64(time.Second))
}

package ratelimit

import (
	"context"
	"io"
	"net"
	"net/http"
	"net/netip"
	"strconv"
	"sync"
	"sync/atomic"
	"time"

	"github.com/prometheus/client_golang/prometheus"
	"golang.org/x/time/rate"
)

// ConnGate bounds what one client address can make the HTTP server do before any handler runs,
// where the route limits cannot reach: reading and parsing a request's header. It counts a
// client's bad connections (ones that sent bytes but never got a request to a handler: a header
// over the server's cap, answered 431; a malformed request, 400; a header left unfinished until
// the timeout) against a token bucket, and while that bucket is empty it refuses the client's new
// connections as they are accepted, before reading a byte: each is held open for a moment (so a
// client that reconnects in a loop waits) and answered 429, or closed at once when many are
// already held. It also caps the connections one client holds open. Connections from the trusted
// proxies (the load balancer, which carries many clients) are never refused.
type ConnGate struct {
	cfg ConnGateConfig
	bad *Limiter

	mu   sync.Mutex
	open map[string]int // client → connections open; a client leaves the map with its last one

	held                              atomic.Int64
	badConns, refusedBad, refusedOpen atomic.Uint64
}

// ConnGateConfig configures a ConnGate; zero values take the defaults.
type ConnGateConfig struct {
	// BadBurst bad connections are allowed at once, then one every BadEvery (30, 2 s).
	BadBurst int
	BadEvery time.Duration
	// MaxOpen is how many connections one client may hold open (256).
	MaxOpen int
	// Hold is how long a refused connection is held before its 429 (2 s); at most MaxHeld
	// connections are held at a time (1024), beyond which refused ones are closed at once.
	Hold    time.Duration
	MaxHeld int
	// Trusted are the load balancers, never refused.
	Trusted Proxies
}

// NewConnGate returns a gate with cfg's bounds.
func NewConnGate(cfg ConnGateConfig) *ConnGate {
	if cfg.BadBurst <= 0 {
		cfg.BadBurst = 30
	}
	if cfg.BadEvery <= 0 {
		cfg.BadEvery = 2 * time.Second
	}
	if cfg.MaxOpen <= 0 {
		cfg.MaxOpen = 256
	}
	if cfg.Hold <= 0 {
		cfg.Hold = 2 * time.Second
	}
	if cfg.MaxHeld <= 0 {
		cfg.MaxHeld = 1024
	}
	return &ConnGate{cfg: cfg, bad: New(rate.Every(cfg.BadEvery), cfg.BadBurst, 0), open: map[string]int{}}
}

// Listener returns inner with the gate at its Accept.
func (g *ConnGate) Listener(inner net.Listener) net.Listener {
	return &gatedListener{Listener: inner, g: g}
}

// Server sets srv up for the gate: the connection is in each request's context, so that the
// gate knows which connections reached a handler. Serve srv on Listener.
func (g *ConnGate) Server(srv *http.Server) *http.Server {
	next := srv.Handler
	srv.ConnContext = func(ctx context.Context, c net.Conn) context.Context {
		if gc, ok := c.(*gatedConn); ok {
			return context.WithValue(ctx, gatedConnKey{}, gc)
		}
		return ctx
	}
	srv.Handler = http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if gc, ok := r.Context().Value(gatedConnKey{}).(*gatedConn); ok {
			gc.served.Store(true)
			// What the connection reads after this request is the next request's, which must
			// reach a handler in turn: a valid request first does not excuse a bad one after it.
			defer func() { gc.read.Store(false); gc.served.Store(false) }()
		}
		next.ServeHTTP(w, r)
	})
	return srv
}

type gatedConnKey struct{}

type gatedListener struct {
	net.Listener
	g *ConnGate
}

func (l *gatedListener) Accept() (net.Conn, error) {
	for {
		c, err := l.Listener.Accept()
		if err != nil {
			return nil, err
		}
		if gc := l.g.admit(c, time.Now()); gc != nil {
			return gc, nil
		}
	}
}

// admit decides on an accepted connection: a gatedConn to serve, or nil once it is refused.
func (g *ConnGate) admit(c net.Conn, now time.Time) net.Conn {
	ip, ok := peerAddr(c)
	if !ok || g.cfg.Trusted.trusted(ip) {
		return c
	}
	key := ClientKey(ip.Unmap().String())
	if spent, wait := g.bad.Spent(key, now); spent {
		g.refusedBad.Add(1)
		g.refuse(c, wait)
		return nil
	}
	g.mu.Lock()
	if g.open[key] >= g.cfg.MaxOpen {
		g.mu.Unlock()
		g.refusedOpen.Add(1)
		g.refuse(c, time.Second)
		return nil
	}
	g.open[key]++
	g.mu.Unlock()
	return &gatedConn{Conn: c, g: g, key: key}
}

// refuse holds c for a moment and answers 429 without reading anything, or closes it at once
// when many refused connections are held already.
func (g *ConnGate) refuse(c net.Conn, wait time.Duration) {
	if g.held.Add(1) > int64(g.cfg.MaxHeld) {
		g.held.Add(-1)
		c.Close()
		return
	}
	go func() {
		defer g.held.Add(-1)
		defer c.Close()
		time.Sleep(g.cfg.Hold)
		_ = c.SetWriteDeadline(time.Now().Add(time.Second))
		secs := strconv.FormatInt(int64((wait+time.Second-1)/time.Second), 10)
		_, _ = c.Write([]byte("HTTP/1.1 429 Too Many Requests\r\nRetry-After: " + secs +
			"\r\nContent-Length: 0\r\nConnection: close\r\n\r\n"))
	}()
}

func peerAddr(c net.Conn) (netip.Addr, bool) {
	if a, ok := c.RemoteAddr().(*net.TCPAddr); ok {
		ip, ok := netip.AddrFromSlice(a.IP)
		return ip.Unmap(), ok
	}
	ap, err := netip.ParseAddrPort(c.RemoteAddr().String())
	return ap.Addr().Unmap(), err == nil
}

// gatedConn is an admitted connection: it knows whether it read anything since its last request
// left a handler, and whether a request is in a handler now, and tells the gate when it closes.
type gatedConn struct {
	net.Conn
	g              *ConnGate
	key            string
	read, served   atomic.Bool
	closed, judged sync.Once
}

func (c *gatedConn) Read(p []byte) (int, error) {
	n, err := c.Conn.Read(p)
	if n > 0 {
		c.read.Store(true)
	}
	return n, err
}

// CloseWrite half-closes the connection, as net/http does before closing after an error answer
// (so that the client reads the answer before a reset).
func (c *gatedConn) CloseWrite() error {
	c.judge() // net/http waits a while before it closes: judge the connection now
	if cw, ok := c.Conn.(interface{ CloseWrite() error }); ok {
		return cw.CloseWrite()
	}
	return nil
}

// ReadFrom lets net/http send files with the connection's own ReadFrom (sendfile on TCP).
func (c *gatedConn) ReadFrom(r io.Reader) (int64, error) { return io.Copy(c.Conn, r) }

func (c *gatedConn) Close() error {
	c.judge()
	c.closed.Do(func() {
		g := c.g
		g.mu.Lock()
		if g.open[c.key]--; g.open[c.key] <= 0 {
			delete(g.open, c.key)
		}
		g.mu.Unlock()
	})
	return c.Conn.Close()
}

// judge counts the connection as bad, once, if it read bytes that no handler got as a request.
func (c *gatedConn) judge() {
	c.judged.Do(func() {
		if c.read.Load() && !c.served.Load() {
			c.g.badConns.Add(1)
			c.g.bad.Allow(c.key, time.Now())
		}
	})
}

// BadConnections is how many bad connections the gate has seen (0 for a nil gate).
func (g *ConnGate) BadConnections() uint64 {
	if g == nil {
		return 0
	}
	return g.badConns.Load()
}

var (
	badConnsDesc = prometheus.NewDesc("bittunes_http_bad_connections_total",
		"Connections that sent bytes but no request a handler saw (a header over the cap, a malformed or unfinished request).", nil, nil)
	refusedConnsDesc = prometheus.NewDesc("bittunes_http_connections_refused_total",
		"Connections refused as they were accepted: reason bad_requests (the client's bad connections were over budget) or too_many_open.", []string{"reason"}, nil)
)

// Describe implements prometheus.Collector.
func (g *ConnGate) Describe(ch chan<- *prometheus.Desc) { ch <- badConnsDesc; ch <- refusedConnsDesc }

// Collect implements prometheus.Collector.
func (g *ConnGate) Collect(ch chan<- prometheus.Metric) {
	ch <- prometheus.MustNewConstMetric(badConnsDesc, prometheus.CounterValue, float64(g.badConns.Load()))
	ch <- prometheus.MustNewConstMetric(refusedConnsDesc, prometheus.CounterValue, float64(g.refusedBad.Load()), "bad_requests")
	ch <- prometheus.MustNewConstMetric(refusedConnsDesc, prometheus.CounterValue, float64(g.refusedOpen.Load()), "too_many_open")
}

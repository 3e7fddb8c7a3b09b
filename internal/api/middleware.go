package api

import (
	"crypto/rand"
	"encoding/hex"
	"log/slog"
	"regexp"
	"strconv"
	"time"

	"github.com/gin-contrib/cors"
	"github.com/gin-gonic/gin"
	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/collectors"
)

// requestIDHeader carries a request's id; a client's own id is kept when it looks like one.
const requestIDHeader = "X-Request-ID"

var requestIDPattern = regexp.MustCompile(`^[A-Za-z0-9._-]{8,64}$`)

// requestID gives every request an id, echoed in the response and in its log line.
func requestID(c *gin.Context) {
	id := c.GetHeader(requestIDHeader)
	if !requestIDPattern.MatchString(id) {
		var b [12]byte
		_, _ = rand.Read(b[:])
		id = hex.EncodeToString(b[:])
	}
	c.Set(requestIDHeader, id)
	c.Header(requestIDHeader, id)
	c.Next()
}

// debugRoutes are logged at debug level: every peer of every torrent announces to the tracker
// every few minutes, which at info would bury everything else.
var debugRoutes = map[string]bool{"/api/v1/announce": true}

// accessLog writes one structured line per request: at error for a 5xx, at debug for the
// debugRoutes, else at info.
func accessLog(log *slog.Logger) gin.HandlerFunc {
	return func(c *gin.Context) {
		start := time.Now()
		c.Next()
		level := slog.LevelInfo
		switch {
		case c.Writer.Status() >= 500:
			level = slog.LevelError
		case debugRoutes[c.FullPath()]:
			level = slog.LevelDebug
		}
		log.Log(c.Request.Context(), level, "http", "method", c.Request.Method, "route", c.FullPath(),
			"status", c.Writer.Status(), "duration_ms", float64(time.Since(start).Microseconds())/1000,
			"bytes", c.Writer.Size(), "request_id", c.GetString(requestIDHeader))
	}
}

// metrics are the API's Prometheus metrics, served at /metrics.
type metrics struct {
	registry *prometheus.Registry
	requests *prometheus.CounterVec
	duration *prometheus.HistogramVec
}

// newMetrics makes the API's metrics, also registered with also when it is not nil.
func newMetrics(also prometheus.Registerer) *metrics {
	m := &metrics{
		registry: prometheus.NewRegistry(),
		requests: prometheus.NewCounterVec(prometheus.CounterOpts{Name: "bittunes_http_requests_total",
			Help: "HTTP requests by route, method and status."}, []string{"route", "method", "status"}),
		duration: prometheus.NewHistogramVec(prometheus.HistogramOpts{Name: "bittunes_http_request_duration_seconds",
			Help: "HTTP request latency by route.", Buckets: []float64{.0005, .001, .0025, .005, .01, .025, .05, .1, .25, .5, 1, 2.5}},
			[]string{"route"}),
	}
	m.registry.MustRegister(m.requests, m.duration, collectors.NewGoCollector(), collectors.NewProcessCollector(collectors.ProcessCollectorOpts{}))
	if also != nil {
		also.MustRegister(m.requests, m.duration)
	}
	return m
}

func (m *metrics) observe(c *gin.Context) {
	start := time.Now()
	c.Next()
	route := c.FullPath()
	if route == "" {
		route = "unmatched" // never label by raw path: unbounded cardinality
	}
	m.requests.WithLabelValues(route, methodLabel(c.Request.Method), statusLabel(c.Writer.Status())).Inc()
	m.duration.WithLabelValues(route).Observe(time.Since(start).Seconds())
}

// Every label has a bounded set of values: route is a route template or "unmatched", method one
// of the methods below or "other" (a client may send any token as its method), status a code
// from 100 to 599 or "other".
var knownMethods = map[string]bool{
	"GET": true, "HEAD": true, "POST": true, "PUT": true, "PATCH": true, "DELETE": true, "OPTIONS": true,
}

func methodLabel(m string) string {
	if knownMethods[m] {
		return m
	}
	return "other"
}

func statusLabel(code int) string {
	if code < 100 || code > 599 {
		return "other"
	}
	return strconv.Itoa(code)
}

// corsPolicy lets the listed origins (the market's own pages if served elsewhere, wallets' dapp
// browsers) call the API with the session cookie; with none listed, only same-origin pages can.
func corsPolicy(origins []string) gin.HandlerFunc {
	if len(origins) == 0 {
		return func(c *gin.Context) { c.Next() }
	}
	return cors.New(cors.Config{
		AllowOrigins:     origins,
		AllowMethods:     []string{"GET", "POST", "PATCH", "DELETE", "OPTIONS"},
		AllowHeaders:     []string{"Content-Type", requestIDHeader},
		ExposeHeaders:    []string{requestIDHeader, "Retry-After"},
		AllowCredentials: true,
		MaxAge:           10 * time.Minute,
	})
}

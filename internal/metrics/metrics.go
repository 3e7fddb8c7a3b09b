// Package metrics is the Prometheus side of the production roles: a registry with the Go runtime,
// process and database-pool collectors, and the private listener (--metrics-addr) that serves it,
// apart from the public API port, together with a role's health endpoints.
package metrics

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"log/slog"
	"net"
	"net/http"
	"time"

	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/collectors"
	"github.com/prometheus/client_golang/prometheus/promhttp"
)

// NewRegistry returns a registry holding the Go runtime's and the process's collectors.
func NewRegistry() *prometheus.Registry {
	reg := prometheus.NewRegistry()
	reg.MustRegister(collectors.NewGoCollector(), collectors.NewProcessCollector(collectors.ProcessCollectorOpts{}))
	return reg
}

// Mux serves the registry's metrics at /metrics and the given handlers at their paths.
func Mux(reg prometheus.Gatherer, routes map[string]http.Handler) *http.ServeMux {
	mux := http.NewServeMux()
	mux.Handle("GET /metrics", promhttp.HandlerFor(reg, promhttp.HandlerOpts{}))
	for path, h := range routes {
		mux.Handle("GET "+path, h)
	}
	return mux
}

// Listen serves handler on addr until ctx ends. It returns once the listener is bound, with the
// address it is bound to, or the error binding it.
func Listen(ctx context.Context, addr string, handler http.Handler, log *slog.Logger) (net.Addr, error) {
	l, err := net.Listen("tcp", addr)
	if err != nil {
		return nil, fmt.Errorf("metrics listener %s: %w", addr, err)
	}
	srv := &http.Server{Handler: handler, ReadHeaderTimeout: 5 * time.Second, ReadTimeout: 10 * time.Second, WriteTimeout: 30 * time.Second}
	go func() {
		if err := srv.Serve(l); err != nil && !errors.Is(err, http.ErrServerClosed) {
			log.Error("metrics: listener stopped", "addr", addr, "err", err)
		}
	}()
	go func() {
		<-ctx.Done()
		shutdown, cancel := context.WithTimeout(context.Background(), 5*time.Second)
		defer cancel()
		_ = srv.Shutdown(shutdown)
	}()
	log.Info("metrics: listening", "addr", l.Addr().String())
	return l.Addr(), nil
}

// dbStats exports a database pool's statistics, under the names of client_golang's
// collectors.NewDBStatsCollector, from a function rather than a *sql.DB, which the store keeps
// to itself.
type dbStats struct {
	stats                                                                                          func() sql.DBStats
	maxOpen, open, inUse, idle, waitCount, waitSeconds, closedIdle, closedIdleTime, closedLifetime *prometheus.Desc
}

// NewDBStatsCollector exports stats (a database pool's Stats) labelled db_name=name.
func NewDBStatsCollector(name string, stats func() sql.DBStats) prometheus.Collector {
	labels := prometheus.Labels{"db_name": name}
	desc := func(metric, help string) *prometheus.Desc {
		return prometheus.NewDesc("go_sql_"+metric, help, nil, labels)
	}
	return &dbStats{
		stats:          stats,
		maxOpen:        desc("max_open_connections", "Maximum number of open connections to the database."),
		open:           desc("open_connections", "The number of established connections both in use and idle."),
		inUse:          desc("in_use_connections", "The number of connections currently in use."),
		idle:           desc("idle_connections", "The number of idle connections."),
		waitCount:      desc("wait_count_total", "The total number of connections waited for."),
		waitSeconds:    desc("wait_duration_seconds_total", "The total time blocked waiting for a new connection."),
		closedIdle:     desc("max_idle_closed_total", "The total number of connections closed due to SetMaxIdleConns."),
		closedIdleTime: desc("max_idle_time_closed_total", "The total number of connections closed due to SetConnMaxIdleTime."),
		closedLifetime: desc("max_lifetime_closed_total", "The total number of connections closed due to SetConnMaxLifetime."),
	}
}

func (c *dbStats) Describe(ch chan<- *prometheus.Desc) { prometheus.DescribeByCollect(c, ch) }

func (c *dbStats) Collect(ch chan<- prometheus.Metric) {
	s := c.stats()
	gauge := func(d *prometheus.Desc, v float64) { ch <- prometheus.MustNewConstMetric(d, prometheus.GaugeValue, v) }
	counter := func(d *prometheus.Desc, v float64) {
		ch <- prometheus.MustNewConstMetric(d, prometheus.CounterValue, v)
	}
	gauge(c.maxOpen, float64(s.MaxOpenConnections))
	gauge(c.open, float64(s.OpenConnections))
	gauge(c.inUse, float64(s.InUse))
	gauge(c.idle, float64(s.Idle))
	counter(c.waitCount, float64(s.WaitCount))
	counter(c.waitSeconds, s.WaitDuration.Seconds())
	counter(c.closedIdle, float64(s.MaxIdleClosed))
	counter(c.closedIdleTime, float64(s.MaxIdleTimeClosed))
	counter(c.closedLifetime, float64(s.MaxLifetimeClosed))
}

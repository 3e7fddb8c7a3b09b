package main

import (
	"context"
	"database/sql"
	"log/slog"
	"net"
	"net/http"

	"github.com/prometheus/client_golang/prometheus"

	"github.com/bittunes/bittunes/internal/metrics"
)

// privateMetrics is the registry of a production role (serve, index): the Go runtime, the process
// and the database pool's statistics, plus what role adds to it (its own metrics, and the routes
// it serves beside /metrics). With addr set, the registry and those routes are served there, apart
// from the public API port; the address bound is returned (nil without addr).
func privateMetrics(ctx context.Context, addr string, pool func() sql.DBStats, log *slog.Logger,
	role func(reg *prometheus.Registry) map[string]http.Handler) (*prometheus.Registry, net.Addr, error) {
	reg := metrics.NewRegistry()
	reg.MustRegister(metrics.NewDBStatsCollector("bittunes", pool))
	var routes map[string]http.Handler
	if role != nil {
		routes = role(reg)
	}
	if addr == "" {
		return reg, nil, nil
	}
	bound, err := metrics.Listen(ctx, addr, metrics.Mux(reg, routes), log)
	if err != nil {
		return nil, nil, err
	}
	return reg, bound, nil
}

package main

import (
	"bufio"
	"context"
	"io"
	"log/slog"
	"net"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/testutil"

	"github.com/bittunes/bittunes/internal/api"
	"github.com/bittunes/bittunes/internal/config"
)

// TestServeHTTPRunsTheConnectionGate: the HTTP server of serve and dev counts only connections
// that never reached a handler against a client (ordinary requests, however many, are not), and
// refuses the client at accept once those are over budget.
func TestServeHTTPRunsTheConnectionGate(t *testing.T) {
	addr := "127.0.0.1:" + freePort(t)
	reg := prometheus.NewRegistry()
	gate := connGate(config.Default(), reg)
	ok := http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) { io.WriteString(w, "ok") })
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- serveHTTP(ctx, api.NewServer(addr, ok), gate, slog.New(slog.DiscardHandler)) }()
	t.Cleanup(func() { cancel(); <-done })
	status := func(raw string) string {
		var c net.Conn
		var err error
		for range 100 {
			if c, err = net.Dial("tcp", addr); err == nil {
				break
			}
			time.Sleep(20 * time.Millisecond)
		}
		if err != nil {
			t.Fatal(err)
		}
		defer c.Close()
		_ = c.SetDeadline(time.Now().Add(10 * time.Second))
		go io.WriteString(c, raw)
		line, _ := bufio.NewReader(c).ReadString('\n')
		return strings.TrimSpace(line)
	}
	for i := range 50 {
		if got := status("GET / HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n"); !strings.Contains(got, " 200 ") {
			t.Fatalf("ordinary request %d: %q", i+1, got)
		}
	}
	huge := "GET / HTTP/1.1\r\nHost: x\r\nRange: bytes=" + strings.Repeat("0-0,", api.MaxHeaderBytes/2) + "0-0\r\n\r\n"
	refused := false
	for range 40 { // the default budget is 30 bad connections
		got := status(huge)
		if strings.Contains(got, " 429 ") {
			refused = true
			break
		}
	}
	if !refused {
		t.Fatal("40 oversized headers in a row were all read: the gate is not in front of the server")
	}
	if n, err := testutil.GatherAndCount(reg, "bittunes_http_connections_refused_total"); err != nil || n == 0 {
		t.Fatalf("the gate's metrics are not registered: %d series, %v", n, err)
	}
}

package ratelimit

import (
	"bufio"
	"io"
	"net"
	"net/http"
	"strings"
	"testing"
	"time"
)

// serveGated serves a 200 on a loopback port behind a gate, with a 4 KiB header cap.
func serveGated(t *testing.T, cfg ConnGateConfig) (*ConnGate, string) {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	g := NewConnGate(cfg)
	srv := g.Server(&http.Server{MaxHeaderBytes: 4 << 10, ReadHeaderTimeout: 5 * time.Second,
		Handler: http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) { io.WriteString(w, "ok") })})
	go srv.Serve(g.Listener(ln))
	t.Cleanup(func() { srv.Close() })
	return g, ln.Addr().String()
}

// send writes raw on a new connection from local (an address of the loopback network) and
// returns the answer's status line ("" when the server closed without one).
func send(t *testing.T, local, addr, raw string) string {
	t.Helper()
	d := net.Dialer{LocalAddr: &net.TCPAddr{IP: net.ParseIP(local)}, Timeout: 5 * time.Second}
	c, err := d.Dial("tcp", addr)
	if err != nil {
		t.Skipf("cannot dial from %s: %v", local, err)
	}
	defer c.Close()
	_ = c.SetDeadline(time.Now().Add(10 * time.Second))
	go io.WriteString(c, raw)
	line, _ := bufio.NewReader(c).ReadString('\n')
	return strings.TrimSpace(line)
}

var hugeHeader = "GET / HTTP/1.1\r\nHost: x\r\nRange: bytes=" + strings.Repeat("0-0,", 10_000) + "0-0\r\n\r\n"

// A client whose headers are over the cap again and again is refused at accept once its budget
// of bad connections is spent: answered 429 without its header being read. Another client, and
// the same client's well-formed requests before that, are served.
func TestBadConnectionsGetTheClientRefusedAtAccept(t *testing.T) {
	g, addr := serveGated(t, ConnGateConfig{BadBurst: 3, BadEvery: time.Hour, Hold: 10 * time.Millisecond})
	for range 5 {
		if got := send(t, "127.0.0.1", addr, "GET / HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n"); !strings.Contains(got, " 200 ") {
			t.Fatalf("a good request: %q", got)
		}
	}
	for i := range 3 {
		if got := send(t, "127.0.0.1", addr, hugeHeader); !strings.Contains(got, " 431 ") {
			t.Fatalf("oversized header %d within the budget: %q, want 431 from net/http", i+1, got)
		}
	}
	waitFor(t, func() bool { return g.badConns.Load() == 3 })
	if got := send(t, "127.0.0.1", addr, hugeHeader); !strings.Contains(got, " 429 ") {
		t.Fatalf("oversized header beyond the budget: %q, want the gate's 429", got)
	}
	if got := send(t, "127.0.0.1", addr, "GET / HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n"); !strings.Contains(got, " 429 ") {
		t.Fatalf("the refused client's next request: %q, want 429 until its budget refills", got)
	}
	if got := send(t, "127.0.0.2", addr, "GET / HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n"); !strings.Contains(got, " 200 ") {
		t.Fatalf("another client: %q, want 200", got)
	}
	if g.refusedBad.Load() != 2 {
		t.Fatalf("%d refusals counted, want 2", g.refusedBad.Load())
	}
}

// Requests served on a kept-alive connection, and connections closed before sending anything
// (a browser's preconnect), are not bad.
func TestServedAndSilentConnectionsAreNotBad(t *testing.T) {
	g, addr := serveGated(t, ConnGateConfig{BadBurst: 1, BadEvery: time.Hour})
	c, err := net.Dial("tcp", addr)
	if err != nil {
		t.Fatal(err)
	}
	r := bufio.NewReader(c)
	for range 10 {
		io.WriteString(c, "GET / HTTP/1.1\r\nHost: x\r\n\r\n")
		resp, err := http.ReadResponse(r, nil)
		if err != nil || resp.StatusCode != 200 {
			t.Fatalf("kept-alive request: %v %v", resp, err)
		}
		io.Copy(io.Discard, resp.Body)
	}
	c.Close()
	for range 5 {
		s, err := net.Dial("tcp", addr)
		if err != nil {
			t.Fatal(err)
		}
		s.Close()
	}
	time.Sleep(50 * time.Millisecond)
	if n := g.badConns.Load(); n != 0 {
		t.Fatalf("%d bad connections counted, want 0", n)
	}
	if got := send(t, "127.0.0.1", addr, "GET / HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n"); !strings.Contains(got, " 200 ") {
		t.Fatalf("%q, want 200", got)
	}
}

// One client holds at most MaxOpen connections; the load balancer (a trusted proxy) any number.
func TestOpenConnectionsPerClientAreCapped(t *testing.T) {
	g, addr := serveGated(t, ConnGateConfig{MaxOpen: 2, Hold: 10 * time.Millisecond, Trusted: ParseProxies([]string{"127.0.0.3"})})
	var keep []net.Conn
	for range 2 {
		c, err := net.Dial("tcp", addr)
		if err != nil {
			t.Fatal(err)
		}
		keep = append(keep, c)
	}
	defer func() {
		for _, c := range keep {
			c.Close()
		}
	}()
	waitFor(t, func() bool { g.mu.Lock(); defer g.mu.Unlock(); return g.open["127.0.0.1"] == 2 })
	if got := send(t, "127.0.0.1", addr, "GET / HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n"); !strings.Contains(got, " 429 ") {
		t.Fatalf("a third connection: %q, want 429", got)
	}
	for range 3 {
		d := net.Dialer{LocalAddr: &net.TCPAddr{IP: net.ParseIP("127.0.0.3")}}
		c, err := d.Dial("tcp", addr)
		if err != nil {
			t.Skipf("cannot dial from 127.0.0.3: %v", err)
		}
		keep = append(keep, c)
	}
	if got := send(t, "127.0.0.3", addr, "GET / HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n"); !strings.Contains(got, " 200 ") {
		t.Fatalf("the trusted proxy's fourth connection: %q, want 200", got)
	}
	if g.refusedOpen.Load() != 1 {
		t.Fatalf("%d refusals for too many open connections, want 1", g.refusedOpen.Load())
	}
}

func waitFor(t *testing.T, cond func() bool) {
	t.Helper()
	deadline := time.Now().Add(5 * time.Second)
	for !cond() {
		if time.Now().After(deadline) {
			t.Fatal("timed out waiting")
		}
		time.Sleep(5 * time.Millisecond)
	}
}

// A valid request on a connection does not excuse an oversized one after it on the same
// connection.
func TestABadRequestAfterAGoodOneIsBad(t *testing.T) {
	g, addr := serveGated(t, ConnGateConfig{BadBurst: 1, BadEvery: time.Hour})
	got := send(t, "127.0.0.1", addr, "GET / HTTP/1.1\r\nHost: x\r\n\r\n"+hugeHeader)
	if !strings.Contains(got, " 200 ") {
		t.Fatalf("the first request: %q", got)
	}
	waitFor(t, func() bool { return g.badConns.Load() == 1 })
}

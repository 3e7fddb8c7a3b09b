package tcpproxy_test

import (
	"bufio"
	"io"
	"net"
	"testing"
	"time"

	"github.com/bittunes/bittunes/internal/tooling/tcpproxy"
)

// echo serves lines back.
func echo(t *testing.T) string {
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { l.Close() })
	go func() {
		for {
			c, err := l.Accept()
			if err != nil {
				return
			}
			go func() { io.Copy(c, c); c.Close() }()
		}
	}()
	return l.Addr().String()
}

func roundTrip(c net.Conn) error {
	c.SetDeadline(time.Now().Add(2 * time.Second))
	if _, err := c.Write([]byte("ping\n")); err != nil {
		return err
	}
	_, err := bufio.NewReader(c).ReadString('\n')
	return err
}

func TestCutDownAndUp(t *testing.T) {
	p, err := tcpproxy.Start(echo(t))
	if err != nil {
		t.Fatal(err)
	}
	defer p.Close()
	c, err := net.Dial("tcp", p.Addr())
	if err != nil {
		t.Fatal(err)
	}
	if err := roundTrip(c); err != nil {
		t.Fatalf("through the proxy: %v", err)
	}
	p.Cut()
	if err := roundTrip(c); err == nil {
		t.Fatal("a cut connection still works")
	}
	c2, err := net.Dial("tcp", p.Addr())
	if err != nil {
		t.Fatalf("after Cut, a new connection: %v", err)
	}
	if err := roundTrip(c2); err != nil {
		t.Fatalf("a new connection after Cut: %v", err)
	}
	p.Down()
	if err := roundTrip(c2); err == nil {
		t.Fatal("a connection survived Down")
	}
	if c3, err := net.Dial("tcp", p.Addr()); err == nil {
		if roundTrip(c3) == nil {
			t.Fatal("the proxy serves while down")
		}
	}
	if err := p.Up(); err != nil {
		t.Fatal(err)
	}
	c4, err := net.Dial("tcp", p.Addr())
	if err != nil {
		t.Fatal(err)
	}
	if err := roundTrip(c4); err != nil {
		t.Fatalf("after Up: %v", err)
	}
}

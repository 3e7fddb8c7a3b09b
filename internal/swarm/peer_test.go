package swarm_test

import (
	"bufio"
	"bytes"
	"encoding/binary"
	"io"
	"net"
	"testing"
	"time"
)

// TestAnIdleConnectionWakesWithinSeconds: a connection with nothing to send wakes its writer about
// every second: the seeder sends a keep-alive to an interested peer that asks for nothing. That
// wake is what undoes a wakeup that anacrolix/torrent v1.58.1 can lose (see writerWakeEvery),
// which stalled a fetch for the library's default of a minute. The deadline is a third of that
// minute and twenty times the wake period, so neither a fast nor a loaded machine decides it.
func TestAnIdleConnectionWakesWithinSeconds(t *testing.T) {
	o := newOrigin(t, 1<<20)
	o.startSeeder(t)
	ih := o.torrent(t).HashInfoBytes()

	conn, err := net.Dial("tcp", o.seeder.Addr())
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	// BEP 3 handshake without extensions, then "interested".
	var hs bytes.Buffer
	hs.WriteByte(19)
	hs.WriteString("BitTorrent protocol")
	hs.Write(make([]byte, 8))
	hs.Write(ih[:])
	hs.WriteString("-XX0001-idle-peer-01")
	hs.Write([]byte{0, 0, 0, 1, 2})
	if _, err := conn.Write(hs.Bytes()); err != nil {
		t.Fatal(err)
	}
	conn.SetReadDeadline(time.Now().Add(20 * time.Second))
	r := bufio.NewReader(conn)
	answer := make([]byte, 68)
	if _, err := io.ReadFull(r, answer); err != nil {
		t.Fatalf("the seeder's handshake: %v", err)
	}
	if !bytes.Equal(answer[28:48], ih[:]) {
		t.Fatalf("the seeder answered for info hash %x", answer[28:48])
	}
	var got []byte // the ids of the messages before the keep-alive
	for {
		var n uint32
		if err := binary.Read(r, binary.BigEndian, &n); err != nil {
			t.Fatalf("no keep-alive from the seeder within 20 s (messages before: %v): %v", got, err)
		}
		if n == 0 {
			break
		}
		msg := make([]byte, n)
		if _, err := io.ReadFull(r, msg); err != nil {
			t.Fatal(err)
		}
		got = append(got, msg[0])
	}
	if !bytes.Contains(got, []byte{1}) {
		t.Errorf("messages before the keep-alive %v: want an unchoke (1) for the interested peer", got)
	}
}

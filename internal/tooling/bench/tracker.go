package bench

import (
	"context"
	"crypto/rand"
	"encoding/binary"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"net/netip"
	"net/url"
	"path/filepath"
	"runtime"
	"strings"

	"github.com/bittunes/bittunes/internal/store"
	"github.com/bittunes/bittunes/internal/swarm"
)

// benchTrackerHeap sends n announces of random info hashes, from as many random addresses, to a
// tracker with its default limits over a fresh SQLite database, and prints how much the live heap
// grew (not scaled: the tracker's memory is bounded, not proportional; the name's figure is n =
// 100 000, the default):
//
//	tracker_heap_per_100k_random_announces  MB of heap still in use after a GC
func benchTrackerHeap(ctx context.Context, dir string, n int, out io.Writer) error {
	st, err := store.Open(ctx, "sqlite:"+filepath.Join(dir, "tracker.db"))
	if err != nil {
		return err
	}
	defer st.Close()
	tr := swarm.NewTracker(swarm.TrackerConfig{Peers: st})
	var ih, id [20]byte
	rand.Read(id[:])
	var ip [4]byte
	refused := 0
	heapBefore := liveHeap()
	for i := range n {
		if ctx.Err() != nil {
			return ctx.Err()
		}
		rand.Read(ih[:])
		binary.BigEndian.PutUint32(ip[:], 0x0a000000|uint32(i)) // 10.x.y.z, a new client each time
		q := "info_hash=" + url.QueryEscape(string(ih[:])) + "&peer_id=" + url.QueryEscape(string(id[:])) + "&port=6881&left=0&compact=1"
		req := httptest.NewRequest(http.MethodGet, "/api/v1/announce?"+q, nil)
		req = req.WithContext(swarm.WithClientAddr(ctx, netip.AddrFrom4(ip)))
		rec := httptest.NewRecorder()
		tr.ServeHTTP(rec, req)
		if strings.Contains(rec.Body.String(), "failure reason") {
			refused++
		}
	}
	grew := max(liveHeap()-heapBefore, 0)
	runtime.KeepAlive(tr) // measured alive, with what it holds
	if refused != n {
		return fmt.Errorf("tracker: %d of %d random info hashes were accepted", n-refused, n)
	}
	fmt.Fprintf(out, "BENCH tracker_heap_per_100k_random_announces %.2f MB\n", float64(grew)/1e6)
	return nil
}

func liveHeap() int64 {
	runtime.GC()
	var m runtime.MemStats
	runtime.ReadMemStats(&m)
	return int64(m.HeapAlloc)
}

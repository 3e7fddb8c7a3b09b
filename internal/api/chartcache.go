package api

import (
	"bytes"
	"compress/gzip"
	"context"
	"log/slog"
	"sync"
	"sync/atomic"
	"time"

	"golang.org/x/sync/singleflight"

	"github.com/bittunes/bittunes/internal/charts"
	"github.com/bittunes/bittunes/internal/store"
)

// chartCache keeps every chart's rendered JSON, so that the head of the long tail answers from
// memory. The stored charts carry versions (the chart builder bumps those it rewrites); at most
// once per interval a request asks the database which versions rose since the last time, and a
// chart is rendered again only when its version moved. A chart the database has no version for (a
// genre that does not exist) is rendered every time and never kept, so made-up names cannot fill
// the memory.
type chartCache struct {
	store    *store.Store
	chainID  uint64
	interval time.Duration
	log      *slog.Logger

	checking atomic.Bool
	group    singleflight.Group
	renders  chan struct{} // one render at a time: a burst of changed charts must not starve the requests

	mu       sync.RWMutex
	checked  time.Time
	seen     int64                // the highest version seen
	versions map[charts.Ref]int64 // every chart's version
	bodies   map[charts.Ref]renderedChart
}

type renderedChart struct {
	version int64
	body    []byte
	gz      []byte // body gzipped, for the clients that accept it (browsers do): a tenth of the bytes
}

func newChartCache(s *store.Store, chainID uint64, interval time.Duration, log *slog.Logger) *chartCache {
	return &chartCache{store: s, chainID: chainID, interval: interval, log: log,
		versions: map[charts.Ref]int64{}, bodies: map[charts.Ref]renderedChart{}, renders: make(chan struct{}, 1)}
}

// get returns the chart's JSON (and, when it was kept, the same gzipped; else nil). A chart kept
// at its current version answers from memory. A chart not cached yet, or whose version moved
// since it was kept, is rendered before the answer, once however many requests ask at the same
// time (they share the render): the first visitor after a sale is counted in a chart sees the
// new chart, never the one before it. Requests wait for the database only then.
func (c *chartCache) get(ctx context.Context, ref charts.Ref, render func(context.Context) ([]byte, error)) (body, gz []byte, err error) {
	c.refresh(ctx)
	c.mu.RLock()
	version, known := c.versions[ref]
	cached, ok := c.bodies[ref]
	c.mu.RUnlock()
	switch {
	case !known:
		body, err := render(ctx)
		return body, nil, err
	case ok && cached.version >= version:
		return cached.body, cached.gz, nil
	}
	select {
	case res := <-c.group.DoChan(c.key(ref), func() (any, error) { return c.rerender(ref, version, render) }):
		if res.Err != nil {
			if ok { // the database failed: the chart kept is better than none
				return cached.body, cached.gz, nil
			}
			return nil, nil, res.Err
		}
		r := res.Val.(renderedChart)
		if r.version < version { // a render of an older version was under way: render this one
			return c.get(ctx, ref, render)
		}
		return r.body, r.gz, nil
	case <-ctx.Done():
		return nil, nil, ctx.Err()
	}
}

func (c *chartCache) key(ref charts.Ref) string { return ref.Chart + "\x00" + string(ref.Period) }

// rerender renders a chart of the given version, on a context of its own (the request that asked
// may be gone), and keeps it.
func (c *chartCache) rerender(ref charts.Ref, version int64, render func(context.Context) ([]byte, error)) (renderedChart, error) {
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	select {
	case c.renders <- struct{}{}:
		defer func() { <-c.renders }()
	case <-ctx.Done():
		return renderedChart{}, ctx.Err()
	}
	body, err := render(ctx)
	if err != nil {
		c.log.Warn("api: render chart", "chart", ref.Chart, "period", ref.Period, "err", err)
		return renderedChart{}, err
	}
	var gz bytes.Buffer
	zw := gzipWriters.Get().(*gzip.Writer)
	zw.Reset(&gz)
	zw.Write(body)
	zw.Close()
	gzipWriters.Put(zw)
	r := renderedChart{version: version, body: body, gz: gz.Bytes()}
	c.mu.Lock()
	if c.bodies[ref].version <= version { // a later version may have been kept meanwhile
		c.bodies[ref] = r
	}
	c.mu.Unlock()
	return r, nil
}

// refresh reads the versions that rose since the last look, if the last look is older than the
// interval and no other request is looking. The others go on with the versions they have.
func (c *chartCache) refresh(ctx context.Context) {
	c.mu.RLock()
	due := time.Since(c.checked) >= c.interval
	after := c.seen
	c.mu.RUnlock()
	if !due || !c.checking.CompareAndSwap(false, true) {
		return
	}
	defer c.checking.Store(false)
	changed, top, err := c.store.ChartVersions(ctx, c.chainID, after)
	if err != nil {
		// The charts kept go on being served as they are; look again after the interval.
		c.log.Warn("api: chart versions", "err", err)
		c.mu.Lock()
		c.checked = time.Now()
		c.mu.Unlock()
		return
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	for ref, v := range changed {
		c.versions[ref] = v
	}
	c.seen, c.checked = max(c.seen, top), time.Now()
}

// gzipWriters keep the compressors between renders: each holds about a megabyte of state.
var gzipWriters = sync.Pool{New: func() any {
	w, _ := gzip.NewWriterLevel(nil, gzip.BestSpeed)
	return w
}}

// forget drops every rendered chart: the tracks they show changed (an artist edited one).
func (c *chartCache) forget() {
	c.mu.Lock()
	defer c.mu.Unlock()
	clear(c.bodies)
}

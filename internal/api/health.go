package api

import (
	"context"
	"math/big"
	"net/http"
	"sync"
	"time"

	"github.com/gin-gonic/gin"
	"github.com/prometheus/client_golang/prometheus"
)

// An API server answers three questions for operators:
//
//   - /healthz: is the process alive (it serves HTTP)?
//   - /readyz: can this instance serve requests? Only its database decides: a slow indexer or a
//     down RPC node is the same for every API server, and must not take them all out of the load
//     balancer.
//   - /status (and the bittunes_api_* gauges of /metrics): the rest, to alert on: whether the RPC
//     answers and its head, the indexed block, the indexer's lag in blocks and seconds, and
//     whether the chain's head fell below the indexed block (a reorg deeper than the confirmation
//     depth, or an RPC node that lost blocks).

// healthz answers as long as the process serves HTTP.
func (h *handlers) healthz(c *gin.Context) {
	c.JSON(http.StatusOK, gin.H{"status": "ok"})
}

// readiness is /readyz's report.
type readiness struct {
	Ready    bool   `json:"ready"`
	Database string `json:"database"` // ok, unreachable
}

// probeTimeout bounds each check of the database or the RPC.
const probeTimeout = 3 * time.Second

// readyz answers 200 when this instance's database answers, 503 otherwise.
func (h *handlers) readyz(c *gin.Context) {
	ctx, cancel := context.WithTimeout(c.Request.Context(), probeTimeout)
	defer cancel()
	r := readiness{Ready: true, Database: "ok"}
	status := http.StatusOK
	if err := h.Store.Ping(ctx); err != nil {
		h.Logger.Warn("api: readiness: database", "err", err)
		r.Ready, r.Database, status = false, "unreachable", http.StatusServiceUnavailable
	}
	c.JSON(status, r)
}

// statusReport is /status's JSON.
type statusReport struct {
	Database   string          `json:"database"` // ok, unreachable
	RPC        rpcStatus       `json:"rpc"`
	Indexer    indexerStatus   `json:"indexer"`
	Thresholds statusThreshold `json:"thresholds"`
	CheckedAt  time.Time       `json:"checkedAt"`
}

type rpcStatus struct {
	Reachable bool    `json:"reachable"`
	Head      *uint64 `json:"head"` // the chain's latest block, null when unreachable
}

type indexerStatus struct {
	// IndexedBlock is the last block the indexer applied (null before its first, or without the database).
	IndexedBlock *uint64 `json:"indexedBlock"`
	// LagBlocks is how far the indexed block is behind the head minus the confirmation depth;
	// LagSeconds the time between those two blocks. Null when either is unknown.
	LagBlocks  *uint64 `json:"lagBlocks"`
	LagSeconds *uint64 `json:"lagSeconds"`
	// HeadBelowCursor: the chain's head is below the indexed block (a reorg deeper than the
	// confirmation depth, or an RPC node that lost blocks); the API may be serving purchases no
	// longer on the chain.
	HeadBelowCursor bool `json:"headBelowCursor"`
	// Behind: LagBlocks is over the threshold.
	Behind bool `json:"behind"`
	// RecentReorgs are the indexer's last rollbacks, newest first (the database's reorg history).
	RecentReorgs []reorgJSON `json:"recentReorgs"`
}

// reorgJSON is one rollback of the indexed blocks.
type reorgJSON struct {
	At                  time.Time `json:"at"`
	FromBlock           uint64    `json:"fromBlock"`
	ToBlock             int64     `json:"toBlock"` // -1: back before a deployment at block 0
	Depth               uint64    `json:"depth"`
	HeadBelowCursor     bool      `json:"headBelowCursor"`
	PurchasesRolledBack int64     `json:"purchasesRolledBack"`
}

// statusReorgs is how many of the last reorgs /status shows.
const statusReorgs = 10

type statusThreshold struct {
	MaxLagBlocks  uint64 `json:"maxLagBlocks"`
	Confirmations uint64 `json:"confirmations"`
}

// statusEvery is how often /status and the gauges look again: more requests share one look, so
// anonymous clients cannot turn /status into load on the database and the RPC.
const statusEvery = time.Second

// statusCache computes the status at most once per statusEvery.
type statusCache struct {
	mu     sync.Mutex
	report statusReport
}

// status serves the instance's view of the market's health: GET /status.
func (h *handlers) status(c *gin.Context) {
	c.Header("Cache-Control", "no-store")
	c.JSON(http.StatusOK, h.currentStatus(c.Request.Context()))
}

// currentStatus returns the last status, looking again if it is older than statusEvery.
func (h *handlers) currentStatus(ctx context.Context) statusReport {
	h.statusCache.mu.Lock()
	defer h.statusCache.mu.Unlock()
	if time.Since(h.statusCache.report.CheckedAt) >= statusEvery {
		h.statusCache.report = h.checkStatus(context.WithoutCancel(ctx))
	}
	return h.statusCache.report
}

// checkStatus asks the database and the RPC.
func (h *handlers) checkStatus(ctx context.Context) statusReport {
	ctx, cancel := context.WithTimeout(ctx, probeTimeout)
	defer cancel()
	r := statusReport{Database: "ok", Thresholds: statusThreshold{MaxLagBlocks: h.MaxLag, Confirmations: h.Confirms}}
	if err := h.Store.Ping(ctx); err != nil {
		r.Database = "unreachable"
	} else if cur, err := h.Store.Cursor(ctx, h.ChainID, h.Market); err == nil {
		r.Indexer.IndexedBlock = &cur.BlockNumber
	}
	r.Indexer.RecentReorgs = h.recentReorgs(ctx)
	head, err := h.Chain.HeaderByNumber(ctx, nil)
	if err == nil {
		n := head.Number.Uint64()
		r.RPC = rpcStatus{Reachable: true, Head: &n}
	}
	if r.RPC.Head != nil && r.Indexer.IndexedBlock != nil {
		head, indexed := *r.RPC.Head, *r.Indexer.IndexedBlock
		r.Indexer.HeadBelowCursor = head < indexed
		var lag uint64
		if head >= h.Confirms && head-h.Confirms > indexed {
			lag = head - h.Confirms - indexed
		}
		r.Indexer.LagBlocks, r.Indexer.Behind = &lag, lag > h.MaxLag
		r.Indexer.LagSeconds = h.lagSeconds(ctx, indexed, indexed+lag)
	}
	r.CheckedAt = time.Now().UTC()
	return r
}

// recentReorgs reads the last rollbacks from the database (none when it does not answer).
func (h *handlers) recentReorgs(ctx context.Context) []reorgJSON {
	out := []reorgJSON{}
	reorgs, err := h.Store.RecentReorgs(ctx, h.ChainID, h.Market, statusReorgs)
	if err != nil {
		return out
	}
	for _, r := range reorgs {
		out = append(out, reorgJSON{At: r.At, FromBlock: r.FromBlock, ToBlock: int64(r.ToBlock), Depth: r.Depth,
			HeadBelowCursor: r.HeadBelowCursor, PurchasesRolledBack: r.PurchasesRolledBack})
	}
	return out
}

// lagSeconds is the time between the indexed block and the target block, or nil if the RPC does
// not say.
func (h *handlers) lagSeconds(ctx context.Context, indexed, target uint64) *uint64 {
	var s uint64
	if target == indexed {
		return &s
	}
	from, err := h.Chain.HeaderByNumber(ctx, new(big.Int).SetUint64(indexed))
	if err != nil {
		return nil
	}
	to, err := h.Chain.HeaderByNumber(ctx, new(big.Int).SetUint64(target))
	if err != nil {
		return nil
	}
	if to.Time > from.Time {
		s = to.Time - from.Time
	}
	return &s
}

// statusCollector exports the status as gauges (bittunes_api_*) on the API's metrics.
type statusCollector struct {
	h                                                        *handlers
	dbUp, rpcUp, head, indexed, lagBlocks, lagSeconds, below *prometheus.Desc
}

func newStatusCollector(h *handlers) *statusCollector {
	d := func(name, help string) *prometheus.Desc {
		return prometheus.NewDesc("bittunes_api_"+name, help, nil, nil)
	}
	return &statusCollector{h: h,
		dbUp:       d("database_up", "1 when this API server's database answers."),
		rpcUp:      d("rpc_up", "1 when the RPC node answers this API server."),
		head:       d("rpc_head_block", "The chain's latest block, as the RPC node says (absent when it does not answer)."),
		indexed:    d("indexed_block", "The last block the indexer applied to the database (absent when unknown)."),
		lagBlocks:  d("indexer_lag_blocks", "Blocks the indexer is behind the head minus the confirmation depth."),
		lagSeconds: d("indexer_lag_seconds", "Chain time between the indexed block and the head minus the confirmation depth."),
		below:      d("head_below_cursor", "1 when the chain's head is below the indexed block (a deep reorg or an RPC node that lost blocks)."),
	}
}

func (s *statusCollector) Describe(ch chan<- *prometheus.Desc) {
	for _, d := range []*prometheus.Desc{s.dbUp, s.rpcUp, s.head, s.indexed, s.lagBlocks, s.lagSeconds, s.below} {
		ch <- d
	}
}

func (s *statusCollector) Collect(ch chan<- prometheus.Metric) {
	r := s.h.currentStatus(context.Background())
	gauge := func(d *prometheus.Desc, v float64) { ch <- prometheus.MustNewConstMetric(d, prometheus.GaugeValue, v) }
	optional := func(d *prometheus.Desc, v *uint64) {
		if v != nil {
			gauge(d, float64(*v))
		}
	}
	gauge(s.dbUp, b2f(r.Database == "ok"))
	gauge(s.rpcUp, b2f(r.RPC.Reachable))
	gauge(s.below, b2f(r.Indexer.HeadBelowCursor))
	optional(s.head, r.RPC.Head)
	optional(s.indexed, r.Indexer.IndexedBlock)
	optional(s.lagBlocks, r.Indexer.LagBlocks)
	optional(s.lagSeconds, r.Indexer.LagSeconds)
}

func b2f(b bool) float64 {
	if b {
		return 1
	}
	return 0
}

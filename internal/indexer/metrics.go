package indexer

import (
	"context"
	"errors"
	"strings"
	"sync"
	"time"

	"github.com/ethereum/go-ethereum"
	"github.com/prometheus/client_golang/prometheus"

	"github.com/bittunes/bittunes/internal/logrange"
	"github.com/bittunes/bittunes/internal/market"
)

// Metrics are the indexer's Prometheus metrics and the status its health endpoint reports. One
// value serves every indexer a process runs in turn (one per time it holds the lock); a nil
// *Metrics records nothing.
type Metrics struct {
	cursorBlock, headBlock, lagBlocks, lagSeconds prometheus.Gauge
	headBelowCursor, subscribed, lockHeld         prometheus.Gauge
	reorgs, lockLosses                            prometheus.Counter
	reorgDepth, applySeconds, chartSeconds        prometheus.Histogram
	rpcErrors, rows                               *prometheus.CounterVec

	mu     sync.Mutex
	status Status
}

// Status is what the indexer last saw, for the health endpoint.
type Status struct {
	Role            Role      `json:"role"`
	CursorBlock     uint64    `json:"cursor_block"`
	HeadBlock       uint64    `json:"head_block"`
	LagBlocks       uint64    `json:"lag_blocks"`
	LagSeconds      uint64    `json:"lag_seconds"`
	Subscribed      bool      `json:"head_subscription"`
	HeadBelowCursor bool      `json:"head_below_cursor"` // the RPC's head is below the indexed blocks
	LastReorg       *Reorg    `json:"last_reorg,omitempty"`
	LastError       string    `json:"last_error,omitempty"`
	LastErrorAt     time.Time `json:"last_error_at,omitzero"`
	LastAppliedAt   time.Time `json:"last_applied_at,omitzero"`

	cursorTime, headTime uint64 // block timestamps
}

// Reorg is a rollback of the indexed blocks.
type Reorg struct {
	At        time.Time `json:"at"`
	FromBlock uint64    `json:"from_block"`
	ToBlock   uint64    `json:"to_block"`
	Depth     uint64    `json:"depth"`
	// HeadBelowCursor says the RPC's head had fallen below the indexed blocks.
	HeadBelowCursor bool `json:"head_below_cursor"`
	// PurchasesRolledBack is how many indexed purchases the rollback removed.
	PurchasesRolledBack int64 `json:"purchases_rolled_back"`
}

// Role is what an indexer process is doing about the lock.
type Role string

// The roles.
const (
	RoleStarting Role = "starting" // not yet asked for the lock
	RoleActive   Role = "active"   // holds the lock and indexes
	RoleStandby  Role = "standby"  // waits for the lock another process holds
	RoleOffline  Role = "offline"  // cannot reach the database; retrying
)

// NewMetrics registers the indexer's metrics with reg.
func NewMetrics(reg prometheus.Registerer) *Metrics {
	gauge := func(name, help string) prometheus.Gauge {
		return prometheus.NewGauge(prometheus.GaugeOpts{Name: "bittunes_indexer_" + name, Help: help})
	}
	counter := func(name, help string) prometheus.Counter {
		return prometheus.NewCounter(prometheus.CounterOpts{Name: "bittunes_indexer_" + name, Help: help})
	}
	seconds := []float64{.001, .0025, .005, .01, .025, .05, .1, .25, .5, 1, 2.5, 5, 10}
	m := &Metrics{
		cursorBlock:     gauge("cursor_block", "The last block indexed."),
		headBlock:       gauge("head_block", "The chain's head as the RPC last reported it."),
		lagBlocks:       gauge("lag_blocks", "Blocks between the head and the last block indexed (confirmations included)."),
		lagSeconds:      gauge("lag_seconds", "Seconds between the head's timestamp and the last indexed block's."),
		headBelowCursor: gauge("head_below_cursor", "1 while the RPC's head is below the last block indexed (lost blocks or a deep reorg)."),
		subscribed:      gauge("head_subscription", "1 while new heads arrive by subscription, 0 while polling."),
		lockHeld:        gauge("lock_held", "1 while this process holds the indexer lock and indexes, 0 as a standby or offline."),
		reorgs:          counter("reorgs_total", "Rollbacks of indexed blocks to a common ancestor."),
		lockLosses:      counter("lock_losses_total", "Times the indexer lock (its database connection) was lost while indexing."),
		reorgDepth: prometheus.NewHistogram(prometheus.HistogramOpts{Name: "bittunes_indexer_reorg_depth_blocks",
			Help: "Blocks rolled back per reorg.", Buckets: []float64{1, 2, 4, 8, 16, 32, 64, 128, 256, 1024}}),
		applySeconds: prometheus.NewHistogram(prometheus.HistogramOpts{Name: "bittunes_indexer_batch_apply_seconds",
			Help: "Time to write one batch of blocks to the database.", Buckets: seconds}),
		chartSeconds: prometheus.NewHistogram(prometheus.HistogramOpts{Name: "bittunes_indexer_chart_build_seconds",
			Help: "Time to rebuild the charts after new events.", Buckets: seconds}),
		rpcErrors: prometheus.NewCounterVec(prometheus.CounterOpts{Name: "bittunes_indexer_rpc_errors_total",
			Help: "Failed RPC calls by kind: range_refused, timeout, not_found, unavailable, other."}, []string{"kind"}),
		rows: prometheus.NewCounterVec(prometheus.CounterOpts{Name: "bittunes_indexer_rows_applied_total",
			Help: "Event rows written, by table."}, []string{"table"}),
	}
	reg.MustRegister(m.cursorBlock, m.headBlock, m.lagBlocks, m.lagSeconds, m.headBelowCursor, m.subscribed, m.lockHeld,
		m.reorgs, m.lockLosses, m.reorgDepth, m.applySeconds, m.chartSeconds, m.rpcErrors, m.rows)
	for _, kind := range rpcErrorKinds {
		m.rpcErrors.WithLabelValues(kind)
	}
	m.status.Role = RoleStarting
	return m
}

// Status returns what the indexer last saw.
func (m *Metrics) Status() Status {
	if m == nil {
		return Status{}
	}
	m.mu.Lock()
	defer m.mu.Unlock()
	s := m.status
	if s.LastReorg != nil {
		r := *s.LastReorg
		s.LastReorg = &r
	}
	return s
}

// SetRole records what the process does about the lock.
func (m *Metrics) SetRole(r Role) {
	if m == nil {
		return
	}
	m.mu.Lock()
	m.status.Role = r
	m.mu.Unlock()
	m.lockHeld.Set(boolGauge(r == RoleActive))
}

// LockLost counts a lost lock.
func (m *Metrics) LockLost() {
	if m != nil {
		m.lockLosses.Inc()
	}
}

// ChartBuilt records how long a chart rebuild took.
func (m *Metrics) ChartBuilt(d time.Duration) {
	if m != nil {
		m.chartSeconds.Observe(d.Seconds())
	}
}

// positions records the cursor's and the head's blocks and timestamps (a zero time: unknown).
func (m *Metrics) positions(cursor, cursorTime, head, headTime uint64) {
	if m == nil {
		return
	}
	m.mu.Lock()
	defer m.mu.Unlock()
	s := &m.status
	if cursorTime != 0 || cursor != s.CursorBlock {
		s.cursorTime = cursorTime
	}
	if headTime != 0 || head != s.HeadBlock {
		s.headTime = headTime
	}
	s.CursorBlock, s.HeadBlock = cursor, head
	s.LagBlocks, s.LagSeconds = 0, 0
	if head > cursor {
		s.LagBlocks = head - cursor
	}
	if s.cursorTime != 0 && s.headTime > s.cursorTime {
		s.LagSeconds = s.headTime - s.cursorTime
	}
	s.HeadBelowCursor = head < cursor
	m.cursorBlock.Set(float64(cursor))
	m.headBlock.Set(float64(head))
	m.lagBlocks.Set(float64(s.LagBlocks))
	m.lagSeconds.Set(float64(s.LagSeconds))
	m.headBelowCursor.Set(boolGauge(s.HeadBelowCursor))
}

// applied records a committed batch.
func (m *Metrics) applied(d time.Duration, events []market.Event) {
	if m == nil {
		return
	}
	m.applySeconds.Observe(d.Seconds())
	for _, ev := range events {
		for table, n := range rowsOf(ev) {
			m.rows.WithLabelValues(table).Add(float64(n))
		}
	}
	m.mu.Lock()
	m.status.LastAppliedAt = time.Now()
	m.mu.Unlock()
}

// rowsOf says which event rows an event becomes, by table.
func rowsOf(ev market.Event) map[string]int {
	switch e := ev.(type) {
	case market.TrackRegistered:
		if len(e.Collaborators) > 0 {
			return map[string]int{"tracks": 1, "track_collaborators": len(e.Collaborators)}
		}
		return map[string]int{"tracks": 1}
	case market.PriceUpdated, market.ReferralShareUpdated, market.ListingUpdated, market.MetadataURIUpdated:
		return map[string]int{"track_changes": 1}
	case market.Sale:
		rows := map[string]int{"purchases": 1}
		for _, c := range e.Collaborators {
			if !c.Amount.IsZero() { // a zero credit writes no row
				rows["collaborator_credits"]++
			}
		}
		return rows
	case market.Withdrawn:
		return map[string]int{"withdrawals": 1}
	case market.ReleaseRegistered:
		return map[string]int{"releases": 1, "release_tracks": len(e.TrackIDs)}
	case market.ReleasePriceUpdated, market.ReleaseListingUpdated:
		return map[string]int{"release_changes": 1}
	case market.ReleasePurchased:
		return map[string]int{"release_purchases": 1}
	case market.FeeUpdated, market.FeeRecipientUpdated, market.OwnershipTransferred:
		return map[string]int{"settings_changes": 1}
	default: // not applied (the store refuses an event it does not know)
		return nil
	}
}

// rolledBack records a reorg.
func (m *Metrics) rolledBack(r Reorg) {
	if m == nil {
		return
	}
	m.reorgs.Inc()
	m.reorgDepth.Observe(float64(r.Depth))
	m.mu.Lock()
	m.status.LastReorg = &r
	m.mu.Unlock()
}

// setSubscribed records whether heads arrive by subscription.
func (m *Metrics) setSubscribed(ok bool) {
	if m == nil {
		return
	}
	m.subscribed.Set(boolGauge(ok))
	m.mu.Lock()
	m.status.Subscribed = ok
	m.mu.Unlock()
}

// failed records an error of a step; rpc says whether it came from the RPC.
func (m *Metrics) failed(err error, rpc bool) {
	if m == nil {
		return
	}
	if rpc {
		m.rpcErrors.WithLabelValues(rpcErrorKind(err)).Inc()
	}
	m.mu.Lock()
	m.status.LastError, m.status.LastErrorAt = err.Error(), time.Now()
	m.mu.Unlock()
}

var rpcErrorKinds = []string{"range_refused", "timeout", "not_found", "unavailable", "other"}

// rpcErrorKind sorts an RPC error into one of rpcErrorKinds.
func rpcErrorKind(err error) string {
	msg := strings.ToLower(err.Error())
	switch {
	case errors.Is(err, errRangeRefused):
		return "range_refused"
	case errors.Is(err, context.DeadlineExceeded) || strings.Contains(msg, "timeout") || strings.Contains(msg, "timed out"):
		return "timeout"
	case errors.Is(err, ethereum.NotFound) || strings.Contains(msg, "not found"):
		return "not_found"
	case logrange.IsRefusal(err):
		return "range_refused"
	case strings.Contains(msg, "connection refused") || strings.Contains(msg, "connection reset") ||
		strings.Contains(msg, "eof") || strings.Contains(msg, "closed") || strings.Contains(msg, "no such host") ||
		strings.Contains(msg, "broken pipe") || strings.Contains(msg, "status code 5"):
		return "unavailable"
	default:
		return "other"
	}
}

func boolGauge(b bool) float64 {
	if b {
		return 1
	}
	return 0
}

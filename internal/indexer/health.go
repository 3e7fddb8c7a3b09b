package indexer

import (
	"context"
	"encoding/json"
	"net/http"
	"time"
)

// Health answers the index role's health endpoints on its private metrics listener:
//
//   - /healthz: 200 while the process runs.
//   - /readyz: 200 when this process does its part: it holds the lock and indexes, or waits as a
//     standby; the database and the RPC answer; and, when active, the head is not below the
//     indexed blocks and the lag is at most MaxLag blocks. Otherwise 503, with the failing checks.
//   - /status: the same checks and the indexer's status (role, cursor, head, lag, last reorg, last
//     error) as JSON, always 200.
type Health struct {
	Metrics *Metrics
	// PingDB and PingRPC check that the database and the RPC answer.
	PingDB, PingRPC func(ctx context.Context) error
	// MaxLag is the lag in blocks (beyond the confirmations) an active indexer may have and be ready.
	MaxLag uint64
	// Confirmations are the blocks the indexer stays behind the head on purpose.
	Confirmations uint64
}

// Report is the answer of /readyz and /status.
type Report struct {
	Ready  bool              `json:"ready"`
	Checks map[string]string `json:"checks"` // check → "ok" or what is wrong
	Status Status            `json:"status"`
}

// Routes are the endpoints, by path, for metrics.Mux.
func (h *Health) Routes() map[string]http.Handler {
	return map[string]http.Handler{
		"/healthz": http.HandlerFunc(func(w http.ResponseWriter, _ *http.Request) {
			writeJSON(w, http.StatusOK, map[string]string{"status": "ok"})
		}),
		"/readyz": http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			rep := h.Check(r.Context())
			status := http.StatusOK
			if !rep.Ready {
				status = http.StatusServiceUnavailable
			}
			writeJSON(w, status, rep)
		}),
		"/status": http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			writeJSON(w, http.StatusOK, h.Check(r.Context()))
		}),
	}
}

// Check runs the checks.
func (h *Health) Check(ctx context.Context) Report {
	st := h.Metrics.Status()
	rep := Report{Ready: true, Checks: map[string]string{}, Status: st}
	check := func(name string, problem string) {
		if problem == "" {
			rep.Checks[name] = "ok"
			return
		}
		rep.Checks[name] = problem
		rep.Ready = false
	}
	ping := func(f func(context.Context) error) string {
		if f == nil {
			return ""
		}
		ctx, cancel := context.WithTimeout(ctx, 2*time.Second)
		defer cancel()
		if err := f(ctx); err != nil {
			return "unreachable: " + err.Error()
		}
		return ""
	}
	switch st.Role {
	case RoleActive, RoleStandby:
		check("role", "")
	default:
		check("role", string(st.Role)+": not holding the lock nor waiting for it")
	}
	check("database", ping(h.PingDB))
	check("rpc", ping(h.PingRPC))
	if st.Role == RoleActive {
		switch {
		case st.HeadBelowCursor:
			check("head", "the RPC's head is below the indexed blocks")
		case st.LagBlocks > h.Confirmations+h.MaxLag:
			check("lag", "behind the head by more than the allowed blocks")
		default:
			check("lag", "")
		}
	}
	return rep
}

func writeJSON(w http.ResponseWriter, status int, v any) {
	w.Header().Set("Content-Type", "application/json")
	w.Header().Set("Cache-Control", "no-store")
	w.WriteHeader(status)
	_ = json.NewEncoder(w).Encode(v)
}

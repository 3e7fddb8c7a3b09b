package api

import (
	"context"
	"net/http"
	"time"

	"github.com/gin-gonic/gin"
)

// healthz answers as long as the process serves HTTP.
func (h *handlers) healthz(c *gin.Context) {
	c.JSON(http.StatusOK, gin.H{"status": "ok"})
}

// readiness is /readyz's report.
type readiness struct {
	Ready       bool   `json:"ready"`
	Database    string `json:"database"`
	RPC         string `json:"rpc"`
	Head        uint64 `json:"head,omitempty"`
	Indexed     uint64 `json:"indexed,omitempty"`
	IndexerLag  uint64 `json:"indexerLagBlocks"`
	MaxLag      uint64 `json:"maxLagBlocks"`
	Description string `json:"description,omitempty"`
}

// readyz reports whether the database and the RPC answer and the indexer is close to the head.
func (h *handlers) readyz(c *gin.Context) {
	ctx, cancel := context.WithTimeout(c.Request.Context(), 3*time.Second)
	defer cancel()
	r := readiness{Database: "ok", RPC: "ok", MaxLag: h.MaxLag}
	if err := h.Store.Ping(ctx); err != nil {
		r.Database = "unreachable"
	}
	if head, err := h.Chain.HeaderByNumber(ctx, nil); err != nil {
		r.RPC = "unreachable"
	} else {
		r.Head = head.Number.Uint64()
	}
	if cur, err := h.Store.Cursor(ctx, h.ChainID, h.Market); err == nil {
		r.Indexed = cur.BlockNumber
	} else {
		r.Description = "the indexer has not indexed any block yet"
	}
	if r.Head > r.Indexed+h.Confirms {
		r.IndexerLag = r.Head - h.Confirms - r.Indexed
	}
	r.Ready = r.Database == "ok" && r.RPC == "ok" && r.Indexed > 0 && r.IndexerLag <= h.MaxLag
	status := http.StatusOK
	if !r.Ready {
		status = http.StatusServiceUnavailable
	}
	c.JSON(status, r)
}

// Package api is Bittunes' HTTP interface: JSON under /api/v1 for the pages, the bittunes client
// and third parties, and /healthz and /readyz for operators. Handlers are thin: they read the
// request, call the store, and render; every error goes through one mapping to a JSON error.
package api

import (
	"context"
	"errors"
	"log/slog"
	"math/big"
	"net/http"
	"time"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/core/types"
	"github.com/gin-gonic/gin"

	"github.com/bittunes/bittunes/internal/store"
)

// Chain is what the API reads from the chain directly.
type Chain interface {
	HeaderByNumber(ctx context.Context, number *big.Int) (*types.Header, error)
}

// Deps are what the API is built on.
type Deps struct {
	Store    *store.Store
	Chain    Chain
	ChainID  uint64
	Market   common.Address
	Logger   *slog.Logger
	MaxLag   uint64 // blocks the indexer may be behind the head and still be ready
	Confirms uint64
}

// Handler returns the API's HTTP handler.
func Handler(d Deps) http.Handler {
	gin.SetMode(gin.ReleaseMode)
	r := gin.New()
	r.Use(gin.Recovery())
	h := &handlers{d}
	r.GET("/healthz", h.healthz)
	r.GET("/readyz", h.readyz)
	v1 := r.Group("/api/v1")
	v1.GET("/metadata/:hash", h.metadata)
	r.NoRoute(func(c *gin.Context) { fail(c, http.StatusNotFound, "not_found", "no such resource") })
	return r
}

type handlers struct{ Deps }

// errorBody is every error's JSON: {"error": {"code": …, "message": …}}.
type errorBody struct {
	Error struct {
		Code    string `json:"code"`
		Message string `json:"message"`
	} `json:"error"`
}

func fail(c *gin.Context, status int, code, message string) {
	var b errorBody
	b.Error.Code, b.Error.Message = code, message
	c.AbortWithStatusJSON(status, b)
}

// storeError maps a store error to a response; internal text never reaches the client.
func (h *handlers) storeError(c *gin.Context, err error) {
	switch {
	case errors.Is(err, store.ErrNotFound):
		fail(c, http.StatusNotFound, "not_found", "not found")
	case errors.Is(err, store.ErrInvalid):
		fail(c, http.StatusBadRequest, "invalid_argument", "invalid argument")
	default:
		h.Logger.Error("api: store", "path", c.FullPath(), "err", err)
		fail(c, http.StatusInternalServerError, "internal", "internal error")
	}
}

// NewServer returns an HTTP server of the API on addr with sensible timeouts.
func NewServer(addr string, handler http.Handler) *http.Server {
	return &http.Server{Addr: addr, Handler: handler, ReadHeaderTimeout: 10 * time.Second, ReadTimeout: time.Minute,
		WriteTimeout: 5 * time.Minute, IdleTimeout: 2 * time.Minute}
}

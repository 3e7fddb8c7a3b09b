package api

// Errors become responses here, and only here. A handler or middleware that fails calls
//
//	h.fail(c, err)   // in a handler (any type embedding *handlers)
//	abort(c, err)    // in a middleware without handlers at hand
//
// with whatever error it has, and returns. What the client gets is decided by describe:
//
//   - an *apiError, made by the constructors below for a handler's own 4xx (badRequest,
//     tooLarge, unauthenticated, forbidden, notConfigured, rateLimited, newError), carries its
//     code and a message written for the client;
//   - the refusals of auth and unlock (*auth.Refusal, *unlock.Refusal) carry a reason written for
//     the client;
//   - a sentinel error of the store or a service (store.ErrNotFound, unlock.ErrNotOwner, …),
//     wrapped however deeply, is looked up in errorTable, which gives its code and a safe message;
//   - anything else is a 500 "internal" whose details go to the log, never to the client.
//
// Every code has one HTTP status (statusOf), and openapi.json's Error schema enumerates the same
// codes (a test keeps them equal). A 503 for a database outage carries Retry-After. The body is
// always {"error": {"code": …, "message": …}}.

import (
	"errors"
	"fmt"
	"log/slog"
	"math"
	"net/http"
	"strconv"
	"strings"
	"time"

	"github.com/gin-gonic/gin"

	"github.com/bittunes/bittunes/internal/auth"
	"github.com/bittunes/bittunes/internal/byterange"
	"github.com/bittunes/bittunes/internal/content"
	"github.com/bittunes/bittunes/internal/heartbeat"
	"github.com/bittunes/bittunes/internal/market"
	"github.com/bittunes/bittunes/internal/names"
	"github.com/bittunes/bittunes/internal/releasedrafts"
	"github.com/bittunes/bittunes/internal/store"
	"github.com/bittunes/bittunes/internal/swarm"
	"github.com/bittunes/bittunes/internal/unlock"
	"github.com/bittunes/bittunes/internal/uploads"
	"github.com/bittunes/bittunes/internal/wei"
)

// code is a stable error code clients may act on.
type code string

// The codes, each with its status in statusOf.
const (
	codeInvalid             code = "invalid_argument"
	codeUnauthenticated     code = "unauthenticated"
	codeSignInRejected      code = "sign_in_rejected"
	codeKeyRequestRejected  code = "key_request_rejected"
	codeForbidden           code = "forbidden"
	codeCrossOrigin         code = "cross_origin"
	codeNotOwner            code = "not_owner"
	codeNotFound            code = "not_found"
	codeMethodNotAllowed    code = "method_not_allowed"
	codeConflict            code = "conflict"
	codePackageMismatch     code = "package_mismatch"
	codePreconditionFailed  code = "precondition_failed"
	codeTooLarge            code = "too_large"
	codeRangeNotSatisfiable code = "range_not_satisfiable"
	codeRateLimited         code = "rate_limited"
	codeTooManyPending      code = "too_many_pending_uploads"
	codeInternal            code = "internal"
	codeNotConfigured       code = "unavailable"
	codeStorageFull         code = "insufficient_storage"
	codeDatabaseUnavailable code = "database_unavailable"
)

// statusOf is every code's HTTP status.
var statusOf = map[code]int{
	codeInvalid:             http.StatusBadRequest,
	codeUnauthenticated:     http.StatusUnauthorized,
	codeSignInRejected:      http.StatusUnauthorized,
	codeKeyRequestRejected:  http.StatusUnauthorized,
	codeForbidden:           http.StatusForbidden,
	codeCrossOrigin:         http.StatusForbidden,
	codeNotOwner:            http.StatusForbidden,
	codeNotFound:            http.StatusNotFound,
	codeMethodNotAllowed:    http.StatusMethodNotAllowed,
	codeConflict:            http.StatusConflict,
	codePackageMismatch:     http.StatusConflict,
	codePreconditionFailed:  http.StatusPreconditionFailed,
	codeTooLarge:            http.StatusRequestEntityTooLarge,
	codeRangeNotSatisfiable: http.StatusRequestedRangeNotSatisfiable,
	codeRateLimited:         http.StatusTooManyRequests,
	codeTooManyPending:      http.StatusTooManyRequests,
	codeInternal:            http.StatusInternalServerError,
	codeNotConfigured:       http.StatusServiceUnavailable,
	codeStorageFull:         http.StatusInsufficientStorage,
	codeDatabaseUnavailable: http.StatusServiceUnavailable,
}

// outageRetryAfter is the Retry-After of a 503 during a database outage.
const outageRetryAfter = 5 * time.Second

// errorRule maps a sentinel error to a code and a safe message. With detail, the message is the
// error's own text after the sentinel's (for sentinels whose wrapping text is written for clients).
type errorRule struct {
	err     error
	code    code
	message string
	detail  bool
}

// errorTable maps the sentinel errors of the store and the services the API calls; the first rule
// whose error the failure wraps wins (a test checks that every exported sentinel of those packages
// has a rule). Sentinels that only the server's own faults produce map to codeInternal on purpose.
var errorTable = []errorRule{
	{store.ErrUnavailable, codeDatabaseUnavailable, "the database is unavailable; try again shortly", false},
	{swarm.ErrMismatch, codePackageMismatch, "the package on this server does not match the track's on-chain content hash", false},
	{swarm.ErrNoPackage, codeNotFound, "this server has no package for the track", false}, // wraps store.ErrNotFound
	{store.ErrNotFound, codeNotFound, "not found", false},
	{store.ErrNameTaken, codeConflict, "the name is taken, or looks too much like the name of another account", false},
	{store.ErrConflict, codeConflict, "the request conflicts with data the market already has", false},
	{store.ErrInvalid, codeInvalid, "invalid argument", false},
	{store.ErrForbidden, codeForbidden, "this account may not make this change", false},
	{store.ErrExpired, codeUnauthenticated, "expired: sign in again", false},
	{store.ErrOutOfOrder, codeInternal, "", false},
	{auth.ErrNoSession, codeUnauthenticated, "not signed in", false},
	{auth.ErrSignatureFormat, codeInvalid, auth.ErrSignatureFormat.Error(), false},
	{auth.ErrSignature, codeUnauthenticated, auth.ErrSignature.Error(), false},
	{heartbeat.ErrInvalid, codeInvalid, "", true},
	{unlock.ErrNotOwner, codeNotOwner, "this account does not own the track: buy it first", false},
	{byterange.ErrMalformed, codeRangeNotSatisfiable, "the Range header must be bytes= and at most 8 well-formed ranges (1 where the server decrypts)", false},
	{byterange.ErrUnsatisfiable, codeRangeNotSatisfiable, "the Range header asks for overlapping ranges, or for none inside the file", false},
	{uploads.ErrTooManyPending, codeTooManyPending, "", true},
	{releasedrafts.ErrTooMany, codeTooManyPending, "", true},
	{releasedrafts.ErrInvalid, codeInvalid, "", true},
	{releasedrafts.ErrNotTheArtists, codeForbidden, "", true},
	{uploads.ErrStorageFull, codeStorageFull, "", true},
	{unlock.ErrBusy, codeRateLimited, "too many ownership checks against the chain right now; try again in a moment", false},
	{content.ErrUnsupported, codeInvalid, "", true},
	{names.ErrInvalid, codeInvalid, "", true},
	{content.ErrTooLarge, codeTooLarge, "the file is larger than allowed", false},
	{content.ErrNoPreview, codeInvalid, "no automatic preview for this format: upload a preview", false},
	{content.ErrSealed, codeInternal, "", false}, // the server's master key does not open its own keys
	{wei.ErrSyntax, codeInvalid, "an amount must be a whole number of wei in decimal digits", false},
	{wei.ErrNegative, codeInvalid, "an amount of wei must not be negative", false},
	{wei.ErrOverflow, codeInvalid, "an amount of wei must be below 2^256", false},
	{wei.ErrUnderflow, codeInternal, "", false},
	{market.ErrMalformed, codeInternal, "", false},
	{market.ErrBlockChanged, codeInternal, "", false},
}

// apiError is a handler's own failure: a code and a message written for the client, and
// optionally the error behind it (for the log and errors.Is).
type apiError struct {
	code       code
	message    string
	retryAfter time.Duration // > 0: sent as Retry-After
	cause      error
}

func (e *apiError) Error() string {
	if e.cause != nil {
		return e.message + ": " + e.cause.Error()
	}
	return e.message
}

func (e *apiError) Unwrap() error { return e.cause }

// newError is a failure with code c and a message for the client.
func newError(c code, format string, args ...any) *apiError {
	return &apiError{code: c, message: fmt.Sprintf(format, args...)}
}

// badRequest is a client's mistake, 400 invalid_argument; its message says what to send instead.
func badRequest(format string, args ...any) error { return newError(codeInvalid, format, args...) }

// tooLarge is a request over a size limit, 413 too_large.
func tooLarge(format string, args ...any) error { return newError(codeTooLarge, format, args...) }

// unauthenticated is a request that needs a signed-in account, 401.
func unauthenticated(message string) error { return newError(codeUnauthenticated, "%s", message) }

// forbidden is a request from an account that may not do it, 403.
func forbidden(message string) error { return newError(codeForbidden, "%s", message) }

// notConfigured is a feature this server is not set up for, 503 unavailable.
func notConfigured(message string) error { return newError(codeNotConfigured, "%s", message) }

// rateLimited is a client over its allowance, 429 with Retry-After in whole seconds.
func rateLimited(message string, wait time.Duration) error {
	e := newError(codeRateLimited, "%s", message)
	e.retryAfter = wait
	return e
}

// errNoRoute answers a path the API does not have.
var errNoRoute = newError(codeNotFound, "no such resource")

// describe decides what a failure looks like to the client, and whether it is the server's fault.
func describe(err error) (c code, message string, retryAfter time.Duration) {
	var e *apiError
	if errors.As(err, &e) {
		return e.code, e.message, e.retryAfter
	}
	var signIn *auth.Refusal
	if errors.As(err, &signIn) {
		if signIn.Malformed {
			return codeInvalid, signIn.Reason, 0
		}
		return codeSignInRejected, signIn.Reason, 0
	}
	var key *unlock.Refusal
	if errors.As(err, &key) {
		if key.Malformed {
			return codeInvalid, key.Reason, 0
		}
		return codeKeyRequestRejected, key.Reason, 0
	}
	if r, ok := ruleOf(err); ok {
		switch {
		case r.code == codeInternal:
			return codeInternal, "internal error", 0
		case r.code == codeDatabaseUnavailable:
			return r.code, r.message, outageRetryAfter
		case r.detail:
			return r.code, strings.Replace(err.Error(), r.err.Error()+": ", "", 1), 0
		}
		return r.code, r.message, 0
	}
	return codeInternal, "internal error", 0
}

// ruleOf is the first rule of errorTable whose error err wraps.
func ruleOf(err error) (errorRule, bool) {
	for _, r := range errorTable {
		if errors.Is(err, r.err) {
			return r, true
		}
	}
	return errorRule{}, false
}

// errorBody is every error's JSON: {"error": {"code": …, "message": …}}.
type errorBody struct {
	Error struct {
		Code    string `json:"code"`
		Message string `json:"message"`
	} `json:"error"`
}

// loggerKey is where the API's logger sits in a request's context, for abort.
const loggerKey = "bittunes.logger"

// withLogger puts log in every request's context.
func withLogger(log *slog.Logger) gin.HandlerFunc {
	return func(c *gin.Context) { c.Set(loggerKey, log) }
}

// fail answers err and stops the request's handler chain.
func (h *handlers) fail(c *gin.Context, err error) { respondError(c, h.Logger, err) }

// abort is fail for middleware without handlers at hand.
func abort(c *gin.Context, err error) {
	v, _ := c.Get(loggerKey)
	log, _ := v.(*slog.Logger)
	respondError(c, log, err)
}

// respondError writes err's answer. Server faults are logged with the error's details; a
// package that does not match its hash is logged too (the operator must look at the file).
func respondError(c *gin.Context, log *slog.Logger, err error) {
	code, message, retryAfter := describe(err)
	status := statusOf[code]
	if log == nil {
		log = slog.Default()
	}
	switch {
	case code == codeDatabaseUnavailable:
		log.Warn("api: database unavailable", "path", c.Request.URL.Path, "err", err)
	case status >= 500 && code != codeNotConfigured, code == codePackageMismatch:
		log.Error("api: request failed", "path", c.Request.URL.Path, "route", c.FullPath(), "err", err)
	}
	if retryAfter > 0 {
		c.Header("Retry-After", strconv.Itoa(int(math.Ceil(retryAfter.Seconds()))))
	}
	c.Header("Content-Type", "application/json; charset=utf-8") // over a file's type set before the failure
	var b errorBody
	b.Error.Code, b.Error.Message = string(code), message
	c.AbortWithStatusJSON(status, b)
}

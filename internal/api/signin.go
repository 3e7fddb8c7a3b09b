package api

import (
	"encoding/json"
	"errors"
	"io"
	"net/http"
	"strings"
	"time"

	"github.com/gin-gonic/gin"

	"github.com/bittunes/bittunes/internal/auth"
)

// signIn serves Sign-In with Ethereum under /api/v1/auth and the session middleware. Without a
// usable Deps.Origin it is off: its endpoints answer 503 and no request is signed in.
type signIn struct {
	*handlers
	auth *auth.Service // nil when off
	// nonces and verifications are limited per client IP in buckets of their own, so that a
	// client asking for nonces never spends the tokens of its own (or its neighbours')
	// verifications.
	nonces, verifications *ipLimiter
	cookie                string
}

func newSignIn(h *handlers) *signIn {
	a := &signIn{handlers: h, nonces: newIPLimiter(h.SignInRate, h.SignInBurst), verifications: newIPLimiter(h.SignInRate, h.SignInBurst)}
	if h.Origin == "" {
		h.Logger.Warn("api: no public origin configured: sign-in is off")
		return a
	}
	svc, err := auth.New(h.Store, auth.Config{Origin: h.Origin, ChainID: h.ChainID, Logger: h.Logger})
	if err != nil {
		h.Logger.Error("api: sign-in is off", "err", err)
		return a
	}
	a.auth, a.cookie = svc, "bittunes_session"
	if svc.Secure() {
		a.cookie = "__Host-bittunes_session" // the browser then insists on Secure, Path=/ and no Domain
	}
	return a
}

// session is the session middleware: a request with a live session cookie is signed in as the
// session's account. A session that cannot be checked (the database is down) is neither signed
// in nor out: the routes that need the account answer the failure (503), the others go on.
func (a *signIn) session(c *gin.Context) {
	if a.auth == nil {
		return
	}
	id, err := c.Cookie(a.cookie)
	if err != nil || id == "" {
		return
	}
	account, err := a.auth.Account(c.Request.Context(), id)
	switch {
	case err == nil:
		setSignedIn(c, account)
	case !errors.Is(err, auth.ErrNoSession):
		a.Logger.Warn("api: session lookup", "err", err)
		setSessionUnknown(c, err)
	}
}

// enabled answers 503 while sign-in is off.
func (a *signIn) enabled(c *gin.Context) {
	if a.auth == nil {
		a.fail(c, notConfigured("sign-in is not configured on this server"))
		return
	}
	c.Header("Cache-Control", "no-store")
	c.Next()
}

// sameOrigin refuses a request that a browser says comes from an origin other than the market's
// or one of Deps.CORSOrigins (a defence in depth beside the SameSite=Lax cookie against
// cross-site request forgery). Requests without an Origin header, such as the bittunes
// client's, pass.
func (a *signIn) sameOrigin(c *gin.Context) {
	o := c.GetHeader("Origin")
	if o == "" || a.auth == nil || strings.EqualFold(o, a.auth.Origin()) {
		c.Next()
		return
	}
	for _, allowed := range a.CORSOrigins {
		if strings.EqualFold(o, strings.TrimSuffix(allowed, "/")) {
			c.Next()
			return
		}
	}
	a.fail(c, newError(codeCrossOrigin, "this request must come from %s", a.auth.Origin()))
}

type nonceJSON struct {
	Nonce     string    `json:"nonce"`
	ExpiresAt time.Time `json:"expiresAt"`
}

// nonce issues a sign-in nonce: POST /api/v1/auth/nonce.
func (a *signIn) nonce(c *gin.Context) {
	n, err := a.auth.NewNonce(c.Request.Context())
	if err != nil {
		a.fail(c, err)
		return
	}
	c.JSON(http.StatusOK, nonceJSON{Nonce: n.Value, ExpiresAt: n.ExpiresAt})
}

// maxSignInBody bounds a verification request: a message of auth.MaxMessageLen bytes, JSON-escaped.
const maxSignInBody = 64 << 10

type verifyRequest struct {
	Message   string `json:"message"`
	Signature string `json:"signature"`
}

type sessionJSON struct {
	Address string `json:"address"`
}

// verify checks a signed EIP-4361 message and opens a session: POST /api/v1/auth/verify with
// {"message", "signature"}. It answers the account and sets the session cookie.
func (a *signIn) verify(c *gin.Context) {
	var req verifyRequest
	if err := decodeStrictJSON(c, &req, maxSignInBody); err != nil {
		a.fail(c, err)
		return
	}
	if req.Message == "" || req.Signature == "" {
		a.fail(c, badRequest("give the signed sign-in message as message and its signature as signature"))
		return
	}
	sess, err := a.auth.SignIn(c.Request.Context(), req.Message, req.Signature)
	if err != nil {
		a.fail(c, err) // an *auth.Refusal is a 400 or a 401 with its reason
		return
	}
	http.SetCookie(c.Writer, &http.Cookie{Name: a.cookie, Value: sess.ID, Path: "/", Expires: sess.ExpiresAt,
		MaxAge: int(a.auth.SessionTTL().Seconds()), HttpOnly: true, Secure: a.auth.Secure(), SameSite: http.SameSiteLaxMode})
	c.JSON(http.StatusOK, sessionJSON{Address: sess.Address.Hex()})
}

// current answers the signed-in account: GET /api/v1/auth/session (401 when signed out).
func (a *signIn) current(c *gin.Context) {
	account, ok := signedIn(c)
	if err := sessionErr(c); err != nil {
		a.fail(c, err)
		return
	}
	if !ok {
		a.fail(c, unauthenticated("not signed in"))
		return
	}
	c.JSON(http.StatusOK, sessionJSON{Address: account.Hex()})
}

// logout ends the request's session, if any, and clears the cookie: POST /api/v1/auth/logout.
func (a *signIn) logout(c *gin.Context) {
	if id, err := c.Cookie(a.cookie); err == nil {
		if err := a.auth.SignOut(c.Request.Context(), id); err != nil {
			a.fail(c, err)
			return
		}
	}
	http.SetCookie(c.Writer, &http.Cookie{Name: a.cookie, Value: "", Path: "/", MaxAge: -1, HttpOnly: true,
		Secure: a.auth.Secure(), SameSite: http.SameSiteLaxMode})
	c.Status(http.StatusNoContent)
}

// decodeStrictJSON reads the request body as one JSON value into v: at most limit bytes, no
// unknown fields, nothing after it.
func decodeStrictJSON(c *gin.Context, v any, limit int64) error {
	dec := json.NewDecoder(http.MaxBytesReader(c.Writer, c.Request.Body, limit))
	dec.DisallowUnknownFields()
	if err := dec.Decode(v); err != nil {
		var tooLarge *http.MaxBytesError
		if errors.As(err, &tooLarge) {
			return badRequest("the request body is larger than %d bytes", limit)
		}
		var field *json.UnmarshalTypeError
		if errors.As(err, &field) && field.Field != "" {
			return badRequest("%s has the wrong type", field.Field)
		}
		if strings.HasPrefix(err.Error(), "json: unknown field ") {
			return badRequest("unknown field %s", strings.TrimPrefix(err.Error(), "json: unknown field "))
		}
		return badRequest("the request body must be a JSON object")
	}
	if _, err := dec.Token(); err != io.EOF {
		return badRequest("the request body must be one JSON object")
	}
	return nil
}

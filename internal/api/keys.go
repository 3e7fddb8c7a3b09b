package api

import (
	"errors"
	"io"
	"math"
	"net/http"
	"strconv"
	"time"

	"github.com/ethereum/go-ethereum/common"
	"github.com/gin-gonic/gin"

	"github.com/bittunes/bittunes/internal/store"
	"github.com/bittunes/bittunes/internal/unlock"
)

type keyRequestJSON struct {
	Message   string `json:"message"`
	Signature string `json:"signature"`
}

type keyJSON struct {
	TrackID     int64  `json:"trackId"`
	ContentHash string `json:"contentHash"`
	Account     string `json:"account"`
	Identity    string `json:"identity"`
	Proof       string `json:"proof"`
	Ownership   string `json:"ownership"`
}

// key releases a track's age identity to an owner: POST /api/v1/tracks/{id}/key, either signed in
// (the session cookie, no body) or with {"message", "signature"}: a key request (unlock.Request)
// signed with personal_sign by the owning account.
func (d *downloads) key(c *gin.Context) {
	c.Header("Cache-Control", "no-store")
	if len(d.MasterKey) == 0 {
		fail(c, http.StatusServiceUnavailable, "unavailable", "keys are not configured on this server")
		return
	}
	id, err := parseTrackID(c.Param("id"))
	if err != nil {
		d.fail(c, err)
		return
	}
	ctx := c.Request.Context()
	var req keyRequestJSON
	if c.Request.ContentLength != 0 {
		if err := decodeStrictJSON(c, &req, 8<<10); err != nil && !errors.Is(err, io.EOF) {
			d.fail(c, err)
			return
		}
	}
	account, signedInAs := signedIn(c)
	var k unlock.Key
	proof := store.ProofSession
	switch {
	case req.Message != "" || req.Signature != "":
		r, err := d.unlock.Verify(id, req.Message, req.Signature) // no database, no chain
		if err != nil {
			d.failUnlock(c, err)
			return
		}
		if account, proof = r.Account, store.ProofSignature; !d.allowKeys(c, account) {
			return
		}
		k, err = d.unlock.ReleaseRequest(ctx, r, c.Writer.Header().Get(requestIDHeader))
		if err != nil {
			d.failUnlock(c, err)
			return
		}
	case !signedInAs:
		fail(c, http.StatusUnauthorized, "unauthenticated", "sign in, or send a signed key request as {\"message\", \"signature\"}")
		return
	default:
		if !d.allowKeys(c, account) {
			return
		}
		k, err = d.unlock.Release(ctx, id, account, store.ProofSession, c.Writer.Header().Get(requestIDHeader))
		if err != nil {
			d.failUnlock(c, err)
			return
		}
	}
	c.JSON(http.StatusOK, keyJSON{TrackID: k.Track.ID, ContentHash: k.Track.ContentHash.Hex(), Account: account.Hex(),
		Identity: k.Identity.String(), Proof: string(proof), Ownership: string(k.Ownership)})
}

// allowKeys takes a token from account's bucket of key requests, or answers 429.
func (d *downloads) allowKeys(c *gin.Context, account common.Address) bool {
	if ok, wait := d.keysPerAccount.allow(account.Hex(), time.Now()); !ok {
		c.Header("Retry-After", strconv.Itoa(int(math.Ceil(wait.Seconds()))))
		fail(c, http.StatusTooManyRequests, "rate_limited", d.keysPerAccount.refusal)
		return false
	}
	return true
}

// failUnlock maps the unlock service's refusals, then the usual errors.
func (d *downloads) failUnlock(c *gin.Context, err error) {
	var refusal *unlock.Refusal
	switch {
	case errors.As(err, &refusal) && refusal.Malformed:
		fail(c, http.StatusBadRequest, "invalid_argument", refusal.Reason)
	case errors.As(err, &refusal):
		fail(c, http.StatusUnauthorized, "key_request_rejected", refusal.Reason)
	case errors.Is(err, unlock.ErrBusy):
		c.Header("Retry-After", "1")
		fail(c, http.StatusServiceUnavailable, "busy", "too many ownership checks against the chain right now; try again in a moment")
	case errors.Is(err, unlock.ErrNotOwner):
		fail(c, http.StatusForbidden, "not_owner", "this account does not own the track: buy it first")
	default:
		d.fail(c, err)
	}
}

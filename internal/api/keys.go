package api

import (
	"errors"
	"io"
	"net/http"
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
		d.fail(c, notConfigured("keys are not configured on this server"))
		return
	}
	var p trackParams
	if err := parseParams(c, &p); err != nil {
		d.fail(c, err)
		return
	}
	id, ctx := p.ID, c.Request.Context()
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
	case !signedInAs && sessionErr(c) != nil:
		d.fail(c, sessionErr(c))
		return
	case !signedInAs:
		d.fail(c, unauthenticated("sign in, or send a signed key request as {\"message\", \"signature\"}"))
		return
	default:
		if !d.allowKeys(c, account) {
			return
		}
		var err error
		if k, err = d.unlock.Release(ctx, id, account, store.ProofSession, c.Writer.Header().Get(requestIDHeader)); err != nil {
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
		d.fail(c, rateLimited(d.keysPerAccount.refusal, wait))
		return false
	}
	return true
}

// failUnlock answers an unlock failure: the contract asked too often for now is a 429 with
// Retry-After; the rest goes through the error table.
func (d *downloads) failUnlock(c *gin.Context, err error) {
	if errors.Is(err, unlock.ErrBusy) {
		err = rateLimited("too many ownership checks against the chain right now; try again in a moment", time.Second)
	}
	d.fail(c, err)
}

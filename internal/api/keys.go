package api

import (
	"errors"
	"io"
	"net/http"

	"github.com/gin-gonic/gin"

	"github.com/bittunes/bittunes/internal/store"
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
	proof := store.ProofSession
	switch {
	case req.Message != "" || req.Signature != "":
		account, err = d.unlock.Authenticate(ctx, id, req.Message, req.Signature)
		if err != nil {
			d.fail(c, err)
			return
		}
		proof = store.ProofSignature
	case !signedInAs && sessionErr(c) != nil:
		d.fail(c, sessionErr(c))
		return
	case !signedInAs:
		d.fail(c, unauthenticated("sign in, or send a signed key request as {\"message\", \"signature\"}"))
		return
	}
	k, err := d.unlock.Release(ctx, id, account, proof, c.Writer.Header().Get(requestIDHeader))
	if err != nil {
		d.fail(c, err)
		return
	}
	c.JSON(http.StatusOK, keyJSON{TrackID: k.Track.ID, ContentHash: k.Track.ContentHash.Hex(), Account: account.Hex(),
		Identity: k.Identity.String(), Proof: string(proof), Ownership: string(k.Ownership)})
}

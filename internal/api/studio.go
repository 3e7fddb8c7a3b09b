package api

import (
	"net/http"
	"sort"
	"strings"
	"time"

	"github.com/ethereum/go-ethereum/common"
	"github.com/gin-gonic/gin"

	"github.com/bittunes/bittunes/internal/content"
	"github.com/bittunes/bittunes/internal/uploads"
)

type collaborationJSON struct {
	Track  trackJSON  `json:"track"`
	Bps    int        `json:"bps"`
	Earned amountJSON `json:"earned"`
	Sales  int64      `json:"sales"`
}

// collaborations serves the tracks an account shares in as a collaborator and what each paid it:
// GET /api/v1/accounts/{address}/collaborations.
func (h *handlers) collaborations(c *gin.Context) {
	var p accountParams
	if err := parseParams(c, &p); err != nil {
		h.fail(c, err)
		return
	}
	list, err := h.Store.Collaborations(c.Request.Context(), h.ChainID, p.Account)
	if err != nil {
		h.fail(c, err)
		return
	}
	out := []collaborationJSON{}
	for _, co := range list {
		out = append(out, collaborationJSON{Track: trackView(co.Track), Bps: co.Bps, Earned: amount(co.Earned), Sales: co.Sales})
	}
	c.JSON(http.StatusOK, gin.H{"collaborations": out})
}

type trackEarningJSON struct {
	TrackID int64      `json:"trackId"`
	Sales   int64      `json:"sales"`
	Earned  amountJSON `json:"earned"`
}

// trackEarnings serves what each of an artist's tracks credited the artist itself (after its
// collaborators' parts), by track, newest track first: GET /api/v1/accounts/{address}/track-earnings.
// One aggregate query; the answer has one row per track of the artist that sold.
func (h *handlers) trackEarnings(c *gin.Context) {
	var p accountParams
	if err := parseParams(c, &p); err != nil {
		h.fail(c, err)
		return
	}
	byTrack, err := h.Store.ArtistEarnings(c.Request.Context(), h.ChainID, p.Account)
	if err != nil {
		h.fail(c, err)
		return
	}
	out := make([]trackEarningJSON, 0, len(byTrack))
	for _, e := range byTrack {
		out = append(out, trackEarningJSON{TrackID: e.TrackID, Sales: e.Sales, Earned: amount(e.Amount)})
	}
	sort.Slice(out, func(i, j int) bool { return out[i].TrackID > out[j].TrackID })
	c.JSON(http.StatusOK, gin.H{"tracks": out})
}

type draftJSON struct {
	ContentHash string    `json:"contentHash"`
	Title       string    `json:"title"`
	Genre       string    `json:"genre"`
	MetadataURI string    `json:"metadataUri"`
	CreatedAt   time.Time `json:"createdAt"`
}

// drafts serves the signed-in account's uploads whose registration was never signed (or never
// seen on the chain): GET /api/v1/uploads.
func (h *handlers) drafts(c *gin.Context) {
	account, _ := signedIn(c) // requireSignIn runs before
	list, err := h.Store.UnregisteredUploads(c.Request.Context(), h.ChainID, account)
	if err != nil {
		h.fail(c, err)
		return
	}
	out := []draftJSON{}
	for _, m := range list {
		out = append(out, draftJSON{ContentHash: m.ContentHash.Hex(), Title: m.Title, Genre: m.Genre, CreatedAt: m.CreatedAt,
			MetadataURI: strings.TrimSuffix(h.Origin, "/") + "/api/v1/metadata/" + m.ContentHash.Hex()})
	}
	c.JSON(http.StatusOK, gin.H{"uploads": out})
}

// discardDraft serves DELETE /api/v1/uploads/{hash}: the signed-in artist discards their own upload
// that no registration matches (uploads.Discarder). 404 for anyone else's upload or a registered one.
func (h *handlers) discardDraft(c *gin.Context) {
	account, _ := signedIn(c)
	var p struct {
		Hash common.Hash `path:"hash" parse:"content-hash"`
	}
	if err := parseParams(c, &p); err != nil {
		h.fail(c, err)
		return
	}
	d := uploads.Discarder{Store: h.Store, Media: content.Media{Dir: h.MediaDir}, ChainID: h.ChainID, Logger: h.Logger}
	if err := d.Discard(c.Request.Context(), account, p.Hash); err != nil {
		h.fail(c, err)
		return
	}
	c.Status(http.StatusNoContent)
}

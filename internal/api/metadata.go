package api

import (
	"net/http"

	"github.com/ethereum/go-ethereum/common"
	"github.com/gin-gonic/gin"
)

// trackMetadata is the JSON a registered track's metadata URI resolves to.
type trackMetadata struct {
	ContentHash string `json:"contentHash"`
	Title       string `json:"title"`
	Artist      string `json:"artist"`
	Genre       string `json:"genre"`
	Subgenre    string `json:"subgenre"`
	Description string `json:"description"`
	DurationMS  int64  `json:"durationMs"`
	Uploader    string `json:"uploader"`
}

// metadata serves the metadata of the package with the given content hash.
func (h *handlers) metadata(c *gin.Context) {
	var p struct {
		Hash common.Hash `path:"hash" parse:"content-hash"`
	}
	if err := parseParams(c, &p); err != nil {
		h.fail(c, err)
		return
	}
	m, err := h.Store.TrackMetadata(c.Request.Context(), p.Hash)
	if err != nil {
		h.fail(c, err)
		return
	}
	c.Header("Cache-Control", "public, max-age=60")
	c.JSON(http.StatusOK, trackMetadata{ContentHash: m.ContentHash.Hex(), Title: m.Title, Artist: m.ArtistName,
		Genre: m.Genre, Subgenre: m.Subgenre, Description: m.Description, DurationMS: m.DurationMS,
		Uploader: m.Uploader.Hex()})
}

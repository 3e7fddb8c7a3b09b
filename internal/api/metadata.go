package api

import (
	"net/http"
	"regexp"

	"github.com/ethereum/go-ethereum/common"
	"github.com/gin-gonic/gin"
)

var hashPattern = regexp.MustCompile(`^0x[0-9a-fA-F]{64}$`)

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
	raw := c.Param("hash")
	if !hashPattern.MatchString(raw) {
		h.fail(c, badRequest("the content hash must be 0x and 64 hex digits"))
		return
	}
	m, err := h.Store.TrackMetadata(c.Request.Context(), common.HexToHash(raw))
	if err != nil {
		h.fail(c, err)
		return
	}
	c.Header("Cache-Control", "public, max-age=60")
	c.JSON(http.StatusOK, trackMetadata{ContentHash: m.ContentHash.Hex(), Title: m.Title, Artist: m.ArtistName,
		Genre: m.Genre, Subgenre: m.Subgenre, Description: m.Description, DurationMS: m.DurationMS,
		Uploader: m.Uploader.Hex()})
}

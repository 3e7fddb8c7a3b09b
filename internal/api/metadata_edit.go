package api

import (
	"errors"
	"net/http"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/gin-gonic/gin"

	"github.com/bittunes/bittunes/internal/charts"
	"github.com/bittunes/bittunes/internal/store"
)

// metadataEditRequest is the body of PATCH /api/v1/tracks/{id}/metadata: the fields to change.
type metadataEditRequest struct {
	Title       *string `json:"title"`
	Genre       *string `json:"genre"`
	Subgenre    *string `json:"subgenre"`
	Description *string `json:"description"`
}

// Limits of the metadata fields, in characters.
const (
	maxTitle       = 200
	maxGenreName   = 60
	maxDescription = 5_000
)

// parseMetadataEdit validates an edit: a title of 1 to 200 characters, genre and sub-genre names
// of 1 to 60 with a letter or digit, a description of at most 5 000; each trimmed of surrounding
// space and free of control characters (but for line breaks and tabs in the description).
func parseMetadataEdit(r metadataEditRequest) (store.MetadataEdit, error) {
	var e store.MetadataEdit
	var err error
	if r.Title == nil && r.Genre == nil && r.Subgenre == nil && r.Description == nil {
		return e, badRequest("give at least one of title, genre, subgenre and description")
	}
	if e.Title, err = cleanField("the title", r.Title, 1, maxTitle, false); err != nil {
		return e, err
	}
	if e.Genre, err = cleanField("the genre", r.Genre, 1, maxGenreName, false); err != nil {
		return e, err
	}
	if e.Subgenre, err = cleanField("the subgenre", r.Subgenre, 1, maxGenreName, false); err != nil {
		return e, err
	}
	for _, g := range []struct {
		what string
		name *string
	}{{"the genre", e.Genre}, {"the subgenre", e.Subgenre}} {
		if g.name != nil && charts.Slug(*g.name) == "" {
			return e, badRequest("%s must contain a letter or a digit", g.what)
		}
	}
	if e.Description, err = cleanField("the description", r.Description, 0, maxDescription, true); err != nil {
		return e, err
	}
	return e, nil
}

// cleanField trims a field and checks its length and characters; nil stays nil.
func cleanField(what string, v *string, minLen, maxLen int, multiline bool) (*string, error) {
	if v == nil {
		return nil, nil
	}
	s := strings.TrimSpace(*v)
	if !utf8.ValidString(s) {
		return nil, badRequest("%s is not valid UTF-8", what)
	}
	for _, r := range s {
		if unicode.IsControl(r) && !(multiline && (r == '\n' || r == '\r' || r == '\t')) {
			return nil, badRequest("%s contains a control character", what)
		}
	}
	switch n := utf8.RuneCountInString(s); {
	case n < minLen:
		return nil, badRequest("%s must not be empty", what)
	case n > maxLen:
		return nil, badRequest("%s is longer than %d characters", what, maxLen)
	}
	return &s, nil
}

// maxMetadataBody bounds an edit's body: 5 000 characters of description, JSON-escaped, and the rest.
const maxMetadataBody = 64 << 10

// editMetadata changes a track's title, genre, sub-genre or description:
// PATCH /api/v1/tracks/{id}/metadata, by the track's artist only. It answers the track as
// GET /api/v1/tracks/{id} does. The charts show a new genre at their next rebuild.
func (h *handlers) editMetadata(c *gin.Context) {
	account, _ := signedIn(c) // requireSignIn runs before
	var p struct {
		ID int64 `path:"id" parse:"track-id"`
	}
	if err := parseParams(c, &p); err != nil {
		h.fail(c, err)
		return
	}
	id := p.ID
	var req metadataEditRequest
	if err := decodeStrictJSON(c, &req, maxMetadataBody); err != nil {
		h.fail(c, err)
		return
	}
	edit, err := parseMetadataEdit(req)
	if err != nil {
		h.fail(c, err)
		return
	}
	ctx := c.Request.Context()
	if err := h.Store.UpdateTrackMetadata(ctx, h.ChainID, id, account, edit); err != nil {
		if errors.Is(err, store.ErrForbidden) {
			h.fail(c, forbidden("only the track's artist can edit its metadata"))
			return
		}
		h.fail(c, err)
		return
	}
	t, err := h.Store.Track(ctx, h.ChainID, id)
	if err != nil {
		h.fail(c, err)
		return
	}
	rels, err := TrackReleases(ctx, h.Store, h.ChainID, t)
	if err != nil {
		h.fail(c, err)
		return
	}
	h.charts.forget() // the charts show the track
	c.JSON(http.StatusOK, trackPageJSON{trackJSON: trackView(t), Market: marketJSON{h.Market.Hex(), h.ChainID, t.ID}, Releases: trackReleasesView(rels)})
}

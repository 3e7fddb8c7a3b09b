package api

import (
	"fmt"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"time"

	"github.com/ethereum/go-ethereum/common"
	"github.com/gin-gonic/gin"

	"github.com/bittunes/bittunes/internal/names"
	"github.com/bittunes/bittunes/internal/store"
)

// profileJSON is an account's profile as GET /api/v1/profiles/{address} answers it.
type profileJSON struct {
	Address        string    `json:"address"`
	Name           string    `json:"name"`
	Bio            string    `json:"bio"`
	Links          []string  `json:"links"`
	Avatar         *string   `json:"avatar"` // the avatar's URL; null without one
	HideCollection bool      `json:"hideCollection"`
	UpdatedAt      time.Time `json:"updatedAt"`
	Page           string    `json:"page"`
}

func profileView(p store.Profile) profileJSON {
	v := profileJSON{Address: p.Account.Hex(), Name: p.Name, Bio: p.Bio, Links: p.Links, HideCollection: p.HideCollection,
		UpdatedAt: p.UpdatedAt, Page: "/a/" + strings.ToLower(p.Account.Hex())}
	if v.Links == nil {
		v.Links = []string{}
	}
	if p.HasAvatar {
		u := "/api/v1/profiles/" + strings.ToLower(p.Account.Hex()) + "/avatar?v=" + strconv.FormatInt(p.UpdatedAt.UnixMilli(), 10)
		v.Avatar = &u
	}
	return v
}

// profileRequest is the body of PUT /api/v1/profiles/{address}. Avatar is a base64 PNG, JPEG or
// WebP image (or a data: URL of one); absent keeps the current avatar, "" removes it.
type profileRequest struct {
	Name           string   `json:"name"`
	Bio            string   `json:"bio"`
	Links          []string `json:"links"`
	HideCollection bool     `json:"hideCollection"`
	Avatar         *string  `json:"avatar"`
}

// Limits of a profile.
const (
	maxBio         = 500
	maxLinks       = 5
	maxLinkLength  = 300
	maxProfileBody = maxAvatarBytes*4/3 + 16<<10
)

// parseProfile validates a profile: a name (see names.Clean), a bio of at most 500 characters, at
// most 5 http(s) links of at most 300 characters each, and the avatar.
func parseProfile(r profileRequest) (store.ProfileEdit, error) {
	var e store.ProfileEdit
	name, err := names.Clean(r.Name)
	if err != nil {
		return e, fmt.Errorf("the name: %w", err)
	}
	bio, err := cleanField("the bio", &r.Bio, 0, maxBio, true)
	if err != nil {
		return e, err
	}
	if len(r.Links) > maxLinks {
		return e, badRequest("at most %d links", maxLinks)
	}
	for _, l := range r.Links {
		l = strings.TrimSpace(l)
		u, err := url.Parse(l)
		if err != nil || (u.Scheme != "https" && u.Scheme != "http") || u.Host == "" || len(l) > maxLinkLength || strings.ContainsAny(l, "\n\r\t ") {
			return e, badRequest("a link must be an http or https URL of at most %d characters", maxLinkLength)
		}
		e.Links = append(e.Links, u.String())
	}
	e.Name, e.Bio, e.HideCollection = name, *bio, r.HideCollection
	if r.Avatar != nil {
		e.Avatar = []byte{}
		if *r.Avatar != "" {
			if e.Avatar, err = decodeAvatar(*r.Avatar); err != nil {
				return e, err
			}
		}
	}
	return e, nil
}

// profile serves GET /api/v1/profiles/{address}: 404 for an account without a profile.
func (h *handlers) profile(c *gin.Context) {
	var q accountParams
	if err := parseParams(c, &q); err != nil {
		h.fail(c, err)
		return
	}
	p, err := h.Store.Profile(c.Request.Context(), h.ChainID, q.Account)
	if err != nil {
		h.fail(c, err)
		return
	}
	c.JSON(http.StatusOK, profileView(p))
}

// avatar serves GET /api/v1/profiles/{address}/avatar: the JPEG the server made of the upload.
func (h *handlers) avatar(c *gin.Context) {
	var q accountParams
	if err := parseParams(c, &q); err != nil {
		h.fail(c, err)
		return
	}
	b, _, err := h.Store.ProfileAvatar(c.Request.Context(), h.ChainID, q.Account)
	if err != nil {
		h.fail(c, err)
		return
	}
	c.Header("Cache-Control", "public, max-age=300")
	c.Header("X-Content-Type-Options", "nosniff")
	c.Data(http.StatusOK, "image/jpeg", b)
}

// putProfile serves PUT /api/v1/profiles/{address}: the signed-in account sets its own profile.
// A name taken by, or looking like that of, another account is a 409.
func (h *handlers) putProfile(c *gin.Context) {
	account, _ := signedIn(c) // requireSignIn runs before
	var q accountParams
	if err := parseParams(c, &q); err != nil {
		h.fail(c, err)
		return
	}
	if q.Account != account {
		h.fail(c, forbidden("an account sets its own profile only"))
		return
	}
	var req profileRequest
	if err := decodeStrictJSON(c, &req, maxProfileBody); err != nil {
		h.fail(c, err)
		return
	}
	edit, err := parseProfile(req)
	if err != nil {
		h.fail(c, err)
		return
	}
	p, err := h.Store.PutProfile(c.Request.Context(), h.ChainID, account, edit)
	if err != nil {
		h.fail(c, err)
		return
	}
	h.charts.forget() // the charts show artist names
	c.JSON(http.StatusOK, profileView(p))
}

// profileNames returns the display names of those of accounts that have a profile, keyed by
// checksummed address, for responses that list addresses. A failure leaves the names out: the
// addresses still say who is who.
func (h *handlers) profileNames(c *gin.Context, accounts []common.Address) map[string]string {
	got, err := h.Store.ProfileNames(c.Request.Context(), h.ChainID, accounts)
	out := make(map[string]string, len(got))
	if err != nil {
		h.Logger.Warn("api: profile names", "err", err)
		return out
	}
	for a, n := range got {
		out[a.Hex()] = n
	}
	return out
}

type supporterJSON struct {
	Address *string   `json:"address"` // null for an owner who keeps their collection private
	Name    string    `json:"name,omitempty"`
	Time    time.Time `json:"time"`
}

// supporters serves who bought a track, newest first ("supported by"):
// GET /api/v1/tracks/{id}/supporters?limit=&cursor=, at most 100 a page.
func (h *handlers) supporters(c *gin.Context) {
	var p struct {
		trackParams
		salesPage
	}
	if err := parseParams(c, &p); err != nil {
		h.fail(c, err)
		return
	}
	list, next, err := h.Store.Supporters(c.Request.Context(), h.ChainID, p.ID, p.After, p.Limit)
	if err != nil {
		h.fail(c, err)
		return
	}
	out := struct {
		Supporters []supporterJSON `json:"supporters"`
		NextCursor *string         `json:"nextCursor"`
	}{Supporters: []supporterJSON{}}
	for _, s := range list {
		v := supporterJSON{Name: s.Name, Time: s.Time}
		if !s.Private {
			a := s.Account.Hex()
			v.Address = &a
		}
		out.Supporters = append(out.Supporters, v)
	}
	if next != nil {
		cur := encodeCursor("s", int64(next.Block), int64(next.Log))
		out.NextCursor = &cur
	}
	c.JSON(http.StatusOK, out)
}

// profileByName serves GET /api/v1/profiles?name=: the profile whose name looks like the one given
// (the same skeleton, see package names), to send a gift to a friend by name.
func (h *handlers) profileByName(c *gin.Context) {
	var q struct {
		Name string `query:"name" parse:"profile-name"`
	}
	if err := parseParams(c, &q); err != nil {
		h.fail(c, err)
		return
	}
	p, err := h.Store.ProfileByName(c.Request.Context(), h.ChainID, q.Name)
	if err != nil {
		h.fail(c, err)
		return
	}
	c.JSON(http.StatusOK, profileView(p))
}

// parseProfileName reads a name to look a profile up by: 1 to names.MaxLength characters (at most
// 4 bytes each); the store compares what the name looks like.
func parseProfileName(s string) (string, error) {
	if s == "" || len(s) > 4*names.MaxLength {
		return "", badRequest("give a name of 1 to %d characters", names.MaxLength)
	}
	return s, nil
}

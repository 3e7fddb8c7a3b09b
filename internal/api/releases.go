package api

import (
	"context"
	"encoding/base64"
	"math/big"
	"net/http"
	"regexp"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/common/hexutil"
	"github.com/gin-gonic/gin"
	"golang.org/x/time/rate"

	"github.com/bittunes/bittunes/internal/cards"
	"github.com/bittunes/bittunes/internal/content"
	"github.com/bittunes/bittunes/internal/market"
	"github.com/bittunes/bittunes/internal/releasedrafts"
	"github.com/bittunes/bittunes/internal/store"
	"github.com/bittunes/bittunes/internal/wei"
)

// ReleaseQuoter asks the contract what a release purchase would cost and pay now (market.Reader does).
type ReleaseQuoter interface {
	QuoteRelease(ctx context.Context, releaseID int64, referrer, buyer, recipient common.Address) (market.ReleaseQuote, error)
}

// Release metadata limits.
const (
	maxReleaseBody        = 4 << 20 // the JSON of a draft, its base64 cover included
	maxReleaseTitle       = 200
	maxReleaseDescription = 5_000
	releaseCoverSide      = 600
	// defaultQuoteRate bounds the contract reads of release quotes across all clients, per second.
	defaultQuoteRate = 20
	quoteTimeout     = 5 * time.Second
)

var (
	releaseIDPattern = regexp.MustCompile(`^[0-9a-f]{32}$`)
	datePattern      = regexp.MustCompile(`^\d{4}-\d{2}-\d{2}$`)
)

// releases serves the release routes: reads of registered releases, their quotes, and the metadata
// an artist writes before registering one.
type releases struct {
	*handlers
	quotes *rate.Limiter // the contract reads of quotes, across all clients
	drafts releasedrafts.Service
}

func newReleases(h *handlers) *releases {
	r := h.QuoteRate
	if r == 0 {
		r = defaultQuoteRate
	}
	return &releases{handlers: h, quotes: rate.NewLimiter(r, max(1, int(r))),
		drafts: releasedrafts.Service{Store: h.Store, ChainID: h.ChainID}}
}

func (rs *releases) routes(v1 *gin.RouterGroup, si *signIn) {
	v1.GET("/releases/:id", rs.release)
	v1.GET("/releases/:id/quote", rs.quote)
	v1.GET("/artists/:address/releases", rs.artistReleases)
	v1.POST("/releases", si.sameOrigin, requireSignIn, rs.createDraft)
	v1.GET("/release-metadata/:draft", rs.metadata)
	v1.GET("/release-metadata/:draft/cover", rs.cover)
	v1.PATCH("/release-metadata/:draft", si.sameOrigin, requireSignIn, rs.editDraft)
}

// ---------------------------------------------------------------------------------------------
// Views
// ---------------------------------------------------------------------------------------------

type releaseMetadataJSON struct {
	ID          string    `json:"id"`
	Title       string    `json:"title"`
	Kind        string    `json:"kind"`
	Description string    `json:"description"`
	ReleaseDate string    `json:"releaseDate"`
	Artist      string    `json:"artist"`
	Cover       *string   `json:"cover"` // URL; null without a cover
	UpdatedAt   time.Time `json:"updatedAt"`
}

func releaseMetadataView(m store.ReleaseMetadata) releaseMetadataJSON {
	v := releaseMetadataJSON{ID: m.ID, Title: m.Title, Kind: m.Kind, Description: m.Description, ReleaseDate: m.ReleaseDate,
		Artist: m.Uploader.Hex(), UpdatedAt: m.UpdatedAt}
	if m.HasCover {
		u := store.ReleaseMetadataPath(m.ID) + "/cover?v=" + itoa(m.UpdatedAt.Unix())
		v.Cover = &u
	}
	return v
}

type releaseTrackJSON struct {
	Position int `json:"position"`
	trackJSON
	// Part is the track's part of the release price at the tracks' current prices (what a buyer
	// owning none of them pays for it).
	Part amountJSON `json:"part"`
}

type releaseJSON struct {
	ID     int64      `json:"id"`
	Artist artistJSON `json:"artist"`
	// Price is the release price the artist set; EffectivePrice what the release costs now,
	// min(price, sumOfPrices); Saving what a buyer saves against buying every track alone.
	Price          amountJSON           `json:"price"`
	SumOfPrices    amountJSON           `json:"sumOfPrices"`
	EffectivePrice amountJSON           `json:"effectivePrice"`
	Saving         amountJSON           `json:"saving"`
	Listed         bool                 `json:"listed"`
	MetadataURI    string               `json:"metadataUri"`
	Metadata       *releaseMetadataJSON `json:"metadata"` // null when the URI names no metadata of the artist's
	Tracks         []releaseTrackJSON   `json:"tracks"`
	Purchases      int64                `json:"purchases"`
	RegisteredAt   time.Time            `json:"registeredAt"`
	Registration   txJSON               `json:"registration"`
	Market         releaseMarketJSON    `json:"market"`
	Page           string               `json:"page"`
}

// releaseMarketJSON is the contract a release is bought from.
type releaseMarketJSON struct {
	Address   string `json:"address"`
	ChainID   uint64 `json:"chainId"`
	ReleaseID int64  `json:"releaseId"`
}

// releaseView shows a release with its tracks in order. It fails with ErrNotFound when the market
// does not list one of them (its artist never uploaded its package here): the page could not show it.
func (rs *releases) releaseView(r store.Release, tracks map[int64]store.Track) (releaseJSON, error) {
	prices := make([]*big.Int, len(r.TrackIDs))
	for i, id := range r.TrackIDs {
		t, ok := tracks[id]
		if !ok {
			return releaseJSON{}, store.ErrNotFound
		}
		prices[i] = t.Price.BigInt()
	}
	effective, parts := market.Apportion(r.Price.BigInt(), prices)
	sum := new(big.Int)
	for _, p := range prices {
		sum.Add(sum, p)
	}
	v := releaseJSON{ID: r.ID, Artist: artistJSON{Address: r.Artist.Hex()}, Price: amount(r.Price), SumOfPrices: weiJSON(sum),
		EffectivePrice: weiJSON(effective), Saving: weiJSON(new(big.Int).Sub(sum, effective)), Listed: r.Listed,
		MetadataURI: r.MetadataURI, Tracks: make([]releaseTrackJSON, len(r.TrackIDs)), Purchases: r.Purchases,
		RegisteredAt: r.RegisteredAt, Registration: txJSON{r.BlockNumber, r.TxHash.Hex()},
		Market: releaseMarketJSON{rs.Market.Hex(), rs.ChainID, r.ID}, Page: "/releases/" + itoa(r.ID)}
	if r.Metadata != nil {
		m := releaseMetadataView(*r.Metadata)
		v.Metadata = &m
	}
	for i, id := range r.TrackIDs {
		t := tracks[id]
		v.Tracks[i] = releaseTrackJSON{Position: i + 1, trackJSON: trackView(t), Part: weiJSON(parts[i])}
		if i == 0 {
			v.Artist.Name = t.ArtistName
		}
	}
	return v, nil
}

// weiJSON shows a sum the API computed (never negative, below 2^256 under the contract's caps).
func weiJSON(x *big.Int) amountJSON {
	a, err := wei.New(x)
	if err != nil {
		a = wei.Zero()
	}
	return amount(a)
}

// ---------------------------------------------------------------------------------------------
// Reads
// ---------------------------------------------------------------------------------------------

// release serves GET /api/v1/releases/{id}.
func (rs *releases) release(c *gin.Context) {
	var p struct {
		ID int64 `path:"id" parse:"release-id"`
	}
	if err := parseParams(c, &p); err != nil {
		rs.fail(c, err)
		return
	}
	ctx := c.Request.Context()
	r, err := rs.Store.Release(ctx, rs.ChainID, p.ID)
	if err != nil {
		rs.fail(c, err)
		return
	}
	tracks, err := rs.Store.Tracks(ctx, rs.ChainID, r.TrackIDs)
	if err != nil {
		rs.fail(c, err)
		return
	}
	v, err := rs.releaseView(r, tracks)
	if err != nil {
		rs.fail(c, err)
		return
	}
	c.JSON(http.StatusOK, v)
}

// artistReleases serves GET /api/v1/artists/{address}/releases: the artist's releases, newest first.
func (rs *releases) artistReleases(c *gin.Context) {
	var p struct {
		Artist common.Address `path:"address" parse:"address" label:"the artist"`
	}
	if err := parseParams(c, &p); err != nil {
		rs.fail(c, err)
		return
	}
	ctx := c.Request.Context()
	rels, err := rs.Store.ArtistReleases(ctx, rs.ChainID, p.Artist)
	if err != nil {
		rs.fail(c, err)
		return
	}
	var ids []int64 // every release's tracks, read at once: at most 200 releases of 50 tracks
	for _, r := range rels {
		ids = append(ids, r.TrackIDs...)
	}
	tracks, err := rs.Store.Tracks(ctx, rs.ChainID, ids)
	if err != nil {
		rs.fail(c, err)
		return
	}
	out := struct {
		Releases []releaseJSON `json:"releases"`
	}{Releases: make([]releaseJSON, 0, len(rels))}
	for _, r := range rels {
		v, err := rs.releaseView(r, tracks)
		if err != nil {
			continue // a track the market does not list (another account uploaded its package): not shown
		}
		out.Releases = append(out.Releases, v)
	}
	c.JSON(http.StatusOK, out)
}

type releaseTrackQuoteJSON struct {
	TrackID          int64      `json:"trackId"`
	TrackPrice       amountJSON `json:"trackPrice"`
	Amount           amountJSON `json:"amount"`
	Skipped          bool       `json:"skipped"`
	CreditedReferrer *string    `json:"creditedReferrer"`
	ReferralBps      uint16     `json:"referralBps"`
	ArtistAmount     amountJSON `json:"artistAmount"`
	ReferrerAmount   amountJSON `json:"referrerAmount"`
	FeeAmount        amountJSON `json:"feeAmount"`
}

type releaseQuoteJSON struct {
	ReleaseID      int64                   `json:"releaseId"`
	Buyer          string                  `json:"buyer"`
	Recipient      string                  `json:"recipient"`
	Amount         amountJSON              `json:"amount"`
	EffectivePrice amountJSON              `json:"effectivePrice"`
	SumOfPrices    amountJSON              `json:"sumOfPrices"`
	MaxFeeBps      uint16                  `json:"maxFeeBps"`
	MinReferralBps uint16                  `json:"minReferralBps"`
	TracksBought   int                     `json:"tracksBought"`
	Tracks         []releaseTrackQuoteJSON `json:"tracks"`
	// Purchase is the transaction that buys the release on these terms (purchaseRelease, or
	// purchaseReleaseFor when the recipient is not the buyer).
	Purchase txRequestJSON `json:"purchase"`
}

// quote serves GET /api/v1/releases/{id}/quote?buyer=&referrer=&recipient=: the contract's
// quoteRelease at the head, and the transaction that buys on it. The contract reads of all clients
// together are bounded (429 beyond), each by a timeout.
func (rs *releases) quote(c *gin.Context) {
	var p struct {
		ID        int64          `path:"id" parse:"release-id"`
		Buyer     common.Address `query:"buyer" parse:"address" label:"the buyer"`
		Referrer  common.Address `query:"referrer" parse:"optional-address" label:"the referrer"`
		Recipient common.Address `query:"recipient" parse:"optional-address" label:"the recipient"`
	}
	if err := parseParams(c, &p); err != nil {
		rs.fail(c, err)
		return
	}
	if rs.Releases == nil {
		rs.fail(c, notConfigured("this server does not read release quotes from the chain"))
		return
	}
	ctx := c.Request.Context()
	if _, err := rs.Store.Release(ctx, rs.ChainID, p.ID); err != nil {
		rs.fail(c, err)
		return
	}
	if !rs.quotes.Allow() {
		rs.fail(c, rateLimited("too many release quotes right now; try again in a moment", time.Second))
		return
	}
	recipient := p.Recipient
	if recipient == (common.Address{}) {
		recipient = p.Buyer
	}
	qctx, cancel := context.WithTimeout(ctx, quoteTimeout)
	defer cancel()
	q, err := rs.Releases.QuoteRelease(qctx, p.ID, p.Referrer, p.Buyer, recipient)
	if err != nil {
		rs.fail(c, err)
		return
	}
	gift := common.Address{}
	if recipient != p.Buyer {
		gift = recipient
	}
	data := market.PackPurchaseRelease(marketABI(), big.NewInt(p.ID), gift, p.Referrer, q.Terms)
	out := releaseQuoteJSON{ReleaseID: p.ID, Buyer: p.Buyer.Hex(), Recipient: recipient.Hex(), Amount: weiJSON(q.Amount),
		EffectivePrice: weiJSON(q.EffectivePrice), SumOfPrices: weiJSON(q.SumOfPrices), MaxFeeBps: q.Terms.MaxFeeBps,
		MinReferralBps: q.Terms.MinReferralBps, TracksBought: q.TracksBought, Tracks: make([]releaseTrackQuoteJSON, len(q.Tracks)),
		Purchase: txRequestJSON{ChainID: rs.ChainID, To: rs.Market.Hex(), Data: hexutil.Encode(data), Value: q.Amount.String()}}
	for i, t := range q.Tracks {
		v := releaseTrackQuoteJSON{TrackID: t.TrackID, TrackPrice: weiJSON(t.TrackPrice), Amount: weiJSON(t.Amount), Skipped: t.Skipped,
			ReferralBps: t.ReferralBps, ArtistAmount: weiJSON(t.ArtistAmount), ReferrerAmount: weiJSON(t.ReferrerAmount),
			FeeAmount: weiJSON(t.FeeAmount)}
		if t.CreditedReferrer != (common.Address{}) {
			r := t.CreditedReferrer.Hex()
			v.CreditedReferrer = &r
		}
		out.Tracks[i] = v
	}
	c.Header("Cache-Control", "no-store")
	c.JSON(http.StatusOK, out)
}

// metadata serves GET /api/v1/release-metadata/{id}: what a release's metadata URI resolves to.
func (rs *releases) metadata(c *gin.Context) {
	var p draftParams
	if err := parseParams(c, &p); err != nil {
		rs.fail(c, err)
		return
	}
	m, err := rs.Store.ReleaseMetadata(c.Request.Context(), p.ID)
	if err != nil {
		rs.fail(c, err)
		return
	}
	c.Header("Cache-Control", "public, max-age=60")
	c.JSON(http.StatusOK, releaseMetadataView(m))
}

// cover serves GET /api/v1/release-metadata/{id}/cover: the release's cover, a JPEG the server made.
func (rs *releases) cover(c *gin.Context) {
	var p draftParams
	if err := parseParams(c, &p); err != nil {
		rs.fail(c, err)
		return
	}
	b, _, err := rs.Store.ReleaseCover(c.Request.Context(), p.ID)
	if err != nil {
		rs.fail(c, err)
		return
	}
	c.Header("Cache-Control", "public, max-age=300")
	c.Header("X-Content-Type-Options", "nosniff")
	c.Data(http.StatusOK, "image/jpeg", b)
}

// ---------------------------------------------------------------------------------------------
// Drafts
// ---------------------------------------------------------------------------------------------

// releaseDraftRequest is the body of POST /api/v1/releases and PATCH /api/v1/release-metadata/{id}
// (where every field is optional). TrackIDs and Price, when given on a POST, make the answer carry
// the registerRelease transaction.
type releaseDraftRequest struct {
	Title       *string `json:"title"`
	Kind        *string `json:"kind"`
	Description *string `json:"description"`
	ReleaseDate *string `json:"releaseDate"`
	Cover       *string `json:"cover"` // base64 PNG, JPEG or WebP (optionally a data: URL)
	TrackIDs    []int64 `json:"trackIds"`
	Price       *string `json:"price"` // wei, decimal
}

type releaseDraftJSON struct {
	Metadata    releaseMetadataJSON `json:"metadata"`
	MetadataURI string              `json:"metadataUri"`
	// Register is the registerRelease transaction, when the request named the tracks and the price.
	Register *txRequestJSON `json:"register,omitempty"`
}

// createDraft serves POST /api/v1/releases: the signed-in artist stores a release's metadata and
// cover, and gets the metadata URI to register the release with (and, given its tracks and price,
// the registration transaction itself).
func (rs *releases) createDraft(c *gin.Context) {
	account, _ := signedIn(c)
	if rs.Origin == "" {
		rs.fail(c, notConfigured("releases need the market's public origin, which metadata URIs start with"))
		return
	}
	var req releaseDraftRequest
	if err := decodeStrictJSON(c, &req, maxReleaseBody); err != nil {
		rs.fail(c, err)
		return
	}
	edit, err := parseReleaseEdit(req, true)
	if err != nil {
		rs.fail(c, err)
		return
	}
	ctx := c.Request.Context()
	var price wei.Amount
	register := req.TrackIDs != nil || req.Price != nil
	if register {
		if price, err = registrationPrice(req); err == nil {
			err = rs.drafts.CheckRegistration(ctx, account, req.TrackIDs, price)
		}
		if err != nil {
			rs.fail(c, err)
			return
		}
	}
	m, err := rs.drafts.Create(ctx, store.ReleaseMetadata{Uploader: account, Title: *edit.Title, Kind: *edit.Kind,
		Description: deref(edit.Description), ReleaseDate: deref(edit.ReleaseDate)}, edit.Cover, time.Now().UTC())
	if err != nil {
		rs.fail(c, err)
		return
	}
	out := releaseDraftJSON{Metadata: releaseMetadataView(m), MetadataURI: strings.TrimSuffix(rs.Origin, "/") + store.ReleaseMetadataPath(m.ID)}
	if register {
		data := marketABI().PackRegisterRelease(bigIDs(req.TrackIDs), price.BigInt(), out.MetadataURI)
		out.Register = &txRequestJSON{ChainID: rs.ChainID, To: rs.Market.Hex(), Data: hexutil.Encode(data), Value: "0"}
	}
	c.JSON(http.StatusCreated, out)
}

// editDraft serves PATCH /api/v1/release-metadata/{id}: the artist who wrote a release's metadata
// changes it, before or after registering the release.
func (rs *releases) editDraft(c *gin.Context) {
	account, _ := signedIn(c)
	var p draftParams
	if err := parseParams(c, &p); err != nil {
		rs.fail(c, err)
		return
	}
	var req releaseDraftRequest
	if err := decodeStrictJSON(c, &req, maxReleaseBody); err != nil {
		rs.fail(c, err)
		return
	}
	if req.TrackIDs != nil || req.Price != nil {
		rs.fail(c, badRequest("a release's tracks and price are on the chain: change the price with setReleasePrice"))
		return
	}
	edit, err := parseReleaseEdit(req, false)
	if err != nil {
		rs.fail(c, err)
		return
	}
	m, err := rs.Store.EditReleaseMetadata(c.Request.Context(), p.ID, account, edit, time.Now())
	if err != nil {
		rs.fail(c, err)
		return
	}
	c.JSON(http.StatusOK, releaseMetadataView(m))
}

// registrationPrice reads the price of a release registered with its draft.
func registrationPrice(req releaseDraftRequest) (wei.Amount, error) {
	if req.Price == nil {
		return wei.Amount{}, badRequest("a release registered now needs its price in wei")
	}
	return wei.Parse(*req.Price)
}

// parseReleaseEdit checks a draft's fields; on a POST (create) title and kind are required.
func parseReleaseEdit(req releaseDraftRequest, create bool) (store.ReleaseMetadataEdit, error) {
	var e store.ReleaseMetadataEdit
	if create && (req.Title == nil || req.Kind == nil) {
		return e, badRequest("a release needs a title and a kind (album, ep or single)")
	}
	if req.Title != nil {
		t := strings.TrimSpace(*req.Title)
		if t == "" || utf8.RuneCountInString(t) > maxReleaseTitle || !utf8.ValidString(t) {
			return e, badRequest("the title must have 1 to %d characters", maxReleaseTitle)
		}
		e.Title = &t
	}
	if req.Kind != nil {
		k := strings.ToLower(*req.Kind)
		if k != "album" && k != "ep" && k != "single" {
			return e, badRequest("the kind must be album, ep or single")
		}
		e.Kind = &k
	}
	if req.Description != nil {
		d := strings.TrimSpace(*req.Description)
		if utf8.RuneCountInString(d) > maxReleaseDescription || !utf8.ValidString(d) {
			return e, badRequest("the description must have at most %d characters", maxReleaseDescription)
		}
		e.Description = &d
	}
	if req.ReleaseDate != nil {
		d := *req.ReleaseDate
		if d != "" {
			if _, err := time.Parse(time.DateOnly, d); err != nil || !datePattern.MatchString(d) {
				return e, badRequest("the release date must be YYYY-MM-DD, or empty")
			}
		}
		e.ReleaseDate = &d
	}
	if req.Cover != nil {
		cover, err := decodeReleaseCover(*req.Cover)
		if err != nil {
			return e, err
		}
		e.Cover = cover
	}
	return e, nil
}

// decodeReleaseCover reads a cover as decodeAvatar reads an avatar, and makes it a releaseCoverSide
// square JPEG.
func decodeReleaseCover(s string) ([]byte, error) {
	raw, err := decodeBase64Image(s, "the cover")
	if err != nil {
		return nil, err
	}
	pic, err := cards.Decode(raw)
	if err != nil {
		return nil, badRequest("the cover is a damaged image")
	}
	return squareJPEG(pic, releaseCoverSide)
}

// decodeBase64Image checks a base64 image (optionally a data: URL) as decodeAvatar does: at most
// maxAvatarBytes, a PNG, JPEG or WebP of at most maxAvatarSide pixels a side.
func decodeBase64Image(s, what string) ([]byte, error) {
	if i := strings.Index(s, ";base64,"); strings.HasPrefix(s, "data:") && i > 0 {
		s = s[i+len(";base64,"):]
	}
	if len(s) > 4*(maxAvatarBytes/3+1) {
		return nil, tooLarge("%s is larger than 2 MB", what)
	}
	raw, err := base64.StdEncoding.DecodeString(s)
	if err != nil {
		return nil, badRequest("%s must be a base64-encoded PNG, JPEG or WebP image", what)
	}
	img, err := content.SniffImage(raw)
	if err != nil {
		return nil, badRequest("%s: %v", what, err)
	}
	if img.Width > maxAvatarSide || img.Height > maxAvatarSide {
		return nil, badRequest("%s is %d×%d pixels: each side must be at most %d", what, img.Width, img.Height, maxAvatarSide)
	}
	return raw, nil
}

// draftParams name the release metadata of /api/v1/release-metadata/{id}.
type draftParams struct {
	ID string `path:"draft" parse:"draft-id"`
}

// parseDraftID accepts a release metadata id: 32 lowercase hex digits.
func parseDraftID(s string) (string, error) {
	if !releaseIDPattern.MatchString(s) {
		return "", badRequest("a release metadata id is 32 lowercase hex digits")
	}
	return s, nil
}

// parseReleaseID accepts a positive decimal release id.
func parseReleaseID(s string) (int64, error) {
	id, err := parseTrackID(s)
	if err != nil {
		return 0, badRequest("the release id must be a positive whole number")
	}
	return id, nil
}

func bigIDs(ids []int64) []*big.Int {
	out := make([]*big.Int, len(ids))
	for i, id := range ids {
		out[i] = big.NewInt(id)
	}
	return out
}

func deref(s *string) string {
	if s == nil {
		return ""
	}
	return *s
}

package api

import (
	"encoding/json"
	"math/big"
	"net/http"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/common/hexutil"
	"github.com/gin-gonic/gin"

	"github.com/bittunes/bittunes/internal/bindings"
	"github.com/bittunes/bittunes/internal/charts"
	"github.com/bittunes/bittunes/internal/content"
	"github.com/bittunes/bittunes/internal/market"
	"github.com/bittunes/bittunes/internal/store"
	"github.com/bittunes/bittunes/internal/uploads"
	"github.com/bittunes/bittunes/internal/wei"
)

// maxArtistName is the longest artist name, in characters.
const maxArtistName = 100

// uploadTimeout is how long an upload may take to arrive and be packaged, beyond the server's
// usual read and write timeouts: 200 MB at 1 Mbit/s.
const uploadTimeout = 30 * time.Minute

// trackUpload is an upload's validated text fields.
type trackUpload struct {
	meta          store.TrackMetadata
	price         wei.Amount
	referralBps   int64
	collaborators []bindings.BittunesMarketCollaborator
}

type uploadJSON struct {
	ContentHash   string        `json:"contentHash"`
	MetadataURI   string        `json:"metadataUri"`
	Package       packageJSON   `json:"package"`
	Audio         audioJSON     `json:"audio"`
	Preview       bool          `json:"preview"`
	PreviewSource string        `json:"previewSource"`
	Cover         bool          `json:"cover"`
	Notes         []string      `json:"notes"`
	Register      txRequestJSON `json:"register"`
}

type packageJSON struct {
	Size int64 `json:"size"`
}

type audioJSON struct {
	Format     string `json:"format"`
	DurationMS int64  `json:"durationMs"`
	SHA256     string `json:"sha256"`
}

// txRequestJSON is a transaction for the user's wallet to send (eth_sendTransaction's fields).
type txRequestJSON struct {
	ChainID uint64 `json:"chainId"`
	To      string `json:"to"`
	Data    string `json:"data"`
	Value   string `json:"value"`
}

// upload receives an artist's track: POST /api/v1/uploads, multipart/form-data with the audio
// file and optionally a cover and a preview clip, and the fields title, artistName, genre,
// subgenre, description, price (wei), referralBps and collaborators (JSON). It packages the
// audio, keeps the sealed key and the metadata, and answers the registration for the artist's
// wallet to sign. Every upload is a fresh package with a fresh key, so the same audio uploaded
// twice gives two content hashes; the track enters the market when the indexer sees the
// registration of one of them.
func (h *handlers) upload(c *gin.Context) {
	account, _ := signedIn(c) // requireSignIn runs before
	if h.uploads == nil {
		h.fail(c, notConfigured("uploads are not configured on this server"))
		return
	}
	lim := h.UploadLimits.withDefaults()
	if c.Request.ContentLength > lim.request() {
		h.failUpload(c, tooLarge("the upload is larger than %s in all", megabytes(lim.request())))
		return
	}
	size := lim.request()
	if c.Request.ContentLength > 0 {
		size = c.Request.ContentLength
	}
	ctx, client := c.Request.Context(), clientKey(c.ClientIP())
	release, err := h.uploads.Admit(ctx, account, client, size)
	if err != nil {
		h.failUpload(c, err)
		return
	}
	defer release()
	extendDeadlines(c, uploadTimeout)
	c.Request.Body = http.MaxBytesReader(c.Writer, c.Request.Body, lim.request())
	form, err := readUploadForm(c.Request, h.uploads.Media, lim)
	if err != nil {
		h.failUpload(c, err)
		return
	}
	defer form.remove()
	req, err := parseTrackUpload(form.fields, account)
	if err != nil {
		h.failUpload(c, err)
		return
	}
	if err := h.refuseAudioUploadedBefore(ctx, account, form.upload.Audio.SHA256); err != nil {
		h.failUpload(c, err)
		return
	}
	req.meta.AudioSHA256 = form.upload.Audio.SHA256
	in, err := h.uploads.Accept(ctx, form.upload, req.meta, client)
	if err != nil {
		h.failUpload(c, err)
		return
	}
	if h.downloads.index != nil {
		// Checked now, so that the track has its torrent links as soon as it is registered.
		if _, err := h.downloads.index.Ensure(ctx, in.ContentHash); err != nil {
			h.Logger.Warn("api: upload: check the package", "content_hash", in.ContentHash.Hex(), "err", err)
		}
	}
	c.JSON(http.StatusCreated, h.uploadView(req, in, form.upload.Audio.SHA256))
}

// newUploads is the upload service of d, or nil when uploads are not configured: they need the
// media folder, the master key and the public origin (which metadata URIs start with).
func newUploads(d Deps) *uploads.Service {
	media := content.Media{Dir: d.MediaDir}
	if d.MediaDir == "" || len(d.MasterKey) != content.MasterKeySize || d.Origin == "" {
		return nil
	}
	if err := media.Init(); err != nil {
		d.Logger.Error("api: uploads are off", "err", err)
		return nil
	}
	lim := d.UploadBounds
	lim.MaxPending = int64(d.MaxPendingUploads)
	return &uploads.Service{Store: d.Store, Media: media, MasterKey: d.MasterKey, ChainID: d.ChainID, Limits: lim,
		Logger: d.Logger, FreeSpace: d.MediaFreeSpace}
}

func (h *handlers) uploadView(req trackUpload, in content.Ingested, audioHash common.Hash) uploadJSON {
	uri := strings.TrimSuffix(h.Origin, "/") + "/api/v1/metadata/" + in.ContentHash.Hex()
	data := marketABI().PackRegister(req.price.BigInt(), big.NewInt(req.referralBps), in.ContentHash, uri, req.collaborators)
	out := uploadJSON{ContentHash: in.ContentHash.Hex(), MetadataURI: uri, Package: packageJSON{in.Size},
		Audio:   audioJSON{string(in.Audio.Format), in.Audio.Duration.Milliseconds(), audioHash.Hex()},
		Preview: in.Preview != content.PreviewNone, PreviewSource: string(in.Preview), Cover: in.Cover != "",
		Notes:    []string{"Every upload is a new package with a new key; the same audio cannot be uploaded twice by the same artist."},
		Register: txRequestJSON{ChainID: h.ChainID, To: h.Market.Hex(), Data: hexutil.Encode(data), Value: "0"}}
	if in.Preview == content.PreviewNone {
		out.Notes = append(out.Notes, "No preview: "+in.Audio.Format.Name()+
			" audio is not cut automatically; upload a clip as the preview field to give the track one.")
	}
	return out
}

// marketABI is the contract's ABI, parsed once.
var marketABI = sync.OnceValue(bindings.NewMarket)

// failUpload answers an upload's error; over a size limit it also closes the connection, as
// the rest of the body is not read.
func (h *handlers) failUpload(c *gin.Context, err error) {
	if code, _, _ := describe(err); code == codeTooLarge {
		c.Header("Connection", "close")
	}
	h.fail(c, err)
}

// extendDeadlines gives a long request more time to arrive and be answered than the server's
// defaults. Where the connection cannot tell (tests), the defaults stay.
func extendDeadlines(c *gin.Context, d time.Duration) {
	rc := http.NewResponseController(c.Writer)
	_ = rc.SetReadDeadline(time.Now().Add(d))
	_ = rc.SetWriteDeadline(time.Now().Add(d + time.Minute))
}

// parseTrackUpload validates an upload's text fields, uploaded by account.
func parseTrackUpload(fields map[string]string, account common.Address) (trackUpload, error) {
	var u trackUpload
	text := func(what, name string, minLen, maxLen int, multiline bool) (string, error) {
		v := fields[name]
		s, err := cleanField(what, &v, minLen, maxLen, multiline)
		if err != nil {
			return "", err
		}
		return *s, nil
	}
	m := &u.meta
	var err error
	if m.Title, err = text("the title", "title", 1, maxTitle, false); err != nil {
		return u, err
	}
	if m.ArtistName, err = text("the artist name", "artistName", 0, maxArtistName, false); err != nil {
		return u, err
	}
	if m.ArtistName == "" {
		m.ArtistName = shortAddress(account)
	}
	if m.Genre, err = text("the genre", "genre", 1, maxGenreName, false); err != nil {
		return u, err
	}
	if m.Subgenre, err = text("the subgenre", "subgenre", 0, maxGenreName, false); err != nil {
		return u, err
	}
	if charts.Slug(m.Genre) == "" || (m.Subgenre != "" && charts.Slug(m.Subgenre) == "") {
		return u, badRequest("genre and subgenre names must contain a letter or a digit")
	}
	if m.Description, err = text("the description", "description", 0, maxDescription, true); err != nil {
		return u, err
	}
	m.Uploader = account
	if u.price, err = parsePrice(fields["price"]); err != nil {
		return u, err
	}
	if u.referralBps, err = parseReferralBps(fields["referralBps"]); err != nil {
		return u, err
	}
	if u.collaborators, err = parseCollaborators(fields["collaborators"], account); err != nil {
		return u, err
	}
	return u, nil
}

// shortAddress is 0x1234…abcd, an artist's name until they choose one.
func shortAddress(a common.Address) string {
	h := a.Hex()
	return h[:6] + "…" + h[len(h)-4:]
}

func parsePrice(s string) (wei.Amount, error) {
	if s == "" {
		return wei.Amount{}, badRequest("the price is missing: give it in wei, as decimal digits")
	}
	p, err := wei.Parse(s)
	// The contract's caps are checked here so that the artist's wallet is never asked to sign a
	// registration that reverts.
	maxPrice := market.ContractLimits.MaxPrice
	if err != nil || p.Cmp(maxPrice) > 0 {
		return wei.Amount{}, badRequest("the price must be a whole number of wei from 0 to %s, in decimal digits", maxPrice)
	}
	return p, nil
}

func parseReferralBps(s string) (int64, error) {
	if s == "" {
		return 0, nil
	}
	n, err := strconv.ParseInt(s, 10, 64)
	maxBps := int64(market.ContractLimits.MaxReferralBps)
	if err != nil || n < 0 || n > maxBps || strconv.FormatInt(n, 10) != s {
		return 0, badRequest("referralBps must be a whole number of basis points from 0 to %d", maxBps)
	}
	return n, nil
}

type collaboratorField struct {
	Address string `json:"address"`
	Bps     int    `json:"bps"`
}

// parseCollaborators reads the collaborators field: a JSON array of {"address", "bps"}, as the
// contract takes them (at most market.ContractLimits.MaxCollaborators, each share above 0, all
// shares at most 10 000 together, no one twice, not the artist, not the zero address). Empty means
// none.
func parseCollaborators(s string, artist common.Address) ([]bindings.BittunesMarketCollaborator, error) {
	out := []bindings.BittunesMarketCollaborator{}
	if strings.TrimSpace(s) == "" {
		return out, nil
	}
	var list []collaboratorField
	dec := json.NewDecoder(strings.NewReader(s))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&list); err != nil || dec.More() {
		return nil, badRequest(`collaborators must be a JSON array of {"address": "0x…", "bps": 1 to 10000}`)
	}
	if most := market.ContractLimits.MaxCollaborators; len(list) > most {
		return nil, badRequest("a track has at most %d collaborators", most)
	}
	total := 0
	seen := map[common.Address]bool{}
	for i, c := range list {
		a, err := parseAddress("collaborator "+strconv.Itoa(i+1), c.Address)
		if err != nil {
			return nil, err
		}
		switch {
		case a == (common.Address{}):
			return nil, badRequest("collaborator %d is the zero address", i+1)
		case a == artist:
			return nil, badRequest("collaborator %d is you: the artist keeps what the collaborators do not get", i+1)
		case seen[a]:
			return nil, badRequest("collaborator %d is listed twice", i+1)
		case c.Bps < 1 || c.Bps > 10_000:
			return nil, badRequest("collaborator %d's bps must be from 1 to 10000", i+1)
		}
		seen[a] = true
		total += c.Bps
		out = append(out, bindings.BittunesMarketCollaborator{Account: a, Bps: uint16(c.Bps)})
	}
	if total > 10_000 {
		return nil, badRequest("the collaborators' shares add up to %d bps, more than 10000", total)
	}
	return out, nil
}

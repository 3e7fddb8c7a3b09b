package api

import (
	"context"
	"io"
	"mime"
	"net/http"
	"net/netip"
	"os"
	"strings"

	"filippo.io/age"
	"github.com/ethereum/go-ethereum/common"
	"github.com/gin-gonic/gin"
	"golang.org/x/time/rate"

	"github.com/bittunes/bittunes/internal/content"
	"github.com/bittunes/bittunes/internal/store"
	"github.com/bittunes/bittunes/internal/swarm"
	"github.com/bittunes/bittunes/internal/unlock"
)

// downloads serves what travels: a track's .torrent, the packages as the torrents' HTTP web seed
// (BEP 19), the market's tracker, previews and covers for everyone, and the decrypted audio for a
// signed-in owner. Packages are served only once the swarm index has checked that their file is
// what their content hash promises.
type downloads struct {
	*handlers
	index   *swarm.Index // nil without a media folder
	links   swarm.Links
	tracker http.Handler
	unlock  *unlock.Service
	// keysPerIP and keysPerAccount bound the key requests of each client and each account.
	keysPerIP, keysPerAccount *ipLimiter
}

func newDownloads(h *handlers) *downloads {
	d := &downloads{handlers: h, tracker: h.Tracker}
	if d.tracker == nil {
		d.tracker = swarm.NewTracker(swarm.TrackerConfig{Peers: h.Store, Logger: h.Logger})
	}
	if h.MediaDir != "" {
		d.index = &swarm.Index{Store: h.Store, Media: content.Media{Dir: h.MediaDir}}
	}
	if h.Origin != "" {
		d.links = swarm.ServerLinks(h.Origin, h.TrackerURL)
	}
	var contract unlock.Contract
	if h.Owners != nil {
		contract = h.Owners
	}
	domain := strings.TrimPrefix(strings.TrimPrefix(strings.ToLower(h.Origin), "https://"), "http://")
	d.unlock = &unlock.Service{Store: h.Store, Contract: contract, Chain: h.Chain, Confirmations: h.Confirms,
		ContractReads: rate.NewLimiter(h.KeyContractRate, 2*defaultKeyContractRate),
		MasterKey:     h.MasterKey, ChainID: h.ChainID, Market: h.Market, Domain: strings.TrimSuffix(domain, "/"), Logger: h.Logger}
	d.keysPerIP = newIPLimiter(h.KeyRate, h.KeyBurst)
	d.keysPerIP.refusal = "too many key requests from this address; try again in a little while"
	d.keysPerAccount = newIPLimiter(h.KeyRate, h.KeyBurst)
	d.keysPerAccount.refusal = "too many key requests for this account; try again in a little while"
	return d
}

// routes registers the endpoints under v1.
func (d *downloads) routes(v1 *gin.RouterGroup, si *signIn) {
	v1.GET("/announce", d.tracking)
	v1.GET("/scrape", d.tracking)
	files := limitRanges(maxRanges)
	v1.GET("/packages/:file", files, d.servePackage)
	v1.HEAD("/packages/:file", files, d.servePackage)
	v1.GET("/tracks/:id/torrent", d.torrent)
	v1.GET("/tracks/:id/preview", files, d.preview)
	v1.GET("/tracks/:id/cover", files, d.cover)
	v1.GET("/tracks/:id/audio", limitRanges(1), requireSignIn, d.audio) // decrypts: one range
	v1.POST("/tracks/:id/key", si.sameOrigin, d.keysPerIP.middleware, d.key)
}

// tracking hands an announce or a scrape to the tracker with the client's address as the trusted
// proxies resolve it (a peer behind the load balancer is announced with its own address).
func (d *downloads) tracking(c *gin.Context) {
	r := c.Request
	if ip, err := netip.ParseAddr(c.ClientIP()); err == nil {
		r = r.WithContext(swarm.WithClientAddr(r.Context(), ip))
	}
	d.tracker.ServeHTTP(c.Writer, r)
}

// packageLinksJSON are a track page's links to its files, present once its package is verified.
type packageLinksJSON struct {
	PreviewURL  string `json:"previewUrl,omitempty"`
	CoverURL    string `json:"coverUrl,omitempty"`
	TorrentURL  string `json:"torrentUrl,omitempty"`
	Magnet      string `json:"magnet,omitempty"`
	InfoHash    string `json:"infoHash,omitempty"`
	PackageSize int64  `json:"packageSize,omitempty"`
	AudioURL    string `json:"audioUrl,omitempty"`
}

// packageLinks are the links of track t's files that exist (nil if none), read without hashing
// anything: a package not checked yet gets its torrent links once the seeder has checked it.
func (d *downloads) packageLinks(ctx context.Context, t store.Track) *packageLinksJSON {
	if d.index == nil {
		return nil
	}
	var l packageLinksJSON
	base := "/api/v1/tracks/" + itoa(t.ID)
	if _, _, err := d.mediaFile(t.ContentHash, preview); err == nil {
		l.PreviewURL = base + "/preview"
	}
	if _, _, err := d.mediaFile(t.ContentHash, cover); err == nil {
		l.CoverURL = base + "/cover"
	}
	if p, err := d.index.Lookup(ctx, t.ContentHash); err == nil && len(d.links.Trackers) > 0 {
		l.TorrentURL, l.AudioURL = base+"/torrent", base+"/audio"
		l.Magnet, l.InfoHash, l.PackageSize = p.Magnet(d.links), p.InfoHash().HexString(), p.Size
	}
	if l == (packageLinksJSON{}) {
		return nil
	}
	return &l
}

// trackPackage reads the track of the request's :id and its checked package.
func (d *downloads) trackPackage(c *gin.Context) (store.Track, swarm.Package, bool) {
	if d.index == nil || len(d.links.Trackers) == 0 {
		d.fail(c, notConfigured("downloads are not configured on this server"))
		return store.Track{}, swarm.Package{}, false
	}
	t, ok := d.trackOf(c)
	if !ok {
		return store.Track{}, swarm.Package{}, false
	}
	p, err := d.index.Ensure(c.Request.Context(), t.ContentHash)
	if err != nil {
		d.fail(c, err)
		return store.Track{}, swarm.Package{}, false
	}
	return t, p, true
}

func (d *downloads) trackOf(c *gin.Context) (store.Track, bool) {
	var p trackParams
	if err := parseParams(c, &p); err != nil {
		d.fail(c, err)
		return store.Track{}, false
	}
	t, err := d.Store.Track(c.Request.Context(), d.ChainID, p.ID)
	if err != nil {
		d.fail(c, err)
		return store.Track{}, false
	}
	return t, true
}

// torrent serves a track's .torrent: GET /api/v1/tracks/{id}/torrent.
func (d *downloads) torrent(c *gin.Context) {
	t, p, ok := d.trackPackage(c)
	if !ok {
		return
	}
	c.Header("Content-Disposition", attachment(fileTitle(t)+".torrent"))
	c.Header("Cache-Control", "public, max-age=300")
	c.Data(http.StatusOK, "application/x-bittorrent", p.TorrentFile(d.links))
}

// servePackage is the web seed: GET /api/v1/packages/{contentHash}.age, with ranges.
func (d *downloads) servePackage(c *gin.Context) {
	h, ok := swarm.ParseFileName(c.Param("file"))
	if !ok {
		d.fail(c, badRequest("a package is named 0x, 64 lowercase hex digits and .age"))
		return
	}
	if d.index == nil {
		d.fail(c, notConfigured("downloads are not configured on this server"))
		return
	}
	if err := d.checkPackage(c.Request.Context(), h); err != nil {
		d.fail(c, err)
		return
	}
	extendDeadlines(c, uploadTimeout)
	d.serveFile(c, d.index.Media.PackagePath(h), swarm.ErrNoPackage, "application/octet-stream",
		"public, max-age=31536000, immutable") // named by its hash: never changes
}

// serveFile answers with the file at path, with ranges; missing is the error when it is not there.
func (d *downloads) serveFile(c *gin.Context, path string, missing error, contentType, cacheControl string) {
	f, err := os.Open(path)
	if err != nil {
		d.fail(c, missing)
		return
	}
	defer f.Close()
	fi, err := f.Stat()
	if err != nil {
		d.fail(c, err)
		return
	}
	c.Header("Content-Type", contentType)
	c.Header("Cache-Control", cacheControl)
	d.serveRanges(c, f, fi.Size(), maxRanges)
}

type mediaKind int

const (
	preview mediaKind = iota
	cover
)

// mediaFile finds a track's preview or cover, whichever format it was stored in.
func (d *downloads) mediaFile(h common.Hash, kind mediaKind) (string, content.Format, error) {
	formats, path := []content.Format{content.MP3, content.Ogg, content.FLAC, content.WAV}, d.index.Media.PreviewPath
	if kind == cover {
		formats, path = []content.Format{content.JPEG, content.PNG, content.WebP}, d.index.Media.CoverPath
	}
	for _, f := range formats {
		if _, err := os.Stat(path(h, f)); err == nil {
			return path(h, f), f, nil
		}
	}
	return "", "", store.ErrNotFound
}

// preview streams a track's free clip: GET /api/v1/tracks/{id}/preview, with ranges.
func (d *downloads) preview(c *gin.Context) { d.serveMedia(c, preview) }

// cover serves a track's cover image: GET /api/v1/tracks/{id}/cover.
func (d *downloads) cover(c *gin.Context) { d.serveMedia(c, cover) }

func (d *downloads) serveMedia(c *gin.Context, kind mediaKind) {
	if d.index == nil {
		d.fail(c, notConfigured("media are not configured on this server"))
		return
	}
	t, ok := d.trackOf(c)
	if !ok {
		return
	}
	path, format, err := d.mediaFile(t.ContentHash, kind)
	if err != nil {
		d.fail(c, err)
		return
	}
	d.serveFile(c, path, store.ErrNotFound, format.MediaType(), "public, max-age=86400")
}

// audio streams the decrypted track to its signed-in owner: GET /api/v1/tracks/{id}/audio, with
// ranges (the package is decrypted where it is read: age's chunks are independently authenticated),
// as an attachment named "<Artist> - <Title>.<ext>" with ?download=1. A request from the start of
// the file (a play or a download, not a seek) is logged as a release.
func (d *downloads) audio(c *gin.Context) {
	account, _ := signedIn(c)
	t, p, ok := d.trackPackage(c)
	if !ok {
		return
	}
	r := c.GetHeader("Range")
	fromStart := r == "" || strings.HasPrefix(r, "bytes=0-") // a play or a download, logged; not a seek
	id, err := d.unlock.Stream(c.Request.Context(), t, account, fromStart, c.Writer.Header().Get(requestIDHeader))
	if err != nil {
		d.failUnlock(c, err)
		return
	}
	f, err := os.Open(d.index.Media.PackagePath(t.ContentHash))
	if err != nil {
		d.fail(c, swarm.ErrNoPackage)
		return
	}
	defer f.Close()
	plain, size, err := age.DecryptReaderAt(f, p.Size, id)
	if err != nil {
		d.fail(c, err)
		return
	}
	format, err := content.SniffAudio(plain, size)
	if err != nil {
		d.fail(c, err)
		return
	}
	disposition := "inline"
	if c.Query("download") == "1" {
		disposition = "attachment"
	}
	extendDeadlines(c, uploadTimeout)
	c.Header("Content-Type", format.MediaType())
	c.Header("Content-Disposition", contentDisposition(disposition, fileTitle(t)+"."+format.Ext()))
	c.Header("Cache-Control", "private, no-store")
	d.serveRanges(c, io.NewSectionReader(plain, 0, size), size, 1)
}

// fileTitle is "<Artist> - <Title>" as a file name.
func fileTitle(t store.Track) string { return content.FileName(t.ArtistName + " - " + t.Title) }

func attachment(name string) string { return contentDisposition("attachment", name) }

func contentDisposition(kind, name string) string {
	return mime.FormatMediaType(kind, map[string]string{"filename": name})
}

package web

import (
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"strings"

	"github.com/ethereum/go-ethereum/common"
	qrcode "github.com/yeqown/go-qrcode/v2"
)

// shortLink resolves a short referral link: GET /r/{code} → the track page with the referral.
func (p *pages) shortLink(w http.ResponseWriter, r *http.Request) {
	l, err := p.cfg.Catalog.ResolveShortLink(r.Context(), p.cfg.ChainID, r.PathValue("code"))
	if err != nil {
		p.fail(w, r, err)
		return
	}
	w.Header().Set("Cache-Control", "public, max-age=3600")
	http.Redirect(w, r, trackPath(l.TrackID)+"?ref="+strings.ToLower(l.Account.Hex()), http.StatusFound)
}

type shortLinkRequest struct {
	Track   int64  `json:"track"`
	Account string `json:"account"`
}

// makeShortLink gives an owner's short link to a track: POST /r {"track": id, "account": "0x…"}
// → {"code", "url"}. It needs no signature and no transaction: the link only names the
// account as the referrer, which anyone may do with ?ref=; it is made only for an account that
// owns the track, so the links stored are bounded by the sales.
func (p *pages) makeShortLink(w http.ResponseWriter, r *http.Request) {
	var req shortLinkRequest
	if err := json.NewDecoder(io.LimitReader(r.Body, 1024)).Decode(&req); err != nil {
		jsonError(w, http.StatusBadRequest, "invalid_argument", "the body must be {\"track\": id, \"account\": \"0x…\"}")
		return
	}
	if req.Track < 1 || !common.IsHexAddress(req.Account) || !strings.HasPrefix(req.Account, "0x") {
		jsonError(w, http.StatusBadRequest, "invalid_argument", "track must be a track id and account a 0x address")
		return
	}
	ctx := r.Context()
	account := common.HexToAddress(req.Account)
	owns, err := p.cfg.Catalog.Owns(ctx, p.cfg.ChainID, req.Track, account)
	if err != nil {
		p.cfg.Logger.Error("web: short link", "err", err)
		jsonError(w, http.StatusInternalServerError, "internal", "the link could not be made")
		return
	}
	if !owns {
		jsonError(w, http.StatusForbidden, "not_owner", "only an owner of the track has a referral link to it")
		return
	}
	code, err := p.cfg.Catalog.ShortLink(ctx, p.cfg.ChainID, req.Track, account)
	if err != nil {
		p.cfg.Logger.Error("web: short link", "err", err)
		jsonError(w, http.StatusInternalServerError, "internal", "the link could not be made")
		return
	}
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	_ = json.NewEncoder(w).Encode(map[string]string{"code": code, "url": p.origin(r) + "/r/" + code})
}

// maxQRText bounds what a QR code may encode: a link of this market, not a free QR service.
const maxQRText = 300

// qr draws a link of this market as a QR code: GET /qr?url=… → SVG, for posters and gigs.
func (p *pages) qr(w http.ResponseWriter, r *http.Request) {
	raw := r.URL.Query().Get("url")
	origin := p.origin(r)
	u, err := url.Parse(raw)
	if err != nil || len(raw) > maxQRText || raw == "" || u.Scheme+"://"+u.Host != origin {
		jsonError(w, http.StatusBadRequest, "invalid_argument", fmt.Sprintf("url must be a link of %s, at most %d characters", origin, maxQRText))
		return
	}
	svg, err := qrSVG(raw)
	if err != nil {
		jsonError(w, http.StatusBadRequest, "invalid_argument", "the link cannot be drawn as a QR code")
		return
	}
	w.Header().Set("Content-Type", "image/svg+xml")
	w.Header().Set("Cache-Control", "public, max-age=86400")
	w.Header().Set("X-Content-Type-Options", "nosniff")
	w.Header().Set("Content-Security-Policy", "default-src 'none'")
	_, _ = io.WriteString(w, svg)
}

// qrSVG encodes text as a QR code (error correction level M) and draws it as an SVG path, dark
// modules on white with the four-module quiet zone scanners need.
func qrSVG(text string) (string, error) {
	code, err := qrcode.NewWith(text, qrcode.WithErrorCorrectionLevel(qrcode.ErrorCorrectionMedium))
	if err != nil {
		return "", fmt.Errorf("web: qr: %w", err)
	}
	var m matrixWriter
	if err := code.Save(&m); err != nil {
		return "", fmt.Errorf("web: qr: %w", err)
	}
	const quiet = 4
	n := len(m.bits)
	var b strings.Builder
	side := n + 2*quiet
	fmt.Fprintf(&b, `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 %d %d" width="%d" height="%d" shape-rendering="crispEdges">`+
		`<title>QR code</title><rect width="%d" height="%d" fill="#fff"/><path fill="#000" d="`, side, side, side*8, side*8, side, side)
	for y, row := range m.bits {
		for x, dark := range row {
			if dark {
				fmt.Fprintf(&b, "M%d %dh1v1h-1z", x+quiet, y+quiet)
			}
		}
	}
	b.WriteString(`"/></svg>`)
	return b.String(), nil
}

// matrixWriter keeps the modules of a QR code (go-qrcode's writers draw images; the market
// draws its own SVG).
type matrixWriter struct{ bits [][]bool }

func (m *matrixWriter) Write(mat qrcode.Matrix) error {
	m.bits = mat.Bitmap()
	return nil
}

func (m *matrixWriter) Close() error { return nil }

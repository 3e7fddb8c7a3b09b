package web

import (
	"context"
	"encoding/json"
	"fmt"
	"html/template"
	"net/http"
	"net/url"
	"strconv"
	"strings"

	"github.com/ethereum/go-ethereum/common"

	"github.com/bittunes/bittunes/internal/charts"
	"github.com/bittunes/bittunes/internal/store"
)

// oembedJSON is an oEmbed 1.0 "rich" response.
type oembedJSON struct {
	Version         string `json:"version"`
	Type            string `json:"type"`
	ProviderName    string `json:"provider_name"`
	ProviderURL     string `json:"provider_url"`
	Title           string `json:"title"`
	AuthorName      string `json:"author_name,omitempty"`
	AuthorURL       string `json:"author_url,omitempty"`
	HTML            string `json:"html"`
	Width           int    `json:"width"`
	Height          int    `json:"height"`
	ThumbnailURL    string `json:"thumbnail_url,omitempty"`
	ThumbnailWidth  int    `json:"thumbnail_width,omitempty"`
	ThumbnailHeight int    `json:"thumbnail_height,omitempty"`
	CacheAge        int    `json:"cache_age"`
}

func (p *pages) oembedLink(origin, pageURL string) string {
	return origin + "/oembed?" + url.Values{"url": {pageURL}, "format": {"json"}}.Encode()
}

// jsonError answers {"error":{"code","message"}}, as the API does.
func jsonError(w http.ResponseWriter, status int, code, message string) {
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.Header().Set("X-Content-Type-Options", "nosniff")
	w.WriteHeader(status)
	_ = json.NewEncoder(w).Encode(map[string]any{"error": map[string]string{"code": code, "message": message}})
}

// oembed serves GET /oembed?url=<a track, release, artist or chart page of this market>&maxwidth=&maxheight=.
func (p *pages) oembed(w http.ResponseWriter, r *http.Request) {
	q := r.URL.Query()
	if f := q.Get("format"); f != "" && f != "json" {
		jsonError(w, http.StatusNotImplemented, "unsupported_format", "only the json format is offered")
		return
	}
	origin := p.origin(r)
	u, err := url.Parse(q.Get("url"))
	if err != nil || q.Get("url") == "" || len(q.Get("url")) > 2048 {
		jsonError(w, http.StatusBadRequest, "invalid_argument", "url must be a page of this market")
		return
	}
	if o, _ := url.Parse(origin); u.Host != o.Host {
		jsonError(w, http.StatusNotFound, "not_found", "url is not a page of this market")
		return
	}
	ref := ""
	if x := u.Query().Get("ref"); common.IsHexAddress(x) && strings.HasPrefix(x, "0x") {
		ref = strings.ToLower(x)
	}
	out, err := p.oembedFor(r.Context(), origin, u.Path, u.Query().Get("period"), ref)
	if err != nil {
		if errorsIsNotFound(err) {
			jsonError(w, http.StatusNotFound, "not_found", "there is no player for this page")
			return
		}
		p.cfg.Logger.Error("web: oembed", "url", u.String(), "err", err)
		jsonError(w, http.StatusInternalServerError, "internal", "the player could not be made")
		return
	}
	width, height := out.Width, out.Height
	if mw, err := strconv.Atoi(q.Get("maxwidth")); err == nil && mw > 0 && mw < width {
		width = mw
	}
	if mh, err := strconv.Atoi(q.Get("maxheight")); err == nil && mh > 0 && mh < height {
		height = mh
	}
	out.Width, out.Height = width, height
	out.HTML = fmt.Sprintf(`<iframe src="%s" width="%d" height="%d" style="border:0;border-radius:12px" loading="lazy" allow="autoplay" title="%s"></iframe>`,
		template.HTMLEscapeString(out.HTML), width, height, template.HTMLEscapeString(out.Title))
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.Header().Set("Cache-Control", "public, max-age=300")
	w.Header().Set("Access-Control-Allow-Origin", "*")
	_ = json.NewEncoder(w).Encode(out)
}

// oembedFor describes the player of a page path; HTML carries the player's URL for the caller
// to wrap in an iframe.
func (p *pages) oembedFor(ctx context.Context, origin, path, per, ref string) (oembedJSON, error) {
	out := oembedJSON{Version: "1.0", Type: "rich", ProviderName: "Bittunes", ProviderURL: origin + "/", Width: embedWidth, CacheAge: 300}
	parts := strings.Split(strings.Trim(path, "/"), "/")
	notFound := fmt.Errorf("web: oembed %q: %w", path, store.ErrNotFound)
	switch {
	case len(parts) == 2 && parts[0] == "t":
		id, err := parseTrackID(parts[1])
		if err != nil {
			return out, err
		}
		t, err := p.cfg.Catalog.Track(ctx, p.cfg.ChainID, id)
		if err != nil {
			return out, err
		}
		out.Title, out.AuthorName, out.AuthorURL = t.Title, artistName(t), artistURL(origin, t.Artist)
		out.HTML, out.Height = origin+withRef("/embed/t/"+parts[1], ref), embedTrackHeight
		out.ThumbnailURL, out.ThumbnailWidth, out.ThumbnailHeight = origin+"/covers/"+t.ContentHash.Hex()+"/600", 600, 600
	case len(parts) == 2 && parts[0] == "releases":
		id, err := parseTrackID(parts[1])
		if err != nil {
			return out, err
		}
		d, err := p.loadRelease(ctx, id)
		if err != nil {
			return out, err
		}
		first := d.Tracks[0].T
		out.Title, out.AuthorName, out.AuthorURL = d.Title, artistName(first), artistURL(origin, first.Artist)
		out.HTML, out.Height = origin+withRef("/embed/releases/"+parts[1], ref), embedListHeight
		out.ThumbnailURL, out.ThumbnailWidth, out.ThumbnailHeight = origin+"/covers/"+first.ContentHash.Hex()+"/600", 600, 600
	case len(parts) == 2 && parts[0] == "a":
		a, err := parseAddress(parts[1])
		if err != nil {
			return out, err
		}
		list, err := p.cfg.Catalog.ArtistTracks(ctx, p.cfg.ChainID, a)
		if err != nil {
			return out, err
		}
		if len(list) == 0 {
			return out, notFound
		}
		out.Title, out.AuthorName, out.AuthorURL = artistName(list[0]), artistName(list[0]), artistURL(origin, a)
		out.HTML, out.Height = origin+withRef("/embed/a/"+a.Hex(), ref), embedListHeight
		out.ThumbnailURL, out.ThumbnailWidth, out.ThumbnailHeight = origin+"/covers/"+list[0].ContentHash.Hex()+"/600", 600, 600
	case len(parts) >= 1 && len(parts) <= 3 && parts[0] == "charts":
		cp := charts.Period(per)
		if per == "" {
			cp = charts.Week
		} else if cp != charts.Week && cp != charts.Month && cp != charts.AllTime {
			return out, notFound
		}
		g, s := "", ""
		if len(parts) > 1 {
			g = parts[1]
		}
		if len(parts) > 2 {
			s = parts[2]
		}
		scope, _, err := p.chartEntries(ctx, g, s, cp)
		if err != nil {
			return out, err
		}
		embed := "/embed" + chartPath(scope.Key) + "?period=" + string(cp)
		if ref != "" {
			embed += "&ref=" + ref
		}
		out.Title = scope.Name + " top 100 · " + periodNames[cp]
		out.HTML, out.Height = origin+embed, embedListHeight
	default:
		return out, notFound
	}
	return out, nil
}

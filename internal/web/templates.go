package web

import (
	"fmt"
	"html/template"
	"math/big"
	"strconv"
	"strings"
	"time"

	"github.com/ethereum/go-ethereum/common"

	"github.com/bittunes/bittunes/internal/charts"
	"github.com/bittunes/bittunes/internal/store"
	"github.com/bittunes/bittunes/internal/wei"
)

// pageNames are the pages with a content template of their own (templates/<name>.html).
var pageNames = []string{"home", "chart", "browse", "track", "artist", "frame", "notfound", "error"}

var funcs = template.FuncMap{
	"eth":           func(a wei.Amount) string { return a.Ether() + " ETH" },
	"short":         shortAddress,
	"artistName":    artistName,
	"slug":          charts.Slug,
	"pct":           pct,
	"duration":      duration,
	"date":          func(t time.Time) string { return t.UTC().Format("2 Jan 2006") },
	"iso":           func(t time.Time) string { return t.UTC().Format(time.RFC3339) },
	"lower":         strings.ToLower,
	"plural":        plural,
	"movementWord":  func(m string) string { return movementWords[m] },
	"movementArrow": movementArrow,
	"movedBy":       movedBy,
}

// parseTemplates parses the layout with each page's content, and the embed page.
func parseTemplates() (map[string]*template.Template, *template.Template, error) {
	base, err := template.New("").Funcs(funcs).ParseFS(templateFS, "templates/layout.html", "templates/partials.html", "templates/seeding.html")
	if err != nil {
		return nil, nil, fmt.Errorf("web: templates: %w", err)
	}
	out := map[string]*template.Template{}
	for _, name := range pageNames {
		t, err := template.Must(base.Clone()).ParseFS(templateFS, "templates/"+name+".html")
		if err != nil {
			return nil, nil, fmt.Errorf("web: template %s: %w", name, err)
		}
		out[name] = t
	}
	embed, err := template.New("").Funcs(funcs).ParseFS(templateFS, "templates/embed.html")
	if err != nil {
		return nil, nil, fmt.Errorf("web: template embed: %w", err)
	}
	return out, embed, nil
}

// shortAddress renders an address as 0x1234…abcd.
func shortAddress(a common.Address) string {
	h := a.Hex()
	return h[:6] + "…" + h[len(h)-4:]
}

// artistName is a track's artist's name, or their short address.
func artistName(t store.Track) string {
	if t.ArtistName != "" {
		return t.ArtistName
	}
	return shortAddress(t.Artist)
}

// pct renders basis points as a percentage: 2000 → "20%", 1250 → "12.5%".
func pct(bps int) string {
	s := strconv.FormatFloat(float64(bps)/100, 'f', 2, 64)
	return strings.TrimSuffix(strings.TrimRight(s, "0"), ".") + "%"
}

// duration renders milliseconds as m:ss.
func duration(ms int64) string {
	s := (ms + 500) / 1000
	return fmt.Sprintf("%d:%02d", s/60, s%60)
}

func plural(n int64, word string) string {
	if n == 1 {
		return "1 " + word
	}
	return strconv.FormatInt(n, 10) + " " + word + "s"
}

var movementWords = map[string]string{"up": "up", "down": "down", "same": "no change", "new": "new entry"}

func movementArrow(e *charts.Entry) string {
	switch m := e.Movement(); m {
	case "up":
		return "▲" + strconv.Itoa(movedBy(e))
	case "down":
		return "▼" + strconv.Itoa(movedBy(e))
	case "same":
		return "–"
	default:
		return "NEW"
	}
}

func movedBy(e *charts.Entry) int {
	if e.PreviousRank == 0 {
		return 0
	}
	return max(e.Rank-e.PreviousRank, e.PreviousRank-e.Rank)
}

// referralShare is the referrer's share of a price in exact ether.
func referralShare(price wei.Amount, bps int) string {
	v := new(big.Int).Mul(price.BigInt(), big.NewInt(int64(bps)))
	v.Quo(v, big.NewInt(10000))
	a, err := wei.New(v)
	if err != nil {
		return "0"
	}
	return a.Ether()
}

// Package charts ranks tracks into the market's charts: the top 100 overall, per genre and per
// genre/sub-genre, for the last 7 days, the last 30 days and all time, each with the rank every
// entry held in the previous period.
//
// The published formula ranks a track in a period by the points of its counted sales in that
// period, then their number, then their revenue, then how early its first sale ever was (block,
// then log index, counted or not), then its track id, lower first. Which sales count and what they
// score is decided sale by sale, in chain order, from the chain's events alone (formula.go): free
// sales, sales by, for or referred by the track's team, and a second sale to the same buyer or fan
// do not count; a counted sale scores its price capped by half of what its fan had already paid
// other artists. Periods are whole UTC days ending today: "7d" is today and the six days
// before, "30d" today and the 29 before; their previous periods are the 7 and 30 days before those.
// For "all" the previous period is all time up to the end of yesterday. A track with no counted sale
// in a period is not in that period's charts. Movement compares an entry's rank with its rank in the
// same chart in the previous period: up, down, same, or new when it had no rank then.
package charts

import (
	"fmt"
	"sort"
	"strings"
	"time"
	"unicode"

	"github.com/bittunes/bittunes/internal/wei"
)

// Size is how many tracks a chart holds.
const Size = 100

// Period is the span of sales a chart counts.
type Period string

// The periods of the charts.
const (
	Week    Period = "7d"
	Month   Period = "30d"
	AllTime Period = "all"
)

// Periods lists every period.
var Periods = []Period{Week, Month, AllTime}

// ParsePeriod accepts "7d", "30d" and "all".
func ParsePeriod(s string) (Period, error) {
	for _, p := range Periods {
		if string(p) == s {
			return p, nil
		}
	}
	return "", fmt.Errorf("charts: unknown period %q (want 7d, 30d or all)", s)
}

// Window is a run of whole UTC days, First to Last inclusive, written YYYY-MM-DD. An all-time window
// has First "".
type Window struct{ First, Last string }

// Windows returns the days p covers when today is the given day, and those of the period before.
func (p Period) Windows(today time.Time) (current, previous Window) {
	day := func(offset int) string { return today.UTC().AddDate(0, 0, offset).Format(time.DateOnly) }
	switch p {
	case Week:
		return Window{day(-6), day(0)}, Window{day(-13), day(-7)}
	case Month:
		return Window{day(-29), day(0)}, Window{day(-59), day(-30)}
	default:
		return Window{"", day(0)}, Window{"", day(-1)}
	}
}

// Score is what ranks a track in one period: the points, number and revenue of its counted sales,
// and its first sale.
type Score struct {
	TrackID        int64
	Points         wei.Amount
	Sales          int64
	Revenue        wei.Amount
	FirstSaleBlock int64
	FirstSaleLog   int
}

// Above reports whether a ranks above b.
func Above(a, b Score) bool {
	if c := a.Points.Cmp(b.Points); c != 0 {
		return c > 0
	}
	if a.Sales != b.Sales {
		return a.Sales > b.Sales
	}
	if c := a.Revenue.Cmp(b.Revenue); c != 0 {
		return c > 0
	}
	if a.FirstSaleBlock != b.FirstSaleBlock {
		return a.FirstSaleBlock < b.FirstSaleBlock
	}
	if a.FirstSaleLog != b.FirstSaleLog {
		return a.FirstSaleLog < b.FirstSaleLog
	}
	return a.TrackID < b.TrackID
}

// Rank sorts scores from the top down, leaving out tracks without counted sales.
func Rank(scores []Score) []Score {
	out := make([]Score, 0, len(scores))
	for _, s := range scores {
		if s.Sales > 0 {
			out = append(out, s)
		}
	}
	sort.Slice(out, func(i, j int) bool { return Above(out[i], out[j]) })
	return out
}

// Overall is the key of the chart of every genre.
const Overall = ""

// Slug is the URL- and key-safe form of a genre or sub-genre name: lowercase letters and digits,
// other runs of characters turned into single dashes ("Hip Hop" → "hip-hop", "Drum & Bass" →
// "drum-bass").
func Slug(name string) string {
	var b strings.Builder
	dash := false
	for _, r := range strings.ToLower(name) {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			if dash && b.Len() > 0 {
				b.WriteByte('-')
			}
			b.WriteRune(r)
			dash = false
		} else {
			dash = true
		}
	}
	return b.String()
}

// Keys returns the charts a track of genre and sub-genre appears in: overall, its genre and its
// genre/sub-genre (the last two only when named).
func Keys(genre, subgenre string) []string {
	keys := []string{Overall}
	g := Slug(genre)
	if g == "" {
		return keys
	}
	keys = append(keys, g)
	if s := Slug(subgenre); s != "" {
		keys = append(keys, g+"/"+s)
	}
	return keys
}

// Entry is one track's place in one chart.
type Entry struct {
	Chart  string
	Period Period
	Rank   int
	Score
	PreviousRank int // 0 when the track had no rank in the previous period
}

// Movement is "new", "up", "down" or "same".
func (e Entry) Movement() string {
	switch {
	case e.PreviousRank == 0:
		return "new"
	case e.Rank < e.PreviousRank:
		return "up"
	case e.Rank > e.PreviousRank:
		return "down"
	}
	return "same"
}

// Build computes every chart of one period: each chart's top Size tracks from current, with their
// ranks in previous. keys gives the charts each track belongs to; tracks without keys are left out.
func Build(period Period, current, previous []Score, keys map[int64][]string) []Entry {
	prevRanks := map[string]map[int64]int{}
	for chart, scores := range byChart(Rank(previous), keys) {
		ranks := make(map[int64]int, len(scores))
		for i, s := range scores {
			ranks[s.TrackID] = i + 1
		}
		prevRanks[chart] = ranks
	}
	var out []Entry
	for chart, scores := range byChart(Rank(current), keys) {
		for i, s := range scores[:min(Size, len(scores))] {
			out = append(out, Entry{Chart: chart, Period: period, Rank: i + 1, Score: s, PreviousRank: prevRanks[chart][s.TrackID]})
		}
	}
	sort.Slice(out, func(i, j int) bool {
		if out[i].Chart != out[j].Chart {
			return out[i].Chart < out[j].Chart
		}
		return out[i].Rank < out[j].Rank
	})
	return out
}

// byChart splits ranked scores into the charts their tracks belong to, keeping the order.
func byChart(ranked []Score, keys map[int64][]string) map[string][]Score {
	out := map[string][]Score{}
	for _, s := range ranked {
		for _, k := range keys[s.TrackID] {
			out[k] = append(out[k], s)
		}
	}
	return out
}

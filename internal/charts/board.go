package charts

import (
	"fmt"
	"slices"
	"time"

	"github.com/bittunes/bittunes/internal/wei"
)

// Ref names one chart of one period.
type Ref struct {
	Chart  string
	Period Period
}

// Inputs are what a Board starts from: for every period, the scores of its current and previous
// windows (one per track with counted sales in the window, first sales filled in), the first sale
// (block, log index) of every track sold, counted or not, and the charts every chartable track
// belongs to.
type Inputs struct {
	Scores map[Period][2][]Score
	First  map[int64][2]int64
	Keys   map[int64][]string
}

// Sale is one sale to add to a Board: its track, the UTC day of its block (YYYY-MM-DD), its
// price, where it is in the chain, and the formula's verdict on it (see Ledger). A sale that does
// not count still marks its track's first sale.
type Sale struct {
	TrackID int64
	Day     string
	Price   wei.Amount
	Block   int64
	Log     int
	Counted bool
	Points  wei.Amount
}

// Board holds every chart of one day in memory, so that new sales re-rank only the charts they
// are in: the work of a sale is the sorting of three charts, not a pass over the history. It
// ranks exactly as Build does (the tests hold it to that).
type Board struct {
	windows map[Period][2]Window
	scores  map[Period]*[2]map[int64]*Score
	first   map[int64][2]int64 // the first sale of every track with a score: block, log index
	keys    map[int64][]string
	members map[string]map[int64]struct{}

	prevRanks map[Ref]map[int64]int // a chart's ranks in its previous period, kept until they change
	top       map[Ref][]Score       // a chart's top Size in its current period, kept up to date by Add
	dirty     map[Ref]bool          // charts whose entries changed since the last Take
}

// NewBoard returns the board of the day of today, from in. Every chart is dirty.
func NewBoard(today string, in Inputs) (*Board, error) {
	t, err := parseDay(today)
	if err != nil {
		return nil, err
	}
	b := &Board{windows: map[Period][2]Window{}, scores: map[Period]*[2]map[int64]*Score{}, first: map[int64][2]int64{},
		keys: map[int64][]string{}, members: map[string]map[int64]struct{}{}, prevRanks: map[Ref]map[int64]int{},
		top: map[Ref][]Score{}, dirty: map[Ref]bool{}}
	for _, p := range Periods {
		cur, prev := p.Windows(t)
		b.windows[p] = [2]Window{cur, prev}
		var sets [2]map[int64]*Score
		for w := range 2 {
			sets[w] = map[int64]*Score{}
			for _, s := range in.Scores[p][w] {
				s := s
				sets[w][s.TrackID] = &s
				b.noteFirst(s.TrackID, s.FirstSaleBlock, int64(s.FirstSaleLog))
			}
		}
		b.scores[p] = &sets
	}
	for id, f := range in.First {
		b.noteFirst(id, f[0], f[1])
	}
	for id, keys := range in.Keys {
		b.SetKeys(id, keys)
	}
	return b, nil
}

// noteFirst remembers (block, log) as the track's first sale if it is earlier than the one known.
func (b *Board) noteFirst(id, block, log int64) {
	if f, ok := b.first[id]; !ok || block < f[0] || block == f[0] && log < f[1] {
		b.first[id] = [2]int64{block, log}
	}
}

// SetKeys sets the charts a track belongs to (none: it is not charted), marking the charts it
// leaves and joins as changed.
func (b *Board) SetKeys(id int64, keys []string) {
	old := b.keys[id]
	if equalKeys(old, keys) {
		return
	}
	for _, k := range old {
		delete(b.members[k], id)
		b.touchAll(k)
	}
	if len(keys) == 0 {
		delete(b.keys, id)
		return
	}
	b.keys[id] = append([]string(nil), keys...)
	for _, k := range keys {
		if b.members[k] == nil {
			b.members[k] = map[int64]struct{}{}
		}
		b.members[k][id] = struct{}{}
		b.touchAll(k)
	}
}

// Charted reports whether the board knows the charts of a track.
func (b *Board) Charted(id int64) bool { _, ok := b.keys[id]; return ok }

func equalKeys(a, b []string) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

// touchAll marks a chart changed in every period, its previous ranks included.
func (b *Board) touchAll(chart string) {
	for _, p := range Periods {
		r := Ref{chart, p}
		b.dirty[r] = true
		delete(b.prevRanks, r)
		delete(b.top, r)
	}
}

// Add counts a sale in every window of the board that holds its day. A sale of a day after the
// board's is not counted: the board of that day will have it.
func (b *Board) Add(s Sale) error {
	if s.Day > b.windows[Week][0].Last {
		return nil
	}
	b.noteFirst(s.TrackID, s.Block, int64(s.Log))
	if !s.Counted { // its track had a sale before, or has no score to move
		return nil
	}
	for _, p := range Periods {
		for w, win := range b.windows[p] {
			if s.Day > win.Last || win.First != "" && s.Day < win.First {
				continue
			}
			set := b.scores[p][w]
			sc, ok := set[s.TrackID]
			if !ok {
				sc = &Score{TrackID: s.TrackID}
				set[s.TrackID] = sc
			}
			revenue, err := sc.Revenue.Add(s.Price)
			if err != nil {
				return fmt.Errorf("charts: track %d revenue: %w", s.TrackID, err)
			}
			points, err := sc.Points.Add(s.Points)
			if err != nil {
				return fmt.Errorf("charts: track %d points: %w", s.TrackID, err)
			}
			sc.Sales++
			sc.Revenue, sc.Points = revenue, points
			for _, k := range b.keys[s.TrackID] {
				r := Ref{k, p}
				b.dirty[r] = true
				if w == 1 {
					delete(b.prevRanks, r)
				} else if top, ok := b.top[r]; ok {
					b.top[r] = b.raise(top, b.scored(p, s.TrackID))
				}
			}
		}
	}
	return nil
}

// Take returns the entries of every chart changed since the last Take (a chart that emptied has
// none), and the charts they are; the board then has no changes.
func (b *Board) Take() ([]Ref, []Entry) {
	refs := make([]Ref, 0, len(b.dirty))
	var out []Entry
	for r := range b.dirty {
		refs = append(refs, r)
		out = append(out, b.Entries(r)...)
	}
	clear(b.dirty)
	return refs, out
}

// All returns the entries of every chart, and the charts they are.
func (b *Board) All() ([]Ref, []Entry) {
	var refs []Ref
	var out []Entry
	for chart := range b.members {
		for _, p := range Periods {
			r := Ref{chart, p}
			refs = append(refs, r)
			out = append(out, b.Entries(r)...)
		}
	}
	clear(b.dirty)
	return refs, out
}

// scored is a track's current score in period p, with its first sale.
func (b *Board) scored(p Period, id int64) Score {
	s := *b.scores[p][0][id]
	f := b.first[id]
	s.FirstSaleBlock, s.FirstSaleLog = f[0], int(f[1])
	return s
}

// raise puts a track whose score rose where it now ranks in a chart's top list. Only its score
// changed, so the others keep their order: it leaves its old place and takes its new one, and
// the list stays at most Size long.
func (b *Board) raise(top []Score, s Score) []Score {
	if i := slices.IndexFunc(top, func(t Score) bool { return t.TrackID == s.TrackID }); i >= 0 {
		top = slices.Delete(top, i, i+1)
	}
	at, _ := slices.BinarySearchFunc(top, s, func(t, s Score) int {
		if Above(t, s) {
			return -1
		}
		return 1
	})
	if at >= Size {
		return top
	}
	top = slices.Insert(top, at, s)
	return top[:min(len(top), Size)]
}

// Entries ranks one chart: its top Size tracks, with their ranks in the previous period.
func (b *Board) Entries(r Ref) []Entry {
	top, ok := b.top[r]
	if !ok {
		ranked := Rank(b.memberScores(r, 0))
		top = slices.Clip(ranked[:min(Size, len(ranked))])
		b.top[r] = top
	}
	if len(top) == 0 {
		return nil
	}
	prev, ok := b.prevRanks[r]
	if !ok {
		prev = map[int64]int{}
		for i, s := range Rank(b.memberScores(r, 1)) {
			prev[s.TrackID] = i + 1
		}
		b.prevRanks[r] = prev
	}
	out := make([]Entry, len(top))
	for i, s := range top {
		out[i] = Entry{Chart: r.Chart, Period: r.Period, Rank: i + 1, Score: s, PreviousRank: prev[s.TrackID]}
	}
	return out
}

// memberScores returns the scores of a chart's tracks in one window (0 current, 1 previous), with
// their first sales.
func (b *Board) memberScores(r Ref, w int) []Score {
	set := b.scores[r.Period][w]
	members := b.members[r.Chart]
	out := make([]Score, 0, min(len(members), len(set)))
	for id := range members {
		if sc, ok := set[id]; ok {
			s := *sc
			f := b.first[id]
			s.FirstSaleBlock, s.FirstSaleLog = f[0], int(f[1])
			out = append(out, s)
		}
	}
	return out
}

// parseDay reads a YYYY-MM-DD day.
func parseDay(day string) (time.Time, error) {
	t, err := time.Parse(time.DateOnly, day)
	if err != nil {
		return time.Time{}, fmt.Errorf("charts: day %q: %w", day, err)
	}
	return t, nil
}

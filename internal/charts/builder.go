package charts

import (
	"context"
	"fmt"
	"sync"
	"time"
)

// Changes are what was indexed since a Board last looked: the new sales, in chain order, and the
// tracks registered or changed, whose charts may differ.
type Changes struct {
	Sales  []Sale
	Tracks []int64
}

// Source is where a Builder reads the market and stores the charts (the store).
type Source interface {
	// ChartInputs reads a board's inputs for the day of now, and the block they stand at.
	ChartInputs(ctx context.Context, chainID uint64, now time.Time) (Inputs, int64, error)
	// ChartChanges reads what was indexed after block, up to the block it returns.
	ChartChanges(ctx context.Context, chainID uint64, block int64) (Changes, int64, error)
	// ChartKeys reads the charts of the given tracks (all chartable tracks when ids is nil).
	ChartKeys(ctx context.Context, chainID uint64, ids []int64) (map[int64][]string, error)
	// WriteCharts stores the changes w to the charts, which then stand at block asOf.
	WriteCharts(ctx context.Context, chainID uint64, w Write, now time.Time, asOf int64) error
}

// Write is a change to the stored charts: with Every, all of them are replaced by Set; otherwise
// the rows of Set replace the stored rows of the same chart, period and rank, and the rows of
// Cleared (charts that got shorter) are deleted. Changed lists the charts that differ.
type Write struct {
	Every   bool
	Changed []Ref
	Set     []Entry
	Cleared []Entry // only Chart, Period and Rank matter
}

// diff is the write that turns the charts in old into those in now, for the charts refs.
func diff(refs []Ref, old map[Ref][]Entry, now map[Ref][]Entry) Write {
	var w Write
	for _, r := range refs {
		before, after := old[r], now[r]
		changed := len(before) != len(after)
		for i, e := range after {
			if i >= len(before) || !sameEntry(before[i], e) {
				w.Set = append(w.Set, e)
				changed = true
			}
		}
		if len(before) > len(after) {
			w.Cleared = append(w.Cleared, before[len(after):]...)
		}
		if changed {
			w.Changed = append(w.Changed, r)
		}
	}
	return w
}

func sameEntry(a, b Entry) bool {
	return a.Rank == b.Rank && a.TrackID == b.TrackID && a.Points.Equal(b.Points) && a.Sales == b.Sales && a.Revenue.Equal(b.Revenue) &&
		a.PreviousRank == b.PreviousRank
}

// byRef groups entries by chart.
func byRef(entries []Entry) map[Ref][]Entry {
	out := map[Ref][]Entry{}
	for _, e := range entries {
		r := Ref{e.Chart, e.Period}
		out[r] = append(out[r], e)
	}
	return out
}

// Builder keeps the stored charts up to date. Its first build, the first of each day and the
// first after a Reset rank everything from the aggregates; the others read only what was indexed
// since the build before and re-rank the charts it touched, so a new sale reaches its charts in
// milliseconds however long the history.
type Builder struct {
	src     Source
	chainID uint64
	// KeysEvery is how often it re-reads which charts every track belongs to, for the changes that
	// are not on-chain (an artist editing a track's genre); a minute unless set.
	KeysEvery time.Duration

	mu      sync.Mutex
	board   *Board
	written map[Ref][]Entry // the charts as stored
	day     string
	asOf    int64
	keysAt  time.Time
	unknown map[int64]bool // sold tracks known not to be charted, until the next keys refresh
}

// NewBuilder returns a builder of the charts of chainID in src.
func NewBuilder(src Source, chainID uint64) *Builder {
	return &Builder{src: src, chainID: chainID, KeysEvery: time.Minute}
}

// Reset makes the next Build rank everything afresh (after a rollback took sales away).
func (b *Builder) Reset() {
	b.mu.Lock()
	defer b.mu.Unlock()
	b.board = nil
}

// Build brings the stored charts up to date as of now.
func (b *Builder) Build(ctx context.Context, now time.Time) error {
	b.mu.Lock()
	defer b.mu.Unlock()
	day := now.UTC().Format(time.DateOnly)
	if b.board == nil || day != b.day {
		return b.full(ctx, now, day)
	}
	ch, asOf, err := b.src.ChartChanges(ctx, b.chainID, b.asOf)
	if err != nil {
		return err
	}
	if asOf < b.asOf { // the database went back without a Reset: start again
		return b.full(ctx, now, day)
	}
	if err := b.refreshKeys(ctx, now, ch); err != nil {
		return err
	}
	for _, s := range ch.Sales {
		if err := b.board.Add(s); err != nil {
			b.board = nil
			return err
		}
	}
	refs, entries := b.board.Take()
	taken := byRef(entries)
	if err := b.src.WriteCharts(ctx, b.chainID, diff(refs, b.written, taken), now, asOf); err != nil {
		b.board = nil // what was taken is not stored: rank everything next time
		return err
	}
	for _, r := range refs {
		if len(taken[r]) == 0 {
			delete(b.written, r)
		} else {
			b.written[r] = taken[r]
		}
	}
	b.asOf = asOf
	return nil
}

func (b *Builder) full(ctx context.Context, now time.Time, day string) error {
	in, asOf, err := b.src.ChartInputs(ctx, b.chainID, now)
	if err != nil {
		return err
	}
	board, err := NewBoard(day, in)
	if err != nil {
		return err
	}
	refs, entries := board.All()
	if err := b.src.WriteCharts(ctx, b.chainID, Write{Every: true, Changed: refs, Set: entries}, now, asOf); err != nil {
		return err
	}
	b.board, b.day, b.asOf, b.keysAt, b.unknown, b.written = board, day, asOf, now, map[int64]bool{}, byRef(entries)
	return nil
}

// refreshKeys reads the charts of the tracks that changed or sold for the first time since the
// board last knew them, and of every track once per b.KeysEvery.
func (b *Builder) refreshKeys(ctx context.Context, now time.Time, ch Changes) error {
	if now.Sub(b.keysAt) >= b.KeysEvery {
		keys, err := b.src.ChartKeys(ctx, b.chainID, nil)
		if err != nil {
			return err
		}
		for id := range b.board.keys {
			if _, ok := keys[id]; !ok {
				b.board.SetKeys(id, nil)
			}
		}
		for id, k := range keys {
			b.board.SetKeys(id, k)
		}
		b.keysAt, b.unknown = now, map[int64]bool{}
	}
	ids := append([]int64(nil), ch.Tracks...)
	for _, s := range ch.Sales {
		if !b.board.Charted(s.TrackID) && !b.unknown[s.TrackID] {
			ids = append(ids, s.TrackID)
		}
	}
	if len(ids) == 0 {
		return nil
	}
	keys, err := b.src.ChartKeys(ctx, b.chainID, ids)
	if err != nil {
		return fmt.Errorf("charts: keys of %d tracks: %w", len(ids), err)
	}
	for _, id := range ids {
		b.board.SetKeys(id, keys[id])
		if keys[id] == nil {
			b.unknown[id] = true
		}
	}
	return nil
}

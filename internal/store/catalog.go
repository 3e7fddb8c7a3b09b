package store

import (
	"context"
	"database/sql"
	"fmt"
	"sort"
	"strings"
	"time"

	"github.com/ethereum/go-ethereum/common"
	"gorm.io/gorm"

	"github.com/bittunes/bittunes/internal/charts"
	"github.com/bittunes/bittunes/internal/wei"
)

// Track is a track as the market shows it: its on-chain terms, its metadata and its sales.
type Track struct {
	ID            int64
	Artist        common.Address
	ArtistName    string
	Title         string
	Genre         string
	Subgenre      string
	Description   string
	DurationMS    int64
	Price         wei.Amount
	ReferralBps   int
	Listed        bool
	ContentHash   common.Hash
	MetadataURI   string
	RegisteredAt  time.Time
	BlockNumber   uint64
	TxHash        common.Hash
	Sales         int64 // one per owner: the contract sells a track once per account
	Revenue       wei.Amount
	Collaborators []Collaborator
}

// Collaborator shares a track's artist side.
type Collaborator struct {
	Account common.Address
	Bps     int
}

// trackView is the row of trackColumns.
type trackView struct {
	TrackID      int64
	Artist       string
	ArtistName   string
	Title        string
	Genre        string
	Subgenre     string
	Description  string
	DurationMS   int64
	Price        wei.Amount
	ReferralBps  int
	Listed       bool
	ContentHash  string
	MetadataURI  string
	RegisteredAt time.Time
	BlockNumber  int64
	TxHash       string
	Sales        int64
	Revenue      *wei.Amount
}

const trackColumns = `t.track_id, t.artist, COALESCE(pr.name, m.artist_name) AS artist_name, m.title, m.genre, m.subgenre, m.description, m.duration_ms,
	t.price, t.referral_bps, t.listed, t.content_hash, t.metadata_uri, t.registered_at, t.block_number, t.tx_hash,
	COALESCE(s.sales, 0) AS sales, s.revenue`

// joinUploadedBy matches a track with the metadata uploaded for its package by its own artist, when
// it is that artist's first registration of the package. Matching the content hash alone would let
// anyone register an artist's published package hash as their own track and appear in the market
// under that artist's title; listing a later registration by the same artist would let them sell the
// package again without the collaborators of the first (market v2 refuses that registration; a v1
// market accepted it).
const joinUploadedBy = "JOIN track_metadata m ON m.content_hash = t.content_hash AND m.uploader = t.artist" +
	" AND NOT EXISTS (SELECT 1 FROM tracks f WHERE f.chain_id = t.chain_id AND f.content_hash = t.content_hash" +
	" AND f.artist = t.artist AND f.track_id < t.track_id)"

// joinProfile brings the artist's profile (pr), if any, to a query of trackColumns: its name is
// shown in place of the name typed at upload.
const joinProfile = "LEFT JOIN profiles pr ON pr.chain_id = t.chain_id AND pr.account = t.artist"

// marketTracks selects the tracks in the market: registered on-chain and uploaded by their artist
// (matched by content hash), with their stats.
func (q querier) marketTracks(ctx context.Context, chainID uint64) *gorm.DB {
	return q.with(ctx).Table("tracks t").Select(trackColumns).
		Joins(joinUploadedBy).Joins(joinProfile).
		Joins("LEFT JOIN track_stats s ON s.chain_id = t.chain_id AND s.track_id = t.track_id").
		Where("t.chain_id = ?", int64(chainID))
}

// scanTracks reads rows whose last columns are trackColumns, each row's leading columns into the
// destinations lead returns for it (none when lead is nil). It scans by hand rather than through
// gorm's reflection: the charts and artist pages, read thousands of times a second, come this way.
func scanTracks(rows *sql.Rows, lead func(i int) []any) ([]Track, error) {
	defer rows.Close()
	var out []Track
	for rows.Next() {
		var v trackView
		var dest []any
		if lead != nil {
			dest = lead(len(out))
		}
		dest = append(dest, &v.TrackID, &v.Artist, &v.ArtistName, &v.Title, &v.Genre, &v.Subgenre, &v.Description,
			&v.DurationMS, &v.Price, &v.ReferralBps, &v.Listed, &v.ContentHash, &v.MetadataURI, &v.RegisteredAt,
			&v.BlockNumber, &v.TxHash, &v.Sales, &v.Revenue)
		if err := rows.Scan(dest...); err != nil {
			return nil, err
		}
		out = append(out, v.track())
	}
	return out, rows.Err()
}

func (v trackView) track() Track {
	t := Track{ID: v.TrackID, Artist: common.HexToAddress(v.Artist), ArtistName: v.ArtistName, Title: v.Title,
		Genre: v.Genre, Subgenre: v.Subgenre, Description: v.Description, DurationMS: v.DurationMS, Price: v.Price,
		ReferralBps: v.ReferralBps, Listed: v.Listed, ContentHash: common.HexToHash(v.ContentHash),
		MetadataURI: v.MetadataURI, RegisteredAt: v.RegisteredAt.UTC(), BlockNumber: uint64(v.BlockNumber),
		TxHash: common.HexToHash(v.TxHash), Sales: v.Sales}
	if v.Revenue != nil {
		t.Revenue = *v.Revenue
	}
	return t
}

// Track returns a track of the market with its collaborators.
func (q querier) Track(ctx context.Context, chainID uint64, id int64) (Track, error) {
	var rows []trackView
	if err := q.marketTracks(ctx, chainID).Where("t.track_id = ?", id).Scan(&rows).Error; err != nil {
		return Track{}, fmt.Errorf("store: track %d: %w", id, classify(err))
	}
	if len(rows) == 0 {
		return Track{}, fmt.Errorf("store: track %d: %w", id, ErrNotFound)
	}
	t := rows[0].track()
	var cs []collaboratorRow
	if err := q.with(ctx).Where("chain_id = ? AND track_id = ?", int64(chainID), id).Order("position").Find(&cs).Error; err != nil {
		return Track{}, fmt.Errorf("store: track %d collaborators: %w", id, classify(err))
	}
	for _, c := range cs {
		t.Collaborators = append(t.Collaborators, Collaborator{Account: common.HexToAddress(c.Account), Bps: c.Bps})
	}
	return t, nil
}

// Tracks returns tracks of the market by id, in no particular order (unknown ids are left out).
func (q querier) Tracks(ctx context.Context, chainID uint64, ids []int64) (map[int64]Track, error) {
	out := make(map[int64]Track, len(ids))
	for _, chunk := range chunks(unique(ids), 500) {
		var rows []trackView
		if err := q.marketTracks(ctx, chainID).Where("t.track_id IN ?", chunk).Scan(&rows).Error; err != nil {
			return nil, fmt.Errorf("store: tracks: %w", classify(err))
		}
		for _, r := range rows {
			out[r.TrackID] = r.track()
		}
	}
	return out, nil
}

// TrackSort orders a browse.
type TrackSort string

// The orders of a browse.
const (
	Newest      TrackSort = "newest"
	BestSelling TrackSort = "bestselling"
)

// Browse selects listed tracks of the market.
type Browse struct {
	Genre    string // a genre slug, or "" for every genre
	Subgenre string // a sub-genre slug within Genre, or ""
	Query    string // words that must all appear in the title or the artist's name, or ""
	Sort     TrackSort
	After    *BrowseCursor // where the previous page ended
	Limit    int
}

// BrowseCursor is where a page of a browse ended: the last track's sort key.
type BrowseCursor struct {
	Sales int64
	ID    int64
}

// BrowseTracks returns a page of listed tracks and the cursor of the next page (nil at the end).
func (q querier) BrowseTracks(ctx context.Context, chainID uint64, b Browse) ([]Track, *BrowseCursor, error) {
	db := q.marketTracks(ctx, chainID).Where("t.listed = ?", true)
	if b.Genre != "" || b.Subgenre != "" {
		genres, err := q.genreNames(ctx, chainID, b.Genre, b.Subgenre)
		if err != nil {
			return nil, nil, err
		}
		if len(genres) == 0 {
			return nil, nil, nil
		}
		cond := q.with(ctx)
		for i, g := range genres {
			clause := "(m.genre = ? AND m.subgenre = ?)"
			if i == 0 {
				cond = cond.Where(clause, g[0], g[1])
			} else {
				cond = cond.Or(clause, g[0], g[1])
			}
		}
		db = db.Where(cond)
	}
	for _, word := range strings.Fields(strings.ToLower(b.Query)) {
		like := "%" + escapeLike(word) + "%"
		db = db.Where(`(lower(m.title) LIKE ? ESCAPE '\' OR lower(m.artist_name) LIKE ? ESCAPE '\' OR lower(pr.name) LIKE ? ESCAPE '\')`, like, like, like)
	}
	switch b.Sort {
	case BestSelling:
		if b.After != nil {
			db = db.Where("(COALESCE(s.sales, 0) < ? OR (COALESCE(s.sales, 0) = ? AND t.track_id > ?))", b.After.Sales, b.After.Sales, b.After.ID)
		}
		db = db.Order("sales DESC, t.track_id ASC")
	default:
		if b.After != nil {
			db = db.Where("t.track_id < ?", b.After.ID)
		}
		db = db.Order("t.track_id DESC")
	}
	limit := min(max(b.Limit, 1), 100)
	var rows []trackView
	if err := db.Limit(limit + 1).Scan(&rows).Error; err != nil {
		return nil, nil, fmt.Errorf("store: browse: %w", classify(err))
	}
	var next *BrowseCursor
	if len(rows) > limit {
		rows = rows[:limit]
		last := rows[limit-1]
		next = &BrowseCursor{Sales: last.Sales, ID: last.TrackID}
	}
	out := make([]Track, len(rows))
	for i, r := range rows {
		out[i] = r.track()
	}
	return out, next, nil
}

// escapeLike escapes LIKE's wildcards in s (with \ as the escape character).
func escapeLike(s string) string {
	return strings.NewReplacer(`\`, `\\`, `%`, `\%`, `_`, `\_`).Replace(s)
}

// genreNames returns the (genre, sub-genre) names of listed market tracks whose slugs match.
func (q querier) genreNames(ctx context.Context, chainID uint64, genre, subgenre string) ([][2]string, error) {
	tree, err := q.Genres(ctx, chainID)
	if err != nil {
		return nil, err
	}
	var out [][2]string
	for _, g := range tree {
		if g.Slug != genre {
			continue
		}
		for _, s := range g.Subgenres {
			if subgenre == "" || s.Slug == subgenre {
				out = append(out, [2]string{g.Name, s.Name})
			}
		}
	}
	return out, nil
}

// Genre is a node of the genre tree with the number of listed tracks under it.
type Genre struct {
	Slug, Name string
	Tracks     int64
	Subgenres  []Genre
}

// Genres returns the genre tree of the listed tracks in the market, genres and sub-genres by name.
func (q querier) Genres(ctx context.Context, chainID uint64) ([]Genre, error) {
	var rows []struct {
		Genre, Subgenre string
		Tracks          int64
	}
	err := q.with(ctx).Table("tracks t").Select("m.genre, m.subgenre, COUNT(*) AS tracks").
		Joins(joinUploadedBy).
		Where("t.chain_id = ? AND t.listed = ?", int64(chainID), true).
		Group("m.genre, m.subgenre").Scan(&rows).Error
	if err != nil {
		return nil, fmt.Errorf("store: genres: %w", classify(err))
	}
	bySlug := map[string]*Genre{}
	for _, r := range rows {
		slug := charts.Slug(r.Genre)
		g, ok := bySlug[slug]
		if !ok {
			g = &Genre{Slug: slug, Name: r.Genre}
			bySlug[slug] = g
		}
		g.Tracks += r.Tracks
		g.Subgenres = append(g.Subgenres, Genre{Slug: charts.Slug(r.Subgenre), Name: r.Subgenre, Tracks: r.Tracks})
	}
	out := make([]Genre, 0, len(bySlug))
	for _, g := range bySlug {
		sort.Slice(g.Subgenres, func(i, j int) bool { return g.Subgenres[i].Name < g.Subgenres[j].Name })
		out = append(out, *g)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Name < out[j].Name })
	return out, nil
}

// ArtistTracks returns the market's tracks of an artist (listed or not), newest first.
func (q querier) ArtistTracks(ctx context.Context, chainID uint64, artist common.Address) ([]Track, error) {
	rows, err := q.marketTracks(ctx, chainID).Where("t.artist = ?", addressText(artist)).Order("t.track_id DESC").Rows()
	if err == nil {
		var out []Track
		if out, err = scanTracks(rows, nil); err == nil {
			return out, nil
		}
	}
	return nil, fmt.Errorf("store: tracks of %s: %w", artist.Hex(), classify(err))
}

// Owns reports whether account owns a track, by the indexed purchases.
func (q querier) Owns(ctx context.Context, chainID uint64, trackID int64, account common.Address) (bool, error) {
	var n int64
	err := q.with(ctx).Table("purchases").Where("chain_id = ? AND track_id = ? AND recipient = ?", int64(chainID), trackID, addressText(account)).Count(&n).Error
	if err != nil {
		return false, fmt.Errorf("store: owns(%d, %s): %w", trackID, account.Hex(), classify(err))
	}
	return n > 0, nil
}

// Ranks returns every chart entry of the given tracks, by track.
func (q querier) Ranks(ctx context.Context, chainID uint64, ids []int64) (map[int64][]charts.Entry, error) {
	out := map[int64][]charts.Entry{}
	for _, chunk := range chunks(unique(ids), 500) {
		rows, err := q.with(ctx).Table("chart_entries").Select("chart, period, rank, track_id, sales, revenue, previous_rank").
			Where("chain_id = ? AND track_id IN ?", int64(chainID), chunk).Order("period, chart").Rows()
		if err != nil {
			return nil, fmt.Errorf("store: ranks: %w", classify(err))
		}
		for rows.Next() {
			var e charts.Entry
			var prev *int
			if err := rows.Scan(&e.Chart, &e.Period, &e.Rank, &e.TrackID, &e.Sales, &e.Revenue, &prev); err != nil {
				rows.Close()
				return nil, fmt.Errorf("store: ranks: %w", classify(err))
			}
			if prev != nil {
				e.PreviousRank = *prev
			}
			out[e.TrackID] = append(out[e.TrackID], e)
		}
		if err := rows.Close(); err != nil {
			return nil, fmt.Errorf("store: ranks: %w", classify(err))
		}
	}
	return out, nil
}

package store

import (
	"context"
	"fmt"
	"regexp"
	"slices"
	"strconv"
	"time"

	"github.com/ethereum/go-ethereum/common"

	"github.com/bittunes/bittunes/internal/market"
	"github.com/bittunes/bittunes/internal/wei"
)

// Release is a release (album, EP, single) as the market shows it: its on-chain state, its tracks in
// order, and the metadata its artist wrote for it (empty when its metadata URI names none of ours).
type Release struct {
	ID           int64
	Artist       common.Address
	Price        wei.Amount // the release price; a buyer pays at most the sum of its tracks' prices
	Listed       bool
	MetadataURI  string
	TrackIDs     []int64
	RegisteredAt time.Time
	BlockNumber  uint64
	TxHash       common.Hash
	Purchases    int64 // release purchases so far
	Metadata     *ReleaseMetadata
}

type releaseRow struct {
	ChainID      int64      `gorm:"column:chain_id;primaryKey"`
	ReleaseID    int64      `gorm:"column:release_id;primaryKey"`
	Artist       string     `gorm:"column:artist"`
	Price        wei.Amount `gorm:"column:price"`
	Listed       bool       `gorm:"column:listed"`
	MetadataURI  string     `gorm:"column:metadata_uri"`
	MetadataID   *string    `gorm:"column:metadata_id"`
	InitialPrice wei.Amount `gorm:"column:initial_price"`
	BlockNumber  int64      `gorm:"column:block_number"`
	TxHash       string     `gorm:"column:tx_hash"`
	LogIndex     int        `gorm:"column:log_index"`
	RegisteredAt time.Time  `gorm:"column:registered_at"`
}

func (releaseRow) TableName() string { return "releases" }

type releaseTrackRow struct {
	ChainID   int64 `gorm:"column:chain_id;primaryKey"`
	ReleaseID int64 `gorm:"column:release_id;primaryKey"`
	Position  int   `gorm:"column:position;primaryKey"`
	TrackID   int64 `gorm:"column:track_id"`
}

func (releaseTrackRow) TableName() string { return "release_tracks" }

type releaseChangeRow struct {
	EventKey
	ReleaseID int64  `gorm:"column:release_id"`
	Kind      string `gorm:"column:kind"`
	Value     string `gorm:"column:value"`
}

func (releaseChangeRow) TableName() string { return "release_changes" }

type releasePurchaseRow struct {
	EventKey
	BlockTime    time.Time  `gorm:"column:block_time"`
	ReleaseID    int64      `gorm:"column:release_id"`
	Buyer        string     `gorm:"column:buyer"`
	Recipient    string     `gorm:"column:recipient"`
	Referrer     string     `gorm:"column:referrer"`
	Amount       wei.Amount `gorm:"column:amount"`
	TracksBought int        `gorm:"column:tracks_bought"`
}

func (releasePurchaseRow) TableName() string { return "release_purchases" }

// releaseFacts are the release rows a batch adds.
type releaseFacts struct {
	releases  []releaseRow
	tracks    []releaseTrackRow
	changes   []releaseChangeRow
	purchases []releasePurchaseRow
}

// empty reports whether the batch had no release events.
func (r *releaseFacts) empty() bool {
	return len(r.releases)+len(r.tracks)+len(r.changes)+len(r.purchases) == 0
}

// metadataIDOf is the release_metadata id a metadata URI names: the market's own URIs end with
// /release-metadata/{id} (see ReleaseMetadataPath).
var metadataIDOf = regexp.MustCompile(`/release-metadata/([0-9a-f]{32})$`)

// ReleaseMetadataPath is the path, below the API's origin, of a release's metadata: the metadata
// URI an artist registers the release with, which links the on-chain release to the metadata.
func ReleaseMetadataPath(id string) string { return "/api/v1/release-metadata/" + id }

// addRelease adds a release event's rows to the batch.
func (f *facts) addRelease(ev market.Event) error {
	r := &f.releaseFacts
	p := ev.Pos()
	k := f.key(p)
	switch e := ev.(type) {
	case market.ReleaseRegistered:
		row := releaseRow{ChainID: f.chainID, ReleaseID: e.ReleaseID, Artist: addressText(e.Artist), Price: e.Price, Listed: true,
			MetadataURI: e.MetadataURI, InitialPrice: e.Price, BlockNumber: k.BlockNumber, TxHash: k.TxHash, LogIndex: k.LogIndex,
			RegisteredAt: p.BlockTime}
		if m := metadataIDOf.FindStringSubmatch(e.MetadataURI); m != nil {
			row.MetadataID = &m[1]
		}
		r.releases = append(r.releases, row)
		for i, id := range e.TrackIDs {
			r.tracks = append(r.tracks, releaseTrackRow{ChainID: f.chainID, ReleaseID: e.ReleaseID, Position: i, TrackID: id})
		}
	case market.ReleasePriceUpdated:
		r.changes = append(r.changes, releaseChangeRow{EventKey: k, ReleaseID: e.ReleaseID, Kind: "price", Value: e.Price.String()})
	case market.ReleaseListingUpdated:
		r.changes = append(r.changes, releaseChangeRow{EventKey: k, ReleaseID: e.ReleaseID, Kind: "listed", Value: strconv.FormatBool(e.Listed)})
	case market.ReleasePurchased:
		r.purchases = append(r.purchases, releasePurchaseRow{EventKey: k, BlockTime: p.BlockTime, ReleaseID: e.ReleaseID,
			Buyer: addressText(e.Buyer), Recipient: addressText(e.Recipient), Referrer: addressText(e.Referrer), Amount: e.Amount,
			TracksBought: e.TracksBought})
	default:
		return fmt.Errorf("unknown release event %T", ev)
	}
	return nil
}

// applyReleases writes a batch's release rows and brings releases' price and listing up to date.
// Releases are few next to sales, so their rows go through gorm on every database.
func (q querier) applyReleases(ctx context.Context, r *releaseFacts) error {
	for _, insert := range []func() error{
		inserter(ctx, q, r.releases), inserter(ctx, q, r.tracks), inserter(ctx, q, r.changes), inserter(ctx, q, r.purchases),
	} {
		if err := insert(); err != nil {
			return err
		}
	}
	return q.applyReleaseChanges(ctx, r.changes)
}

func (q querier) applyReleaseChanges(ctx context.Context, changes []releaseChangeRow) error {
	for _, c := range changes {
		var col string
		var value any
		switch c.Kind {
		case "price":
			a, err := wei.Parse(c.Value)
			if err != nil {
				return fmt.Errorf("store: release %d price: %w", c.ReleaseID, err)
			}
			col, value = "price", a
		case "listed":
			b, err := strconv.ParseBool(c.Value)
			if err != nil {
				return fmt.Errorf("store: release %d listing: %w", c.ReleaseID, err)
			}
			col, value = "listed", b
		default:
			return fmt.Errorf("store: unknown release change %q", c.Kind)
		}
		res := q.with(ctx).Model(&releaseRow{}).Where("chain_id = ? AND release_id = ?", c.ChainID, c.ReleaseID).Update(col, value)
		if res.Error != nil {
			return fmt.Errorf("store: release %d %s: %w", c.ReleaseID, c.Kind, classify(res.Error))
		}
		if res.RowsAffected == 0 {
			return fmt.Errorf("store: change of unknown release %d: %w", c.ReleaseID, ErrInvalid)
		}
	}
	return nil
}

// rollbackReleases deletes the release facts above block n and replays the remaining changes of the
// releases that had changes above it.
func (q querier) rollbackReleases(ctx context.Context, chainID, n int64) error {
	var changed, added []int64
	if err := q.with(ctx).Table("release_changes").Distinct("release_id").Where("chain_id = ? AND block_number > ?", chainID, n).
		Pluck("release_id", &changed).Error; err != nil {
		return fmt.Errorf("store: rollback: release changes above block %d: %w", n, classify(err))
	}
	if err := q.with(ctx).Table("releases").Where("chain_id = ? AND block_number > ?", chainID, n).
		Pluck("release_id", &added).Error; err != nil {
		return fmt.Errorf("store: rollback: releases above block %d: %w", n, classify(err))
	}
	for _, table := range []string{"release_purchases", "release_changes"} {
		if err := q.with(ctx).Exec("DELETE FROM "+table+" WHERE chain_id = ? AND block_number > ?", chainID, n).Error; err != nil {
			return fmt.Errorf("store: rollback %s: %w", table, classify(err))
		}
	}
	for _, chunk := range chunks(added, 500) {
		if err := q.with(ctx).Exec("DELETE FROM release_tracks WHERE chain_id = ? AND release_id IN ?", chainID, chunk).Error; err != nil {
			return fmt.Errorf("store: rollback release tracks: %w", classify(err))
		}
	}
	if err := q.with(ctx).Exec("DELETE FROM releases WHERE chain_id = ? AND block_number > ?", chainID, n).Error; err != nil {
		return fmt.Errorf("store: rollback releases: %w", classify(err))
	}
	for _, chunk := range chunks(unique(changed), 500) {
		if err := q.with(ctx).Exec("UPDATE releases SET price = initial_price, listed = ? WHERE chain_id = ? AND release_id IN ?",
			true, chainID, chunk).Error; err != nil {
			return fmt.Errorf("store: reset releases: %w", classify(err))
		}
		var changes []releaseChangeRow
		if err := q.with(ctx).Where("chain_id = ? AND release_id IN ?", chainID, chunk).Order("block_number, log_index").
			Find(&changes).Error; err != nil {
			return fmt.Errorf("store: release changes: %w", classify(err))
		}
		if err := q.applyReleaseChanges(ctx, changes); err != nil {
			return err
		}
	}
	return nil
}

// Release returns a release of the market with its tracks in order and its metadata, or ErrNotFound.
func (q querier) Release(ctx context.Context, chainID uint64, id int64) (Release, error) {
	rels, err := q.releases(ctx, chainID, "release_id = ?", id)
	if err != nil {
		return Release{}, fmt.Errorf("store: release %d: %w", id, err)
	}
	if len(rels) == 0 {
		return Release{}, fmt.Errorf("store: release %d: %w", id, ErrNotFound)
	}
	return rels[0], nil
}

// MaxArtistReleases bounds the releases ArtistReleases returns.
const MaxArtistReleases = 200

// ArtistReleases returns an artist's releases, newest first (at most MaxArtistReleases).
func (q querier) ArtistReleases(ctx context.Context, chainID uint64, artist common.Address) ([]Release, error) {
	rels, err := q.releases(ctx, chainID, "artist = ?", addressText(artist))
	if err != nil {
		return nil, fmt.Errorf("store: releases of %s: %w", artist.Hex(), err)
	}
	return rels, nil
}

// NewestReleases returns the market's listed releases, newest first (at most MaxArtistReleases).
func (q querier) NewestReleases(ctx context.Context, chainID uint64) ([]Release, error) {
	rels, err := q.releases(ctx, chainID, "listed = ?", true)
	if err != nil {
		return nil, fmt.Errorf("store: newest releases: %w", err)
	}
	return rels, nil
}

// ReleasesOfTrack returns the releases a track is part of, oldest first, at most limit of them
// (and of MaxArtistReleases): read by the track, whatever else its artist released.
func (q querier) ReleasesOfTrack(ctx context.Context, chainID uint64, trackID int64, limit int) ([]Release, error) {
	var ids []int64
	if err := q.with(ctx).Table("release_tracks").Where("chain_id = ? AND track_id = ?", int64(chainID), trackID).
		Order("release_id").Limit(min(limit, MaxArtistReleases)).Pluck("release_id", &ids).Error; err != nil {
		return nil, fmt.Errorf("store: releases of track %d: %w", trackID, classify(err))
	}
	if len(ids) == 0 {
		return nil, nil
	}
	rels, err := q.releases(ctx, chainID, "release_id IN ?", ids)
	if err != nil {
		return nil, fmt.Errorf("store: releases of track %d: %w", trackID, err)
	}
	slices.Reverse(rels) // newest first → oldest first
	return rels, nil
}

// releases reads the releases matching where (newest first), with their tracks, purchase counts and metadata.
func (q querier) releases(ctx context.Context, chainID uint64, where string, args ...any) ([]Release, error) {
	var rows []releaseRow
	if err := q.with(ctx).Where("chain_id = ?", int64(chainID)).Where(where, args...).Order("release_id DESC").
		Limit(MaxArtistReleases).Find(&rows).Error; err != nil {
		return nil, classify(err)
	}
	if len(rows) == 0 {
		return nil, nil
	}
	ids := make([]int64, len(rows))
	for i, r := range rows {
		ids[i] = r.ReleaseID
	}
	var tracks []releaseTrackRow
	if err := q.with(ctx).Where("chain_id = ? AND release_id IN ?", int64(chainID), ids).Order("release_id, position").
		Find(&tracks).Error; err != nil {
		return nil, classify(err)
	}
	var counts []struct {
		ReleaseID int64
		N         int64
	}
	if err := q.with(ctx).Table("release_purchases").Select("release_id, COUNT(*) AS n").
		Where("chain_id = ? AND release_id IN ?", int64(chainID), ids).Group("release_id").Scan(&counts).Error; err != nil {
		return nil, classify(err)
	}
	out := make([]Release, len(rows))
	byID := make(map[int64]*Release, len(rows))
	var metadataIDs []string
	for i, r := range rows {
		out[i] = Release{ID: r.ReleaseID, Artist: common.HexToAddress(r.Artist), Price: r.Price, Listed: r.Listed,
			MetadataURI: r.MetadataURI, RegisteredAt: r.RegisteredAt.UTC(), BlockNumber: uint64(r.BlockNumber),
			TxHash: common.HexToHash(r.TxHash)}
		byID[r.ReleaseID] = &out[i]
		if r.MetadataID != nil {
			metadataIDs = append(metadataIDs, *r.MetadataID)
		}
	}
	metadata, err := q.releaseMetadataByID(ctx, unique(metadataIDs))
	if err != nil {
		return nil, err
	}
	for i, r := range rows {
		// Only the artist's own metadata: a release naming another account's draft shows none.
		if r.MetadataID == nil {
			continue
		}
		if m, ok := metadata[*r.MetadataID]; ok && m.Uploader == out[i].Artist && m.ChainID == chainID {
			out[i].Metadata = &m
		}
	}
	for _, t := range tracks {
		byID[t.ReleaseID].TrackIDs = append(byID[t.ReleaseID].TrackIDs, t.TrackID)
	}
	for _, c := range counts {
		byID[c.ReleaseID].Purchases = c.N
	}
	return out, nil
}

func (q querier) snapshotReleases(ctx context.Context, c int64, s *Snapshot) (err error) {
	if s.Releases, err = rowsOf(ctx, q, c, "release_id", func(r releaseRow) string {
		id := ""
		if r.MetadataID != nil {
			id = *r.MetadataID
		}
		return fmt.Sprintf("%d %s %s %t %q %q %d %s/%d", r.ReleaseID, r.Artist, r.Price, r.Listed, r.MetadataURI, id, r.BlockNumber, r.TxHash, r.LogIndex)
	}); err != nil {
		return err
	}
	if s.ReleaseTracks, err = rowsOf(ctx, q, c, "release_id, position", func(r releaseTrackRow) string {
		return fmt.Sprintf("%d %d %d", r.ReleaseID, r.Position, r.TrackID)
	}); err != nil {
		return err
	}
	if s.ReleaseChanges, err = rowsOf(ctx, q, c, "block_number, log_index", func(r releaseChangeRow) string {
		return fmt.Sprintf("%s/%d %d %d %s %s", r.TxHash, r.LogIndex, r.BlockNumber, r.ReleaseID, r.Kind, r.Value)
	}); err != nil {
		return err
	}
	s.ReleasePurchases, err = rowsOf(ctx, q, c, "block_number, log_index", func(r releasePurchaseRow) string {
		return fmt.Sprintf("%s/%d %d %d %s %s %s %s %d", r.TxHash, r.LogIndex, r.BlockNumber, r.ReleaseID, r.Buyer, r.Recipient, r.Referrer, r.Amount, r.TracksBought)
	})
	return err
}

// AuditRelease is a row of releases with its tracks in order.
type AuditRelease struct {
	ReleaseID int64
	Artist    common.Address
	Price     wei.Amount
	Listed    bool
	TrackIDs  []int64
}

// AuditReleasePurchase is a row of release_purchases.
type AuditReleasePurchase struct {
	TxHash       common.Hash
	LogIndex     int
	ReleaseID    int64
	Buyer        common.Address
	Recipient    common.Address
	Amount       wei.Amount
	TracksBought int
}

// auditReleases reads every release and release purchase of chain c for the audit.
func (q querier) auditReleases(ctx context.Context, c int64, snap *AuditSnapshot) error {
	var rows []releaseRow
	if err := q.with(ctx).Where("chain_id = ?", c).Order("release_id").Find(&rows).Error; err != nil {
		return fmt.Errorf("releases: %w", classify(err))
	}
	var tracks []releaseTrackRow
	if err := q.with(ctx).Where("chain_id = ?", c).Order("release_id, position").Find(&tracks).Error; err != nil {
		return fmt.Errorf("release tracks: %w", classify(err))
	}
	byID := make(map[int64][]int64, len(rows))
	for _, t := range tracks {
		byID[t.ReleaseID] = append(byID[t.ReleaseID], t.TrackID)
	}
	for _, r := range rows {
		snap.Releases = append(snap.Releases, AuditRelease{ReleaseID: r.ReleaseID, Artist: common.HexToAddress(r.Artist), Price: r.Price,
			Listed: r.Listed, TrackIDs: byID[r.ReleaseID]})
	}
	var purchases []releasePurchaseRow
	if err := q.with(ctx).Where("chain_id = ?", c).Order("block_number, log_index").Find(&purchases).Error; err != nil {
		return fmt.Errorf("release purchases: %w", classify(err))
	}
	for _, r := range purchases {
		snap.ReleasePurchases = append(snap.ReleasePurchases, AuditReleasePurchase{TxHash: common.HexToHash(r.TxHash), LogIndex: r.LogIndex,
			ReleaseID: r.ReleaseID, Buyer: common.HexToAddress(r.Buyer), Recipient: common.HexToAddress(r.Recipient), Amount: r.Amount,
			TracksBought: r.TracksBought})
	}
	return nil
}

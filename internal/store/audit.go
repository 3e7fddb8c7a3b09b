package store

import (
	"context"
	"errors"
	"fmt"
	"time"

	"github.com/ethereum/go-ethereum/common"

	"github.com/bittunes/bittunes/internal/charts"
	"github.com/bittunes/bittunes/internal/wei"
)

// AuditSnapshot is what `bittunes audit` compares with the chain: the rows the indexer derived from
// the market's events, read in one read-only transaction so that they belong together.
type AuditSnapshot struct {
	// Cursor is the last block the indexer applied; HasCursor is false when it has applied none.
	Cursor    Cursor
	HasCursor bool
	Tracks    []AuditTrack
	Purchases []AuditPurchase
	Accounts  []AuditAccount
	// Metadata is every uploaded track's genre, matched to tracks by content hash and uploader.
	Metadata []AuditMetadata
	// ChartBuild says when the stored charts were built; HasCharts is false when they never were.
	ChartBuild ChartBuild
	HasCharts  bool
	Charts     []charts.Entry
	// Releases are the releases with their tracks in order, and ReleasePurchases their purchases.
	Releases         []AuditRelease
	ReleasePurchases []AuditReleasePurchase
}

// AuditTrack is a row of tracks with its collaborators.
type AuditTrack struct {
	TrackID       int64
	Artist        common.Address
	Price         wei.Amount
	ReferralBps   int
	Listed        bool
	ContentHash   common.Hash
	Collaborators []AuditCollaborator
}

// AuditCollaborator is a row of track_collaborators.
type AuditCollaborator struct {
	Account common.Address
	Bps     int
}

// AuditPurchase is a row of purchases. Referrer is the zero address for an unreferred sale.
type AuditPurchase struct {
	TxHash         common.Hash
	LogIndex       uint
	BlockNumber    uint64
	BlockTime      time.Time
	TrackID        int64
	Buyer          common.Address
	Recipient      common.Address
	Referrer       common.Address
	Price          wei.Amount
	ArtistAmount   wei.Amount
	ReferrerAmount wei.Amount
	FeeAmount      wei.Amount
	FeeRecipient   common.Address
}

// AuditAccount is a row of account_totals.
type AuditAccount struct {
	Account   common.Address
	Credited  wei.Amount
	Withdrawn wei.Amount
}

// AuditMetadata is the part of an upload's metadata that places its track in the charts.
type AuditMetadata struct {
	ContentHash common.Hash
	Uploader    common.Address
	Genre       string
	Subgenre    string
}

// ChartBuild is when the stored charts were built: the UTC day they were built for and the indexer's
// cursor then.
type ChartBuild struct {
	Day       string
	AsOfBlock uint64
}

// AuditSnapshot reads the indexer's rows of contract on chainID in one read-only transaction
// (REPEATABLE READ on PostgreSQL, so an indexer writing meanwhile does not tear it).
func (s *Store) AuditSnapshot(ctx context.Context, chainID uint64, contract common.Address) (AuditSnapshot, error) {
	var snap AuditSnapshot
	err := s.readSnapshot(ctx, func(q querier) error {
		var err error
		snap, err = q.auditSnapshot(ctx, chainID, contract)
		return err
	})
	if err != nil {
		return AuditSnapshot{}, fmt.Errorf("store: audit snapshot: %w", err)
	}
	return snap, nil
}

func (q querier) auditSnapshot(ctx context.Context, chainID uint64, contract common.Address) (AuditSnapshot, error) {
	var snap AuditSnapshot
	c, err := bigint("chain ID", chainID)
	if err != nil {
		return snap, err
	}
	snap.Cursor, err = q.Cursor(ctx, chainID, contract)
	switch {
	case errors.Is(err, ErrNotFound):
	case err != nil:
		return snap, err
	default:
		snap.HasCursor = true
	}
	if snap.Tracks, err = q.auditTracks(ctx, c); err != nil {
		return snap, err
	}
	if snap.Purchases, err = q.auditPurchases(ctx, c); err != nil {
		return snap, err
	}
	if err := q.auditReleases(ctx, c, &snap); err != nil {
		return snap, err
	}
	var accounts []accountTotalsRow
	if err := q.with(ctx).Where("chain_id = ?", c).Order("account").Find(&accounts).Error; err != nil {
		return snap, fmt.Errorf("account totals: %w", classify(err))
	}
	for _, r := range accounts {
		snap.Accounts = append(snap.Accounts, AuditAccount{Account: common.HexToAddress(r.Account), Credited: r.Credited, Withdrawn: r.Withdrawn})
	}
	var meta []trackMetadataRow
	if err := q.with(ctx).Order("content_hash").Find(&meta).Error; err != nil {
		return snap, fmt.Errorf("track metadata: %w", classify(err))
	}
	for _, r := range meta {
		h, err := parseHash(r.ContentHash)
		if err != nil {
			return snap, fmt.Errorf("track metadata: %w", err)
		}
		snap.Metadata = append(snap.Metadata, AuditMetadata{ContentHash: h, Uploader: common.HexToAddress(r.Uploader), Genre: r.Genre, Subgenre: r.Subgenre})
	}
	var builds []chartBuildRow
	if err := q.with(ctx).Where("chain_id = ?", c).Find(&builds).Error; err != nil {
		return snap, fmt.Errorf("chart build: %w", classify(err))
	}
	if len(builds) > 0 {
		snap.HasCharts = true
		snap.ChartBuild = ChartBuild{Day: builds[0].Day, AsOfBlock: uint64(builds[0].AsOfBlock)}
	}
	var entries []chartEntryRow
	if err := q.with(ctx).Where("chain_id = ?", c).Order("chart, period, rank").Find(&entries).Error; err != nil {
		return snap, fmt.Errorf("chart entries: %w", classify(err))
	}
	for _, r := range entries {
		e := charts.Entry{Chart: r.Chart, Period: charts.Period(r.Period), Rank: r.Rank,
			Score: charts.Score{TrackID: r.TrackID, Points: r.Points, Sales: r.Sales, Revenue: r.Revenue}}
		if r.PreviousRank != nil {
			e.PreviousRank = *r.PreviousRank
		}
		snap.Charts = append(snap.Charts, e)
	}
	return snap, nil
}

func (q querier) auditTracks(ctx context.Context, chainID int64) ([]AuditTrack, error) {
	var rows []trackRow
	if err := q.with(ctx).Where("chain_id = ?", chainID).Order("track_id").Find(&rows).Error; err != nil {
		return nil, fmt.Errorf("tracks: %w", classify(err))
	}
	var collabs []collaboratorRow
	if err := q.with(ctx).Where("chain_id = ?", chainID).Order("track_id, position").Find(&collabs).Error; err != nil {
		return nil, fmt.Errorf("track collaborators: %w", classify(err))
	}
	byTrack := map[int64][]AuditCollaborator{}
	for _, r := range collabs {
		byTrack[r.TrackID] = append(byTrack[r.TrackID], AuditCollaborator{Account: common.HexToAddress(r.Account), Bps: r.Bps})
	}
	out := make([]AuditTrack, 0, len(rows))
	for _, r := range rows {
		h, err := parseHash(r.ContentHash)
		if err != nil {
			return nil, fmt.Errorf("track %d: %w", r.TrackID, err)
		}
		out = append(out, AuditTrack{TrackID: r.TrackID, Artist: common.HexToAddress(r.Artist), Price: r.Price,
			ReferralBps: r.ReferralBps, Listed: r.Listed, ContentHash: h, Collaborators: byTrack[r.TrackID]})
	}
	return out, nil
}

func (q querier) auditPurchases(ctx context.Context, chainID int64) ([]AuditPurchase, error) {
	var rows []purchaseRow
	if err := q.with(ctx).Where("chain_id = ?", chainID).Order("block_number, log_index").Find(&rows).Error; err != nil {
		return nil, fmt.Errorf("purchases: %w", classify(err))
	}
	out := make([]AuditPurchase, 0, len(rows))
	for _, r := range rows {
		h, err := parseHash(r.TxHash)
		if err != nil {
			return nil, fmt.Errorf("purchase: %w", err)
		}
		p := AuditPurchase{TxHash: h, LogIndex: uint(r.LogIndex), BlockNumber: uint64(r.BlockNumber), BlockTime: r.BlockTime.UTC(),
			TrackID: r.TrackID, Buyer: common.HexToAddress(r.Buyer), Recipient: common.HexToAddress(r.Recipient),
			Price: r.Price, ArtistAmount: r.ArtistAmount, ReferrerAmount: r.ReferrerAmount, FeeAmount: r.FeeAmount,
			FeeRecipient: common.HexToAddress(r.FeeRecipient)}
		if r.Referrer != "" {
			p.Referrer = common.HexToAddress(r.Referrer)
		}
		out = append(out, p)
	}
	return out, nil
}

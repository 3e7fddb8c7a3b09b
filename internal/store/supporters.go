package store

import (
	"context"
	"fmt"
	"time"

	"github.com/ethereum/go-ethereum/common"
)

// Supporter is an owner of a track as its page lists them ("supported by"): who received the
// purchase, with their profile name if they have one. An owner who keeps their collection private
// is listed without their address (Private).
type Supporter struct {
	Account common.Address // zero when Private
	Name    string
	Private bool
	Time    time.Time
}

// Supporters returns a page of a track's owners, newest purchase first, and the cursor of the next
// page (nil at the end). limit is at least 1.
func (q querier) Supporters(ctx context.Context, chainID uint64, trackID int64, after *SaleCursor, limit int) ([]Supporter, *SaleCursor, error) {
	limit = max(limit, 1)
	db := q.with(ctx).Table("purchases p").
		Select("p.recipient, p.block_time, p.block_number, p.log_index, COALESCE(pr.name, '') AS name, COALESCE(pr.hide_collection, FALSE) AS private").
		Joins("LEFT JOIN profiles pr ON pr.chain_id = p.chain_id AND pr.account = p.recipient").
		Where("p.chain_id = ? AND p.track_id = ?", int64(chainID), trackID)
	if after != nil {
		db = db.Where("(p.block_number < ? OR (p.block_number = ? AND p.log_index < ?))", int64(after.Block), int64(after.Block), after.Log)
	}
	var rows []struct {
		Recipient   string
		BlockTime   time.Time
		BlockNumber int64
		LogIndex    int
		Name        string
		Private     bool
	}
	if err := db.Order("p.block_number DESC, p.log_index DESC").Limit(limit + 1).Scan(&rows).Error; err != nil {
		return nil, nil, fmt.Errorf("store: supporters of track %d: %w", trackID, classify(err))
	}
	var next *SaleCursor
	if len(rows) > limit {
		rows = rows[:limit]
		next = &SaleCursor{Block: uint64(rows[limit-1].BlockNumber), Log: rows[limit-1].LogIndex}
	}
	out := make([]Supporter, len(rows))
	for i, r := range rows {
		out[i] = Supporter{Name: r.Name, Private: r.Private, Time: r.BlockTime.UTC()}
		if !r.Private {
			out[i].Account = common.HexToAddress(r.Recipient)
		}
	}
	return out, next, nil
}

// PassedOn is a track a fan brought sales of through their referral links.
type PassedOn struct {
	TrackID int64
	Sales   int64
}

// FanActivity is what a fan's public page shows: the newest tracks of their collection (empty when
// they keep it private), the tracks they passed on with the sales each brought, and the total.
type FanActivity struct {
	Collection []Track
	Owned      int64
	Private    bool
	PassedOn   []PassedOn
	Brought    int64
}

// FanActivity returns an account's collection (its newest limit tracks in the market, unless its
// profile keeps the collection private) and the tracks it passed on (at most limit, most sales
// brought first).
func (q querier) FanActivity(ctx context.Context, chainID uint64, account common.Address, limit int) (FanActivity, error) {
	var a FanActivity
	fail := func(err error) (FanActivity, error) {
		return FanActivity{}, fmt.Errorf("store: activity of %s: %w", account.Hex(), classify(err))
	}
	who := addressText(account)
	if p, err := q.Profile(ctx, chainID, account); err == nil {
		a.Private = p.HideCollection
	}
	if err := q.with(ctx).Table("purchases").Where("chain_id = ? AND recipient = ?", int64(chainID), who).Count(&a.Owned).Error; err != nil {
		return fail(err)
	}
	if !a.Private && a.Owned > 0 {
		var ids []int64
		err := q.with(ctx).Table("purchases").Select("track_id").Where("chain_id = ? AND recipient = ?", int64(chainID), who).
			Order("block_number DESC, log_index DESC").Limit(limit).Scan(&ids).Error
		if err != nil {
			return fail(err)
		}
		tracks, err := q.Tracks(ctx, chainID, ids)
		if err != nil {
			return FanActivity{}, err
		}
		for _, id := range ids {
			if t, ok := tracks[id]; ok {
				a.Collection = append(a.Collection, t)
			}
		}
	}
	err := q.with(ctx).Table("purchases").Select("track_id, COUNT(*) AS sales").
		Where("chain_id = ? AND referrer = ?", int64(chainID), who).Group("track_id").
		Order("sales DESC, track_id").Limit(limit).Scan(&a.PassedOn).Error
	if err != nil {
		return fail(err)
	}
	if err := q.with(ctx).Table("purchases").Where("chain_id = ? AND referrer = ?", int64(chainID), who).Count(&a.Brought).Error; err != nil {
		return fail(err)
	}
	return a, nil
}

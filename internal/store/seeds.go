package store

import (
	"context"
	"encoding/hex"
	"fmt"
	"strings"
	"time"

	"github.com/ethereum/go-ethereum/common"
	"gorm.io/gorm/clause"
)

// MaxSeedsPerHeartbeat bounds the torrents one seeding heartbeat may name.
const MaxSeedsPerHeartbeat = 200

// SeedHeartbeat is a signed statement by Account that the peer PeerID, announcing from IP,
// seeds the torrents InfoHashes (40 lowercase hex digits each) until Expires.
type SeedHeartbeat struct {
	Account    common.Address
	PeerID     [20]byte
	IP         string // as the API's trusted proxies resolve the request's client
	InfoHashes []string
	Expires    time.Time
	Now        time.Time
}

type seedRow struct {
	Account   string    `gorm:"column:account;primaryKey"`
	InfoHash  string    `gorm:"column:info_hash;primaryKey"`
	ExpiresAt time.Time `gorm:"column:expires_at"`
}

func (seedRow) TableName() string { return "seeds" }

// RecordSeeds stores a heartbeat for the torrents its peer seeds as the tracker knows it: a live
// tracker peer of that torrent with the heartbeat's peer id and IP that announced it has the whole
// package. It returns those torrents; the others are not stored. Expired seeds of the account go
// on the way, and up to 1 000 of anybody's.
func (s *Store) RecordSeeds(ctx context.Context, h SeedHeartbeat) ([]string, error) {
	if len(h.InfoHashes) > MaxSeedsPerHeartbeat {
		return nil, fmt.Errorf("store: seeds of %s: %d torrents, at most %d: %w", h.Account.Hex(), len(h.InfoHashes), MaxSeedsPerHeartbeat, ErrInvalid)
	}
	now, expires := h.Now.UTC().Truncate(time.Microsecond), h.Expires.UTC().Truncate(time.Microsecond)
	account := strings.ToLower(h.Account.Hex())
	wrap := func(err error) error { return fmt.Errorf("store: seeds of %s: %w", account, classify(err)) }
	var confirmed []string
	err := s.Transact(ctx, func(tx *Tx) error {
		db := tx.with(ctx)
		if err := db.Where("account = ? AND expires_at <= ?", account, now).Delete(&seedRow{}).Error; err != nil {
			return wrap(err)
		}
		stale := db.Model(&seedRow{}).Select("account, info_hash").Where("expires_at <= ?", now).Limit(1000)
		if err := db.Where("(account, info_hash) IN (?)", stale).Delete(&seedRow{}).Error; err != nil {
			return wrap(err)
		}
		if len(h.InfoHashes) == 0 {
			return nil
		}
		err := db.Model(&trackerPeerRow{}).Distinct("info_hash").
			Where("info_hash IN ? AND peer_id = ? AND ip = ? AND seeding AND expires_at > ?", h.InfoHashes, hex.EncodeToString(h.PeerID[:]), h.IP, now).
			Order("info_hash").Pluck("info_hash", &confirmed).Error
		if err != nil {
			return wrap(err)
		}
		if len(confirmed) == 0 {
			return nil
		}
		rows := make([]seedRow, len(confirmed))
		for i, ih := range confirmed {
			rows[i] = seedRow{Account: account, InfoHash: ih, ExpiresAt: expires}
		}
		err = db.Clauses(clause.OnConflict{Columns: []clause.Column{{Name: "account"}, {Name: "info_hash"}},
			DoUpdates: clause.AssignmentColumns([]string{"expires_at"})}).Create(&rows).Error
		if err != nil {
			return wrap(err)
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	return confirmed, nil
}

// SeededTracks lists the ids of the tracks whose packages account seeds now (a heartbeat not yet
// expired), lowest first.
func (q querier) SeededTracks(ctx context.Context, chainID uint64, account common.Address, now time.Time) ([]int64, error) {
	var ids []int64
	err := q.with(ctx).Table("seeds s").
		Joins("JOIN package_torrents p ON p.info_hash = s.info_hash AND p.status = ?", string(PackageVerified)).
		Joins("JOIN tracks t ON t.chain_id = ? AND t.content_hash = p.content_hash", chainID).
		Where("s.account = ? AND s.expires_at > ?", strings.ToLower(account.Hex()), now.UTC().Truncate(time.Microsecond)).
		Distinct("t.track_id").Order("t.track_id").Pluck("t.track_id", &ids).Error
	if err != nil {
		return nil, fmt.Errorf("store: tracks seeded by %s: %w", account.Hex(), classify(err))
	}
	return ids, nil
}

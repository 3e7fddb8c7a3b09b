package store

import (
	"context"
	"crypto/rand"
	"encoding/base32"
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/ethereum/go-ethereum/common"
	"gorm.io/gorm/clause"
)

// ShortLink is a short referral link: its code stands for one account's referral link to one track.
type ShortLink struct {
	Code      string
	TrackID   int64
	Account   common.Address
	CreatedAt time.Time
}

type shortLinkRow struct {
	Code      string    `gorm:"column:code;primaryKey"`
	ChainID   int64     `gorm:"column:chain_id"`
	TrackID   int64     `gorm:"column:track_id"`
	Account   string    `gorm:"column:account"`
	CreatedAt time.Time `gorm:"column:created_at"`
}

func (shortLinkRow) TableName() string { return "short_links" }

// ShortLinkLength is the length of a short link's code: ten base32 characters, 50 random bits.
const ShortLinkLength = 10

var shortLinkEncoding = base32.NewEncoding("abcdefghijklmnopqrstuvwxyz234567").WithPadding(base32.NoPadding)

// ShortLink returns the code of account's short link to a track, making one the first time it
// is asked for. A pair keeps its code for good. The caller checks that account owns the track.
func (q querier) ShortLink(ctx context.Context, chainID uint64, trackID int64, account common.Address) (string, error) {
	fail := func(err error) (string, error) {
		return "", fmt.Errorf("store: short link of track %d for %s: %w", trackID, account.Hex(), err)
	}
	for range 4 { // a fresh code collides with a stored one with probability n/2^50
		var buf [ShortLinkLength * 5 / 8]byte
		if _, err := rand.Read(buf[:]); err != nil {
			return fail(err)
		}
		row := shortLinkRow{Code: shortLinkEncoding.EncodeToString(buf[:]), ChainID: int64(chainID), TrackID: trackID,
			Account: addressText(account), CreatedAt: now()}
		if err := q.with(ctx).Clauses(clause.OnConflict{DoNothing: true}).Create(&row).Error; err != nil {
			return fail(classify(err))
		}
		var kept shortLinkRow
		err := q.with(ctx).Where("chain_id = ? AND track_id = ? AND account = ?", row.ChainID, trackID, row.Account).Take(&kept).Error
		if err == nil {
			return kept.Code, nil
		}
		if err = classify(err); !errors.Is(err, ErrNotFound) {
			return fail(err)
		}
	}
	return fail(errors.New("no free code"))
}

// ResolveShortLink returns the link a code stands for, or ErrNotFound.
func (q querier) ResolveShortLink(ctx context.Context, chainID uint64, code string) (ShortLink, error) {
	code = strings.ToLower(code)
	if len(code) != ShortLinkLength {
		return ShortLink{}, fmt.Errorf("store: short link %q: %w", code, ErrNotFound)
	}
	var row shortLinkRow
	if err := q.with(ctx).Where("code = ? AND chain_id = ?", code, int64(chainID)).Take(&row).Error; err != nil {
		return ShortLink{}, fmt.Errorf("store: short link %q: %w", code, classify(err))
	}
	return ShortLink{Code: row.Code, TrackID: row.TrackID, Account: common.HexToAddress(row.Account), CreatedAt: row.CreatedAt.UTC()}, nil
}

package store

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/ethereum/go-ethereum/common"
	"gorm.io/gorm/clause"

	"github.com/bittunes/bittunes/internal/names"
)

// Profile is what an account shows of itself in place of its address.
type Profile struct {
	Account        common.Address
	Name           string
	Bio            string
	Links          []string
	HasAvatar      bool
	HideCollection bool
	UpdatedAt      time.Time
}

// ProfileEdit is a profile as its owner sets it. The caller validates the fields; the store checks
// that the name is free. Avatar, when not nil, replaces the avatar (an empty slice removes it).
type ProfileEdit struct {
	Name           string
	Bio            string
	Links          []string
	HideCollection bool
	Avatar         []byte
}

// ErrNameTaken reports a profile name that looks like another account's name. It wraps ErrConflict.
var ErrNameTaken = fmt.Errorf("%w: the name is taken", ErrConflict)

type profileRow struct {
	ChainID        int64     `gorm:"column:chain_id;primaryKey"`
	Account        string    `gorm:"column:account;primaryKey"`
	Name           string    `gorm:"column:name"`
	NameKey        string    `gorm:"column:name_key"`
	Bio            string    `gorm:"column:bio"`
	Links          string    `gorm:"column:links"`
	Avatar         []byte    `gorm:"column:avatar"`
	HideCollection bool      `gorm:"column:hide_collection"`
	UpdatedAt      time.Time `gorm:"column:updated_at"`
}

func (profileRow) TableName() string { return "profiles" }

// profileView is a row of profileColumns.
type profileView struct {
	Account        string
	Name           string
	Bio            string
	Links          string
	HideCollection bool
	UpdatedAt      time.Time
	HasAvatar      bool
}

func (r profileView) profile() Profile {
	p := Profile{Account: common.HexToAddress(r.Account), Name: r.Name, Bio: r.Bio, HasAvatar: r.HasAvatar,
		HideCollection: r.HideCollection, UpdatedAt: r.UpdatedAt.UTC()}
	if r.Links != "" {
		p.Links = strings.Split(r.Links, "\n")
	}
	return p
}

// profileColumns are a profile's columns but the avatar's bytes.
const profileColumns = "account, name, bio, links, hide_collection, updated_at, " + hasAvatar + " AS has_avatar"

// hasAvatar tells whether a profile has an avatar (removing one may leave an empty value).
const hasAvatar = "(avatar IS NOT NULL AND length(avatar) > 0)"

// Profile returns an account's profile, or ErrNotFound when it has none.
func (q querier) Profile(ctx context.Context, chainID uint64, account common.Address) (Profile, error) {
	var rows []profileView
	err := q.with(ctx).Table("profiles").Select(profileColumns).
		Where("chain_id = ? AND account = ?", int64(chainID), addressText(account)).Scan(&rows).Error
	if err != nil {
		return Profile{}, fmt.Errorf("store: profile of %s: %w", account.Hex(), classify(err))
	}
	if len(rows) == 0 {
		return Profile{}, fmt.Errorf("store: profile of %s: %w", account.Hex(), ErrNotFound)
	}
	return rows[0].profile(), nil
}

// ProfileByName returns the profile whose name looks like name (see package names), or ErrNotFound.
func (q querier) ProfileByName(ctx context.Context, chainID uint64, name string) (Profile, error) {
	var rows []profileView
	err := q.with(ctx).Table("profiles").Select(profileColumns).
		Where("chain_id = ? AND name_key = ?", int64(chainID), names.Key(name)).Scan(&rows).Error
	if err != nil {
		return Profile{}, fmt.Errorf("store: profile named %q: %w", name, classify(err))
	}
	if len(rows) == 0 {
		return Profile{}, fmt.Errorf("store: profile named %q: %w", name, ErrNotFound)
	}
	return rows[0].profile(), nil
}

// ProfileAvatar returns an account's avatar (a JPEG) and when it was set, or ErrNotFound.
func (q querier) ProfileAvatar(ctx context.Context, chainID uint64, account common.Address) ([]byte, time.Time, error) {
	var rows []profileRow
	err := q.with(ctx).Table("profiles").Select("avatar, updated_at").
		Where("chain_id = ? AND account = ? AND "+hasAvatar, int64(chainID), addressText(account)).Scan(&rows).Error
	if err != nil {
		return nil, time.Time{}, fmt.Errorf("store: avatar of %s: %w", account.Hex(), classify(err))
	}
	if len(rows) == 0 || len(rows[0].Avatar) == 0 {
		return nil, time.Time{}, fmt.Errorf("store: avatar of %s: %w", account.Hex(), ErrNotFound)
	}
	return rows[0].Avatar, rows[0].UpdatedAt.UTC(), nil
}

// ProfileNames returns the display names of those of accounts that have a profile, in one query
// per 500 accounts: pages that list addresses show names with it.
func (q querier) ProfileNames(ctx context.Context, chainID uint64, accounts []common.Address) (map[common.Address]string, error) {
	texts := make([]string, 0, len(accounts))
	seen := map[common.Address]bool{}
	for _, a := range accounts {
		if a != (common.Address{}) && !seen[a] {
			seen[a] = true
			texts = append(texts, addressText(a))
		}
	}
	out := make(map[common.Address]string, len(texts))
	for start := 0; start < len(texts); start += 500 {
		var rows []profileRow
		err := q.with(ctx).Table("profiles").Select("account, name").
			Where("chain_id = ? AND account IN ?", int64(chainID), texts[start:min(start+500, len(texts))]).Scan(&rows).Error
		if err != nil {
			return nil, fmt.Errorf("store: profile names: %w", classify(err))
		}
		for _, r := range rows {
			out[common.HexToAddress(r.Account)] = r.Name
		}
	}
	return out, nil
}

// PutProfile sets an account's profile. The name must not look like (have the key of) another
// account's profile name, nor the artist name another account sells under (a track of theirs has
// sales): such a name fails with ErrNameTaken.
func (s *Store) PutProfile(ctx context.Context, chainID uint64, account common.Address, e ProfileEdit) (Profile, error) {
	fail := func(err error) (Profile, error) {
		return Profile{}, fmt.Errorf("store: profile of %s: %w", account.Hex(), err)
	}
	key := names.Key(e.Name)
	who := addressText(account)
	err := s.Transact(ctx, func(tx *Tx) error {
		if err := tx.nameReservedByArtist(ctx, chainID, key, who); err != nil {
			return err
		}
		row := profileRow{ChainID: int64(chainID), Account: who, Name: e.Name, NameKey: key, Bio: e.Bio,
			Links: strings.Join(e.Links, "\n"), HideCollection: e.HideCollection, UpdatedAt: now()}
		update := []string{"name", "name_key", "bio", "links", "hide_collection", "updated_at"}
		if e.Avatar != nil {
			if len(e.Avatar) > 0 {
				row.Avatar = e.Avatar
			}
			update = append(update, "avatar")
		}
		db := tx.with(ctx)
		if e.Avatar == nil {
			db = db.Omit("avatar")
		}
		err := db.Clauses(clause.OnConflict{
			Columns:   []clause.Column{{Name: "chain_id"}, {Name: "account"}},
			DoUpdates: clause.AssignmentColumns(update),
		}).Create(&row).Error
		if err = classify(err); errors.Is(err, ErrConflict) {
			return ErrNameTaken
		}
		return err
	})
	if err != nil {
		return fail(err)
	}
	return s.Profile(ctx, chainID, account)
}

// nameReservedByArtist fails with ErrNameTaken when an artist other than who sells, under a name
// with the given key, a track that has sales.
func (q querier) nameReservedByArtist(ctx context.Context, chainID uint64, key, who string) error {
	var taken []string
	err := q.with(ctx).Table("tracks t").Distinct("m.artist_name").Joins(joinUploadedBy).
		Joins("JOIN track_stats s ON s.chain_id = t.chain_id AND s.track_id = t.track_id").
		Where("t.chain_id = ? AND t.artist <> ? AND s.sales > 0", int64(chainID), who).
		Scan(&taken).Error
	if err != nil {
		return classify(err)
	}
	for _, n := range taken {
		if names.Key(n) == key {
			return ErrNameTaken
		}
	}
	return nil
}

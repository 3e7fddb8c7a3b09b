package web

import (
	"context"
	"errors"
	"strconv"
	"strings"
	"time"

	"github.com/ethereum/go-ethereum/common"

	"github.com/bittunes/bittunes/internal/store"
)

// People is where the pages read profiles and what fans did (a *store.Store). Without it the pages
// show artists by the name typed at upload and no fan pages.
type People interface {
	Profile(ctx context.Context, chainID uint64, account common.Address) (store.Profile, error)
	FanActivity(ctx context.Context, chainID uint64, account common.Address, limit int) (store.FanActivity, error)
	ProfileAvatar(ctx context.Context, chainID uint64, account common.Address) ([]byte, time.Time, error)
}

// fanPageTracks is how many tracks of a collection, and of those passed on, a public page shows.
const fanPageTracks = 48

// personView is what an account's page shows of the person: their profile and, for a fan, their
// collection and what they passed on.
type personView struct {
	Profile    *store.Profile
	AvatarURL  string
	Activity   store.FanActivity
	PassedOn   []passedOnRow
	HasProfile bool
}

type passedOnRow struct {
	T     store.Track
	Sales int64
}

// person reads an account's profile and activity; an account without either has a zero view.
func (p *pages) person(ctx context.Context, a common.Address) (personView, error) {
	var v personView
	if p.cfg.People == nil {
		return v, nil
	}
	prof, err := p.cfg.People.Profile(ctx, p.cfg.ChainID, a)
	switch {
	case err == nil:
		v.Profile, v.HasProfile = &prof, true
		if prof.HasAvatar {
			v.AvatarURL = "/api/v1/profiles/" + strings.ToLower(a.Hex()) + "/avatar?v=" + strconv.FormatInt(prof.UpdatedAt.UnixMilli(), 10)
		}
	case !errors.Is(err, store.ErrNotFound):
		return v, err
	}
	if v.Activity, err = p.cfg.People.FanActivity(ctx, p.cfg.ChainID, a, fanPageTracks); err != nil {
		return v, err
	}
	ids := make([]int64, len(v.Activity.PassedOn))
	for i, po := range v.Activity.PassedOn {
		ids[i] = po.TrackID
	}
	tracks, err := p.cfg.Catalog.Tracks(ctx, p.cfg.ChainID, ids)
	if err != nil {
		return v, err
	}
	for _, po := range v.Activity.PassedOn {
		if t, ok := tracks[po.TrackID]; ok {
			v.PassedOn = append(v.PassedOn, passedOnRow{t, po.Sales})
		}
	}
	return v, nil
}

// accountName is what an account's page and card call it: its profile name, else the name it sells
// its latest track under, else its short address.
func accountName(a common.Address, tracks []store.Track, who personView) string {
	switch {
	case who.Profile != nil:
		return who.Profile.Name
	case len(tracks) > 0:
		return artistName(tracks[0])
	}
	return shortAddress(a)
}

// empty tells whether the account has nothing to show: no profile, nothing bought or passed on.
func (v personView) empty() bool {
	return !v.HasProfile && v.Activity.Owned == 0 && v.Activity.Brought == 0
}

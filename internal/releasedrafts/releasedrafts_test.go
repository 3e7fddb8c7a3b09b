package releasedrafts_test

import (
	"context"
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/common"

	"github.com/bittunes/bittunes/internal/market"
	"github.com/bittunes/bittunes/internal/releasedrafts"
	"github.com/bittunes/bittunes/internal/store"
	"github.com/bittunes/bittunes/internal/wei"
)

var artist, other = common.Address{1}, common.Address{2}

// catalogue has tracks 1–60 of artist and 99 of other, and counts the drafts it stores.
type catalogue struct {
	unregistered int64
	created      []store.ReleaseMetadata
}

func (c *catalogue) Tracks(_ context.Context, _ uint64, ids []int64) (map[int64]store.Track, error) {
	out := map[int64]store.Track{}
	for _, id := range ids {
		switch {
		case id >= 1 && id <= 60:
			out[id] = store.Track{ID: id, Artist: artist}
		case id == 99:
			out[id] = store.Track{ID: id, Artist: other}
		}
	}
	return out, nil
}

func (c *catalogue) UnregisteredReleaseMetadata(context.Context, uint64, common.Address) (int64, error) {
	return c.unregistered, nil
}

func (c *catalogue) CreateReleaseMetadata(_ context.Context, m store.ReleaseMetadata, _ []byte) error {
	c.created = append(c.created, m)
	c.unregistered++
	return nil
}

func ids(from, to int64) []int64 {
	var out []int64
	for id := from; id <= to; id++ {
		out = append(out, id)
	}
	return out
}

// TestCheckRegistrationRefusesWhatTheContractWould: each rule of registerRelease, with the
// artist's message; a registration within them passes.
func TestCheckRegistrationRefusesWhatTheContractWould(t *testing.T) {
	s := releasedrafts.Service{Store: &catalogue{}, ChainID: 1337}
	most := market.ContractLimits.MaxReleaseTracks
	aboveCap, err := market.ContractLimits.MaxPrice.Add(wei.FromUint64(1))
	if err != nil {
		t.Fatal(err)
	}
	for _, tt := range []struct {
		name   string
		tracks []int64
		price  wei.Amount
		err    error
		says   string
	}{
		{"no tracks", nil, wei.FromUint64(1), releasedrafts.ErrInvalid, "a release has 1 to 50 tracks"},
		{"too many tracks", ids(1, int64(most)+1), wei.FromUint64(1), releasedrafts.ErrInvalid, "a release has 1 to 50 tracks"},
		{"above the cap", []int64{1}, aboveCap, releasedrafts.ErrInvalid, "above the market's cap"},
		{"a repeat", []int64{1, 2, 1}, wei.FromUint64(1), releasedrafts.ErrInvalid, "track 1 is not a track id, or is named twice"},
		{"not a track id", []int64{0}, wei.FromUint64(1), releasedrafts.ErrInvalid, "track 0 is not a track id"},
		{"not registered", []int64{1, 77}, wei.FromUint64(1), releasedrafts.ErrInvalid, "track 77 is not registered"},
		{"another artist's", []int64{1, 99}, wei.FromUint64(1), releasedrafts.ErrNotTheArtists, "track 99 is another artist's"},
		{"the most tracks at the cap", ids(1, int64(most)), market.ContractLimits.MaxPrice, nil, ""},
		{"one free track", []int64{3}, wei.Amount{}, nil, ""},
	} {
		err := s.CheckRegistration(context.Background(), artist, tt.tracks, tt.price)
		if !errors.Is(err, tt.err) || (err != nil && !strings.Contains(err.Error(), tt.says)) || (tt.err == nil && err != nil) {
			t.Errorf("%s: %v, want %v saying %q", tt.name, err, tt.err, tt.says)
		}
	}
}

// TestCreateKeepsAtMostMaxDrafts: drafts get fresh ids and the chain, up to the bound; the next
// is refused and nothing is stored.
func TestCreateKeepsAtMostMaxDrafts(t *testing.T) {
	db := &catalogue{}
	s := releasedrafts.Service{Store: db, ChainID: 1337, MaxDrafts: 2}
	now := time.Date(2026, 12, 3, 9, 0, 0, 0, time.UTC)
	for range 2 {
		m, err := s.Create(context.Background(), store.ReleaseMetadata{Uploader: artist, Title: "EP", Kind: "ep"}, []byte("jpeg"), now)
		if err != nil {
			t.Fatal(err)
		}
		if len(m.ID) != 32 || m.ChainID != 1337 || !m.HasCover || !m.CreatedAt.Equal(now) || m.Title != "EP" {
			t.Errorf("created %+v", m)
		}
	}
	if db.created[0].ID == db.created[1].ID {
		t.Errorf("two drafts with one id %s", db.created[0].ID)
	}
	_, err := s.Create(context.Background(), store.ReleaseMetadata{Uploader: artist, Title: "LP", Kind: "album"}, nil, now)
	if !errors.Is(err, releasedrafts.ErrTooMany) || !strings.Contains(err.Error(), "this account has 2 releases written and not registered") {
		t.Fatalf("a third draft: %v, want ErrTooMany", err)
	}
	if len(db.created) != 2 {
		t.Errorf("stored %d drafts, want 2", len(db.created))
	}
}

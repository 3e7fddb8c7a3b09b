package web

import (
	"context"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/common"

	"github.com/bittunes/bittunes/internal/store"
)

// fakeSeeds says which tracks each account seeds.
type fakeSeeds map[common.Address][]int64

func (f fakeSeeds) SeededTracks(_ context.Context, _ uint64, a common.Address, _ time.Time) ([]int64, error) {
	return f[a], nil
}

// TestAnAccountPageShowsWhatItSeeds: a fan who seeds two tracks has "Seeding 2 tracks" with both
// on their page; an account that seeds nothing has no such block; a track page tells owners how to
// seed it.
func TestAnAccountPageShowsWhatItSeeds(t *testing.T) {
	cat := newFakeCatalog()
	people := fakePeople{activity: map[common.Address]store.FanActivity{
		fan:  {Collection: []store.Track{cat.tracks[0]}, Owned: 1},
		mira: {},
	}}
	h := testHandler(t, Config{ChainID: 1337, Catalog: cat, People: people, Seeds: fakeSeeds{fan: {1, 3}}, Origin: origin})
	p := fetch(t, h, "/a/"+fan.Hex())
	if p.status != http.StatusOK {
		t.Fatalf("fan page: %d", p.status)
	}
	for _, want := range []string{`<h2 id="seeding-h">Seeding 2 tracks</h2>`, `href="/t/1"`, `href="/t/3"`} {
		if !strings.Contains(p.body, want) {
			t.Errorf("fan page lacks %q", want)
		}
	}
	if p := fetch(t, h, "/a/"+mira.Hex()); strings.Contains(p.body, "seeding-h") {
		t.Errorf("an account seeding nothing shows a Seeding block")
	}
	if p := fetch(t, h, "/t/1"); !strings.Contains(p.body, "bittunes seed --account") || !strings.Contains(p.body, "bittunes buy "+origin+"/t/1") {
		t.Errorf("the track page does not tell owners how to seed:\n%s", p.body)
	}
}

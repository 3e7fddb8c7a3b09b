package web

import (
	"context"
	"fmt"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/common"

	"github.com/bittunes/bittunes/internal/store"
)

// fakePeople holds profiles, avatars and fans' activity by account.
type fakePeople struct {
	profiles map[common.Address]store.Profile
	activity map[common.Address]store.FanActivity
	avatars  map[common.Address][]byte
}

func (f fakePeople) ProfileAvatar(_ context.Context, _ uint64, a common.Address) ([]byte, time.Time, error) {
	if b, ok := f.avatars[a]; ok {
		return b, f.profiles[a].UpdatedAt, nil
	}
	return nil, time.Time{}, fmt.Errorf("fake: avatar: %w", store.ErrNotFound)
}

func (f fakePeople) Profile(_ context.Context, _ uint64, a common.Address) (store.Profile, error) {
	if p, ok := f.profiles[a]; ok {
		return p, nil
	}
	return store.Profile{}, fmt.Errorf("fake: %w", store.ErrNotFound)
}

func (f fakePeople) FanActivity(_ context.Context, _ uint64, a common.Address, _ int) (store.FanActivity, error) {
	return f.activity[a], nil
}

func TestAnAccountPageShowsItsProfileCollectionAndWhatItPassedOn(t *testing.T) {
	cat := newFakeCatalog()
	private := common.HexToAddress("0x15d34AAf54267DB7D7c367839AAf71A00a2C6A65")
	people := fakePeople{
		profiles: map[common.Address]store.Profile{
			fan:     {Account: fan, Name: "Night <Owl>", Bio: "Deep cuts only.", Links: []string{"https://owl.example/"}, HasAvatar: true, UpdatedAt: time.Unix(1700000000, 0)},
			mira:    {Account: mira, Name: "Mira V."},
			private: {Account: private, Name: "Quiet", HideCollection: true},
		},
		activity: map[common.Address]store.FanActivity{
			fan:     {Collection: []store.Track{cat.tracks[2], cat.tracks[0]}, Owned: 2, PassedOn: []store.PassedOn{{TrackID: 1, Sales: 3}}, Brought: 3},
			private: {Owned: 4, Private: true},
		},
	}
	h := testHandler(t, Config{ChainID: 1337, Catalog: cat, People: people, Origin: origin})

	p := fetch(t, h, "/a/"+fan.Hex())
	if p.status != http.StatusOK {
		t.Fatalf("fan page: %d", p.status)
	}
	for _, want := range []string{"<h1>Night &lt;Owl&gt;</h1>", fan.Hex(), "Deep cuts only.", `href="https://owl.example/" rel="nofollow noopener ugc"`,
		`/api/v1/profiles/` + strings.ToLower(fan.Hex()) + `/avatar?v=1700000000000`, "Passed on", "3 sales brought", "brought 3 sales",
		"Collection", "2 tracks bought", "Rust &amp; Rain", `href="/t/1"`} {
		if !strings.Contains(p.body, want) {
			t.Errorf("fan page lacks %q", want)
		}
	}
	if strings.Contains(p.body, "Atom feed") {
		t.Error("a fan without tracks offers a feed")
	}
	if p := fetch(t, h, "/a/"+private.Hex()); p.status != http.StatusOK || !strings.Contains(p.body, "4 tracks, kept private") || strings.Contains(p.body, "Harbour") {
		t.Errorf("private collection: %d", p.status)
	}
	// The artist's profile name heads their page.
	if p := fetch(t, h, "/a/"+mira.Hex()); !strings.Contains(p.body, "<h1>Mira V.</h1>") || !strings.Contains(p.body, "Harbour Lights") {
		t.Errorf("artist page: %d", p.status)
	}
	// A referral link names the fan who shared it by their profile name.
	if p := fetch(t, h, "/t/1?ref="+fan.Hex()); !strings.Contains(p.body, "Shared by <strong>Night &lt;Owl&gt;</strong>") {
		t.Errorf("the referral link's sharer is not named by their profile (%d)", p.status)
	}
	// An account with nothing to show is not a page.
	if p := fetch(t, h, "/a/0x0000000000000000000000000000000000000001"); p.status != http.StatusNotFound {
		t.Errorf("empty account: %d", p.status)
	}
}

func TestBrowseFiltersBySubgenreAndNamesItsScope(t *testing.T) {
	h, _ := site(t)
	all := fetch(t, h, "/browse")
	all.has("<h1>All tracks</h1>")
	if strings.Contains(all.body, "All genres</h1>") || strings.Contains(all.body, `name="subgenre"`) {
		t.Error("the unfiltered browse says “Browse all genres” or offers sub-genres of no genre")
	}
	g := fetch(t, h, "/browse?genre=electronic&subgenre=house")
	g.has(`<select id="b-sub" name="subgenre">`, `<option value="house" selected>House</option>`, `<option value="ambient">Ambient</option>`, "<h1>Browse Electronic / House</h1>")
	if strings.Contains(g.body, `href="/t/2"`) || !strings.Contains(g.body, `href="/t/1"`) {
		t.Error("the sub-genre filter is not applied")
	}
	// The form sent after the genre was changed keeps the old genre's sub-genre: it is left out,
	// and so is a sub-genre without its genre.
	f := fetch(t, h, "/browse?genre=folk&subgenre=house")
	f.has("<h1>Browse Folk</h1>", `href="/t/3"`)
	if f.status != http.StatusOK || strings.Contains(f.body, `subgenre=house`) {
		t.Errorf("a sub-genre of another genre: %d", f.status)
	}
	if a := fetch(t, h, "/browse?subgenre=house"); a.status != http.StatusOK || !strings.Contains(a.body, "<h1>All tracks</h1>") || !strings.Contains(a.body, `href="/t/3"`) {
		t.Errorf("a sub-genre without its genre: %d", a.status)
	}
}

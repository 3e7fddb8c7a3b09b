package web

import (
	"bytes"
	"image"
	"image/color"
	"image/jpeg"
	"net/http"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/common"

	"github.com/bittunes/bittunes/internal/content"
	"github.com/bittunes/bittunes/internal/store"
)

// coverCentre is where a card's cover square has its centre (see cards.Card).
var coverCentre = image.Pt(60+255, 60+255)

// card fetches a preview card and decodes it, failing unless it is a 1200×630 JPEG.
func card(t *testing.T, h http.Handler, path string) image.Image {
	t.Helper()
	rec := get(t, h, path)
	if rec.Code != http.StatusOK || rec.Header().Get("Content-Type") != "image/jpeg" {
		t.Fatalf("%s: %d %q", path, rec.Code, rec.Header().Get("Content-Type"))
	}
	img, err := jpeg.Decode(bytes.NewReader(rec.Body.Bytes()))
	if err != nil || img.Bounds().Dx() != 1200 || img.Bounds().Dy() != 630 {
		t.Fatalf("%s: %v %v", path, err, img.Bounds())
	}
	return img
}

// near tells whether got is c, give or take JPEG's error.
func near(got color.Color, c color.RGBA) bool {
	r, g, b, _ := got.RGBA()
	d := func(x uint32, y uint8) bool { return int(x>>8)-int(y) <= 24 && int(y)-int(x>>8) <= 24 }
	return d(r, c.R) && d(g, c.G) && d(b, c.B)
}

// TestCardsAreDrawnAroundTheUploadedCover: an artist's uploaded cover is the card's picture and the
// thumbnails' (the drawn art only stands in without one), and a replaced cover makes new ones.
func TestCardsAreDrawnAroundTheUploadedCover(t *testing.T) {
	dir := t.TempDir()
	media := content.Media{Dir: dir}
	if err := media.Init(); err != nil {
		t.Fatal(err)
	}
	cat := newFakeCatalog()
	h := testHandler(t, Config{ChainID: 1, MediaDir: dir, Catalog: cat, Origin: origin})
	hash := cat.tracks[0].ContentHash
	blue, green := color.RGBA{20, 60, 220, 255}, color.RGBA{30, 190, 60, 255}
	path := media.CoverPath(hash, content.JPEG)
	if err := os.WriteFile(path, solidJPEG(blue, 800), 0o644); err != nil {
		t.Fatal(err)
	}
	if got := card(t, h, "/cards/t/1.jpg").At(coverCentre.X, coverCentre.Y); !near(got, blue) {
		t.Errorf("the track card's cover is %v, not the uploaded blue", got)
	}
	thumb, err := jpeg.Decode(bytes.NewReader(get(t, h, "/covers/"+hash.Hex()+"/120").Body.Bytes()))
	if err != nil || !near(thumb.At(60, 60), blue) {
		t.Errorf("the thumbnail is not the uploaded cover: %v", err)
	}
	// The artist replaces the cover: the next cards show the new one.
	if err := os.WriteFile(path, solidJPEG(green, 700), 0o644); err != nil {
		t.Fatal(err)
	}
	later := time.Now().Add(time.Hour)
	if err := os.Chtimes(path, later, later); err != nil {
		t.Fatal(err)
	}
	if got := card(t, h, "/cards/t/1.jpg").At(coverCentre.X, coverCentre.Y); !near(got, green) {
		t.Errorf("after a new cover the card shows %v", got)
	}
}

// TestReleaseLinksUnfurlAsTheRelease: a release page's preview is the release's own card (its
// cover, title and price), not its first track's; a referral link's card says who shared it.
func TestReleaseLinksUnfurlAsTheRelease(t *testing.T) {
	h, _ := site(t)
	m := fetch(t, h, "/releases/1").meta()
	if m["og:image"] != origin+"/cards/releases/1.jpg" || m["twitter:image"] != m["og:image"] || m["og:image:width"] != "1200" {
		t.Errorf("og:image %q twitter:image %q", m["og:image"], m["twitter:image"])
	}
	const ref = "?ref=0x90f79bf6eb2c4f870365e785982e1f101e93b906"
	if m := fetch(t, h, "/releases/1"+ref).meta(); m["og:image"] != origin+"/cards/releases/1.jpg"+ref {
		t.Errorf("referral og:image %q", m["og:image"])
	}
	img := card(t, h, "/cards/releases/1.jpg")
	if got := img.At(coverCentre.X, coverCentre.Y); !near(got, releaseCoverColour) {
		t.Errorf("the card's cover is %v, not the release's uploaded cover", got)
	}
	plain, shared, track := get(t, h, "/cards/releases/1.jpg").Body.Bytes(), get(t, h, "/cards/releases/1.jpg"+ref).Body.Bytes(),
		get(t, h, "/cards/t/2.jpg").Body.Bytes()
	if bytes.Equal(plain, shared) {
		t.Error("the referral's card does not say who shared it")
	}
	if bytes.Equal(plain, track) {
		t.Error("the release's card is its first track's")
	}
	for _, path := range []string{"/cards/releases/2.jpg", "/cards/releases/9.jpg", "/cards/releases/1.png", "/cards/releases/x.jpg"} {
		if rec := get(t, h, path); rec.Code != http.StatusNotFound {
			t.Errorf("%s: %d, want 404", path, rec.Code)
		}
	}
}

// TestAFansPageUnfurlsWithTheirCard: an account that sells nothing still has a preview card (its
// avatar, else art drawn from its address) and is described as a Person; an artist as a MusicGroup.
func TestAFansPageUnfurlsWithTheirCard(t *testing.T) {
	cat := newFakeCatalog()
	quiet := common.HexToAddress("0x15d34AAf54267DB7D7c367839AAf71A00a2C6A65")
	avatar := color.RGBA{240, 200, 20, 255}
	people := fakePeople{
		profiles: map[common.Address]store.Profile{
			fan:   {Account: fan, Name: "Night Owl", HasAvatar: true, UpdatedAt: time.Unix(1700000000, 0)},
			quiet: {Account: quiet, Name: "Quiet"},
		},
		activity: map[common.Address]store.FanActivity{fan: {Owned: 2, Brought: 3}},
		avatars:  map[common.Address][]byte{fan: solidJPEG(avatar, 256)},
	}
	h := testHandler(t, Config{ChainID: 1337, Catalog: cat, People: people, Origin: origin})
	p := fetch(t, h, "/a/"+fan.Hex())
	m := p.meta()
	if m["og:image"] != origin+"/cards/a/"+fan.Hex()+".jpg" || !strings.HasPrefix(m["description"], "Night Owl on Bittunes: 2 tracks collected, and 3 sales passed on") {
		t.Errorf("og:image %q, description %q", m["og:image"], m["description"])
	}
	if got := card(t, h, "/cards/a/"+fan.Hex()+".jpg").At(coverCentre.X, coverCentre.Y); !near(got, avatar) {
		t.Errorf("the fan's card shows %v, not their avatar", got)
	}
	doc := p.jsonLD()
	if doc["@type"] != "Person" || doc["name"] != "Night Owl" || doc["image"] != origin+"/api/v1/profiles/"+strings.ToLower(fan.Hex())+"/avatar?v=1700000000000" || doc["track"] != nil {
		t.Errorf("fan JSON-LD %v", doc)
	}
	card(t, h, "/cards/a/"+quiet.Hex()+".jpg") // no avatar: drawn art
	if doc := fetch(t, h, "/a/"+mira.Hex()).jsonLD(); doc["@type"] != "MusicGroup" || doc["track"] == nil {
		t.Errorf("artist JSON-LD %v", doc)
	}
	if rec := get(t, h, "/cards/a/0x0000000000000000000000000000000000000001.jpg"); rec.Code != http.StatusNotFound {
		t.Errorf("an account with nothing to show: %d", rec.Code)
	}
}

package api_test

import (
	"bytes"
	"context"
	"encoding/base64"
	"encoding/json"
	"fmt"
	"image"
	"image/color"
	"image/jpeg"
	"image/png"
	"net/http"
	"strings"
	"testing"

	"github.com/bittunes/bittunes/internal/api"
	"github.com/bittunes/bittunes/internal/store"
)

func pngBase64(t *testing.T, w, h int) string {
	t.Helper()
	img := image.NewRGBA(image.Rect(0, 0, w, h))
	for x := range w {
		img.Set(x, h/2, color.RGBA{200, 10, 10, 255})
	}
	var buf bytes.Buffer
	if err := png.Encode(&buf, img); err != nil {
		t.Fatal(err)
	}
	return base64.StdEncoding.EncodeToString(buf.Bytes())
}

func TestProfilesAreSetByTheirOwnerAndShownInPlaceOfAddresses(t *testing.T) {
	forEachDB(t, func(t *testing.T, s *store.Store) {
		h := signInHandler(s, devOrigin)
		asAlice, asBob, asMira := signedInAs(t, s, alice), signedInAs(t, s, bob), signedInAs(t, s, mira)
		path := "/api/v1/profiles/" + alice.Hex()
		body := fmt.Sprintf(`{"name": " Alice  Fan ", "bio": "I pass on house.", "links": ["https://alice.example/"], "hideCollection": true, "avatar": "data:image/png;base64,%s"}`, pngBase64(t, 640, 320))

		if rec := get(t, h, path); rec.Code != http.StatusNotFound {
			t.Errorf("no profile yet: %d %s", rec.Code, rec.Body)
		}
		if rec := call(h, http.MethodPut, path, body); rec.Code != http.StatusUnauthorized {
			t.Errorf("not signed in: %d %s", rec.Code, rec.Body)
		}
		if rec := call(h, http.MethodPut, path, body, asBob); rec.Code != http.StatusForbidden {
			t.Errorf("someone else's profile: %d %s", rec.Code, rec.Body)
		}
		rec := call(h, http.MethodPut, path, body, asAlice)
		if rec.Code != http.StatusOK {
			t.Fatalf("put: %d %s", rec.Code, rec.Body)
		}
		var p struct {
			Address, Name, Bio string
			Links              []string
			Avatar             *string
			HideCollection     bool
		}
		if err := json.Unmarshal(get(t, h, path).Body.Bytes(), &p); err != nil {
			t.Fatal(err)
		}
		if p.Address != alice.Hex() || p.Name != "Alice Fan" || p.Bio != "I pass on house." || len(p.Links) != 1 || !p.HideCollection || p.Avatar == nil {
			t.Fatalf("profile = %+v", p)
		}
		// The avatar is the server's own square JPEG, not the uploaded PNG.
		av := get(t, h, *p.Avatar)
		if av.Code != http.StatusOK || av.Header().Get("Content-Type") != "image/jpeg" {
			t.Fatalf("avatar: %d %s", av.Code, av.Header())
		}
		img, err := jpeg.Decode(av.Body)
		if err != nil || img.Bounds().Dx() != 256 || img.Bounds().Dy() != 256 {
			t.Errorf("avatar image: %v, %v", img.Bounds(), err)
		}

		// Names stand beside the addresses in sales, distributors and track pages.
		for _, page := range []string{"/api/v1/accounts/" + mira.Hex() + "/sales", "/api/v1/audit/purchases",
			"/api/v1/accounts/" + mira.Hex() + "/distributors", "/api/v1/tracks/1?ref=" + alice.Hex()} {
			var got struct{ Names map[string]string }
			if err := json.Unmarshal(get(t, h, page).Body.Bytes(), &got); err != nil || got.Names[alice.Hex()] != "Alice Fan" {
				t.Errorf("%s: names %v, %v", page, got.Names, err)
			}
		}
		// The artist's profile name replaces the name typed at upload.
		if rec := call(h, http.MethodPut, "/api/v1/profiles/"+mira.Hex(), `{"name": "Mira Vale"}`, asMira); rec.Code != http.StatusOK {
			t.Fatalf("mira: %d %s", rec.Code, rec.Body)
		}
		if rec := call(h, http.MethodPut, "/api/v1/profiles/"+mira.Hex(), `{"name": "Mira Vale Live"}`, asMira); rec.Code != http.StatusOK {
			t.Fatalf("mira renamed: %d %s", rec.Code, rec.Body)
		}
		// A friend is found by a name that looks like theirs, for a gift.
		if rec := get(t, h, "/api/v1/profiles?name=ALICE%20FAN"); rec.Code != http.StatusOK || !strings.Contains(rec.Body.String(), alice.Hex()) {
			t.Errorf("by name: %d %s", rec.Code, rec.Body)
		}
		if rec := get(t, h, "/api/v1/profiles?name=nobody"); rec.Code != http.StatusNotFound {
			t.Errorf("unknown name: %d", rec.Code)
		}
		if rec := get(t, h, "/api/v1/tracks/1"); !strings.Contains(rec.Body.String(), `"name":"Mira Vale Live"`) {
			t.Errorf("track 1 artist: %s", rec.Body)
		}

		for _, c := range []struct {
			body string
			want int
		}{
			{`{"name": "alice fan"}`, http.StatusConflict},            // Alice's, in another case
			{`{"name": "Аlice Fаn"}`, http.StatusConflict},            // with Cyrillic letters
			{`{"name": "mira vale"}`, http.StatusConflict},            // the name Mira sold under
			{`{"name": "The Paper Kites Club"}`, http.StatusConflict}, // Kites', who has sales but no profile
			{`{"name": "0x70997970C51812dc3A010C7d01b50e0d17dc79C8"}`, http.StatusBadRequest},
			{`{"name": ""}`, http.StatusBadRequest},
			{`{"name": "Bob", "links": ["javascript:alert(1)"]}`, http.StatusBadRequest},
			{`{"name": "Bob", "bio": "` + strings.Repeat("b", 501) + `"}`, http.StatusBadRequest},
			{`{"name": "Bob", "avatar": "bm90IGFuIGltYWdl"}`, http.StatusBadRequest},
			{`{"name": "Bob", "avatar": "` + pngBase64(t, 4097, 1) + `"}`, http.StatusBadRequest},
			{`{"name": "Bob", "avatar": "` + strings.Repeat("A", 3<<20) + `"}`, http.StatusBadRequest}, // the body is over its bound
			{`{"name": "Bob", "admin": true}`, http.StatusBadRequest},
		} {
			h := signInHandler(s, devOrigin) // a fresh rate limit
			if rec := call(h, http.MethodPut, "/api/v1/profiles/"+bob.Hex(), c.body, asBob); rec.Code != c.want || errorOf(rec).Error.Code == "" {
				t.Errorf("%.80s: %d %s, want %d", c.body, rec.Code, rec.Body, c.want)
			}
		}
		if rec := get(t, h, "/api/v1/profiles/"+bob.Hex()); rec.Code != http.StatusNotFound {
			t.Errorf("refused edits left a profile: %d %s", rec.Code, rec.Body)
		}
	})
}

func TestCollaboratorsSeeWhatEachTrackPaidThem(t *testing.T) {
	forEachDB(t, func(t *testing.T, s *store.Store) {
		h := handler(s)
		var got struct {
			Collaborations []struct {
				Track  struct{ ID int64 }
				Bps    int
				Earned struct{ Wei string }
				Sales  int64
			}
		}
		if err := json.Unmarshal(get(t, h, "/api/v1/accounts/"+kites.Hex()+"/collaborations").Body.Bytes(), &got); err != nil {
			t.Fatal(err)
		}
		// Kites has 25 % of track 2's artist side; its two sales (3 finney, 5 % fee, no referrer) paid 712500000000000 each.
		if c := got.Collaborations; len(c) != 1 || c[0].Track.ID != 2 || c[0].Bps != 2500 || c[0].Sales != 2 || c[0].Earned.Wei != "1425000000000000" {
			t.Errorf("kites' collaborations: %+v", got)
		}
		if rec := get(t, h, "/api/v1/accounts/"+alice.Hex()+"/collaborations"); !strings.Contains(rec.Body.String(), `"collaborations":[]`) {
			t.Errorf("a fan's collaborations: %s", rec.Body)
		}
	})
}

func TestProfileChangesAreRateLimitedPerAccount(t *testing.T) {
	forEachDB(t, func(t *testing.T, s *store.Store) {
		h := signInHandler(s, devOrigin)
		asBob, asCarol := signedInAs(t, s, bob), signedInAs(t, s, carol)
		limited := 0
		for i := range 12 {
			rec := call(h, http.MethodPut, "/api/v1/profiles/"+bob.Hex(), fmt.Sprintf(`{"name": "Bob %d"}`, i), asBob)
			if rec.Code == http.StatusTooManyRequests {
				limited++
			}
		}
		if limited != 2 {
			t.Errorf("%d of 12 changes refused, want 2 (a burst of 10)", limited)
		}
		if rec := call(h, http.MethodPut, "/api/v1/profiles/"+carol.Hex(), `{"name": "Carol"}`, asCarol); rec.Code != http.StatusOK {
			t.Errorf("another account: %d %s", rec.Code, rec.Body)
		}
	})
}

func TestATrackListsItsSupportersNewestFirst(t *testing.T) {
	forEachDB(t, func(t *testing.T, s *store.Store) {
		h := signInHandler(s, devOrigin)
		if rec := call(h, http.MethodPut, "/api/v1/profiles/"+dave.Hex(), `{"name": "Dave D"}`, signedInAs(t, s, dave)); rec.Code != http.StatusOK {
			t.Fatal(rec.Body)
		}
		if rec := call(h, http.MethodPut, "/api/v1/profiles/"+carol.Hex(), `{"name": "Carol C", "hideCollection": true}`, signedInAs(t, s, carol)); rec.Code != http.StatusOK {
			t.Fatal(rec.Body)
		}
		var page struct {
			Supporters []struct {
				Address *string
				Name    string
			}
			NextCursor *string
		}
		if err := json.Unmarshal(get(t, h, "/api/v1/tracks/1/supporters?limit=2").Body.Bytes(), &page); err != nil {
			t.Fatal(err)
		}
		// Track 1 was bought by alice, bob, carol, then dave.
		if len(page.Supporters) != 2 || page.Supporters[0].Address == nil || *page.Supporters[0].Address != dave.Hex() ||
			page.Supporters[0].Name != "Dave D" || page.Supporters[1].Address != nil || page.NextCursor == nil {
			t.Fatalf("first page: %+v", page)
		}
		rest := get(t, h, "/api/v1/tracks/1/supporters?limit=2&cursor="+*page.NextCursor)
		if !strings.Contains(rest.Body.String(), bob.Hex()) || !strings.Contains(rest.Body.String(), alice.Hex()) || !strings.Contains(rest.Body.String(), `"nextCursor":null`) {
			t.Errorf("second page: %s", rest.Body)
		}
		if rec := get(t, h, "/api/v1/tracks/1/supporters?limit=101"); rec.Code != http.StatusBadRequest {
			t.Errorf("limit over the bound: %d", rec.Code)
		}
	})
}

func TestAnArtistListsAndDiscardsTheirUnregisteredUploads(t *testing.T) {
	forEachDB(t, func(t *testing.T, s *store.Store) {
		draft := hash("draft")
		if err := s.SaveTrackMetadata(context.Background(), store.TrackMetadata{ContentHash: draft, Title: "Unsigned", Genre: "Electronic", Uploader: mira}); err != nil {
			t.Fatal(err)
		}
		h := signInHandler(s, devOrigin)
		asMira, asKites := signedInAs(t, s, mira), signedInAs(t, s, kites)
		if rec := call(h, http.MethodGet, "/api/v1/uploads", ""); rec.Code != http.StatusUnauthorized {
			t.Errorf("not signed in: %d", rec.Code)
		}
		if rec := call(h, http.MethodGet, "/api/v1/uploads", "", asMira); rec.Code != http.StatusOK || !strings.Contains(rec.Body.String(), draft.Hex()) ||
			strings.Contains(rec.Body.String(), hash("harbour").Hex()) {
			t.Errorf("mira's drafts: %d %s", rec.Code, rec.Body)
		}
		if rec := call(h, http.MethodGet, "/api/v1/uploads", "", asKites); !strings.Contains(rec.Body.String(), `"uploads":[]`) {
			t.Errorf("kites' drafts: %s", rec.Body)
		}
		for _, c := range []struct {
			path   string
			cookie *http.Cookie
			want   int
		}{
			{"/api/v1/uploads/" + draft.Hex(), asKites, http.StatusNotFound},          // not theirs
			{"/api/v1/uploads/" + hash("harbour").Hex(), asMira, http.StatusNotFound}, // registered
			{"/api/v1/uploads/0x12", asMira, http.StatusBadRequest},
			{"/api/v1/uploads/" + draft.Hex(), asMira, http.StatusNoContent},
			{"/api/v1/uploads/" + draft.Hex(), asMira, http.StatusNotFound}, // gone
		} {
			if rec := call(h, http.MethodDelete, c.path, "", c.cookie); rec.Code != c.want {
				t.Errorf("DELETE %s: %d %s, want %d", c.path, rec.Code, rec.Body, c.want)
			}
		}
		if _, err := s.TrackMetadata(context.Background(), hash("harbour")); err != nil {
			t.Errorf("a registered track's metadata went: %v", err)
		}
	})
}

// FuzzDecodeAvatar: whatever a client sends as an avatar is refused with a client error or becomes
// a 256×256 JPEG the server made; it never panics.
func FuzzDecodeAvatar(f *testing.F) {
	var png1 bytes.Buffer
	if err := png.Encode(&png1, image.NewRGBA(image.Rect(0, 0, 3, 2))); err != nil {
		f.Fatal(err)
	}
	for _, s := range []string{base64.StdEncoding.EncodeToString(png1.Bytes()), "data:image/png;base64," + base64.StdEncoding.EncodeToString(png1.Bytes()),
		"", "!!", base64.StdEncoding.EncodeToString([]byte("\x89PNG\r\n\x1a\n")), base64.StdEncoding.EncodeToString([]byte("RIFF0000WEBPVP8 "))} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		b, err := api.DecodeAvatar(s)
		if err != nil {
			return
		}
		img, err := jpeg.Decode(bytes.NewReader(b))
		if err != nil || img.Bounds().Dx() != 256 || img.Bounds().Dy() != 256 {
			t.Fatalf("accepted avatar is not a 256×256 JPEG: %v", err)
		}
	})
}

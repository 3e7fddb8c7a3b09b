package api_test

import (
	"bytes"
	"encoding/json"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/bittunes/bittunes/internal/store"
)

// matchGolden compares a JSON body with testdata/name, as TestEndpointsMatchGoldenFiles does
// (-update rewrites it from SQLite).
func matchGolden(t *testing.T, name string, body []byte) {
	t.Helper()
	var v any
	if err := json.Unmarshal(body, &v); err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	got, _ := json.MarshalIndent(v, "", "  ")
	got = append(got, '\n')
	path := filepath.Join("testdata", name)
	if *update && strings.HasSuffix(t.Name(), "sqlite") {
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%s: %v (run with -update)", name, err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("the response differs from %s:\n%s", path, got)
	}
}

func TestOnlyTheArtistEditsATrack(t *testing.T) {
	forEachDB(t, func(t *testing.T, s *store.Store) {
		h := signInHandler(s, devOrigin)
		asMira, asKites := signedInAs(t, s, mira), signedInAs(t, s, kites)
		const path = "/api/v1/tracks/1/metadata"
		edit := `{"title": "  Harbour Lights (2026 mix) ", "genre": "Electronic", "subgenre": "Deep House", "description": "Remastered.\nLouder."}`

		if rec := call(h, http.MethodPatch, path, edit); rec.Code != http.StatusUnauthorized || errorOf(rec).Error.Code != "unauthenticated" {
			t.Errorf("not signed in: %d %s", rec.Code, rec.Body)
		}
		if rec := call(h, http.MethodPatch, path, edit, asKites); rec.Code != http.StatusForbidden || !strings.Contains(errorOf(rec).Error.Message, "only the track's artist") {
			t.Errorf("another artist: %d %s", rec.Code, rec.Body)
		}
		// Kites is a collaborator on track 2, not its artist.
		if rec := call(h, http.MethodPatch, "/api/v1/tracks/2/metadata", edit, asKites); rec.Code != http.StatusForbidden {
			t.Errorf("a collaborator: %d %s", rec.Code, rec.Body)
		}
		if rec := call(h, http.MethodPatch, "/api/v1/tracks/99999/metadata", edit, asMira); rec.Code != http.StatusNotFound {
			t.Errorf("an unknown track: %d %s", rec.Code, rec.Body)
		}
		if rec := call(h, http.MethodPatch, "/api/v1/tracks/4/metadata", edit, asKites); rec.Code != http.StatusNotFound {
			t.Errorf("a track never uploaded: %d %s", rec.Code, rec.Body)
		}

		rec := call(h, http.MethodPatch, path, edit, asMira)
		if rec.Code != http.StatusOK {
			t.Fatalf("the artist: %d %s", rec.Code, rec.Body)
		}
		matchGolden(t, "track_1_metadata_edited.json", rec.Body.Bytes())
		page := get(t, h, "/api/v1/tracks/1")
		if !bytes.Equal(page.Body.Bytes(), rec.Body.Bytes()) {
			t.Errorf("GET after the edit differs from the PATCH answer:\n%s\n%s", page.Body, rec.Body)
		}
		if rec := get(t, h, "/api/v1/tracks?genre=electronic&subgenre=deep-house"); !strings.Contains(rec.Body.String(), "Harbour Lights (2026 mix)") {
			t.Errorf("the browse by the new sub-genre lacks the track: %s", rec.Body)
		}

		// A partial edit leaves the other fields alone.
		rec = call(h, http.MethodPatch, path, `{"description": ""}`, asMira)
		var got struct {
			Title, Description string
			Genre              struct{ Name string }
		}
		if err := json.Unmarshal(rec.Body.Bytes(), &got); err != nil || rec.Code != http.StatusOK ||
			got.Title != "Harbour Lights (2026 mix)" || got.Genre.Name != "Electronic" || got.Description != "" {
			t.Errorf("partial edit: %d %s", rec.Code, rec.Body)
		}
	})
}

func TestMetadataEditsAreValidated(t *testing.T) {
	cases := []struct{ body, says string }{
		{`{}`, "at least one of"},
		{`{"title": null}`, "at least one of"},
		{`{"title": "   "}`, "the title must not be empty"},
		{`{"title": "` + strings.Repeat("é", 201) + `"}`, "the title is longer than 200 characters"},
		{`{"title": "a\u0000b"}`, "the title contains a control character"},
		{`{"title": "two\nlines"}`, "the title contains a control character"},
		{`{"genre": ""}`, "the genre must not be empty"},
		{`{"genre": "` + strings.Repeat("g", 61) + `"}`, "the genre is longer than 60 characters"},
		{`{"genre": "---"}`, "the genre must contain a letter or a digit"},
		{`{"subgenre": "` + strings.Repeat("s", 61) + `"}`, "the subgenre is longer than 60"},
		{`{"description": "` + strings.Repeat("d", 5001) + `"}`, "the description is longer than 5000"},
		{`{"description": "bell\u0007"}`, "the description contains a control character"},
		{`{"title": 7}`, "title has the wrong type"},
		{`{"titel": "x"}`, "unknown field"},
		{`[]`, "JSON object"},
		{`not json`, "JSON object"},
	}
	forEachDB(t, func(t *testing.T, s *store.Store) {
		h := signInHandler(s, devOrigin)
		asMira := signedInAs(t, s, mira)
		for _, c := range cases {
			rec := call(h, http.MethodPatch, "/api/v1/tracks/1/metadata", c.body, asMira)
			if e := errorOf(rec); rec.Code != http.StatusBadRequest || e.Error.Code != "invalid_argument" || !strings.Contains(e.Error.Message, c.says) {
				t.Errorf("%.60s: got %d %s, want 400 saying %q", c.body, rec.Code, rec.Body, c.says)
			}
		}
		if rec := call(h, http.MethodPatch, "/api/v1/tracks/x/metadata", `{"title":"x"}`, asMira); rec.Code != http.StatusBadRequest {
			t.Errorf("a bad track id: %d", rec.Code)
		}
		// At the limits.
		body := `{"title": "` + strings.Repeat("é", 200) + `", "genre": "` + strings.Repeat("g", 60) + `", "description": "` + strings.Repeat("d", 5000) + `"}`
		if rec := call(h, http.MethodPatch, "/api/v1/tracks/1/metadata", body, asMira); rec.Code != http.StatusOK {
			t.Errorf("fields at their limits: %d %s", rec.Code, rec.Body)
		}
	})
}

package api_test

import (
	"encoding/json"
	"net/http"
	"strings"
	"testing"

	"github.com/getkin/kin-openapi/routers/gorillamux"

	"github.com/bittunes/bittunes/internal/store"
)

func TestAnArtistSeesWhatEachTrackEarnedThem(t *testing.T) {
	router, err := gorillamux.NewRouter(loadOpenAPI(t))
	if err != nil {
		t.Fatal(err)
	}
	forEachDB(t, func(t *testing.T, s *store.Store) {
		h := handler(s)
		for _, who := range []string{mira.Hex(), alice.Hex(), "0xnope"} { // the answers are what the document says
			validateResponse(t, router, h, "/api/v1/accounts/"+who+"/track-earnings")
		}
		type earning struct {
			TrackID int64
			Sales   int64
			Earned  struct{ Wei, Ether string }
		}
		earnings := func(who string) []earning {
			var got struct{ Tracks []earning }
			rec := get(t, h, "/api/v1/accounts/"+who+"/track-earnings")
			if rec.Code != http.StatusOK {
				t.Fatalf("%s: %d %s", who, rec.Code, rec.Body)
			}
			if err := json.Unmarshal(rec.Body.Bytes(), &got); err != nil {
				t.Fatal(err)
			}
			return got.Tracks
		}
		// Mira's track 1: four sales of 2 finney, 5 % fee, three of them referred at 20 %:
		// 1.9 + 3 × 1.5 finney. Track 2: two sales of 3 finney, 5 % fee, Kites takes 25 % of the
		// 2.85 finney artist side: 2 × 2.1375 finney.
		want := []earning{{TrackID: 2, Sales: 2}, {TrackID: 1, Sales: 4}}
		want[0].Earned.Wei, want[0].Earned.Ether = "4275000000000000", "0.004275"
		want[1].Earned.Wei, want[1].Earned.Ether = "6400000000000000", "0.0064"
		if got := earnings(mira.Hex()); len(got) != 2 || got[0] != want[0] || got[1] != want[1] {
			t.Errorf("mira: %+v, want %+v", got, want)
		}
		// Kites' collaboration on track 2 is not artist earnings; its own track 3 is.
		if got := earnings(strings.ToLower(kites.Hex())); len(got) != 1 || got[0].TrackID != 3 || got[0].Earned.Wei != "2800000000000000" {
			t.Errorf("kites: %+v", got)
		}
		if rec := get(t, h, "/api/v1/accounts/"+alice.Hex()+"/track-earnings"); !strings.Contains(rec.Body.String(), `"tracks":[]`) {
			t.Errorf("a fan: %s", rec.Body)
		}
		if rec := get(t, h, "/api/v1/accounts/0xnope/track-earnings"); rec.Code != http.StatusBadRequest || errorOf(rec).Error.Code == "" {
			t.Errorf("not an address: %d %s", rec.Code, rec.Body)
		}
	})
}

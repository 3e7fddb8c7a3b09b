package web

import (
	"bytes"
	"encoding/json"
	"encoding/xml"
	"fmt"
	"image/jpeg"
	"net/http"
	"net/http/httptest"
	"regexp"
	"strings"
	"testing"
)

func post(t testing.TB, h http.Handler, path, body string) *httptest.ResponseRecorder {
	t.Helper()
	rec := httptest.NewRecorder()
	req := httptest.NewRequest(http.MethodPost, path, strings.NewReader(body))
	req.Header.Set("Content-Type", "application/json")
	h.ServeHTTP(rec, req)
	return rec
}

func TestShortLinksAreMadeForOwnersAndResolveToTheReferral(t *testing.T) {
	h, cat := site(t)
	rec := post(t, h, "/r", `{"track":1,"account":"0x90f79bf6eb2c4f870365e785982e1f101e93b906"}`)
	var got struct{ Code, URL string }
	if rec.Code != 200 || json.Unmarshal(rec.Body.Bytes(), &got) != nil || got.URL != origin+"/r/"+got.Code {
		t.Fatalf("%d %s", rec.Code, rec.Body)
	}
	again := post(t, h, "/r", `{"track":1,"account":"0x90F79bf6EB2c4f870365E785982E1f101E93b906"}`)
	if !strings.Contains(again.Body.String(), got.Code) {
		t.Errorf("a second ask gave another code: %s", again.Body)
	}
	res := get(t, h, "/r/"+got.Code)
	if res.Code != http.StatusFound || res.Header().Get("Location") != "/t/1?ref=0x90f79bf6eb2c4f870365e785982e1f101e93b906" {
		t.Errorf("resolve: %d %q", res.Code, res.Header().Get("Location"))
	}
	asked := cat.asked
	for _, tt := range []struct {
		body   string
		status int
	}{
		{`{"track":2,"account":"0x90f79bf6eb2c4f870365e785982e1f101e93b906"}`, 403}, // owns track 1 and 3, not 2
		{`{"track":1,"account":"0x15d34AAf54267DB7D7c367839AAf71A00a2C6A65"}`, 403},
		{`{"track":0,"account":"0x90f79bf6eb2c4f870365e785982e1f101e93b906"}`, 400},
		{`{"track":1,"account":"90f79bf6eb2c4f870365e785982e1f101e93b906"}`, 400},
		{`{"track":1}`, 400}, {`not json`, 400}, {`{"track":"1","account":"0x90f79bf6eb2c4f870365e785982e1f101e93b906"}`, 400},
		{`{"track":1,"account":"` + strings.Repeat("0", 2000) + `"}`, 400},
	} {
		rec := post(t, h, "/r", tt.body)
		if rec.Code != tt.status || !strings.Contains(rec.Body.String(), `"error":{"code"`) {
			t.Errorf("%.60s: %d %s", tt.body, rec.Code, rec.Body)
		}
	}
	if cat.asked != asked {
		t.Error("a refused request made a short link")
	}
}

func FuzzShortLinkBody(f *testing.F) {
	h := testHandler(f, Config{ChainID: 1})
	f.Add(`{"track":1,"account":"0x90f79bf6eb2c4f870365e785982e1f101e93b906"}`)
	f.Add(`{"track":-1}`)
	f.Add(`[]`)
	f.Fuzz(func(t *testing.T, body string) {
		rec := post(t, h, "/r", body)
		if rec.Code >= 500 || !json.Valid(rec.Body.Bytes()) {
			t.Errorf("%q: %d %s", body, rec.Code, rec.Body)
		}
	})
}

// modules reads a QR code SVG back into its grid of dark modules.
func modules(t *testing.T, svg string) [][]bool {
	t.Helper()
	var doc struct {
		ViewBox string `xml:"viewBox,attr"`
		Path    struct {
			D string `xml:"d,attr"`
		} `xml:"path"`
	}
	if err := xml.Unmarshal([]byte(svg), &doc); err != nil {
		t.Fatal(err)
	}
	var side int
	if _, err := fmt.Sscanf(doc.ViewBox, "0 0 %d", &side); err != nil {
		t.Fatal(err)
	}
	grid := make([][]bool, side)
	for i := range grid {
		grid[i] = make([]bool, side)
	}
	for _, m := range regexp.MustCompile(`M(\d+) (\d+)h1v1h-1z`).FindAllStringSubmatch(doc.Path.D, -1) {
		var x, y int
		_, _ = fmt.Sscan(m[1], &x)
		_, _ = fmt.Sscan(m[2], &y)
		grid[y][x] = true
	}
	return grid
}

func TestQRCodeIsAScannableSVGOfALinkOfThisMarket(t *testing.T) {
	h, _ := site(t)
	link := origin + "/r/abcdefghij"
	rec := get(t, h, "/qr?url="+link)
	if rec.Code != 200 || rec.Header().Get("Content-Type") != "image/svg+xml" {
		t.Fatalf("%d %q", rec.Code, rec.Header().Get("Content-Type"))
	}
	grid := modules(t, rec.Body.String())
	n := len(grid) - 8 // the symbol inside its 4-module quiet zone
	if n < 21 || (n-17)%4 != 0 {
		t.Fatalf("a %d-module symbol is no QR code size", n)
	}
	// The three finder patterns: 7×7 dark rings around a 3×3 dark centre, at three corners.
	finder := func(x0, y0 int) bool {
		for y := 0; y < 7; y++ {
			for x := 0; x < 7; x++ {
				ring := x == 0 || y == 0 || x == 6 || y == 6
				centre := x >= 2 && x <= 4 && y >= 2 && y <= 4
				if grid[y0+y][x0+x] != (ring || centre) {
					return false
				}
			}
		}
		return true
	}
	if !finder(4, 4) || !finder(4+n-7, 4) || !finder(4, 4+n-7) || finder(4+n-7, 4+n-7) {
		t.Error("the finder patterns are not where a scanner looks")
	}
	for _, y := range []int{0, 3, len(grid) - 1} {
		for x := range grid[y] {
			if grid[y][x] {
				t.Fatalf("a dark module in the quiet zone at %d,%d", x, y)
			}
		}
	}
	other := get(t, h, "/qr?url="+origin+"/t/1?ref=0x90f79bf6eb2c4f870365e785982e1f101e93b906")
	if other.Code != 200 || other.Body.String() == rec.Body.String() {
		t.Error("two links drew the same code")
	}
	for _, bad := range []string{"https://elsewhere.example/r/x", "", "javascript:alert(1)", origin + "/" + strings.Repeat("a", maxQRText)} {
		if rec := get(t, h, "/qr?url="+bad); rec.Code != http.StatusBadRequest {
			t.Errorf("%.40s: %d", bad, rec.Code)
		}
	}
}

func TestCardsAndThumbnailsAreFixedSizeJPEGsMadeOnce(t *testing.T) {
	h, cat := site(t)
	for _, tt := range []struct {
		path string
		w, h int
	}{
		{"/cards/t/1.jpg", 1200, 630}, {"/cards/t/1.jpg?ref=0x90f79bf6eb2c4f870365e785982e1f101e93b906", 1200, 630},
		{"/cards/a/0x70997970C51812dc3A010C7d01b50e0d17dc79C8.jpg", 1200, 630}, {"/cards/chart.jpg?period=7d&chart=electronic", 1200, 630},
		{"/covers/" + cat.tracks[0].ContentHash.Hex() + "/300", 300, 300}, {"/covers/" + cat.tracks[0].ContentHash.Hex() + "/120", 120, 120},
	} {
		rec := get(t, h, tt.path)
		if rec.Code != 200 || rec.Header().Get("Content-Type") != "image/jpeg" {
			t.Errorf("%s: %d", tt.path, rec.Code)
			continue
		}
		img, err := jpeg.Decode(bytes.NewReader(rec.Body.Bytes()))
		if err != nil || img.Bounds().Dx() != tt.w || img.Bounds().Dy() != tt.h {
			t.Errorf("%s: %v %v", tt.path, err, img.Bounds())
		}
		if again := get(t, h, tt.path); !bytes.Equal(again.Body.Bytes(), rec.Body.Bytes()) {
			t.Errorf("%s changed between requests", tt.path)
		}
	}
	plain, shared := get(t, h, "/cards/t/1.jpg").Body.Bytes(), get(t, h, "/cards/t/1.jpg?ref=0x90f79bf6eb2c4f870365e785982e1f101e93b906").Body.Bytes()
	if bytes.Equal(plain, shared) {
		t.Error("the referral's card does not say who shared it")
	}
	for _, tt := range []struct {
		path   string
		status int
	}{{"/cards/t/99.jpg", 404}, {"/cards/t/1.png", 404}, {"/cards/a/0x15d34AAf54267DB7D7c367839AAf71A00a2C6A65.jpg", 404},
		{"/cards/chart.jpg?chart=nope", 404}, {"/covers/" + cat.tracks[0].ContentHash.Hex() + "/301", 400}} {
		if rec := get(t, h, tt.path); rec.Code != tt.status {
			t.Errorf("%s: %d, want %d", tt.path, rec.Code, tt.status)
		}
	}
}

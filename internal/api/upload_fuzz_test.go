package api_test

import (
	"bytes"
	"context"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"strings"
	"testing"

	"github.com/bittunes/bittunes/internal/demo"
	"github.com/bittunes/bittunes/internal/store"
)

// FuzzUploadForm posts arbitrary bodies as a signed-in artist's upload: whatever arrives, the
// answer is a 201 or a 4xx with a JSON error, never a 5xx. The seeds are a valid upload (WAV,
// MP3), broken ones and odd framing; the fuzzer mutates the body and the boundary.
func FuzzUploadForm(f *testing.F) {
	wav := demo.Tune{Seed: 1, Root: 220, BPM: 120, Seconds: 1}.WAV()
	boundaryOf := func(ct string) string { return ct[strings.Index(ct, "boundary=")+len("boundary="):] }
	valid, ct := multipartBody(append(uploadFields(nil), file("audio", "a.wav", wav), file("cover", "c.png", pngCover(2, 2)))...)
	boundary := boundaryOf(ct)
	mp3, mp3CT := multipartBody(append(uploadFields(map[string]string{"collaborators": "[]"}), file("audio", "a.mp3", mp3Frames(5)))...)
	for _, seed := range []struct{ body, boundary string }{
		{valid.String(), boundary},
		{strings.ReplaceAll(mp3.String(), boundaryOf(mp3CT), "b"), "b"},
		{valid.String()[:valid.Len()/2], boundary},
		{"--b\r\nContent-Disposition: form-data; name=\"audio\"; filename=\"x\"\r\n\r\nID3\x04\x00\x00\x00\x00\x00\x00\r\n--b--\r\n", "b"},
		{"--b\r\nContent-Disposition: form-data; name=\"collaborators\"\r\n\r\n[{\"address\":\"0x0\",\"bps\":1e9}]\r\n--b--\r\n", "b"},
		{"--b\r\nContent-Disposition: form-data\r\n\r\nx\r\n--b--\r\n", "b"},
		{"--b\r\n\r\n--b--", "b"},
		{"", ""},
	} {
		f.Add([]byte(seed.body), seed.boundary)
	}
	s, err := store.Open(context.Background(), "sqlite:"+filepath.Join(f.TempDir(), "b.db"))
	if err != nil {
		f.Fatal(err)
	}
	defer s.Close()
	h := signInHandler(s, devOrigin, uploadDeps(f.TempDir()))
	cookie := signedInAs(&testing.T{}, s, mira)
	f.Fuzz(func(t *testing.T, body []byte, boundary string) {
		req := httptest.NewRequest(http.MethodPost, "/api/v1/uploads", bytes.NewReader(body))
		req.Header.Set("Content-Type", "multipart/form-data; boundary="+boundary)
		req.AddCookie(cookie)
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, req)
		if rec.Code >= 500 {
			t.Fatalf("%d %s", rec.Code, rec.Body)
		}
		if rec.Code != http.StatusCreated && rec.Header().Get("Content-Type") != "application/json; charset=utf-8" {
			t.Fatalf("%d: an error that is not JSON: %s", rec.Code, rec.Header().Get("Content-Type"))
		}
	})
}

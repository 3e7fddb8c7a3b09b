package api_test

import (
	"context"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/bittunes/bittunes/internal/api"
	"github.com/bittunes/bittunes/internal/demo"
	"github.com/bittunes/bittunes/internal/store"
)

// TestUnregisteredUploadsAreBoundedPerAddressAndInAll: the bytes of uploads waiting for their
// registration are capped per client address (429 too_many_pending_uploads) and in all (507
// insufficient_storage), and an upload that would leave less than the floor of free space is
// refused (507), on both databases.
func TestUnregisteredUploadsAreBoundedPerAddressAndInAll(t *testing.T) {
	forEachDB(t, func(t *testing.T, s *store.Store) {
		ctx := context.Background()
		// Each upload is other audio of the same size: one artist's same audio twice is refused.
		seed := uint64(3)
		parts := func() []formPart {
			seed++
			return append(uploadFields(nil), file("audio", "a.wav", demo.Tune{Seed: seed, Root: 220, BPM: 100, Seconds: 1}.WAV()))
		}
		wav := demo.Tune{Seed: seed, Root: 220, BPM: 100, Seconds: 1}.WAV()
		body, _ := multipartBody(parts()...)
		size := int64(body.Len())
		dir := t.TempDir()
		cookie := signedInAs(t, s, mira)
		up := func(h http.Handler, ip string) *httptest.ResponseRecorder {
			body, ct := multipartBody(parts()...)
			req := httptest.NewRequest(http.MethodPost, "/api/v1/uploads", body)
			req.Header.Set("Content-Type", ct)
			req.RemoteAddr = ip + ":50000"
			req.AddCookie(cookie)
			rec := httptest.NewRecorder()
			h.ServeHTTP(rec, req)
			return rec
		}
		bounded := func(b api.Deps) http.Handler {
			return signInHandler(s, devOrigin, uploadDeps(dir), func(d *api.Deps) { d.UploadBounds, d.MediaFreeSpace = b.UploadBounds, b.MediaFreeSpace })
		}
		free := func(n int64) func(string) (int64, error) { return func(string) (int64, error) { return n, nil } }

		if rec := up(bounded(api.Deps{MediaFreeSpace: free(1 << 40)}), "198.51.100.1"); rec.Code != 201 {
			t.Fatalf("first upload: %d %s", rec.Code, rec.Body)
		}
		stored, total, err := s.PendingUploadBytes(ctx, chainID, "198.51.100.1")
		if err != nil || stored < int64(len(wav)) || total != stored {
			t.Fatalf("pending bytes after one upload: %d from the address, %d in all, %v", stored, total, err)
		}
		// Room for one more upload from this address, not two.
		perClient := bounded(func() api.Deps {
			var d api.Deps
			d.UploadBounds.PendingPerClient, d.MediaFreeSpace = stored+size+stored/2, free(1<<40)
			return d
		}())
		if rec := up(perClient, "198.51.100.1"); rec.Code != 201 {
			t.Fatalf("second upload: %d %s", rec.Code, rec.Body)
		}
		rec := up(perClient, "198.51.100.1")
		if rec.Code != 429 || errorOf(rec).Error.Code != "too_many_pending_uploads" || !strings.Contains(errorOf(rec).Error.Message, "from this address") {
			t.Fatalf("third upload from the address: %d %s", rec.Code, rec.Body)
		}
		if rec := up(perClient, "203.0.113.7"); rec.Code != 201 {
			t.Fatalf("another address: %d %s", rec.Code, rec.Body)
		}
		// Three uploads are waiting: the cap in all leaves room for none more.
		var d api.Deps
		d.UploadBounds.PendingTotal, d.MediaFreeSpace = 3*stored+size/2, free(1<<40)
		if rec := up(bounded(d), "192.0.2.200"); rec.Code != 507 || errorOf(rec).Error.Code != "insufficient_storage" {
			t.Fatalf("over the cap in all: %d %s", rec.Code, rec.Body)
		}
		// The free space floor.
		d = api.Deps{}
		d.UploadBounds.MinFree, d.MediaFreeSpace = 1<<30, free(1<<30+size)
		if rec := up(bounded(d), "192.0.2.201"); rec.Code != 507 || errorOf(rec).Error.Code != "insufficient_storage" {
			t.Fatalf("below the free space floor: %d %s", rec.Code, rec.Body)
		}
		d.MediaFreeSpace = free(1<<30 + 3*size)
		if rec := up(bounded(d), "192.0.2.201"); rec.Code != 201 {
			t.Fatalf("above the floor: %d %s", rec.Code, rec.Body)
		}
	})
}

package store_test

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"testing"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/crypto"

	"github.com/bittunes/bittunes/internal/store"
	"github.com/bittunes/bittunes/internal/wei"
)

func TestProfilesAreSetReadAndShownInPlaceOfTheArtistName(t *testing.T) {
	forEachDB(t, func(t *testing.T, s *store.Store) {
		ctx := context.Background()
		chain := newSyntheticChain(2, 1, 1, 10) // track 1 (artist 0) has a sale; track 2 (artist 1) none
		applyAll(t, s, chain.batches(1337, common.Address{1}, 10))
		seller, quiet, fan := addr("artist", 0), addr("artist", 1), addr("fan", 0)
		for i, who := range []common.Address{seller, quiet} {
			if err := s.SaveTrackMetadata(ctx, store.TrackMetadata{ContentHash: crypto.Keccak256Hash([]byte{byte(i), 0}),
				Title: "Song", ArtistName: []string{"Ana Lux", "Quiet One"}[i], Genre: "House", Subgenre: "Deep", Uploader: who}); err != nil {
				t.Fatal(err)
			}
		}
		if _, err := s.Profile(ctx, 1337, fan); !errors.Is(err, store.ErrNotFound) {
			t.Fatalf("profile before any: %v", err)
		}
		p, err := s.PutProfile(ctx, 1337, fan, store.ProfileEdit{Name: "Fan Club", Bio: "hi", Links: []string{"https://a.example", "https://b.example"},
			HideCollection: true, Avatar: []byte{0xff, 0xd8, 1}})
		if err != nil {
			t.Fatal(err)
		}
		if p.Account != fan || p.Name != "Fan Club" || p.Bio != "hi" || len(p.Links) != 2 || !p.HideCollection || !p.HasAvatar {
			t.Errorf("profile = %+v", p)
		}
		if b, _, err := s.ProfileAvatar(ctx, 1337, fan); err != nil || !bytes.Equal(b, []byte{0xff, 0xd8, 1}) {
			t.Errorf("avatar = %x, %v", b, err)
		}
		// Another edit without an avatar keeps it; an empty one removes it.
		if p, err = s.PutProfile(ctx, 1337, fan, store.ProfileEdit{Name: "Fan Club 2"}); err != nil || !p.HasAvatar || p.Links != nil || p.HideCollection {
			t.Errorf("edit keeping the avatar: %+v, %v", p, err)
		}
		if p, err = s.PutProfile(ctx, 1337, fan, store.ProfileEdit{Name: "Fan Club 2", Avatar: []byte{}}); err != nil || p.HasAvatar {
			t.Errorf("edit removing the avatar: %+v, %v", p, err)
		}
		if _, _, err := s.ProfileAvatar(ctx, 1337, fan); !errors.Is(err, store.ErrNotFound) {
			t.Errorf("removed avatar: %v", err)
		}
		// A name that looks like another account's profile name, or like the name an artist with
		// sales sells under, is refused; the artist keeps theirs; an artist without sales reserves nothing.
		for _, name := range []string{"FAN CLUB 2", "fan c1ub 2", "Ana Lux", "ana  lüx", "Аna Lux"} {
			if _, err := s.PutProfile(ctx, 1337, quiet, store.ProfileEdit{Name: name}); !errors.Is(err, store.ErrNameTaken) || !errors.Is(err, store.ErrConflict) {
				t.Errorf("%q taken by another: %v", name, err)
			}
		}
		if _, err := s.PutProfile(ctx, 1337, seller, store.ProfileEdit{Name: "Ana Lux"}); err != nil {
			t.Errorf("the artist takes their own name: %v", err)
		}
		if _, err := s.PutProfile(ctx, 1337, fan, store.ProfileEdit{Name: "Quiet One"}); err != nil {
			t.Errorf("a name without sales behind it: %v", err)
		}
		if _, err := s.PutProfile(ctx, 1, quiet, store.ProfileEdit{Name: "Ana Lux"}); err != nil {
			t.Errorf("another market's name: %v", err)
		}
		if got, err := s.ProfileByName(ctx, 1337, "ANA LUX"); err != nil || got.Account != seller {
			t.Errorf("by name: %+v, %v", got, err)
		}
		got, err := s.ProfileNames(ctx, 1337, []common.Address{seller, fan, quiet, seller, {}})
		if err != nil || len(got) != 2 || got[seller] != "Ana Lux" || got[fan] != "Quiet One" {
			t.Errorf("names = %v, %v", got, err)
		}
		// The tracks carry the profile name, else the name typed at upload.
		if _, err := s.PutProfile(ctx, 1337, seller, store.ProfileEdit{Name: "Ana Lux Live"}); err != nil {
			t.Fatal(err)
		}
		for id, want := range map[int64]string{1: "Ana Lux Live", 2: "Quiet One"} {
			if tr, err := s.Track(ctx, 1337, id); err != nil || tr.ArtistName != want {
				t.Errorf("track %d artist name %q, %v; want %q", id, tr.ArtistName, err, want)
			}
		}
		found, _, err := s.BrowseTracks(ctx, 1337, store.Browse{Query: "lux live"})
		if err != nil || len(found) != 1 || found[0].ID != 1 {
			t.Errorf("search by profile name: %v, %v", found, err)
		}
	})
}

func TestSupportersAndFanActivity(t *testing.T) {
	forEachDB(t, func(t *testing.T, s *store.Store) {
		ctx := context.Background()
		// 3 tracks, 4 fans, 12 sales: each fan owns three tracks; most sales are referred by the next fan.
		chain := newSyntheticChain(3, 4, 12, 5)
		applyAll(t, s, chain.batches(1337, common.Address{1}, 10))
		for i := range 3 {
			if err := s.SaveTrackMetadata(ctx, store.TrackMetadata{ContentHash: crypto.Keccak256Hash([]byte{byte(i), 0}),
				Title: "Song", ArtistName: "Artist", Genre: "House", Uploader: addr("artist", i)}); err != nil {
				t.Fatal(err)
			}
		}
		fan0, fan1 := addr("fan", 0), addr("fan", 1)
		if _, err := s.PutProfile(ctx, 1337, fan0, store.ProfileEdit{Name: "Zero"}); err != nil {
			t.Fatal(err)
		}
		if _, err := s.PutProfile(ctx, 1337, fan1, store.ProfileEdit{Name: "One", HideCollection: true}); err != nil {
			t.Fatal(err)
		}
		all, _, err := s.Sales(ctx, 1337, store.SaleFilter{TrackID: 1}, nil, 0)
		if err != nil || len(all) == 0 {
			t.Fatalf("sales of track 1: %v, %v", all, err)
		}
		var got []store.Supporter
		var cursor *store.SaleCursor
		for {
			page, next, err := s.Supporters(ctx, 1337, 1, cursor, 2)
			if err != nil || len(page) > 2 {
				t.Fatalf("page: %v, %v", page, err)
			}
			got = append(got, page...)
			if cursor = next; next == nil {
				break
			}
		}
		if len(got) != len(all) {
			t.Fatalf("%d supporters, want %d", len(got), len(all))
		}
		for i, sup := range got { // newest first, as the sales
			switch r := all[i].Recipient; {
			case r == fan1:
				if !sup.Private || sup.Account != (common.Address{}) || sup.Name != "One" {
					t.Errorf("private owner listed as %+v", sup)
				}
			case sup.Account != r || (r == fan0) != (sup.Name == "Zero"):
				t.Errorf("supporter %d = %+v, want %s", i, sup, r.Hex())
			}
		}

		a, err := s.FanActivity(ctx, 1337, fan0, 10)
		if err != nil {
			t.Fatal(err)
		}
		owned, _, _ := s.Sales(ctx, 1337, store.SaleFilter{Recipient: fan0}, nil, 0)
		referred, _, _ := s.Sales(ctx, 1337, store.SaleFilter{Referrer: fan0}, nil, 0)
		if a.Private || a.Owned != int64(len(owned)) || len(a.Collection) != len(owned) || a.Brought != int64(len(referred)) {
			t.Errorf("fan 0: %+v; owns %d, referred %d", a, len(owned), len(referred))
		}
		var sum int64
		for _, p := range a.PassedOn {
			sum += p.Sales
		}
		if sum != a.Brought || a.Brought == 0 {
			t.Errorf("passed on %+v sums to %d, brought %d", a.PassedOn, sum, a.Brought)
		}
		if a, err := s.FanActivity(ctx, 1337, fan1, 10); err != nil || !a.Private || a.Collection != nil || a.Owned == 0 {
			t.Errorf("private fan: %+v, %v", a, err)
		}
	})
}

func TestCollaborationsSayWhatEachTrackPaid(t *testing.T) {
	forEachDB(t, func(t *testing.T, s *store.Store) {
		ctx := context.Background()
		// Track 5 (artist 4) has collaborators artists 5 and 6; 20 sales over 10 tracks.
		chain := newSyntheticChain(10, 4, 20, 5)
		applyAll(t, s, chain.batches(1337, common.Address{1}, 10))
		for i := range 10 {
			if err := s.SaveTrackMetadata(ctx, store.TrackMetadata{ContentHash: crypto.Keccak256Hash([]byte{byte(i), 0}),
				Title: fmt.Sprint("Song ", i+1), ArtistName: "A", Genre: "House", Uploader: addr("artist", i)}); err != nil {
				t.Fatal(err)
			}
		}
		got, err := s.Collaborations(ctx, 1337, addr("artist", 5))
		if err != nil {
			t.Fatal(err)
		}
		credits, err := s.Credits(ctx, 1337, addr("artist", 5), store.RoleCollaborator)
		if err != nil {
			t.Fatal(err)
		}
		want := wei.Zero()
		for _, c := range credits {
			want, _ = want.Add(c.Amount)
		}
		// Artist 5 is a collaborator on track 5 (20 %), which has sales.
		sum := wei.Zero()
		for _, c := range got {
			sum, _ = sum.Add(c.Earned)
			if c.Bps != 2000 && c.Bps != 1500 {
				t.Errorf("collaboration %+v", c)
			}
		}
		if len(got) != 1 || got[0].Track.ID != 5 || got[0].Sales == 0 || want.String() == "0" || sum.Cmp(want) != 0 {
			t.Errorf("collaborations %+v earn %s, credits say %s", got, sum, want)
		}
		// Each sale of track 5 lists its two collaborators' credits, in order.
		sales, _, err := s.Sales(ctx, 1337, store.SaleFilter{TrackID: 5}, nil, 0)
		if err != nil || len(sales) == 0 {
			t.Fatalf("sales of track 5: %v, %v", sales, err)
		}
		parts, err := s.SaleCollaborators(ctx, 1337, sales)
		if err != nil {
			t.Fatal(err)
		}
		for _, sale := range sales {
			p := parts[store.SaleKey{TxHash: sale.TxHash, TrackID: 5}]
			if len(p) != 2 || p[0].Account != addr("artist", 5) || p[1].Account != addr("artist", 6) {
				t.Errorf("sale %s: collaborators %+v", sale.TxHash.Hex()[:10], p)
			}
		}
		if none, err := s.Collaborations(ctx, 1337, addr("fan", 0)); err != nil || len(none) != 0 {
			t.Errorf("a fan's collaborations: %v, %v", none, err)
		}
	})
}

func TestAnArtistDiscardsTheirOwnUnregisteredUploadOnly(t *testing.T) {
	forEachDB(t, func(t *testing.T, s *store.Store) {
		ctx := context.Background()
		chain := newSyntheticChain(1, 1, 1, 5) // track 1 registered by artist 0 with the hash of {0, 0}
		applyAll(t, s, chain.batches(1337, common.Address{1}, 10))
		artist, other := addr("artist", 0), addr("artist", 1)
		registered, draft := crypto.Keccak256Hash([]byte{0, 0}), crypto.Keccak256Hash([]byte("draft"))
		for _, h := range []common.Hash{registered, draft} {
			if err := s.SaveTrackMetadata(ctx, store.TrackMetadata{ContentHash: h, Title: "T", Genre: "G", Uploader: artist}); err != nil {
				t.Fatal(err)
			}
		}
		got, err := s.UnregisteredUploads(ctx, 1337, artist)
		if err != nil || len(got) != 1 || got[0].ContentHash != draft {
			t.Fatalf("unregistered uploads: %+v, %v", got, err)
		}
		for _, c := range []struct {
			who  common.Address
			hash common.Hash
		}{{other, draft}, {artist, registered}, {artist, crypto.Keccak256Hash([]byte("none"))}} {
			if err := s.DiscardUpload(ctx, 1337, c.who, c.hash); !errors.Is(err, store.ErrNotFound) {
				t.Errorf("discard %s by %s: %v, want ErrNotFound", c.hash.Hex()[:10], c.who.Hex()[:10], err)
			}
		}
		if err := s.DiscardUpload(ctx, 1337, artist, draft); err != nil {
			t.Fatal(err)
		}
		if got, err := s.UnregisteredUploads(ctx, 1337, artist); err != nil || len(got) != 0 {
			t.Errorf("after the discard: %+v, %v", got, err)
		}
		if _, err := s.TrackMetadata(ctx, registered); err != nil {
			t.Errorf("the registered track's metadata went: %v", err)
		}
	})
}

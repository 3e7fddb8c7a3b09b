package store_test

import (
	"context"
	"errors"
	"regexp"
	"strings"
	"testing"

	"github.com/ethereum/go-ethereum/common"

	"github.com/bittunes/bittunes/internal/store"
)

func TestShortLinksAreStablePerTrackAndAccountAndResolve(t *testing.T) {
	forEachDB(t, func(t *testing.T, s *store.Store) {
		ctx := context.Background()
		fan := common.HexToAddress("0x70997970C51812dc3A010C7d01b50e0d17dc79C8")
		other := common.HexToAddress("0x3C44CdDdB6a900fa2b585dd299e03d12FA4293BC")
		code, err := s.ShortLink(ctx, 1337, 7, fan)
		if err != nil {
			t.Fatal(err)
		}
		if !regexp.MustCompile(`^[a-z2-7]{10}$`).MatchString(code) {
			t.Fatalf("code %q", code)
		}
		again, err := s.ShortLink(ctx, 1337, 7, fan)
		if err != nil || again != code {
			t.Errorf("second ask: %q, %v; want %q", again, err, code)
		}
		codes := map[string]bool{code: true}
		for _, k := range []struct {
			chain uint64
			track int64
			who   common.Address
		}{{1337, 8, fan}, {1337, 7, other}, {1, 7, fan}} {
			c, err := s.ShortLink(ctx, k.chain, k.track, k.who)
			if err != nil {
				t.Fatal(err)
			}
			if codes[c] {
				t.Errorf("%+v shares code %q", k, c)
			}
			codes[c] = true
		}
		got, err := s.ResolveShortLink(ctx, 1337, code)
		if err != nil || got.TrackID != 7 || got.Account != fan || got.Code != code {
			t.Errorf("resolve: %+v, %v", got, err)
		}
		if got, err := s.ResolveShortLink(ctx, 1337, strings.ToUpper(code)); err != nil || got.Code != code {
			t.Errorf("upper case: %+v, %v", got, err)
		}
		for _, bad := range []string{"aaaaaaaaaa", "short", code + "x"} {
			if _, err := s.ResolveShortLink(ctx, 1337, bad); !errors.Is(err, store.ErrNotFound) {
				t.Errorf("%q: %v, want ErrNotFound", bad, err)
			}
		}
		if _, err := s.ResolveShortLink(ctx, 1, code); !errors.Is(err, store.ErrNotFound) {
			t.Errorf("another chain's code resolved: %v", err)
		}
	})
}

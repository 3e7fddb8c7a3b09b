package sweep_test

import (
	"context"
	"errors"
	"math/big"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/core/types"
	"github.com/ethereum/go-ethereum/crypto"

	"github.com/bittunes/bittunes/internal/content"
	"github.com/bittunes/bittunes/internal/market"
	"github.com/bittunes/bittunes/internal/store"
	"github.com/bittunes/bittunes/internal/sweep"
	"github.com/bittunes/bittunes/internal/tooling/pgtest"
	"github.com/bittunes/bittunes/internal/wei"
)

func TestMain(m *testing.M) { pgtest.Main(m) }

// TestUploadsForgetsOnlyOldUnregisteredUploads: of an old upload never registered, an old one
// registered, an old one registered by someone else (an impostor), and a recent one, the sweep
// forgets the first and the third — rows and files, but never a sealed key — and keeps the others
// whole.
func TestUploadsForgetsOnlyOldUnregisteredUploads(t *testing.T) {
	for _, dsn := range []string{"sqlite:" + filepath.Join(t.TempDir(), "b.db"), pgtest.DSN(t)} {
		t.Run(strings.SplitN(dsn, ":", 2)[0], func(t *testing.T) {
			ctx := context.Background()
			st, err := store.Open(ctx, dsn)
			if err != nil {
				t.Fatal(err)
			}
			defer st.Close()
			media := content.Media{Dir: t.TempDir()}
			if err := media.Init(); err != nil {
				t.Fatal(err)
			}
			artist, impostor := common.HexToAddress("0xa1"), common.HexToAddress("0xb2")
			now := time.Now().UTC()
			uploads := map[string]struct {
				age       time.Duration
				registrar common.Address
				kept      bool
			}{
				"abandoned":  {30 * 24 * time.Hour, common.Address{}, false},
				"registered": {30 * 24 * time.Hour, artist, true},
				"stolen":     {30 * 24 * time.Hour, impostor, false},
				"recent":     {time.Hour, common.Address{}, true},
			}
			hashOf := func(name string) common.Hash { return crypto.Keccak256Hash([]byte(name)) }
			var events []market.Event
			for name, u := range uploads {
				h := hashOf(name)
				if err := st.SaveTrackMetadata(ctx, store.TrackMetadata{ContentHash: h, Title: name, ArtistName: "A", Genre: "Folk",
					Uploader: artist, CreatedAt: now.Add(-u.age)}); err != nil {
					t.Fatal(err)
				}
				if err := st.SaveTrackKey(ctx, store.TrackKey{ContentHash: h, Sealed: strings.Repeat("k", 40)}); err != nil {
					t.Fatal(err)
				}
				if err := os.WriteFile(media.PackagePath(h), []byte("package"), 0o644); err != nil {
					t.Fatal(err)
				}
				if err := os.WriteFile(media.CoverPath(h, content.PNG), []byte("cover"), 0o644); err != nil {
					t.Fatal(err)
				}
				if u.registrar != (common.Address{}) {
					events = append(events, market.TrackRegistered{Position: market.Position{BlockNumber: 1, BlockTime: now,
						TxHash: h, LogIndex: uint(len(events))}, TrackID: int64(len(events) + 1), Artist: u.registrar,
						Price: wei.FromUint64(1), ContentHash: h, MetadataURI: "x"})
				}
			}
			if err := st.Apply(ctx, store.Batch{From: 1, Events: events, Cursor: store.Cursor{ChainID: 1337, Contract: common.HexToAddress("0xc3"),
				BlockNumber: 1, BlockHash: hashOf("block")}}); err != nil {
				t.Fatal(err)
			}
			n, err := sweep.Uploads(ctx, st, media, 1337, now.Add(-7*24*time.Hour))
			if err != nil {
				t.Fatal(err)
			}
			if n != 2 {
				t.Errorf("forgot %d uploads, want 2", n)
			}
			for name, u := range uploads {
				h := hashOf(name)
				_, metaErr := st.TrackMetadata(ctx, h)
				_, keyErr := st.TrackKey(ctx, h)
				_, fileErr := os.Stat(media.PackagePath(h))
				_, coverErr := os.Stat(media.CoverPath(h, content.PNG))
				if kept := metaErr == nil && fileErr == nil && coverErr == nil; kept != u.kept {
					t.Errorf("%s: kept %t (metadata %v, package %v, cover %v), want kept %t", name, kept, metaErr, fileErr, coverErr, u.kept)
				}
				if !u.kept && (metaErr == nil || fileErr == nil || coverErr == nil) {
					t.Errorf("%s: partly forgotten (metadata %v, package %v, cover %v)", name, metaErr, fileErr, coverErr)
				}
				if keyErr != nil {
					t.Errorf("%s: the sealed key was deleted: %v", name, keyErr)
				}
			}
		})
	}
}

type head uint64

func (h head) HeaderByNumber(context.Context, *big.Int) (*types.Header, error) {
	return &types.Header{Number: new(big.Int).SetUint64(uint64(h))}, nil
}

// TestTheSweepWaitsForTheIndexer: the sweep forgets nothing while the indexer is further behind the
// confirmed head than MaxLag (or has indexed nothing), and forgets abandoned uploads once it is near.
func TestTheSweepWaitsForTheIndexer(t *testing.T) {
	for _, dsn := range []string{"sqlite:" + filepath.Join(t.TempDir(), "b.db"), pgtest.DSN(t)} {
		t.Run(strings.SplitN(dsn, ":", 2)[0], func(t *testing.T) {
			ctx := context.Background()
			st, err := store.Open(ctx, dsn)
			if err != nil {
				t.Fatal(err)
			}
			defer st.Close()
			media := content.Media{Dir: t.TempDir()}
			media.Init()
			market := common.HexToAddress("0xc3")
			now := time.Now().UTC()
			h := crypto.Keccak256Hash([]byte("abandoned"))
			if err := st.SaveTrackMetadata(ctx, store.TrackMetadata{ContentHash: h, Title: "x", ArtistName: "A", Genre: "Folk",
				Uploader: common.HexToAddress("0xa1"), CreatedAt: now.Add(-25 * time.Hour)}); err != nil {
				t.Fatal(err)
			}
			s := sweep.Sweeper{Store: st, Media: media, ChainID: 1337, Market: market, Chain: head(100), Confirmations: 3, MaxLag: 10}
			if n, err := s.Once(ctx, now); !errors.Is(err, sweep.ErrIndexerBehind) || n != 0 {
				t.Fatalf("nothing indexed: %d, %v", n, err)
			}
			cursor := func(from, block uint64) {
				t.Helper()
				err := st.Apply(ctx, store.Batch{From: from, Cursor: store.Cursor{ChainID: 1337, Contract: market, BlockNumber: block,
					BlockHash: crypto.Keccak256Hash([]byte{byte(block)})}})
				if err != nil {
					t.Fatal(err)
				}
			}
			cursor(1, 86)
			if n, err := s.Once(ctx, now); !errors.Is(err, sweep.ErrIndexerBehind) || n != 0 {
				t.Fatalf("11 blocks behind: %d, %v", n, err)
			}
			if _, err := st.TrackMetadata(ctx, h); err != nil {
				t.Fatalf("forgotten while the indexer is behind: %v", err)
			}
			cursor(87, 87)
			if n, err := s.Once(ctx, now); err != nil || n != 1 {
				t.Fatalf("10 blocks behind: %d, %v; want 1 forgotten", n, err)
			}
		})
	}
}

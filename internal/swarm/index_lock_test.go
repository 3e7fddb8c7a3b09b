package swarm

import (
	"context"
	"crypto/rand"
	"errors"
	"sync"
	"testing"

	"github.com/ethereum/go-ethereum/common"

	"github.com/bittunes/bittunes/internal/content"
	"github.com/bittunes/bittunes/internal/store"
)

type noPackages struct{}

func (noPackages) SavePackageTorrent(context.Context, store.PackageTorrent) error { return nil }
func (noPackages) PackageTorrent(context.Context, common.Hash) (store.PackageTorrent, error) {
	return store.PackageTorrent{}, store.ErrNotFound
}

// TestEnsureLeavesNoLockBehind: 100 000 requests for random package names (a web seed's HEADs)
// leave no entry in the index's lock map, even when they arrive at once.
func TestEnsureLeavesNoLockBehind(t *testing.T) {
	x := &Index{Store: noPackages{}, Media: content.Media{Dir: t.TempDir()}}
	var wg sync.WaitGroup
	for w := range 8 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range 100_000 / 8 {
				var h common.Hash
				rand.Read(h[:])
				if i%100 == 0 {
					h = common.Hash{byte(w)} // some hashes asked for at once by several clients
				}
				if _, err := x.Ensure(context.Background(), h); !errors.Is(err, ErrNoPackage) {
					t.Errorf("Ensure: %v", err)
					return
				}
			}
		}()
	}
	wg.Wait()
	x.mu.Lock()
	defer x.mu.Unlock()
	if n := len(x.checking); n != 0 {
		t.Fatalf("%d locks left after 100 000 random package requests, want 0", n)
	}
}

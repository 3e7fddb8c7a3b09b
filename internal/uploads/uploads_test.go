package uploads

import (
	"context"
	"errors"
	"testing"

	"github.com/ethereum/go-ethereum/common"

	"github.com/bittunes/bittunes/internal/store"
)

// nothingPending is a database without unregistered uploads.
type nothingPending struct{}

func (nothingPending) PendingUploads(context.Context, uint64, common.Address) (int64, error) {
	return 0, nil
}
func (nothingPending) PendingUploadBytes(context.Context, uint64, string) (int64, int64, error) {
	return 0, 0, nil
}
func (nothingPending) Transact(context.Context, func(*store.Tx) error) error { return nil }

// TestAdmitCountsUploadsBeingReceived: uploads that arrive at once cannot together pass a cap that
// each passes alone; a released reservation frees its room.
func TestAdmitCountsUploadsBeingReceived(t *testing.T) {
	ctx := context.Background()
	s := &Service{Store: nothingPending{}, Limits: Limits{PendingPerClient: 100, PendingTotal: 150, MinFree: 1},
		FreeSpace: func(string) (int64, error) { return 1 << 40, nil }}
	release, err := s.Admit(ctx, common.Address{1}, "198.51.100.1", 60)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.Admit(ctx, common.Address{1}, "198.51.100.1", 60); !errors.Is(err, ErrTooManyPending) {
		t.Fatalf("a second upload from the address at once: %v, want ErrTooManyPending", err)
	}
	other, err := s.Admit(ctx, common.Address{2}, "198.51.100.2", 60)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.Admit(ctx, common.Address{3}, "198.51.100.3", 60); !errors.Is(err, ErrStorageFull) {
		t.Fatalf("a third upload at once: %v, want ErrStorageFull", err)
	}
	release()
	release() // twice is once
	other()
	if len(s.inflight) != 0 || s.total != 0 {
		t.Fatalf("after release: %v, %d", s.inflight, s.total)
	}
	if _, err := s.Admit(ctx, common.Address{1}, "198.51.100.1", 60); err != nil {
		t.Fatalf("after release: %v", err)
	}
}

func TestFreeSpace(t *testing.T) {
	n, err := FreeSpace(t.TempDir())
	if err != nil || n <= 0 {
		t.Fatalf("FreeSpace = %d, %v", n, err)
	}
}

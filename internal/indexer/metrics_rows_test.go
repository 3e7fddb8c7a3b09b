package indexer

import (
	"maps"
	"testing"

	"github.com/ethereum/go-ethereum/common"

	"github.com/bittunes/bittunes/internal/market"
	"github.com/bittunes/bittunes/internal/wei"
)

// TestRowsOfCountsTheRowsTheStoreWrites: rows_applied_total names the table each event's rows go
// to, collaborator credits included (one row per credit above zero, as store.Apply writes them),
// and counts nothing for an event the store would refuse.
func TestRowsOfCountsTheRowsTheStoreWrites(t *testing.T) {
	credit := func(amount uint64) market.Credit {
		return market.Credit{Account: common.Address{9}, Amount: wei.FromUint64(amount)}
	}
	for _, tt := range []struct {
		name string
		ev   market.Event
		want map[string]int
	}{
		{"a sale", market.Sale{}, map[string]int{"purchases": 1}},
		{"a sale with collaborators", market.Sale{Collaborators: []market.Credit{credit(5), credit(0), credit(7)}},
			map[string]int{"purchases": 1, "collaborator_credits": 2}},
		{"a registration", market.TrackRegistered{Collaborators: []market.Collaborator{{}, {}}}, map[string]int{"tracks": 1, "track_collaborators": 2}},
		{"a price", market.PriceUpdated{}, map[string]int{"track_changes": 1}},
		{"a fee", market.FeeUpdated{}, map[string]int{"settings_changes": 1}},
		{"a fee recipient", market.FeeRecipientUpdated{}, map[string]int{"settings_changes": 1}},
		{"an owner", market.OwnershipTransferred{}, map[string]int{"settings_changes": 1}},
		{"a withdrawal", market.Withdrawn{}, map[string]int{"withdrawals": 1}},
		{"a release", market.ReleaseRegistered{TrackIDs: []int64{1, 2, 3}}, map[string]int{"releases": 1, "release_tracks": 3}},
		{"a release purchase", market.ReleasePurchased{}, map[string]int{"release_purchases": 1}},
		{"an event the store does not know", unknownEvent{}, nil},
	} {
		if got := rowsOf(tt.ev); !maps.Equal(got, tt.want) {
			t.Errorf("%s: rowsOf = %v, want %v", tt.name, got, tt.want)
		}
	}
}

type unknownEvent struct{ market.Position }

package audit

import (
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/common"

	"github.com/bittunes/bittunes/internal/market"
	"github.com/bittunes/bittunes/internal/store"
)

// A package registered again by its artist (which the first market contract allowed) is in the
// market once, as its first registration: the recomputed charts chart only that one, as the store
// does.
func TestRecomputedChartsListAPackageOnce(t *testing.T) {
	events := history()
	again := market.TrackRegistered{Position: pos(10), TrackID: 2, Artist: artist, Price: amt(999_999), ReferralBps: 0,
		ContentHash: common.HexToHash("0x1")} // the same package, without its collaborator
	events = append(events, again,
		market.Sale{Position: pos(11), TrackID: 2, Buyer: fan3, Recipient: fan3, Price: amt(999_999),
			ArtistAmount: amt(950_000), FeeAmount: amt(49_999)})
	r, _ := replayAll(t, events)
	metadata := []store.AuditMetadata{{ContentHash: common.HexToHash("0x1"), Uploader: artist, Genre: "Jazz"}}
	entries, err := recomputeCharts(r, metadata, time.Unix(0, 0).UTC())
	if err != nil {
		t.Fatal(err)
	}
	tracks := map[int64]bool{}
	for _, e := range entries {
		tracks[e.TrackID] = true
	}
	if !tracks[1] || tracks[2] {
		t.Errorf("charted tracks %v, want track 1 only", tracks)
	}
	if len(entries) != 2 { // all time, overall and jazz (the sales have no block time: not in any week)
		t.Errorf("%d entries: %+v", len(entries), entries)
	}
}

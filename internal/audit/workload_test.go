package audit_test

import (
	"context"
	"fmt"
	"io"
	"log/slog"
	"math/big"
	"math/rand/v2"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/common"

	"github.com/bittunes/bittunes/internal/bindings"
	"github.com/bittunes/bittunes/internal/indexer"
	"github.com/bittunes/bittunes/internal/market"
	"github.com/bittunes/bittunes/internal/store"
	"github.com/bittunes/bittunes/internal/tooling/simchain"
)

// Accounts of the workload: 0 the operator and first fee recipient, 1-3 artists, 4.. fans; the last
// account becomes the fee recipient halfway.
const fans = 4

// workload drives a random but reproducible market over several days: registrations (some with
// collaborators whose shares leave dust), purchases with eligible, ineligible and self referrers,
// gifts, price and referral-share changes, delistings, withdrawals, and a fee change and a new fee
// recipient halfway. It returns the time of the last block.
func workload(t *testing.T, m *simchain.Market, seed uint64, blocks int) time.Time {
	t.Helper()
	rng := rand.New(rand.NewPCG(seed, 7))
	c := m.Contract
	nFans := len(m.Keys) - fans - 1
	fan := func() int { return fans + rng.IntN(nFans) }
	owners := map[int64]map[common.Address]bool{}
	var ids []int64
	artistOf := map[int64]int{}
	artistSide := map[int64]map[common.Address]bool{} // who may not buy or be given a track
	register := func(a int, collabs ...bindings.BittunesMarketCollaborator) {
		id := m.Register(t, a, int64(100_001+rng.IntN(2_000_000)), int64(rng.IntN(5_001)), collabs...)
		ids, artistOf[id], owners[id] = append(ids, id), a, map[common.Address]bool{}
		artistSide[id] = map[common.Address]bool{m.Addr(a): true}
		for _, c := range collabs {
			artistSide[id][c.Account] = true
		}
	}
	register(1)
	register(2, bindings.BittunesMarketCollaborator{Account: m.Addr(3), Bps: 3_333}, bindings.BittunesMarketCollaborator{Account: m.Addr(fans), Bps: 1})
	register(3, bindings.BittunesMarketCollaborator{Account: m.Addr(1), Bps: 5_000})
	listed := map[int64]bool{1: true, 2: true, 3: true}
	for b := 0; b < blocks; b++ {
		if b%10 == 9 {
			m.Backend.AdjustTime(24 * time.Hour) // a new day every ten blocks
		}
		switch b {
		case blocks / 3:
			m.Send(t, 0, nil, c.PackSetFeeBps(big.NewInt(730)))
		case blocks / 2:
			m.Send(t, 0, nil, c.PackSetFeeRecipient(m.Addr(len(m.Keys)-1)))
		}
		pending := map[int64]map[common.Address]bool{}
		touched := map[int64]bool{}
		for k := 0; k < 1+rng.IntN(5); k++ {
			id := ids[rng.IntN(len(ids))]
			switch op := rng.IntN(20); {
			case op < 13: // a purchase, maybe a gift, maybe referred
				buyer := fan()
				to := m.Addr(buyer)
				if rng.IntN(5) == 0 {
					to = m.Addr(fan())
				}
				if !listed[id] || touched[id] || owners[id][to] || pending[id][to] || artistSide[id][to] || artistSide[id][m.Addr(buyer)] {
					continue
				}
				var ref common.Address
				switch rng.IntN(5) {
				case 0, 1:
					for a := range owners[id] { // an owner: eligible unless the recipient
						ref = a
						break
					}
				case 3:
					ref = m.Addr(fan()) // an owner or not
				case 2:
					ref = m.Addr(buyer) // never eligible
				}
				if to == m.Addr(buyer) {
					m.Buy(t, buyer, id, ref)
				} else {
					m.Send(t, buyer, m.Price(t, id), market.PackPurchase(c, big.NewInt(id), to, ref, market.AnyTerms))
				}
				if pending[id] == nil {
					pending[id] = map[common.Address]bool{}
				}
				pending[id][to] = true
			case op < 14:
				touched[id] = true
				m.Send(t, artistOf[id], nil, c.PackSetPrice(big.NewInt(id), big.NewInt(int64(50_000+rng.IntN(3_000_000)))))
			case op < 15:
				touched[id] = true
				m.Send(t, artistOf[id], nil, c.PackSetReferralBps(big.NewInt(id), big.NewInt(int64(rng.IntN(5_001)))))
			case op < 16:
				touched[id] = true
				listed[id] = !listed[id]
				m.Send(t, artistOf[id], nil, c.PackSetListed(big.NewInt(id), listed[id]))
			case op < 18:
				who := rng.IntN(len(m.Keys))
				if m.BalanceOf(t, m.Addr(who)).Sign() > 0 && !touched[-int64(who)-1] {
					touched[-int64(who)-1] = true
					m.Send(t, who, nil, c.PackWithdraw())
				}
			case op < 19:
				if len(ids) < 12 {
					register(1 + rng.IntN(3))
					listed[ids[len(ids)-1]] = true
				}
			}
		}
		m.Commit()
		for id, to := range pending {
			for a := range to {
				owners[id][a] = true
			}
		}
	}
	h, err := m.Client.HeaderByNumber(context.Background(), nil)
	if err != nil {
		t.Fatal(err)
	}
	return time.Unix(int64(h.Time), 0).UTC()
}

// indexInto indexes the whole chain into s, uploads metadata for most tracks (one uploaded by
// someone else than its artist, so not charted) and builds the charts as of today.
func indexInto(t *testing.T, m *simchain.Market, s *store.Store, today time.Time) {
	t.Helper()
	ctx := context.Background()
	ix := indexer.New(indexer.Config{ChainID: simchain.ChainID, Contract: m.Address, DeployBlock: m.DeployBlock,
		ReorgWindow: 8, MaxRange: 16, PollInterval: 20 * time.Millisecond, Logger: slog.New(slog.NewTextHandler(io.Discard, nil))}, m.Eth, s)
	deadline := time.Now().Add(60 * time.Second)
	for {
		done, err := ix.Step(ctx)
		if err != nil {
			t.Fatalf("indexer step: %v", err)
		}
		if done {
			break
		}
		if time.Now().After(deadline) {
			t.Fatal("the indexer did not catch up in 60 s")
		}
	}
	genres := [][2]string{{"Electronic", "House"}, {"Electronic", "Techno"}, {"Jazz", ""}, {"Hip Hop", "Boom Bap"}}
	for id := int64(1); id <= m.TrackCount(t); id++ {
		info, err := bindingsTrack(m, id)
		if err != nil {
			t.Fatal(err)
		}
		uploader := info.Artist
		if id == 4 {
			uploader = m.Addr(fans) // not the artist: the track stays out of the market
		}
		g := genres[int(id)%len(genres)]
		if err := s.SaveTrackMetadata(ctx, store.TrackMetadata{ContentHash: common.Hash(info.ContentHash), Title: fmt.Sprintf("Track %d", id),
			ArtistName: "Artist", Genre: g[0], Subgenre: g[1], DurationMS: 1000, Uploader: uploader, CreatedAt: today}); err != nil {
			t.Fatal(err)
		}
	}
	if err := s.RebuildCharts(ctx, simchain.ChainID, today); err != nil {
		t.Fatal(err)
	}
}

func bindingsTrack(m *simchain.Market, id int64) (bindings.BittunesMarketTrackInfo, error) {
	out, err := m.Client.CallContract(context.Background(), ethCall(m, m.Contract.PackTrack(big.NewInt(id))), nil)
	if err != nil {
		return bindings.BittunesMarketTrackInfo{}, err
	}
	return m.Contract.UnpackTrack(out)
}

package store_test

import (
	"context"
	"flag"
	"fmt"
	"math/big"
	"path/filepath"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/crypto"

	"github.com/bittunes/bittunes/internal/market"
	"github.com/bittunes/bittunes/internal/store"
	"github.com/bittunes/bittunes/internal/tooling/pgtest"
	"github.com/bittunes/bittunes/internal/wei"
)

// syntheticChain is a made-up market history, block by block: a deployment, tracks (every fifth
// with two collaborators), then sales, perBlock a block, most referred, to fans who each buy
// several tracks. Amounts split as the contract splits them (5 % fee).
type syntheticChain struct {
	blocks [][]market.Event
}

func addr(label string, i int) common.Address {
	return common.BytesToAddress(crypto.Keccak256([]byte(fmt.Sprintf("%s %d", label, i)))[12:])
}

func newSyntheticChain(tracks, fans, sales, perBlock int) *syntheticChain {
	return newSyntheticChainAt(time.Date(2026, 3, 1, 23, 50, 0, 0, time.UTC), 12*time.Second, tracks, fans, sales, perBlock)
}

// newSyntheticChainAt is newSyntheticChain with its first block at base and one block every spacing.
func newSyntheticChainAt(base time.Time, spacing time.Duration, tracks, fans, sales, perBlock int) *syntheticChain {
	c := &syntheticChain{}
	pos := func(block, log int) market.Position {
		return market.Position{BlockNumber: uint64(block + 1), BlockTime: base.Add(time.Duration(block) * spacing),
			TxHash: crypto.Keccak256Hash([]byte(fmt.Sprintf("tx %d %d", block, log))), LogIndex: uint(log)}
	}
	operator := addr("operator", 0)
	c.blocks = append(c.blocks, []market.Event{
		market.OwnershipTransferred{Position: pos(0, 0), Owner: operator},
		market.FeeRecipientUpdated{Position: pos(0, 1), Recipient: operator},
		market.FeeUpdated{Position: pos(0, 2), Bps: 500},
	})
	prices := make([]*big.Int, tracks)
	collabs := make([][]market.Collaborator, tracks)
	var block []market.Event
	for t := range tracks {
		prices[t] = big.NewInt(int64(1+t%20) * 1e15)
		reg := market.TrackRegistered{Position: pos(len(c.blocks), len(block)), TrackID: int64(t + 1), Artist: addr("artist", t%100),
			Price: wei.FromUint64(prices[t].Uint64()), ReferralBps: uint16(500 + t%4500), ContentHash: crypto.Keccak256Hash([]byte{byte(t), byte(t >> 8)}),
			MetadataURI: fmt.Sprintf("ipfs://track/%d", t+1)}
		if t%5 == 4 {
			collabs[t] = []market.Collaborator{{Account: addr("artist", (t+1)%100), Bps: 2_000}, {Account: addr("artist", (t+2)%100), Bps: 1_500}}
			reg.Collaborators = collabs[t]
		}
		block = append(block, reg)
		if len(block) == perBlock || t == tracks-1 {
			c.blocks = append(c.blocks, block)
			block = nil
		}
	}
	perFan := (sales + fans - 1) / fans
	for n := range sales {
		k, f := n/fans, n%fans
		t := (f*37 + k*(tracks/perFan)) % tracks
		price := prices[t]
		p := pos(len(c.blocks), len(block))
		s := market.Sale{Position: p, TrackID: int64(t + 1), Buyer: addr("fan", f), Recipient: addr("fan", f)}
		fee := new(big.Int).Div(new(big.Int).Mul(price, big.NewInt(500)), big.NewInt(10_000))
		ref := new(big.Int)
		if n%10 < 8 && k > 0 {
			s.Referrer = addr("fan", (f+1)%fans)
			ref.Div(new(big.Int).Mul(price, big.NewInt(int64(500+t%4500))), big.NewInt(10_000))
		}
		artist := new(big.Int).Sub(new(big.Int).Sub(price, fee), ref)
		s.Price, s.FeeAmount = mustWei(price), mustWei(fee)
		s.ReferrerAmount, s.ArtistAmount = mustWei(ref), mustWei(artist)
		for i, col := range collabs[t] {
			cp := p
			cp.LogIndex += uint(i + 1)
			amount := new(big.Int).Div(new(big.Int).Mul(artist, big.NewInt(int64(col.Bps))), big.NewInt(10_000))
			s.Collaborators = append(s.Collaborators, market.Credit{Position: cp, Account: col.Account, Amount: mustWei(amount)})
		}
		block = append(block, s)
		if len(block) == perBlock || n == sales-1 {
			c.blocks = append(c.blocks, block)
			block = nil
		}
	}
	return c
}

func mustWei(x *big.Int) wei.Amount {
	a, err := wei.New(x)
	if err != nil {
		panic(err)
	}
	return a
}

// batches cuts the chain into batches of up to n blocks each, chained by their cursors.
func (c *syntheticChain) batches(chainID uint64, contract common.Address, n int) []store.Batch {
	var out []store.Batch
	for from := 0; from < len(c.blocks); from += n {
		to := min(from+n, len(c.blocks))
		b := store.Batch{From: uint64(from + 1), Cursor: store.Cursor{ChainID: chainID, Contract: contract, BlockNumber: uint64(to),
			BlockHash: crypto.Keccak256Hash([]byte(fmt.Sprintf("block %d", to)))}}
		for i := from; i < to; i++ {
			b.Events = append(b.Events, c.blocks[i]...)
			b.Blocks = append(b.Blocks, store.Block{ChainID: chainID, Number: uint64(i + 1),
				Hash: crypto.Keccak256Hash([]byte(fmt.Sprintf("block %d", i+1))), ParentHash: crypto.Keccak256Hash([]byte(fmt.Sprintf("block %d", i)))})
		}
		out = append(out, b)
	}
	return out
}

func applyAll(t testing.TB, s *store.Store, batches []store.Batch) {
	t.Helper()
	for _, b := range batches {
		if err := s.Apply(context.Background(), b); err != nil {
			t.Fatalf("apply blocks %d-%d: %v", b.From, b.Cursor.BlockNumber, err)
		}
	}
}

var (
	benchTracks = flag.Int("apply.tracks", 400, "BenchmarkApplyDense: tracks; ten fans and a hundred sales per track")
	benchBlocks = flag.Int("apply.blocks", 50, "BenchmarkApplyDense: blocks (of 200 sales) per batch")
)

// BenchmarkApplyDense applies 40 000 sales (and 400 tracks) in batches of 50 blocks of 200 sales:
// the store's share of a dense backfill. Run with -run NONE -bench ApplyDense -benchtime 3x; add
// -apply.tracks 1000 for the 100 000 sales of the dense benchmark.
func BenchmarkApplyDense(b *testing.B) {
	chain := newSyntheticChain(*benchTracks, 10**benchTracks, 100**benchTracks, 200)
	batches := chain.batches(1337, addr("market", 0), *benchBlocks)
	sales := 0
	for _, blk := range chain.blocks {
		sales += len(blk)
	}
	for _, dialect := range []string{store.DialectPostgres, store.DialectSQLite} {
		b.Run(dialect, func(b *testing.B) {
			for range b.N {
				b.StopTimer()
				dsn := filepath.Join(b.TempDir(), "bench.db")
				if dialect == store.DialectPostgres {
					dsn = pgtest.DSN(b)
				}
				s, err := store.Open(context.Background(), dsn)
				if err != nil {
					b.Fatal(err)
				}
				b.StartTimer()
				applyAll(b, s, batches)
				b.StopTimer()
				s.Close()
			}
			b.ReportMetric(float64(sales*b.N)/b.Elapsed().Seconds(), "events/s")
		})
	}
}

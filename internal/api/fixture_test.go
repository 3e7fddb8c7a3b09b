package api_test

import (
	"context"
	"fmt"
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

func TestMain(m *testing.M) { pgtest.Main(m) }

const chainID = 1337

var (
	marketAddr = common.HexToAddress("0x5FbDB2315678afecb367f032d93F642f64180aa3")
	operator   = addr("operator")
	mira       = addr("mira")  // artist of tracks 1 and 2
	kites      = addr("kites") // artist of track 3, collaborator on track 2
	alice      = addr("alice")
	bob        = addr("bob")
	carol      = addr("carol")
	dave       = addr("dave")
	// "Today" for the charts; the fixture's sales fall in this week and the one before.
	today = time.Date(2026, 11, 26, 12, 0, 0, 0, time.UTC)
)

func addr(name string) common.Address {
	return common.BytesToAddress(crypto.Keccak256([]byte(name))[12:])
}

func hash(s string) common.Hash { return crypto.Keccak256Hash([]byte(s)) }

func eth(milli int64) wei.Amount { return wei.FromUint64(uint64(milli) * 1e15) }

// fixture is a small market with fixed hashes and times: three tracks in two genres (one with a
// collaborator, one delisted later, one never uploaded), sales with and without referrers over two
// weeks, and a withdrawal.
func fixture(t *testing.T, s *store.Store) {
	t.Helper()
	block := uint64(0)
	pos := func(daysAgo int) market.Position {
		block++
		return market.Position{BlockNumber: block, BlockHash: hash(fmt.Sprint("block", block)),
			BlockTime: today.AddDate(0, 0, -daysAgo).Add(-time.Hour), TxHash: hash(fmt.Sprint("tx", block)), LogIndex: 0}
	}
	sale := func(daysAgo int, track int64, buyer, recipient, referrer common.Address, price wei.Amount, referralBps uint64, collab *market.Collaborator) market.Sale {
		p := pos(daysAgo)
		fee := wei.FromUint64(price.BigInt().Uint64() * 500 / 10_000)
		ref := wei.Zero()
		if referrer != (common.Address{}) {
			ref = wei.FromUint64(price.BigInt().Uint64() * referralBps / 10_000)
		}
		artistSide, _ := price.Sub(fee)
		artistSide, _ = artistSide.Sub(ref)
		sl := market.Sale{Position: p, TrackID: track, Buyer: buyer, Recipient: recipient, Referrer: referrer, Price: price,
			ArtistAmount: artistSide, ReferrerAmount: ref, FeeAmount: fee}
		if collab != nil {
			cp := p
			cp.LogIndex = 1
			sl.Collaborators = []market.Credit{{Position: cp, Account: collab.Account,
				Amount: wei.FromUint64(artistSide.BigInt().Uint64() * uint64(collab.Bps) / 10_000)}}
		}
		return sl
	}
	collab := &market.Collaborator{Account: kites, Bps: 2_500}
	events := []market.Event{
		market.OwnershipTransferred{Position: pos(20), Owner: operator},
		market.FeeRecipientUpdated{Position: pos(20), Recipient: operator},
		market.FeeUpdated{Position: pos(20), Bps: 500},
		market.TrackRegistered{Position: pos(15), TrackID: 1, Artist: mira, Price: eth(2), ReferralBps: 2_000, ContentHash: hash("harbour"), MetadataURI: "http://127.0.0.1:8080/api/v1/metadata/" + hash("harbour").Hex()},
		market.TrackRegistered{Position: pos(15), TrackID: 2, Artist: mira, Price: eth(3), ReferralBps: 1_500, ContentHash: hash("ferry"), MetadataURI: "ipfs://ferry", Collaborators: []market.Collaborator{*collab}},
		market.TrackRegistered{Position: pos(14), TrackID: 3, Artist: kites, Price: eth(1), ReferralBps: 5_000, ContentHash: hash("crown"), MetadataURI: "ipfs://crown"},
		market.TrackRegistered{Position: pos(14), TrackID: 4, Artist: kites, Price: eth(1), ReferralBps: 0, ContentHash: hash("never uploaded"), MetadataURI: "ipfs://x"},
		sale(10, 3, alice, alice, common.Address{}, eth(1), 5_000, nil),
		sale(9, 3, bob, bob, alice, eth(1), 5_000, nil),
		sale(9, 3, carol, carol, bob, eth(1), 5_000, nil),
		sale(3, 1, alice, alice, common.Address{}, eth(2), 2_000, nil),
		sale(2, 1, bob, bob, alice, eth(2), 2_000, nil),
		sale(2, 1, carol, carol, alice, eth(2), 2_000, nil),
		sale(1, 1, dave, dave, carol, eth(2), 2_000, nil),
		sale(1, 2, alice, alice, common.Address{}, eth(3), 1_500, collab),
		sale(0, 2, alice, bob, common.Address{}, eth(3), 1_500, collab), // a gift
		market.PriceUpdated{Position: pos(0), TrackID: 1, Previous: eth(2), Price: eth(4)},
		market.Withdrawn{Position: pos(0), Account: alice, To: alice, Amount: eth(1)},
		sale(0, 3, dave, dave, common.Address{}, eth(1), 5_000, nil),
		market.ListingUpdated{Position: pos(0), TrackID: 3, Listed: false},
		// An impostor registers Mira's published package as their own track: it must not show up
		// with her metadata anywhere.
		market.TrackRegistered{Position: pos(0), TrackID: 5, Artist: dave, Price: eth(1), ReferralBps: 5_000, ContentHash: hash("harbour"), MetadataURI: "ipfs://stolen"},
		sale(0, 5, carol, carol, common.Address{}, eth(1), 5_000, nil),
	}
	ctx := context.Background()
	for _, m := range []store.TrackMetadata{
		{ContentHash: hash("harbour"), Title: "Harbour Lights", ArtistName: "Mira Vale", Genre: "Electronic", Subgenre: "House", DurationMS: 12_000, Uploader: mira, CreatedAt: today.AddDate(0, 0, -16)},
		{ContentHash: hash("ferry"), Title: "Night Ferry", ArtistName: "Mira Vale", Genre: "Electronic", Subgenre: "Deep House", DurationMS: 13_000, Uploader: mira, CreatedAt: today.AddDate(0, 0, -16)},
		{ContentHash: hash("crown"), Title: "Cardboard Crown", ArtistName: "The Paper Kites Club", Genre: "Rock", Subgenre: "Indie", Description: "Loud.", DurationMS: 9_000, Uploader: kites, CreatedAt: today.AddDate(0, 0, -15)},
	} {
		if err := s.SaveTrackMetadata(ctx, m); err != nil {
			t.Fatal(err)
		}
	}
	if err := s.Apply(ctx, store.Batch{From: 1, Events: events,
		Cursor: store.Cursor{ChainID: chainID, Contract: marketAddr, BlockNumber: block, BlockHash: hash(fmt.Sprint("block", block))}}); err != nil {
		t.Fatal(err)
	}
	if err := s.RebuildCharts(ctx, chainID, today); err != nil {
		t.Fatal(err)
	}
}

// forEachDB runs f on a fixture database in SQLite and in PostgreSQL.
func forEachDB(t *testing.T, f func(t *testing.T, s *store.Store)) {
	run := func(t *testing.T, dsn string) {
		s, err := store.Open(context.Background(), dsn)
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { s.Close() })
		fixture(t, s)
		f(t, s)
	}
	t.Run("sqlite", func(t *testing.T) { run(t, "sqlite:"+filepath.Join(t.TempDir(), "b.db")) })
	t.Run("postgres", func(t *testing.T) { run(t, pgtest.DSN(t)) })
}

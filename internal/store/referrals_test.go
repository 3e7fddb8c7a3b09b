package store_test

import (
	"context"
	"fmt"
	"math/big"
	"testing"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/crypto"

	"github.com/bittunes/bittunes/internal/market"
	"github.com/bittunes/bittunes/internal/store"
	"github.com/bittunes/bittunes/internal/wei"
)

// TestReferralEarningsSumExactly: a referrer's credits are summed per track exactly, whatever
// their size (amounts beyond 64 bits and of every length of decimal text), on both databases.
func TestReferralEarningsSumExactly(t *testing.T) {
	forEachDB(t, func(t *testing.T, s *store.Store) {
		ctx := context.Background()
		fan, other := common.HexToAddress("0xf1"), common.HexToAddress("0xf2")
		h := func(s string) common.Hash { return crypto.Keccak256Hash([]byte(s)) }
		pos := func(n uint64, log uint) market.Position {
			return market.Position{BlockNumber: 1, BlockHash: h("b1"), BlockTime: t0, TxHash: h(fmt.Sprint("tx", n)), LogIndex: log}
		}
		events := []market.Event{
			market.TrackRegistered{Position: pos(0, 0), TrackID: 1, Artist: common.HexToAddress("0xa1"), Price: wei.FromUint64(1), ContentHash: h("p1"), MetadataURI: "x"},
			market.TrackRegistered{Position: pos(0, 1), TrackID: 2, Artist: common.HexToAddress("0xa1"), Price: wei.FromUint64(1), ContentHash: h("p2"), MetadataURI: "x"},
		}
		want := map[int64]*big.Int{1: new(big.Int), 2: new(big.Int)}
		amounts := []string{"7", "999999999999", "1000000000000", "123456789012345678901234567890", "9",
			"115792089237316195423570985008687907853269984665640564039457584007913129639", "5000000000000000000000"}
		for i, a := range amounts {
			amt, err := wei.Parse(a)
			if err != nil {
				t.Fatal(err)
			}
			track := int64(1 + i%2)
			referrer := fan
			if i == 4 {
				referrer = other // another referrer's credit is not the fan's
			} else {
				want[track].Add(want[track], amt.BigInt())
			}
			events = append(events, market.Sale{Position: pos(uint64(i+1), 0), TrackID: track, Buyer: common.BigToAddress(big.NewInt(int64(100 + i))),
				Recipient: common.BigToAddress(big.NewInt(int64(100 + i))), Referrer: referrer, Price: amt, ReferrerAmount: amt})
		}
		if err := s.Apply(ctx, store.Batch{From: 1, Events: events, Cursor: store.Cursor{ChainID: 1337, Contract: common.HexToAddress("0xc3"),
			BlockNumber: 1, BlockHash: h("b1")}}); err != nil {
			t.Fatal(err)
		}
		got, err := s.CreditsByTrack(ctx, 1337, fan, store.RoleReferrer)
		if err != nil {
			t.Fatal(err)
		}
		if len(got) != 2 || got[1].Sales != 3 || got[2].Sales != 3 {
			t.Fatalf("earnings: %+v", got)
		}
		for track, w := range want {
			if got[track].Amount.BigInt().Cmp(w) != 0 {
				t.Errorf("track %d: %s, want %s", track, got[track].Amount, w)
			}
		}
		none, err := s.CreditsByTrack(ctx, 1337, common.HexToAddress("0xf9"), store.RoleReferrer)
		if err != nil || len(none) != 0 {
			t.Fatalf("an account without referrals: %v, %v", none, err)
		}
	})
}

// TestArtistEarningsAreWhatEachTrackKeptForItsArtist: per track, the artist's own credits (the
// artist side less its collaborators' parts) are summed exactly, beyond 64 bits, on both databases;
// a collaborator's credits and another artist's tracks are not counted.
func TestArtistEarningsAreWhatEachTrackKeptForItsArtist(t *testing.T) {
	forEachDB(t, func(t *testing.T, s *store.Store) {
		ctx := context.Background()
		artist, collaborator, other := common.HexToAddress("0xa1"), common.HexToAddress("0xa2"), common.HexToAddress("0xa3")
		h := func(s string) common.Hash { return crypto.Keccak256Hash([]byte(s)) }
		pos := func(n uint64, log uint) market.Position {
			return market.Position{BlockNumber: 1, BlockHash: h("b1"), BlockTime: t0, TxHash: h(fmt.Sprint("tx", n)), LogIndex: log}
		}
		amount := func(s string) wei.Amount {
			a, err := wei.Parse(s)
			if err != nil {
				t.Fatal(err)
			}
			return a
		}
		events := []market.Event{
			market.TrackRegistered{Position: pos(0, 0), TrackID: 1, Artist: artist, Price: wei.FromUint64(1), ContentHash: h("p1"), MetadataURI: "x"},
			market.TrackRegistered{Position: pos(0, 1), TrackID: 2, Artist: artist, Price: wei.FromUint64(1), ContentHash: h("p2"), MetadataURI: "x",
				Collaborators: []market.Collaborator{{Account: collaborator, Bps: 2500}}},
			market.TrackRegistered{Position: pos(0, 2), TrackID: 3, Artist: other, Price: wei.FromUint64(1), ContentHash: h("p3"), MetadataURI: "x"},
		}
		// (track, artist side, collaborator's part)
		sales := []struct {
			track        int64
			side, collab string
		}{
			{1, "1900000000000000", ""},
			{1, "123456789012345678901234567890", ""},
			{2, "2850000000000000", "712500000000000"},
			{2, "400000000000000000000000", "100000000000000000000000"},
			{3, "999", ""},
		}
		want := map[int64]*big.Int{1: new(big.Int), 2: new(big.Int)}
		for i, c := range sales {
			p := pos(uint64(i+1), 0)
			sale := market.Sale{Position: p, TrackID: c.track, Buyer: common.BigToAddress(big.NewInt(int64(100 + i))),
				Recipient: common.BigToAddress(big.NewInt(int64(100 + i))), Price: amount(c.side), ArtistAmount: amount(c.side)}
			keeps := amount(c.side).BigInt()
			if c.collab != "" {
				cp := p
				cp.LogIndex = 1
				sale.Collaborators = []market.Credit{{Position: cp, Account: collaborator, Amount: amount(c.collab)}}
				keeps.Sub(keeps, amount(c.collab).BigInt())
			}
			if w, ok := want[c.track]; ok {
				w.Add(w, keeps)
			}
			events = append(events, sale)
		}
		if err := s.Apply(ctx, store.Batch{From: 1, Events: events, Cursor: store.Cursor{ChainID: 1337, Contract: common.HexToAddress("0xc3"),
			BlockNumber: 1, BlockHash: h("b1")}}); err != nil {
			t.Fatal(err)
		}
		got, err := s.ArtistEarnings(ctx, 1337, artist)
		if err != nil {
			t.Fatal(err)
		}
		if len(got) != 2 || got[1].Sales != 2 || got[2].Sales != 2 {
			t.Fatalf("earnings: %+v", got)
		}
		for track, w := range want {
			if got[track].Amount.BigInt().Cmp(w) != 0 {
				t.Errorf("track %d: %s, want %s", track, got[track].Amount, w)
			}
		}
		if c, err := s.ArtistEarnings(ctx, 1337, collaborator); err != nil || len(c) != 0 {
			t.Errorf("a collaborator's artist earnings: %+v, %v", c, err)
		}
	})
}

package store_test

import (
	"context"
	"fmt"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/crypto"
	"gorm.io/gorm"

	"github.com/bittunes/bittunes/internal/market"
	"github.com/bittunes/bittunes/internal/store"
	"github.com/bittunes/bittunes/internal/wei"
)

// saleAt names a sale by its block and log index (its place in the newest-first order).
type saleAt struct {
	Block uint64
	Log   int
	Track int64
}

// accountsChain: artist A registers tracks 1–3, track 1 with collaborator C; fan X buys tracks 1
// and 2 and refers Y (track 1) and Z (track 2); then W buys A's release of tracks 2, 3 and 1 in one
// transaction through X, who is credited on tracks 2 and 1 (X does not own 3), and C on track 1
// only (a collaborator of track 1, not of the release).
func accountsChain() *syntheticChain {
	base := time.Date(2026, 3, 1, 12, 0, 0, 0, time.UTC)
	pos := func(block int, tx string, log uint) market.Position {
		return market.Position{BlockNumber: uint64(block), BlockTime: base.Add(time.Duration(block) * time.Minute),
			TxHash: crypto.Keccak256Hash([]byte(tx)), LogIndex: log}
	}
	a, c, x, y, z, w, operator := addr("artist", 0), addr("collaborator", 0), addr("fan", 1), addr("fan", 2), addr("fan", 3), addr("fan", 4), addr("operator", 0)
	sale := func(p market.Position, track int64, buyer, referrer common.Address) market.Sale {
		s := market.Sale{Position: p, TrackID: track, Buyer: buyer, Recipient: buyer, Referrer: referrer, Price: wei.FromUint64(1_000),
			FeeAmount: wei.FromUint64(50), ArtistAmount: wei.FromUint64(950)}
		if referrer != (common.Address{}) {
			s.ReferrerAmount, s.ArtistAmount = wei.FromUint64(100), wei.FromUint64(850)
		}
		if track == 1 {
			cp := p
			cp.LogIndex++
			s.Collaborators = []market.Credit{{Position: cp, Account: c, Amount: wei.FromUint64(300)}}
		}
		return s
	}
	none := common.Address{}
	return &syntheticChain{blocks: [][]market.Event{
		{market.OwnershipTransferred{Position: pos(1, "setup", 0), Owner: operator}, market.FeeRecipientUpdated{Position: pos(1, "setup", 1), Recipient: operator},
			market.FeeUpdated{Position: pos(1, "setup", 2), Bps: 500}},
		{market.TrackRegistered{Position: pos(2, "reg", 0), TrackID: 1, Artist: a, Price: wei.FromUint64(1_000),
			Collaborators: []market.Collaborator{{Account: c, Bps: 3_500}}},
			market.TrackRegistered{Position: pos(2, "reg", 1), TrackID: 2, Artist: a, Price: wei.FromUint64(1_000)},
			market.TrackRegistered{Position: pos(2, "reg", 2), TrackID: 3, Artist: a, Price: wei.FromUint64(1_000)},
			market.ReleaseRegistered{Position: pos(2, "reg", 3), ReleaseID: 1, Artist: a, Price: wei.FromUint64(3_000), TrackIDs: []int64{2, 3, 1}}},
		{sale(pos(3, "x1", 0), 1, x, none)},
		{sale(pos(4, "y1", 0), 1, y, x), sale(pos(4, "x2", 2), 2, x, none)},
		{sale(pos(5, "z2", 0), 2, z, x)},
		{sale(pos(6, "w", 0), 2, w, x), sale(pos(6, "w", 1), 3, w, none), sale(pos(6, "w", 2), 1, w, x),
			market.ReleasePurchased{Position: pos(6, "w", 4), ReleaseID: 1, Buyer: w, Recipient: w, Referrer: x, Amount: wei.FromUint64(3_000), TracksBought: 3}},
	}}
}

// salesOf pages through f's sales limit at a time and returns them all, checking each cursor.
func salesOf(t *testing.T, s *store.Store, f store.SaleFilter, limit int) []saleAt {
	t.Helper()
	var out []saleAt
	var after *store.SaleCursor
	for page := 0; ; page++ {
		list, next, err := s.Sales(context.Background(), 1337, f, after, limit)
		if err != nil {
			t.Fatal(err)
		}
		if len(list) > limit || (next != nil && len(list) != limit) {
			t.Fatalf("page %d: %d sales and next %v at a limit of %d", page, len(list), next, limit)
		}
		for _, x := range list {
			out = append(out, saleAt{x.BlockNumber, x.LogIndex, x.TrackID})
		}
		if next == nil {
			return out
		}
		if last := list[len(list)-1]; next.Block != last.BlockNumber || next.Log != last.LogIndex {
			t.Fatalf("page %d ends at %d/%d, its cursor says %+v", page, last.BlockNumber, last.LogIndex, *next)
		}
		after = next
		if page > 10_000 {
			t.Fatal("no end to the pages")
		}
	}
}

// TestAnAccountsSalesAreThoseItTakesPartIn: an account's sales are those it bought, received,
// referred, was paid the fee of, or was credited by as the track's artist or collaborator: a
// collaborator of one track of a release sees that track's sale, not the release's other tracks
// bought in the same transaction, and a referrer credited on some of a release's tracks sees those.
// Each purchase is listed once, newest first, and pages of two (or one) walk across the branches
// (X is a buyer in some sales and a referrer in others) to the same list as one page.
func TestAnAccountsSalesAreThoseItTakesPartIn(t *testing.T) {
	forEachDB(t, func(t *testing.T, s *store.Store) {
		applyAll(t, s, accountsChain().batches(1337, marketAddress, 2))
		all := []saleAt{{6, 2, 1}, {6, 1, 3}, {6, 0, 2}, {5, 0, 2}, {4, 2, 2}, {4, 0, 1}, {3, 0, 1}}
		for _, c := range []struct {
			name    string
			account common.Address
			track   int64
			want    []saleAt
		}{
			{"the collaborator of track 1", addr("collaborator", 0), 0, []saleAt{{6, 2, 1}, {4, 0, 1}, {3, 0, 1}}},
			{"a buyer and referrer", addr("fan", 1), 0, []saleAt{{6, 2, 1}, {6, 0, 2}, {5, 0, 2}, {4, 2, 2}, {4, 0, 1}, {3, 0, 1}}},
			{"a buyer and referrer, of track 1", addr("fan", 1), 1, []saleAt{{6, 2, 1}, {4, 0, 1}, {3, 0, 1}}},
			{"the release's buyer and recipient", addr("fan", 4), 0, []saleAt{{6, 2, 1}, {6, 1, 3}, {6, 0, 2}}},
			{"a buyer referred once", addr("fan", 2), 0, []saleAt{{4, 0, 1}}},
			{"the artist", addr("artist", 0), 0, all},
			{"the fee recipient", addr("operator", 0), 0, all},
			{"a stranger", addr("fan", 99), 0, nil},
		} {
			f := store.SaleFilter{Account: c.account, TrackID: c.track}
			for _, limit := range []int{0, 1, 2, 3, 100} {
				var got []saleAt
				if limit == 0 {
					list, next, err := s.Sales(context.Background(), 1337, f, nil, 0)
					if err != nil || next != nil {
						t.Fatalf("%s: every sale: next %v, %v", c.name, next, err)
					}
					for _, x := range list {
						got = append(got, saleAt{x.BlockNumber, x.LogIndex, x.TrackID})
					}
				} else {
					got = salesOf(t, s, f, limit)
				}
				if !reflect.DeepEqual(got, c.want) {
					t.Errorf("%s, pages of %d: %v, want %v", c.name, limit, got, c.want)
				}
			}
		}
	})
}

// TestAccountSalesMatchTheirDefinition: on a history of many sales (every fifth track with two
// collaborators, most sales referred), each of a few accounts' sales, read in pages of two, are
// exactly the sales the definition picks from the whole list, in order.
func TestAccountSalesMatchTheirDefinition(t *testing.T) {
	forEachDB(t, func(t *testing.T, s *store.Store) {
		chain := newSyntheticChain(20, 30, 300, 7)
		applyAll(t, s, chain.batches(1337, marketAddress, 5))
		artists := map[int64]common.Address{}
		var sales []market.Sale
		for _, block := range chain.blocks {
			for _, ev := range block {
				switch e := ev.(type) {
				case market.TrackRegistered:
					artists[e.TrackID] = e.Artist
				case market.Sale:
					sales = append(sales, e)
				}
			}
		}
		for _, account := range []common.Address{addr("fan", 3), addr("fan", 29), addr("artist", 4), addr("artist", 5), addr("operator", 0)} {
			var want []saleAt
			for i := len(sales) - 1; i >= 0; i-- {
				e := sales[i]
				in := e.Buyer == account || e.Recipient == account || e.Referrer == account || account == addr("operator", 0)
				if keeps, _ := e.ArtistKeeps(); artists[e.TrackID] == account && !keeps.IsZero() {
					in = true
				}
				for _, c := range e.Collaborators {
					in = in || (c.Account == account && !c.Amount.IsZero())
				}
				if in {
					want = append(want, saleAt{e.BlockNumber, int(e.LogIndex), e.TrackID})
				}
			}
			if len(want) == 0 {
				t.Fatalf("%s takes part in no sale: the test shows nothing", account.Hex())
			}
			if got := salesOf(t, s, store.SaleFilter{Account: account}, 2); !reflect.DeepEqual(got, want) {
				t.Errorf("sales of %s:\n got %v\nwant %v", account.Hex(), got, want)
			}
		}
	})
}

// TestARareAccountsSalesAreReadByIndex: the statement that reads a page of a rare account's sales
// (a fan with a few sales, a collaborator, an account that took part in none, and the same a page
// further) reads purchases, collaborator credits and tracks through indexes on the account, its
// tracks or a transaction, never a chain's purchases from the newest until a page is full, in a
// table of thousands of sales. Sequential scans are priced out, so the plan reads a table whole only
// when no index can answer.
func TestARareAccountsSalesAreReadByIndex(t *testing.T) {
	forEachDB(t, func(t *testing.T, s *store.Store) {
		if s.Dialect() != store.DialectPostgres {
			t.Skip("the plan is PostgreSQL's")
		}
		applyAll(t, s, newSyntheticChain(400, 400, 6_000, 50).batches(1337, marketAddress, 6))
		db := store.GormDB(s)
		if err := db.Exec("ANALYZE").Error; err != nil {
			t.Fatal(err)
		}
		for _, c := range []struct {
			account common.Address
			after   *store.SaleCursor
		}{
			{addr("fan", 3), nil}, {addr("fan", 3), &store.SaleCursor{Block: 60, Log: 10}},
			{addr("artist", 5), nil}, {addr("nobody", 0), nil}, {addr("nobody", 0), &store.SaleCursor{Block: 100, Log: 0}},
		} {
			stmt, err := store.AccountSalesSQL(s, 1337, store.SaleFilter{Account: c.account}, c.after, 20)
			if err != nil {
				t.Fatal(err)
			}
			err = db.Transaction(func(tx *gorm.DB) error {
				if err := tx.Exec("SET LOCAL enable_seqscan = off").Error; err != nil {
					return err
				}
				var plan []string
				if err := tx.Raw("EXPLAIN " + stmt).Scan(&plan).Error; err != nil {
					return fmt.Errorf("%w: %s", err, stmt)
				}
				for _, scan := range wholeScans(plan, "purchases", "collaborator_credits", "tracks") {
					t.Errorf("the sales of %s (after %v) are read by %s:\n%s", c.account.Hex(), c.after, scan, strings.Join(plan, "\n"))
				}
				return nil
			})
			if err != nil {
				t.Fatal(err)
			}
		}
	})
}

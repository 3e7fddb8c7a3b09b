package audit_test

import (
	"context"
	"math/big"
	"strings"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/core/types"

	"github.com/bittunes/bittunes/internal/audit"
	"github.com/bittunes/bittunes/internal/bindings"
	"github.com/bittunes/bittunes/internal/market"
	"github.com/bittunes/bittunes/internal/tooling/simchain"
)

// TestReleasePurchaseEndToEnd: three tracks (one with a collaborator), a release of them at a
// discount, and a fan who owns one of them buying the release through a referrer. On the chain: the
// owned track is skipped and not charged, the others sell at their parts of the release price, the
// referrer is credited on the track it owns only. Indexed into each database: the audit recomputes
// every split and finds nothing, and the charts count each track's sales once.
func TestReleasePurchaseEndToEnd(t *testing.T) {
	m := simchain.New(t, 8)
	const artist, collaborator, referrer, fan = 1, 2, 3, 4
	t1 := m.Register(t, artist, 1_000_000, 2_000)
	t2 := m.Register(t, artist, 2_000_000, 1_000, bindings.BittunesMarketCollaborator{Account: m.Addr(collaborator), Bps: 3_000})
	t3 := m.Register(t, artist, 3_000_000, 2_500)
	release := m.RegisterRelease(t, artist, 4_800_000, "", t1, t2, t3) // 20 % off the 6 000 000 of its tracks
	for _, buy := range []struct {
		who   int
		track int64
	}{{referrer, t1}, {referrer, t2}, {fan, t2}} {
		m.Buy(t, buy.who, buy.track, common.Address{})
		m.Commit()
	}

	ctx := context.Background()
	q, err := market.NewReader(m.Client, m.Address).QuoteRelease(ctx, release, m.Addr(referrer), m.Addr(fan), m.Addr(fan))
	if err != nil {
		t.Fatal(err)
	}
	// Parts of 4 800 000: t1 800 000, t2 1 600 000 (owned: skipped), t3 the rest, 2 400 000.
	if !q.Tracks[1].Skipped || q.Tracks[0].Amount.Int64() != 800_000 || q.Tracks[2].Amount.Int64() != 2_400_000 || q.Amount.Int64() != 3_200_000 {
		t.Fatalf("quote = %+v", q)
	}
	referrerBefore, fanBefore := m.BalanceOf(t, m.Addr(referrer)), balanceAt(t, m, m.Addr(fan))
	tx := m.BuyRelease(t, fan, release, m.Addr(referrer))
	m.Commit()
	receipt := m.Receipt(t, tx)

	paid := new(big.Int).Sub(fanBefore, balanceAt(t, m, m.Addr(fan)))
	gas := new(big.Int).Mul(new(big.Int).SetUint64(receipt.GasUsed), receipt.EffectiveGasPrice)
	if charged := new(big.Int).Sub(paid, gas); charged.Int64() != 3_200_000 {
		t.Errorf("the fan was charged %s wei besides gas, want 3 200 000 (the owned track not charged)", charged)
	}
	events, err := market.NewDecoder().Decode(receiptLogs(receipt))
	if err != nil {
		t.Fatal(err)
	}
	var sold []int64
	for _, e := range events {
		if s, ok := e.(market.Sale); ok {
			sold = append(sold, s.TrackID)
		}
	}
	if len(sold) != 2 || sold[0] != t1 || sold[1] != t3 {
		t.Errorf("tracks sold by the release purchase: %v, want [%d %d]", sold, t1, t3)
	}
	// The referrer owns t1 (credited 20 % of its part), not t3 (nothing).
	if got := new(big.Int).Sub(m.BalanceOf(t, m.Addr(referrer)), referrerBefore); got.Int64() != 160_000 {
		t.Errorf("the referrer was credited %s wei, want 160 000", got)
	}

	forEachDB(t, func(t *testing.T, open func() database) {
		db := open()
		today := time.Now().UTC()
		indexInto(t, m, db.store, today)
		rep := run(t, m, db.store)
		if !rep.OK() {
			var text strings.Builder
			_ = rep.WriteText(&text)
			t.Fatalf("the audit of a release purchase fails:\n%s", text.String())
		}
		if rep.Sales != 5 {
			t.Errorf("the audit replayed %d sales, want 5 (three single purchases, two tracks of the release)", rep.Sales)
		}
		snap, err := db.store.Snapshot(ctx, simchain.ChainID)
		if err != nil {
			t.Fatal(err)
		}
		inRelease := 0
		for _, row := range snap.ChartSales {
			if strings.HasPrefix(row, strings.ToLower(tx.Hash().Hex())+"/") {
				inRelease++
			}
		}
		if inRelease != 2 {
			t.Errorf("the chart ledger holds %d sales of the release purchase, want 2 (one per track bought)", inRelease)
		}
		for _, want := range []struct {
			track int64
			sales int64
		}{{t1, 2}, {t2, 2}, {t3, 1}} {
			tr, err := db.store.Track(ctx, simchain.ChainID, want.track)
			if err != nil {
				t.Fatal(err)
			}
			if tr.Sales != want.sales {
				t.Errorf("track %d: %d sales, want %d", want.track, tr.Sales, want.sales)
			}
		}
		if len(snap.ReleasePurchases) != 1 || !strings.HasSuffix(snap.ReleasePurchases[0], " 3200000 2") {
			t.Errorf("release purchases = %v", snap.ReleasePurchases)
		}
	})
}

func balanceAt(t *testing.T, m *simchain.Market, a common.Address) *big.Int {
	t.Helper()
	b, err := m.Client.BalanceAt(context.Background(), a, nil)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// receiptLogs are a receipt's logs with the block time the decoder wants (any: it is not checked here).
func receiptLogs(r *types.Receipt) []types.Log {
	out := make([]types.Log, len(r.Logs))
	for i, l := range r.Logs {
		out[i] = *l
	}
	return out
}

// TestTamperedReleasesFail: the audit compares the database's releases and release purchases with
// the chain, and names each changed row.
func TestTamperedReleasesFail(t *testing.T) {
	m := simchain.New(t, 6)
	const artist, fan = 1, 4
	t1 := m.Register(t, artist, 1_000_000, 2_000)
	t2 := m.Register(t, artist, 2_000_000, 0)
	release := m.RegisterRelease(t, artist, 2_500_000, "", t1, t2)
	m.Send(t, artist, nil, m.Contract.PackSetReleasePrice(big.NewInt(release), big.NewInt(2_400_000)))
	m.Commit()
	bought := m.BuyRelease(t, fan, release, common.Address{})
	m.Commit()
	m.Receipt(t, bought)
	forEachDB(t, func(t *testing.T, open func() database) {
		for _, tc := range []struct {
			name, sql, kind, message string
		}{
			{"price", "UPDATE releases SET price = '1'", audit.KindDifferent, "price is 1, the chain says 2400000"},
			{"listing", "UPDATE releases SET listed = FALSE", audit.KindDifferent, "listed is false"},
			{"tracks", "UPDATE release_tracks SET track_id = 3 WHERE position = 1", audit.KindDifferent, "tracks is [1 3], the chain says [1 2]"},
			{"missed purchase", "DELETE FROM release_purchases", audit.KindMissing, "not in release_purchases"},
			{"purchase amount", "UPDATE release_purchases SET amount = '7'", audit.KindDifferent, "7 wei"},
			{"missed release", "DELETE FROM releases", audit.KindMissing, "release 1 is not in releases"},
		} {
			t.Run(tc.name, func(t *testing.T) {
				db := open()
				indexInto(t, m, db.store, time.Now().UTC())
				if rep := run(t, m, db.store); !rep.OK() {
					t.Fatalf("the honest database fails: %+v", rep.Discrepancies)
				}
				db.exec(t, tc.sql)
				rep := run(t, m, db.store)
				if !reported(rep, audit.Discrepancy{Check: audit.CheckDBRelease, Kind: tc.kind, Message: tc.message}) {
					t.Errorf("after %q, want a %s discrepancy saying %q; got %+v", tc.sql, tc.kind, tc.message, rep.Discrepancies)
				}
			})
		}
	})
}

package audit_test

import (
	"context"
	"database/sql"
	"fmt"
	"math/big"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/core/types"
	"github.com/ethereum/go-ethereum/params"
	_ "github.com/glebarez/go-sqlite"
	_ "github.com/jackc/pgx/v5/stdlib"

	"github.com/bittunes/bittunes/internal/audit"
	"github.com/bittunes/bittunes/internal/store"
	"github.com/bittunes/bittunes/internal/tooling/pgtest"
	"github.com/bittunes/bittunes/internal/tooling/simchain"
)

func TestMain(m *testing.M) { pgtest.Main(m) }

func ethCall(m *simchain.Market, data []byte) ethereum.CallMsg {
	return ethereum.CallMsg{To: &m.Address, Data: data}
}

// honest is one market after a random workload, shared by the tests that only read it.
var honest struct {
	once  sync.Once
	m     *simchain.Market
	today time.Time
}

func honestMarket(t *testing.T) (*simchain.Market, time.Time) {
	honest.once.Do(func() {
		honest.m = simchain.New(sharedTB{t}, 30)
		honest.today = workload(t, honest.m, 42, 100)
	})
	if honest.m == nil {
		t.Fatal("building the shared market failed in an earlier test")
	}
	return honest.m, honest.today
}

// sharedTB keeps the shared market's backend open after the test that built it ends.
type sharedTB struct{ testing.TB }

func (sharedTB) Cleanup(func()) {}

// database is a fresh, migrated database of one dialect, and a raw connection to tamper with it.
type database struct {
	store  *store.Store
	raw    *sql.DB
	dollar bool // PostgreSQL's $1 parameters
}

func forEachDB(t *testing.T, f func(t *testing.T, open func() database)) {
	t.Run("sqlite", func(t *testing.T) {
		f(t, func() database {
			path := filepath.Join(t.TempDir(), "bittunes.db")
			return openDatabase(t, "sqlite:"+path, "sqlite", path)
		})
	})
	t.Run("postgres", func(t *testing.T) {
		f(t, func() database {
			dsn := pgtest.DSN(t)
			return openDatabase(t, dsn, "pgx", dsn)
		})
	})
}

func openDatabase(t *testing.T, dsn, driver, rawDSN string) database {
	t.Helper()
	s, err := store.Open(context.Background(), dsn)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	raw, err := sql.Open(driver, rawDSN)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { raw.Close() })
	return database{store: s, raw: raw, dollar: driver == "pgx"}
}

func (d database) exec(t *testing.T, query string, args ...any) {
	t.Helper()
	if d.dollar {
		query = dollarParams(query)
	}
	res, err := d.raw.Exec(query, args...)
	if err != nil {
		t.Fatalf("%s: %v", query, err)
	}
	if n, _ := res.RowsAffected(); n != 1 {
		t.Fatalf("%s changed %d rows, want 1", query, n)
	}
}

func dollarParams(q string) string {
	var b strings.Builder
	n := 0
	for _, r := range q {
		if r == '?' {
			n++
			fmt.Fprintf(&b, "$%d", n)
			continue
		}
		b.WriteRune(r)
	}
	return b.String()
}

func run(t *testing.T, m *simchain.Market, db audit.Database) *audit.Report {
	t.Helper()
	rep, err := audit.Run(context.Background(), m.Eth, db, audit.Config{Market: m.Address, FromBlock: m.DeployBlock, MaxRange: 7, TargetLogs: 20})
	if err != nil {
		t.Fatalf("audit: %v", err)
	}
	return rep
}

func TestHonestMarketPasses(t *testing.T) {
	m, today := honestMarket(t)
	forEachDB(t, func(t *testing.T, open func() database) {
		db := open()
		indexInto(t, m, db.store, today)
		rep := run(t, m, db.store)
		var text strings.Builder
		if err := rep.WriteText(&text); err != nil {
			t.Fatal(err)
		}
		if !rep.OK() {
			t.Fatalf("an honest market fails the audit:\n%s", text.String())
		}
		if rep.Sales < 80 || rep.Withdrawals == 0 || rep.Database == nil || rep.Database.ChartEntries == 0 || rep.Owed.IsZero() {
			t.Fatalf("the workload is too thin to mean anything:\n%s", text.String())
		}
		if !rep.Owed.Equal(rep.ContractBalance) {
			t.Errorf("owed %s, contract holds %s", rep.Owed, rep.ContractBalance)
		}
		snap, err := db.store.AuditSnapshot(context.Background(), simchain.ChainID, m.Address)
		if err != nil {
			t.Fatal(err)
		}
		scored := 0
		for _, e := range snap.Charts {
			if !e.Points.IsZero() {
				scored++
			}
		}
		if scored == 0 {
			t.Fatalf("no chart entry scores points (%d entries): the formula's points are not tested", len(snap.Charts))
		}
		t.Logf("\n%s", text.String())
	})
}

// tamperCase changes one row of an honest database; the audit must name it.
type tamperCase struct {
	name   string
	tamper func(t *testing.T, db database, s sample)
	want   func(s sample) audit.Discrepancy // the fields that must match one reported discrepancy
}

// sample is a few rows of the honest database to tamper with.
type sample struct {
	purchase store.AuditPurchase // a referred sale
	account  common.Address      // a payee
	chart    string
}

func TestTamperedDatabaseFails(t *testing.T) {
	m, today := honestMarket(t)
	cases := []tamperCase{
		{"purchase amount", func(t *testing.T, db database, s sample) {
			db.exec(t, "UPDATE purchases SET referrer_amount = '1' WHERE tx_hash = ? AND log_index = ?", hashText(s.purchase.TxHash), int(s.purchase.LogIndex))
		}, func(s sample) audit.Discrepancy {
			return audit.Discrepancy{Check: audit.CheckDBPurchase, Kind: audit.KindDifferent, TxHash: s.purchase.TxHash.Hex(), Message: "referrer_amount is 1"}
		}},
		{"missed event", func(t *testing.T, db database, s sample) {
			db.exec(t, "DELETE FROM purchases WHERE tx_hash = ? AND log_index = ?", hashText(s.purchase.TxHash), int(s.purchase.LogIndex))
		}, func(s sample) audit.Discrepancy {
			return audit.Discrepancy{Check: audit.CheckDBPurchase, Kind: audit.KindMissing, TxHash: s.purchase.TxHash.Hex()}
		}},
		{"account totals", func(t *testing.T, db database, s sample) {
			db.exec(t, "UPDATE account_totals SET credited = '123456789' WHERE account = ?", strings.ToLower(s.account.Hex()))
		}, func(s sample) audit.Discrepancy {
			return audit.Discrepancy{Check: audit.CheckDBAccount, Kind: audit.KindDifferent, Account: s.account.Hex(), Message: "credited 123456789"}
		}},
		{"ownership", func(t *testing.T, db database, s sample) {
			db.exec(t, "UPDATE purchases SET recipient = ? WHERE tx_hash = ? AND log_index = ?", "0x000000000000000000000000000000000000dead", hashText(s.purchase.TxHash), int(s.purchase.LogIndex))
		}, func(s sample) audit.Discrepancy {
			return audit.Discrepancy{Check: audit.CheckDBOwnership, Kind: audit.KindExtra, TrackID: s.purchase.TrackID, Account: "0x000000000000000000000000000000000000dEaD"}
		}},
		{"chart row", func(t *testing.T, db database, s sample) {
			db.exec(t, "UPDATE chart_entries SET sales = sales + 1 WHERE chart = ? AND period = 'all' AND rank = 2", s.chart)
		}, func(s sample) audit.Discrepancy {
			return audit.Discrepancy{Check: audit.CheckChart, Kind: audit.KindDifferent, Chart: s.chart, Period: "all", Rank: 2}
		}},
		{"chart points", func(t *testing.T, db database, s sample) {
			db.exec(t, "UPDATE chart_entries SET points = '7' WHERE chart = ? AND period = 'all' AND rank = 1", s.chart)
		}, func(s sample) audit.Discrepancy {
			return audit.Discrepancy{Check: audit.CheckChart, Kind: audit.KindDifferent, Chart: s.chart, Period: "all", Rank: 1, Message: "row is track"}
		}},
		{"inflated points", func(t *testing.T, db database, s sample) {
			// the chart ledger credits the track at rank 2 of the chart with more points than the chain
			// gives, and the charts are rebuilt from it
			db.exec(t, "UPDATE track_points SET points = '999999999999999999999' WHERE track_id = (SELECT track_id FROM chart_entries WHERE chart = ? AND period = 'all' AND rank = 2)", s.chart)
			if err := db.store.RebuildCharts(context.Background(), simchain.ChainID, today); err != nil {
				t.Fatal(err)
			}
		}, func(s sample) audit.Discrepancy {
			return audit.Discrepancy{Check: audit.CheckChart, Kind: audit.KindDifferent, Chart: s.chart, Period: "all", Rank: 1, Message: "999999999999999999999 points"}
		}},
	}
	forEachDB(t, func(t *testing.T, open func() database) {
		for _, tc := range cases {
			t.Run(tc.name, func(t *testing.T) {
				db := open()
				indexInto(t, m, db.store, today)
				s := pickSample(t, m, db.store)
				tc.tamper(t, db, s)
				rep := run(t, m, db.store)
				want := tc.want(s)
				if !reported(rep, want) {
					var text strings.Builder
					rep.WriteText(&text)
					t.Fatalf("want a discrepancy like %+v, got:\n%s", want, text.String())
				}
				for _, d := range rep.Discrepancies {
					if !strings.HasPrefix(d.Check, "db-") && d.Check != audit.CheckChart {
						t.Errorf("a database change made the chain check %q fail: %s", d.Check, d.Message)
					}
				}
			})
		}
	})
}

// pickSample picks a referred sale, a payee with credits and a genre chart with at least two rows.
func pickSample(t *testing.T, m *simchain.Market, s *store.Store) sample {
	t.Helper()
	snap, err := s.AuditSnapshot(context.Background(), simchain.ChainID, m.Address)
	if err != nil {
		t.Fatal(err)
	}
	var out sample
	for _, p := range snap.Purchases {
		if p.Referrer != (common.Address{}) && !p.ReferrerAmount.IsZero() {
			out.purchase = p
		}
	}
	out.account = m.Addr(2)
	rows := map[string]int{}
	for _, e := range snap.Charts {
		if e.Period == "all" {
			rows[e.Chart]++
		}
	}
	for chart, n := range rows {
		if n >= 2 && chart != "" && (out.chart == "" || chart < out.chart) {
			out.chart = chart
		}
	}
	if out.chart == "" {
		t.Fatalf("no genre chart with two rows: %v", rows)
	}
	if out.purchase.TxHash == (common.Hash{}) {
		t.Fatal("no referred sale in the workload")
	}
	return out
}

// reported reports whether rep has a discrepancy with want's non-empty fields (Message: a substring).
func reported(rep *audit.Report, want audit.Discrepancy) bool {
	for _, d := range rep.Discrepancies {
		if d.Check != want.Check || (want.Kind != "" && d.Kind != want.Kind) || (want.TxHash != "" && d.TxHash != want.TxHash) ||
			(want.Account != "" && d.Account != want.Account) || (want.TrackID != 0 && d.TrackID != want.TrackID) ||
			(want.Period != "" && (d.Chart != want.Chart || d.Period != want.Period || d.Rank != want.Rank)) ||
			!strings.Contains(d.Message, want.Message) {
			continue
		}
		return true
	}
	return false
}

// TestForcedETHFails: ETH forced into the market by SELFDESTRUCT (which calls no code of the
// receiver) is ETH the market holds but owes nobody: the audit must say the balances do not add up.
func TestForcedETHFails(t *testing.T) {
	m := simchain.New(t, 16)
	workload(t, m, 7, 12)
	if rep := run(t, m, nil); !rep.OK() {
		t.Fatalf("the market fails before anything was forced: %+v", rep.Discrepancies)
	}
	// Init code: PUSH20 <market> SELFDESTRUCT, sent with 12345 wei.
	initCode := append(append([]byte{0x73}, m.Address.Bytes()...), 0xff)
	deploy(t, m, 5, big.NewInt(12_345), initCode)

	rep := run(t, m, nil)
	if !reported(rep, audit.Discrepancy{Check: audit.CheckContractBalance, Account: m.Address.Hex(), Message: "12345 wei more than"}) {
		t.Fatalf("forced ETH not reported: %+v", rep.Discrepancies)
	}
	if len(rep.Discrepancies) != 1 {
		t.Errorf("want only the contract balance reported, got %+v", rep.Discrepancies)
	}
}

func TestStartAfterDeploymentIsRefused(t *testing.T) {
	m, _ := honestMarket(t)
	_, err := audit.Run(context.Background(), m.Eth, nil, audit.Config{Market: m.Address, FromBlock: m.DeployBlock + 5})
	if err == nil || !strings.Contains(err.Error(), "deployment") {
		t.Fatalf("got %v, want an error about the deployment block", err)
	}
}

func hashText(h common.Hash) string { return strings.ToLower(h.Hex()) }

// deploy sends a contract creation from account from and mines it, outside simchain's nonce cache.
func deploy(t *testing.T, m *simchain.Market, from int, value *big.Int, initCode []byte) common.Address {
	t.Helper()
	ctx := context.Background()
	nonce, err := m.Client.PendingNonceAt(ctx, m.Addr(from))
	if err != nil {
		t.Fatal(err)
	}
	head, err := m.Client.HeaderByNumber(ctx, nil)
	if err != nil {
		t.Fatal(err)
	}
	tip := big.NewInt(params.GWei)
	tx := types.MustSignNewTx(m.Keys[from], types.LatestSignerForChainID(big.NewInt(simchain.ChainID)), &types.DynamicFeeTx{
		ChainID: big.NewInt(simchain.ChainID), Nonce: nonce, GasTipCap: tip, GasFeeCap: new(big.Int).Add(new(big.Int).Mul(head.BaseFee, big.NewInt(2)), tip),
		Gas: 6_000_000, Value: value, Data: initCode,
	})
	if err := m.Client.SendTransaction(ctx, tx); err != nil {
		t.Fatal(err)
	}
	m.Commit()
	m.ForgetNonces()
	return m.Receipt(t, tx).ContractAddress
}

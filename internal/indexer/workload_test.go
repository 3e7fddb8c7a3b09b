package indexer_test

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"log/slog"
	"math/big"
	"math/rand/v2"
	"reflect"
	"sort"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/core/types"

	"github.com/bittunes/bittunes/internal/bindings"
	"github.com/bittunes/bittunes/internal/indexer"
	"github.com/bittunes/bittunes/internal/market"
	"github.com/bittunes/bittunes/internal/store"
	"github.com/bittunes/bittunes/internal/tooling/simchain"
)

// truth is what the test itself knows happened, kept apart from the indexer's code.
type truth struct {
	sales   map[int64]int      // track id → number of sales
	revenue map[int64]*big.Int // track id → wei
	owners  map[int64]map[common.Address]bool
}

func newTruth() *truth {
	return &truth{sales: map[int64]int{}, revenue: map[int64]*big.Int{}, owners: map[int64]map[common.Address]bool{}}
}

func (tr *truth) bought(id int64, to common.Address, price *big.Int) {
	tr.sales[id]++
	if tr.revenue[id] == nil {
		tr.revenue[id] = new(big.Int)
	}
	tr.revenue[id].Add(tr.revenue[id], price)
	if tr.owners[id] == nil {
		tr.owners[id] = map[common.Address]bool{}
	}
	tr.owners[id][to] = true
}

// workload drives a random but reproducible market: registrations (some with collaborators),
// purchases with and without referrers (eligible or not), gifts, price changes, delistings and
// withdrawals, a few transactions per block. Accounts: 0 operator, 1-3 artists, 4.. fans.
func workload(t *testing.T, m *simchain.Market, tr *truth, seed uint64, blocks int) {
	t.Helper()
	rng := rand.New(rand.NewPCG(seed, 1))
	fans := len(m.Keys) - 4
	ids := []int64{}
	for a := 1; a <= 3; a++ {
		var collabs []bindings.BittunesMarketCollaborator
		if a == 2 {
			collabs = []bindings.BittunesMarketCollaborator{{Account: m.Addr(3), Bps: 2_500}, {Account: m.Addr(4), Bps: 1_000}}
		}
		ids = append(ids, m.Register(t, a, int64(1_000_000+rng.IntN(1_000_000)), int64(rng.IntN(5_001)), collabs...))
	}
	// Artist 1's release of its first track and a new one, at a discount: bought whole, in part
	// (tracks owned are skipped) or not at all, alongside the single purchases.
	ids = append(ids, m.Register(t, 1, int64(1_000_000+rng.IntN(1_000_000)), int64(rng.IntN(5_001))))
	releaseTracks := []int64{ids[3], ids[0]}
	release := m.RegisterRelease(t, 1, int64(1_500_000+rng.IntN(1_000_000)), "", releaseTracks...)
	listed := map[int64]bool{ids[0]: true, ids[1]: true, ids[2]: true, ids[3]: true}
	for b := 0; b < blocks; b++ {
		pending := map[common.Address]map[int64]bool{} // owners made in this block, not yet in truth
		touched := map[int64]bool{}                    // tracks whose terms change in this block: not bought in it
		bought := map[int64]bool{}                     // tracks bought in this block: their terms do not change in it
		var sent []*types.Transaction
		for k := 0; k < 1+rng.IntN(4); k++ {
			switch op := rng.IntN(11); {
			case op == 10: // a release purchase, maybe referred
				buyer := 4 + rng.IntN(fans)
				to := m.Addr(buyer)
				var ref common.Address
				if rng.IntN(2) == 0 {
					ref = m.Addr(4 + rng.IntN(fans))
				}
				// Every track's price counts in the apportionment, owned or not: none may change in this block.
				buyable, some := true, false
				for _, id := range releaseTracks {
					buyable = buyable && !touched[id]
					if !tr.owners[id][to] {
						some = true
						buyable = buyable && listed[id] && !pending[to][id]
					}
				}
				if !buyable || !some {
					continue
				}
				q, err := market.NewReader(m.Client, m.Address).QuoteRelease(context.Background(), release, ref, to, to)
				if err != nil {
					t.Fatal(err)
				}
				sent = append(sent, m.Send(t, buyer, q.Amount, market.PackPurchaseRelease(m.Contract, big.NewInt(release), common.Address{}, ref, q.Terms)))
				if pending[to] == nil {
					pending[to] = map[int64]bool{}
				}
				for _, id := range releaseTracks {
					bought[id] = true
				}
				for _, tq := range q.Tracks {
					if !tq.Skipped {
						pending[to][tq.TrackID] = true
						tr.bought(tq.TrackID, to, tq.Amount)
					}
				}
			case op < 6: // purchase, maybe referred, maybe a gift
				id := ids[rng.IntN(len(ids))]
				buyer := 4 + rng.IntN(fans)
				recipient := buyer
				if rng.IntN(5) == 0 {
					recipient = 4 + rng.IntN(fans)
				}
				to := m.Addr(recipient)
				if !listed[id] || touched[id] || tr.owners[id][to] || pending[to][id] {
					continue
				}
				if id == ids[1] && (buyer == 4 || recipient == 4) {
					continue // fan 4 is a collaborator of that track: the contract refuses self-purchases
				}
				var ref common.Address
				if rng.IntN(3) > 0 {
					ref = m.Addr(4 + rng.IntN(fans))
				}
				price := m.Price(t, id)
				if recipient == buyer {
					sent = append(sent, m.Buy(t, buyer, id, ref))
				} else {
					sent = append(sent, m.Send(t, buyer, price, market.PackPurchase(m.Contract, big.NewInt(id), to, ref, market.AnyTerms)))
				}
				if pending[to] == nil {
					pending[to] = map[int64]bool{}
				}
				pending[to][id] = true
				bought[id] = true
				tr.bought(id, to, price)
			case op < 7: // an artist changes a price
				a := 1 + rng.IntN(3)
				if bought[ids[a-1]] {
					continue
				}
				touched[ids[a-1]] = true
				sent = append(sent, m.Send(t, a, nil, m.Contract.PackSetPrice(big.NewInt(ids[a-1]), big.NewInt(int64(500_000+rng.IntN(2_000_000))))))
			case op < 8: // delist or relist
				a := 1 + rng.IntN(3)
				id := ids[a-1]
				if bought[id] {
					continue
				}
				touched[id] = true
				listed[id] = !listed[id]
				sent = append(sent, m.Send(t, a, nil, m.Contract.PackSetListed(big.NewInt(id), listed[id])))
			case op < 9: // someone withdraws
				who := 1 + rng.IntN(len(m.Keys)-1)
				if m.BalanceOf(t, m.Addr(who)).Sign() > 0 {
					sent = append(sent, m.Send(t, who, nil, m.Contract.PackWithdraw()))
				}
			default: // a new track
				a := 1 + rng.IntN(3)
				ids = append(ids, m.Register(t, a, int64(100_000+rng.IntN(1_000_000)), int64(rng.IntN(5_001))))
				listed[ids[len(ids)-1]] = true
			}
		}
		m.Commit()
		// The truth above assumes each transaction was mined in this block and succeeded, in whatever
		// order the miner chose (it does not keep the order of sending across senders): hold it to that.
		for i, tx := range sent {
			r, err := m.Client.TransactionReceipt(context.Background(), tx.Hash())
			if err != nil {
				t.Fatalf("block %d, transaction %d of %d: not mined: %v", b, i, len(sent), err)
			}
			if r.Status != types.ReceiptStatusSuccessful {
				t.Fatalf("block %d, transaction %d of %d (index %d in the block): reverted", b, i, len(sent), r.TransactionIndex)
			}
		}
	}
}

// checkAgainstTruth compares the store's read models with the test's tally and the contract's views.
func checkAgainstTruth(t *testing.T, s *store.Store, m *simchain.Market, tr *truth) {
	t.Helper()
	snap, err := s.Snapshot(context.Background(), simchain.ChainID)
	if err != nil {
		t.Fatal(err)
	}
	var want []string
	for id, n := range tr.sales {
		want = append(want, fmt.Sprintf("%d sales=%d revenue=%s", id, n, tr.revenue[id]))
	}
	sort.Strings(want)
	var got []string
	for _, row := range snap.TrackStats {
		got = append(got, row[:strings.Index(row, " first=")])
	}
	sort.Strings(got)
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("track stats:\n got %v\nwant %v", got, want)
	}
	owners := 0
	for _, o := range tr.owners {
		owners += len(o)
	}
	t.Logf("checked %d tracks, %d purchases (%d release purchases), %d accounts, %d withdrawals", len(snap.TrackStats), len(snap.Purchases),
		len(snap.ReleasePurchases), len(snap.AccountTotals), len(snap.Withdrawals))
	if len(snap.Purchases) != owners {
		t.Errorf("purchases: got %d, want %d", len(snap.Purchases), owners)
	}
	checkBalances(t, s, m)
}

// checkBalances compares every account's credited − withdrawn, including accounts the indexer has
// no row for, with what the contract says it can withdraw.
func checkBalances(t *testing.T, s *store.Store, m *simchain.Market) {
	t.Helper()
	snap, err := s.Snapshot(context.Background(), simchain.ChainID)
	if err != nil {
		t.Fatal(err)
	}
	owed := map[common.Address]*big.Int{}
	for _, row := range snap.AccountTotals {
		var account, credited, withdrawn string
		fmt.Sscanf(strings.NewReplacer("credited=", "", "withdrawn=", "").Replace(row), "%s %s %s", &account, &credited, &withdrawn)
		c, _ := new(big.Int).SetString(credited, 10)
		w, _ := new(big.Int).SetString(withdrawn, 10)
		owed[common.HexToAddress(account)] = new(big.Int).Sub(c, w)
	}
	for i := range m.Keys {
		a := m.Addr(i)
		got := owed[a]
		if got == nil {
			got = new(big.Int)
		}
		if onChain := m.BalanceOf(t, a); got.Cmp(onChain) != 0 {
			t.Errorf("account %d (%s): indexer says %s owed, contract says %s", i, a.Hex(), got, onChain)
		}
	}
}

// runUntilCaughtUp steps the indexer until it reports it has caught up.
func runUntilCaughtUp(t *testing.T, ix *indexer.Indexer) {
	t.Helper()
	deadline := time.Now().Add(30 * time.Second)
	for time.Now().Before(deadline) {
		done, err := ix.Step(context.Background())
		if err != nil {
			t.Fatalf("step: %v", err)
		}
		if done {
			return
		}
	}
	t.Fatal("indexer did not catch up in 30 s")
}

func newIndexer(m *simchain.Market, s indexer.Store, chain indexer.Chain, window uint64) *indexer.Indexer {
	return indexer.New(indexer.Config{ChainID: simchain.ChainID, Contract: m.Address, DeployBlock: m.DeployBlock,
		ReorgWindow: window, MaxRange: 16, PollInterval: 20 * time.Millisecond, Logger: quietLogger()}, chain, s)
}

func quietLogger() *slog.Logger { return slog.New(slog.NewTextHandler(io.Discard, nil)) }

// sameSnapshots fails the test unless two databases hold the same read models.
func sameSnapshots(t *testing.T, got, want *store.Store) {
	t.Helper()
	a, err := got.Snapshot(context.Background(), simchain.ChainID)
	if err != nil {
		t.Fatal(err)
	}
	b, err := want.Snapshot(context.Background(), simchain.ChainID)
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(a, b) {
		ga, gb := fmt.Sprintf("%+v", a), fmt.Sprintf("%+v", b)
		i := 0
		for i < len(ga) && i < len(gb) && ga[i] == gb[i] {
			i++
		}
		t.Fatalf("read models differ at byte %d:\n got …%.300s\nwant …%.300s", i, ga[max(0, i-100):], gb[max(0, i-100):])
	}
	if len(b.Purchases) == 0 {
		t.Fatal("nothing to compare: no purchases")
	}
}

// cursorAt reports whether the store's cursor reached the chain's head.
func cursorAt(t *testing.T, s *store.Store, m *simchain.Market) bool {
	t.Helper()
	head, err := m.Client.BlockNumber(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	c, err := s.Cursor(context.Background(), simchain.ChainID, m.Address)
	return err == nil && c.BlockNumber == head
}

// lockedWriter serialises writes to a buffer shared with the test.
type lockedWriter struct {
	mu  *sync.Mutex
	buf *bytes.Buffer
}

func (w lockedWriter) Write(p []byte) (int, error) {
	w.mu.Lock()
	defer w.mu.Unlock()
	return w.buf.Write(p)
}

func bufferLogger(buf *bytes.Buffer, mu *sync.Mutex) *slog.Logger {
	return slog.New(slog.NewTextHandler(lockedWriter{mu, buf}, nil))
}

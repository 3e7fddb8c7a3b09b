package indexer_test

import (
	"context"
	"math/big"
	"reflect"
	"testing"

	"github.com/ethereum/go-ethereum"
	"github.com/ethereum/go-ethereum/common"

	"github.com/bittunes/bittunes/internal/indexer"
	"github.com/bittunes/bittunes/internal/store"
	"github.com/bittunes/bittunes/internal/tooling/simchain"
)

func TestBackfillMatchesTheChain(t *testing.T) {
	forEachDB(t, func(t *testing.T, open func() *store.Store) {
		m := simchain.New(t, 12)
		tr := newTruth()
		workload(t, m, tr, 1, 60)
		s := open()
		runUntilCaughtUp(t, newIndexer(m, s, m.Eth, 8))
		checkAgainstTruth(t, s, m, tr)
	})
}

// TestLogsReadThroughTheRPCConnection: through the simulated backend's ethclient (simchain's Eth),
// which offers its JSON-RPC connection, the indexer reads logs with its own parser, as it does in
// production; most tests index through it. The logs are those ethclient reads.
func TestLogsReadThroughTheRPCConnection(t *testing.T) {
	m := simchain.New(t, 12)
	workload(t, m, newTruth(), 3, 10)
	if _, ok := any(m.Eth).(indexer.RPCClient); !ok {
		t.Fatal("simchain's Eth does not offer its RPC connection")
	}
	ix := newIndexer(m, nil, m.Eth, 8)
	head, err := m.Client.BlockNumber(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	q := ethereum.FilterQuery{FromBlock: new(big.Int).SetUint64(m.DeployBlock), ToBlock: new(big.Int).SetUint64(head),
		Addresses: []common.Address{m.Address}}
	got, err := ix.FilterLogs(context.Background(), q)
	if err != nil {
		t.Fatal(err)
	}
	want, err := m.Client.FilterLogs(context.Background(), q)
	if err != nil {
		t.Fatal(err)
	}
	if len(want) < 10 || !reflect.DeepEqual(got, want) {
		t.Errorf("read %d logs through the RPC connection, ethclient %d; equal: %t", len(got), len(want), reflect.DeepEqual(got, want))
	}
}

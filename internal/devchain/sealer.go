package devchain

import (
	"time"

	"github.com/ethereum/go-ethereum/core"
	"github.com/ethereum/go-ethereum/core/txpool"
	"github.com/ethereum/go-ethereum/eth/catalyst"
	"github.com/ethereum/go-ethereum/event"
)

// idleRetry is how long the sealer waits before trying again when sealing
// left the head where it was although transactions are executable.
const idleRetry = 50 * time.Millisecond

// onDemandSealer seals a block as soon as transactions become executable: the
// period-0 mode of geth --dev. It does what the loop started by
// catalyst.RegisterSimulatedBeaconAPIs does, with one difference: it
// subscribes to the pool when it is created, before the node starts. The
// geth loop subscribes from a goroutine of its own, so on a loaded machine the
// first transaction sent after Start could become pending before that loop
// listened, and then stayed pending with the chain stuck at block 0 (a few
// times in a thousand test runs here).
//
// It is a node lifecycle; register it after the simulated beacon so that it
// stops first.
type onDemandSealer struct {
	beacon *catalyst.SimulatedBeacon
	pool   *txpool.TxPool
	chain  *core.BlockChain

	txs  chan core.NewTxsEvent
	sub  event.Subscription
	wake chan struct{} // capacity 1: pending work, coalesced
	quit chan struct{}
	done chan struct{} // closed once both goroutines have returned
}

func newOnDemandSealer(beacon *catalyst.SimulatedBeacon, pool *txpool.TxPool, chain *core.BlockChain) *onDemandSealer {
	s := &onDemandSealer{
		beacon: beacon,
		pool:   pool,
		chain:  chain,
		txs:    make(chan core.NewTxsEvent),
		wake:   make(chan struct{}, 1),
		quit:   make(chan struct{}),
		done:   make(chan struct{}),
	}
	s.sub = pool.SubscribeTransactions(s.txs, true)
	return s
}

// Start implements node.Lifecycle.
func (s *onDemandSealer) Start() error {
	sealed := make(chan struct{})
	go func() {
		defer close(sealed)
		s.sealLoop()
	}()
	go func() {
		s.listen()
		<-sealed
		close(s.done)
	}()
	return nil
}

// Stop implements node.Lifecycle. It waits for a block being sealed.
func (s *onDemandSealer) Stop() error {
	close(s.quit)
	<-s.done
	return nil
}

// listen turns transaction events into wake-ups. It must never block for
// long: the pool waits for it to take each event and sealing waits for the
// pool, so sealing happens on the other goroutine.
func (s *onDemandSealer) listen() {
	defer s.sub.Unsubscribe()
	defer close(s.wake)
	for {
		select {
		case <-s.txs:
			select {
			case s.wake <- struct{}{}:
			default: // a wake-up is already pending
			}
		case <-s.sub.Err():
			return
		case <-s.quit:
			return
		}
	}
}

// sealLoop seals blocks, each time it is woken, until no executable
// transaction is left.
func (s *onDemandSealer) sealLoop() {
	for range s.wake {
		for !s.stopping() && s.sealOnce() {
		}
	}
}

// sealOnce seals one block and reports whether executable transactions are
// left for another.
func (s *onDemandSealer) sealOnce() bool {
	before := s.chain.CurrentBlock().Hash()
	s.beacon.Commit() // logs its errors to go-ethereum's root logger
	if err := s.pool.Sync(); err != nil {
		return false // the pool has stopped
	}
	if executable, _ := s.pool.Stats(); executable == 0 {
		return false
	}
	if s.chain.CurrentBlock().Hash() == before {
		// Sealing failed or left the transactions out: don't spin.
		select {
		case <-s.quit:
		case <-time.After(idleRetry):
		}
	}
	return true
}

func (s *onDemandSealer) stopping() bool {
	select {
	case <-s.quit:
		return true
	default:
		return false
	}
}

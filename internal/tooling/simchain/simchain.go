// Package simchain runs the market contract on go-ethereum's simulated backend for tests: funded
// accounts, the market deployed from the committed bytecode, and helpers that register, buy and
// withdraw. Blocks are mined only on Commit, so a test decides what goes into which block, and the
// backend's Fork scripts a reorg.
package simchain

import (
	"context"
	"crypto/ecdsa"
	"fmt"
	"math/big"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/accounts/abi/bind/v2"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/core/types"
	"github.com/ethereum/go-ethereum/crypto"
	"github.com/ethereum/go-ethereum/ethclient"
	"github.com/ethereum/go-ethereum/ethclient/simulated"
	"github.com/ethereum/go-ethereum/params"

	"github.com/bittunes/bittunes/abi"
	"github.com/bittunes/bittunes/internal/bindings"
	"github.com/bittunes/bittunes/internal/market"
)

// ChainID is the simulated backend's chain id.
const ChainID = 1337

// FeeBps is the platform fee the market is deployed with.
const FeeBps = 500

// Market is a deployed market on a simulated chain. Account 0 is the operator and fee recipient.
type Market struct {
	Backend *simulated.Backend
	Client  simulated.Client
	// Eth is the same client as an *ethclient.Client, which also offers its JSON-RPC connection
	// (Client()) as the dev chain's and production's clients do; simulated.Client hides it.
	Eth         *ethclient.Client
	Address     common.Address
	DeployBlock uint64
	Keys        []*ecdsa.PrivateKey
	Contract    *bindings.Market
	// CallGas is the gas limit of each call to the market: 1 M unless a test raises it (registering
	// a track with seven collaborators takes about 1.4 M).
	CallGas  uint64
	instance *bind.BoundContract
	nonces   map[common.Address]uint64
	unmined  map[common.Address]uint64 // the senders since the last Commit: their next nonce
}

// New starts a simulated chain with n funded accounts (at least 1) and deploys the market.
func New(t testing.TB, n int) *Market {
	t.Helper()
	alloc := types.GenesisAlloc{}
	keys := make([]*ecdsa.PrivateKey, n)
	for i := range keys {
		keys[i] = deterministicKey(i)
		alloc[crypto.PubkeyToAddress(keys[i].PublicKey)] = types.Account{
			Balance: new(big.Int).Mul(big.NewInt(1_000_000), big.NewInt(params.Ether)),
		}
	}
	backend := simulated.NewBackend(alloc, simulated.WithBlockGasLimit(60_000_000))
	t.Cleanup(func() { backend.Close() })
	m := &Market{Backend: backend, Client: backend.Client(), Keys: keys, Contract: bindings.NewMarket(),
		CallGas: 1_000_000, nonces: map[common.Address]uint64{}, unmined: map[common.Address]uint64{}}
	m.Eth = ethClientOf(t, m.Client)
	ctor := m.Contract.PackConstructor(m.Addr(0), m.Addr(0), big.NewInt(FeeBps))
	tx := m.signed(t, 0, nil, nil, append(abi.MarketBytecode(), ctor...))
	m.Commit()
	receipt := m.Receipt(t, tx)
	m.Address, m.DeployBlock = receipt.ContractAddress, receipt.BlockNumber.Uint64()
	m.instance = m.Contract.Instance(m.Client, m.Address)
	return m
}

// Addr is account i's address.
func (m *Market) Addr(i int) common.Address { return crypto.PubkeyToAddress(m.Keys[i].PublicKey) }

// Send signs and sends a call to the market from account i without mining it; Commit mines.
func (m *Market) Send(t testing.TB, from int, value *big.Int, data []byte) *types.Transaction {
	t.Helper()
	return m.signed(t, from, &m.Address, value, data)
}

// Commit mines the transactions sent since the last Commit into a block and returns its hash.
//
// The backend's pool takes a transaction in at once but makes it pending (minable) in the
// background: a sender's second transaction in a block may not be pending yet when the block is
// built, and would be mined in a later block. So Commit first waits, for up to five seconds, until
// the pool counts every transaction sent since the last Commit as pending.
func (m *Market) Commit() common.Hash {
	for deadline := time.Now().Add(5 * time.Second); len(m.unmined) > 0 && time.Now().Before(deadline); {
		for sender, next := range m.unmined {
			if n, err := m.Client.PendingNonceAt(context.Background(), sender); err == nil && n >= next {
				delete(m.unmined, sender)
			}
		}
		if len(m.unmined) > 0 {
			time.Sleep(time.Millisecond)
		}
	}
	clear(m.unmined)
	return m.Backend.Commit()
}

// Receipt returns tx's receipt and fails the test unless it succeeded.
func (m *Market) Receipt(t testing.TB, tx *types.Transaction) *types.Receipt {
	t.Helper()
	r, err := m.Client.TransactionReceipt(context.Background(), tx.Hash())
	if err != nil {
		t.Fatalf("simchain: receipt of %s: %v", tx.Hash().Hex(), err)
	}
	if r.Status != types.ReceiptStatusSuccessful {
		t.Fatalf("simchain: transaction %s reverted", tx.Hash().Hex())
	}
	return r
}

// Register registers a track by account artist (price in wei) and mines it; it returns the track id.
func (m *Market) Register(t testing.TB, artist int, price int64, referralBps int64, collaborators ...bindings.BittunesMarketCollaborator) int64 {
	t.Helper()
	count := m.TrackCount(t)
	hash := crypto.Keccak256Hash([]byte(fmt.Sprintf("package %d", count+1)))
	tx := m.Send(t, artist, nil, m.Contract.PackRegister(big.NewInt(price), big.NewInt(referralBps), hash,
		fmt.Sprintf("ipfs://track/%d", count+1), collaborators))
	m.Commit()
	m.Receipt(t, tx)
	return count + 1
}

// Buy sends a purchase of trackID by account buyer through referrer (zero for none), at the
// track's current price, without mining it.
func (m *Market) Buy(t testing.TB, buyer int, trackID int64, referrer common.Address) *types.Transaction {
	t.Helper()
	return m.Send(t, buyer, m.Price(t, trackID), market.PackPurchase(m.Contract, big.NewInt(trackID), common.Address{}, referrer, market.AnyTerms))
}

// Price is a track's current price.
func (m *Market) Price(t testing.TB, trackID int64) *big.Int {
	t.Helper()
	info, err := bind.Call(m.instance, nil, m.Contract.PackTrack(big.NewInt(trackID)), m.Contract.UnpackTrack)
	if err != nil {
		t.Fatalf("simchain: track %d: %v", trackID, err)
	}
	return info.Price
}

// TrackCount is the number of registered tracks.
func (m *Market) TrackCount(t testing.TB) int64 {
	t.Helper()
	n, err := bind.Call(m.instance, nil, m.Contract.PackTrackCount(), m.Contract.UnpackTrackCount)
	if err != nil {
		t.Fatalf("simchain: trackCount: %v", err)
	}
	return n.Int64()
}

// BalanceOf is what account can withdraw from the market.
func (m *Market) BalanceOf(t testing.TB, account common.Address) *big.Int {
	t.Helper()
	b, err := bind.Call(m.instance, nil, m.Contract.PackBalanceOf(account), m.Contract.UnpackBalanceOf)
	if err != nil {
		t.Fatalf("simchain: balanceOf: %v", err)
	}
	return b
}

// Replace sends, from account from, a call that takes the nonce of old with twice its tip, so the
// pool drops old (after a Fork the backend puts orphaned transactions back into its pool).
func (m *Market) Replace(t testing.TB, old *types.Transaction, from int, value *big.Int, data []byte) *types.Transaction {
	t.Helper()
	m.nonces[m.Addr(from)] = old.Nonce()
	return m.sign(t, from, &m.Address, value, data, new(big.Int).Mul(old.GasTipCap(), big.NewInt(2)))
}

func (m *Market) signed(t testing.TB, from int, to *common.Address, value *big.Int, data []byte) *types.Transaction {
	t.Helper()
	return m.sign(t, from, to, value, data, big.NewInt(params.GWei))
}

func (m *Market) sign(t testing.TB, from int, to *common.Address, value *big.Int, data []byte, tip *big.Int) *types.Transaction {
	t.Helper()
	ctx := context.Background()
	sender := m.Addr(from)
	nonce, ok := m.nonces[sender]
	if !ok {
		n, err := m.Client.PendingNonceAt(ctx, sender)
		if err != nil {
			t.Fatalf("simchain: nonce: %v", err)
		}
		nonce = n
	}
	head, err := m.Client.HeaderByNumber(ctx, nil)
	if err != nil {
		t.Fatalf("simchain: head: %v", err)
	}
	feeCap := new(big.Int).Add(new(big.Int).Mul(head.BaseFee, big.NewInt(2)), tip)
	if value == nil {
		value = new(big.Int)
	}
	gas := m.CallGas
	if to == nil {
		gas = 6_000_000 // contract creation
	}
	tx := types.MustSignNewTx(m.Keys[from], types.LatestSignerForChainID(big.NewInt(ChainID)), &types.DynamicFeeTx{
		ChainID: big.NewInt(ChainID), Nonce: nonce, GasTipCap: tip, GasFeeCap: feeCap, Gas: gas,
		To: to, Value: value, Data: data,
	})
	// After a Fork the pool moves to the new head in the background: until it has, it still
	// judges nonces by the orphaned chain's state. Give it a few seconds to catch up.
	for deadline := time.Now().Add(5 * time.Second); ; time.Sleep(10 * time.Millisecond) {
		err := m.Client.SendTransaction(ctx, tx)
		if err == nil {
			break
		}
		if !strings.Contains(err.Error(), "nonce too low") || time.Now().After(deadline) {
			t.Fatalf("simchain: send: %v", err)
		}
	}
	m.nonces[sender] = nonce + 1
	m.unmined[sender] = max(m.unmined[sender], nonce+1)
	return tx
}

// ForgetNonces makes the next transactions ask the chain for nonces again (after a reorg).
func (m *Market) ForgetNonces() { m.nonces = map[common.Address]uint64{} }

// deterministicKey gives every test run the same accounts.
func deterministicKey(i int) *ecdsa.PrivateKey {
	key, err := crypto.ToECDSA(crypto.Keccak256([]byte(fmt.Sprintf("bittunes simchain account %d", i))))
	if err != nil {
		panic(err) // a keccak output is a valid key with overwhelming probability; never seen
	}
	return key
}

// ethClientOf returns the *ethclient.Client that a simulated.Client wraps (as its embedded field).
func ethClientOf(t testing.TB, c simulated.Client) *ethclient.Client {
	t.Helper()
	v := reflect.ValueOf(c)
	if v.Kind() == reflect.Struct {
		if f := v.FieldByName("Client"); f.IsValid() {
			if ec, ok := f.Interface().(*ethclient.Client); ok {
				return ec
			}
		}
	}
	t.Fatalf("simchain: the simulated client %T does not wrap an *ethclient.Client", c)
	return nil
}

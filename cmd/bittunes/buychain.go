package main

import (
	"context"
	"crypto/ecdsa"
	"errors"
	"fmt"
	"math/big"
	"strings"

	"github.com/ethereum/go-ethereum"
	"github.com/ethereum/go-ethereum/accounts/abi/bind/v2"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/common/hexutil"
	"github.com/ethereum/go-ethereum/core/types"
	"github.com/ethereum/go-ethereum/ethclient"
	"github.com/ethereum/go-ethereum/rpc"

	"github.com/bittunes/bittunes/internal/bindings"
	"github.com/bittunes/bittunes/internal/fanclient"
	"github.com/bittunes/bittunes/internal/market"
)

// marketChain is what buy needs of the chain: reads of the market contract, the buyer's balance,
// and a purchase sent and followed until it is mined.
type marketChain interface {
	owns(ctx context.Context, trackID int64, account common.Address) (bool, error)
	listed(ctx context.Context, trackID int64) (bool, error)
	quote(ctx context.Context, trackID int64, referrer, buyer common.Address) (market.Quote, error)
	balance(ctx context.Context, account common.Address) (*big.Int, error)
	send(ctx context.Context, key *ecdsa.PrivateKey, trackID int64, referrer common.Address, q market.Quote) (sentTx, error)
	wait(ctx context.Context, tx sentTx) (sale, error)
	close()
}

// sentTx is a purchase sent to the chain.
type sentTx struct {
	hash  common.Hash
	nonce uint64
	msg   ethereum.CallMsg // to replay it and read why it reverted
}

// sale is a mined purchase: its Purchased event.
type sale struct {
	bindings.MarketPurchased
	block   uint64
	gasUsed uint64
}

// rpcMarket is the market contract over JSON-RPC.
type rpcMarket struct {
	eth      *ethclient.Client
	chainID  *big.Int
	address  common.Address
	contract *bindings.Market
	instance *bind.BoundContract
	reader   *market.Reader
}

// dialMarket connects to the chain at rpcURL and checks that it is the chain of the track page's
// market.
func dialMarket(ctx context.Context, rpcURL string, page fanclient.Track) (*rpcMarket, error) {
	if !common.IsHexAddress(page.Market.Address) {
		return nil, fmt.Errorf("the market's track page names no contract address (%q)", page.Market.Address)
	}
	eth, err := ethclient.DialContext(ctx, rpcURL)
	if err != nil {
		return nil, fmt.Errorf("--rpc %s: %w", rpcURL, err)
	}
	id, err := eth.ChainID(ctx)
	if err != nil {
		eth.Close()
		return nil, fmt.Errorf("--rpc %s: chain id: %w", rpcURL, err)
	}
	if id.Uint64() != page.Market.ChainID {
		eth.Close()
		return nil, fmt.Errorf("--rpc %s serves chain %d, but the market is on chain %d", rpcURL, id, page.Market.ChainID)
	}
	address := common.HexToAddress(page.Market.Address)
	c := bindings.NewMarket()
	return &rpcMarket{eth: eth, chainID: id, address: address, contract: c, instance: c.Instance(eth, address),
		reader: market.NewReader(eth, address)}, nil
}

func (m *rpcMarket) close() { m.eth.Close() }

func (m *rpcMarket) owns(ctx context.Context, trackID int64, account common.Address) (bool, error) {
	return m.reader.Owns(ctx, trackID, account)
}

func (m *rpcMarket) listed(ctx context.Context, trackID int64) (bool, error) {
	t, err := bind.Call(m.instance, &bind.CallOpts{Context: ctx}, m.contract.PackTrack(big.NewInt(trackID)), m.contract.UnpackTrack)
	if err != nil {
		return false, m.explain(fmt.Errorf("market: track(%d): %w", trackID, err))
	}
	return t.Listed, nil
}

func (m *rpcMarket) quote(ctx context.Context, trackID int64, referrer, buyer common.Address) (market.Quote, error) {
	q, err := m.reader.Quote(ctx, trackID, referrer, buyer, buyer)
	return q, m.explain(err)
}

func (m *rpcMarket) balance(ctx context.Context, account common.Address) (*big.Int, error) {
	b, err := m.eth.BalanceAt(ctx, account, nil)
	if err != nil {
		return nil, fmt.Errorf("balance of %s: %w", account.Hex(), err)
	}
	return b, nil
}

// send checks the purchase with a call first, so that a purchase that would revert is explained
// and never sent, then signs and sends it.
func (m *rpcMarket) send(ctx context.Context, key *ecdsa.PrivateKey, trackID int64, referrer common.Address, q market.Quote) (sentTx, error) {
	from := addressOf(key)
	data := market.PackPurchase(m.contract, big.NewInt(trackID), common.Address{}, referrer, q.Terms())
	msg := ethereum.CallMsg{From: from, To: &m.address, Value: q.Price, Data: data}
	if _, err := m.eth.CallContract(ctx, msg, nil); err != nil {
		return sentTx{}, m.explain(fmt.Errorf("the purchase would fail: %w", err))
	}
	opts := bind.NewKeyedTransactor(key, m.chainID)
	opts.Context, opts.Value = ctx, q.Price
	tx, err := bind.Transact(m.instance, opts, data)
	if err != nil {
		if strings.Contains(err.Error(), "insufficient funds") {
			return sentTx{}, fmt.Errorf("insufficient funds: %s cannot pay %s wei plus gas: %w", from.Hex(), q.Price, err)
		}
		return sentTx{}, m.explain(fmt.Errorf("send the purchase: %w", err))
	}
	return sentTx{hash: tx.Hash(), nonce: tx.Nonce(), msg: msg}, nil
}

// wait follows the purchase until it is mined and returns its Purchased event, or why it reverted.
func (m *rpcMarket) wait(ctx context.Context, tx sentTx) (sale, error) {
	r, err := bind.WaitMined(ctx, m.eth, tx.hash)
	if err != nil {
		return sale{}, fmt.Errorf("transaction %s: %w (it may still be mined: look it up before buying again)", tx.hash.Hex(), err)
	}
	if r.Status != types.ReceiptStatusSuccessful {
		// Replayed on the state the block left, the call reverts for the same reason (a terms
		// change or a sale mined before it in the same block).
		_, err := m.eth.CallContract(ctx, tx.msg, r.BlockNumber)
		if err == nil {
			err = errors.New("reverted")
		}
		return sale{}, m.explain(fmt.Errorf("transaction %s, block %d: %w", tx.hash.Hex(), r.BlockNumber, err))
	}
	for _, l := range r.Logs {
		if l.Address != m.address {
			continue
		}
		if ev, err := m.contract.UnpackPurchasedEvent(l); err == nil {
			return sale{MarketPurchased: *ev, block: r.BlockNumber.Uint64(), gasUsed: r.GasUsed}, nil
		}
	}
	return sale{}, fmt.Errorf("transaction %s was mined in block %d without a Purchased event", tx.hash.Hex(), r.BlockNumber)
}

// explain turns a revert of the market contract into what it means to a buyer.
func (m *rpcMarket) explain(err error) error {
	if err == nil {
		return nil
	}
	var de rpc.DataError
	if !errors.As(err, &de) {
		return err
	}
	s, ok := de.ErrorData().(string)
	if !ok {
		return err
	}
	raw, derr := hexutil.Decode(s)
	if derr != nil || len(raw) < 4 {
		return err
	}
	e, uerr := m.contract.UnpackError(raw)
	if uerr != nil {
		return err
	}
	return revertMessage(e, err)
}

// revertMessage says what a market error means for a buyer; errors it does not know keep their text.
func revertMessage(e any, err error) error {
	switch e := e.(type) {
	case *bindings.MarketTermsChanged:
		return fmt.Errorf("the terms changed since the quote: the fee is %s bps (quoted at most %s), the referral share %s bps (quoted at least %s); nothing was paid: run buy again to see the new quote",
			e.FeeBps, e.MaxFeeBps, e.ReferralBps, e.MinReferralBps)
	case *bindings.MarketIncorrectPayment:
		return fmt.Errorf("the price of track %s changed to %s wei since the quote (%s sent); nothing was paid: run buy again", e.TrackId, e.Price, e.Sent)
	case *bindings.MarketAlreadyOwned:
		return fmt.Errorf("%s already owns track %s", e.Account.Hex(), e.TrackId)
	case *bindings.MarketTrackNotListed:
		return fmt.Errorf("track %s is not listed: its artist withdrew it from sale", e.TrackId)
	case *bindings.MarketUnknownTrack:
		return fmt.Errorf("the market contract has no track %s", e.TrackId)
	case *bindings.MarketSelfPurchase:
		return fmt.Errorf("%s is the artist or a collaborator of track %s: a sale to oneself is not a sale", e.Account.Hex(), e.TrackId)
	}
	return fmt.Errorf("%w (%T)", err, e)
}

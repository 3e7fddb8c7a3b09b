package market

import (
	"context"
	"fmt"
	"math/big"

	"github.com/ethereum/go-ethereum/accounts/abi/bind/v2"
	"github.com/ethereum/go-ethereum/common"

	"github.com/bittunes/bittunes/internal/bindings"
	"github.com/bittunes/bittunes/internal/wei"
)

// Reader reads the market contract's state directly: the on-chain truth the indexer's figures are
// shown beside.
type Reader struct {
	contract *bindings.Market
	instance *bind.BoundContract
}

// NewReader reads the market at address through caller (an ethclient.Client, for example).
func NewReader(caller bind.ContractBackend, address common.Address) *Reader {
	c := bindings.NewMarket()
	return &Reader{contract: c, instance: c.Instance(caller, address)}
}

// BalanceOf is what account can withdraw now.
func (r *Reader) BalanceOf(ctx context.Context, account common.Address) (wei.Amount, error) {
	b, err := bind.Call(r.instance, &bind.CallOpts{Context: ctx}, r.contract.PackBalanceOf(account), r.contract.UnpackBalanceOf)
	if err != nil {
		return wei.Amount{}, fmt.Errorf("market: balanceOf(%s): %w", account.Hex(), err)
	}
	return wei.New(b)
}

// Owns reports whether account owns trackID.
func (r *Reader) Owns(ctx context.Context, trackID int64, account common.Address) (bool, error) {
	ok, err := bind.Call(r.instance, &bind.CallOpts{Context: ctx}, r.contract.PackOwns(big.NewInt(trackID), account), r.contract.UnpackOwns)
	if err != nil {
		return false, fmt.Errorf("market: owns(%d, %s): %w", trackID, account.Hex(), err)
	}
	return ok, nil
}

// OwnsAt reports whether account owned trackID as of block (nil: the latest block).
func (r *Reader) OwnsAt(ctx context.Context, trackID int64, account common.Address, block *big.Int) (bool, error) {
	ok, err := bind.Call(r.instance, &bind.CallOpts{Context: ctx, BlockNumber: block}, r.contract.PackOwns(big.NewInt(trackID), account), r.contract.UnpackOwns)
	if err != nil {
		return false, fmt.Errorf("market: owns(%d, %s) at block %v: %w", trackID, account.Hex(), block, err)
	}
	return ok, nil
}

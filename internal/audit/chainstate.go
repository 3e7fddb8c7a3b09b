package audit

import (
	"context"
	"fmt"
	"math/big"
	"sync"

	"github.com/ethereum/go-ethereum"

	"github.com/bittunes/bittunes/internal/bindings"
)

// checkChainState compares the replayed state with the contract's own views at the audited head:
// every payee's balanceOf, feeConfig(), trackCount() and the market's ETH balance.
func checkChainState(ctx context.Context, chain Chain, cfg Config, block *big.Int, r *replay, rep *Report, report func(Discrepancy)) error {
	c := bindings.NewMarket()
	call := func(data []byte) ([]byte, error) {
		return chain.CallContract(ctx, ethereum.CallMsg{To: &cfg.Market, Data: data}, block)
	}

	accounts := r.accounts()
	balances := make([]*big.Int, len(accounts))
	errs := make([]error, len(accounts))
	var wg sync.WaitGroup
	sem := make(chan struct{}, cfg.Concurrency)
	for i, a := range accounts {
		wg.Add(1)
		sem <- struct{}{}
		go func() {
			defer func() { <-sem; wg.Done() }()
			out, err := call(c.PackBalanceOf(a))
			if err == nil {
				balances[i], err = c.UnpackBalanceOf(out)
			}
			if err != nil {
				errs[i] = fmt.Errorf("audit: balanceOf(%s) at block %s: %w", a.Hex(), block, err)
			}
		}()
	}
	wg.Wait()
	for i, a := range accounts {
		if errs[i] != nil {
			return errs[i]
		}
		if owed := r.owed(a); owed.Cmp(balances[i]) != 0 {
			report(Discrepancy{Check: CheckBalance, Account: a.Hex(), Block: block.Uint64(),
				Message: fmt.Sprintf("credited − withdrawn is %s wei, the contract's balanceOf says %s", owed, balances[i])})
		}
	}

	out, err := call(c.PackFeeConfig())
	if err != nil {
		return fmt.Errorf("audit: feeConfig() at block %s: %w", block, err)
	}
	fee, err := c.UnpackFeeConfig(out)
	if err != nil {
		return fmt.Errorf("audit: feeConfig(): %w", err)
	}
	if fee.Recipient != r.feeRecipient || !fee.Bps.IsUint64() || fee.Bps.Uint64() != uint64(r.feeBps) || fee.Accrued.Cmp(r.accrued) != 0 {
		report(Discrepancy{Check: CheckFeeConfig, Account: fee.Recipient.Hex(), Block: block.Uint64(),
			Message: fmt.Sprintf("feeConfig() is (%s, %s bps, %s accrued); the events say (%s, %d bps, %s accrued)",
				fee.Recipient.Hex(), fee.Bps, fee.Accrued, r.feeRecipient.Hex(), r.feeBps, r.accrued)})
	}

	out, err = call(c.PackTrackCount())
	if err != nil {
		return fmt.Errorf("audit: trackCount() at block %s: %w", block, err)
	}
	count, err := c.UnpackTrackCount(out)
	if err != nil {
		return fmt.Errorf("audit: trackCount(): %w", err)
	}
	if !count.IsInt64() || count.Int64() != r.trackCount {
		report(Discrepancy{Check: CheckEvent, Block: block.Uint64(),
			Message: fmt.Sprintf("trackCount() is %s, the events registered %d tracks", count, r.trackCount)})
	}

	eth, err := chain.BalanceAt(ctx, cfg.Market, block)
	if err != nil {
		return fmt.Errorf("audit: ETH balance of the market at block %s: %w", block, err)
	}
	rep.ContractBalance = amount(eth)
	owed := rep.Owed.BigInt()
	if d := new(big.Int).Sub(eth, owed); d.Sign() != 0 {
		what := "more"
		if d.Sign() < 0 {
			what, d = "less", d.Neg(d)
		}
		report(Discrepancy{Check: CheckContractBalance, Account: cfg.Market.Hex(), Block: block.Uint64(),
			Message: fmt.Sprintf("the market holds %s wei, %s wei %s than the %s wei it owes its payees", eth, d, what, owed)})
	}
	return nil
}

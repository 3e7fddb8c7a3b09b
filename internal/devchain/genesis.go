package devchain

import (
	"errors"
	"fmt"
	"math/big"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/core"
	"github.com/ethereum/go-ethereum/core/rawdb"
	"github.com/ethereum/go-ethereum/core/types"
	"github.com/ethereum/go-ethereum/node"
)

// chainDataName is the database directory name eth.New opens.
const chainDataName = "chaindata"

// newGenesis returns go-ethereum's developer genesis (all forks active from
// block 0, precompiles and system contracts such as the EIP-4788 beacon roots
// and EIP-2935 history contracts pre-deployed) with our chain id and each
// account funded with balance.
func newGenesis(chainID uint64, gasLimit uint64, accounts []Account, balance *big.Int) *core.Genesis {
	// DeveloperGenesisBlock copies the shared chain config, so setting
	// ChainID below does not touch params.AllDevChainProtocolChanges.
	genesis := core.DeveloperGenesisBlock(gasLimit, nil)
	genesis.Config.ChainID = new(big.Int).SetUint64(chainID)
	for _, a := range accounts {
		genesis.Alloc[a.Address] = types.Account{Balance: new(big.Int).Set(balance)}
	}
	return genesis
}

// storedGenesis returns the genesis of the chain already in the node's data
// directory; found is false for an in-memory node or an empty directory.
func storedGenesis(stack *node.Node) (genesis *core.Genesis, found bool, err error) {
	path := stack.ResolvePath(chainDataName)
	if path == "" || rawdb.PreexistingDatabase(path) == "" {
		return nil, false, nil
	}
	db, err := stack.OpenDatabaseWithOptions(chainDataName, node.DatabaseOptions{ReadOnly: true})
	if err != nil {
		return nil, false, fmt.Errorf("open %s: %w", path, err)
	}
	defer db.Close()
	if rawdb.ReadCanonicalHash(db, 0) == (common.Hash{}) {
		return nil, false, nil
	}
	genesis, err = core.ReadGenesis(db)
	if err != nil {
		return nil, false, fmt.Errorf("read genesis from %s: %w", path, err)
	}
	return genesis, true, nil
}

// checkStoredGenesis reports whether a stored genesis can be reused for cfg,
// and which of the accounts it does not fund.
func checkStoredGenesis(genesis *core.Genesis, cfg Config, accounts []Account) (unfunded []common.Address, err error) {
	cc := genesis.Config
	if cc == nil || cc.ChainID == nil {
		return nil, errors.New("stored genesis has no chain config")
	}
	if cc.ChainID.Cmp(new(big.Int).SetUint64(cfg.ChainID)) != 0 {
		return nil, fmt.Errorf("data dir holds chain id %s, config asks for %d", cc.ChainID, cfg.ChainID)
	}
	// The simulated beacon only works on a chain merged at genesis.
	if cc.TerminalTotalDifficulty == nil || cc.TerminalTotalDifficulty.Sign() != 0 {
		return nil, fmt.Errorf("data dir holds a chain that is not a development chain (terminal total difficulty %v)", cc.TerminalTotalDifficulty)
	}
	for _, a := range accounts {
		if alloc, ok := genesis.Alloc[a.Address]; !ok || alloc.Balance == nil || alloc.Balance.Sign() == 0 {
			unfunded = append(unfunded, a.Address)
		}
	}
	return unfunded, nil
}

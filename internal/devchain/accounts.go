package devchain

import (
	"crypto/ecdsa"
	"fmt"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/common/hexutil"
	"github.com/ethereum/go-ethereum/crypto"
)

// Account is a development account funded at genesis.
type Account struct {
	Address common.Address
	Key     *ecdsa.PrivateKey
}

// KeyHex returns the private key as 0x-prefixed, 32-byte hex, the form
// wallets import.
func (a Account) KeyHex() string {
	if a.Key == nil {
		return ""
	}
	return hexutil.Encode(crypto.FromECDSA(a.Key))
}

// MaxAccounts bounds the number of accounts DeriveAccounts and Start derive.
const MaxAccounts = 10_000

// DeriveAccounts derives the first count accounts of a BIP-39 mnemonic (no
// passphrase) along DerivationPath, as MetaMask, Hardhat and Anvil do.
func DeriveAccounts(mnemonic string, count int) ([]Account, error) {
	if count < 0 || count > MaxAccounts {
		return nil, fmt.Errorf("devchain: derive accounts: count %d not in [0, %d]", count, MaxAccounts)
	}
	seed, err := mnemonicSeed(mnemonic, "")
	if err != nil {
		return nil, fmt.Errorf("devchain: derive accounts: %w", err)
	}
	keys, err := deriveKeys(seed, count)
	if err != nil {
		return nil, fmt.Errorf("devchain: derive accounts: %w", err)
	}
	accounts := make([]Account, len(keys))
	for i, key := range keys {
		accounts[i] = Account{Address: crypto.PubkeyToAddress(key.PublicKey), Key: key}
	}
	return accounts, nil
}

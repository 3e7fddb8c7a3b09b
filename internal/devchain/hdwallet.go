package devchain

import (
	"crypto/ecdsa"
	"crypto/pbkdf2"
	"crypto/sha512"
	"errors"
	"fmt"
	"strings"

	"github.com/btcsuite/btcd/btcutil/v2/hdkeychain"
	"github.com/btcsuite/btcd/chaincfg/v2"
	"github.com/ethereum/go-ethereum/crypto"
	"golang.org/x/text/unicode/norm"
)

// DerivationPath is the BIP-44 path of the accounts: account i is
// DerivationPath/i, the path MetaMask, Hardhat and Anvil use.
const DerivationPath = "m/44'/60'/0'/0"

// mnemonicSeed turns a BIP-39 mnemonic and passphrase into the 64-byte seed:
// PBKDF2-HMAC-SHA512 over the NFKD-normalised sentence, 2048 iterations, salt
// "mnemonic"+passphrase. Words may be separated by any white space. The words
// are not checked against the BIP-39 word list.
func mnemonicSeed(mnemonic, passphrase string) ([]byte, error) {
	words := strings.Fields(norm.NFKD.String(mnemonic))
	switch len(words) {
	case 12, 15, 18, 21, 24:
	default:
		return nil, fmt.Errorf("mnemonic has %d words, want 12, 15, 18, 21 or 24", len(words))
	}
	sentence := strings.Join(words, " ")
	salt := "mnemonic" + norm.NFKD.String(passphrase)
	return pbkdf2.Key(sha512.New, sentence, []byte(salt), 2048, 64)
}

// deriveKeys derives the private keys DerivationPath/0 … DerivationPath/count-1
// from a BIP-32 seed.
func deriveKeys(seed []byte, count int) ([]*ecdsa.PrivateKey, error) {
	// The network only selects the version bytes of serialised extended
	// keys, which are never serialised here.
	parent, err := hdkeychain.NewMaster(seed, &chaincfg.MainNetParams)
	if err != nil {
		return nil, fmt.Errorf("master key: %w", err)
	}
	accountPath := [...]uint32{ // DerivationPath as child indexes
		hdkeychain.HardenedKeyStart + 44, // purpose: BIP-44
		hdkeychain.HardenedKeyStart + 60, // coin type: ether
		hdkeychain.HardenedKeyStart + 0,  // account 0
		0,                                // external chain
	}
	for _, index := range accountPath {
		if parent, err = parent.Derive(index); err != nil {
			return nil, fmt.Errorf("derive %s: %w", DerivationPath, err)
		}
	}
	keys := make([]*ecdsa.PrivateKey, 0, count)
	for i := range count {
		key, err := childKey(parent, i)
		if err != nil {
			return nil, fmt.Errorf("derive %s/%d: %w", DerivationPath, i, err)
		}
		keys = append(keys, key)
	}
	return keys, nil
}

// childKey derives the non-hardened child i of parent as a go-ethereum key.
func childKey(parent *hdkeychain.ExtendedKey, i int) (*ecdsa.PrivateKey, error) {
	if i < 0 || uint64(i) >= hdkeychain.HardenedKeyStart {
		return nil, errors.New("index out of range")
	}
	child, err := parent.Derive(uint32(i))
	if err != nil {
		return nil, err
	}
	priv, err := child.ECPrivKey()
	if err != nil {
		return nil, err
	}
	// Serialize pads to 32 bytes; crypto.ToECDSA puts the key on
	// go-ethereum's curve so that signing uses go-ethereum's code.
	return crypto.ToECDSA(priv.Serialize())
}

package devchain

import (
	"encoding/hex"
	"strings"
	"testing"
)

// TestDeriveAccounts checks the keys Hardhat and Anvil print for their
// default mnemonic, and the ethers.js vector for "abandon … about". Account
// 2's key is 0x5de4…cdab365a, as Hardhat prints it; its address checks it
// (a key ending …e84d8ee6 that was once noted for it belongs to 0x1331f4…).
func TestDeriveAccounts(t *testing.T) {
	tests := []struct {
		name     string
		mnemonic string
		index    int
		address  string
		key      string
	}{
		{"hardhat 0", DefaultMnemonic, 0,
			"0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266", "0xac0974bec39a17e36ba4a6b4d238ff944bacb478cbed5efcae784d7bf4f2ff80"},
		{"hardhat 1", DefaultMnemonic, 1,
			"0x70997970C51812dc3A010C7d01b50e0d17dc79C8", "0x59c6995e998f97a5a0044966f0945389dc9e86dae88c7a8412f4603b6b78690d"},
		{"hardhat 2", DefaultMnemonic, 2,
			"0x3C44CdDdB6a900fa2b585dd299e03d12FA4293BC", "0x5de4111afa1a4b94908f83103eb1f1706367c2e68ca870fc3fb9a804cdab365a"},
		{"hardhat 9", DefaultMnemonic, 9,
			"0xa0Ee7A142d267C1f36714E4a8F75612F20a79720", "0x2a871d0798f97d79848a013d4936a73bf4cc922c825d33c1cf7073dff6d409c6"},
		{"extra white space", "  test test test test test test\ttest test test test test   junk\n", 0,
			"0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266", "0xac0974bec39a17e36ba4a6b4d238ff944bacb478cbed5efcae784d7bf4f2ff80"},
		{"abandon about", "abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon about", 0,
			"0x9858EfFD232B4033E47d90003D41EC34EcaEda94", "0x1ab42cc412b618bdea3a599e3c9bae199ebf030895b039e9db1e30dafb12b727"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			accounts, err := DeriveAccounts(tt.mnemonic, tt.index+1)
			if err != nil {
				t.Fatalf("DeriveAccounts: %v", err)
			}
			if got, want := len(accounts), tt.index+1; got != want {
				t.Fatalf("got %d accounts, want %d", got, want)
			}
			a := accounts[tt.index]
			if got := a.Address.Hex(); got != tt.address {
				t.Errorf("address: got %s, want %s", got, tt.address)
			}
			if got := a.KeyHex(); got != tt.key {
				t.Errorf("key: got %s, want %s", got, tt.key)
			}
		})
	}
}

// TestMnemonicSeed checks the BIP-39 seed against the reference vector
// (trezor/python-mnemonic vectors.json, passphrase "TREZOR").
func TestMnemonicSeed(t *testing.T) {
	mnemonic := "abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon about"
	want := "c55257c360c07c72029aebc1b53c05ed0362ada38ead3e3e9efa3708e53495531f09a6987599d18264c1e1c92f2cf141630c7a3c4ab7c81b2f001698e7463b04"
	seed, err := mnemonicSeed(mnemonic, "TREZOR")
	if err != nil {
		t.Fatalf("mnemonicSeed: %v", err)
	}
	if got := hex.EncodeToString(seed); got != want {
		t.Errorf("got %s, want %s", got, want)
	}
}

func TestDeriveAccountsErrors(t *testing.T) {
	tests := []struct {
		name     string
		mnemonic string
		count    int
		want     string
	}{
		{"empty mnemonic", "", 1, "0 words"},
		{"eleven words", "test test test test test test test test test test junk", 1, "11 words"},
		{"negative count", DefaultMnemonic, -1, "count -1"},
		{"too many", DefaultMnemonic, MaxAccounts + 1, "count 10001"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := DeriveAccounts(tt.mnemonic, tt.count)
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("got error %v, want one containing %q", err, tt.want)
			}
		})
	}
}

func TestKeyHexOfEmptyAccount(t *testing.T) {
	if got := (Account{}).KeyHex(); got != "" {
		t.Errorf("got %q, want empty", got)
	}
}

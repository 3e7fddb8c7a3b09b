package store

import (
	"strings"
	"testing"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/crypto"
)

func TestStoredHexIsLowercaseHex(t *testing.T) {
	for i := range 100 {
		h := crypto.Keccak256Hash([]byte{byte(i)})
		a := common.BytesToAddress(h[12:])
		if got, want := addressText(a), strings.ToLower(a.Hex()); got != want {
			t.Errorf("addressText = %s, want %s", got, want)
		}
		if got, want := hashText(h), h.Hex(); got != want {
			t.Errorf("hashText = %s, want %s", got, want)
		}
	}
}

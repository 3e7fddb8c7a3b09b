package devchain

import (
	"math/big"
	"strings"
	"testing"
	"time"
)

func TestInvalidConfig(t *testing.T) {
	tests := []struct {
		name string
		cfg  Config
		want string
	}{
		{"http port", Config{HTTPPort: 70000}, "http port"},
		{"ws port", Config{WSPort: -1}, "ws port"},
		{"accounts", Config{Accounts: -2}, "accounts"},
		{"balance", Config{Balance: big.NewInt(-1)}, "balance"},
		{"fractional period", Config{BlockPeriod: 1500 * time.Millisecond}, "block period"},
		{"gas limit", Config{GasLimit: 100}, "gas limit"},
		{"mnemonic", Config{Mnemonic: "too short"}, "words"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			chain, err := Start(t.Context(), tt.cfg)
			if err == nil {
				chain.Stop()
				t.Fatal("Start succeeded")
			}
			if !strings.Contains(err.Error(), tt.want) {
				t.Errorf("got %v, want an error about %s", err, tt.want)
			}
		})
	}
}

func TestDefaultConfigMatchesZeroDefaults(t *testing.T) {
	got, err := DefaultConfig().withDefaults()
	if err != nil {
		t.Fatal(err)
	}
	zero, err := Config{}.withDefaults()
	if err != nil {
		t.Fatal(err)
	}
	if got.HTTPPort != DefaultHTTPPort || got.WSPort != DefaultWSPort {
		t.Errorf("DefaultConfig ports %d/%d, want %d/%d", got.HTTPPort, got.WSPort, DefaultHTTPPort, DefaultWSPort)
	}
	if zero.HTTPPort != 0 || zero.WSPort != 0 {
		t.Errorf("zero Config ports %d/%d, want 0/0 (free ports)", zero.HTTPPort, zero.WSPort)
	}
	if got.ChainID != zero.ChainID || got.Mnemonic != zero.Mnemonic || got.Accounts != zero.Accounts ||
		got.Balance.Cmp(zero.Balance) != 0 || got.GasLimit != zero.GasLimit || got.HTTPHost != zero.HTTPHost {
		t.Errorf("DefaultConfig %+v and defaulted zero Config %+v differ beyond ports", got, zero)
	}
	if want := ether(DefaultBalanceEther); got.Balance.Cmp(want) != 0 {
		t.Errorf("default balance %s, want %s", got.Balance, want)
	}
}

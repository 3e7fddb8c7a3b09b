package bindings_test

import (
	"context"
	"math/big"
	"os"
	"testing"

	"github.com/ethereum/go-ethereum/accounts/abi/abigen"
	"github.com/ethereum/go-ethereum/accounts/abi/bind/v2"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/core/types"
	"github.com/ethereum/go-ethereum/crypto"
	"github.com/ethereum/go-ethereum/ethclient/simulated"
	"github.com/ethereum/go-ethereum/params"

	"github.com/bittunes/bittunes/internal/bindings"
)

// TestBindingsAreRegenerated fails when market.go is not what `go generate` would write from abi/
// (the same call abigen's command line makes with --v2 --abi --bin --pkg --type).
func TestBindingsAreRegenerated(t *testing.T) {
	abiJSON, err := os.ReadFile("../../abi/BittunesMarket.abi.json")
	if err != nil {
		t.Fatal(err)
	}
	bin, err := os.ReadFile("../../abi/BittunesMarket.bin")
	if err != nil {
		t.Fatal(err)
	}
	want, err := abigen.BindV2([]string{"Market"}, []string{string(abiJSON)}, []string{string(bin)}, "bindings", map[string]string{}, map[string]string{})
	if err != nil {
		t.Fatal(err)
	}
	got, err := os.ReadFile("market.go")
	if err != nil {
		t.Fatal(err)
	}
	if string(got) != want {
		t.Fatal("internal/bindings/market.go is stale: run `go generate ./internal/bindings` and commit it")
	}
}

// TestPurchaseOnSimulatedBackend deploys the market through the bindings and runs a referred purchase.
func TestPurchaseOnSimulatedBackend(t *testing.T) {
	ctx := context.Background()
	keys := make([]*bind.TransactOpts, 4) // operator, artist, alice, bob
	alloc := types.GenesisAlloc{}
	sim := func() *simulated.Backend {
		for i := range keys {
			key, _ := crypto.GenerateKey()
			keys[i] = bind.NewKeyedTransactor(key, big.NewInt(1337))
			alloc[keys[i].From] = types.Account{Balance: new(big.Int).Mul(big.NewInt(100), big.NewInt(params.Ether))}
		}
		return simulated.NewBackend(alloc)
	}()
	defer sim.Close()
	client := sim.Client()
	operator, artist, alice, bob := keys[0], keys[1], keys[2], keys[3]

	m := bindings.NewMarket()
	address, _, err := bind.DeployContract(operator, common.FromHex(bindings.MarketMetaData.Bin), client, m.PackConstructor(operator.From, operator.From, big.NewInt(500)))
	if err != nil {
		t.Fatalf("deploy: %v", err)
	}
	sim.Commit()
	market := m.Instance(client, address)

	price := big.NewInt(1e16)
	transact := func(opts *bind.TransactOpts, value *big.Int, data []byte) *types.Receipt {
		t.Helper()
		o := *opts
		o.Value = value
		tx, err := bind.Transact(market, &o, data)
		if err != nil {
			t.Fatalf("transact: %v", err)
		}
		sim.Commit()
		receipt, err := bind.WaitMined(ctx, client, tx.Hash())
		if err != nil || receipt.Status != types.ReceiptStatusSuccessful {
			t.Fatalf("receipt: %v, status %d", err, receipt.Status)
		}
		return receipt
	}
	hash := crypto.Keccak256Hash([]byte("package"))
	transact(artist, nil, m.PackRegister(price, big.NewInt(2000), hash, "ipfs://meta", nil))
	transact(alice, price, m.PackPurchase(big.NewInt(1), common.Address{}, 500, 2000))
	receipt := transact(bob, price, m.PackPurchase(big.NewInt(1), alice.From, 500, 2000))

	var sale *bindings.MarketPurchased
	for _, l := range receipt.Logs {
		if ev, err := m.UnpackPurchasedEvent(l); err == nil {
			sale = ev
		}
	}
	if sale == nil {
		t.Fatal("no Purchased event")
	}
	fee := new(big.Int).Div(price, big.NewInt(20))
	referral := new(big.Int).Div(price, big.NewInt(5))
	artistAmount := new(big.Int).Sub(new(big.Int).Sub(price, fee), referral)
	for _, c := range []struct {
		name      string
		got, want any
	}{
		{"referrer", sale.Referrer, alice.From},
		{"recipient", sale.Recipient, bob.From},
		{"buyer", sale.Buyer, bob.From},
		{"fee", sale.FeeAmount.String(), fee.String()},
		{"referral", sale.ReferrerAmount.String(), referral.String()},
		{"artist", sale.ArtistAmount.String(), artistAmount.String()},
	} {
		if c.got != c.want {
			t.Errorf("%s: got %v, want %v", c.name, c.got, c.want)
		}
	}

	owns, err := bind.Call(market, nil, m.PackOwns(big.NewInt(1), bob.From), m.UnpackOwns)
	if err != nil || !owns {
		t.Fatalf("owns(1, bob) = %v, %v; want true", owns, err)
	}
	balance, err := bind.Call(market, nil, m.PackBalanceOf(alice.From), m.UnpackBalanceOf)
	if err != nil || balance.Cmp(referral) != 0 {
		t.Fatalf("balanceOf(alice) = %v, %v; want %v", balance, err, referral)
	}
}

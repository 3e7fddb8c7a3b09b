package verify_test

import (
	"bytes"
	"context"
	"math/big"
	"strings"
	"testing"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/core/types"
	"github.com/ethereum/go-ethereum/params"

	"github.com/bittunes/bittunes/abi"
	"github.com/bittunes/bittunes/internal/tooling/simchain"
	"github.com/bittunes/bittunes/internal/verify"
)

func TestTheDeployedMarketIsThisSource(t *testing.T) {
	m := simchain.New(t, 2)
	r, err := verify.Market(context.Background(), m.Client, m.Address)
	if err != nil {
		t.Fatal(err)
	}
	if !r.CodeMatches || !r.MetadataMatches || r.HasImmutables || r.FirstDifference != -1 {
		t.Fatalf("the market deployed from abi/ does not verify: %+v", r)
	}
	if !strings.HasPrefix(r.DeployedMetadata, "ipfs://Qm") || r.Solc != "0.8.37" {
		t.Errorf("metadata %q, solc %q; want an ipfs://Qm… hash and 0.8.37", r.DeployedMetadata, r.Solc)
	}
}

func TestAnotherContractIsRejected(t *testing.T) {
	m := simchain.New(t, 2)
	runtime := abi.MarketRuntimeBytecode()
	exec, _, _ := verify.SplitMetadata(runtime)

	changed := bytes.Clone(runtime)
	changed[len(exec)/2] ^= 0x01 // one byte of the executable code
	r, err := verify.Market(context.Background(), m.Client, deployRuntime(t, m, changed))
	if err != nil {
		t.Fatal(err)
	}
	if r.CodeMatches || r.FirstDifference != len(exec)/2 {
		t.Errorf("a changed contract verifies: %+v", r)
	}

	// Something else entirely: a contract that only returns.
	r, err = verify.Market(context.Background(), m.Client, deployRuntime(t, m, []byte{0x00}))
	if err != nil {
		t.Fatal(err)
	}
	if r.CodeMatches || r.MetadataMatches {
		t.Errorf("STOP verifies as the market: %+v", r)
	}

	if _, err := verify.Market(context.Background(), m.Client, common.HexToAddress("0x1234")); err == nil {
		t.Error("an address without code verifies")
	}
}

// TestSameCodeOtherSource: the executable code of this source with another metadata hash (the same
// contract compiled from source files that differ in comments or paths) is a partial match.
func TestSameCodeOtherSource(t *testing.T) {
	m := simchain.New(t, 2)
	runtime := bytes.Clone(abi.MarketRuntimeBytecode())
	_, meta, ok := verify.SplitMetadata(runtime)
	if !ok || len(meta.IPFS) != 34 {
		t.Fatalf("the compiled market carries no IPFS metadata hash: %+v", meta)
	}
	runtime[len(runtime)-2-len(meta.Raw)+10] ^= 0xff // a byte of the IPFS hash
	r, err := verify.Market(context.Background(), m.Client, deployRuntime(t, m, runtime))
	if err != nil {
		t.Fatal(err)
	}
	if !r.CodeMatches || r.MetadataMatches || r.DeployedMetadata == r.ExpectedMetadata {
		t.Errorf("want the code to match and the metadata not: %+v", r)
	}
}

func TestImmutablesAreComparedApart(t *testing.T) {
	compiled := []byte{0x60, 0x01, 0x7f, 0, 0, 0, 0, 0x56}
	deployed := []byte{0x60, 0x01, 0x7f, 0, 0, 0xbe, 0xef, 0x56}
	r := verify.Compare(deployed, compiled, []verify.Range{{Start: 3, Length: 4}})
	if !r.CodeMatches || len(r.Immutables) != 1 || r.Immutables[0].Value != "0x0000beef" {
		t.Errorf("with the immutable left out: %+v", r)
	}
	deployed[1] = 0x02
	if r := verify.Compare(deployed, compiled, []verify.Range{{Start: 3, Length: 4}}); r.CodeMatches || r.FirstDifference != 1 {
		t.Errorf("a difference outside the immutable: %+v", r)
	}
}

func FuzzSplitMetadata(f *testing.F) {
	f.Add(abi.MarketRuntimeBytecode())
	f.Add([]byte{0xa1, 0x64, 's', 'o', 'l', 'c', 0x43, 0, 8, 37, 0x00, 0x0a})
	f.Add([]byte{0x00, 0x01})
	f.Fuzz(func(t *testing.T, code []byte) {
		exec, meta, ok := verify.SplitMetadata(code)
		if !ok {
			if !bytes.Equal(exec, code) {
				t.Error("no metadata, yet the code was cut")
			}
			return
		}
		if len(exec)+len(meta.Raw)+2 != len(code) || !bytes.HasPrefix(code, exec) {
			t.Errorf("split %d bytes into %d + %d + 2", len(code), len(exec), len(meta.Raw))
		}
		_ = meta.String()
	})
}

// deployRuntime deploys code as a contract's runtime code (behind a loader that copies it out).
func deployRuntime(t *testing.T, m *simchain.Market, runtime []byte) common.Address {
	t.Helper()
	n := len(runtime)
	// PUSH2 n, DUP1, PUSH2 13, PUSH1 0, CODECOPY, PUSH1 0, RETURN: 13 bytes, then the runtime code.
	loader := []byte{0x61, byte(n >> 8), byte(n), 0x80, 0x61, 0x00, 0x0d, 0x60, 0x00, 0x39, 0x60, 0x00, 0xf3}
	ctx := context.Background()
	from := m.Addr(1)
	nonce, err := m.Client.PendingNonceAt(ctx, from)
	if err != nil {
		t.Fatal(err)
	}
	head, err := m.Client.HeaderByNumber(ctx, nil)
	if err != nil {
		t.Fatal(err)
	}
	tip := big.NewInt(params.GWei)
	tx := types.MustSignNewTx(m.Keys[1], types.LatestSignerForChainID(big.NewInt(simchain.ChainID)), &types.DynamicFeeTx{
		ChainID: big.NewInt(simchain.ChainID), Nonce: nonce, GasTipCap: tip,
		GasFeeCap: new(big.Int).Add(new(big.Int).Mul(head.BaseFee, big.NewInt(2)), tip), Gas: 10_000_000,
		Data: append(loader, runtime...),
	})
	if err := m.Client.SendTransaction(ctx, tx); err != nil {
		t.Fatal(err)
	}
	m.Commit()
	return m.Receipt(t, tx).ContractAddress
}

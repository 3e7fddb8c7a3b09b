package ignition_test

import (
	"errors"
	"os"
	"path/filepath"
	"testing"

	"github.com/ethereum/go-ethereum/common"

	"github.com/bittunes/bittunes/internal/ignition"
)

// testdata/chain-1337 is what `npx hardhat ignition deploy ignition/modules/BittunesMarket.js
// --network target` wrote when deploying to a `bittunes dev` chain (the deployment waited for its
// five confirmations).
func TestReadARealDeployment(t *testing.T) {
	got, err := ignition.Read("testdata/chain-1337")
	if err != nil {
		t.Fatal(err)
	}
	want := ignition.Deployment{ChainID: 1337, Market: common.HexToAddress("0x8464135c8F25Da09e49BC8782676a84730C318bC"),
		TxHash: common.HexToHash("0xce1abbf9764b4c140c9deff000ac0af0cf500323e057830e3ce7b310e4aab50e"), Block: 2}
	if got != want {
		t.Errorf("got %+v\nwant %+v", got, want)
	}
}

func TestWithoutAConfirmationTheTransactionIsNamed(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "chain-10")
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	write := func(name, content string) {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write("deployed_addresses.json", `{"Market#BittunesMarket": "0x00000000000000000000000000000000000000aa"}`)
	write("journal.jsonl", "\n"+`{"futureId":"Market#BittunesMarket","networkInteractionId":1,"nonce":0,"transaction":{"hash":"0x00000000000000000000000000000000000000000000000000000000000000bb"},"type":"TRANSACTION_SEND"}`)
	got, err := ignition.Read(dir)
	if err != nil {
		t.Fatal(err)
	}
	want := ignition.Deployment{ChainID: 10, Market: common.HexToAddress("0xaa"), TxHash: common.HexToHash("0xbb")}
	if got != want {
		t.Errorf("got %+v, want %+v", got, want)
	}
}

func TestParseRefuses(t *testing.T) {
	tests := []struct {
		name, addresses, journal string
	}{
		{"no market", `{"Other#Thing": "0x00000000000000000000000000000000000000aa"}`, ""},
		{"two markets", `{"A#BittunesMarket": "0x00000000000000000000000000000000000000aa", "B#BittunesMarket": "0x00000000000000000000000000000000000000bb"}`, ""},
		{"not an address", `{"BittunesMarket#BittunesMarket": "0x12"}`, ""},
		{"not JSON", `[`, ""},
		{"a broken journal line", `{"BittunesMarket#BittunesMarket": "0x00000000000000000000000000000000000000aa"}`, "{\n"},
		{"a bad block number", `{"BittunesMarket#BittunesMarket": "0x00000000000000000000000000000000000000aa"}`,
			`{"type":"TRANSACTION_CONFIRM","futureId":"BittunesMarket#BittunesMarket","hash":"0x00000000000000000000000000000000000000000000000000000000000000bb","receipt":{"blockNumber":-1,"contractAddress":"0x00000000000000000000000000000000000000aa","status":"SUCCESS"}}`},
	}
	for _, tt := range tests {
		if _, err := ignition.Parse([]byte(tt.addresses), []byte(tt.journal)); err == nil {
			t.Errorf("%s: no error", tt.name)
		}
	}
	if _, err := ignition.Parse([]byte(`{}`), nil); !errors.Is(err, ignition.ErrNoMarket) {
		t.Errorf("empty deployment: %v, want ErrNoMarket", err)
	}
}

// FuzzParse: whatever the files hold, Parse returns a deployment or an error, never panics, gives
// the same answer twice, and never a block without the transaction mined in it.
func FuzzParse(f *testing.F) {
	addresses, err := os.ReadFile("testdata/chain-1337/deployed_addresses.json")
	if err != nil {
		f.Fatal(err)
	}
	journal, err := os.ReadFile("testdata/chain-1337/journal.jsonl")
	if err != nil {
		f.Fatal(err)
	}
	f.Add(addresses, journal)
	f.Add([]byte(`{"X#BittunesMarket":"0x00000000000000000000000000000000000000aa"}`), []byte(`{"type":"DEPLOYMENT_INITIALIZE","chainId":1e3}`))
	f.Fuzz(func(t *testing.T, addresses, journal []byte) {
		d, err := ignition.Parse(addresses, journal)
		if err != nil {
			return
		}
		if again, _ := ignition.Parse(addresses, journal); again != d {
			t.Errorf("parsed twice: %+v, then %+v", d, again)
		}
		if d.Block != 0 && d.TxHash == (common.Hash{}) {
			t.Errorf("a block without its transaction: %+v", d)
		}
	})
}

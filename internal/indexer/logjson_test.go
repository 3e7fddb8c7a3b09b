package indexer

import (
	"encoding/json"
	"reflect"
	"testing"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/core/types"
	"github.com/ethereum/go-ethereum/crypto"
)

func sampleLogs() []types.Log {
	var logs []types.Log
	for i := range 3 {
		h := crypto.Keccak256Hash([]byte{byte(i)})
		logs = append(logs, types.Log{Address: common.BytesToAddress(h[:20]), Topics: []common.Hash{h, crypto.Keccak256Hash(h[:])},
			Data: h[:i*16], BlockNumber: uint64(1000 + i), TxHash: crypto.Keccak256Hash(h[:1]), TxIndex: uint(i), BlockHash: h,
			BlockTimestamp: 1_760_000_000 + uint64(i), Index: uint(i * 3), Removed: i == 2})
	}
	logs[1].Topics = []common.Hash{}
	return logs
}

func TestParseLogsReadsWhatGoEthereumWrites(t *testing.T) {
	for _, logs := range [][]types.Log{sampleLogs(), {}} {
		raw, err := json.Marshal(logs)
		if err != nil {
			t.Fatal(err)
		}
		got, ok := parseLogs(raw)
		if !ok {
			t.Fatalf("parseLogs did not take %s", raw)
		}
		var want []types.Log
		if err := json.Unmarshal(raw, &want); err != nil {
			t.Fatal(err)
		}
		if !reflect.DeepEqual(got, want) {
			t.Errorf("parseLogs(%s)\n = %+v\nwant %+v", raw, got, want)
		}
	}
}

func TestParseLogsLeavesTheUnusualToEncodingJSON(t *testing.T) {
	for _, raw := range []string{
		`null`,
		`[{"address":"0x0000000000000000000000000000000000000001","topics":[],"data":"0x"}]`, // no transactionHash
		`[{"Address":"0x0000000000000000000000000000000000000001","topics":[],"data":"0x","transactionHash":"0x0000000000000000000000000000000000000000000000000000000000000001"}]`,
		`[{"address":"0x00000000000000000000000000000000000000AB","topics":[],"data":"0x","transactionHash":"0x0000000000000000000000000000000000000000000000000000000000000001"}]`,
		`[{"address":"0x0000000000000000000000000000000000000001","topics":null,"data":"0x","transactionHash":"0x0000000000000000000000000000000000000000000000000000000000000001"}]`,
		`[{"address":"0x0000000000000000000000000000000000000001","topics":[],"data":"0x","transactionHash":"0x0000000000000000000000000000000000000000000000000000000000000001","logIndex":"0x01"}]`,
		`[{"address":"0x0000000000000000000000000000000000000001","topics":[],"data":"0x","transactionHash":"0x0000000000000000000000000000000000000000000000000000000000000001","extra":1}]`,
		`[] x`,
	} {
		if logs, ok := parseLogs([]byte(raw)); ok {
			t.Errorf("parseLogs took %s as %+v", raw, logs)
		}
	}
}

// FuzzParseLogs: whatever parseLogs takes, encoding/json reads the same way.
func FuzzParseLogs(f *testing.F) {
	raw, _ := json.Marshal(sampleLogs())
	f.Add(raw)
	f.Add([]byte(`[]`))
	f.Add([]byte(`[{"address":"0x0000000000000000000000000000000000000001","topics":[],"data":"0x","transactionHash":"0x0000000000000000000000000000000000000000000000000000000000000001","removed":false}]`))
	f.Fuzz(func(t *testing.T, raw []byte) {
		got, ok := parseLogs(raw)
		if !ok {
			return
		}
		var want []types.Log
		if err := json.Unmarshal(raw, &want); err != nil {
			t.Fatalf("parseLogs took %q, which encoding/json refuses: %v", raw, err)
		}
		if !reflect.DeepEqual(got, want) {
			t.Fatalf("parseLogs(%q)\n = %+v\nwant %+v", raw, got, want)
		}
	})
}

package indexer

import (
	"encoding/binary"
	"encoding/json"
	"reflect"
	"testing"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/core/types"
	"github.com/ethereum/go-ethereum/crypto"
)

// purchaseLogsJSON is an eth_getLogs answer as a go-ethereum node writes it: n logs shaped like the
// market's Purchased events (4 topics, 5 words of data), ten to a transaction, a hundred to a block.
func purchaseLogsJSON(tb testing.TB, n int) []byte {
	tb.Helper()
	market := common.HexToAddress("0x5FbDB2315678afecb367f032d93F642f64180aa3")
	logs := make([]types.Log, n)
	for i := range logs {
		seed := binary.BigEndian.AppendUint64(nil, uint64(i))
		h := crypto.Keccak256Hash(seed)
		block := uint64(1_000_000 + i/100)
		logs[i] = types.Log{
			Address:        market,
			Topics:         []common.Hash{crypto.Keccak256Hash([]byte("Purchased")), common.BigToHash(common.Big1), h, crypto.Keccak256Hash(h[:])},
			Data:           append(append([]byte{}, h[:]...), make([]byte, 4*32)...),
			BlockNumber:    block,
			TxHash:         crypto.Keccak256Hash(binary.BigEndian.AppendUint64(nil, uint64(i/10))),
			TxIndex:        uint(i % 100 / 10),
			BlockHash:      crypto.Keccak256Hash(binary.BigEndian.AppendUint64(nil, block)),
			BlockTimestamp: 1_760_000_000 + block*2,
			Index:          uint(i % 100),
		}
	}
	raw, err := json.Marshal(logs)
	if err != nil {
		tb.Fatal(err)
	}
	return raw
}

// BenchmarkParseLogs compares the indexer's own eth_getLogs parser with encoding/json (what
// ethclient uses) on an answer of 10 000 purchase logs, the size a backfill range aims at. The
// parser is worth its 300 lines only while it stays several times faster:
//
//	go test -run '^$' -bench ParseLogs -benchmem ./internal/indexer
func BenchmarkParseLogs(b *testing.B) {
	const n = 10_000
	raw := purchaseLogsJSON(b, n)
	decoders := []struct {
		name   string
		decode func([]byte) ([]types.Log, error)
	}{
		{"parser", func(raw []byte) ([]types.Log, error) {
			logs, ok := parseLogs(raw)
			if !ok {
				b.Fatal("parseLogs did not take what go-ethereum writes")
			}
			return logs, nil
		}},
		{"encoding_json", func(raw []byte) ([]types.Log, error) {
			var logs []types.Log
			err := json.Unmarshal(raw, &logs)
			return logs, err
		}},
	}
	for _, d := range decoders {
		b.Run(d.name, func(b *testing.B) {
			b.SetBytes(int64(len(raw)))
			for b.Loop() {
				logs, err := d.decode(raw)
				if err != nil || len(logs) != n {
					b.Fatalf("%d logs, %v", len(logs), err)
				}
			}
			b.ReportMetric(float64(n)*float64(b.N)/b.Elapsed().Seconds(), "logs/s")
		})
	}
}

// TestBenchmarkPayloadIsTakenByTheParser: the benchmark measures the parser's fast path, not its
// fallback, and both decoders agree on its payload.
func TestBenchmarkPayloadIsTakenByTheParser(t *testing.T) {
	raw := purchaseLogsJSON(t, 250)
	got, ok := parseLogs(raw)
	if !ok {
		t.Fatal("parseLogs did not take the benchmark's payload")
	}
	var want []types.Log
	if err := json.Unmarshal(raw, &want); err != nil {
		t.Fatal(err)
	}
	if len(got) != 250 || !reflect.DeepEqual(got, want) {
		t.Fatalf("parseLogs read %d logs, encoding/json %d, and they differ", len(got), len(want))
	}
}

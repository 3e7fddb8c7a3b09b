// Package ignition reads what a Hardhat Ignition deployment left behind
// (ignition/deployments/<id>/deployed_addresses.json and journal.jsonl): the market's address, the
// chain it is on, the transaction that created it and the block that transaction was mined in, so
// that operators need not copy them into flags by hand.
package ignition

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"

	"github.com/ethereum/go-ethereum/common"
)

// MarketFuture is the Ignition future that deploys the market (module BittunesMarket, contract
// BittunesMarket).
const MarketFuture = "BittunesMarket#BittunesMarket"

// Deployment is the market's deployment as Ignition recorded it.
type Deployment struct {
	// ChainID is from the journal's DEPLOYMENT_INITIALIZE, else from a folder named chain-<id>; 0 if neither.
	ChainID uint64
	// Market is the address of the market's future.
	Market common.Address
	// TxHash is the creating transaction; zero if the journal does not name it.
	TxHash common.Hash
	// Block is the block it was mined in; 0 if the journal holds no confirmation of it (fetch the
	// receipt of TxHash then).
	Block uint64
}

// ErrNoMarket reports a deployment without the market's future.
var ErrNoMarket = errors.New("no " + MarketFuture + " in the deployment")

// Read reads the deployment in dir (ignition/deployments/chain-<id>). journal.jsonl may be missing.
func Read(dir string) (Deployment, error) {
	addresses, err := os.ReadFile(filepath.Join(dir, "deployed_addresses.json"))
	if err != nil {
		return Deployment{}, fmt.Errorf("ignition: %w", err)
	}
	journal, err := os.ReadFile(filepath.Join(dir, "journal.jsonl"))
	if err != nil && !errors.Is(err, os.ErrNotExist) {
		return Deployment{}, fmt.Errorf("ignition: %w", err)
	}
	d, err := Parse(addresses, journal)
	if err != nil {
		return Deployment{}, fmt.Errorf("ignition: %s: %w", dir, err)
	}
	if d.ChainID == 0 {
		if id, err := strconv.ParseUint(strings.TrimPrefix(filepath.Base(filepath.Clean(dir)), "chain-"), 10, 64); err == nil {
			d.ChainID = id
		}
	}
	return d, nil
}

// journalEntry is the part of a journal line that matters here.
type journalEntry struct {
	Type        string                 `json:"type"`
	ChainID     json.Number            `json:"chainId"`
	FutureID    string                 `json:"futureId"`
	Hash        string                 `json:"hash"`
	Transaction *struct{ Hash string } `json:"transaction"`
	Receipt     *struct {
		BlockNumber     json.Number `json:"blockNumber"`
		ContractAddress string      `json:"contractAddress"`
		Status          string      `json:"status"`
	} `json:"receipt"`
}

// Parse reads the contents of deployed_addresses.json and journal.jsonl (nil: none).
func Parse(addresses, journal []byte) (Deployment, error) {
	var futures map[string]string
	if err := json.Unmarshal(addresses, &futures); err != nil {
		return Deployment{}, fmt.Errorf("deployed_addresses.json: %w", err)
	}
	id, err := marketFuture(futures)
	if err != nil {
		return Deployment{}, err
	}
	if !common.IsHexAddress(futures[id]) {
		return Deployment{}, fmt.Errorf("deployed_addresses.json: %s: not an address: %q", id, futures[id])
	}
	d := Deployment{Market: common.HexToAddress(futures[id])}

	sc := bufio.NewScanner(bytes.NewReader(journal))
	sc.Buffer(make([]byte, 0, 64*1024), 64*1024*1024) // a deployment line carries the whole bytecode
	for line := 1; sc.Scan(); line++ {
		text := bytes.TrimSpace(sc.Bytes())
		if len(text) == 0 {
			continue
		}
		var e journalEntry
		if err := json.Unmarshal(text, &e); err != nil {
			return Deployment{}, fmt.Errorf("journal.jsonl line %d: %w", line, err)
		}
		switch {
		case e.Type == "DEPLOYMENT_INITIALIZE":
			n, err := strconv.ParseUint(e.ChainID.String(), 10, 64)
			if err != nil {
				return Deployment{}, fmt.Errorf("journal.jsonl line %d: chain id %q: %w", line, e.ChainID, err)
			}
			d.ChainID = n
		case e.FutureID != id:
		case e.Type == "TRANSACTION_SEND" && e.Transaction != nil && d.Block == 0:
			if h, ok := parseHash(e.Transaction.Hash); ok {
				d.TxHash = h
			}
		case e.Type == "TRANSACTION_CONFIRM" && e.Receipt != nil:
			r := e.Receipt
			if r.Status != "SUCCESS" || !common.IsHexAddress(r.ContractAddress) || common.HexToAddress(r.ContractAddress) != d.Market {
				continue
			}
			n, err := strconv.ParseUint(r.BlockNumber.String(), 10, 64)
			if err != nil || n == 0 {
				return Deployment{}, fmt.Errorf("journal.jsonl line %d: block number %q", line, r.BlockNumber)
			}
			h, ok := parseHash(e.Hash)
			if !ok {
				return Deployment{}, fmt.Errorf("journal.jsonl line %d: transaction hash %q", line, e.Hash)
			}
			d.Block, d.TxHash = n, h
		}
	}
	if err := sc.Err(); err != nil {
		return Deployment{}, fmt.Errorf("journal.jsonl: %w", err)
	}
	return d, nil
}

// marketFuture picks the market's future: MarketFuture, or the only future of contract
// BittunesMarket in another module.
func marketFuture(futures map[string]string) (string, error) {
	if _, ok := futures[MarketFuture]; ok {
		return MarketFuture, nil
	}
	var ids []string
	for id := range futures {
		if strings.HasSuffix(id, "#BittunesMarket") {
			ids = append(ids, id)
		}
	}
	sort.Strings(ids)
	switch len(ids) {
	case 0:
		return "", ErrNoMarket
	case 1:
		return ids[0], nil
	}
	return "", fmt.Errorf("%d BittunesMarket futures in the deployment (%s): use --market", len(ids), strings.Join(ids, ", "))
}

func parseHash(s string) (common.Hash, bool) {
	b, err := hexDecode(s)
	if err != nil || len(b) != common.HashLength {
		return common.Hash{}, false
	}
	return common.BytesToHash(b), true
}

package indexer

import (
	"context"
	"encoding/json"

	"github.com/ethereum/go-ethereum"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/common/hexutil"
	"github.com/ethereum/go-ethereum/core/types"
	"github.com/ethereum/go-ethereum/rpc"
)

// RPCClient is offered by clients that expose their JSON-RPC connection, as ethclient.Client does.
// The indexer then reads eth_getLogs answers with a parser of its own: decoding tens of thousands of
// logs through encoding/json was the largest cost of a dense backfill after the database.
type RPCClient interface {
	Client() *rpc.Client
}

// filterLogs is chain.FilterLogs, through the JSON-RPC connection when the client offers it.
func (ix *Indexer) filterLogs(ctx context.Context, q ethereum.FilterQuery) ([]types.Log, error) {
	c, ok := ix.chain.(RPCClient)
	if !ok || q.Topics != nil || (q.BlockHash == nil && (q.FromBlock == nil || q.ToBlock == nil)) {
		return ix.chain.FilterLogs(ctx, q)
	}
	arg := map[string]any{"address": q.Addresses}
	if q.BlockHash != nil {
		arg["blockHash"] = *q.BlockHash
	} else {
		arg["fromBlock"], arg["toBlock"] = hexutil.EncodeBig(q.FromBlock), hexutil.EncodeBig(q.ToBlock)
	}
	var raw json.RawMessage
	if err := c.Client().CallContext(ctx, &raw, "eth_getLogs", arg); err != nil {
		return nil, err
	}
	if logs, ok := parseLogs(raw); ok {
		return logs, nil
	}
	var logs []types.Log // anything the parser does not take, encoding/json decodes (or rejects) as ethclient does
	if err := json.Unmarshal(raw, &logs); err != nil {
		return nil, err
	}
	return logs, nil
}

// parseLogs reads a JSON array of logs written as go-ethereum's nodes write them: known field names
// in lower camel case, lowercase 0x hex, no nulls, no escapes. It reports false for anything else,
// which encoding/json is then left to decode; what it accepts, it decodes as types.Log's
// UnmarshalJSON does (FuzzParseLogs holds the two equal).
func parseLogs(data []byte) ([]types.Log, bool) {
	p := jsonScanner{data: data}
	if !p.expect('[') {
		return nil, false
	}
	logs := []types.Log{}
	if p.peek() == ']' {
		p.pos++
		return logs, p.end()
	}
	for {
		var l types.Log
		if !p.log(&l) {
			return nil, false
		}
		logs = append(logs, l)
		switch p.next() {
		case ',':
		case ']':
			return logs, p.end()
		default:
			return nil, false
		}
	}
}

type jsonScanner struct {
	data []byte
	pos  int
}

func (p *jsonScanner) skipSpace() {
	for p.pos < len(p.data) {
		switch p.data[p.pos] {
		case ' ', '\t', '\n', '\r':
			p.pos++
		default:
			return
		}
	}
}

// peek returns the next byte after white space, or 0 at the end.
func (p *jsonScanner) peek() byte {
	p.skipSpace()
	if p.pos == len(p.data) {
		return 0
	}
	return p.data[p.pos]
}

// next consumes the next byte after white space.
func (p *jsonScanner) next() byte {
	b := p.peek()
	if b != 0 {
		p.pos++
	}
	return b
}

func (p *jsonScanner) expect(b byte) bool { return p.next() == b }

// end reports whether only white space is left.
func (p *jsonScanner) end() bool { return p.peek() == 0 && p.pos == len(p.data) }

// str consumes a string without escapes and returns its contents.
func (p *jsonScanner) str() ([]byte, bool) {
	if !p.expect('"') {
		return nil, false
	}
	start := p.pos
	for p.pos < len(p.data) {
		switch c := p.data[p.pos]; {
		case c == '"':
			p.pos++
			return p.data[start : p.pos-1], true
		case c == '\\' || c < 0x20:
			return nil, false
		}
		p.pos++
	}
	return nil, false
}

// logFields are the fields of a log in JSON, in the order go-ethereum writes them.
var logFields = [...]string{"address", "topics", "data", "blockNumber", "transactionHash", "transactionIndex",
	"blockHash", "blockTimestamp", "logIndex", "removed"}

// log consumes one log object.
func (p *jsonScanner) log(l *types.Log) bool {
	if !p.expect('{') {
		return false
	}
	if p.peek() == '}' {
		return false // the required fields are missing
	}
	var seen uint // a bit per field of logFields
	for {
		key, ok := p.str()
		if !ok || !p.expect(':') {
			return false
		}
		field := -1
		for i, name := range logFields {
			if string(key) == name {
				field = i
			}
		}
		if field < 0 || seen&(1<<field) != 0 {
			return false
		}
		seen |= 1 << field
		switch field {
		case 0:
			ok = p.fixed(l.Address[:])
		case 1:
			l.Topics, ok = p.hashes()
		case 2:
			l.Data, ok = p.bytes()
		case 3:
			l.BlockNumber, ok = p.quantity()
		case 4:
			ok = p.fixed(l.TxHash[:])
		case 5:
			var n uint64
			n, ok = p.quantity()
			l.TxIndex = uint(n)
		case 6:
			ok = p.fixed(l.BlockHash[:])
		case 7:
			l.BlockTimestamp, ok = p.quantity()
		case 8:
			var n uint64
			n, ok = p.quantity()
			l.Index = uint(n)
		case 9:
			l.Removed, ok = p.boolean()
		}
		if !ok {
			return false
		}
		switch p.next() {
		case ',':
		case '}':
			const required = 1<<0 | 1<<1 | 1<<2 | 1<<4 // address, topics, data, transactionHash
			return seen&required == required
		default:
			return false
		}
	}
}

// hex returns the digits of a lowercase 0x-prefixed hex string.
func (p *jsonScanner) hex() ([]byte, bool) {
	s, ok := p.str()
	if !ok || len(s) < 2 || s[0] != '0' || s[1] != 'x' {
		return nil, false
	}
	for _, c := range s[2:] {
		if !(c >= '0' && c <= '9' || c >= 'a' && c <= 'f') {
			return nil, false
		}
	}
	return s[2:], true
}

// fixed consumes a hex string of exactly len(out) bytes.
func (p *jsonScanner) fixed(out []byte) bool {
	digits, ok := p.hex()
	if !ok || len(digits) != 2*len(out) {
		return false
	}
	decodeHex(out, digits)
	return true
}

// bytes consumes a hex string of whole bytes.
func (p *jsonScanner) bytes() ([]byte, bool) {
	digits, ok := p.hex()
	if !ok || len(digits)%2 != 0 {
		return nil, false
	}
	out := make([]byte, len(digits)/2)
	decodeHex(out, digits)
	return out, true
}

// quantity consumes a hex number as hexutil.Uint64 takes it: no leading zeros, at most 64 bits.
func (p *jsonScanner) quantity() (uint64, bool) {
	digits, ok := p.hex()
	if !ok || len(digits) == 0 || len(digits) > 16 || (len(digits) > 1 && digits[0] == '0') {
		return 0, false
	}
	var n uint64
	for _, c := range digits {
		n = n<<4 | uint64(nibble(c))
	}
	return n, true
}

func (p *jsonScanner) hashes() ([]common.Hash, bool) {
	if !p.expect('[') {
		return nil, false
	}
	hashes := []common.Hash{}
	if p.peek() == ']' {
		p.pos++
		return hashes, true
	}
	for {
		var h common.Hash
		if !p.fixed(h[:]) {
			return nil, false
		}
		hashes = append(hashes, h)
		switch p.next() {
		case ',':
		case ']':
			return hashes, true
		default:
			return nil, false
		}
	}
}

func (p *jsonScanner) boolean() (bool, bool) {
	p.skipSpace()
	for _, lit := range []string{"true", "false"} {
		if len(p.data)-p.pos >= len(lit) && string(p.data[p.pos:p.pos+len(lit)]) == lit {
			p.pos += len(lit)
			return lit == "true", true
		}
	}
	return false, false
}

// decodeHex decodes lowercase hex digits, already checked, into out.
func decodeHex(out, digits []byte) {
	for i := range out {
		out[i] = nibble(digits[2*i])<<4 | nibble(digits[2*i+1])
	}
}

func nibble(c byte) byte {
	if c <= '9' {
		return c - '0'
	}
	return c - 'a' + 10
}

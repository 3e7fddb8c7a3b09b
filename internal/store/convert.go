package store

import (
	"encoding/hex"
	"fmt"
	"math"
	"time"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/common/hexutil"
)

// bigint converts a chain ID or block number to the BIGINT column type.
func bigint(what string, v uint64) (int64, error) {
	if v > math.MaxInt64 {
		return 0, fmt.Errorf("%s %d exceeds the largest BIGINT: %w", what, v, ErrInvalid)
	}
	return int64(v), nil
}

// hashText is the stored form of a hash: lowercase 0x hex.
func hashText(h common.Hash) string { return lowerHex(h[:]) }

// parseHash reads a stored hash, strictly: a damaged row is an error, not a
// zero hash.
func parseHash(s string) (common.Hash, error) {
	b, err := hexutil.Decode(s)
	if err != nil || len(b) != common.HashLength {
		return common.Hash{}, fmt.Errorf("stored hash %q is not 32 bytes of 0x hex", s)
	}
	return common.BytesToHash(b), nil
}

// addressText is the stored form of an address: lowercase 0x hex (not the EIP-55 checksummed form,
// whose keccak a batch of many events would pay for each address).
func addressText(a common.Address) string { return lowerHex(a[:]) }

// lowerHex is b as 0x and lowercase hex digits.
func lowerHex(b []byte) string {
	out := make([]byte, 2+2*len(b))
	out[0], out[1] = '0', 'x'
	hex.Encode(out[2:], b)
	return string(out)
}

// now returns the current time as both databases store it: UTC, to the
// microsecond (PostgreSQL's TIMESTAMP resolution).
func now() time.Time { return time.Now().UTC().Truncate(time.Microsecond) }

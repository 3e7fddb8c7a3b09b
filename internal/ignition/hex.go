package ignition

import (
	"encoding/hex"
	"errors"
	"strings"
)

// hexDecode decodes 0x-prefixed hex.
func hexDecode(s string) ([]byte, error) {
	if !strings.HasPrefix(s, "0x") && !strings.HasPrefix(s, "0X") {
		return nil, errors.New("missing 0x")
	}
	return hex.DecodeString(s[2:])
}

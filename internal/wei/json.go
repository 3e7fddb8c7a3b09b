package wei

import (
	"encoding/json"
	"fmt"
)

// MarshalJSON encodes the amount as a JSON string of decimal digits, so that
// no JSON reader turns it into a float.
func (a Amount) MarshalJSON() ([]byte, error) {
	return []byte(`"` + a.String() + `"`), nil
}

// UnmarshalJSON decodes a JSON string of canonical decimal digits (see Parse).
// A JSON number is rejected: amounts never pass through a float. As with the
// standard library, null leaves the amount unchanged.
func (a *Amount) UnmarshalJSON(data []byte) error {
	if string(data) == "null" {
		return nil
	}
	if len(data) == 0 || data[0] != '"' {
		return fmt.Errorf("wei: JSON amount must be a string of decimal digits, got %s: %w", quote(string(data)), ErrSyntax)
	}
	var s string
	if err := json.Unmarshal(data, &s); err != nil {
		return fmt.Errorf("wei: JSON amount: %w", err)
	}
	parsed, err := Parse(s)
	if err != nil {
		return err
	}
	*a = parsed
	return nil
}

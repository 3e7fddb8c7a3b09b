package wei

import (
	"fmt"
	"math/big"
)

// Parse reads a wei amount written as canonical decimal digits: no sign,
// exponent, hexadecimal prefix, separator or space, and no leading zero
// except in "0". It fails with ErrSyntax for anything else and with
// ErrOverflow for values above 2^256-1.
func Parse(s string) (Amount, error) {
	if err := checkDigits(s); err != nil {
		return Amount{}, fmt.Errorf("wei: parse %s: %w", quote(s), err)
	}
	v, ok := new(big.Int).SetString(s, 10)
	if !ok { // unreachable after checkDigits; kept so a bug cannot pass silently
		return Amount{}, fmt.Errorf("wei: parse %s: %w", quote(s), ErrSyntax)
	}
	a, err := fromOwned(v)
	if err != nil {
		return Amount{}, fmt.Errorf("wei: parse %s: %w", quote(s), ErrOverflow)
	}
	return a, nil
}

// MustParse is Parse for constants in tests and examples; it panics on error.
func MustParse(s string) Amount {
	a, err := Parse(s)
	if err != nil {
		panic(err)
	}
	return a
}

// checkDigits reports why s is not a canonical decimal of at most MaxDigits digits.
func checkDigits(s string) error {
	if s == "" {
		return fmt.Errorf("empty string: %w", ErrSyntax)
	}
	for i := 0; i < len(s); i++ {
		if c := s[i]; c < '0' || c > '9' {
			return fmt.Errorf("byte %q at offset %d is not a decimal digit: %w", c, i, ErrSyntax)
		}
	}
	switch {
	case s[0] == '0' && len(s) > 1:
		return fmt.Errorf("leading zero: %w", ErrSyntax)
	case len(s) > MaxDigits:
		return fmt.Errorf("%d digits, more than %d: %w", len(s), MaxDigits, ErrOverflow)
	}
	return nil
}

// quote returns s quoted for an error message, cut short if it is long, so
// that outside input cannot blow up logs.
func quote(s string) string {
	const max = 2*MaxDigits + 4
	if len(s) > max {
		return fmt.Sprintf("%q…", s[:max])
	}
	return fmt.Sprintf("%q", s)
}

// Package wei holds exact amounts of wei, the smallest unit of ether.
//
// An [Amount] is a non-negative integer that fits in a uint256, like every
// amount the market contract handles. It is backed by a [big.Int], never by a
// float, and it travels as a decimal string: in JSON ("1000000000000000"),
// in SQLite (exact TEXT) and into PostgreSQL's NUMERIC(78,0).
//
// Amounts are immutable: methods return new values and never modify their
// receiver or arguments. The zero value is an Amount of zero wei.
package wei

import (
	"errors"
	"fmt"
	"math/big"
)

// MaxDigits is the number of decimal digits of the largest uint256,
// 2^256-1 = 115792089237316195423570985008687907853269984665640564039457584007913129639935.
const MaxDigits = 78

// bits is the width of the unsigned integers an Amount can hold.
const bits = 256

// Sentinel errors, wrapped by every function of the package that fails.
var (
	// ErrSyntax reports input that is not a canonical decimal integer.
	ErrSyntax = errors.New("not a decimal wei amount")
	// ErrNegative reports a negative amount.
	ErrNegative = errors.New("negative wei amount")
	// ErrOverflow reports an amount above 2^256-1.
	ErrOverflow = errors.New("wei amount exceeds 2^256-1")
	// ErrUnderflow reports a subtraction whose result would be negative.
	ErrUnderflow = errors.New("wei subtraction underflows")
)

// Amount is an exact, non-negative number of wei that fits in a uint256.
// The zero value is zero wei. Compare amounts with Equal or Cmp, not ==.
type Amount struct {
	// v is nil for zero; otherwise it is owned by this Amount and never
	// modified after construction.
	v *big.Int
}

// Zero returns an Amount of zero wei.
func Zero() Amount { return Amount{} }

// FromUint64 returns an Amount of u wei.
func FromUint64(u uint64) Amount {
	if u == 0 {
		return Amount{}
	}
	return Amount{v: new(big.Int).SetUint64(u)}
}

// New returns an Amount equal to x, which it copies. It fails for nil,
// negative values and values above 2^256-1.
func New(x *big.Int) (Amount, error) {
	if x == nil {
		return Amount{}, fmt.Errorf("wei: new: nil *big.Int: %w", ErrSyntax)
	}
	return fromOwned(new(big.Int).Set(x))
}

// fromOwned wraps v, which the caller hands over, after checking its range.
func fromOwned(v *big.Int) (Amount, error) {
	switch {
	case v.Sign() < 0:
		return Amount{}, fmt.Errorf("wei: %s: %w", v, ErrNegative)
	case v.BitLen() > bits:
		return Amount{}, fmt.Errorf("wei: %d-digit value: %w", len(v.String()), ErrOverflow)
	case v.Sign() == 0:
		return Amount{}, nil
	}
	return Amount{v: v}, nil
}

// ref returns the value for reading only; callers must not modify it.
func (a Amount) ref() *big.Int {
	if a.v == nil {
		return new(big.Int)
	}
	return a.v
}

// BigInt returns a copy of the amount as a *big.Int that the caller may modify.
func (a Amount) BigInt() *big.Int { return new(big.Int).Set(a.ref()) }

// IsZero reports whether the amount is zero wei.
func (a Amount) IsZero() bool { return a.v == nil || a.v.Sign() == 0 }

// Equal reports whether a and b are the same amount. Use it or Cmp, never
// ==, which compares the pointers inside.
func (a Amount) Equal(b Amount) bool { return a.Cmp(b) == 0 }

// Cmp compares a and b and returns -1, 0 or +1 as a is less than, equal to or
// greater than b.
func (a Amount) Cmp(b Amount) int { return a.ref().Cmp(b.ref()) }

// Add returns a + b, or ErrOverflow when the sum exceeds 2^256-1.
func (a Amount) Add(b Amount) (Amount, error) {
	sum, err := fromOwned(new(big.Int).Add(a.ref(), b.ref()))
	if err != nil {
		return Amount{}, fmt.Errorf("wei: %s + %s: %w", a, b, ErrOverflow)
	}
	return sum, nil
}

// Sub returns a - b, or ErrUnderflow when b is greater than a.
func (a Amount) Sub(b Amount) (Amount, error) {
	if a.Cmp(b) < 0 {
		return Amount{}, fmt.Errorf("wei: %s - %s: %w", a, b, ErrUnderflow)
	}
	return fromOwned(new(big.Int).Sub(a.ref(), b.ref()))
}

// String returns the amount in decimal digits, without sign or leading zeros.
func (a Amount) String() string { return a.ref().String() }

package wei_test

import (
	"errors"
	"math/big"
	"testing"

	"github.com/bittunes/bittunes/internal/wei"
)

const (
	maxUint256 = "115792089237316195423570985008687907853269984665640564039457584007913129639935"
	twoTo256   = "115792089237316195423570985008687907853269984665640564039457584007913129639936"
)

func TestParse(t *testing.T) {
	tests := []struct {
		in      string
		wantErr error
	}{
		{"0", nil},
		{"1", nil},
		{"1000000000000000000", nil},
		{"18446744073709551616", nil}, // 2^64
		{maxUint256, nil},
		{twoTo256, wei.ErrOverflow},
		{"999999999999999999999999999999999999999999999999999999999999999999999999999999", wei.ErrOverflow}, // 78 nines
		{"1" + maxUint256, wei.ErrOverflow}, // 79 digits
		{"", wei.ErrSyntax},
		{"00", wei.ErrSyntax},
		{"01", wei.ErrSyntax},
		{"-1", wei.ErrSyntax},
		{"+1", wei.ErrSyntax},
		{"-0", wei.ErrSyntax},
		{"1e18", wei.ErrSyntax},
		{"1.5", wei.ErrSyntax},
		{"1.0", wei.ErrSyntax},
		{"0x10", wei.ErrSyntax},
		{" 1", wei.ErrSyntax},
		{"1 ", wei.ErrSyntax},
		{"1_000", wei.ErrSyntax},
		{"1,000", wei.ErrSyntax},
		{"١", wei.ErrSyntax}, // Arabic-Indic digit one
		{"NaN", wei.ErrSyntax},
	}
	for _, tt := range tests {
		got, err := wei.Parse(tt.in)
		if !errors.Is(err, tt.wantErr) {
			t.Errorf("Parse(%q) error = %v, want %v", tt.in, err, tt.wantErr)
			continue
		}
		if err == nil && got.String() != tt.in {
			t.Errorf("Parse(%q).String() = %q, want %q", tt.in, got.String(), tt.in)
		}
	}
}

func TestNew(t *testing.T) {
	max, _ := new(big.Int).SetString(maxUint256, 10)
	tests := []struct {
		in      *big.Int
		want    string
		wantErr error
	}{
		{big.NewInt(0), "0", nil},
		{big.NewInt(42), "42", nil},
		{max, maxUint256, nil},
		{new(big.Int).Add(max, big.NewInt(1)), "", wei.ErrOverflow},
		{big.NewInt(-1), "", wei.ErrNegative},
		{nil, "", wei.ErrSyntax},
	}
	for _, tt := range tests {
		got, err := wei.New(tt.in)
		if !errors.Is(err, tt.wantErr) {
			t.Errorf("New(%v) error = %v, want %v", tt.in, err, tt.wantErr)
			continue
		}
		if err == nil && got.String() != tt.want {
			t.Errorf("New(%v) = %s, want %s", tt.in, got, tt.want)
		}
	}
}

func TestNewCopiesItsArgument(t *testing.T) {
	x := big.NewInt(7)
	a, err := wei.New(x)
	if err != nil {
		t.Fatal(err)
	}
	x.SetInt64(8)
	if got, want := a.String(), "7"; got != want {
		t.Errorf("after changing the argument, amount = %s, want %s", got, want)
	}
	a.BigInt().SetInt64(9)
	if got, want := a.String(), "7"; got != want {
		t.Errorf("after changing BigInt(), amount = %s, want %s", got, want)
	}
}

func TestZeroValue(t *testing.T) {
	var a wei.Amount
	if !a.IsZero() || a.String() != "0" || a.Cmp(wei.Zero()) != 0 || a.Cmp(wei.FromUint64(0)) != 0 {
		t.Errorf("zero value: IsZero=%v String=%q, want true and \"0\"", a.IsZero(), a.String())
	}
	if wei.FromUint64(1).IsZero() {
		t.Error("FromUint64(1).IsZero() = true")
	}
}

func TestAdd(t *testing.T) {
	tests := []struct {
		a, b    string
		want    string
		wantErr error
	}{
		{"0", "0", "0", nil},
		{"1", "2", "3", nil},
		{"18446744073709551615", "1", "18446744073709551616", nil},
		{maxUint256, "0", maxUint256, nil},
		{maxUint256, "1", "", wei.ErrOverflow},
	}
	for _, tt := range tests {
		got, err := wei.MustParse(tt.a).Add(wei.MustParse(tt.b))
		if !errors.Is(err, tt.wantErr) {
			t.Errorf("%s + %s error = %v, want %v", tt.a, tt.b, err, tt.wantErr)
			continue
		}
		if err == nil && got.String() != tt.want {
			t.Errorf("%s + %s = %s, want %s", tt.a, tt.b, got, tt.want)
		}
	}
}

func TestSub(t *testing.T) {
	tests := []struct {
		a, b    string
		want    string
		wantErr error
	}{
		{"3", "2", "1", nil},
		{"3", "3", "0", nil},
		{maxUint256, maxUint256, "0", nil},
		{"18446744073709551616", "1", "18446744073709551615", nil},
		{"2", "3", "", wei.ErrUnderflow},
		{"0", "1", "", wei.ErrUnderflow},
	}
	for _, tt := range tests {
		got, err := wei.MustParse(tt.a).Sub(wei.MustParse(tt.b))
		if !errors.Is(err, tt.wantErr) {
			t.Errorf("%s - %s error = %v, want %v", tt.a, tt.b, err, tt.wantErr)
			continue
		}
		if err == nil && got.String() != tt.want {
			t.Errorf("%s - %s = %s, want %s", tt.a, tt.b, got, tt.want)
		}
	}
}

func TestArithmeticLeavesOperandsAlone(t *testing.T) {
	a, b := wei.FromUint64(5), wei.FromUint64(3)
	if _, err := a.Add(b); err != nil {
		t.Fatal(err)
	}
	if _, err := a.Sub(b); err != nil {
		t.Fatal(err)
	}
	if a.String() != "5" || b.String() != "3" {
		t.Errorf("operands changed to %s and %s, want 5 and 3", a, b)
	}
}

func TestCmp(t *testing.T) {
	tests := []struct {
		a, b string
		want int
	}{
		{"0", "0", 0},
		{"1", "0", 1},
		{"0", "1", -1},
		{"9", "10", -1}, // numeric, not lexical, order
		{maxUint256, "1", 1},
	}
	for _, tt := range tests {
		if got := wei.MustParse(tt.a).Cmp(wei.MustParse(tt.b)); got != tt.want {
			t.Errorf("Cmp(%s, %s) = %d, want %d", tt.a, tt.b, got, tt.want)
		}
	}
}

func TestEther(t *testing.T) {
	tests := []struct {
		wei  string
		want string
	}{
		{"0", "0"},
		{"1", "0.000000000000000001"},
		{"1000000000000000", "0.001"},
		{"1000000000000000000", "1"},
		{"1500000000000000000", "1.5"},
		{"1234567890123456789", "1.234567890123456789"},
		{"100000000000000000000", "100"},
		{"100000000000000000010", "100.00000000000000001"},
		{maxUint256, "115792089237316195423570985008687907853269984665640564039457.584007913129639935"},
	}
	for _, tt := range tests {
		if got := wei.MustParse(tt.wei).Ether(); got != tt.want {
			t.Errorf("Ether(%s) = %q, want %q", tt.wei, got, tt.want)
		}
	}
}

func TestEqual(t *testing.T) {
	a, b := wei.MustParse(maxUint256), wei.MustParse(maxUint256)
	if !a.Equal(b) {
		t.Errorf("%s.Equal(%s) = false", a, b)
	}
	if a.Equal(wei.FromUint64(1)) {
		t.Errorf("%s.Equal(1) = true", a)
	}
	if !wei.Zero().Equal(wei.FromUint64(0)) || !wei.Zero().Equal(wei.Amount{}) {
		t.Error("zero amounts are not Equal")
	}
}

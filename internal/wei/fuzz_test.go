package wei_test

import (
	"encoding/json"
	"math/big"
	"testing"

	"github.com/bittunes/bittunes/internal/wei"
)

// canonical is an independent statement of what Parse accepts, built on
// big.Int: plain ASCII digits, no leading zero, at most 2^256-1.
func canonical(s string) (*big.Int, bool) {
	for _, c := range []byte(s) {
		if c < '0' || c > '9' {
			return nil, false
		}
	}
	if s == "" || (s[0] == '0' && len(s) > 1) {
		return nil, false
	}
	v, ok := new(big.Int).SetString(s, 10)
	if !ok || v.BitLen() > 256 {
		return nil, false
	}
	return v, true
}

func FuzzParse(f *testing.F) {
	for _, s := range []string{
		"0", "1", "00", "01", "-1", "+1", "-0", "1e18", "1.0", "0x10", "0b1", " 1", "1 ", "1_000",
		"", "١", "１", maxUint256, twoTo256, "1000000000000000000",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		a, err := wei.Parse(s)
		want, ok := canonical(s)
		if (err == nil) != ok {
			t.Fatalf("Parse(%q) error = %v, but big.Int reference says valid = %v", s, err, ok)
		}
		if err != nil {
			return
		}
		if got := a.String(); got != s {
			t.Fatalf("Parse(%q).String() = %q", s, got)
		}
		if a.BigInt().Cmp(want) != 0 {
			t.Fatalf("Parse(%q) = %s, big.Int says %s", s, a, want)
		}
		v, err := a.Value()
		if err != nil {
			t.Fatalf("Value: %v", err)
		}
		var scanned wei.Amount
		if err := scanned.Scan(v); err != nil || scanned.Cmp(a) != 0 {
			t.Fatalf("Scan(Value(%s)) = %s, %v", s, scanned, err)
		}
	})
}

func FuzzUnmarshalJSON(f *testing.F) {
	for _, s := range []string{`"0"`, `"12"`, `12`, `null`, `"01"`, `"` + maxUint256 + `"`, `"\u0031"`, `"`, `{}`} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		var a wei.Amount
		if err := a.UnmarshalJSON(data); err != nil {
			return
		}
		out, err := json.Marshal(a)
		if err != nil {
			t.Fatalf("Marshal: %v", err)
		}
		var back wei.Amount
		if err := json.Unmarshal(out, &back); err != nil || back.Cmp(a) != 0 {
			t.Fatalf("round trip of %s: got %s, %v; want %s", out, back, err, a)
		}
	})
}

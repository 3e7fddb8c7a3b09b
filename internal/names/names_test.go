package names_test

import (
	"errors"
	"testing"

	"github.com/bittunes/bittunes/internal/names"
)

func TestLookalikeNamesHaveOneKey(t *testing.T) {
	for _, group := range [][]string{
		{"Ana Lux", "ana lux", "ANA LUX", "Ａｎａ Ｌｕｘ", "Ana  Lux", "A.N.A. lux", "Anа Lux" /* Cyrillic а */, "Ana Lüx", "Αna Lux" /* Greek Α */},
		{"Bill", "BiII", "B1ll", "b!ll", "Bıll"},
		{"Morning", "Mornlng", "rnorning", "M0rning"},
		{"Wave", "VVave", "ԝave"},
		{"Strasse", "Straße"},
	} {
		want := names.Key(group[0])
		for _, n := range group[1:] {
			if got := names.Key(n); got != want {
				t.Errorf("Key(%q) = %q, want %q as for %q", n, got, want, group[0])
			}
		}
	}
	for _, pair := range [][2]string{{"Ana Lux", "Ana Lox"}, {"Bill", "Bull"}, {"DJ One", "DJ Two"}} {
		if names.Key(pair[0]) == names.Key(pair[1]) {
			t.Errorf("%q and %q collide", pair[0], pair[1])
		}
	}
}

func TestCleanShowsTheNameAndRefusesWhatPassesForSomethingElse(t *testing.T) {
	for in, want := range map[string]string{"  Ana   Lux ": "Ana Lux", "Ｄｊ": "Dj", "Björk": "Björk", "東京": "東京"} {
		if got, err := names.Clean(in); err != nil || got != want {
			t.Errorf("Clean(%q) = %q, %v; want %q", in, got, err, want)
		}
	}
	for _, bad := range []string{"", "   ", "a", "!!!", "Ana\u200bLux", "Ana\x07", "0x70997970C51812dc3A010C7d01b50e0d17dc79C8",
		"0x7099…79C8", "0xdead", "\xff\xfe", "this name is much longer than forty characters"} {
		if got, err := names.Clean(bad); !errors.Is(err, names.ErrInvalid) {
			t.Errorf("Clean(%q) = %q, %v; want ErrInvalid", bad, got, err)
		}
	}
}

func FuzzClean(f *testing.F) {
	for _, s := range []string{"Ana Lux", "Ａｎａ", "0x12", "rn vv", "\u200b", "Straße"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		c, err := names.Clean(s)
		if err != nil {
			return
		}
		again, err := names.Clean(c)
		if err != nil || again != c {
			t.Fatalf("Clean(Clean(%q)) = %q, %v; want %q", s, again, err, c)
		}
		if names.Key(c) != names.Key(s) {
			t.Fatalf("Key changes under Clean: %q vs %q", names.Key(c), names.Key(s))
		}
	})
}

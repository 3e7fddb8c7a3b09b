// Package names checks the display names of profiles and tells when two names would look alike.
//
// A name is shown in place of a 42-character address, so two accounts must not be able to show
// names a reader takes for the same one. Key reduces a name to a skeleton: Unicode NFKC
// normalisation (compatibility forms such as fullwidth letters and ligatures become the plain
// ones), full case folding, accents dropped, the Cyrillic and Greek letters that look like Latin
// ones, and the digits and letter pairs that pass for letters (0/o, 1/l/i, rn/m, vv/w…), mapped to
// one letter, and everything but letters and digits left out (so "D.J. Ana" and "dj ana" meet).
// Names whose keys are equal collide.
package names

import (
	"errors"
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/cases"
	"golang.org/x/text/runes"
	"golang.org/x/text/transform"
	"golang.org/x/text/unicode/norm"
)

// MaxLength is the longest display name, in characters.
const MaxLength = 40

// ErrInvalid reports a name that cannot be used.
var ErrInvalid = errors.New("invalid name")

// Clean checks a display name and returns it as shown: NFKC-normalised, trimmed, inner runs of
// space made one space. A name is 1 to MaxLength characters with at least two letters or digits, no control or invisible formatting characters, and does not look like an address
// or a transaction hash (it would pass for someone else's).
func Clean(s string) (string, error) {
	if !utf8.ValidString(s) {
		return "", fmt.Errorf("%w: not valid UTF-8", ErrInvalid)
	}
	s = strings.Join(strings.Fields(norm.NFKC.String(s)), " ")
	for _, r := range s {
		if unicode.IsControl(r) || unicode.Is(unicode.Cf, r) || unicode.Is(unicode.Co, r) || r == utf8.RuneError {
			return "", fmt.Errorf("%w: it contains a control or invisible character", ErrInvalid)
		}
	}
	switch n := utf8.RuneCountInString(s); {
	case n == 0:
		return "", fmt.Errorf("%w: it is empty", ErrInvalid)
	case n > MaxLength:
		return "", fmt.Errorf("%w: it is longer than %d characters", ErrInvalid, MaxLength)
	}
	alnum := 0
	for _, r := range s {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			alnum++
		}
	}
	if alnum < 2 || utf8.RuneCountInString(Key(s)) < 2 {
		return "", fmt.Errorf("%w: it needs at least two letters or digits", ErrInvalid)
	}
	if looksHex(s) {
		return "", fmt.Errorf("%w: it looks like an address", ErrInvalid)
	}
	return s, nil
}

// looksHex tells whether s reads as a 0x-prefixed hex string (an address or a hash, whole or cut).
func looksHex(s string) bool {
	t := strings.ToLower(strings.ReplaceAll(s, "…", ""))
	t = strings.ReplaceAll(t, "...", "")
	if !strings.HasPrefix(t, "0x") || len(t) < 4 {
		return false
	}
	for _, r := range t[2:] {
		if !strings.ContainsRune("0123456789abcdef", r) {
			return false
		}
	}
	return true
}

// fold folds case, decomposes and drops combining marks.
var fold = transform.Chain(norm.NFKC, cases.Fold(), norm.NFD, runes.Remove(runes.In(unicode.Mn)), norm.NFC)

// Key returns the skeleton of a name: names with equal keys look alike and collide.
func Key(s string) string {
	folded, _, err := transform.String(fold, s)
	if err != nil {
		folded = strings.ToLower(s)
	}
	var b strings.Builder
	for _, r := range folded {
		if m, ok := lookalike[r]; ok {
			r = m
		}
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			b.WriteRune(r)
		}
	}
	k := b.String()
	for _, p := range pairs {
		k = strings.ReplaceAll(k, p[0], p[1])
	}
	return k
}

// pairs are letter pairs that pass for one letter, replaced after the single letters are mapped.
var pairs = [][2]string{{"rn", "m"}, {"vv", "w"}}

// lookalike maps characters (after case folding) to the Latin letter they pass for.
var lookalike = map[rune]rune{
	'0': 'o', '1': 'l', 'i': 'l', 'j': 'l', '|': 'l', '!': 'l', '3': 'e', '4': 'a', '5': 's', '7': 't', '8': 'b',
	'$': 's', '@': 'a', 'ı': 'l', 'ł': 'l', 'ø': 'o', 'đ': 'd', 'ß': 's', 'æ': 'a', 'œ': 'o',
	// Cyrillic
	'а': 'a', 'в': 'b', 'е': 'e', 'ё': 'e', 'к': 'k', 'м': 'm', 'н': 'h', 'о': 'o', 'р': 'p', 'с': 'c', 'т': 't',
	'у': 'y', 'х': 'x', 'ѕ': 's', 'і': 'l', 'ї': 'l', 'ј': 'l', 'һ': 'h', 'ԁ': 'd', 'ԛ': 'q', 'ԝ': 'w', 'ь': 'b',
	'г': 'r', 'п': 'n', 'ո': 'n',
	// Greek
	'α': 'a', 'β': 'b', 'ε': 'e', 'η': 'n', 'ι': 'l', 'κ': 'k', 'ν': 'v', 'ο': 'o', 'ρ': 'p', 'τ': 't', 'υ': 'u',
	'χ': 'x', 'γ': 'y', 'ω': 'w', 'ς': 's', 'σ': 'o', 'μ': 'u',
}

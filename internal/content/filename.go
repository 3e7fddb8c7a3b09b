package content

import (
	"strings"
	"unicode/utf8"
)

// MaxFileName is the longest name FileName returns, in bytes (file systems allow 255, and the
// caller adds an extension).
const MaxFileName = 180

// FileName makes name ("<Artist> - <Title>") usable as a file name on common file systems: trimmed
// of surrounding space, with the characters they refuse (/ \ : * ? " < > |, control characters)
// and invalid UTF-8 replaced, and cut to at most MaxFileName bytes between two characters.
func FileName(name string) string {
	name = strings.Map(func(r rune) rune {
		if strings.ContainsRune(`/\:*?"<>|`, r) || r < 0x20 || r == 0x7f {
			return '_'
		}
		return r // strings.Map turns invalid UTF-8 into U+FFFD
	}, strings.TrimSpace(name))
	if len(name) <= MaxFileName {
		return name
	}
	cut := MaxFileName
	for cut > 0 && !utf8.RuneStart(name[cut]) {
		cut--
	}
	return name[:cut]
}

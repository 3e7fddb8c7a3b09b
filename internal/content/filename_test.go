package content_test

import (
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/bittunes/bittunes/internal/content"
)

func TestFileName(t *testing.T) {
	for _, tt := range []struct{ in, want string }{
		{"AC/DC - What?: \"Live\"", `AC_DC - What__ _Live_`},
		{"  Mira Vale - Harbour: Lights \n", "Mira Vale - Harbour_ Lights"},
		{"a\x00b\x7fc\\d|e<f>g*h", "a_b_c_d_e_f_g_h"},
		{"bad \xff byte", "bad \uFFFD byte"},
		{strings.Repeat("a", 179) + "é", strings.Repeat("a", 179)}, // é would end at byte 181: not cut in half
		{strings.Repeat("a", 178) + "é", strings.Repeat("a", 178) + "é"},
		{strings.Repeat("日", 70), strings.Repeat("日", 60)},
	} {
		if got := content.FileName(tt.in); got != tt.want {
			t.Errorf("FileName(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

// FuzzFileName: whatever the name, the result is valid UTF-8 of at most MaxFileName bytes without
// a character file systems refuse, and a prefix of the cleaned name.
func FuzzFileName(f *testing.F) {
	for _, s := range []string{"Mira Vale - Harbour Lights", "AC/DC - What?", strings.Repeat("é", 100), "\xff\xfe", " x ", strings.Repeat("a", 179) + "日本"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, name string) {
		got := content.FileName(name)
		if len(got) > content.MaxFileName || !utf8.ValidString(got) || strings.ContainsAny(got, "/\\:*?\"<>|\x7f") {
			t.Fatalf("FileName(%q) = %q", name, got)
		}
		for _, r := range got {
			if r < 0x20 {
				t.Fatalf("FileName(%q) = %q has a control character", name, got)
			}
		}
		// Against the whole cleaned name: the result is all of it, or a cut less than one
		// character short of the limit.
		cleaned := []rune(strings.TrimSpace(name))
		for i, r := range cleaned {
			if strings.ContainsRune(`/\:*?"<>|`, r) || r < 0x20 || r == 0x7f {
				cleaned[i] = '_'
			}
		}
		whole := string(cleaned)
		if !strings.HasPrefix(whole, got) || (got != whole && len(got) <= content.MaxFileName-utf8.UTFMax) {
			t.Fatalf("FileName(%q) = %q, not all of %q or a cut near the limit", name, got, whole)
		}
	})
}

package unlock_test

import (
	"testing"
	"time"

	"github.com/bittunes/bittunes/internal/unlock"
)

// FuzzParseRequest: any text either parses to a request whose canonical text is that very text,
// or is refused as malformed; nothing panics.
func FuzzParseRequest(f *testing.F) {
	f.Add(request(key(f, 1)).Text())
	f.Add("Bittunes key request\nDomain: a\nMarket: 0x0\nChain ID: 1\nTrack: 1\nAccount: 0x0\nNonce: x\nExpires: 0")
	f.Add("")
	f.Fuzz(func(t *testing.T, text string) {
		r, err := unlock.ParseRequest(text)
		if err != nil {
			if _, ok := err.(*unlock.Refusal); !ok {
				t.Fatalf("error of type %T: %v", err, err)
			}
			return
		}
		if r.Text() != text || r.TrackID <= 0 || r.ChainID == 0 || r.Expires.Location() != time.UTC && r.Expires.UTC().Format(time.RFC3339) != r.Expires.Format(time.RFC3339) {
			t.Fatalf("accepted %q as %+v", text, r)
		}
	})
}

package auth

import (
	"strings"
	"testing"
	"time"

	"github.com/spruceid/siwe-go"
)

// FuzzParseMessage feeds arbitrary text to the sign-in message path: siwe-go's parser, the
// reading of the times, the checks against the market and the signature recovery. Nothing may
// panic (parseMessage recovers from a panicking parser, so the parser is also called bare), a
// refusal is a *Refusal, and what parses names only what the text says.
func FuzzParseMessage(f *testing.F) {
	const good = "127.0.0.1:8080 wants you to sign in with your Ethereum account:\n" +
		"0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266\n\nSign in to Bittunes.\n\n" +
		"URI: http://127.0.0.1:8080\nVersion: 1\nChain ID: 1337\nNonce: ABCDEFGHIJKLMNOPQRSTUVWXYZ\n" +
		"Issued At: 2026-11-26T11:59:00Z"
	for _, seed := range []string{
		good,
		strings.Replace(good, "Sign in to Bittunes.\n", "", 1),
		good + "\nExpiration Time: 2026-11-26T12:05:00.5+01:00\nNot Before: 2026-11-26T11:00:00Z",
		good + "\nRequest ID: req-1\nResources:\n- ipfs://bafy\n- https://example.com/a?b=c#d",
		strings.Replace(good, "http://127.0.0.1:8080", "http://u:p@127.0.0.1:8080/x?y#z", 1),
		strings.Replace(good, "127.0.0.1:8080 wants", "user@[::1]:8080 wants", 1),
		strings.Replace(good, "Chain ID: 1337", "Chain ID: 99999999999999999999999", 1),
		strings.Replace(good, "11:59:00Z", "23:59:60Z", 1),
		"",
	} {
		f.Add(seed, "0x"+strings.Repeat("11", 64)+"1b")
	}
	svc, err := New(nil, Config{Origin: "http://127.0.0.1:8080", ChainID: 1337,
		Now: func() time.Time { return time.Date(2026, 11, 26, 12, 0, 0, 0, time.UTC) }})
	if err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, text, signature string) {
		if len(text) <= MaxMessageLen {
			_, _ = siwe.ParseMessage(text) // must not panic
		}
		m, err := parseMessage(text)
		if err != nil {
			if _, ok := err.(*Refusal); !ok {
				t.Fatalf("parseMessage: %T %v, want a *Refusal", err, err)
			}
			return
		}
		if !strings.HasPrefix(text, m.GetDomain()+" wants you to sign in with your Ethereum account:\n") {
			t.Errorf("domain %q is not the text's", m.GetDomain())
		}
		if !strings.Contains(text, "\n"+m.GetAddress().Hex()+"\n") || !strings.Contains(text, "\nNonce: "+m.GetNonce()+"\n") {
			t.Errorf("address %s or nonce %q is not the text's", m.GetAddress().Hex(), m.GetNonce())
		}
		if err := svc.check(m, svc.now()); err != nil {
			if r, ok := err.(*Refusal); !ok || r.Malformed {
				t.Fatalf("check: %v, want a rejection", err)
			}
		}
		if _, err := recoverSigner(text, signature); err != nil {
			if _, ok := err.(*Refusal); !ok {
				t.Fatalf("recoverSigner: %T %v, want a *Refusal", err, err)
			}
		}
	})
}

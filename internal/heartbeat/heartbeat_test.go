package heartbeat_test

import (
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/crypto"

	"github.com/bittunes/bittunes/internal/heartbeat"
)

var now = time.Date(2026, 12, 3, 7, 0, 0, 0, time.UTC)

func sample(t *testing.T) (heartbeat.Heartbeat, string, string) {
	t.Helper()
	key, err := crypto.GenerateKey()
	if err != nil {
		t.Fatal(err)
	}
	h := heartbeat.Heartbeat{Domain: "127.0.0.1:8080", Account: crypto.PubkeyToAddress(key.PublicKey), Expires: now.Add(10 * time.Minute),
		InfoHashes: []string{strings.Repeat("ab", 20), strings.Repeat("cd", 20)}}
	copy(h.PeerID[:], "-BT0001-aaaaaaaaaaaa")
	sig, err := heartbeat.Sign(h, key)
	if err != nil {
		t.Fatal(err)
	}
	return h, h.Text(), sig
}

func TestAHeartbeatSignedByItsAccountIsAccepted(t *testing.T) {
	h, text, sig := sample(t)
	got, err := heartbeat.Verify(text, sig, "127.0.0.1:8080", now)
	if err != nil || got.Account != h.Account || got.PeerID != h.PeerID || len(got.InfoHashes) != 2 || !got.Expires.Equal(h.Expires) {
		t.Fatalf("Verify = %+v, %v", got, err)
	}
}

func TestBadHeartbeatsAreRefused(t *testing.T) {
	h, text, sig := sample(t)
	other, _, otherSig := sample(t)
	_ = other
	for name, c := range map[string]struct{ text, sig, domain string }{
		"another market":         {text, sig, "bittunes.example"},
		"another account's sig":  {text, otherSig, "127.0.0.1:8080"},
		"a changed package list": {strings.Replace(text, "abab", "abac", 1), sig, "127.0.0.1:8080"},
		"a signature not in hex": {text, "nope", "127.0.0.1:8080"},
		"a short signature":      {text, "0x1234", "127.0.0.1:8080"},
		"an account not the key": {strings.Replace(text, h.Account.Hex(), "0x0000000000000000000000000000000000000001", 1), sig, "127.0.0.1:8080"},
	} {
		if _, err := heartbeat.Verify(c.text, c.sig, c.domain, now); !errors.Is(err, heartbeat.ErrInvalid) {
			t.Errorf("%s: %v", name, err)
		}
	}
	if _, err := heartbeat.Verify(text, sig, "127.0.0.1:8080", now.Add(11*time.Minute)); !errors.Is(err, heartbeat.ErrInvalid) {
		t.Errorf("expired: %v", err)
	}
	h.Expires = now.Add(time.Hour)
	if _, err := heartbeat.Verify(h.Text(), sig, "127.0.0.1:8080", now); !errors.Is(err, heartbeat.ErrInvalid) {
		t.Errorf("an hour ahead: %v", err)
	}
}

func TestParseRefusesMalformedText(t *testing.T) {
	h, text, _ := sample(t)
	many := h
	many.InfoHashes = nil
	for i := range heartbeat.MaxPackages + 1 {
		many.InfoHashes = append(many.InfoHashes, strings.Repeat("0", 36)+strings.ToLower(strings.TrimPrefix(strings.Repeat("0", 4)+string("0123456789abcdef"[i%16])+string("0123456789abcdef"[i/16%16])+string("0123456789abcdef"[i/256%16]), "0")))
	}
	dup := h
	dup.InfoHashes = []string{h.InfoHashes[0], h.InfoHashes[0]}
	for name, bad := range map[string]string{
		"empty":           "",
		"extra line":      text + "\n",
		"upper-case hash": strings.Replace(text, "abab", "ABAB", 1),
		"no packages":     text[:strings.LastIndex(text, ": ")+2],
		"a local time":    strings.Replace(text, "Z\n", "+01:00\n", 1),
		"too many":        many.Text(),
		"a package twice": dup.Text(),
		"another header":  strings.Replace(text, "Bittunes seeding", "Bittunes key request", 1),
	} {
		if _, err := heartbeat.Parse(bad); !errors.Is(err, heartbeat.ErrInvalid) {
			t.Errorf("%s: %v", name, err)
		}
	}
}

// FuzzParse: Parse never panics, and what it accepts prints back to the same text.
func FuzzParse(f *testing.F) {
	h := heartbeat.Heartbeat{Domain: "127.0.0.1:8080", Expires: now, InfoHashes: []string{strings.Repeat("ab", 20)}}
	f.Add(h.Text())
	f.Add("Bittunes seeding\nDomain: x\nAccount: 0x\nPeer: \nExpires: \nPackages: ")
	f.Add("")
	f.Fuzz(func(t *testing.T, text string) {
		got, err := heartbeat.Parse(text)
		if err != nil {
			return
		}
		if got.Text() != text {
			t.Fatalf("Parse(%q).Text() = %q", text, got.Text())
		}
	})
}

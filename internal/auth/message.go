package auth

import (
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/ethereum/go-ethereum/accounts"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/common/hexutil"
	"github.com/ethereum/go-ethereum/crypto"
	"github.com/spruceid/siwe-go"
)

// MaxMessageLen is the longest sign-in message accepted, in bytes.
const MaxMessageLen = 8 << 10

// Refusal is why a sign-in was refused. Its Error is safe to show the client.
type Refusal struct {
	// Malformed is true when the request cannot be read (a client bug), false when it is
	// well-formed but not accepted (a wrong signer, domain, chain, nonce, time).
	Malformed bool
	Reason    string
}

func (r *Refusal) Error() string { return r.Reason }

func malformed(format string, args ...any) error {
	return &Refusal{Malformed: true, Reason: fmt.Sprintf(format, args...)}
}

func reject(format string, args ...any) error {
	return &Refusal{Reason: fmt.Sprintf(format, args...)}
}

// message is a parsed sign-in message and the times it names.
type message struct {
	*siwe.Message
	issuedAt           time.Time
	expires, notBefore *time.Time
}

// parseMessage reads an EIP-4361 message with siwe-go, and the times in it.
func parseMessage(text string) (m message, err error) {
	if len(text) > MaxMessageLen {
		return message{}, malformed("the message is longer than %d bytes", MaxMessageLen)
	}
	defer func() {
		// siwe-go is a parser of outside input: should it ever panic, that is a malformed message.
		if r := recover(); r != nil {
			m, err = message{}, malformed("the message is not a valid Sign-In with Ethereum (EIP-4361) message")
		}
	}()
	parsed, perr := siwe.ParseMessage(text)
	if perr != nil {
		return message{}, malformed("the message is not a valid Sign-In with Ethereum (EIP-4361) message")
	}
	m = message{Message: parsed}
	if m.issuedAt, err = parseTime("issued-at", parsed.GetIssuedAt()); err != nil {
		return message{}, err
	}
	if s := parsed.GetExpirationTime(); s != nil {
		t, err := parseTime("expiration", *s)
		if err != nil {
			return message{}, err
		}
		m.expires = &t
	}
	if s := parsed.GetNotBefore(); s != nil {
		t, err := parseTime("not-before", *s)
		if err != nil {
			return message{}, err
		}
		m.notBefore = &t
	}
	return m, nil
}

// parseTime reads an RFC 3339 date-time as EIP-4361 writes them (siwe-go has checked the form).
func parseTime(what, s string) (time.Time, error) {
	t, err := time.Parse(time.RFC3339Nano, s)
	if err != nil {
		return time.Time{}, malformed("the message's %s time is not an RFC 3339 date-time", what)
	}
	return t.UTC(), nil
}

// check holds a parsed message against the market and the clock at now.
func (s *Service) check(m message, now time.Time) error {
	if !strings.EqualFold(m.GetDomain(), s.domain) {
		return reject("the message is for another site: its domain must be %s", s.domain)
	}
	uri := m.GetURI()
	if !uri.IsAbs() || originOf(&uri) != s.origin {
		return reject("the message's URI must be on %s", s.origin)
	}
	if id := m.GetChainID(); id < 0 || uint64(id) != s.chainID {
		return reject("the message is for chain %d, but this market is on chain %d", id, s.chainID)
	}
	if m.GetVersion() != "1" {
		return reject("the message's version must be 1")
	}
	if m.issuedAt.After(now.Add(s.skew)) {
		return reject("the message's issued-at time is in the future; check your clock")
	}
	if m.expires != nil && !now.Before(*m.expires) {
		return reject("the message has expired")
	}
	if m.notBefore != nil && now.Add(s.skew).Before(*m.notBefore) {
		return reject("the message is not valid yet")
	}
	return nil
}

// Why a personal_sign signature was refused: it is not 65 bytes of 0x hex, or no key made it.
var (
	ErrSignatureFormat = errors.New("the signature must be 0x and 130 hex digits (65 bytes)")
	ErrSignature       = errors.New("the signature is not valid")
)

// RecoverSigner returns the account whose key made signature, an EIP-191 personal_sign signature
// of text: 65 bytes r ‖ s ‖ v in 0x hex, v being 27 or 28 (or 0 or 1, as some wallets give it).
// The signature is checked against the exact text sent, not a re-rendering of a parsed message.
func RecoverSigner(text, signature string) (common.Address, error) {
	sig, err := hexutil.Decode(signature)
	if err != nil || len(sig) != crypto.SignatureLength {
		return common.Address{}, ErrSignatureFormat
	}
	switch sig[crypto.RecoveryIDOffset] {
	case 27, 28:
		sig[crypto.RecoveryIDOffset] -= 27
	case 0, 1:
	default:
		return common.Address{}, ErrSignature
	}
	pub, err := crypto.SigToPub(accounts.TextHash([]byte(text)), sig)
	if err != nil {
		return common.Address{}, ErrSignature
	}
	return crypto.PubkeyToAddress(*pub), nil
}

// recoverSigner is RecoverSigner with its refusals as the sign-in's errors.
func recoverSigner(text, signature string) (common.Address, error) {
	a, err := RecoverSigner(text, signature)
	switch {
	case errors.Is(err, ErrSignatureFormat):
		return a, malformed("%s", err)
	case err != nil:
		return a, reject("%s", err)
	}
	return a, nil
}

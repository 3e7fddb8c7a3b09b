// Package heartbeat is the signed seeding heartbeat: the statement a fan's client sends the market
// every few minutes, signed by the fan's account with personal_sign, that its BitTorrent peer seeds
// some packages. The market stores it only for the packages its tracker saw that peer seed from
// the same IP (see store.RecordSeeds), so nobody can show an account as seeding without its key,
// nor claim packages its peer does not seed.
package heartbeat

import (
	"crypto/ecdsa"
	"encoding/hex"
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/ethereum/go-ethereum/accounts"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/common/hexutil"
	"github.com/ethereum/go-ethereum/crypto"
)

// MaxPackages bounds the torrents one heartbeat names.
const MaxPackages = 200

// MaxAhead is how far ahead a heartbeat may expire: a fan's client renews it every 5 minutes.
const MaxAhead = 15 * time.Minute

// maxText bounds the text Parse reads (a heartbeat of MaxPackages info hashes is about 8.4 KB).
const maxText = 10 << 10

// ErrInvalid reports a heartbeat that is malformed, for another market, expired, too far ahead, or
// not signed by its account.
var ErrInvalid = errors.New("heartbeat: invalid")

// Heartbeat says that the peer PeerID of Account seeds the torrents InfoHashes until Expires, on the
// market at Domain.
type Heartbeat struct {
	Domain     string // the market's host[:port]
	Account    common.Address
	PeerID     [20]byte
	InfoHashes []string // 40 lowercase hex digits each
	Expires    time.Time
}

const header = "Bittunes seeding"

// Text is the exact text that is signed:
//
//	Bittunes seeding
//	Domain: 127.0.0.1:8080
//	Account: 0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266
//	Peer: 2d4254303030312d616161616161616161616161
//	Expires: 2026-12-03T07:15:00Z
//	Packages: 9c0e…(40 hex),1f2a…
func (h Heartbeat) Text() string {
	return fmt.Sprintf("%s\nDomain: %s\nAccount: %s\nPeer: %s\nExpires: %s\nPackages: %s", header, h.Domain, h.Account.Hex(),
		hex.EncodeToString(h.PeerID[:]), h.Expires.UTC().Format(time.RFC3339), strings.Join(h.InfoHashes, ","))
}

// Sign signs the heartbeat's text with key (personal_sign) and returns it in 0x hex.
func Sign(h Heartbeat, key *ecdsa.PrivateKey) (string, error) {
	sig, err := crypto.Sign(accounts.TextHash([]byte(h.Text())), key)
	if err != nil {
		return "", fmt.Errorf("heartbeat: sign: %w", err)
	}
	sig[crypto.RecoveryIDOffset] += 27
	return hexutil.Encode(sig), nil
}

// Parse reads a heartbeat's text, strictly: the lines of Text in their order, nothing else.
func Parse(text string) (Heartbeat, error) {
	bad := func(format string, args ...any) (Heartbeat, error) {
		return Heartbeat{}, fmt.Errorf("%w: %s", ErrInvalid, fmt.Sprintf(format, args...))
	}
	if len(text) > maxText {
		return bad("longer than %d bytes", maxText)
	}
	lines := strings.Split(text, "\n")
	if len(lines) != 6 || lines[0] != header {
		return bad("not a seeding heartbeat (%d lines)", len(lines))
	}
	field := func(i int, name string) (string, bool) { return strings.CutPrefix(lines[i], name+": ") }
	var h Heartbeat
	var ok bool
	if h.Domain, ok = field(1, "Domain"); !ok || h.Domain == "" || strings.ContainsAny(h.Domain, " /") {
		return bad("line 2 must be Domain: <host[:port]>")
	}
	account, ok := field(2, "Account")
	if !ok || !common.IsHexAddress(account) || common.HexToAddress(account).Hex() != account {
		return bad("line 3 must be Account: <0x address, EIP-55 checksummed>")
	}
	h.Account = common.HexToAddress(account)
	peer, ok := field(3, "Peer")
	if b, err := hex.DecodeString(peer); !ok || err != nil || len(b) != 20 || peer != strings.ToLower(peer) {
		return bad("line 4 must be Peer: <peer id, 40 lowercase hex digits>")
	} else {
		copy(h.PeerID[:], b)
	}
	expires, ok := field(4, "Expires")
	t, err := time.Parse(time.RFC3339, expires)
	if !ok || err != nil || t.Format(time.RFC3339) != expires || t.Location() != time.UTC {
		return bad("line 5 must be Expires: <UTC time, RFC 3339, such as 2026-12-03T07:15:00Z>")
	}
	h.Expires = t
	list, ok := field(5, "Packages")
	if !ok || list == "" {
		return bad("line 6 must be Packages: <info hash>,<info hash>,…")
	}
	h.InfoHashes = strings.Split(list, ",")
	if len(h.InfoHashes) > MaxPackages {
		return bad("%d packages, at most %d", len(h.InfoHashes), MaxPackages)
	}
	seen := map[string]bool{}
	for _, ih := range h.InfoHashes {
		if b, err := hex.DecodeString(ih); err != nil || len(b) != 20 || ih != strings.ToLower(ih) || seen[ih] {
			return bad("package %q is not an info hash (40 lowercase hex digits), or is named twice", ih)
		}
		seen[ih] = true
	}
	return h, nil
}

// Verify parses a signed heartbeat and checks it: for domain, not expired at now nor more than
// MaxAhead ahead, and signed by its account.
func Verify(text, signature, domain string, now time.Time) (Heartbeat, error) {
	h, err := Parse(text)
	if err != nil {
		return Heartbeat{}, err
	}
	if !strings.EqualFold(h.Domain, domain) {
		return Heartbeat{}, fmt.Errorf("%w: for %s, not this market (%s)", ErrInvalid, h.Domain, domain)
	}
	if !h.Expires.After(now) || h.Expires.After(now.Add(MaxAhead+time.Minute)) {
		return Heartbeat{}, fmt.Errorf("%w: expires %s: must be in the next %s", ErrInvalid, h.Expires.Format(time.RFC3339), MaxAhead)
	}
	sig, err := hexutil.Decode(signature)
	if err != nil || len(sig) != crypto.SignatureLength {
		return Heartbeat{}, fmt.Errorf("%w: the signature must be 65 bytes in 0x hex", ErrInvalid)
	}
	if sig[crypto.RecoveryIDOffset] >= 27 {
		sig[crypto.RecoveryIDOffset] -= 27
	}
	pub, err := crypto.SigToPub(accounts.TextHash([]byte(text)), sig)
	if err != nil || crypto.PubkeyToAddress(*pub) != h.Account {
		return Heartbeat{}, fmt.Errorf("%w: not signed by %s", ErrInvalid, h.Account.Hex())
	}
	return h, nil
}

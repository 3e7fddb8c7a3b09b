// Package unlock releases a track's key to the accounts that own the track: it checks how a caller
// proves an account (a Sign-In with Ethereum session, checked by the API, or a signed, expiring,
// single-use key request, checked here), reads ownership from the indexed database and, when the
// indexer has not caught up yet, from the market contract, opens the sealed key with the master key
// and logs every release.
package unlock

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"time"

	"github.com/ethereum/go-ethereum/common"
)

// Request is a key request as the fan's client signs it (EIP-191 personal_sign over Text()).
type Request struct {
	Domain  string         // the market's host[:port]
	Market  common.Address // the market contract
	ChainID uint64
	TrackID int64
	Account common.Address // the owner asking, who must be the signer
	Nonce   string         // 16 to 64 letters and digits, never used before by this account
	Expires time.Time      // whole seconds, UTC
}

// MaxRequestLen bounds the text of a key request.
const MaxRequestLen = 1024

const requestTitle = "Bittunes key request"

// Text is the request's canonical text, the only one a signature is accepted over:
//
//	Bittunes key request
//	Domain: bittunes.example
//	Market: 0x5FbDB2315678afecb367f032d93F642f64180aa3
//	Chain ID: 1
//	Track: 7
//	Account: 0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266
//	Nonce: 3XQ4Z6PZ7DQ2N5W4Y2V6K4H2LA
//	Expires: 2026-11-26T08:00:00Z
//
// Addresses are EIP-55 checksummed; the expiry is RFC 3339 in UTC, whole seconds.
func (r Request) Text() string {
	return fmt.Sprintf("%s\nDomain: %s\nMarket: %s\nChain ID: %d\nTrack: %d\nAccount: %s\nNonce: %s\nExpires: %s",
		requestTitle, r.Domain, r.Market.Hex(), r.ChainID, r.TrackID, r.Account.Hex(), r.Nonce,
		r.Expires.UTC().Format(time.RFC3339))
}

var (
	noncePattern  = regexp.MustCompile(`^[A-Za-z0-9]{16,64}$`)
	domainPattern = regexp.MustCompile(`^[a-z0-9.\-]+(:[0-9]{1,5})?$|^\[[0-9a-f:.]+\](:[0-9]{1,5})?$`)
)

// ParseRequest reads a key request's text. It accepts the canonical text of a Request only: the
// lines in order, nothing missing or added, checksummed addresses, so that every request has one
// text and a signature can be checked against exactly what was parsed.
func ParseRequest(text string) (Request, error) {
	if len(text) > MaxRequestLen {
		return Request{}, malformed("the key request is longer than %d bytes", MaxRequestLen)
	}
	lines := strings.Split(text, "\n")
	labels := []string{"", "Domain: ", "Market: ", "Chain ID: ", "Track: ", "Account: ", "Nonce: ", "Expires: "}
	if len(lines) != len(labels) || lines[0] != requestTitle {
		return Request{}, malformed("a key request has %d lines, the first %q", len(labels), requestTitle)
	}
	v := make([]string, len(lines))
	for i := 1; i < len(lines); i++ {
		var ok bool
		if v[i], ok = strings.CutPrefix(lines[i], labels[i]); !ok {
			return Request{}, malformed("line %d of the key request must start with %q", i+1, labels[i])
		}
	}
	var r Request
	var err error
	if r.Domain = v[1]; !domainPattern.MatchString(r.Domain) {
		return Request{}, malformed("the domain must be the market's host[:port] in lower case")
	}
	if r.Market, err = parseAddress("market", v[2]); err != nil {
		return Request{}, err
	}
	if r.ChainID, err = strconv.ParseUint(v[3], 10, 64); err != nil || r.ChainID == 0 {
		return Request{}, malformed("the chain id must be a positive whole number")
	}
	if r.TrackID, err = strconv.ParseInt(v[4], 10, 64); err != nil || r.TrackID <= 0 {
		return Request{}, malformed("the track must be a positive whole number")
	}
	if r.Account, err = parseAddress("account", v[5]); err != nil {
		return Request{}, err
	}
	if r.Nonce = v[6]; !noncePattern.MatchString(r.Nonce) {
		return Request{}, malformed("the nonce must be 16 to 64 letters and digits")
	}
	if r.Expires, err = time.Parse(time.RFC3339, v[7]); err != nil {
		return Request{}, malformed("the expiry must be an RFC 3339 time such as 2026-11-26T08:00:00Z")
	}
	if r.Text() != text {
		return Request{}, malformed("the key request is not in canonical form (checksummed addresses, plain numbers, UTC whole seconds)")
	}
	return r, nil
}

func parseAddress(what, s string) (common.Address, error) {
	if !common.IsHexAddress(s) || !strings.HasPrefix(s, "0x") {
		return common.Address{}, malformed("the %s must be a checksummed address", what)
	}
	return common.HexToAddress(s), nil
}

// Refusal is why a key request was refused; Reason is safe to show the client. Malformed requests
// are the client's mistake (400); the others fail authentication (401).
type Refusal struct {
	Reason    string
	Malformed bool
}

func (r *Refusal) Error() string { return "unlock: " + r.Reason }

func malformed(format string, args ...any) error {
	return &Refusal{Reason: fmt.Sprintf(format, args...), Malformed: true}
}

func reject(format string, args ...any) error { return &Refusal{Reason: fmt.Sprintf(format, args...)} }

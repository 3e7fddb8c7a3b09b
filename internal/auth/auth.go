// Package auth signs people in with their Ethereum wallet, by Sign-In with Ethereum (EIP-4361):
// it hands out single-use nonces, checks a signed sign-in message against the market's origin
// and chain, and opens sessions. Nonces and sessions live in the database, so any API server
// behind a load balancer accepts what another one issued.
package auth

import (
	"context"
	"crypto/rand"
	"errors"
	"fmt"
	"log/slog"
	"net/url"
	"strings"
	"sync"
	"time"

	"github.com/ethereum/go-ethereum/common"

	"github.com/bittunes/bittunes/internal/store"
)

// Store keeps nonces and sessions (*store.Store does).
type Store interface {
	CreateNonce(ctx context.Context, nonce string, expiresAt time.Time) error
	ConsumeNonce(ctx context.Context, nonce string, now time.Time) error
	CreateSession(ctx context.Context, s store.Session) error
	Session(ctx context.Context, id string, now time.Time) (store.Session, error)
	DeleteSession(ctx context.Context, id string) error
	PruneExpired(ctx context.Context, now time.Time) (int64, error)
}

// Config sets up a Service. Origin and ChainID are required; the rest have defaults.
type Config struct {
	// Origin is the market's public origin, scheme://host[:port] (http or https): a sign-in
	// message must name its host[:port] as its domain and a URI on it.
	Origin string
	// ChainID is the market's chain: a sign-in message must name it.
	ChainID uint64
	// NonceTTL is how long a nonce may be used (5 minutes by default).
	NonceTTL time.Duration
	// SessionTTL is how long a session lasts (7 days by default).
	SessionTTL time.Duration
	// Skew is how far ahead of this server's clock a wallet's clock may be (1 minute by default).
	Skew time.Duration
	// Now is the clock (time.Now by default).
	Now func() time.Time
	// Logger gets failures of the periodic pruning of expired rows (nothing by default).
	Logger *slog.Logger
}

// Service signs accounts in and out. It is safe for concurrent use.
type Service struct {
	store   Store
	origin  string // normalised: lowercase scheme://host[:port], without a default port
	domain  string // host[:port] of origin
	secure  bool
	chainID uint64
	now     func() time.Time
	logger  *slog.Logger

	nonceTTL, sessionTTL, skew time.Duration

	pruneMu sync.Mutex
	pruned  time.Time
}

// pruneEvery is how often, at most, a Service deletes expired nonces and sessions.
const pruneEvery = 10 * time.Minute

// New returns a Service over s, or an error if the configuration is unusable.
func New(s Store, c Config) (*Service, error) {
	u, err := url.Parse(c.Origin)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" || u.User != nil ||
		(u.Path != "" && u.Path != "/") || u.RawQuery != "" || u.Fragment != "" {
		return nil, fmt.Errorf("auth: the public origin %q must be http(s)://host[:port]", c.Origin)
	}
	if c.ChainID == 0 {
		return nil, errors.New("auth: no chain id")
	}
	svc := &Service{store: s, origin: originOf(u), secure: u.Scheme == "https", chainID: c.ChainID,
		nonceTTL: c.NonceTTL, sessionTTL: c.SessionTTL, skew: c.Skew, now: c.Now, logger: c.Logger}
	svc.domain = strings.TrimPrefix(svc.origin, strings.ToLower(u.Scheme)+"://")
	if svc.nonceTTL <= 0 {
		svc.nonceTTL = 5 * time.Minute
	}
	if svc.sessionTTL <= 0 {
		svc.sessionTTL = 7 * 24 * time.Hour
	}
	if svc.skew <= 0 {
		svc.skew = time.Minute
	}
	if svc.now == nil {
		svc.now = time.Now
	}
	return svc, nil
}

// originOf returns the origin of an absolute URL: lowercase scheme://host[:port], the port left
// out when it is the scheme's default.
func originOf(u *url.URL) string {
	scheme, host := strings.ToLower(u.Scheme), strings.ToLower(u.Host)
	if p := u.Port(); (scheme == "http" && p == "80") || (scheme == "https" && p == "443") {
		host = strings.TrimSuffix(host, ":"+p)
	}
	return scheme + "://" + host
}

// Origin returns the market's public origin, normalised (https://bittunes.example).
func (s *Service) Origin() string { return s.origin }

// Domain returns the domain sign-in messages must name: the origin's host[:port].
func (s *Service) Domain() string { return s.domain }

// Secure reports whether the origin is https, so session cookies must be Secure.
func (s *Service) Secure() bool { return s.secure }

// SessionTTL returns how long a session lasts.
func (s *Service) SessionTTL() time.Duration { return s.sessionTTL }

// Nonce is a sign-in nonce: the client puts Value in its sign-in message before ExpiresAt.
type Nonce struct {
	Value     string
	ExpiresAt time.Time
}

// NewNonce issues a nonce: 26 random characters of A–Z and 2–7 (130 bits), alphanumeric as
// EIP-4361 asks, good for one sign-in within the nonce lifetime.
func (s *Service) NewNonce(ctx context.Context) (Nonce, error) {
	now := s.now().UTC()
	s.pruneNow(ctx, now)
	n := Nonce{Value: rand.Text(), ExpiresAt: now.Add(s.nonceTTL).Truncate(time.Second)}
	if err := s.store.CreateNonce(ctx, n.Value, n.ExpiresAt); err != nil {
		return Nonce{}, fmt.Errorf("auth: new nonce: %w", err)
	}
	return n, nil
}

// pruneNow deletes the expired nonces and sessions if it has not done so for a while. Expired
// rows are refused anyway, so a failure is only logged.
func (s *Service) pruneNow(ctx context.Context, now time.Time) {
	s.pruneMu.Lock()
	due := now.Sub(s.pruned) >= pruneEvery
	if due {
		s.pruned = now
	}
	s.pruneMu.Unlock()
	if !due {
		return
	}
	if _, err := s.store.PruneExpired(ctx, now); err != nil && s.logger != nil {
		s.logger.Warn("auth: prune expired nonces and sessions", "err", err)
	}
}

// Session is a signed-in account's session: the client keeps ID (in a cookie) until ExpiresAt.
type Session struct {
	ID        string
	Address   common.Address
	ExpiresAt time.Time
}

// SignIn checks a signed EIP-4361 message (the exact text the wallet signed and its 65-byte
// personal_sign signature in 0x hex) and opens a session for the account it names. It fails with
// a *Refusal when the request is malformed or not accepted, saying why; any other error is the
// database's.
func (s *Service) SignIn(ctx context.Context, text, signature string) (Session, error) {
	now := s.now().UTC()
	m, err := parseMessage(text)
	if err != nil {
		return Session{}, err
	}
	if err := s.check(m, now); err != nil {
		return Session{}, err
	}
	signer, err := recoverSigner(text, signature)
	if err != nil {
		return Session{}, err
	}
	if signer != m.GetAddress() {
		return Session{}, reject("the message was not signed by the account it names")
	}
	// Last, so that only a message that passes every other check uses the nonce up.
	if err := s.store.ConsumeNonce(ctx, m.GetNonce(), now); err != nil {
		switch {
		case errors.Is(err, store.ErrNotFound):
			return Session{}, reject("the nonce was not issued by this market; ask for a new one")
		case errors.Is(err, store.ErrConflict):
			return Session{}, reject("the nonce has already been used; ask for a new one")
		case errors.Is(err, store.ErrExpired):
			return Session{}, reject("the nonce has expired; ask for a new one")
		}
		return Session{}, fmt.Errorf("auth: sign in: %w", err)
	}
	sess := Session{ID: rand.Text(), Address: signer, ExpiresAt: now.Add(s.sessionTTL).Truncate(time.Second)}
	if err := s.store.CreateSession(ctx, store.Session{ID: sess.ID, Address: sess.Address, CreatedAt: now,
		ExpiresAt: sess.ExpiresAt}); err != nil {
		return Session{}, fmt.Errorf("auth: sign in: %w", err)
	}
	return sess, nil
}

// ErrNoSession reports a session id that is unknown, ended or expired.
var ErrNoSession = errors.New("auth: no such session")

// Account returns the account signed in with the session id, or ErrNoSession.
func (s *Service) Account(ctx context.Context, id string) (common.Address, error) {
	if !wellFormedID(id) {
		return common.Address{}, ErrNoSession
	}
	sess, err := s.store.Session(ctx, id, s.now())
	if errors.Is(err, store.ErrNotFound) {
		return common.Address{}, ErrNoSession
	}
	if err != nil {
		return common.Address{}, fmt.Errorf("auth: session: %w", err)
	}
	return sess.Address, nil
}

// SignOut ends the session id (an unknown one is not an error).
func (s *Service) SignOut(ctx context.Context, id string) error {
	if !wellFormedID(id) {
		return nil
	}
	if err := s.store.DeleteSession(ctx, id); err != nil {
		return fmt.Errorf("auth: sign out: %w", err)
	}
	return nil
}

// wellFormedID reports whether id looks like an id from rand.Text, so junk cookies cost no query.
func wellFormedID(id string) bool {
	if len(id) != 26 {
		return false
	}
	for _, r := range id {
		if !('A' <= r && r <= 'Z' || '2' <= r && r <= '7') {
			return false
		}
	}
	return true
}

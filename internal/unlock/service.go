package unlock

import (
	"context"
	"crypto/rand"
	"errors"
	"fmt"
	"log/slog"
	"time"

	"filippo.io/age"
	"github.com/ethereum/go-ethereum/common"

	"github.com/bittunes/bittunes/internal/auth"
	"github.com/bittunes/bittunes/internal/content"
	"github.com/bittunes/bittunes/internal/store"
)

// Store is what the service reads and writes (*store.Store does).
type Store interface {
	Track(ctx context.Context, chainID uint64, id int64) (store.Track, error)
	TrackKey(ctx context.Context, contentHash common.Hash) (store.TrackKey, error)
	Owns(ctx context.Context, chainID uint64, trackID int64, account common.Address) (bool, error)
	UseKeyRequestNonce(ctx context.Context, account common.Address, nonce string, expiresAt, now time.Time) error
	LogKeyRelease(ctx context.Context, r store.KeyRelease) error
}

// Contract reads ownership from the market contract (market.Reader does).
type Contract interface {
	Owns(ctx context.Context, trackID int64, account common.Address) (bool, error)
}

// ErrNotOwner reports an account that does not own the track.
var ErrNotOwner = errors.New("unlock: the account does not own this track")

// Service releases keys. Its fields are set once, before use; it is safe for concurrent use.
type Service struct {
	Store     Store
	Contract  Contract // nil: the database alone says who owns what
	MasterKey []byte
	ChainID   uint64
	Market    common.Address
	Domain    string // the market's host[:port], as key requests must name it
	// MaxLifetime bounds how far ahead a request may expire (10 minutes by default); Skew how far
	// the client's clock may be off (1 minute by default).
	MaxLifetime, Skew time.Duration
	Now               func() time.Time
	Logger            *slog.Logger
}

func (s *Service) now() time.Time {
	if s.Now != nil {
		return s.Now()
	}
	return time.Now()
}

func (s *Service) limits() (life, skew time.Duration) {
	life, skew = s.MaxLifetime, s.Skew
	if life <= 0 {
		life = 10 * time.Minute
	}
	if skew <= 0 {
		skew = time.Minute
	}
	return life, skew
}

// Authenticate checks a signed key request for trackID: its text, that it names this market, chain
// and track, that it has not expired (nor expires too far ahead), that the signature is the named
// account's, and that its nonce was never used. It returns the account.
func (s *Service) Authenticate(ctx context.Context, trackID int64, text, signature string) (common.Address, error) {
	r, err := ParseRequest(text)
	if err != nil {
		return common.Address{}, err
	}
	now := s.now().UTC()
	life, skew := s.limits()
	switch {
	case r.Domain != s.Domain:
		return common.Address{}, reject("the key request names the domain %q, not %q", r.Domain, s.Domain)
	case r.Market != s.Market || r.ChainID != s.ChainID:
		return common.Address{}, reject("the key request names another market or chain")
	case r.TrackID != trackID:
		return common.Address{}, reject("the key request is for track %d, not %d", r.TrackID, trackID)
	case !now.Before(r.Expires.Add(skew)):
		return common.Address{}, reject("the key request has expired")
	case r.Expires.After(now.Add(life + skew)):
		return common.Address{}, reject("the key request expires more than %s ahead; check your clock", life)
	}
	signer, err := recoverSigner(text, signature)
	if err != nil {
		return common.Address{}, err
	}
	if signer != r.Account {
		return common.Address{}, reject("the signature is not the account's")
	}
	err = s.Store.UseKeyRequestNonce(ctx, r.Account, r.Nonce, r.Expires.Add(skew), now)
	if errors.Is(err, store.ErrConflict) {
		return common.Address{}, reject("this key request was already used; sign a new one")
	}
	if err != nil {
		return common.Address{}, fmt.Errorf("unlock: %w", err)
	}
	return r.Account, nil
}

// recoverSigner returns the account whose key made signature, an EIP-191 personal_sign signature of
// text (auth.RecoverSigner), with its refusals as the unlock's errors.
func recoverSigner(text, signature string) (common.Address, error) {
	a, err := auth.RecoverSigner(text, signature)
	switch {
	case errors.Is(err, auth.ErrSignatureFormat):
		return a, malformed("%s", err)
	case err != nil:
		return a, reject("%s", err)
	}
	return a, nil
}

// Owner reports where account's ownership of the track is read: the indexed purchases, else the
// contract (a purchase the indexer has not seen yet). The track's artist counts as an owner.
// ErrNotOwner if neither says so.
func (s *Service) Owner(ctx context.Context, t store.Track, account common.Address) (store.OwnershipSource, error) {
	if account == t.Artist {
		return store.OwnershipDatabase, nil
	}
	owns, err := s.Store.Owns(ctx, s.ChainID, t.ID, account)
	if err != nil {
		return "", fmt.Errorf("unlock: %w", err)
	}
	if owns {
		return store.OwnershipDatabase, nil
	}
	if s.Contract != nil {
		owns, err := s.Contract.Owns(ctx, t.ID, account)
		if err != nil {
			return "", fmt.Errorf("unlock: %w", err)
		}
		if owns {
			return store.OwnershipContract, nil
		}
	}
	return "", ErrNotOwner
}

// Key is a released key.
type Key struct {
	Track     store.Track
	Identity  *age.X25519Identity
	Ownership store.OwnershipSource
}

// Release gives account the key of a track it owns (ErrNotOwner otherwise), after logging the
// release with how the account proved itself and the request's id.
func (s *Service) Release(ctx context.Context, trackID int64, account common.Address, proof store.KeyProof, requestID string) (Key, error) {
	t, err := s.Store.Track(ctx, s.ChainID, trackID)
	if err != nil {
		return Key{}, fmt.Errorf("unlock: %w", err)
	}
	src, err := s.Owner(ctx, t, account)
	if err != nil {
		return Key{}, err
	}
	sealed, err := s.Store.TrackKey(ctx, t.ContentHash)
	if err != nil {
		return Key{}, fmt.Errorf("unlock: %w", err)
	}
	id, err := content.Open(sealed.Sealed, s.MasterKey, t.ContentHash)
	if err != nil {
		return Key{}, fmt.Errorf("unlock: track %d: %w", t.ID, err)
	}
	rel := store.KeyRelease{ID: rand.Text(), ChainID: s.ChainID, TrackID: t.ID, ContentHash: t.ContentHash, Account: account,
		Proof: proof, Ownership: src, RequestID: requestID, ReleasedAt: s.now()}
	if err := s.Store.LogKeyRelease(ctx, rel); err != nil {
		return Key{}, fmt.Errorf("unlock: %w", err)
	}
	if s.Logger != nil {
		s.Logger.Info("unlock: key released", "track", t.ID, "account", account.Hex(), "proof", proof, "ownership", src, "request_id", requestID)
	}
	return Key{Track: t, Identity: id, Ownership: src}, nil
}

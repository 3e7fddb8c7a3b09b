package unlock

import (
	"context"
	"crypto/rand"
	"errors"
	"fmt"
	"log/slog"
	"math/big"
	"time"

	"filippo.io/age"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/core/types"
	"golang.org/x/time/rate"

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

// Contract reads ownership from the market contract as of a block (nil: the latest) (market.Reader
// does).
type Contract interface {
	OwnsAt(ctx context.Context, trackID int64, account common.Address, block *big.Int) (bool, error)
}

// Chain tells the chain's head (ethclient.Client does).
type Chain interface {
	HeaderByNumber(ctx context.Context, number *big.Int) (*types.Header, error)
}

// ErrNotOwner reports an account that does not own the track.
var ErrNotOwner = errors.New("unlock: the account does not own this track")

// ErrBusy reports that the contract was asked about ownership as often as the service allows for
// now (Service.ContractReads): the caller may try again in a moment.
var ErrBusy = errors.New("unlock: too many ownership checks against the chain right now")

// Service releases keys. Its fields are set once, before use; it is safe for concurrent use.
type Service struct {
	Store    Store
	Contract Contract // nil: the database alone says who owns what
	// Chain and Confirmations: the contract is asked about ownership as of the head less
	// Confirmations, never a block a reorg may still remove (Confirmations 0, or no Chain: the
	// latest block).
	Chain         Chain
	Confirmations uint64
	// ContractReads bounds how often the contract is asked, across all callers (nil: no bound):
	// beyond it, ErrBusy. The API's per-client limits bound each caller; this bounds them all.
	ContractReads *rate.Limiter
	MasterKey     []byte
	ChainID       uint64
	Market        common.Address
	Domain        string // the market's host[:port], as key requests must name it
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

// Authenticate checks a signed key request for trackID (Verify) and spends its nonce. It returns
// the account.
func (s *Service) Authenticate(ctx context.Context, trackID int64, text, signature string) (common.Address, error) {
	r, err := s.Verify(trackID, text, signature)
	if err != nil {
		return common.Address{}, err
	}
	if err := s.spendNonce(ctx, r); err != nil {
		return common.Address{}, err
	}
	return r.Account, nil
}

// Verify checks a signed key request for trackID without touching the database: its text, that it
// names this market, chain and track, that it has not expired (nor expires too far ahead), and that
// the signature is the named account's. Its nonce is spent by ReleaseRequest, once the account is
// known to own the track.
func (s *Service) Verify(trackID int64, text, signature string) (Request, error) {
	r, err := ParseRequest(text)
	if err != nil {
		return Request{}, err
	}
	now := s.now().UTC()
	life, skew := s.limits()
	switch {
	case r.Domain != s.Domain:
		return Request{}, reject("the key request names the domain %q, not %q", r.Domain, s.Domain)
	case r.Market != s.Market || r.ChainID != s.ChainID:
		return Request{}, reject("the key request names another market or chain")
	case r.TrackID != trackID:
		return Request{}, reject("the key request is for track %d, not %d", r.TrackID, trackID)
	case !now.Before(r.Expires.Add(skew)):
		return Request{}, reject("the key request has expired")
	case r.Expires.After(now.Add(life + skew)):
		return Request{}, reject("the key request expires more than %s ahead; check your clock", life)
	}
	signer, err := recoverSigner(text, signature)
	if err != nil {
		return Request{}, err
	}
	if signer != r.Account {
		return Request{}, reject("the signature is not the account's")
	}
	return r, nil
}

// spendNonce records r's nonce as used (until the request expires): a replay is refused.
func (s *Service) spendNonce(ctx context.Context, r Request) error {
	_, skew := s.limits()
	err := s.Store.UseKeyRequestNonce(ctx, r.Account, r.Nonce, r.Expires.Add(skew), s.now().UTC())
	if errors.Is(err, store.ErrConflict) {
		return reject("this key request was already used; sign a new one")
	}
	if err != nil {
		return fmt.Errorf("unlock: %w", err)
	}
	return nil
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
		owns, err := s.contractOwns(ctx, t.ID, account)
		if err != nil {
			return "", err
		}
		if owns {
			return store.OwnershipContract, nil
		}
	}
	return "", ErrNotOwner
}

// contractOwns asks the contract whether account owns the track as of the confirmed block: the head
// less Confirmations, so that a purchase a reorg can still remove does not release the key.
func (s *Service) contractOwns(ctx context.Context, trackID int64, account common.Address) (bool, error) {
	if s.ContractReads != nil && !s.ContractReads.Allow() {
		return false, ErrBusy
	}
	var block *big.Int
	if s.Confirmations > 0 && s.Chain != nil {
		head, err := s.Chain.HeaderByNumber(ctx, nil)
		if err != nil {
			return false, fmt.Errorf("unlock: head: %w", err)
		}
		if head.Number.Uint64() < s.Confirmations {
			return false, nil
		}
		block = new(big.Int).SetUint64(head.Number.Uint64() - s.Confirmations)
	}
	owns, err := s.Contract.OwnsAt(ctx, trackID, account, block)
	if err != nil {
		return false, fmt.Errorf("unlock: %w", err)
	}
	return owns, nil
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
	return s.release(ctx, trackID, account, proof, requestID, nil)
}

// ReleaseRequest gives the account of a verified key request (Verify) the key of the track it
// names, if it owns it: ownership is checked first, and only then is anything written (the
// request's nonce, then the release), so a request for a track the account does not own writes
// nothing.
func (s *Service) ReleaseRequest(ctx context.Context, r Request, requestID string) (Key, error) {
	return s.release(ctx, r.TrackID, r.Account, store.ProofSignature, requestID, &r)
}

// release checks ownership, spends the request's nonce if any, opens the key and logs the release.
func (s *Service) release(ctx context.Context, trackID int64, account common.Address, proof store.KeyProof, requestID string, signed *Request) (Key, error) {
	t, err := s.Store.Track(ctx, s.ChainID, trackID)
	if err != nil {
		return Key{}, fmt.Errorf("unlock: %w", err)
	}
	src, err := s.Owner(ctx, t, account)
	if err != nil {
		return Key{}, err
	}
	if signed != nil {
		if err := s.spendNonce(ctx, *signed); err != nil {
			return Key{}, err
		}
	}
	id, err := s.Identity(ctx, t)
	if err != nil {
		return Key{}, err
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

// Identity opens the sealed key of track t, without logging a release: for the server's own use,
// such as decrypting a range of the track for an owner whose play was logged already.
func (s *Service) Identity(ctx context.Context, t store.Track) (*age.X25519Identity, error) {
	sealed, err := s.Store.TrackKey(ctx, t.ContentHash)
	if err != nil {
		return nil, fmt.Errorf("unlock: %w", err)
	}
	id, err := content.Open(sealed.Sealed, s.MasterKey, t.ContentHash)
	if err != nil {
		return nil, fmt.Errorf("unlock: track %d: %w", t.ID, err)
	}
	return id, nil
}

// Stream is an owner's decryption of a track: the key, released (and logged) when the owner asks
// from the start of the file (a play or a download), or opened silently for a seek.
func (s *Service) Stream(ctx context.Context, t store.Track, account common.Address, logRelease bool, requestID string) (*age.X25519Identity, error) {
	if logRelease {
		k, err := s.Release(ctx, t.ID, account, store.ProofSession, requestID)
		if err != nil {
			return nil, err
		}
		return k.Identity, nil
	}
	if _, err := s.Owner(ctx, t, account); err != nil {
		return nil, err
	}
	return s.Identity(ctx, t)
}

package store

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"time"

	"github.com/ethereum/go-ethereum/common"
)

// ErrExpired reports a nonce or session whose time is up.
var ErrExpired = errors.New("expired")

type authNonceRow struct {
	Nonce     string     `gorm:"column:nonce;primaryKey"`
	ExpiresAt time.Time  `gorm:"column:expires_at"`
	UsedAt    *time.Time `gorm:"column:used_at"`
}

func (authNonceRow) TableName() string { return "auth_nonces" }

// CreateNonce records a sign-in nonce, good for one use until expiresAt. A nonce already
// recorded is an ErrConflict.
func (q querier) CreateNonce(ctx context.Context, nonce string, expiresAt time.Time) error {
	row := authNonceRow{Nonce: nonce, ExpiresAt: expiresAt.UTC().Truncate(time.Microsecond)}
	if err := q.with(ctx).Create(&row).Error; err != nil {
		return fmt.Errorf("store: create nonce: %w", classify(err))
	}
	return nil
}

// ConsumeNonce marks a nonce used, at most once: of several concurrent calls with the same nonce,
// one succeeds. It fails with ErrNotFound for a nonce never recorded (or pruned), ErrConflict for
// one already used, and ErrExpired for one past its expiry at now.
func (q querier) ConsumeNonce(ctx context.Context, nonce string, now time.Time) error {
	now = now.UTC().Truncate(time.Microsecond)
	res := q.with(ctx).Model(&authNonceRow{}).
		Where("nonce = ? AND used_at IS NULL AND expires_at > ?", nonce, now).
		Update("used_at", now)
	if res.Error != nil {
		return fmt.Errorf("store: consume nonce: %w", classify(res.Error))
	}
	if res.RowsAffected == 1 {
		return nil
	}
	// Refused: say why. The row cannot come back to life, so reading it afterwards is safe.
	var row authNonceRow
	if err := q.with(ctx).Where("nonce = ?", nonce).Take(&row).Error; err != nil {
		return fmt.Errorf("store: consume nonce: %w", classify(err))
	}
	if row.UsedAt != nil {
		return fmt.Errorf("store: consume nonce: already used: %w", ErrConflict)
	}
	return fmt.Errorf("store: consume nonce: %w", ErrExpired)
}

// Session is a signed-in account's session. ID is the secret the client holds; the database
// keeps only its SHA-256.
type Session struct {
	ID        string
	Address   common.Address
	CreatedAt time.Time
	ExpiresAt time.Time
}

type sessionRow struct {
	ID        string    `gorm:"column:id;primaryKey"`
	Address   string    `gorm:"column:address"`
	CreatedAt time.Time `gorm:"column:created_at"`
	ExpiresAt time.Time `gorm:"column:expires_at"`
}

func (sessionRow) TableName() string { return "sessions" }

// sessionKey is the stored form of a session id: its SHA-256 in lowercase hex.
func sessionKey(id string) string {
	sum := sha256.Sum256([]byte(id))
	return hex.EncodeToString(sum[:])
}

// CreateSession records a session. Its CreatedAt defaults to now.
func (q querier) CreateSession(ctx context.Context, s Session) error {
	if s.ID == "" {
		return fmt.Errorf("store: create session: empty id: %w", ErrInvalid)
	}
	created := s.CreatedAt
	if created.IsZero() {
		created = now()
	}
	row := sessionRow{ID: sessionKey(s.ID), Address: addressText(s.Address), CreatedAt: created.UTC(),
		ExpiresAt: s.ExpiresAt.UTC().Truncate(time.Microsecond)}
	if err := q.with(ctx).Create(&row).Error; err != nil {
		return fmt.Errorf("store: create session: %w", classify(err))
	}
	return nil
}

// Session returns the session with the given id if it has not expired at now, else ErrNotFound.
func (q querier) Session(ctx context.Context, id string, now time.Time) (Session, error) {
	var row sessionRow
	err := q.with(ctx).Where("id = ? AND expires_at > ?", sessionKey(id), now.UTC().Truncate(time.Microsecond)).Take(&row).Error
	if err != nil {
		return Session{}, fmt.Errorf("store: session: %w", classify(err))
	}
	return Session{ID: id, Address: common.HexToAddress(row.Address), CreatedAt: row.CreatedAt.UTC(),
		ExpiresAt: row.ExpiresAt.UTC()}, nil
}

// DeleteSession ends the session with the given id. Ending an unknown session is not an error.
func (q querier) DeleteSession(ctx context.Context, id string) error {
	if err := q.with(ctx).Where("id = ?", sessionKey(id)).Delete(&sessionRow{}).Error; err != nil {
		return fmt.Errorf("store: delete session: %w", classify(err))
	}
	return nil
}

// PruneExpired deletes the nonces and sessions that expired before now, and returns how many.
func (q querier) PruneExpired(ctx context.Context, now time.Time) (int64, error) {
	now = now.UTC().Truncate(time.Microsecond)
	nonces := q.with(ctx).Where("expires_at < ?", now).Delete(&authNonceRow{})
	if nonces.Error != nil {
		return 0, fmt.Errorf("store: prune nonces: %w", classify(nonces.Error))
	}
	sessions := q.with(ctx).Where("expires_at < ?", now).Delete(&sessionRow{})
	if sessions.Error != nil {
		return nonces.RowsAffected, fmt.Errorf("store: prune sessions: %w", classify(sessions.Error))
	}
	return nonces.RowsAffected + sessions.RowsAffected, nil
}

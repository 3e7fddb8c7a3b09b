package content

import (
	"crypto/rand"
	"encoding/base64"
	"encoding/hex"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"filippo.io/age"
	"github.com/ethereum/go-ethereum/common"
	"golang.org/x/crypto/chacha20poly1305"
)

// Keys at rest. A package's identity is stored sealed with XChaCha20-Poly1305 under the server's
// master key: base64 (standard, padded) of a version byte, a random 24-byte nonce and the sealed
// "AGE-SECRET-KEY-1…" text. The associated data binds the sealed key to its package's content
// hash, so a row copied onto another package's hash does not open.

// MasterKeySize is the length of the master key in bytes.
const MasterKeySize = chacha20poly1305.KeySize

const sealVersion = 1

// sealLabel separates this use of the master key from any other.
const sealLabel = "bittunes track key v1\x00"

// ErrSealed reports a sealed key that does not open: a wrong master key, a key sealed for another
// content hash, or damaged text.
var ErrSealed = errors.New("content: the sealed key does not open with this master key and content hash")

func sealAD(contentHash common.Hash) []byte { return append([]byte(sealLabel), contentHash[:]...) }

// Seal encrypts id under masterKey for the package with contentHash.
func Seal(id *age.X25519Identity, masterKey []byte, contentHash common.Hash) (string, error) {
	aead, err := chacha20poly1305.NewX(masterKey)
	if err != nil {
		return "", fmt.Errorf("content: seal: master key: %w", err)
	}
	out := make([]byte, 1+aead.NonceSize(), 1+aead.NonceSize()+len(id.String())+aead.Overhead())
	out[0] = sealVersion
	if _, err := rand.Read(out[1:]); err != nil {
		return "", fmt.Errorf("content: seal: nonce: %w", err)
	}
	out = aead.Seal(out, out[1:], []byte(id.String()), sealAD(contentHash))
	return base64.StdEncoding.EncodeToString(out), nil
}

// Open decrypts a key sealed by Seal for the package with contentHash. It fails with ErrSealed
// when the master key or the content hash is not the one it was sealed with.
func Open(sealed string, masterKey []byte, contentHash common.Hash) (*age.X25519Identity, error) {
	aead, err := chacha20poly1305.NewX(masterKey)
	if err != nil {
		return nil, fmt.Errorf("content: open: master key: %w", err)
	}
	raw, err := base64.StdEncoding.DecodeString(sealed)
	if err != nil || len(raw) < 1+aead.NonceSize()+aead.Overhead() || raw[0] != sealVersion {
		return nil, ErrSealed
	}
	nonce, box := raw[1:1+aead.NonceSize()], raw[1+aead.NonceSize():]
	plain, err := aead.Open(nil, nonce, box, sealAD(contentHash))
	if err != nil {
		return nil, ErrSealed
	}
	id, err := age.ParseX25519Identity(string(plain))
	clear(plain)
	if err != nil {
		return nil, ErrSealed // authentic but not a key: only a bug could seal that
	}
	return id, nil
}

// ParseMasterKey reads a master key written as 64 hex digits (an optional 0x prefix and surrounding
// space are allowed).
func ParseMasterKey(s string) ([]byte, error) {
	s = strings.TrimPrefix(strings.TrimSpace(s), "0x")
	key, err := hex.DecodeString(s)
	if err != nil || len(key) != MasterKeySize {
		return nil, fmt.Errorf("content: the master key must be %d hex digits (%d random bytes)", 2*MasterKeySize, MasterKeySize)
	}
	return key, nil
}

// NewMasterKey returns a random master key.
func NewMasterKey() ([]byte, error) {
	key := make([]byte, MasterKeySize)
	if _, err := rand.Read(key); err != nil {
		return nil, fmt.Errorf("content: new master key: %w", err)
	}
	return key, nil
}

// LoadOrCreateMasterKey reads the master key kept in the file at path (64 hex digits), creating
// the file with a new random key, readable by its owner only, if it does not exist. It is meant
// for `bittunes dev`; a production server is given its key.
func LoadOrCreateMasterKey(path string) ([]byte, error) {
	text, err := os.ReadFile(path)
	if err == nil {
		key, err := ParseMasterKey(string(text))
		if err != nil {
			return nil, fmt.Errorf("%s: %w", path, err)
		}
		return key, nil
	}
	if !errors.Is(err, os.ErrNotExist) {
		return nil, fmt.Errorf("content: master key: %w", err)
	}
	key, err := NewMasterKey()
	if err != nil {
		return nil, err
	}
	// Written aside and linked into place, so that a reader never sees a half-written key and
	// two processes starting together end up with the same one.
	tmp, err := writeTemp(filepath.Dir(path), []byte(hex.EncodeToString(key)+"\n"))
	if err != nil {
		return nil, fmt.Errorf("content: master key: %w", err)
	}
	defer os.Remove(tmp)
	if err := os.Link(tmp, path); err != nil {
		if errors.Is(err, os.ErrExist) {
			return LoadOrCreateMasterKey(path)
		}
		return nil, fmt.Errorf("content: master key: %w", err)
	}
	return key, nil
}

// writeTemp writes b to a new file in dir, readable by its owner only, and syncs it.
func writeTemp(dir string, b []byte) (string, error) {
	f, err := os.CreateTemp(dir, ".tmp-*")
	if err != nil {
		return "", err
	}
	_, err = f.Write(b)
	if err == nil {
		err = f.Sync()
	}
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		os.Remove(f.Name())
		return "", err
	}
	return f.Name(), nil
}

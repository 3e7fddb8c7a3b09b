package content

import (
	"crypto/sha256"
	"fmt"
	"io"

	"filippo.io/age"
	"github.com/ethereum/go-ethereum/common"
)

// Packaged is the result of Package: what the artist registers on-chain, and the key a buyer
// gets. Identity is secret: seal it (Seal) before it goes anywhere, and never log it.
type Packaged struct {
	// ContentHash is the sha256 of the package: the content hash registered on-chain.
	ContentHash common.Hash
	// Size is the package's length in bytes.
	Size int64
	// Identity decrypts the package: `age -d -i <file holding Identity.String()>`.
	Identity *age.X25519Identity
}

// Package encrypts audio into dst as an age file (the standard format: the age command-line tool
// and filippo.io/age decrypt it) to a fresh X25519 identity, generated for this package alone.
// It streams, holding one 64 KiB chunk at a time whatever the length of the audio, and hashes the
// package as it writes it. A fresh key per call means packaging the same audio twice gives two
// different packages with different content hashes.
func Package(dst io.Writer, audio io.Reader) (Packaged, error) {
	id, err := age.GenerateX25519Identity()
	if err != nil {
		return Packaged{}, fmt.Errorf("content: package: new key: %w", err)
	}
	h := sha256.New()
	counted := &countingWriter{w: io.MultiWriter(dst, h)}
	enc, err := age.Encrypt(counted, id.Recipient())
	if err != nil {
		return Packaged{}, fmt.Errorf("content: package: %w", err)
	}
	if _, err := io.Copy(enc, audio); err != nil {
		return Packaged{}, fmt.Errorf("content: package: %w", err)
	}
	if err := enc.Close(); err != nil {
		return Packaged{}, fmt.Errorf("content: package: %w", err)
	}
	return Packaged{ContentHash: common.Hash(h.Sum(nil)), Size: counted.n, Identity: id}, nil
}

type countingWriter struct {
	w io.Writer
	n int64
}

func (c *countingWriter) Write(p []byte) (int, error) {
	n, err := c.w.Write(p)
	c.n += int64(n)
	return n, err
}

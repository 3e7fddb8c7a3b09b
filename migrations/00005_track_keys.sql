-- The key of every uploaded package, sealed: base64 of a version byte, a random nonce and the
-- package's age identity encrypted with XChaCha20-Poly1305 under the server's master key, with the
-- content hash as associated data (internal/content Seal/Open). The plain "AGE-SECRET-KEY-1…"
-- identity is never stored, and a sealed key copied onto another content hash does not open.
-- Hashes are lowercase 0x hex; times are UTC.

-- +goose Up
CREATE TABLE track_keys (
    content_hash TEXT      NOT NULL PRIMARY KEY CHECK (length(content_hash) = 66 AND content_hash = lower(content_hash)),
    sealed_key   TEXT      NOT NULL CHECK (length(sealed_key) BETWEEN 16 AND 1024),
    created_at   TIMESTAMP NOT NULL
);

-- +goose Down
DROP TABLE track_keys;

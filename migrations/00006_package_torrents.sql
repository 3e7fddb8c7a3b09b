-- The torrent of every package the market serves: the BitTorrent v1 info dictionary's pieces,
-- computed from the package file when it is first verified (its sha256 must equal its content
-- hash), so that every API server can answer the .torrent and the magnet link without hashing the
-- file again. status 'mismatch' records a package file whose sha256 is not its content hash (a
-- damaged or replaced file): the market then refuses to serve or list it until the file changes
-- (size or modification time), when it is checked again. Hashes are lowercase 0x hex (info_hash is
-- 40 hex digits, no 0x); pieces is base64 of the concatenated SHA-1 piece hashes; times are UTC.

-- +goose Up
CREATE TABLE package_torrents (
    content_hash TEXT      NOT NULL PRIMARY KEY CHECK (length(content_hash) = 66 AND content_hash = lower(content_hash)),
    status       TEXT      NOT NULL CHECK (status IN ('verified', 'mismatch')),
    size         BIGINT    NOT NULL CHECK (size >= 0),
    modified_at  TIMESTAMP NOT NULL,
    info_hash    TEXT      NOT NULL,
    piece_length BIGINT    NOT NULL CHECK (piece_length >= 0),
    pieces       TEXT      NOT NULL,
    checked_at   TIMESTAMP NOT NULL
);

-- +goose Down
DROP TABLE package_torrents;

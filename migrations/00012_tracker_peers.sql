-- The market tracker's peers, shared by every API server: one row per (torrent, peer id), written
-- by the peer's last announce and forgotten once expires_at passes (a peer that stops announcing)
-- or on its "stopped" event. info_hash is 40 lowercase hex digits (a verified package's, see
-- package_torrents); peer_id the 20-byte peer id in 40 lowercase hex digits; ip the address the
-- announce came from, as the API's trusted proxies resolve it; seeding is left = 0. The tracker
-- caps the rows of one torrent, so the table holds at most (packages × that cap) live rows.
-- tracker_completions counts, per torrent, the peers that announced they completed it (BEP 48's
-- "downloaded").

-- +goose Up
CREATE TABLE tracker_peers (
    info_hash  TEXT      NOT NULL CHECK (length(info_hash) = 40 AND info_hash = lower(info_hash)),
    peer_id    TEXT      NOT NULL CHECK (length(peer_id) = 40 AND peer_id = lower(peer_id)),
    ip         TEXT      NOT NULL,
    port       INTEGER   NOT NULL CHECK (port BETWEEN 1 AND 65535),
    seeding    BOOLEAN   NOT NULL,
    expires_at TIMESTAMP NOT NULL,
    PRIMARY KEY (info_hash, peer_id)
);
CREATE INDEX tracker_peers_expires_at ON tracker_peers (expires_at);

CREATE TABLE tracker_completions (
    info_hash  TEXT   NOT NULL PRIMARY KEY CHECK (length(info_hash) = 40 AND info_hash = lower(info_hash)),
    downloaded BIGINT NOT NULL CHECK (downloaded >= 0)
);

-- The tracker accepts an announce only for the info hash of a verified package.
CREATE INDEX package_torrents_info_hash ON package_torrents (info_hash);

-- +goose Down
DROP INDEX package_torrents_info_hash;
DROP TABLE tracker_completions;
DROP TABLE tracker_peers;

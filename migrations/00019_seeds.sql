-- Who seeds what, as the market knows it from signed seeding heartbeats (POST /api/v1/seeds): one
-- row per account and torrent, kept until expires_at (a heartbeat's expiry, at most 15 minutes
-- ahead; `bittunes seed` renews it every 5 minutes). A heartbeat is stored only for torrents its
-- peer announced to the tracker as a seeder from the same IP (tracker_peers), and only when the
-- account signed it: a row cannot be made for an account without its key, nor for a torrent its
-- peer does not seed. account is 0x and 40 lowercase hex digits; info_hash 40 lowercase hex digits.

-- +goose Up
CREATE TABLE seeds (
    account    TEXT      NOT NULL CHECK (length(account) = 42 AND account = lower(account)),
    info_hash  TEXT      NOT NULL CHECK (length(info_hash) = 40 AND info_hash = lower(info_hash)),
    expires_at TIMESTAMP NOT NULL,
    PRIMARY KEY (account, info_hash)
);
CREATE INDEX seeds_expires_at ON seeds (expires_at);

-- +goose Down
DROP TABLE seeds;

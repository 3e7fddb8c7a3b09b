-- Unlocking: every release of a track's key to an owner, and the nonces of the signed key
-- requests already used.
--
-- key_releases is an append-only log: which account got which track's key, how it proved itself
-- ('session': a Sign-In with Ethereum session; 'signature': a signed, expiring, single-use key
-- request), where its ownership was read ('database': the indexed purchases; 'contract': the
-- market's owns() while the indexer had not caught up), when, and the X-Request-ID of the request.
-- The key itself is never written anywhere.
--
-- key_request_nonces holds each signed request's (account, nonce) until the request expires, so a
-- replayed request is refused; rows past expires_at are pruned. Addresses are lowercase 0x hex;
-- times are UTC.

-- +goose Up
CREATE TABLE key_releases (
    id           TEXT      NOT NULL PRIMARY KEY CHECK (length(id) BETWEEN 8 AND 64),
    chain_id     BIGINT    NOT NULL,
    track_id     BIGINT    NOT NULL CHECK (track_id > 0),
    content_hash TEXT      NOT NULL,
    account      TEXT      NOT NULL CHECK (length(account) = 42 AND account = lower(account)),
    proof        TEXT      NOT NULL CHECK (proof IN ('session', 'signature')),
    ownership    TEXT      NOT NULL CHECK (ownership IN ('database', 'contract')),
    request_id   TEXT      NOT NULL,
    released_at  TIMESTAMP NOT NULL
);
CREATE INDEX key_releases_track ON key_releases (chain_id, track_id, released_at);
CREATE INDEX key_releases_account ON key_releases (account, released_at);

CREATE TABLE key_request_nonces (
    account    TEXT      NOT NULL CHECK (length(account) = 42 AND account = lower(account)),
    nonce      TEXT      NOT NULL CHECK (length(nonce) BETWEEN 16 AND 64),
    expires_at TIMESTAMP NOT NULL,
    PRIMARY KEY (account, nonce)
);
CREATE INDEX key_request_nonces_expires ON key_request_nonces (expires_at);

-- +goose Down
DROP TABLE key_request_nonces;
DROP TABLE key_releases;

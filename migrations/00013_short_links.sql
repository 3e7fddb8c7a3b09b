-- Short referral links (/r/<code>): a code names one owner's referral link for one track, so a fan
-- can pass on a short, readable link instead of the track page with their 42-character address.
-- A code is ten random base32 characters (50 bits, not enumerable by guessing), made on first
-- request and kept for good, so one (track, account) pair always has the same code. Links are made
-- only for accounts that own the track, which bounds the table by the number of sales. account is
-- a lowercase 0x address; created_at is UTC.

-- +goose Up
CREATE TABLE short_links (
    code       TEXT      NOT NULL PRIMARY KEY CHECK (length(code) = 10 AND code = lower(code)),
    chain_id   BIGINT    NOT NULL,
    track_id   BIGINT    NOT NULL,
    account    TEXT      NOT NULL CHECK (length(account) = 42 AND account = lower(account)),
    created_at TIMESTAMP NOT NULL,
    UNIQUE (chain_id, track_id, account)
);

-- +goose Down
DROP TABLE short_links;

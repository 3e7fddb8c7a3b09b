-- Profiles: the display name, avatar, short bio and links an account sets once while signed in, shown
-- in place of its address everywhere. A market (chain_id) has one profile per account. name is the
-- name as shown; name_key its skeleton (package names: NFKC, case folded, look-alike characters
-- mapped), unique per market so two accounts never show names a reader takes for the same one.
-- links is a newline-separated list of https URLs. avatar is a small square JPEG the server made
-- from the uploaded image (NULL: none). hide_collection keeps the account's collection off its
-- public page. account is a lowercase 0x address; updated_at is UTC.

-- +goose Up
CREATE TABLE profiles (
    chain_id        BIGINT    NOT NULL,
    account         TEXT      NOT NULL CHECK (length(account) = 42 AND account = lower(account)),
    name            TEXT      NOT NULL CHECK (length(name) BETWEEN 1 AND 160),
    name_key        TEXT      NOT NULL CHECK (length(name_key) BETWEEN 1 AND 160),
    bio             TEXT      NOT NULL DEFAULT '',
    links           TEXT      NOT NULL DEFAULT '',
    avatar          BYTEA,
    hide_collection BOOLEAN   NOT NULL DEFAULT FALSE,
    updated_at      TIMESTAMP NOT NULL,
    PRIMARY KEY (chain_id, account),
    UNIQUE (chain_id, name_key)
);

-- +goose Down
DROP TABLE profiles;

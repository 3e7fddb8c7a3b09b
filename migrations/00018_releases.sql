-- Releases: albums, EPs and singles registered on-chain by the artist of every track in them.
--
-- Facts from the contract's events, rolled back on reorgs like the tracks' (block_number above the
-- common ancestor is deleted; releases' current price and listing are replayed from their remaining
-- changes): releases (+ release_tracks in the chain's order, + release_changes), release_purchases
-- (one per ReleasePurchased; its tracks' sales are ordinary purchases rows of the same transaction).
-- metadata_id is the release_metadata row the registration's metadata URI names (NULL: none of ours).
--
-- Off-chain metadata written by the artist before registering (POST /api/v1/releases), as tracks'
-- is: release_metadata, keyed by a random id that the metadata URI ends with. kind is album, ep or
-- single; release_date is '' or YYYY-MM-DD; cover is a square JPEG the server made (NULL: none).

-- +goose Up
CREATE TABLE releases (
    chain_id      BIGINT    NOT NULL,
    release_id    BIGINT    NOT NULL CHECK (release_id > 0),
    artist        TEXT      NOT NULL,
    price         wei_text  NOT NULL,
    listed        BOOLEAN   NOT NULL,
    metadata_uri  TEXT      NOT NULL,
    metadata_id   TEXT,
    initial_price wei_text  NOT NULL,
    block_number  BIGINT    NOT NULL,
    tx_hash       TEXT      NOT NULL,
    log_index     INTEGER   NOT NULL,
    registered_at TIMESTAMP NOT NULL,
    PRIMARY KEY (chain_id, release_id)
);
CREATE INDEX releases_artist ON releases (artist, release_id);
CREATE INDEX releases_block ON releases (chain_id, block_number);
CREATE INDEX releases_metadata ON releases (metadata_id);

CREATE TABLE release_tracks (
    chain_id   BIGINT  NOT NULL,
    release_id BIGINT  NOT NULL,
    position   INTEGER NOT NULL,
    track_id   BIGINT  NOT NULL,
    PRIMARY KEY (chain_id, release_id, position)
);
CREATE INDEX release_tracks_track ON release_tracks (chain_id, track_id);

CREATE TABLE release_changes (
    chain_id     BIGINT  NOT NULL,
    tx_hash      TEXT    NOT NULL,
    log_index    INTEGER NOT NULL,
    block_number BIGINT  NOT NULL,
    release_id   BIGINT  NOT NULL,
    kind         TEXT    NOT NULL CHECK (kind IN ('price', 'listed')),
    value        TEXT    NOT NULL,
    PRIMARY KEY (chain_id, tx_hash, log_index)
);
CREATE INDEX release_changes_release ON release_changes (chain_id, release_id, block_number, log_index);
CREATE INDEX release_changes_block ON release_changes (chain_id, block_number);

CREATE TABLE release_purchases (
    chain_id      BIGINT    NOT NULL,
    tx_hash       TEXT      NOT NULL,
    log_index     INTEGER   NOT NULL,
    block_number  BIGINT    NOT NULL,
    block_time    TIMESTAMP NOT NULL,
    release_id    BIGINT    NOT NULL,
    buyer         TEXT      NOT NULL,
    recipient     TEXT      NOT NULL,
    referrer      TEXT      NOT NULL,
    amount        wei_text  NOT NULL,
    tracks_bought INTEGER   NOT NULL CHECK (tracks_bought > 0),
    PRIMARY KEY (chain_id, tx_hash, log_index)
);
CREATE INDEX release_purchases_release ON release_purchases (chain_id, release_id, block_number);
CREATE INDEX release_purchases_block ON release_purchases (chain_id, block_number);

CREATE TABLE release_metadata (
    id           TEXT      NOT NULL PRIMARY KEY CHECK (length(id) = 32),
    chain_id     BIGINT    NOT NULL,
    uploader     TEXT      NOT NULL CHECK (length(uploader) = 42 AND uploader = lower(uploader)),
    title        TEXT      NOT NULL CHECK (length(title) BETWEEN 1 AND 200),
    kind         TEXT      NOT NULL CHECK (kind IN ('album', 'ep', 'single')),
    description  TEXT      NOT NULL,
    release_date TEXT      NOT NULL,
    cover        BYTEA,
    created_at   TIMESTAMP NOT NULL,
    updated_at   TIMESTAMP NOT NULL
);
CREATE INDEX release_metadata_uploader ON release_metadata (chain_id, uploader, created_at);

-- +goose Down
DROP TABLE release_metadata;
DROP TABLE release_purchases;
DROP TABLE release_changes;
DROP TABLE release_tracks;
DROP TABLE releases;

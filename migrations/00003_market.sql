-- The market's read models, rebuilt from the contract's events by the indexer.
--
-- Facts (one row per event, keyed by (chain_id, tx_hash, log_index), carrying block_number so a
-- reorg can delete what lies above the common ancestor): tracks (+ their collaborators and later
-- changes), purchases, credits, withdrawals, settings_changes.
-- Aggregates (maintained with each batch, recomputed from the facts for the keys a reorg touches):
-- track_stats, account_totals, daily_track_sales, daily_account_credits.
-- Charts (rebuilt from the aggregates): chart_entries, chart_builds.
-- Metadata written by uploads and the demo seed, matched to tracks by content hash: track_metadata.
--
-- One database holds one market deployment. Addresses and hashes are lowercase 0x hex; a missing
-- referrer is ''. Days are UTC dates written YYYY-MM-DD. Money is wei_text (see migrations.go).

-- +goose Up
CREATE TABLE tracks (
    chain_id             BIGINT    NOT NULL,
    track_id             BIGINT    NOT NULL CHECK (track_id > 0),
    artist               TEXT      NOT NULL,
    price                wei_text  NOT NULL,
    referral_bps         INTEGER   NOT NULL CHECK (referral_bps BETWEEN 0 AND 10000),
    listed               BOOLEAN   NOT NULL,
    metadata_uri         TEXT      NOT NULL,
    content_hash         TEXT      NOT NULL,
    initial_price        wei_text  NOT NULL,
    initial_referral_bps INTEGER   NOT NULL,
    initial_metadata_uri TEXT      NOT NULL,
    block_number         BIGINT    NOT NULL,
    tx_hash              TEXT      NOT NULL,
    log_index            INTEGER   NOT NULL,
    registered_at        TIMESTAMP NOT NULL,
    PRIMARY KEY (chain_id, track_id)
);
CREATE INDEX tracks_artist ON tracks (artist, track_id);
CREATE INDEX tracks_content_hash ON tracks (content_hash);
CREATE INDEX tracks_block ON tracks (chain_id, block_number);

CREATE TABLE track_collaborators (
    chain_id BIGINT  NOT NULL,
    track_id BIGINT  NOT NULL,
    position INTEGER NOT NULL,
    account  TEXT    NOT NULL,
    bps      INTEGER NOT NULL CHECK (bps BETWEEN 1 AND 10000),
    PRIMARY KEY (chain_id, track_id, position)
);
CREATE INDEX track_collaborators_account ON track_collaborators (account);

CREATE TABLE track_changes (
    chain_id     BIGINT  NOT NULL,
    tx_hash      TEXT    NOT NULL,
    log_index    INTEGER NOT NULL,
    block_number BIGINT  NOT NULL,
    track_id     BIGINT  NOT NULL,
    kind         TEXT    NOT NULL CHECK (kind IN ('price', 'referral_bps', 'listed', 'metadata_uri')),
    value        TEXT    NOT NULL,
    PRIMARY KEY (chain_id, tx_hash, log_index)
);
CREATE INDEX track_changes_track ON track_changes (chain_id, track_id, block_number, log_index);
CREATE INDEX track_changes_block ON track_changes (chain_id, block_number);

CREATE TABLE purchases (
    chain_id        BIGINT    NOT NULL,
    tx_hash         TEXT      NOT NULL,
    log_index       INTEGER   NOT NULL,
    block_number    BIGINT    NOT NULL,
    block_time      TIMESTAMP NOT NULL,
    track_id        BIGINT    NOT NULL,
    buyer           TEXT      NOT NULL,
    recipient       TEXT      NOT NULL,
    referrer        TEXT      NOT NULL,
    price           wei_text  NOT NULL,
    artist_amount   wei_text  NOT NULL,
    referrer_amount wei_text  NOT NULL,
    fee_amount      wei_text  NOT NULL,
    fee_recipient   TEXT      NOT NULL,
    PRIMARY KEY (chain_id, tx_hash, log_index)
);
-- The contract sells a track once per owner: this is also the ownership lookup.
CREATE UNIQUE INDEX purchases_owner ON purchases (chain_id, track_id, recipient);
CREATE INDEX purchases_recipient ON purchases (recipient, block_number);
CREATE INDEX purchases_buyer ON purchases (buyer, block_number);
CREATE INDEX purchases_referrer ON purchases (referrer, block_number);
CREATE INDEX purchases_track ON purchases (chain_id, track_id, block_number, log_index);
CREATE INDEX purchases_block ON purchases (chain_id, block_number);

-- What each sale credited to whom: the artist's part (after collaborators), each collaborator's,
-- the referrer's and the platform fee. log_index is the Purchased event's, or the
-- CollaboratorCredited event's for a collaborator.
CREATE TABLE credits (
    chain_id     BIGINT    NOT NULL,
    tx_hash      TEXT      NOT NULL,
    log_index    INTEGER   NOT NULL,
    role         TEXT      NOT NULL CHECK (role IN ('artist', 'collaborator', 'referrer', 'fee')),
    block_number BIGINT    NOT NULL,
    block_time   TIMESTAMP NOT NULL,
    account      TEXT      NOT NULL,
    track_id     BIGINT    NOT NULL,
    amount       wei_text  NOT NULL,
    PRIMARY KEY (chain_id, tx_hash, log_index, role)
);
CREATE INDEX credits_account ON credits (account, block_number);
CREATE INDEX credits_track ON credits (chain_id, track_id, role);
CREATE INDEX credits_block ON credits (chain_id, block_number);

CREATE TABLE withdrawals (
    chain_id     BIGINT    NOT NULL,
    tx_hash      TEXT      NOT NULL,
    log_index    INTEGER   NOT NULL,
    block_number BIGINT    NOT NULL,
    block_time   TIMESTAMP NOT NULL,
    account      TEXT      NOT NULL,
    to_address   TEXT      NOT NULL,
    amount       wei_text  NOT NULL,
    PRIMARY KEY (chain_id, tx_hash, log_index)
);
CREATE INDEX withdrawals_account ON withdrawals (account, block_number);
CREATE INDEX withdrawals_block ON withdrawals (chain_id, block_number);

CREATE TABLE settings_changes (
    chain_id     BIGINT  NOT NULL,
    tx_hash      TEXT    NOT NULL,
    log_index    INTEGER NOT NULL,
    block_number BIGINT  NOT NULL,
    kind         TEXT    NOT NULL CHECK (kind IN ('fee_bps', 'fee_recipient', 'owner', 'pending_owner')),
    value        TEXT    NOT NULL,
    PRIMARY KEY (chain_id, tx_hash, log_index)
);
CREATE INDEX settings_changes_kind ON settings_changes (chain_id, kind, block_number, log_index);
CREATE INDEX settings_changes_block ON settings_changes (chain_id, block_number);

CREATE TABLE track_stats (
    chain_id         BIGINT    NOT NULL,
    track_id         BIGINT    NOT NULL,
    sales            BIGINT    NOT NULL,
    revenue          wei_text  NOT NULL,
    first_sale_block BIGINT    NOT NULL,
    first_sale_log   INTEGER   NOT NULL,
    last_sale_at     TIMESTAMP NOT NULL,
    PRIMARY KEY (chain_id, track_id)
);

CREATE TABLE account_totals (
    chain_id  BIGINT   NOT NULL,
    account   TEXT     NOT NULL,
    credited  wei_text NOT NULL,
    withdrawn wei_text NOT NULL,
    PRIMARY KEY (chain_id, account)
);

CREATE TABLE daily_track_sales (
    chain_id BIGINT   NOT NULL,
    track_id BIGINT   NOT NULL,
    day      TEXT     NOT NULL,
    sales    BIGINT   NOT NULL,
    revenue  wei_text NOT NULL,
    PRIMARY KEY (chain_id, track_id, day)
);
CREATE INDEX daily_track_sales_day ON daily_track_sales (chain_id, day);

CREATE TABLE daily_account_credits (
    chain_id BIGINT   NOT NULL,
    account  TEXT     NOT NULL,
    day      TEXT     NOT NULL,
    role     TEXT     NOT NULL,
    credits  BIGINT   NOT NULL,
    amount   wei_text NOT NULL,
    PRIMARY KEY (chain_id, account, day, role)
);

CREATE TABLE chart_entries (
    chain_id      BIGINT   NOT NULL,
    chart         TEXT     NOT NULL,
    period        TEXT     NOT NULL CHECK (period IN ('7d', '30d', 'all')),
    rank          INTEGER  NOT NULL CHECK (rank BETWEEN 1 AND 100),
    track_id      BIGINT   NOT NULL,
    sales         BIGINT   NOT NULL,
    revenue       wei_text NOT NULL,
    previous_rank INTEGER,
    PRIMARY KEY (chain_id, chart, period, rank)
);
CREATE INDEX chart_entries_track ON chart_entries (chain_id, track_id);

CREATE TABLE chart_builds (
    chain_id    BIGINT    NOT NULL PRIMARY KEY,
    day         TEXT      NOT NULL,
    as_of_block BIGINT    NOT NULL,
    built_at    TIMESTAMP NOT NULL
);

CREATE TABLE track_metadata (
    content_hash TEXT      NOT NULL PRIMARY KEY,
    title        TEXT      NOT NULL,
    artist_name  TEXT      NOT NULL,
    genre        TEXT      NOT NULL,
    subgenre     TEXT      NOT NULL,
    description  TEXT      NOT NULL,
    duration_ms  BIGINT    NOT NULL,
    uploader     TEXT      NOT NULL,
    created_at   TIMESTAMP NOT NULL
);
CREATE INDEX track_metadata_genre ON track_metadata (genre, subgenre);

-- +goose Down
DROP TABLE track_metadata;
DROP TABLE chart_builds;
DROP TABLE chart_entries;
DROP TABLE daily_account_credits;
DROP TABLE daily_track_sales;
DROP TABLE account_totals;
DROP TABLE track_stats;
DROP TABLE settings_changes;
DROP TABLE withdrawals;
DROP TABLE credits;
DROP TABLE purchases;
DROP TABLE track_changes;
DROP TABLE track_collaborators;
DROP TABLE tracks;

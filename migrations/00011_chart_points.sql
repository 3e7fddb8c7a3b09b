-- The chart formula's ledger (package charts, README "Charts"): which sales count and what they
-- score, decided sale by sale in chain order when the indexer applies them.
--
-- Facts (one row per sale, deleted with their block on a reorg): chart_sales, the formula's
-- verdict on each purchase (its fan is the recipient); chart_payments, what each sale credited to
-- each member of the track's team, by fan.
-- Aggregates (kept with each batch, subtracted on a reorg): fan_payments, what each fan's purchases
-- paid each payee (payee '' is the total over all payees); daily_track_points and track_points,
-- the points, number and revenue of each track's counted sales, per day and in all.
-- chart_entries gains the points of each entry.

-- +goose Up
CREATE TABLE chart_sales (
    chain_id     BIGINT   NOT NULL,
    tx_hash      TEXT     NOT NULL,
    log_index    INTEGER  NOT NULL,
    block_number BIGINT   NOT NULL,
    day          TEXT     NOT NULL,
    track_id     BIGINT   NOT NULL,
    buyer        TEXT     NOT NULL,
    fan          TEXT     NOT NULL,
    price        wei_text NOT NULL,
    counted      BOOLEAN  NOT NULL,
    points       wei_text NOT NULL,
    PRIMARY KEY (chain_id, tx_hash, log_index)
);
CREATE INDEX chart_sales_block ON chart_sales (chain_id, block_number);
CREATE INDEX chart_sales_fan ON chart_sales (chain_id, fan, track_id);
CREATE INDEX chart_sales_buyer ON chart_sales (chain_id, buyer, track_id);

CREATE TABLE chart_payments (
    chain_id     BIGINT   NOT NULL,
    tx_hash      TEXT     NOT NULL,
    log_index    INTEGER  NOT NULL,
    payee        TEXT     NOT NULL,
    block_number BIGINT   NOT NULL,
    fan          TEXT     NOT NULL,
    amount       wei_text NOT NULL,
    PRIMARY KEY (chain_id, tx_hash, log_index, payee)
);
CREATE INDEX chart_payments_block ON chart_payments (chain_id, block_number);

CREATE TABLE fan_payments (
    chain_id BIGINT   NOT NULL,
    fan      TEXT     NOT NULL,
    payee    TEXT     NOT NULL,
    amount   wei_text NOT NULL,
    PRIMARY KEY (chain_id, fan, payee)
);

CREATE TABLE daily_track_points (
    chain_id BIGINT   NOT NULL,
    track_id BIGINT   NOT NULL,
    day      TEXT     NOT NULL,
    sales    BIGINT   NOT NULL,
    revenue  wei_text NOT NULL,
    points   wei_text NOT NULL,
    PRIMARY KEY (chain_id, track_id, day)
);
CREATE INDEX daily_track_points_day ON daily_track_points (chain_id, day);

CREATE TABLE track_points (
    chain_id BIGINT   NOT NULL,
    track_id BIGINT   NOT NULL,
    sales    BIGINT   NOT NULL,
    revenue  wei_text NOT NULL,
    points   wei_text NOT NULL,
    PRIMARY KEY (chain_id, track_id)
);

ALTER TABLE chart_entries ADD COLUMN points wei_text NOT NULL DEFAULT '0';

-- +goose Down
ALTER TABLE chart_entries DROP COLUMN points;
DROP TABLE track_points;
DROP TABLE daily_track_points;
DROP TABLE fan_payments;
DROP TABLE chart_payments;
DROP TABLE chart_sales;

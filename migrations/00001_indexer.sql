-- The indexer's bookkeeping: where it stands on each contract it follows, and
-- the recent canonical blocks it has applied, whose parent hashes reveal a reorg.
-- Addresses and hashes are lowercase 0x-prefixed hex. Times are UTC.

-- +goose Up
CREATE TABLE indexer_cursors (
    chain_id     BIGINT    NOT NULL,
    contract     TEXT      NOT NULL CHECK (length(contract) = 42 AND contract = lower(contract)),
    block_number BIGINT    NOT NULL CHECK (block_number >= 0),
    block_hash   TEXT      NOT NULL CHECK (length(block_hash) = 66 AND block_hash = lower(block_hash)),
    updated_at   TIMESTAMP NOT NULL,
    PRIMARY KEY (chain_id, contract)
);

CREATE TABLE indexed_blocks (
    chain_id    BIGINT NOT NULL,
    number      BIGINT NOT NULL CHECK (number >= 0),
    hash        TEXT   NOT NULL CHECK (length(hash) = 66 AND hash = lower(hash)),
    parent_hash TEXT   NOT NULL CHECK (length(parent_hash) = 66 AND parent_hash = lower(parent_hash)),
    PRIMARY KEY (chain_id, number)
);

-- +goose Down
DROP TABLE indexed_blocks;
DROP TABLE indexer_cursors;

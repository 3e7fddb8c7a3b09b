-- Reorg history: every rollback of the indexed blocks, written by the indexer in the same
-- transaction as the rollback itself. seq numbers the rollbacks of one (chain, contract) from 1;
-- from_block is the cursor before, to_block the common ancestor rolled back to (depth is their
-- difference); head_below_cursor says the RPC's head had fallen below the indexed blocks (a deep
-- reorg, or a node that lost blocks) rather than a parent-hash mismatch near the head;
-- purchases_rolled_back how many purchases the rollback removed. The indexer keeps the last few
-- hundred rows and deletes older ones. Times are UTC.

-- +goose Up
CREATE TABLE reorgs (
    chain_id              BIGINT    NOT NULL,
    contract              TEXT      NOT NULL CHECK (length(contract) = 42 AND contract = lower(contract)),
    seq                   BIGINT    NOT NULL CHECK (seq > 0),
    rolled_back_at        TIMESTAMP NOT NULL,
    from_block            BIGINT    NOT NULL,
    to_block              BIGINT    NOT NULL,
    depth                 BIGINT    NOT NULL CHECK (depth >= 0),
    head_below_cursor     BOOLEAN   NOT NULL,
    purchases_rolled_back BIGINT    NOT NULL CHECK (purchases_rolled_back >= 0),
    PRIMARY KEY (chain_id, contract, seq)
);

-- +goose Down
DROP TABLE reorgs;

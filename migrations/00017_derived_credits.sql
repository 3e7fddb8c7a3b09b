-- Credits stored only where they add information. A sale's artist, referrer and fee credits are
-- amounts already on its purchase row (the artist's part after collaborators becomes the column
-- purchases.artist_keeps); only collaborators' credits, one per CollaboratorCredited event, keep a
-- table of their own. credits becomes a view with the same columns and rows as the table it
-- replaces (zero amounts are no credit), so every query reading it answers as before while a sale
-- writes one row instead of about 3.4, each with four indexes.

-- +goose Up
CREATE TABLE collaborator_credits (
    chain_id     BIGINT    NOT NULL,
    tx_hash      TEXT      NOT NULL,
    log_index    INTEGER   NOT NULL,
    block_number BIGINT    NOT NULL,
    block_time   TIMESTAMP NOT NULL,
    account      TEXT      NOT NULL,
    track_id     BIGINT    NOT NULL,
    amount       wei_text  NOT NULL,
    PRIMARY KEY (chain_id, tx_hash, log_index)
);
CREATE INDEX collaborator_credits_account ON collaborator_credits (account, block_number);
CREATE INDEX collaborator_credits_block ON collaborator_credits (chain_id, block_number);
INSERT INTO collaborator_credits (chain_id, tx_hash, log_index, block_number, block_time, account, track_id, amount)
    SELECT chain_id, tx_hash, log_index, block_number, block_time, account, track_id, amount FROM credits WHERE role = 'collaborator';

ALTER TABLE purchases ADD COLUMN artist_keeps wei_text NOT NULL DEFAULT '0';
UPDATE purchases SET artist_keeps = COALESCE((SELECT c.amount FROM credits c
    WHERE c.chain_id = purchases.chain_id AND c.tx_hash = purchases.tx_hash AND c.log_index = purchases.log_index AND c.role = 'artist'), '0');

DROP TABLE credits;
CREATE VIEW credits AS
    SELECT p.chain_id, p.tx_hash, p.log_index, 'artist' AS role, p.block_number, p.block_time, t.artist AS account, p.track_id, p.artist_keeps AS amount
        FROM purchases p JOIN tracks t ON t.chain_id = p.chain_id AND t.track_id = p.track_id WHERE p.artist_keeps <> '0'
    UNION ALL
    SELECT chain_id, tx_hash, log_index, 'collaborator', block_number, block_time, account, track_id, amount FROM collaborator_credits
    UNION ALL
    SELECT chain_id, tx_hash, log_index, 'referrer', block_number, block_time, referrer, track_id, referrer_amount FROM purchases WHERE referrer_amount <> '0'
    UNION ALL
    SELECT chain_id, tx_hash, log_index, 'fee', block_number, block_time, fee_recipient, track_id, fee_amount FROM purchases WHERE fee_amount <> '0';

-- +goose Down
CREATE TABLE credits_kept AS SELECT * FROM credits;
DROP VIEW credits;
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
INSERT INTO credits (chain_id, tx_hash, log_index, role, block_number, block_time, account, track_id, amount)
    SELECT chain_id, tx_hash, log_index, role, block_number, block_time, account, track_id, amount FROM credits_kept;
DROP TABLE credits_kept;
CREATE INDEX credits_account ON credits (account, block_number);
CREATE INDEX credits_track ON credits (chain_id, track_id, role);
CREATE INDEX credits_block ON credits (chain_id, block_number);
ALTER TABLE purchases DROP COLUMN artist_keeps;
DROP TABLE collaborator_credits;

-- The credits view's fee branch reads purchases by fee_recipient: without an index every read of an
-- account's credits scanned all purchases to find that account's fee credits (none, for every
-- account but the operator's).

-- +goose Up
CREATE INDEX purchases_fee_recipient ON purchases (fee_recipient, block_number);

-- +goose Down
DROP INDEX purchases_fee_recipient;

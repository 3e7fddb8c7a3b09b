-- wei_text, the type of every money column: an exact uint256 amount of wei.
-- In PostgreSQL it is this domain over NUMERIC(78,0), so SUM() and ORDER BY
-- work on numbers. SQLite has no domains and needs none: a declared type whose
-- name contains TEXT gives the column TEXT affinity, so SQLite keeps the exact
-- decimal string. See the package comment in migrations.go.

-- +goose Up
CREATE DOMAIN wei_text AS NUMERIC(78, 0)
    CHECK (VALUE >= 0 AND VALUE <= 115792089237316195423570985008687907853269984665640564039457584007913129639935);

-- +goose Down
DROP DOMAIN wei_text;

-- Sign-In with Ethereum (EIP-4361): the nonces the API hands out, each good for one sign-in
-- within a few minutes, and the sessions a sign-in opens. They live in the database so that every
-- API server behind a load balancer accepts what another one issued.
--
-- A session row is keyed by the SHA-256 of the session id (lowercase hex), never the id itself:
-- a copy of the database does not let anyone take over a session. Addresses are lowercase 0x hex;
-- times are UTC. Rows past expires_at are deleted by Store.PruneExpired.

-- +goose Up
CREATE TABLE auth_nonces (
    nonce      TEXT      NOT NULL PRIMARY KEY CHECK (length(nonce) BETWEEN 8 AND 64),
    expires_at TIMESTAMP NOT NULL,
    used_at    TIMESTAMP
);
CREATE INDEX auth_nonces_expires ON auth_nonces (expires_at);

CREATE TABLE sessions (
    id         TEXT      NOT NULL PRIMARY KEY CHECK (length(id) = 64 AND id = lower(id)),
    address    TEXT      NOT NULL CHECK (length(address) = 42 AND address = lower(address)),
    created_at TIMESTAMP NOT NULL,
    expires_at TIMESTAMP NOT NULL
);
CREATE INDEX sessions_expires ON sessions (expires_at);
CREATE INDEX sessions_address ON sessions (address);

-- +goose Down
DROP TABLE sessions;
DROP TABLE auth_nonces;

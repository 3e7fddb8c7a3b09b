-- Uploads' use of the media folder, to bound what uploads waiting for their on-chain registration
-- may hold: the client address an upload came from (IPv4, or the /64 of an IPv6 address, as the
-- API's rate limits count clients) and the bytes it put in the media folder (package, preview and
-- cover). An upload's row goes when the sweep forgets the upload; a registered upload no longer
-- counts, whatever its row says.

-- +goose Up
CREATE TABLE upload_usage (
    content_hash TEXT      NOT NULL PRIMARY KEY,
    client       TEXT      NOT NULL,
    bytes        BIGINT    NOT NULL CHECK (bytes >= 0),
    created_at   TIMESTAMP NOT NULL
);
CREATE INDEX upload_usage_client ON upload_usage (client);

-- +goose Down
DROP TABLE upload_usage;

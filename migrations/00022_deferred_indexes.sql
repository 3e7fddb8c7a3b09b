-- Secondary indexes of the fact tables that only readers use, dropped while the indexer backfills
-- far from the head and built again before it reaches the head (internal/store/deferred_indexes.go,
-- PostgreSQL only). Each row is one dropped index and the statement that builds it again, so a
-- process killed in between rebuilds it on its next start.

-- +goose Up
CREATE TABLE deferred_indexes (
    name       TEXT NOT NULL PRIMARY KEY,
    definition TEXT NOT NULL
);

-- +goose Down
DROP TABLE deferred_indexes;

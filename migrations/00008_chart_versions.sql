-- When each stored chart last changed: the chart builder sets a chart's version (the build's time
-- in nanoseconds, rising) whenever it rewrites that chart, so API servers that cache rendered
-- charts re-read only the ones that changed (those with a version above the last one they saw).

-- +goose Up
CREATE TABLE chart_versions (
    chain_id BIGINT  NOT NULL,
    chart    TEXT    NOT NULL,
    period   TEXT    NOT NULL,
    version  BIGINT  NOT NULL,
    PRIMARY KEY (chain_id, chart, period)
);
CREATE INDEX chart_versions_version ON chart_versions (chain_id, version);

-- +goose Down
DROP TABLE chart_versions;

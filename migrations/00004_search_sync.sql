-- +goose Up
-- Which version (orders.updated_at) of each order the search index holds.
-- The sync worker skips jobs whose version is already indexed, so bursts of
-- changes cost one engine write.
CREATE TABLE search_sync_state (
    order_id       uuid PRIMARY KEY,
    synced_version timestamptz NOT NULL
);

-- +goose Down
DROP TABLE search_sync_state;

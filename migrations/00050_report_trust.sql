-- +goose Up
-- Reports and the moderation queue (issue 15.2): an order taken down by
-- reports waits for staff at the top of the queue, so it is marked.
ALTER TABLE orders ADD COLUMN auto_suspended boolean NOT NULL DEFAULT false;
CREATE INDEX orders_auto_suspended_idx ON orders (submitted_at) WHERE auto_suspended;

-- +goose Down
DROP INDEX orders_auto_suspended_idx;
ALTER TABLE orders DROP COLUMN auto_suspended;

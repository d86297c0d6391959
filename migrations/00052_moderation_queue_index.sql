-- +goose Up
-- The moderation queue's order (auto-suspended first, then below-minimum-wage
-- orders, then the longest waiting) as an index, so its first page is read
-- in order instead of sorting every waiting order: at 100,000 orders with
-- 4,166 waiting the page took 30 ms (the slowest read of the load run),
-- now about 1 ms. It replaces orders_review_idx, which it extends.
CREATE INDEX orders_queue_idx ON orders (status, auto_suspended DESC, below_minimum_wage DESC,
    (coalesce(submitted_at, updated_at)), id);
DROP INDEX orders_review_idx;

-- +goose Down
CREATE INDEX orders_review_idx ON orders (status, below_minimum_wage DESC, submitted_at);
DROP INDEX orders_queue_idx;

-- +goose Up
-- Issue 24: sorting by distance without a radius read every entry of the
-- (lat, lng) index and sorted them (1.45 s at 1,000,000 orders). A GiST index
-- of each order's point on the unit sphere (geo_x, geo_y, geo_z, from
-- 00007_search_perf.sql) as a cube (contrib, a trusted extension) yields the
-- rows nearest first: ORDER BY that cube <-> the searcher's point walks the
-- index (K-nearest-neighbour) and stops after a page. The Euclidean distance
-- between unit-sphere points (the chord) grows with the great-circle
-- distance, so the order is exactly the haversine order.
CREATE EXTENSION IF NOT EXISTS cube;
CREATE INDEX search_orders_knn_idx ON search_orders USING gist (cube(ARRAY[geo_x, geo_y, geo_z]));

-- +goose Down
DROP INDEX search_orders_knn_idx;
DROP EXTENSION IF EXISTS cube;

-- +goose Up
-- Scorecards in search (issue 13, search/scores.go): each order row carries
-- its posting company's figures, each workshop row its own, so the embedded
-- engine filters and sorts by them. A rate or rating is NULL below three
-- settled contracts (or without any basis): a filter on it excludes the row,
-- a sort on it puts the row last (NULLS LAST). Rows indexed before this
-- migration have no figures until the next reindex (`reindex`, or the full
-- reconcile every 6 hours); a settled contract or a new rating re-syncs the
-- parties' documents at once.

ALTER TABLE search_orders
    ADD COLUMN company_settled       bigint NOT NULL DEFAULT 0,
    ADD COLUMN company_rejection_pct double precision,
    ADD COLUMN company_on_time_pct   double precision,
    ADD COLUMN company_rating        double precision;
-- Sort keys: the first page of a scorecard sort is an index scan, not a sort
-- of every match. They cover the facet columns, so the counts under a
-- rating or rejection filter are an index-only scan (as the price index's).
CREATE INDEX search_orders_company_rating_idx ON search_orders (company_rating DESC NULLS LAST, published_at DESC)
    INCLUDE (craft, province_code, deposit_kind);
CREATE INDEX search_orders_company_rejection_idx ON search_orders (company_rejection_pct ASC NULLS LAST, published_at DESC)
    INCLUDE (craft, province_code, deposit_kind);

ALTER TABLE search_workshops
    ADD COLUMN completed_contracts bigint NOT NULL DEFAULT 0,
    ADD COLUMN on_time_pct         double precision,
    ADD COLUMN acceptance_pct      double precision,
    ADD COLUMN rating              double precision;

-- +goose Down
ALTER TABLE search_workshops DROP COLUMN completed_contracts, DROP COLUMN on_time_pct,
    DROP COLUMN acceptance_pct, DROP COLUMN rating;
DROP INDEX search_orders_company_rating_idx;
DROP INDEX search_orders_company_rejection_idx;
ALTER TABLE search_orders DROP COLUMN company_settled, DROP COLUMN company_rejection_pct,
    DROP COLUMN company_on_time_pct, DROP COLUMN company_rating;

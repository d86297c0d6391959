-- +goose Up
-- The embedded Postgres search engine (search/pgsearch): one row per published
-- order. tokens holds CJK-bigram terms made in Go (search.Tokens) with
-- positions and weights (A title, B tags/crafts/company, C description/region);
-- Postgres' own text parser cannot segment Chinese, so it is never used here.
-- Codes are machine identifiers in the "C" collation: comparing bytes makes
-- sorting and grouping them for facet counts several times cheaper.

CREATE TABLE search_orders (
    id               uuid PRIMARY KEY,
    doc              jsonb NOT NULL,
    tokens           tsvector NOT NULL,
    craft            text COLLATE "C" NOT NULL,
    province_code    text COLLATE "C" NOT NULL,
    city_code        text COLLATE "C" NOT NULL,
    district_code    text COLLATE "C" NOT NULL,
    unit_price       bigint NOT NULL,
    bidding_deadline timestamptz NOT NULL,
    published_at     timestamptz NOT NULL,
    deposit_kind     text COLLATE "C" NOT NULL,
    lat              double precision NOT NULL,
    lng              double precision NOT NULL
);
-- tokens stays in the row (ts_rank reads it for every match; detoasting it
-- cost 10x); doc is only read for the page shown, so it may go out of line.
ALTER TABLE search_orders ALTER COLUMN tokens SET STORAGE MAIN;

CREATE INDEX search_orders_tokens_idx ON search_orders USING gin (tokens);
CREATE INDEX search_orders_craft_idx ON search_orders (craft);
CREATE INDEX search_orders_province_idx ON search_orders (province_code);
CREATE INDEX search_orders_city_idx ON search_orders (city_code);
CREATE INDEX search_orders_district_idx ON search_orders (district_code);
-- Sort keys: an index scan yields the first page of a sort without sorting
-- the filtered set (ties are finished by an incremental sort).
CREATE INDEX search_orders_deadline_idx ON search_orders (bidding_deadline);
CREATE INDEX search_orders_published_idx ON search_orders (published_at);
-- Price sort and range, covering the facet and filter columns: facet counts
-- under a price or deadline filter are an index-only scan, not a heap scan.
CREATE INDEX search_orders_price_idx ON search_orders (unit_price)
    INCLUDE (bidding_deadline, craft, province_code, city_code, district_code, deposit_kind);
-- Radius searches prefilter on a latitude band, then longitude, in the index.
CREATE INDEX search_orders_geo_idx ON search_orders (lat, lng);

-- Facet counts per craft × region × deposit kind, kept exact by the triggers
-- below: the unfiltered home page and craft/region/deposit filters read their
-- total and facets from here instead of counting up to every row.
CREATE TABLE search_facet_counts (
    craft         text COLLATE "C" NOT NULL,
    province_code text COLLATE "C" NOT NULL,
    city_code     text COLLATE "C" NOT NULL,
    district_code text COLLATE "C" NOT NULL,
    deposit_kind  text COLLATE "C" NOT NULL,
    n             bigint NOT NULL,
    PRIMARY KEY (craft, province_code, city_code, district_code, deposit_kind)
);

-- +goose StatementBegin
CREATE FUNCTION search_facet_counts_apply() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    k   constant text := 'craft, province_code, city_code, district_code, deposit_kind';
    src text;
BEGIN
    -- Dynamic SQL because a trigger sees only its own event's transition
    -- tables, and a static statement naming a missing one fails to plan.
    src := CASE TG_OP
        WHEN 'INSERT' THEN format('SELECT %s, 1 AS d FROM new_rows', k)
        WHEN 'DELETE' THEN format('SELECT %s, -1 AS d FROM old_rows', k)
        ELSE format('SELECT %s, 1 AS d FROM new_rows UNION ALL SELECT %s, -1 FROM old_rows', k, k)
    END;
    -- Counters are locked in key order, so concurrent writers cannot deadlock
    -- on them; an update that keeps the keys nets to nothing and writes nothing.
    EXECUTE format('INSERT INTO search_facet_counts AS c (%1$s, n) SELECT %1$s, sum(d) FROM (%2$s) delta '
        'GROUP BY %1$s HAVING sum(d) <> 0 ORDER BY %1$s '
        'ON CONFLICT (%1$s) DO UPDATE SET n = c.n + EXCLUDED.n', k, src);
    RETURN NULL;
END
$$;
-- +goose StatementEnd

-- One trigger per event: a trigger with transition tables may have only one.
CREATE TRIGGER search_facet_counts_insert AFTER INSERT ON search_orders
    REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION search_facet_counts_apply();
CREATE TRIGGER search_facet_counts_update AFTER UPDATE ON search_orders
    REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION search_facet_counts_apply();
CREATE TRIGGER search_facet_counts_delete AFTER DELETE ON search_orders
    REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION search_facet_counts_apply();

-- +goose Down
DROP TABLE search_facet_counts;
DROP TABLE search_orders;
DROP FUNCTION search_facet_counts_apply();

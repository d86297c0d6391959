-- +goose Up
-- Search performance at 100,000 orders (search/pgsearch; plan.go explains the
-- plans). Five changes, none of which approximates a total, a facet or an
-- order:
--
-- 1. Per-word counters. A one-word search for a common word (手工 is in a
--    quarter of the orders) spent its time visiting every match's row to count
--    the facets and to rank it. search_term_counts holds, per word, how many
--    orders contain it by craft × province × deposit kind × tier, kept exact by
--    triggers like search_facet_counts, so the total and the facets are a few
--    index rows.
--
--    The tier is where the word occurs in an order, as bits: 4 title (weight
--    A), 2 tags/craft/company (B), 1 description/region (C). Every word sits
--    at most once per field (search.IndexTokens deduplicates) and the fields
--    come in the order A, B, C, so ts_rank of a one-word query depends on the
--    tier alone, and ranks the tiers 7 > 6 > 5 > 4 > 3 > 2 > 1: a one-word
--    relevance page is "tiers from 7 down, newest first within a tier", and
--    the tier counts say which tier a page starts in.
--
-- 2. A GIN index on the title words (weight A) and on the tag, craft and
--    company words (B) apart, so that reading one tier's members starts from
--    the orders having the word in those fields instead of every order
--    holding it anywhere.
--
-- 3. Unit-sphere coordinates (geo_x, geo_y, geo_z) and a covering index on
--    (lat, lng): a radius filter and a distance sort compare squared chord
--    lengths (monotonic in the great-circle distance) read from the index,
--    instead of evaluating the haversine formula on every row's heap tuple.
--
-- 4. A covering index led by craft and province, so that filter-only
--    searches with a price range (the facet counts of craft × province ×
--    price) read index entries instead of every craft row's heap tuple.
--
-- 5. The documents move to their own table. A search reads the rows of its
--    matches (for the tsvector, the facet columns and the sort keys) but the
--    documents of one page only; without the 1.1 kB documents (inline when
--    they fit, else in TOAST) the table is a quarter smaller (133 → 99 MB at
--    100,000 orders), so scans of matches read fewer pages.

-- Not STRICT, so that Postgres inlines it (a CASE is not strict): as a call
-- it made a recount of 100,000 orders take 12 s instead of 4.
-- +goose StatementBegin
CREATE FUNCTION search_tier(weights text[]) RETURNS int2
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
    SELECT ((CASE WHEN 'A' = ANY (weights) THEN 4 ELSE 0 END)
          + (CASE WHEN 'B' = ANY (weights) THEN 2 ELSE 0 END)
          + (CASE WHEN 'C' = ANY (weights) THEN 1 ELSE 0 END))::int2
$$;
-- +goose StatementEnd

-- Built-in functions only: a row costs 5 µs more to write, not 100 µs as a
-- function listing every word's tier did.
CREATE INDEX search_orders_weights_idx ON search_orders USING gin (ts_filter(tokens, '{a}'), ts_filter(tokens, '{b}'));

CREATE TABLE search_term_counts (
    lexeme        text COLLATE "C" NOT NULL,
    tier          int2 NOT NULL,
    craft         text COLLATE "C" NOT NULL,
    province_code text COLLATE "C" NOT NULL,
    deposit_kind  text COLLATE "C" NOT NULL,
    n             bigint NOT NULL,
    PRIMARY KEY (lexeme, tier, craft, province_code, deposit_kind)
);

INSERT INTO search_term_counts
SELECT t.lexeme, search_tier(t.weights), o.craft, o.province_code, o.deposit_kind, count(*)
FROM search_orders o, unnest(o.tokens) AS t
GROUP BY 1, 2, 3, 4, 5;

-- +goose StatementBegin
CREATE FUNCTION search_term_counts_apply() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    k   constant text := 'tokens, craft, province_code, deposit_kind';
    src text;
BEGIN
    -- A full reindex (pgsearch.Engine.Reindex) recounts once at its end
    -- instead of counting every row out and back in.
    IF current_setting('doorstep.search_recount', true) = 'on' THEN
        RETURN NULL;
    END IF;
    -- Dynamic SQL for the same reason as search_facet_counts_apply: a trigger
    -- sees only its own event's transition tables.
    src := CASE TG_OP
        WHEN 'INSERT' THEN format('SELECT %s, 1 AS d FROM new_rows', k)
        WHEN 'DELETE' THEN format('SELECT %s, -1 AS d FROM old_rows', k)
        ELSE format('SELECT %s, 1 AS d FROM new_rows UNION ALL SELECT %s, -1 FROM old_rows', k, k)
    END;
    -- Counters are locked in key order (no deadlocks between writers); an
    -- update that changes no word, tier, craft, province or deposit kind nets
    -- to nothing and writes nothing.
    EXECUTE 'INSERT INTO search_term_counts AS c (lexeme, tier, craft, province_code, deposit_kind, n) '
        'SELECT t.lexeme, search_tier(t.weights), r.craft, r.province_code, r.deposit_kind, sum(r.d) '
        'FROM (' || src || ') r, unnest(r.tokens) AS t '
        'GROUP BY 1, 2, 3, 4, 5 HAVING sum(r.d) <> 0 ORDER BY 1, 2, 3, 4, 5 '
        'ON CONFLICT (lexeme, tier, craft, province_code, deposit_kind) DO UPDATE SET n = c.n + EXCLUDED.n';
    RETURN NULL;
END
$$;
-- +goose StatementEnd

CREATE TRIGGER search_term_counts_insert AFTER INSERT ON search_orders
    REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION search_term_counts_apply();
CREATE TRIGGER search_term_counts_update AFTER UPDATE ON search_orders
    REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION search_term_counts_apply();
CREATE TRIGGER search_term_counts_delete AFTER DELETE ON search_orders
    REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION search_term_counts_apply();

CREATE TABLE search_order_docs (
    id  uuid PRIMARY KEY, -- always the id of a search_orders row, written with it
    doc jsonb NOT NULL
);
INSERT INTO search_order_docs SELECT id, doc FROM search_orders;

-- Dropping doc here and adding the generated columns below rewrites the
-- table once, without the documents.
ALTER TABLE search_orders DROP COLUMN doc;

ALTER TABLE search_orders
    ADD COLUMN geo_x double precision GENERATED ALWAYS AS (cos(radians(lat)) * cos(radians(lng))) STORED,
    ADD COLUMN geo_y double precision GENERATED ALWAYS AS (cos(radians(lat)) * sin(radians(lng))) STORED,
    ADD COLUMN geo_z double precision GENERATED ALWAYS AS (sin(radians(lat))) STORED;

-- A radius search alone reads the distance, the sort keys and the facet
-- columns from this index. search_orders_geo_idx (lat, lng) stays: it is
-- several times smaller, so a radius combined with words is cheaper to
-- intersect (BitmapAnd) with the words' matches through it.
CREATE INDEX search_orders_geo_cover_idx ON search_orders (lat, lng)
    INCLUDE (geo_x, geo_y, geo_z, published_at, id, craft, province_code, deposit_kind);

-- Replaces search_orders_craft_idx (craft), whose rows it also serves.
DROP INDEX search_orders_craft_idx;
CREATE INDEX search_orders_craft_cover_idx ON search_orders (craft, province_code, unit_price)
    INCLUDE (city_code, district_code, deposit_kind, bidding_deadline, published_at, id);

-- Newest first, ties by id (the end of every order): a backward scan of
-- (published_at, id) yields it, deep pages from the index alone.
DROP INDEX search_orders_published_idx;
CREATE INDEX search_orders_published_idx ON search_orders (published_at, id);

-- A search is a few milliseconds of work: on a small, busy machine starting
-- a parallel worker cost more than the scan it shared (60 ms for a 2 ms
-- bitmap heap scan at load 9 on 2 cores).
ALTER TABLE search_orders SET (parallel_workers = 0);

-- +goose Down
ALTER TABLE search_orders RESET (parallel_workers);
DROP INDEX search_orders_published_idx;
CREATE INDEX search_orders_published_idx ON search_orders (published_at);
DROP INDEX search_orders_craft_cover_idx;
CREATE INDEX search_orders_craft_idx ON search_orders (craft);
DROP INDEX search_orders_geo_cover_idx;
ALTER TABLE search_orders DROP COLUMN geo_x, DROP COLUMN geo_y, DROP COLUMN geo_z;
ALTER TABLE search_orders ADD COLUMN doc jsonb;
UPDATE search_orders o SET doc = d.doc FROM search_order_docs d WHERE d.id = o.id;
ALTER TABLE search_orders ALTER COLUMN doc SET NOT NULL;
DROP TABLE search_order_docs;
DROP TRIGGER search_term_counts_insert ON search_orders;
DROP TRIGGER search_term_counts_update ON search_orders;
DROP TRIGGER search_term_counts_delete ON search_orders;
DROP FUNCTION search_term_counts_apply();
DROP TABLE search_term_counts;
DROP INDEX search_orders_weights_idx;
DROP FUNCTION search_tier(text[]);

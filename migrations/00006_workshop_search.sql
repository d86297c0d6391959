-- +goose Up
-- The embedded Postgres engine's workshop index (search/pgsearch/workshops.go):
-- one row per workshop organisation, so companies can find workshops by craft,
-- region, capacity and distance. As in search_orders, tokens holds CJK-bigram
-- terms made in Go (search.Tokens) with positions and weights (A name,
-- B crafts/host, C region); Postgres' own parser cannot segment Chinese.
-- The typed columns are copies of doc fields for filters and sorts.

CREATE TABLE search_workshops (
    id                  uuid PRIMARY KEY,
    doc                 jsonb NOT NULL,
    tokens              tsvector NOT NULL,
    crafts              text[] COLLATE "C" NOT NULL,
    province_code       text COLLATE "C" NOT NULL,
    city_code           text COLLATE "C" NOT NULL,
    district_code       text COLLATE "C" NOT NULL,
    weekly_capacity     bigint NOT NULL,
    verified            boolean NOT NULL,
    community_guarantee boolean NOT NULL,
    created_at          timestamptz NOT NULL,
    lat                 double precision NOT NULL,
    lng                 double precision NOT NULL
);
ALTER TABLE search_workshops ALTER COLUMN tokens SET STORAGE MAIN;

CREATE INDEX search_workshops_tokens_idx ON search_workshops USING gin (tokens);
-- craft filter: crafts && '{weaving,beading}'
CREATE INDEX search_workshops_crafts_idx ON search_workshops USING gin (crafts);
CREATE INDEX search_workshops_province_idx ON search_workshops (province_code);
CREATE INDEX search_workshops_city_idx ON search_workshops (city_code);
CREATE INDEX search_workshops_district_idx ON search_workshops (district_code);
CREATE INDEX search_workshops_capacity_idx ON search_workshops (weekly_capacity);
CREATE INDEX search_workshops_created_idx ON search_workshops (created_at);
-- Radius searches prefilter on a latitude band, then longitude, in the index.
CREATE INDEX search_workshops_geo_idx ON search_workshops (lat, lng);

-- +goose Down
DROP TABLE search_workshops;

-- +goose Up
-- Craft synonyms staff add to the built-in list (search/synonyms.tsv) without
-- a release. Each row is one group of terms that name the same thing to a
-- coordinator (网兜/网袋); both search engines take the built-in groups plus
-- these (search.ApplySynonyms) when one changes and every minute, so every
-- replica follows within a minute. Terms are stored as staff typed them and
-- normalized (folded, lower-cased) when loaded.
CREATE TABLE search_synonyms (
    id         uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    terms      text[] NOT NULL CHECK (cardinality(terms) BETWEEN 2 AND 10),
    note       text NOT NULL CHECK (length(note) BETWEEN 1 AND 500), -- the source or the reason
    created_by uuid REFERENCES users (id) ON DELETE SET NULL,
    created_at timestamptz NOT NULL DEFAULT now(),
    updated_at timestamptz NOT NULL DEFAULT now()
);

-- +goose Down
DROP TABLE search_synonyms;

-- +goose Up
-- Ratings both ways after settlement; each side sees the other's once both
-- have rated or 14 days have passed, so neither can retaliate.
CREATE TABLE ratings (
    id            uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    contract_id   uuid NOT NULL REFERENCES contracts (id),
    rater_org_id  uuid NOT NULL REFERENCES orgs (id),
    ratee_org_id  uuid NOT NULL REFERENCES orgs (id),
    -- A company rates quality, communication and timeliness; a workshop rates
    -- payment, communication and fairness of inspection.
    score_a       smallint NOT NULL CHECK (score_a BETWEEN 1 AND 5),
    score_b       smallint NOT NULL CHECK (score_b BETWEEN 1 AND 5),
    score_c       smallint NOT NULL CHECK (score_c BETWEEN 1 AND 5),
    comment       text NOT NULL DEFAULT '',
    rated_by      uuid REFERENCES users (id),
    created_at    timestamptz NOT NULL DEFAULT now(),
    UNIQUE (contract_id, rater_org_id)
);
CREATE INDEX ratings_ratee_idx ON ratings (ratee_org_id);
CREATE INDEX contracts_settled_idx ON contracts (settled_at) WHERE status = 'settled';

-- +goose Down
DROP INDEX contracts_settled_idx;
DROP TABLE ratings;

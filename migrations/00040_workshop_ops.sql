-- +goose Up
-- Workshop operations (issue 14): the roster of residents (居民), their
-- consented sensitive tags, material hand-outs and piece records per
-- contract, and the pay distribution to residents.

-- A resident is a roster entry inside one workshop; residents never sign in.
CREATE TABLE residents (
    id          uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    workshop_id uuid NOT NULL REFERENCES orgs (id) ON DELETE CASCADE,
    name        text NOT NULL CHECK (char_length(name) BETWEEN 1 AND 50),
    phone       text NOT NULL DEFAULT '',
    crafts      text[] NOT NULL DEFAULT '{}',
    joined_on   date NOT NULL DEFAULT current_date,
    active      boolean NOT NULL DEFAULT true,
    created_at  timestamptz NOT NULL DEFAULT now(),
    updated_at  timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX residents_workshop_idx ON residents (workshop_id, active, name);
-- A phone identifies a resident within a workshop (import matches on it).
CREATE UNIQUE INDEX residents_phone_key ON residents (workshop_id, phone) WHERE phone <> '';

-- Sensitive tags live apart from the roster so that every query reading them
-- must join them on purpose, and each one carries who recorded the
-- resident's consent and when.
CREATE TABLE resident_tags (
    resident_id         uuid NOT NULL REFERENCES residents (id) ON DELETE CASCADE,
    tag                 text NOT NULL CHECK (tag IN ('elderly', 'disabled', 'low_income', 'caregiver')),
    consent_recorded_by uuid REFERENCES users (id) ON DELETE SET NULL,
    consent_recorded_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (resident_id, tag)
);

-- The community fund share a workshop keeps from each contract's net
-- (basis points), remembered between distributions.
CREATE TABLE workshop_ops_settings (
    workshop_id       uuid PRIMARY KEY REFERENCES orgs (id) ON DELETE CASCADE,
    community_fund_bp integer NOT NULL DEFAULT 0 CHECK (community_fund_bp BETWEEN 0 AND 5000),
    updated_at        timestamptz NOT NULL DEFAULT now()
);

-- Material hand-outs: one row per movement between the coordinator and a
-- resident (taken; finished pieces brought back; returned unused; lost).
CREATE TABLE material_handouts (
    id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    contract_id uuid NOT NULL REFERENCES contracts (id) ON DELETE CASCADE,
    resident_id uuid NOT NULL REFERENCES residents (id),
    taken       bigint NOT NULL DEFAULT 0 CHECK (taken >= 0),
    finished    bigint NOT NULL DEFAULT 0 CHECK (finished >= 0),
    returned    bigint NOT NULL DEFAULT 0 CHECK (returned >= 0),
    lost        bigint NOT NULL DEFAULT 0 CHECK (lost >= 0),
    note        text NOT NULL DEFAULT '',
    recorded_by uuid REFERENCES users (id) ON DELETE SET NULL,
    created_at  timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX material_handouts_contract_idx ON material_handouts (contract_id, resident_id);

-- Accepted pieces per resident and contract: the weight of the distribution.
CREATE TABLE piece_records (
    contract_id uuid NOT NULL REFERENCES contracts (id) ON DELETE CASCADE,
    resident_id uuid NOT NULL REFERENCES residents (id),
    pieces      bigint NOT NULL CHECK (pieces >= 0),
    updated_by  uuid REFERENCES users (id) ON DELETE SET NULL,
    updated_at  timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (contract_id, resident_id)
);

-- Every change to a piece record, with the value it replaced.
CREATE TABLE piece_record_changes (
    id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    contract_id uuid NOT NULL REFERENCES contracts (id) ON DELETE CASCADE,
    resident_id uuid NOT NULL REFERENCES residents (id),
    old_pieces  bigint NOT NULL,
    new_pieces  bigint NOT NULL,
    save_key    uuid NOT NULL,
    changed_by  uuid REFERENCES users (id) ON DELETE SET NULL,
    changed_at  timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX piece_record_changes_contract_idx ON piece_record_changes (contract_id, changed_at DESC);

-- Saves already applied, by the client's idempotency key: a retried save
-- (the phone lost the answer, not the request) is applied once.
CREATE TABLE piece_record_saves (
    contract_id uuid NOT NULL REFERENCES contracts (id) ON DELETE CASCADE,
    save_key    uuid NOT NULL,
    saved_by    uuid REFERENCES users (id) ON DELETE SET NULL,
    saved_at    timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (contract_id, save_key)
);

-- An approved distribution: its amounts are frozen; lines are marked paid.
CREATE TABLE distributions (
    id                uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    contract_id       uuid NOT NULL UNIQUE REFERENCES contracts (id) ON DELETE CASCADE,
    workshop_id       uuid NOT NULL REFERENCES orgs (id),
    net               bigint NOT NULL CHECK (net >= 0),
    community_fund_bp integer NOT NULL CHECK (community_fund_bp BETWEEN 0 AND 5000),
    community_fund    bigint NOT NULL CHECK (community_fund >= 0),
    distributed       bigint NOT NULL CHECK (distributed >= 0),
    total_pieces      bigint NOT NULL CHECK (total_pieces >= 1),
    approved_by       uuid REFERENCES users (id) ON DELETE SET NULL,
    approved_at       timestamptz NOT NULL DEFAULT now(),
    CHECK (community_fund + distributed = net)
);

CREATE TABLE distribution_lines (
    id              uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    distribution_id uuid NOT NULL REFERENCES distributions (id) ON DELETE CASCADE,
    resident_id     uuid NOT NULL REFERENCES residents (id),
    resident_name   text NOT NULL, -- as on the payslip the day it was approved
    pieces          bigint NOT NULL CHECK (pieces >= 0),
    amount          bigint NOT NULL CHECK (amount >= 0),
    paid_at         timestamptz,
    paid_method     text CHECK (paid_method IN ('cash', 'wechat', 'bank')),
    paid_reference  text NOT NULL DEFAULT '',
    paid_by         uuid REFERENCES users (id) ON DELETE SET NULL,
    UNIQUE (distribution_id, resident_id),
    CHECK ((paid_at IS NULL) = (paid_method IS NULL))
);
CREATE INDEX distribution_lines_resident_idx ON distribution_lines (resident_id);

-- +goose Down
DROP TABLE distribution_lines, distributions, piece_record_saves, piece_record_changes, piece_records,
    material_handouts, workshop_ops_settings, resident_tags, residents;

-- +goose Up
-- Accounts, organisations, sessions, tokens and the staff audit log.

CREATE TABLE orgs (
    id                  uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    kind                text NOT NULL CHECK (kind IN ('company', 'workshop')),
    name                text NOT NULL CHECK (char_length(name) BETWEEN 2 AND 100),
    region_code         text NOT NULL CHECK (region_code ~ '^[0-9]{6}$'),
    address             text NOT NULL DEFAULT '',
    verified_at         timestamptz,
    community_guarantee boolean NOT NULL DEFAULT false,
    -- company
    credit_code         text,
    contact_name        text,
    contact_phone       text,
    -- workshop
    host                text,
    lat                 double precision,
    lng                 double precision,
    crafts              text[] NOT NULL DEFAULT '{}',
    headcount           integer CHECK (headcount >= 0),
    weekly_capacity     integer CHECK (weekly_capacity >= 0),
    created_at          timestamptz NOT NULL DEFAULT now(),
    updated_at          timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT company_fields CHECK (kind <> 'company' OR (credit_code IS NOT NULL AND contact_name IS NOT NULL AND contact_phone IS NOT NULL)),
    CONSTRAINT workshop_fields CHECK (kind <> 'workshop' OR (host IS NOT NULL AND lat IS NOT NULL AND lng IS NOT NULL AND headcount IS NOT NULL AND weekly_capacity IS NOT NULL)),
    CONSTRAINT guarantee_only_workshops CHECK (kind = 'workshop' OR NOT community_guarantee)
);
-- One organisation per credit code: the code identifies a legal entity.
CREATE UNIQUE INDEX orgs_credit_code_key ON orgs (credit_code) WHERE credit_code IS NOT NULL;
CREATE INDEX orgs_kind_created_idx ON orgs (kind, created_at DESC);

CREATE TABLE users (
    id            uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    email         text NOT NULL CHECK (email = lower(email)),
    password_hash text NOT NULL,
    name          text NOT NULL,
    phone         text NOT NULL DEFAULT '',
    staff_role    text CHECK (staff_role IN ('admin', 'moderator')),
    created_at    timestamptz NOT NULL DEFAULT now(),
    updated_at    timestamptz NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX users_email_key ON users (email);

-- A user belongs to at most one organisation; staff belong to none.
CREATE TABLE memberships (
    user_id    uuid PRIMARY KEY REFERENCES users (id) ON DELETE CASCADE,
    org_id     uuid NOT NULL REFERENCES orgs (id) ON DELETE CASCADE,
    role       text NOT NULL CHECK (role IN ('owner', 'member')),
    created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX memberships_org_idx ON memberships (org_id);

-- Sessions: only a SHA-256 of the random token is stored.
CREATE TABLE sessions (
    token_hash   bytea PRIMARY KEY,
    user_id      uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    created_at   timestamptz NOT NULL DEFAULT now(),
    expires_at   timestamptz NOT NULL,
    revoked_at   timestamptz,
    ip           text NOT NULL DEFAULT '',
    user_agent   text NOT NULL DEFAULT ''
);
CREATE INDEX sessions_user_idx ON sessions (user_id);
CREATE INDEX sessions_expires_idx ON sessions (expires_at);

-- One-time tokens for password reset (hashed, single use).
CREATE TABLE password_resets (
    token_hash bytea PRIMARY KEY,
    user_id    uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    created_at timestamptz NOT NULL DEFAULT now(),
    expires_at timestamptz NOT NULL,
    used_at    timestamptz
);

CREATE TABLE invitations (
    id          uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    token_hash  bytea NOT NULL UNIQUE,
    org_id      uuid NOT NULL REFERENCES orgs (id) ON DELETE CASCADE,
    email       text NOT NULL CHECK (email = lower(email)),
    role        text NOT NULL CHECK (role IN ('owner', 'member')),
    invited_by  uuid NOT NULL REFERENCES users (id),
    created_at  timestamptz NOT NULL DEFAULT now(),
    expires_at  timestamptz NOT NULL,
    accepted_at timestamptz
);
CREATE INDEX invitations_org_idx ON invitations (org_id);

-- Fixed-window counters shared by every server instance (login throttling).
CREATE TABLE rate_limits (
    key          text NOT NULL,
    window_start timestamptz NOT NULL,
    hits         integer NOT NULL,
    PRIMARY KEY (key, window_start)
);

CREATE TABLE audit_log (
    id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    at          timestamptz NOT NULL DEFAULT now(),
    actor_id    uuid REFERENCES users (id),
    actor_email text NOT NULL,
    action      text NOT NULL,
    target_type text NOT NULL,
    target_id   text NOT NULL,
    before      jsonb,
    after       jsonb,
    note        text NOT NULL DEFAULT ''
);
CREATE INDEX audit_log_at_idx ON audit_log (at DESC);
CREATE INDEX audit_log_target_idx ON audit_log (target_type, target_id);

-- +goose Down
DROP TABLE audit_log, rate_limits, invitations, password_resets, sessions, memberships, users, orgs;

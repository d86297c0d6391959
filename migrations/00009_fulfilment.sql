-- +goose Up
-- Fulfilment (DESIGN.md "Lifecycle"): uploaded photos, material dispatches
-- and receipts, unused material returned, deliveries in batches, inspection
-- with reasons and photos, rework, disputes decided by staff, and the
-- message thread between the two parties.

-- Images: re-encoded on upload (EXIF and location data gone), with a
-- thumbnail. An upload belongs to its uploader's organisation until it is
-- attached to something on a contract; then the contract's parties and staff
-- may see it. Unattached uploads expire.
CREATE TABLE uploads (
    id            uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    org_id        uuid REFERENCES orgs (id),
    uploaded_by   uuid NOT NULL REFERENCES users (id),
    content_type  text NOT NULL CHECK (content_type IN ('image/jpeg', 'image/png')),
    size_bytes    integer NOT NULL,
    width         integer NOT NULL,
    height        integer NOT NULL,
    storage_key   text NOT NULL UNIQUE,
    thumb_key     text NOT NULL UNIQUE,
    contract_id   uuid REFERENCES contracts (id),
    attached_kind text,
    attached_id   uuid,
    created_at    timestamptz NOT NULL DEFAULT now(),
    expires_at    timestamptz
);
CREATE INDEX uploads_attached_idx ON uploads (attached_kind, attached_id);
CREATE INDEX uploads_expires_idx ON uploads (expires_at) WHERE expires_at IS NOT NULL;

-- What each contract has seen so far (kept in the same transaction as the
-- rows they count, so a contract page reads one row).
ALTER TABLE contracts
    ADD COLUMN dispatched_units bigint NOT NULL DEFAULT 0,
    ADD COLUMN received_units   bigint NOT NULL DEFAULT 0,
    ADD COLUMN returned_units   bigint NOT NULL DEFAULT 0,
    ADD COLUMN rejected_units   bigint NOT NULL DEFAULT 0,
    ADD COLUMN rework_units     bigint NOT NULL DEFAULT 0,
    ADD COLUMN disputed_units   bigint NOT NULL DEFAULT 0,
    ADD COLUMN released_amount  bigint NOT NULL DEFAULT 0,
    ADD CONSTRAINT fulfilment_units_sane CHECK (
        dispatched_units >= 0 AND received_units >= 0 AND returned_units >= 0 AND rejected_units >= 0
        AND rework_units >= 0 AND disputed_units >= 0 AND delivered_units >= 0 AND accepted_units >= 0
        AND accepted_units <= quantity AND returned_units <= received_units);

CREATE TABLE dispatches (
    id               uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    contract_id      uuid NOT NULL REFERENCES contracts (id),
    seq              integer NOT NULL,
    quantity         bigint NOT NULL CHECK (quantity >= 1),
    method           text NOT NULL CHECK (method IN ('carrier', 'pickup')),
    carrier          text NOT NULL DEFAULT '',
    tracking_no      text NOT NULL DEFAULT '',
    note             text NOT NULL DEFAULT '',
    dispatched_by    uuid REFERENCES users (id),
    dispatched_at    timestamptz NOT NULL DEFAULT now(),
    received_quantity bigint CHECK (received_quantity >= 0 AND received_quantity <= quantity),
    shortfall_note   text NOT NULL DEFAULT '',
    received_by      uuid REFERENCES users (id),
    received_at      timestamptz,
    UNIQUE (contract_id, seq)
);

CREATE TABLE material_returns (
    id          uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    contract_id uuid NOT NULL REFERENCES contracts (id),
    quantity    bigint NOT NULL CHECK (quantity >= 1),
    note        text NOT NULL DEFAULT '',
    created_by  uuid REFERENCES users (id),
    created_at  timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE deliveries (
    id             uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    contract_id    uuid NOT NULL REFERENCES contracts (id),
    seq            integer NOT NULL,
    rework_of      uuid REFERENCES deliveries (id),
    round          integer NOT NULL DEFAULT 0,
    quantity       bigint NOT NULL CHECK (quantity >= 1),
    note           text NOT NULL DEFAULT '',
    status         text NOT NULL DEFAULT 'submitted'
        CHECK (status IN ('submitted', 'accepted', 'auto_accepted', 'disputed', 'resolved')),
    submitted_by   uuid REFERENCES users (id),
    submitted_at   timestamptz NOT NULL DEFAULT now(),
    inspect_due_at timestamptz NOT NULL,
    accepted       bigint,
    rejected       bigint,
    rework         bigint,
    rework_left    bigint NOT NULL DEFAULT 0, -- rework units not yet delivered again
    inspected_by   uuid REFERENCES users (id),
    inspected_at   timestamptz,
    dispute_due_at timestamptz,
    UNIQUE (contract_id, seq),
    CONSTRAINT inspection_adds_up CHECK (accepted IS NULL OR accepted + rejected + rework = quantity),
    CONSTRAINT rework_left_sane CHECK (rework_left >= 0 AND (rework IS NULL OR rework_left <= rework))
);
CREATE INDEX deliveries_due_idx ON deliveries (inspect_due_at) WHERE status = 'submitted';

CREATE TABLE delivery_rejections (
    id          uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    delivery_id uuid NOT NULL REFERENCES deliveries (id),
    reason      text NOT NULL,
    quantity    bigint NOT NULL CHECK (quantity >= 1)
);

CREATE TABLE disputes (
    id             uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    delivery_id    uuid NOT NULL UNIQUE REFERENCES deliveries (id),
    contract_id    uuid NOT NULL REFERENCES contracts (id),
    units          bigint NOT NULL CHECK (units >= 1), -- the rejected units in question
    statement      text NOT NULL,
    status         text NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'resolved')),
    opened_by      uuid REFERENCES users (id),
    opened_at      timestamptz NOT NULL DEFAULT now(),
    decided_accepted bigint CHECK (decided_accepted >= 0 AND decided_accepted <= units),
    decision_note  text NOT NULL DEFAULT '',
    resolved_by    uuid REFERENCES users (id),
    resolved_at    timestamptz
);
CREATE INDEX disputes_open_idx ON disputes (opened_at) WHERE status = 'open';

CREATE TABLE dispute_comments (
    id         uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    dispute_id uuid NOT NULL REFERENCES disputes (id),
    author_id  uuid NOT NULL REFERENCES users (id),
    org_id     uuid REFERENCES orgs (id), -- NULL for staff
    body       text NOT NULL,
    created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX dispute_comments_idx ON dispute_comments (dispute_id, created_at);

CREATE TABLE contract_messages (
    id          uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    contract_id uuid NOT NULL REFERENCES contracts (id),
    author_id   uuid NOT NULL REFERENCES users (id),
    org_id      uuid REFERENCES orgs (id), -- NULL for staff
    body        text NOT NULL,
    created_at  timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX contract_messages_idx ON contract_messages (contract_id, created_at);

-- +goose Down
DROP TABLE contract_messages, dispute_comments, disputes, delivery_rejections, deliveries, material_returns, dispatches, uploads;
ALTER TABLE contracts DROP CONSTRAINT fulfilment_units_sane, DROP COLUMN dispatched_units, DROP COLUMN received_units,
    DROP COLUMN returned_units, DROP COLUMN rejected_units, DROP COLUMN rework_units, DROP COLUMN disputed_units,
    DROP COLUMN released_amount;

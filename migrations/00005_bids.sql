-- +goose Up
-- Bids (报价), their revisions, contracts made by awarding a bid, and
-- companies' invitations to workshops.

CREATE TABLE bids (
    id            uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    order_id      uuid NOT NULL REFERENCES orders (id),
    workshop_id   uuid NOT NULL REFERENCES orgs (id),
    status        text NOT NULL DEFAULT 'submitted'
        CHECK (status IN ('submitted', 'accepted', 'rejected', 'withdrawn', 'expired')),
    status_reason text NOT NULL DEFAULT '',
    quantity      bigint NOT NULL CHECK (quantity >= 1),
    unit_price    bigint NOT NULL CHECK (unit_price BETWEEN 1 AND 100000000),
    delivery_date timestamptz NOT NULL,
    headcount     integer NOT NULL CHECK (headcount BETWEEN 1 AND 10000),
    message       text NOT NULL DEFAULT '',
    revision      integer NOT NULL DEFAULT 1,
    created_by    uuid REFERENCES users (id),
    created_at    timestamptz NOT NULL DEFAULT now(),
    updated_at    timestamptz NOT NULL DEFAULT now(),
    decided_at    timestamptz
);
-- One open bid per workshop and order: the database enforces it, so two
-- concurrent submissions cannot both land.
CREATE UNIQUE INDEX bids_open_key ON bids (order_id, workshop_id) WHERE status = 'submitted';
CREATE INDEX bids_order_idx ON bids (order_id, created_at);
CREATE INDEX bids_workshop_idx ON bids (workshop_id, created_at DESC);

-- Earlier versions of a bid, kept when it is revised.
CREATE TABLE bid_revisions (
    id            bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    bid_id        uuid NOT NULL REFERENCES bids (id) ON DELETE CASCADE,
    revision      integer NOT NULL,
    quantity      bigint NOT NULL,
    unit_price    bigint NOT NULL,
    delivery_date timestamptz NOT NULL,
    headcount     integer NOT NULL,
    message       text NOT NULL,
    created_by    uuid REFERENCES users (id),
    created_at    timestamptz NOT NULL,
    UNIQUE (bid_id, revision)
);

-- A contract is an accepted bid with its terms frozen at award: later edits
-- to the order (there can be none once awarded) or to the platform's
-- commission rate never change what the two parties agreed.
CREATE TABLE contracts (
    id                      uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    order_id                uuid NOT NULL REFERENCES orders (id),
    bid_id                  uuid NOT NULL UNIQUE REFERENCES bids (id),
    company_id              uuid NOT NULL REFERENCES orgs (id),
    workshop_id             uuid NOT NULL REFERENCES orgs (id),
    status                  text NOT NULL DEFAULT 'awaiting_funding'
        CHECK (status IN ('awaiting_funding', 'active', 'materials_sent', 'in_production', 'delivering',
                          'settling', 'settled', 'cancelled', 'disputed')),
    title                   text NOT NULL,
    craft                   text NOT NULL,
    quantity                bigint NOT NULL CHECK (quantity >= 1),
    unit_price              bigint NOT NULL CHECK (unit_price >= 1),
    currency                text NOT NULL,
    escrow_amount           bigint NOT NULL CHECK (escrow_amount >= 0),
    deposit_kind            text NOT NULL,
    deposit_amount          bigint NOT NULL CHECK (deposit_amount >= 0),
    deposit_waived          boolean NOT NULL,
    commission_bp           integer NOT NULL CHECK (commission_bp BETWEEN 0 AND 10000),
    material_supply         text NOT NULL,
    material_value_per_unit bigint NOT NULL,
    allowed_loss_bp         integer NOT NULL,
    allowed_loss_units      bigint NOT NULL,
    quality_criteria        text NOT NULL,
    max_defect_bp           integer NOT NULL,
    inspection_days         integer NOT NULL,
    rework_rounds           integer NOT NULL,
    due_date                timestamptz NOT NULL,
    handover_region_code    text NOT NULL,
    handover_address        text NOT NULL,
    handover_lat            double precision NOT NULL,
    handover_lng            double precision NOT NULL,
    -- Track-record inputs, written by fulfilment (deliveries, inspection,
    -- disputes) as it happens; profiles aggregate them, nobody types them.
    delivered_units         bigint NOT NULL DEFAULT 0,
    accepted_units          bigint NOT NULL DEFAULT 0,
    last_delivery_at        timestamptz,
    dispute_count           integer NOT NULL DEFAULT 0,
    settled_at              timestamptz,
    created_at              timestamptz NOT NULL DEFAULT now(),
    updated_at              timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX contracts_company_idx ON contracts (company_id, created_at DESC);
CREATE INDEX contracts_workshop_idx ON contracts (workshop_id, created_at DESC);
CREATE INDEX contracts_order_idx ON contracts (order_id);

CREATE TABLE order_invitations (
    order_id    uuid NOT NULL REFERENCES orders (id) ON DELETE CASCADE,
    workshop_id uuid NOT NULL REFERENCES orgs (id),
    invited_by  uuid REFERENCES users (id),
    message     text NOT NULL DEFAULT '',
    created_at  timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (order_id, workshop_id)
);
CREATE INDEX order_invitations_workshop_idx ON order_invitations (workshop_id, created_at DESC);

-- +goose Down
DROP TABLE order_invitations, contracts, bid_revisions, bids;

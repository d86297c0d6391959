-- +goose Up
-- Outsourcing orders (外发加工订单), their history, reports and in-app notifications.

CREATE TABLE orders (
    id                      uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    company_id              uuid NOT NULL REFERENCES orgs (id),
    status                  text NOT NULL DEFAULT 'draft'
        CHECK (status IN ('draft', 'pending_review', 'published', 'rejected', 'suspended', 'closed')),
    close_reason            text CHECK (close_reason IN ('awarded', 'cancelled', 'expired')),
    title                   text NOT NULL,
    description             text NOT NULL DEFAULT '',
    craft                   text NOT NULL,
    tags                    text[] NOT NULL DEFAULT '{}',
    quantity                bigint NOT NULL CHECK (quantity BETWEEN 1 AND 10000000),
    remaining_quantity      bigint NOT NULL CHECK (remaining_quantity >= 0),
    unit_price              bigint NOT NULL CHECK (unit_price BETWEEN 1 AND 100000000),
    currency                text NOT NULL DEFAULT 'CNY',
    min_bid_quantity        bigint NOT NULL CHECK (min_bid_quantity >= 1),
    bidding_deadline        timestamptz NOT NULL,
    delivery_deadline       timestamptz NOT NULL,
    region_code             text NOT NULL,
    address                 text NOT NULL,
    lat                     double precision NOT NULL,
    lng                     double precision NOT NULL,
    minutes_per_piece       integer NOT NULL CHECK (minutes_per_piece >= 1),
    material_supply         text NOT NULL CHECK (material_supply IN ('company_ships', 'workshop_picks_up', 'workshop_sources')),
    material_value_per_unit bigint NOT NULL DEFAULT 0 CHECK (material_value_per_unit >= 0),
    allowed_loss_bp         integer NOT NULL DEFAULT 0 CHECK (allowed_loss_bp BETWEEN 0 AND 10000),
    deposit_kind            text NOT NULL CHECK (deposit_kind IN ('none', 'fixed', 'per_unit', 'percent_of_material')),
    deposit_amount          bigint NOT NULL DEFAULT 0 CHECK (deposit_amount >= 0),
    deposit_rate_bp         integer NOT NULL DEFAULT 0 CHECK (deposit_rate_bp BETWEEN 0 AND 10000),
    deposit_waivable        boolean NOT NULL DEFAULT false,
    quality_criteria        text NOT NULL,
    max_defect_bp           integer NOT NULL DEFAULT 0 CHECK (max_defect_bp BETWEEN 0 AND 10000),
    inspection_days         integer NOT NULL DEFAULT 7 CHECK (inspection_days BETWEEN 1 AND 30),
    rework_rounds           integer NOT NULL DEFAULT 1 CHECK (rework_rounds BETWEEN 0 AND 3),
    sample_photos           text[] NOT NULL DEFAULT '{}',
    hourly_equivalent       bigint NOT NULL,
    min_hourly_wage         bigint,
    below_minimum_wage      boolean NOT NULL DEFAULT false,
    status_reason           text NOT NULL DEFAULT '',
    submitted_at            timestamptz,
    published_at            timestamptz,
    created_at              timestamptz NOT NULL DEFAULT now(),
    updated_at              timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT deadlines_ordered CHECK (delivery_deadline > bidding_deadline),
    CONSTRAINT min_bid_within_quantity CHECK (min_bid_quantity <= quantity),
    CONSTRAINT remaining_within_quantity CHECK (remaining_quantity <= quantity),
    CONSTRAINT closed_has_reason CHECK ((status = 'closed') = (close_reason IS NOT NULL))
);
CREATE INDEX orders_company_idx ON orders (company_id, status, created_at DESC);
-- The moderation queue: below-minimum-wage first, then oldest first.
CREATE INDEX orders_review_idx ON orders (status, below_minimum_wage DESC, submitted_at);
CREATE INDEX orders_expiry_idx ON orders (bidding_deadline) WHERE status IN ('published', 'suspended');

-- Every transition, with who and when: the order's visible history.
CREATE TABLE order_events (
    id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    order_id    uuid NOT NULL REFERENCES orders (id) ON DELETE CASCADE,
    at          timestamptz NOT NULL DEFAULT now(),
    actor_id    uuid REFERENCES users (id),
    actor_kind  text NOT NULL CHECK (actor_kind IN ('company', 'staff', 'system')),
    action      text NOT NULL,
    from_status text,
    to_status   text NOT NULL,
    reason      text NOT NULL DEFAULT ''
);
CREATE INDEX order_events_order_idx ON order_events (order_id, id);

CREATE TABLE order_reports (
    id               uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    order_id         uuid NOT NULL REFERENCES orders (id) ON DELETE CASCADE,
    reporter_id      uuid NOT NULL REFERENCES users (id),
    reporter_org_id  uuid REFERENCES orgs (id),
    reason           text NOT NULL CHECK (reason IN ('deposit_scam', 'unfair_pay', 'misleading', 'prohibited', 'other')),
    detail           text NOT NULL DEFAULT '',
    status           text NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'dismissed', 'upheld')),
    created_at       timestamptz NOT NULL DEFAULT now(),
    resolved_by      uuid REFERENCES users (id),
    resolved_at      timestamptz,
    resolution_note  text NOT NULL DEFAULT ''
);
-- One open report per reporting user and order.
CREATE UNIQUE INDEX order_reports_open_key ON order_reports (order_id, reporter_id) WHERE status = 'open';
CREATE INDEX order_reports_status_idx ON order_reports (status, created_at);

CREATE TABLE notifications (
    id         uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    org_id     uuid NOT NULL REFERENCES orgs (id) ON DELETE CASCADE,
    kind       text NOT NULL,
    title_zh   text NOT NULL,
    title_en   text NOT NULL,
    body_zh    text NOT NULL DEFAULT '',
    body_en    text NOT NULL DEFAULT '',
    link       text NOT NULL DEFAULT '',
    read_at    timestamptz,
    created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX notifications_org_idx ON notifications (org_id, created_at DESC);
CREATE INDEX notifications_unread_idx ON notifications (org_id) WHERE read_at IS NULL;

-- +goose Down
DROP TABLE notifications, order_reports, order_events, orders;

-- +goose Up
-- Public impact figures per closed month (issue 23, point 18). A month's
-- figures are computed once, when first read after the month has closed,
-- and never again: a later change to a resident's tags, a workshop's name
-- or a backdated payment cannot move a published figure, so nobody learns
-- one resident's pay by comparing two readings.
CREATE TABLE impact_months (
    month     text PRIMARY KEY CHECK (month ~ '^[0-9]{4}-[0-9]{2}$'),
    figures   jsonb NOT NULL,
    frozen_at timestamptz NOT NULL DEFAULT now()
);

-- +goose Down
DROP TABLE impact_months;

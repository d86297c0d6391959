-- +goose Up
-- Fair pay at the moment of decision (issue 15.13): a bid whose hourly
-- equivalent is below the minimum wage is made only with the workshop's
-- explicit confirmation, and awarded only with the company's; both are kept.
ALTER TABLE bids ADD COLUMN below_min_wage_confirmed_at timestamptz;
ALTER TABLE contracts ADD COLUMN below_min_wage_confirmed_at timestamptz,
    ADD COLUMN below_min_wage_confirmed_by uuid REFERENCES users (id);

-- +goose Down
ALTER TABLE contracts DROP COLUMN below_min_wage_confirmed_by, DROP COLUMN below_min_wage_confirmed_at;
ALTER TABLE bids DROP COLUMN below_min_wage_confirmed_at;

-- +goose Up
-- A distribution approved while the pieces recorded for residents differ
-- from the pieces the company accepted needs the coordinator's reason; it
-- is kept with the distribution and printed on every payslip.
ALTER TABLE distributions ADD COLUMN basis_note text NOT NULL DEFAULT '';

-- +goose Down
ALTER TABLE distributions DROP COLUMN basis_note;

-- +goose Up
-- Material the company brings in its own vehicle: no carrier or tracking
-- number, but a driver and a phone the workshop can call.
ALTER TABLE dispatches DROP CONSTRAINT dispatches_method_check;
ALTER TABLE dispatches ADD CONSTRAINT dispatches_method_check CHECK (method IN ('carrier', 'pickup', 'company_delivery'));
ALTER TABLE dispatches ADD COLUMN driver text NOT NULL DEFAULT '', ADD COLUMN driver_phone text NOT NULL DEFAULT '';

-- +goose Down
DELETE FROM dispatches WHERE method = 'company_delivery';
ALTER TABLE dispatches DROP COLUMN driver, DROP COLUMN driver_phone;
ALTER TABLE dispatches DROP CONSTRAINT dispatches_method_check;
ALTER TABLE dispatches ADD CONSTRAINT dispatches_method_check CHECK (method IN ('carrier', 'pickup'));

-- +goose Up
-- A payout or refund sent by hand kept its kind ("payout") as the audit
-- note; it is a field of the change now, worded by the audit log.
UPDATE audit_log SET after = COALESCE(after, '{}') || jsonb_build_object('kind', note), note = ''
WHERE action = 'disbursement.sent' AND note IN ('payout', 'refund', 'compensation');

-- +goose Down
UPDATE audit_log SET note = after ->> 'kind', after = after - 'kind'
WHERE action = 'disbursement.sent' AND after ? 'kind';

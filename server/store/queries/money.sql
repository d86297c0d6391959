-- name: EnsureLedgerAccount :one
-- The account of a kind (per contract, or per provider for clearing);
-- created on first use.
INSERT INTO ledger_accounts (kind, contract_id, provider, currency)
VALUES ($1, sqlc.narg(contract_id), $2, $3)
ON CONFLICT (kind, contract_id, provider, currency) DO UPDATE SET kind = excluded.kind
RETURNING id;

-- name: InsertLedgerTransaction :one
-- Nothing is returned when the posting key was used before: that movement
-- is already booked, and a retry must not book it twice.
INSERT INTO ledger_transactions (contract_id, kind, posting_key, memo, payment_id, disbursement_id)
VALUES ($1, $2, $3, $4, $5, $6)
ON CONFLICT (posting_key) DO NOTHING
RETURNING id;

-- name: InsertLedgerEntry :exec
INSERT INTO ledger_entries (transaction_id, account_id, amount) VALUES ($1, $2, $3);

-- name: ContractBalances :many
SELECT kind, balance FROM ledger_accounts WHERE contract_id = $1;

-- name: ContractLedger :many
SELECT t.id AS transaction_id, t.kind AS transaction_kind, t.memo, t.created_at, t.payment_id, t.disbursement_id,
    a.kind AS account_kind, a.provider, e.amount
FROM ledger_transactions t
JOIN ledger_entries e ON e.transaction_id = t.id
JOIN ledger_accounts a ON a.id = e.account_id
WHERE t.contract_id = $1
ORDER BY t.id, e.id;

-- name: LedgerCheck :one
-- Whole-ledger invariants for tests and the fault runs: the entries sum to
-- zero, and every cached balance equals the sum of its account's entries.
SELECT
    (SELECT coalesce(sum(amount), 0) FROM ledger_entries)::bigint AS entries_sum,
    (SELECT coalesce(sum(balance), 0) FROM ledger_accounts)::bigint AS balances_sum,
    (SELECT count(*) FROM ledger_accounts a
      WHERE a.balance <> (SELECT coalesce(sum(e.amount), 0) FROM ledger_entries e WHERE e.account_id = a.id)) AS stale_balances,
    (SELECT count(*) FROM (SELECT transaction_id FROM ledger_entries GROUP BY transaction_id HAVING sum(amount) <> 0) u) AS unbalanced;

-- name: NextPaymentReference :one
INSERT INTO payment_reference_days (day, last) VALUES ($1, 1)
ON CONFLICT (day) DO UPDATE SET last = payment_reference_days.last + 1
RETURNING last;

-- name: NextPaymentSeq :one
SELECT (coalesce(max(seq), 0) + 1)::int AS seq FROM payments WHERE contract_id = $1 AND purpose = $2;

-- name: CreatePayment :one
INSERT INTO payments (contract_id, purpose, payer_org_id, provider, seq, amount, currency, status, reference, created_by)
VALUES ($1, $2, $3, $4, $5, $6, $7, 'pending', $8, $9)
RETURNING *;

-- name: PaymentByID :one
SELECT * FROM payments WHERE id = $1;

-- name: LockPayment :one
SELECT * FROM payments WHERE id = $1 FOR UPDATE;

-- name: LockPaymentByProviderRef :one
SELECT * FROM payments WHERE provider_ref = $1 FOR UPDATE;

-- name: ContractPayments :many
SELECT * FROM payments WHERE contract_id = $1 ORDER BY created_at, id;

-- name: SetPaymentIntent :exec
UPDATE payments SET provider_ref = $2, client_secret = $3, updated_at = now() WHERE id = $1;

-- name: SetPaymentOutcome :one
UPDATE payments SET status = $2, amount_received = sqlc.narg(amount_received), bank_reference = $3,
    confirmed_by = sqlc.narg(confirmed_by), failure_reason = $4, provider_charge = coalesce(sqlc.narg(provider_charge), provider_charge),
    provider_ref = coalesce(sqlc.narg(provider_ref), provider_ref),
    settled_at = CASE WHEN $2 IN ('succeeded', 'short', 'over') THEN now() ELSE settled_at END, updated_at = now()
WHERE id = $1
RETURNING *;

-- name: SetPaymentReceipt :one
UPDATE payments SET receipt_note = $2, updated_at = now() WHERE id = $1 RETURNING *;

-- name: CancelOpenPayments :many
UPDATE payments SET status = 'cancelled', failure_reason = $2, updated_at = now()
WHERE contract_id = $1 AND status = 'pending'
RETURNING id;

-- name: FinancePayments :many
SELECT p.*, k.title AS contract_title, o.name AS payer_name
FROM payments p JOIN contracts k ON k.id = p.contract_id JOIN orgs o ON o.id = p.payer_org_id
WHERE (sqlc.narg(status)::text IS NULL OR p.status = sqlc.narg(status))
  AND (sqlc.narg(provider)::text IS NULL OR p.provider = sqlc.narg(provider))
ORDER BY p.created_at, p.id
LIMIT sqlc.arg(lim) OFFSET sqlc.arg(off);

-- name: CountFinancePayments :one
SELECT count(*) FROM payments p
WHERE (sqlc.narg(status)::text IS NULL OR p.status = sqlc.narg(status))
  AND (sqlc.narg(provider)::text IS NULL OR p.provider = sqlc.narg(provider));

-- name: CreateDisbursement :one
-- Nothing is returned when the idempotency key exists: it was queued before.
INSERT INTO disbursements (contract_id, kind, recipient_org_id, provider, amount, currency, payment_id, status, idempotency_key,
    reissue_of)
VALUES ($1, $2, $3, $4, $5, $6, $7, 'queued', $8, sqlc.narg(reissue_of))
ON CONFLICT (idempotency_key) DO NOTHING
RETURNING *;

-- name: LockDisbursement :one
SELECT * FROM disbursements WHERE id = $1 FOR UPDATE;

-- name: DisbursementByID :one
SELECT * FROM disbursements WHERE id = $1;

-- name: LockDisbursementByProviderRef :one
SELECT * FROM disbursements WHERE provider_ref = $1 FOR UPDATE;

-- name: ContractDisbursements :many
SELECT * FROM disbursements WHERE contract_id = $1 ORDER BY created_at, id;

-- name: RefundedFromPayment :one
SELECT coalesce(sum(amount), 0)::bigint FROM disbursements WHERE payment_id = $1 AND kind = 'refund' AND status <> 'failed';

-- name: SetDisbursementStatus :one
UPDATE disbursements SET status = $2, provider_ref = coalesce(sqlc.narg(provider_ref), provider_ref),
    bank_reference = $3, failure_reason = $4, sent_by = coalesce(sqlc.narg(sent_by), sent_by),
    sent_at = CASE WHEN $2 = 'sent' THEN coalesce(sent_at, now()) ELSE sent_at END, updated_at = now()
WHERE id = $1
RETURNING *;

-- name: SetDisbursementReversed :one
-- amount_reversed is the running total the provider took back so far.
UPDATE disbursements SET status = 'reversed', amount_reversed = $2, failure_reason = $3, updated_at = now()
WHERE id = $1
RETURNING *;

-- name: QueuedDisbursementsFor :many
SELECT id FROM disbursements WHERE recipient_org_id = $1 AND status = 'queued' AND provider = 'stripe';

-- name: FinanceDisbursements :many
SELECT d.*, k.title AS contract_title, o.name AS recipient_name,
    coalesce(a.account_name, '') AS account_name, coalesce(a.bank_name, '') AS bank_name,
    coalesce(a.account_number, '') AS account_number
FROM disbursements d JOIN contracts k ON k.id = d.contract_id JOIN orgs o ON o.id = d.recipient_org_id
LEFT JOIN payout_accounts a ON a.org_id = d.recipient_org_id
WHERE (sqlc.narg(status)::text IS NULL OR d.status = sqlc.narg(status))
  AND (sqlc.narg(provider)::text IS NULL OR d.provider = sqlc.narg(provider))
ORDER BY d.created_at, d.id
LIMIT sqlc.arg(lim) OFFSET sqlc.arg(off);

-- name: CountFinanceDisbursements :one
SELECT count(*) FROM disbursements d
WHERE (sqlc.narg(status)::text IS NULL OR d.status = sqlc.narg(status))
  AND (sqlc.narg(provider)::text IS NULL OR d.provider = sqlc.narg(provider));

-- name: InsertStripeEvent :execrows
INSERT INTO stripe_events (id, type, payload) VALUES ($1, $2, $3) ON CONFLICT (id) DO NOTHING;

-- name: LockStripeEvent :one
SELECT * FROM stripe_events WHERE id = $1 FOR UPDATE;

-- name: MarkStripeEventProcessed :exec
UPDATE stripe_events SET processed_at = now() WHERE id = $1;

-- name: PayoutAccount :one
SELECT * FROM payout_accounts WHERE org_id = $1;

-- name: UpsertPayoutAccount :one
INSERT INTO payout_accounts (org_id, provider, account_name, bank_name, account_number, updated_by, updated_at)
VALUES ($1, $2, $3, $4, $5, $6, now())
ON CONFLICT (org_id) DO UPDATE SET provider = excluded.provider, account_name = excluded.account_name,
    bank_name = excluded.bank_name, account_number = excluded.account_number, updated_by = excluded.updated_by, updated_at = now()
RETURNING *;

-- name: SetStripeAccount :one
INSERT INTO payout_accounts (org_id, provider, stripe_account, updated_by, updated_at)
VALUES ($1, 'stripe', $2, $3, now())
ON CONFLICT (org_id) DO UPDATE SET provider = 'stripe', stripe_account = excluded.stripe_account,
    updated_by = excluded.updated_by, updated_at = now()
RETURNING *;

-- name: SetPayoutsEnabled :one
UPDATE payout_accounts SET payouts_enabled = $2, updated_at = now() WHERE stripe_account = $1 RETURNING *;

-- name: AddToQueuedPayout :one
-- A contract's bank payouts go out together: a release joins the payout
-- still waiting in the finance queue instead of making another one.
UPDATE disbursements d SET amount = d.amount + sqlc.arg(add_amount)::bigint
WHERE d.id = (SELECT x.id FROM disbursements x WHERE x.contract_id = sqlc.arg(contract_id)
    AND x.recipient_org_id = sqlc.arg(recipient_org_id) AND x.kind = 'payout' AND x.provider = 'manual'
    AND x.status = 'queued' AND x.reissue_of IS NULL
    ORDER BY x.created_at LIMIT 1 FOR UPDATE)
RETURNING d.id;

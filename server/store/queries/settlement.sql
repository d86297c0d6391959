-- name: CreateRating :one
INSERT INTO ratings (contract_id, rater_org_id, ratee_org_id, score_a, score_b, score_c, comment, rated_by)
VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
RETURNING *;

-- name: ContractRatings :many
SELECT * FROM ratings WHERE contract_id = $1 ORDER BY created_at;

-- name: CompanyScorecard :one
-- A company's public record, computed from its contracts (DESIGN.md: the
-- deposit scam has nowhere to hide).
SELECT
    count(*) FILTER (WHERE k.status = 'settled') AS settled,
    count(*) FILTER (WHERE k.escrow_funded_at IS NOT NULL OR k.status = 'lapsed') AS funding_decided,
    count(*) FILTER (WHERE k.escrow_funded_at IS NOT NULL AND k.escrow_funded_at <= k.funding_due_at) AS funded_on_time,
    coalesce(sum(k.delivered_units) FILTER (WHERE k.status = 'settled'), 0)::bigint AS delivered,
    coalesce(sum(k.rejected_units) FILTER (WHERE k.status = 'settled'), 0)::bigint AS rejected,
    (SELECT count(*) FROM disputes x JOIN contracts c ON c.id = x.contract_id
        WHERE c.company_id = $1 AND x.status = 'resolved' AND x.decided_accepted > 0) AS disputes_lost,
    coalesce((SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM d.inspected_at - d.submitted_at) / 86400)
        FROM deliveries d JOIN contracts c ON c.id = d.contract_id
        WHERE c.company_id = $1 AND d.inspected_at IS NOT NULL), 0)::float8 AS median_inspection_days,
    (SELECT count(*) FROM deliveries d JOIN contracts c ON c.id = d.contract_id
        WHERE c.company_id = $1 AND d.inspected_at IS NOT NULL) AS inspections,
    coalesce((SELECT avg((r.score_a + r.score_b + r.score_c) / 3.0) FROM ratings r WHERE r.ratee_org_id = $1 AND (
        r.created_at < now() - interval '14 days' OR EXISTS (
            SELECT 1 FROM ratings o WHERE o.contract_id = r.contract_id AND o.rater_org_id = r.ratee_org_id))), 0)::float8 AS avg_rating,
    (SELECT count(*) FROM ratings r WHERE r.ratee_org_id = $1 AND (
        r.created_at < now() - interval '14 days' OR EXISTS (
            SELECT 1 FROM ratings o WHERE o.contract_id = r.contract_id AND o.rater_org_id = r.ratee_org_id))) AS ratings
FROM contracts k WHERE k.company_id = $1;

-- name: WorkshopScorecard :one
SELECT
    count(*) FILTER (WHERE k.status = 'settled') AS settled,
    count(*) FILTER (WHERE k.status = 'settled' AND k.last_delivery_at <= k.due_date) AS on_time,
    coalesce(sum(k.delivered_units) FILTER (WHERE k.status = 'settled'), 0)::bigint AS delivered,
    coalesce(sum(k.accepted_units) FILTER (WHERE k.status = 'settled'), 0)::bigint AS accepted,
    (SELECT count(*) FROM disputes x JOIN contracts c ON c.id = x.contract_id
        WHERE c.workshop_id = $1 AND x.status = 'resolved' AND coalesce(x.decided_accepted, 0) = 0) AS disputes_lost,
    coalesce((SELECT avg((r.score_a + r.score_b + r.score_c) / 3.0) FROM ratings r WHERE r.ratee_org_id = $1 AND (
        r.created_at < now() - interval '14 days' OR EXISTS (
            SELECT 1 FROM ratings o WHERE o.contract_id = r.contract_id AND o.rater_org_id = r.ratee_org_id))), 0)::float8 AS avg_rating,
    (SELECT count(*) FROM ratings r WHERE r.ratee_org_id = $1 AND (
        r.created_at < now() - interval '14 days' OR EXISTS (
            SELECT 1 FROM ratings o WHERE o.contract_id = r.contract_id AND o.rater_org_id = r.ratee_org_id))) AS ratings
FROM contracts k WHERE k.workshop_id = $1;

-- name: SettledContracts :many
SELECT k.*, c.name AS company_name, w.name AS workshop_name FROM contracts k
JOIN orgs c ON c.id = k.company_id JOIN orgs w ON w.id = k.workshop_id
WHERE k.status = 'settled' AND k.settled_at >= $1 AND k.settled_at < $2
ORDER BY k.settled_at, k.id;

-- name: PlatformMoney :one
SELECT
    coalesce(sum(balance) FILTER (WHERE kind = 'contract_escrow'), 0)::bigint AS escrow_held,
    coalesce(sum(balance) FILTER (WHERE kind = 'contract_deposit'), 0)::bigint AS deposits_held,
    coalesce(sum(balance) FILTER (WHERE kind = 'workshop_payable'), 0)::bigint AS payouts_owed,
    coalesce(sum(balance) FILTER (WHERE kind = 'refunds_payable'), 0)::bigint AS refunds_owed,
    coalesce(sum(balance) FILTER (WHERE kind = 'platform_commission'), 0)::bigint AS commission_earned
FROM ledger_accounts;

-- name: MonthlyVolume :many
-- Money through the platform by month (China time): funded in, released,
-- commission, refunded.
SELECT to_char(date_trunc('month', t.created_at AT TIME ZONE 'Asia/Shanghai'), 'YYYY-MM') AS month,
    coalesce(sum(e.amount) FILTER (WHERE t.kind = 'payment_allocated' AND a.kind IN ('contract_escrow', 'contract_deposit')), 0)::bigint AS funded,
    coalesce(-sum(e.amount) FILTER (WHERE t.kind = 'release' AND a.kind = 'contract_escrow'), 0)::bigint AS released,
    coalesce(sum(e.amount) FILTER (WHERE t.kind = 'release' AND a.kind = 'platform_commission'), 0)::bigint AS commission,
    coalesce(sum(e.amount) FILTER (WHERE t.kind = 'refund_sent' AND a.kind = 'provider_clearing'), 0)::bigint AS refunded
FROM ledger_transactions t JOIN ledger_entries e ON e.transaction_id = t.id JOIN ledger_accounts a ON a.id = e.account_id
WHERE t.created_at >= $1
GROUP BY 1 ORDER BY 1;

-- name: PlatformCounts :one
SELECT
    (SELECT count(*) FROM disputes WHERE status = 'open') AS disputes_open,
    (SELECT count(*) FROM contracts WHERE status NOT IN ('settled', 'lapsed', 'cancelled')) AS contracts_open,
    (SELECT count(*) FROM contracts WHERE status = 'settled') AS contracts_settled,
    (SELECT count(*) FROM payments WHERE status = 'pending' AND provider = 'manual') AS transfers_to_match,
    (SELECT count(*) FROM disbursements WHERE status = 'queued' AND provider = 'manual') AS disbursements_to_send;

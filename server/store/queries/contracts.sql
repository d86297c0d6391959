-- name: AwardBid :one
-- An award's writes in one statement: the contract with its frozen terms,
-- the bid accepted, the order's remaining quantity lowered by the
-- contract's quantity. The caller holds the order's and the bid's row
-- locks (LockBidForAward); the CHECK on remaining_quantity is the last
-- line of defence against over-allocation, and contracts.bid_id is UNIQUE.
WITH k AS (
    INSERT INTO contracts (order_id, bid_id, company_id, workshop_id, title, craft, quantity, unit_price, currency,
        escrow_amount, deposit_kind, deposit_amount, deposit_waived, commission_bp, material_supply,
        material_value_per_unit, allowed_loss_bp, allowed_loss_units, quality_criteria, max_defect_bp,
        inspection_days, rework_rounds, due_date, handover_region_code, handover_address, handover_lat, handover_lng,
        funding_due_at, below_min_wage_confirmed_at, below_min_wage_confirmed_by)
    VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, $20, $21, $22,
        $23, $24, $25, $26, $27, $28, $29, $30)
    RETURNING id, order_id, bid_id, quantity
), accepted AS (
    UPDATE bids SET status = 'accepted', status_reason = '', status_reason_en = '', decided_at = now(), updated_at = now()
    WHERE id = (SELECT bid_id FROM k)
    RETURNING id
), lowered AS (
    UPDATE orders SET remaining_quantity = remaining_quantity - (SELECT quantity FROM k), updated_at = now()
    WHERE id = (SELECT order_id FROM k)
    RETURNING remaining_quantity
)
SELECT k.id AS contract_id, lowered.remaining_quantity FROM k, accepted, lowered;

-- name: ListContractViews :many
SELECT k.*, c.name AS company_name, c.verified_at AS company_verified_at,
    w.name AS workshop_name, coalesce(w.host, '') AS workshop_host, w.region_code AS workshop_region_code,
    w.verified_at AS workshop_verified_at, w.community_guarantee AS workshop_guarantee
FROM contracts k
JOIN orgs c ON c.id = k.company_id
JOIN orgs w ON w.id = k.workshop_id
WHERE (sqlc.narg(contract_id)::uuid IS NULL OR k.id = sqlc.narg(contract_id))
  AND (sqlc.narg(company_id)::uuid IS NULL OR k.company_id = sqlc.narg(company_id))
  AND (sqlc.narg(workshop_id)::uuid IS NULL OR k.workshop_id = sqlc.narg(workshop_id))
  AND (sqlc.narg(order_id)::uuid IS NULL OR k.order_id = sqlc.narg(order_id))
  AND (sqlc.narg(status)::text IS NULL OR k.status = sqlc.narg(status))
ORDER BY k.created_at DESC, k.id
LIMIT sqlc.arg(lim) OFFSET sqlc.arg(off);

-- name: ContractView :one
-- One contract as ListContractViews shows it, with a cached plan (the
-- catch-all filters above are planned anew on every call).
SELECT k.*, c.name AS company_name, c.verified_at AS company_verified_at,
    w.name AS workshop_name, coalesce(w.host, '') AS workshop_host, w.region_code AS workshop_region_code,
    w.verified_at AS workshop_verified_at, w.community_guarantee AS workshop_guarantee
FROM contracts k
JOIN orgs c ON c.id = k.company_id
JOIN orgs w ON w.id = k.workshop_id
WHERE k.id = $1;

-- name: CountContractViews :one
SELECT count(*) FROM contracts k
WHERE (sqlc.narg(company_id)::uuid IS NULL OR k.company_id = sqlc.narg(company_id))
  AND (sqlc.narg(workshop_id)::uuid IS NULL OR k.workshop_id = sqlc.narg(workshop_id))
  AND (sqlc.narg(order_id)::uuid IS NULL OR k.order_id = sqlc.narg(order_id))
  AND (sqlc.narg(status)::text IS NULL OR k.status = sqlc.narg(status));

-- name: WorkshopTrackRecords :many
-- Track record per workshop, computed from its contracts. On time: a
-- settled contract whose last delivery came by its due date.
SELECT w.id::uuid AS workshop_id,
    count(k.id) FILTER (WHERE k.status = 'settled') AS completed,
    count(k.id) FILTER (WHERE k.status NOT IN ('settled', 'cancelled')) AS active,
    count(k.id) FILTER (WHERE k.status = 'settled' AND k.last_delivery_at <= k.due_date) AS on_time,
    coalesce(sum(k.delivered_units), 0)::bigint AS delivered_units,
    coalesce(sum(k.accepted_units), 0)::bigint AS accepted_units,
    coalesce(sum(k.dispute_count), 0)::bigint AS disputes
FROM (SELECT DISTINCT unnest(sqlc.arg(ids)::uuid[]) AS id) AS w
LEFT JOIN contracts k ON k.workshop_id = w.id
GROUP BY w.id;

-- name: CompanyRecord :one
SELECT
    (SELECT count(*) FROM orders o WHERE o.company_id = $1 AND o.published_at IS NOT NULL) AS orders_published,
    count(k.id) AS contracts_awarded,
    count(k.id) FILTER (WHERE k.status = 'settled') AS contracts_settled,
    coalesce(sum(k.delivered_units), 0)::bigint AS delivered_units,
    coalesce(sum(k.accepted_units), 0)::bigint AS accepted_units,
    coalesce(sum(k.dispute_count), 0)::bigint AS disputes
FROM contracts k WHERE k.company_id = $1;

-- name: LockContract :one
SELECT * FROM contracts WHERE id = $1 FOR UPDATE;

-- name: ContractByID :one
SELECT * FROM contracts WHERE id = $1;

-- name: SetContractStatus :one
UPDATE contracts SET status = $2,
    activated_at = CASE WHEN $2 = 'active' THEN now() ELSE activated_at END,
    ended_at = CASE WHEN $2 IN ('lapsed', 'cancelled', 'settled') THEN now() ELSE ended_at END,
    end_reason = CASE WHEN $2 IN ('lapsed', 'cancelled', 'settled') THEN sqlc.arg(reason) ELSE end_reason END,
    end_reason_en = CASE WHEN $2 IN ('lapsed', 'cancelled', 'settled') THEN sqlc.arg(reason_en) ELSE end_reason_en END,
    updated_at = now()
WHERE id = $1
RETURNING *;

-- name: SetContractFunded :one
UPDATE contracts SET escrow_funded_at = CASE WHEN sqlc.arg(escrow)::boolean THEN coalesce(escrow_funded_at, now()) ELSE escrow_funded_at END,
    deposit_paid_at = CASE WHEN sqlc.arg(deposit)::boolean THEN coalesce(deposit_paid_at, now()) ELSE deposit_paid_at END,
    updated_at = now()
WHERE id = $1
RETURNING *;

-- name: SetCancelRequest :one
UPDATE contracts SET cancel_requested_by = sqlc.narg(org_id), cancel_reason = $2, updated_at = now() WHERE id = $1 RETURNING *;

-- name: DueForLapse :many
SELECT id FROM contracts WHERE status = 'awaiting_funding' AND funding_due_at <= $1 ORDER BY funding_due_at LIMIT $2;

-- name: MarkSettled :exec
UPDATE contracts SET settled_at = now(), updated_at = now() WHERE id = $1;

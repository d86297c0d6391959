-- name: CreateOrder :one
INSERT INTO orders (
    company_id, title, description, craft, tags, quantity, remaining_quantity, unit_price, currency, min_bid_quantity,
    bidding_deadline, delivery_deadline, region_code, address, lat, lng, minutes_per_piece,
    material_supply, material_value_per_unit, allowed_loss_bp,
    deposit_kind, deposit_amount, deposit_rate_bp, deposit_waivable,
    quality_criteria, max_defect_bp, inspection_days, rework_rounds, sample_photos,
    hourly_equivalent, min_hourly_wage, below_minimum_wage
) VALUES (
    $1, $2, $3, $4, $5, $6, $6, $7, $8, $9,
    $10, $11, $12, $13, $14, $15, $16,
    $17, $18, $19,
    $20, $21, $22, $23,
    $24, $25, $26, $27, $28,
    $29, $30, $31
) RETURNING *;

-- name: UpdateOrderTerms :one
UPDATE orders SET
    title = $2, description = $3, craft = $4, tags = $5, quantity = $6, remaining_quantity = $7, unit_price = $8,
    currency = $9, min_bid_quantity = $10, bidding_deadline = $11, delivery_deadline = $12, region_code = $13,
    address = $14, lat = $15, lng = $16, minutes_per_piece = $17,
    material_supply = $18, material_value_per_unit = $19, allowed_loss_bp = $20,
    deposit_kind = $21, deposit_amount = $22, deposit_rate_bp = $23, deposit_waivable = $24,
    quality_criteria = $25, max_defect_bp = $26, inspection_days = $27, rework_rounds = $28, sample_photos = $29,
    hourly_equivalent = $30, min_hourly_wage = $31, below_minimum_wage = $32, updated_at = now()
WHERE id = $1
RETURNING *;

-- name: OrderByID :one
SELECT * FROM orders WHERE id = $1;

-- name: OrderByIDForUpdate :one
SELECT * FROM orders WHERE id = $1 FOR UPDATE;

-- name: SetOrderStatus :one
UPDATE orders SET status = $2, close_reason = $3, status_reason = $4, submitted_at = $5, published_at = $6,
    auto_suspended = $7, status_reason_en = $8, updated_at = now()
WHERE id = $1
RETURNING *;

-- name: InsertOrderEvent :exec
INSERT INTO order_events (order_id, actor_id, actor_kind, action, from_status, to_status, reason, reason_en)
VALUES ($1, $2, $3, $4, $5, $6, $7, $8);

-- name: OrderEvents :many
SELECT e.*, coalesce(u.name, '') AS actor_name
FROM order_events e LEFT JOIN users u ON u.id = e.actor_id
WHERE e.order_id = $1 ORDER BY e.id;

-- name: CompanyOrders :many
SELECT * FROM orders
WHERE company_id = $1 AND (sqlc.narg('status')::text IS NULL OR status = sqlc.narg('status'))
ORDER BY created_at DESC, id LIMIT $2 OFFSET $3;

-- name: CountCompanyOrders :one
SELECT count(*) FROM orders
WHERE company_id = $1 AND (sqlc.narg('status')::text IS NULL OR status = sqlc.narg('status'));

-- name: CompanyOrderStatusCounts :many
SELECT status, count(*) AS n FROM orders WHERE company_id = $1 GROUP BY status;

-- name: ModerationQueue :many
-- Orders taken down by reports first (the review queue shows them beside
-- the orders waiting for review), then below-minimum-wage orders, then the
-- longest waiting. Each of the two groups is read in that order from
-- orders_queue_idx, at most the page's end from each (an OR of the two would
-- be a bitmap scan that sorts every waiting order).
SELECT sqlc.embed(o), c.name AS company_name, c.verified_at AS company_verified_at
FROM orders o JOIN orgs c ON c.id = o.company_id
WHERE o.id IN (
    (SELECT q.id FROM orders q WHERE q.status = sqlc.arg(status)
     ORDER BY q.auto_suspended DESC, q.below_minimum_wage DESC, coalesce(q.submitted_at, q.updated_at), q.id
     LIMIT sqlc.arg(lim)::int + sqlc.arg(off)::int)
    UNION ALL
    (SELECT q.id FROM orders q WHERE sqlc.arg(status) = 'pending_review' AND q.status = 'suspended' AND q.auto_suspended
     ORDER BY q.auto_suspended DESC, q.below_minimum_wage DESC, coalesce(q.submitted_at, q.updated_at), q.id
     LIMIT sqlc.arg(lim)::int + sqlc.arg(off)::int))
ORDER BY o.auto_suspended DESC, o.below_minimum_wage DESC, coalesce(o.submitted_at, o.updated_at), o.id
LIMIT sqlc.arg(lim) OFFSET sqlc.arg(off);

-- name: CountOrdersByStatus :one
-- The moderation queue's total, as two counts each read from its own range
-- of orders_queue_idx: the OR of both in one WHERE cannot use the index's
-- status column as a condition, so it read all 100,000 entries of a
-- generated marketplace to count 4,166 (issue 24).
SELECT ((SELECT count(*) FROM orders WHERE status = sqlc.arg(status)::text)
    + (SELECT count(*) FROM orders WHERE sqlc.arg(status)::text = 'pending_review' AND status = 'suspended' AND auto_suspended))::bigint AS total;

-- name: DueForExpiry :many
-- Past the bidding deadline an order closes at once when no bid waits for
-- a decision; with open bids the company may still award until
-- award_cutoff (market.AwardWindowAfter after the deadline).
SELECT o.id FROM orders o
WHERE o.status IN ('published', 'suspended') AND o.bidding_deadline <= sqlc.arg(now)::timestamptz
  AND (o.bidding_deadline <= sqlc.arg(award_cutoff)::timestamptz
       OR NOT EXISTS (SELECT 1 FROM bids b WHERE b.order_id = o.id AND b.status = 'submitted'))
ORDER BY o.bidding_deadline LIMIT sqlc.arg(lim);

-- name: CreateReport :one
INSERT INTO order_reports (order_id, reporter_id, reporter_org_id, reason, detail)
VALUES ($1, $2, $3, $4, $5) RETURNING *;

-- name: OpenReportOrgCount :one
-- Organisations with an open report on the order that count toward the
-- automatic suspension: verified ones, or ones with a settled contract.
-- New throwaway organisations do not (their reports still reach staff).
SELECT count(DISTINCT r.reporter_org_id) FROM order_reports r JOIN orgs g ON g.id = r.reporter_org_id
WHERE r.order_id = $1 AND r.status = 'open'
  AND (g.verified_at IS NOT NULL
       OR EXISTS (SELECT 1 FROM contracts k WHERE k.status = 'settled' AND (k.company_id = g.id OR k.workshop_id = g.id)));

-- name: ResolveReport :one
UPDATE order_reports SET status = $2, resolved_by = $3, resolved_at = now(), resolution_note = $4
WHERE id = $1 AND status = 'open'
RETURNING *;

-- name: ResolveOrderReports :many
-- Decides every open report on one order at once (the grouped queue).
UPDATE order_reports SET status = $2, resolved_by = $3, resolved_at = now(), resolution_note = $4
WHERE order_id = $1 AND status = 'open'
RETURNING *;

-- name: ListReportGroups :many
-- Reports grouped per order: the orders whose most serious reason is most
-- serious first (severity is market.ReportReasons, most serious first), then
-- those with more reports, then the oldest.
SELECT r.order_id, o.title AS order_title, o.status AS order_status, o.auto_suspended,
    count(*) AS reports,
    min(array_position(sqlc.arg(severity)::text[], r.reason))::int AS top_severity,
    min(r.created_at)::timestamptz AS first_reported_at
FROM order_reports r JOIN orders o ON o.id = r.order_id
WHERE r.status = sqlc.arg(status)
GROUP BY r.order_id, o.title, o.status, o.auto_suspended
ORDER BY top_severity, reports DESC, first_reported_at, r.order_id
LIMIT sqlc.arg(lim) OFFSET sqlc.arg(off);

-- name: CountReportGroups :one
SELECT count(DISTINCT order_id) FROM order_reports WHERE status = $1;

-- name: ReportsOfOrders :many
SELECT r.*, u.email AS reporter_email, coalesce(g.name, '') AS reporter_org_name
FROM order_reports r
JOIN users u ON u.id = r.reporter_id
LEFT JOIN orgs g ON g.id = r.reporter_org_id
WHERE r.status = sqlc.arg(status) AND r.order_id = ANY(sqlc.arg(order_ids)::uuid[])
ORDER BY r.created_at, r.id;

-- name: CompanyNameAndBadge :one
SELECT name, verified_at FROM orgs WHERE id = $1;

-- name: PublicOrderIDsByCompany :many
SELECT id FROM orders WHERE company_id = $1 AND status = 'published';

-- name: PublishedOrdersAfter :many
-- A page of published orders by id (a full reindex reads them in pages,
-- not one statement per order).
SELECT * FROM orders WHERE status = 'published' AND id > $1 ORDER BY id LIMIT $2;

-- name: CompanyNamesAndBadges :many
SELECT id, name, verified_at FROM orgs WHERE id = ANY(@ids::uuid[]);

-- name: RecentlyChangedOrderIDs :many
SELECT id FROM orders WHERE updated_at > $1 ORDER BY updated_at;

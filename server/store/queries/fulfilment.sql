-- name: CreateUpload :one
INSERT INTO uploads (org_id, uploaded_by, content_type, size_bytes, width, height, storage_key, thumb_key, expires_at)
VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)
RETURNING *;

-- name: UploadByID :one
SELECT * FROM uploads WHERE id = $1;

-- name: AttachUploads :many
-- Attaches the caller's own, still unattached uploads; the caller checks
-- that every id came back.
-- Staff (no organisation) attach only their own uploads.
UPDATE uploads SET contract_id = $1, attached_kind = $2, attached_id = $3, expires_at = NULL
WHERE id = ANY(sqlc.arg(ids)::uuid[]) AND org_id IS NOT DISTINCT FROM sqlc.narg(org_id)
  AND (org_id IS NOT NULL OR uploaded_by = sqlc.arg(user_id)) AND attached_id IS NULL AND expires_at > now()
RETURNING id;

-- name: UploadsFor :many
-- Attached uploads have no expiry; one let go has and is no longer listed.
SELECT id, attached_id, content_type, width, height FROM uploads
WHERE attached_kind = $1 AND attached_id = ANY(sqlc.arg(ids)::uuid[]) AND expires_at IS NULL ORDER BY created_at;

-- name: DetachUploads :many
-- Lets go of what is attached to a target but no longer listed (a replaced
-- document page, a removed sample photo): it keeps its attachment, so only
-- those who could see it still can, but is no longer listed, and the
-- cleanup job deletes it.
UPDATE uploads SET expires_at = now()
WHERE attached_kind = $1 AND attached_id = $2 AND expires_at IS NULL AND NOT (id = ANY(sqlc.arg(keep)::uuid[]))
RETURNING id;

-- name: ExpiredUploads :many
SELECT * FROM uploads WHERE expires_at IS NOT NULL AND expires_at < $1 ORDER BY expires_at LIMIT $2;

-- name: DeleteUpload :exec
DELETE FROM uploads WHERE id = $1;

-- name: NextDispatchSeq :one
SELECT (coalesce(max(seq), 0) + 1)::int FROM dispatches WHERE contract_id = $1;

-- name: CreateDispatch :one
INSERT INTO dispatches (contract_id, seq, quantity, method, carrier, tracking_no, note, dispatched_by, driver, driver_phone)
VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)
RETURNING *;

-- name: LockDispatch :one
SELECT * FROM dispatches WHERE id = $1 FOR UPDATE;

-- name: DispatchByID :one
SELECT * FROM dispatches WHERE id = $1;

-- name: ReceiveDispatch :one
UPDATE dispatches SET received_quantity = $2, shortfall_note = $3, received_by = $4, received_at = now()
WHERE id = $1 RETURNING *;

-- name: ContractDispatches :many
SELECT * FROM dispatches WHERE contract_id = $1 ORDER BY seq;

-- name: CreateMaterialReturn :one
INSERT INTO material_returns (contract_id, quantity, note, created_by) VALUES ($1, $2, $3, $4) RETURNING *;

-- name: ContractReturns :many
SELECT * FROM material_returns WHERE contract_id = $1 ORDER BY created_at;

-- name: NextDeliverySeq :one
SELECT (coalesce(max(seq), 0) + 1)::int FROM deliveries WHERE contract_id = $1;

-- name: CreateDelivery :one
INSERT INTO deliveries (contract_id, seq, rework_of, round, quantity, note, submitted_by, inspect_due_at)
VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
RETURNING *;

-- name: LockDelivery :one
SELECT * FROM deliveries WHERE id = $1 FOR UPDATE;

-- name: DeliveryByID :one
SELECT * FROM deliveries WHERE id = $1;

-- name: ContractDeliveries :many
SELECT * FROM deliveries WHERE contract_id = $1 ORDER BY seq;

-- name: SetInspection :one
UPDATE deliveries SET status = $2, accepted = $3, rejected = $4, rework = $5, rework_left = $5, inspected_by = $6,
    inspected_at = now(), dispute_due_at = $7
WHERE id = $1 RETURNING *;

-- name: UseRework :one
UPDATE deliveries SET rework_left = rework_left - sqlc.arg(units)::bigint WHERE id = $1 RETURNING *;

-- name: SetDeliveryStatus :one
UPDATE deliveries SET status = $2 WHERE id = $1 RETURNING *;

-- name: InsertRejection :one
INSERT INTO delivery_rejections (delivery_id, reason, quantity) VALUES ($1, $2, $3) RETURNING id;

-- name: DeliveryRejections :many
SELECT * FROM delivery_rejections WHERE delivery_id = ANY(sqlc.arg(ids)::uuid[]) ORDER BY delivery_id, id;

-- name: AddContractUnits :one
-- Moves the contract's running totals; the CHECK keeps them sane.
UPDATE contracts SET
    dispatched_units = dispatched_units + sqlc.arg(dispatched)::bigint,
    received_units   = received_units + sqlc.arg(received)::bigint,
    returned_units   = returned_units + sqlc.arg(returned)::bigint,
    delivered_units  = delivered_units + sqlc.arg(delivered)::bigint,
    accepted_units   = accepted_units + sqlc.arg(accepted)::bigint,
    rejected_units   = rejected_units + sqlc.arg(rejected)::bigint,
    rework_units     = rework_units + sqlc.arg(rework)::bigint,
    disputed_units   = disputed_units + sqlc.arg(disputed)::bigint,
    released_amount  = released_amount + sqlc.arg(released)::bigint,
    dispute_count    = dispute_count + sqlc.arg(disputes)::int,
    last_delivery_at = CASE WHEN sqlc.arg(delivered)::bigint > 0 THEN now() ELSE last_delivery_at END,
    updated_at = now()
WHERE id = $1
RETURNING *;

-- name: PendingWork :one
-- What still stands between a contract and settlement.
SELECT
    (SELECT count(*) FROM deliveries d WHERE d.contract_id = $1 AND d.status = 'submitted') AS uninspected,
    (SELECT coalesce(sum(rework_left), 0) FROM deliveries d WHERE d.contract_id = $1)::bigint AS rework_left,
    (SELECT count(*) FROM disputes x WHERE x.contract_id = $1 AND x.status = 'open') AS open_disputes,
    (SELECT count(*) FROM deliveries d WHERE d.contract_id = $1 AND d.dispute_due_at > sqlc.arg(now)::timestamptz
        AND coalesce(d.rejected, 0) > 0 AND d.status IN ('accepted') ) AS dispute_windows;

-- name: DueDeliveries :many
SELECT id FROM deliveries WHERE status = 'submitted' AND inspect_due_at <= $1 ORDER BY inspect_due_at LIMIT $2;

-- name: CreateDispute :one
INSERT INTO disputes (delivery_id, contract_id, units, statement, opened_by) VALUES ($1, $2, $3, $4, $5)
RETURNING *;

-- name: LockDispute :one
SELECT * FROM disputes WHERE id = $1 FOR UPDATE;

-- name: DisputeByID :one
SELECT * FROM disputes WHERE id = $1;

-- name: ResolveDispute :one
UPDATE disputes SET status = 'resolved', decided_accepted = $2, decision_note = $3, resolved_by = $4, resolved_at = now()
WHERE id = $1 RETURNING *;

-- name: ContractDisputes :many
SELECT * FROM disputes WHERE contract_id = $1 ORDER BY opened_at;

-- name: DisputeQueue :many
SELECT x.*, k.title AS contract_title, k.company_id, k.workshop_id, c.name AS company_name, w.name AS workshop_name
FROM disputes x JOIN contracts k ON k.id = x.contract_id JOIN orgs c ON c.id = k.company_id JOIN orgs w ON w.id = k.workshop_id
WHERE (sqlc.narg(status)::text IS NULL OR x.status = sqlc.narg(status))
ORDER BY x.opened_at, x.id
LIMIT sqlc.arg(lim) OFFSET sqlc.arg(off);

-- name: CountDisputes :one
SELECT count(*) FROM disputes WHERE (sqlc.narg(status)::text IS NULL OR status = sqlc.narg(status));

-- name: CreateDisputeComment :one
INSERT INTO dispute_comments (dispute_id, author_id, org_id, body) VALUES ($1, $2, $3, $4) RETURNING *;

-- name: DisputeComments :many
SELECT m.*, u.name AS author_name FROM dispute_comments m JOIN users u ON u.id = m.author_id
WHERE m.dispute_id = $1 ORDER BY m.created_at, m.id;

-- name: CreateContractMessage :one
INSERT INTO contract_messages (contract_id, author_id, org_id, body) VALUES ($1, $2, $3, $4) RETURNING *;

-- name: ContractMessages :many
SELECT m.*, u.name AS author_name FROM contract_messages m JOIN users u ON u.id = m.author_id
WHERE m.contract_id = $1 ORDER BY m.created_at, m.id
LIMIT sqlc.arg(lim) OFFSET sqlc.arg(off);

-- name: CountContractMessages :one
SELECT count(*) FROM contract_messages WHERE contract_id = $1;

-- name: OrgContact :one
-- The contact person of an organisation for its contract partner: a
-- company's contact, or a workshop's first owner.
SELECT o.name,
    coalesce(o.contact_name, (SELECT u.name FROM memberships m JOIN users u ON u.id = m.user_id
        WHERE m.org_id = o.id AND m.role = 'owner' ORDER BY m.created_at LIMIT 1), '')::text AS contact_name,
    coalesce(o.contact_phone, (SELECT u.phone FROM memberships m JOIN users u ON u.id = m.user_id
        WHERE m.org_id = o.id AND m.role = 'owner' ORDER BY m.created_at LIMIT 1), '')::text AS contact_phone
FROM orgs o WHERE o.id = $1;

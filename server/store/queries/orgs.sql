-- name: CreateOrg :one
INSERT INTO orgs (kind, name, region_code, address, credit_code, contact_name, contact_phone,
                  host, lat, lng, crafts, headcount, weekly_capacity)
VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)
RETURNING *;

-- name: OrgByID :one
SELECT * FROM orgs WHERE id = $1;

-- name: OrgByIDForUpdate :one
SELECT * FROM orgs WHERE id = $1 FOR UPDATE;

-- name: UpdateOrg :one
UPDATE orgs SET name = $2, region_code = $3, address = $4, contact_name = $5, contact_phone = $6,
    host = $7, lat = $8, lng = $9, crafts = $10, headcount = $11, weekly_capacity = $12, updated_at = now()
WHERE id = $1
RETURNING *;

-- name: SetOrgVerified :one
UPDATE orgs SET verified_at = CASE WHEN @verified::boolean THEN coalesce(verified_at, now()) ELSE NULL END,
    updated_at = now()
WHERE id = @id
RETURNING *;

-- name: SetOrgGuarantee :one
UPDATE orgs SET community_guarantee = $2, updated_at = now() WHERE id = $1 RETURNING *;

-- name: ListOrgs :many
SELECT * FROM orgs
WHERE (sqlc.narg('kind')::text IS NULL OR kind = sqlc.narg('kind'))
  AND (sqlc.narg('verified')::boolean IS NULL OR (verified_at IS NOT NULL) = sqlc.narg('verified'))
  AND (sqlc.narg('q')::text IS NULL OR name ILIKE '%' || sqlc.narg('q') || '%' OR credit_code = upper(sqlc.narg('q')))
ORDER BY created_at DESC, id
LIMIT $1 OFFSET $2;

-- name: CountOrgs :one
SELECT count(*) FROM orgs
WHERE (sqlc.narg('kind')::text IS NULL OR kind = sqlc.narg('kind'))
  AND (sqlc.narg('verified')::boolean IS NULL OR (verified_at IS NOT NULL) = sqlc.narg('verified'))
  AND (sqlc.narg('q')::text IS NULL OR name ILIKE '%' || sqlc.narg('q') || '%' OR credit_code = upper(sqlc.narg('q')));

-- name: PublicStats :one
SELECT
    count(*) FILTER (WHERE kind = 'company')                                   AS companies,
    count(*) FILTER (WHERE kind = 'workshop')                                  AS workshops,
    count(*) FILTER (WHERE kind = 'company' AND verified_at IS NOT NULL)       AS verified_companies,
    count(*) FILTER (WHERE kind = 'workshop' AND verified_at IS NOT NULL)      AS verified_workshops,
    coalesce(sum(headcount) FILTER (WHERE kind = 'workshop'), 0)::bigint      AS residents_headcount
FROM orgs;

-- name: CreateInvitation :one
INSERT INTO invitations (token_hash, org_id, email, role, invited_by, expires_at)
VALUES ($1, $2, $3, $4, $5, $6)
RETURNING *;

-- name: PendingInvitation :one
SELECT i.*, o.name AS org_name FROM invitations i JOIN orgs o ON o.id = i.org_id
WHERE i.token_hash = $1 AND i.accepted_at IS NULL AND i.expires_at > now();

-- name: AcceptInvitation :one
UPDATE invitations SET accepted_at = now()
WHERE token_hash = $1 AND accepted_at IS NULL AND expires_at > now()
RETURNING *;

-- name: InsertAudit :exec
INSERT INTO audit_log (actor_id, actor_email, action, target_type, target_id, before, after, note)
VALUES ($1, $2, $3, $4, $5, $6, $7, $8);

-- name: ListAudit :many
-- Newest first, with the target's current name or title (an organisation,
-- an order, a report's order, a contract or the contract of a payment,
-- payout or dispute, a synonym group's terms) so the log reads without ids.
SELECT a.*, COALESCE(o.name, ord.title, rord.title, k.title, mk.title,
    (SELECT string_agg(t, '、') FROM jsonb_array_elements_text(COALESCE(a.after, a.before) -> 'terms') t
     WHERE a.target_type = 'synonym_group'), '')::text AS target_title
FROM audit_log a
LEFT JOIN orgs o ON a.target_type = 'org' AND o.id::text = a.target_id
LEFT JOIN orders ord ON a.target_type = 'order' AND ord.id::text = a.target_id
LEFT JOIN order_reports r ON a.target_type = 'report' AND r.id::text = a.target_id
LEFT JOIN orders rord ON rord.id = r.order_id
LEFT JOIN contracts k ON k.id = CASE WHEN a.target_type = 'contract' THEN a.target_id::uuid END
LEFT JOIN payments pay ON pay.id = CASE WHEN a.target_type = 'payment' THEN a.target_id::uuid END
LEFT JOIN disbursements dis ON dis.id = CASE WHEN a.target_type = 'disbursement' THEN a.target_id::uuid END
LEFT JOIN disputes dsp ON dsp.id = CASE WHEN a.target_type = 'dispute' THEN a.target_id::uuid END
LEFT JOIN contracts mk ON mk.id = COALESCE(pay.contract_id, dis.contract_id, dsp.contract_id)
WHERE (sqlc.narg('actor')::text IS NULL OR a.actor_email ILIKE '%' || sqlc.narg('actor') || '%')
  AND (sqlc.narg('action')::text IS NULL OR a.action = sqlc.narg('action'))
  AND (sqlc.narg('since')::timestamptz IS NULL OR a.at >= sqlc.narg('since'))
  AND (sqlc.narg('until')::timestamptz IS NULL OR a.at < sqlc.narg('until'))
ORDER BY a.at DESC, a.id DESC
LIMIT sqlc.arg('lim') OFFSET sqlc.arg('off');

-- name: CountAudit :one
SELECT count(*) FROM audit_log a
WHERE (sqlc.narg('actor')::text IS NULL OR a.actor_email ILIKE '%' || sqlc.narg('actor') || '%')
  AND (sqlc.narg('action')::text IS NULL OR a.action = sqlc.narg('action'))
  AND (sqlc.narg('since')::timestamptz IS NULL OR a.at >= sqlc.narg('since'))
  AND (sqlc.narg('until')::timestamptz IS NULL OR a.at < sqlc.narg('until'));

-- name: LockWorkshopSync :exec
-- Serialises workshop search sync per organisation for the rest of the transaction.
SELECT pg_advisory_xact_lock(hashtextextended('workshop_sync:' || @org_key::text, 0));

-- name: AllWorkshops :many
SELECT * FROM orgs WHERE kind = 'workshop' ORDER BY id;

-- name: RecentlyChangedWorkshopIDs :many
SELECT id FROM orgs WHERE kind = 'workshop' AND updated_at > $1 ORDER BY updated_at;

-- name: CreateOrderInvitation :execrows
INSERT INTO order_invitations (order_id, workshop_id, invited_by, message)
VALUES ($1, $2, $3, $4) ON CONFLICT DO NOTHING;

-- name: IsInvited :one
SELECT EXISTS (SELECT 1 FROM order_invitations WHERE order_id = $1 AND workshop_id = $2);

-- name: ListOrderInvitations :many
SELECT i.order_id, i.message, i.created_at, w.id AS workshop_id, w.name AS workshop_name, coalesce(w.host, '') AS workshop_host,
    w.region_code AS workshop_region_code, w.verified_at AS workshop_verified_at, w.community_guarantee AS workshop_guarantee,
    coalesce((SELECT b.status FROM bids b WHERE b.order_id = i.order_id AND b.workshop_id = i.workshop_id
     ORDER BY b.created_at DESC LIMIT 1), '')::text AS bid_status
FROM order_invitations i JOIN orgs w ON w.id = i.workshop_id
WHERE i.order_id = $1
ORDER BY i.created_at DESC
LIMIT sqlc.arg(lim) OFFSET sqlc.arg(off);

-- name: CountOrderInvitations :one
SELECT count(*) FROM order_invitations WHERE order_id = $1;

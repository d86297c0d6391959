-- name: CreateNotification :one
INSERT INTO notifications (org_id, kind, title_zh, title_en, body_zh, body_en, link)
VALUES ($1, $2, $3, $4, $5, $6, $7)
RETURNING id;

-- name: InsertNotifications :exec
-- A transaction's notifications in one statement (store.Tx writes them
-- before it commits).
INSERT INTO notifications (id, org_id, kind, title_zh, title_en, body_zh, body_en, link)
SELECT unnest(sqlc.arg(ids)::uuid[]), unnest(sqlc.arg(org_ids)::uuid[]), unnest(sqlc.arg(kinds)::text[]),
    unnest(sqlc.arg(titles_zh)::text[]), unnest(sqlc.arg(titles_en)::text[]), unnest(sqlc.arg(bodies_zh)::text[]),
    unnest(sqlc.arg(bodies_en)::text[]), unnest(sqlc.arg(links)::text[]);

-- name: NotificationByID :one
SELECT * FROM notifications WHERE id = $1;

-- name: MemberEmails :many
-- Everyone who reads an organisation's notifications.
SELECT u.email, u.name FROM memberships m JOIN users u ON u.id = m.user_id
WHERE m.org_id = $1 ORDER BY u.created_at;

-- name: ListNotifications :many
SELECT * FROM notifications
WHERE org_id = $1 AND (NOT sqlc.arg('unread_only')::boolean OR read_at IS NULL)
ORDER BY created_at DESC, id LIMIT $2 OFFSET $3;

-- name: CountNotifications :one
SELECT count(*) FROM notifications
WHERE org_id = $1 AND (NOT sqlc.arg('unread_only')::boolean OR read_at IS NULL);

-- name: MarkNotificationRead :execrows
UPDATE notifications SET read_at = coalesce(read_at, now()) WHERE id = $1 AND org_id = $2;

-- name: MarkAllNotificationsRead :exec
UPDATE notifications SET read_at = now() WHERE org_id = $1 AND read_at IS NULL;

-- name: RecentUnreadNotification :one
-- The unread notice of this kind and link sent within the window (a thread
-- that is still talking), locked so two messages do not both extend it.
SELECT id, repeats FROM notifications
WHERE org_id = $1 AND kind = $2 AND link = $3 AND read_at IS NULL
  AND created_at > now() - make_interval(secs => sqlc.arg('window_seconds')::float8)
ORDER BY created_at DESC LIMIT 1
FOR UPDATE;

-- name: ExtendNotification :exec
-- A newer message joins the notice: its text replaces the old one's.
UPDATE notifications SET repeats = $2, title_zh = $3, title_en = $4, body_zh = $5, body_en = $6
WHERE id = $1;

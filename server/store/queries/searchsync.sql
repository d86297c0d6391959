-- name: LockOrderSync :exec
-- Serialises search sync per order for the rest of the transaction.
SELECT pg_advisory_xact_lock(hashtextextended('search_sync:' || @order_key::text, 0));

-- name: SyncedVersion :one
SELECT synced_version FROM search_sync_state WHERE order_id = $1;

-- name: SetSyncedVersion :exec
INSERT INTO search_sync_state (order_id, synced_version) VALUES ($1, $2)
ON CONFLICT (order_id) DO UPDATE SET synced_version = excluded.synced_version;

-- name: SetSyncedVersions :exec
-- After a full rebuild: the versions the rebuilt index holds. A newer
-- version a sync job recorded meanwhile stays.
INSERT INTO search_sync_state (order_id, synced_version)
SELECT unnest(sqlc.arg(order_ids)::uuid[]), unnest(sqlc.arg(versions)::timestamptz[])
ON CONFLICT (order_id) DO UPDATE SET synced_version = greatest(search_sync_state.synced_version, excluded.synced_version);

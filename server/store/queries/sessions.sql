-- name: CreateSession :exec
INSERT INTO sessions (token_hash, user_id, expires_at, ip, user_agent)
VALUES ($1, $2, $3, $4, $5);

-- name: RevokeSession :exec
UPDATE sessions SET revoked_at = now() WHERE token_hash = $1 AND revoked_at IS NULL;

-- name: RevokeUserSessionsExcept :exec
UPDATE sessions SET revoked_at = now()
WHERE user_id = $1 AND revoked_at IS NULL AND token_hash <> $2;

-- name: DeleteStaleSessions :execrows
DELETE FROM sessions WHERE expires_at < now() - interval '7 days' OR revoked_at < now() - interval '7 days';

-- name: CreatePasswordReset :exec
INSERT INTO password_resets (token_hash, user_id, expires_at) VALUES ($1, $2, $3);

-- name: UsePasswordReset :one
-- Marks the token used in the same statement that checks it, so a token
-- can never be redeemed twice, even by concurrent requests.
UPDATE password_resets SET used_at = now()
WHERE token_hash = $1 AND used_at IS NULL AND expires_at > now()
RETURNING user_id;

-- name: InvalidatePasswordResets :exec
-- Ends every outstanding reset token of a user: a new one is issued, one is
-- used, or the password changed, so an older mailed link must stop working.
UPDATE password_resets SET used_at = now() WHERE user_id = $1 AND used_at IS NULL;

-- name: HitRateLimit :one
INSERT INTO rate_limits (key, window_start, hits) VALUES ($1, $2, 1)
ON CONFLICT (key, window_start) DO UPDATE SET hits = rate_limits.hits + 1
RETURNING hits;

-- name: RateLimitHits :one
SELECT coalesce(sum(hits), 0)::int FROM rate_limits WHERE key = $1 AND window_start = $2;

-- name: ClearRateLimit :exec
DELETE FROM rate_limits WHERE key = $1;

-- name: DeleteOldRateLimits :execrows
DELETE FROM rate_limits WHERE window_start < now() - interval '1 day';

-- name: SessionActor :one
-- Everything the API needs to authorise a request, in one round trip.
SELECT s.expires_at, u.id AS user_id, u.email, u.name, u.phone, u.staff_role, u.created_at AS user_created_at,
       m.org_id, m.role AS org_role, o.kind AS org_kind
FROM sessions s
JOIN users u ON u.id = s.user_id
LEFT JOIN memberships m ON m.user_id = u.id
LEFT JOIN orgs o ON o.id = m.org_id
WHERE s.token_hash = $1 AND s.revoked_at IS NULL AND s.expires_at > now();

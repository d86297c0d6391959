-- name: CreateUser :one
INSERT INTO users (email, password_hash, name, phone, staff_role)
VALUES ($1, $2, $3, $4, $5)
RETURNING *;

-- name: UserByEmail :one
SELECT * FROM users WHERE email = $1;

-- name: UserByID :one
SELECT * FROM users WHERE id = $1;

-- name: UpdateUserProfile :one
UPDATE users SET name = $2, phone = $3, updated_at = now() WHERE id = $1 RETURNING *;

-- name: SetUserPassword :exec
UPDATE users SET password_hash = $2, updated_at = now() WHERE id = $1;

-- name: SetStaffRole :one
UPDATE users SET staff_role = $2, password_hash = $3, updated_at = now() WHERE id = $1 RETURNING *;

-- name: CreateMembership :exec
INSERT INTO memberships (user_id, org_id, role) VALUES ($1, $2, $3);

-- name: MembershipByUser :one
SELECT * FROM memberships WHERE user_id = $1;

-- name: OrgMembers :many
SELECT m.user_id, u.email, u.name, m.role, m.created_at AS joined_at
FROM memberships m JOIN users u ON u.id = m.user_id
WHERE m.org_id = $1
ORDER BY m.created_at, u.email
LIMIT $2 OFFSET $3;

-- name: CountOrgMembers :one
SELECT count(*) FROM memberships WHERE org_id = $1;

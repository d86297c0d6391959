-- name: ListSynonymGroups :many
SELECT * FROM search_synonyms ORDER BY created_at, id;

-- name: CountSynonymGroups :one
SELECT count(*) FROM search_synonyms;

-- name: SynonymGroupForUpdate :one
SELECT * FROM search_synonyms WHERE id = $1 FOR UPDATE;

-- name: CreateSynonymGroup :one
INSERT INTO search_synonyms (terms, note, created_by) VALUES ($1, $2, $3) RETURNING *;

-- name: UpdateSynonymGroup :one
UPDATE search_synonyms SET terms = $2, note = $3, updated_at = now() WHERE id = $1 RETURNING *;

-- name: DeleteSynonymGroup :exec
DELETE FROM search_synonyms WHERE id = $1;

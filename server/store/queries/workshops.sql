-- Workshop operations. Every query that reads or writes a resident takes the
-- caller's user id and joins memberships on the resident's workshop, so a
-- roster (and above all its sensitive tags) cannot be read by anyone but that
-- workshop's coordinators, whatever the layer above forgets to check. The
-- only exceptions are the impact aggregates at the end, which return sums
-- grouped by tag, craft or month and never one resident's tags.

-- name: IsWorkshopMember :one
SELECT EXISTS (SELECT 1 FROM memberships m JOIN orgs o ON o.id = m.org_id
    WHERE m.org_id = sqlc.arg(workshop_id) AND m.user_id = sqlc.arg(caller_id) AND o.kind = 'workshop');

-- name: ListResidents :many
SELECT r.id, r.workshop_id, r.name, r.phone, r.crafts, r.joined_on, r.active, r.created_at, r.updated_at,
    coalesce((SELECT jsonb_agg(jsonb_build_object('tag', t.tag, 'recorded_by', coalesce(u.name, ''),
        'recorded_at', t.consent_recorded_at) ORDER BY t.tag)
        FROM resident_tags t LEFT JOIN users u ON u.id = t.consent_recorded_by WHERE t.resident_id = r.id), '[]')::jsonb AS tags
FROM residents r
JOIN memberships m ON m.org_id = r.workshop_id AND m.user_id = sqlc.arg(caller_id)
WHERE r.workshop_id = sqlc.arg(workshop_id)
  AND (sqlc.narg(active)::boolean IS NULL OR r.active = sqlc.narg(active))
  AND (sqlc.narg(q)::text IS NULL OR r.name LIKE '%' || sqlc.narg(q) || '%' OR r.phone LIKE '%' || sqlc.narg(q) || '%')
ORDER BY r.active DESC, r.name, r.id
LIMIT sqlc.arg(lim) OFFSET sqlc.arg(off);

-- name: CountResidents :one
SELECT count(*) FROM residents r
JOIN memberships m ON m.org_id = r.workshop_id AND m.user_id = sqlc.arg(caller_id)
WHERE r.workshop_id = sqlc.arg(workshop_id)
  AND (sqlc.narg(active)::boolean IS NULL OR r.active = sqlc.narg(active))
  AND (sqlc.narg(q)::text IS NULL OR r.name LIKE '%' || sqlc.narg(q) || '%' OR r.phone LIKE '%' || sqlc.narg(q) || '%');

-- name: ResidentByID :one
SELECT r.id, r.workshop_id, r.name, r.phone, r.crafts, r.joined_on, r.active, r.created_at, r.updated_at,
    coalesce((SELECT jsonb_agg(jsonb_build_object('tag', t.tag, 'recorded_by', coalesce(u.name, ''),
        'recorded_at', t.consent_recorded_at) ORDER BY t.tag)
        FROM resident_tags t LEFT JOIN users u ON u.id = t.consent_recorded_by WHERE t.resident_id = r.id), '[]')::jsonb AS tags
FROM residents r
JOIN memberships m ON m.org_id = r.workshop_id AND m.user_id = sqlc.arg(caller_id)
WHERE r.id = sqlc.arg(id);

-- name: ResidentByIDForUpdate :one
SELECT r.id, r.workshop_id FROM residents r
JOIN memberships m ON m.org_id = r.workshop_id AND m.user_id = sqlc.arg(caller_id)
WHERE r.id = sqlc.arg(id)
FOR UPDATE OF r;

-- name: CreateResident :one
INSERT INTO residents (workshop_id, name, phone, crafts, joined_on, active)
SELECT sqlc.arg(workshop_id), sqlc.arg(name), sqlc.arg(phone), sqlc.arg(crafts)::text[], sqlc.arg(joined_on), sqlc.arg(active)
FROM memberships m WHERE m.org_id = sqlc.arg(workshop_id) AND m.user_id = sqlc.arg(caller_id)
RETURNING id;

-- name: UpdateResident :one
UPDATE residents r SET name = sqlc.arg(name), phone = sqlc.arg(phone), crafts = sqlc.arg(crafts)::text[],
    joined_on = sqlc.arg(joined_on), active = sqlc.arg(active), updated_at = now()
FROM memberships m
WHERE r.id = sqlc.arg(id) AND m.org_id = r.workshop_id AND m.user_id = sqlc.arg(caller_id)
RETURNING r.id;

-- name: DeleteResidentTagsExcept :exec
DELETE FROM resident_tags t USING residents r, memberships m
WHERE t.resident_id = sqlc.arg(resident_id) AND r.id = t.resident_id
  AND m.org_id = r.workshop_id AND m.user_id = sqlc.arg(caller_id)
  AND NOT (t.tag = ANY (sqlc.arg(keep)::text[]));

-- name: AddResidentTags :exec
-- A tag already recorded keeps its original consent (who and when).
INSERT INTO resident_tags (resident_id, tag, consent_recorded_by)
SELECT r.id, tag, sqlc.arg(caller_id)
FROM residents r JOIN memberships m ON m.org_id = r.workshop_id AND m.user_id = sqlc.arg(caller_id),
    unnest(sqlc.arg(tags)::text[]) AS tag
WHERE r.id = sqlc.arg(resident_id)
ON CONFLICT (resident_id, tag) DO NOTHING;

-- name: ResidentKeys :many
-- Ids and phones of a workshop's roster, for matching an import.
SELECT r.id, r.phone FROM residents r
JOIN memberships m ON m.org_id = r.workshop_id AND m.user_id = sqlc.arg(caller_id)
WHERE r.workshop_id = sqlc.arg(workshop_id);

-- name: ContractForOps :one
-- A contract as its workshop's coordinators work on it; no row for anyone else.
-- released_net is what releases of accepted work credited to the workshop
-- (net of commission, from the ledger; a returned deposit is not income).
SELECT k.id, k.workshop_id, k.status, k.title, k.craft, k.quantity, k.unit_price, k.escrow_amount, k.commission_bp,
    k.created_at, k.settled_at, w.name AS workshop_name, c.name AS company_name,
    k.received_units, k.returned_units, k.accepted_units,
    -- what the platform has sent the workshop for the contract (payouts, less reversals), and what still waits
    (SELECT coalesce(sum(x.amount - x.amount_reversed) FILTER (WHERE x.status IN ('sent', 'reversed')), 0) FROM disbursements x
        WHERE x.contract_id = k.id AND x.kind = 'payout' AND x.recipient_org_id = k.workshop_id)::bigint AS paid_out,
    (SELECT coalesce(sum(e.amount), 0) FROM ledger_entries e
        JOIN ledger_transactions t ON t.id = e.transaction_id
        JOIN ledger_accounts a ON a.id = e.account_id
        WHERE a.contract_id = k.id AND a.kind = 'workshop_payable' AND t.kind = 'release')::bigint AS released_net
FROM contracts k
JOIN memberships m ON m.org_id = k.workshop_id AND m.user_id = sqlc.arg(caller_id)
JOIN orgs w ON w.id = k.workshop_id
JOIN orgs c ON c.id = k.company_id
WHERE k.id = sqlc.arg(id);

-- name: LockContractForOps :one
SELECT k.id FROM contracts k
JOIN memberships m ON m.org_id = k.workshop_id AND m.user_id = sqlc.arg(caller_id)
WHERE k.id = sqlc.arg(id)
FOR UPDATE OF k;

-- name: ContractSheet :many
-- One row per resident who is active or already has work on the contract:
-- recorded pieces and the hand-out totals.
SELECT r.id, r.name, r.phone, r.active, coalesce(p.pieces, 0)::bigint AS pieces, p.updated_at AS piece_updated_at,
    coalesce(h.taken, 0)::bigint AS taken, coalesce(h.finished, 0)::bigint AS finished,
    coalesce(h.returned, 0)::bigint AS returned, coalesce(h.lost, 0)::bigint AS lost
FROM contracts k
JOIN memberships m ON m.org_id = k.workshop_id AND m.user_id = sqlc.arg(caller_id)
JOIN residents r ON r.workshop_id = k.workshop_id
LEFT JOIN piece_records p ON p.contract_id = k.id AND p.resident_id = r.id
LEFT JOIN (SELECT mh.resident_id, sum(mh.taken) AS taken, sum(mh.finished) AS finished, sum(mh.returned) AS returned, sum(mh.lost) AS lost
    FROM material_handouts mh WHERE mh.contract_id = sqlc.arg(contract_id) GROUP BY mh.resident_id) h ON h.resident_id = r.id
WHERE k.id = sqlc.arg(contract_id) AND (r.active OR p.resident_id IS NOT NULL OR h.resident_id IS NOT NULL)
ORDER BY r.name, r.id;

-- name: PieceRecordChanges :many
SELECT c.id, c.resident_id, r.name AS resident_name, c.old_pieces, c.new_pieces, coalesce(u.name, '') AS changed_by,
    c.changed_at
FROM piece_record_changes c
JOIN contracts k ON k.id = c.contract_id
JOIN memberships m ON m.org_id = k.workshop_id AND m.user_id = sqlc.arg(caller_id)
JOIN residents r ON r.id = c.resident_id
LEFT JOIN users u ON u.id = c.changed_by
WHERE c.contract_id = sqlc.arg(contract_id)
ORDER BY c.changed_at DESC, c.id DESC
LIMIT sqlc.arg(lim);

-- name: ClaimPieceSave :one
-- Returns true the first time a save key is seen for the contract.
WITH ins AS (
    INSERT INTO piece_record_saves (contract_id, save_key, saved_by) VALUES ($1, $2, $3)
    ON CONFLICT DO NOTHING RETURNING 1
)
SELECT EXISTS (SELECT 1 FROM ins);

-- name: UpsertPieceRecord :exec
INSERT INTO piece_records (contract_id, resident_id, pieces, updated_by) VALUES ($1, $2, $3, $4)
ON CONFLICT (contract_id, resident_id) DO UPDATE SET pieces = excluded.pieces, updated_by = excluded.updated_by,
    updated_at = now();

-- name: InsertPieceRecordChange :exec
INSERT INTO piece_record_changes (contract_id, resident_id, old_pieces, new_pieces, save_key, changed_by)
VALUES ($1, $2, $3, $4, $5, $6);

-- name: InsertHandout :exec
INSERT INTO material_handouts (contract_id, resident_id, taken, finished, returned, lost, note, recorded_by)
VALUES ($1, $2, $3, $4, $5, $6, $7, $8);

-- name: WorkshopFundBP :one
SELECT coalesce((SELECT community_fund_bp FROM workshop_ops_settings WHERE workshop_id = $1), 0)::integer;

-- name: SetWorkshopFundBP :exec
INSERT INTO workshop_ops_settings (workshop_id, community_fund_bp) VALUES ($1, $2)
ON CONFLICT (workshop_id) DO UPDATE SET community_fund_bp = excluded.community_fund_bp, updated_at = now();

-- name: DistributionForContract :one
SELECT d.*, coalesce(u.name, '') AS approved_by_name
FROM distributions d
JOIN memberships m ON m.org_id = d.workshop_id AND m.user_id = sqlc.arg(caller_id)
LEFT JOIN users u ON u.id = d.approved_by
WHERE d.contract_id = sqlc.arg(contract_id);

-- name: DistributionLines :many
SELECT l.*, coalesce(u.name, '') AS paid_by_name
FROM distribution_lines l
JOIN distributions d ON d.id = l.distribution_id
JOIN memberships m ON m.org_id = d.workshop_id AND m.user_id = sqlc.arg(caller_id)
LEFT JOIN users u ON u.id = l.paid_by
WHERE l.distribution_id = sqlc.arg(distribution_id)
ORDER BY l.resident_name, l.resident_id;

-- name: CreateDistribution :one
INSERT INTO distributions (contract_id, workshop_id, net, community_fund_bp, community_fund, distributed, total_pieces, approved_by,
    basis_note)
VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)
RETURNING id;

-- name: InsertDistributionLine :exec
INSERT INTO distribution_lines (distribution_id, resident_id, resident_name, pieces, amount) VALUES ($1, $2, $3, $4, $5);

-- name: LineContract :one
-- The contract of a distribution line, for its workshop's coordinators only.
SELECT d.contract_id, l.paid_at FROM distribution_lines l
JOIN distributions d ON d.id = l.distribution_id
JOIN memberships m ON m.org_id = d.workshop_id AND m.user_id = sqlc.arg(caller_id)
WHERE l.id = sqlc.arg(id)
FOR UPDATE OF l;

-- name: MarkLinePaid :exec
UPDATE distribution_lines l SET paid_at = now(), paid_method = sqlc.arg(method), paid_reference = sqlc.arg(reference),
    paid_by = sqlc.arg(caller_id)
FROM distributions d, memberships m
WHERE l.id = sqlc.arg(id) AND d.id = l.distribution_id AND m.org_id = d.workshop_id AND m.user_id = sqlc.arg(caller_id)
  AND l.paid_at IS NULL;

-- name: WorkshopRosterCounts :one
SELECT count(*) FILTER (WHERE r.active) AS active, count(*) AS total
FROM residents r JOIN memberships m ON m.org_id = r.workshop_id AND m.user_id = sqlc.arg(caller_id)
WHERE r.workshop_id = sqlc.arg(workshop_id);

-- name: WorkshopPiecesRecorded :one
SELECT coalesce(sum(p.pieces), 0)::bigint FROM piece_records p
JOIN contracts k ON k.id = p.contract_id
JOIN memberships m ON m.org_id = k.workshop_id AND m.user_id = sqlc.arg(caller_id)
WHERE k.workshop_id = sqlc.arg(workshop_id);

-- name: WorkshopPaidLines :many
-- Paid income of one workshop's residents, with the tags the coordinators may see.
SELECT l.resident_id, to_char(l.paid_at AT TIME ZONE 'Asia/Shanghai', 'YYYY-MM') AS month, k.craft, l.pieces, l.amount,
    coalesce((SELECT array_agg(t.tag ORDER BY t.tag) FROM resident_tags t WHERE t.resident_id = l.resident_id), '{}')::text[] AS tags
FROM distribution_lines l
JOIN distributions d ON d.id = l.distribution_id
JOIN contracts k ON k.id = d.contract_id
JOIN memberships m ON m.org_id = d.workshop_id AND m.user_id = sqlc.arg(caller_id)
WHERE d.workshop_id = sqlc.arg(workshop_id) AND l.paid_at IS NOT NULL;

-- name: ClosedPaidLines :many
-- Paid income across the platform from from_at up to before (the start of
-- the running month), without tags: the input of the k-anonymous month,
-- craft and workshop figures.
SELECT l.resident_id, d.workshop_id, w.name AS workshop_name,
    to_char(l.paid_at AT TIME ZONE 'Asia/Shanghai', 'YYYY-MM')::text AS month, k.craft, l.pieces, l.amount
FROM distribution_lines l
JOIN distributions d ON d.id = l.distribution_id
JOIN contracts k ON k.id = d.contract_id
JOIN orgs w ON w.id = d.workshop_id
WHERE l.paid_at >= sqlc.arg(from_at)::timestamptz AND l.paid_at < sqlc.arg(before)::timestamptz;

-- name: ClosedTagAggregates :many
-- Per consented tag and month (same span): how many residents with the tag
-- were paid, and what. Aggregates only; k-anonymity is applied above.
SELECT t.tag, to_char(l.paid_at AT TIME ZONE 'Asia/Shanghai', 'YYYY-MM')::text AS month,
    count(DISTINCT l.resident_id) AS residents, sum(l.amount)::bigint AS income, sum(l.pieces)::bigint AS pieces
FROM resident_tags t
JOIN distribution_lines l ON l.resident_id = t.resident_id
WHERE l.paid_at >= sqlc.arg(from_at)::timestamptz AND l.paid_at < sqlc.arg(before)::timestamptz
GROUP BY t.tag, 2;

-- name: ImpactMonths :many
-- The public impact figures of the closed months, frozen when first read.
SELECT month, figures FROM impact_months ORDER BY month;

-- name: FreezeImpactMonth :exec
INSERT INTO impact_months (month, figures) VALUES (sqlc.arg(month), sqlc.arg(figures))
ON CONFLICT (month) DO NOTHING;

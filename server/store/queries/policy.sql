-- What the contract policy (market.ContractPolicyFor) decides from, beyond
-- the contract row: one row per contract id, read in one statement so a
-- list of contracts costs one query. Missing times and ids come back as the
-- zero time and the nil uuid (sqlc would type the casts as never null).

-- name: ContractPolicyFacts :many
SELECT sqlc.embed(c),
    coalesce(dl.awaiting, 0)::bigint AS awaiting_inspection,
    coalesce(dl.inspect_due_at, '0001-01-01 00:00:00+00')::timestamptz AS inspect_due_at,
    coalesce(dl.inspect_delivery_id, '00000000-0000-0000-0000-000000000000')::uuid AS inspect_delivery_id,
    coalesce(dl.rework_delivery_id, '00000000-0000-0000-0000-000000000000')::uuid AS rework_delivery_id,
    coalesce(dl.dispute_window_end, '0001-01-01 00:00:00+00')::timestamptz AS dispute_window_end,
    coalesce(ds.unreceived, 0)::int AS unreceived_sends,
    coalesce(ds.receive_dispatch_id, '00000000-0000-0000-0000-000000000000')::uuid AS receive_dispatch_id,
    coalesce(dp.open, 0)::int AS open_disputes,
    coalesce(dp.open_dispute_id, '00000000-0000-0000-0000-000000000000')::uuid AS open_dispute_id,
    coalesce(acc.escrow, 0)::bigint AS escrow_held,
    coalesce(acc.deposit, 0)::bigint AS deposit_held,
    pe.id AS escrow_payment_id, pe.provider AS escrow_payment_provider, pe.reference AS escrow_payment_reference,
    pe.amount AS escrow_payment_amount,
    pd.id AS deposit_payment_id, pd.provider AS deposit_payment_provider, pd.reference AS deposit_payment_reference,
    pd.amount AS deposit_payment_amount,
    EXISTS (SELECT 1 FROM ratings r WHERE r.contract_id = c.id AND r.rater_org_id = c.company_id) AS company_rated,
    EXISTS (SELECT 1 FROM ratings r WHERE r.contract_id = c.id AND r.rater_org_id = c.workshop_id) AS workshop_rated,
    EXISTS (SELECT 1 FROM distributions x WHERE x.contract_id = c.id) AS distributed,
    EXISTS (SELECT 1 FROM payout_accounts p WHERE p.org_id = c.workshop_id
        AND (p.account_number <> '' OR p.payouts_enabled)) AS workshop_payout_ready
FROM contracts c
LEFT JOIN LATERAL (
    SELECT sum(d.quantity) FILTER (WHERE d.status = 'submitted') AS awaiting,
        min(d.inspect_due_at) FILTER (WHERE d.status = 'submitted') AS inspect_due_at,
        (array_agg(d.id ORDER BY d.inspect_due_at) FILTER (WHERE d.status = 'submitted'))[1] AS inspect_delivery_id,
        (array_agg(d.id ORDER BY d.seq) FILTER (WHERE d.rework_left > 0))[1] AS rework_delivery_id,
        max(d.dispute_due_at) FILTER (WHERE d.status = 'accepted' AND coalesce(d.rejected, 0) > 0) AS dispute_window_end
    FROM deliveries d WHERE d.contract_id = c.id
) dl ON true
LEFT JOIN LATERAL (
    SELECT count(*) AS unreceived, (array_agg(s.id ORDER BY s.seq))[1] AS receive_dispatch_id
    FROM dispatches s WHERE s.contract_id = c.id AND s.received_at IS NULL
) ds ON true
LEFT JOIN LATERAL (
    SELECT count(*) AS open, (array_agg(x.id ORDER BY x.opened_at))[1] AS open_dispute_id
    FROM disputes x WHERE x.contract_id = c.id AND x.status = 'open'
) dp ON true
LEFT JOIN LATERAL (
    SELECT sum(a.balance) FILTER (WHERE a.kind = 'contract_escrow') AS escrow,
        sum(a.balance) FILTER (WHERE a.kind = 'contract_deposit') AS deposit
    FROM ledger_accounts a WHERE a.contract_id = c.id AND a.kind IN ('contract_escrow', 'contract_deposit')
) acc ON true
LEFT JOIN payments pe ON pe.contract_id = c.id AND pe.purpose = 'escrow' AND pe.status = 'pending'
LEFT JOIN payments pd ON pd.contract_id = c.id AND pd.purpose = 'deposit' AND pd.status = 'pending'
WHERE c.id = ANY(sqlc.arg(ids)::uuid[]);

-- name: LatestBidStatus :one
-- The order policy's fact for a workshop: where its latest bid on the order stands.
SELECT status FROM bids WHERE order_id = $1 AND workshop_id = $2 ORDER BY created_at DESC LIMIT 1;

-- +goose Up
-- A payout the provider takes back (Stripe transfer.reversed) is owed to the
-- workshop again and is paid again. amount_reversed is the running total
-- booked so far: Stripe's reversal events carry the cumulative figure, so
-- each event books only what it adds. reissue_of links the new payout to
-- the one that was reversed (shown on the contract and the finance page).
ALTER TABLE disbursements
    ADD COLUMN amount_reversed bigint NOT NULL DEFAULT 0,
    ADD COLUMN reissue_of uuid REFERENCES disbursements (id),
    ADD CONSTRAINT disbursements_reversed_range CHECK (amount_reversed BETWEEN 0 AND amount);

-- Reversals booked before this migration (one per disbursement, at most).
UPDATE disbursements d SET amount_reversed = r.amount
FROM (SELECT t.disbursement_id, sum(e.amount) AS amount
      FROM ledger_transactions t
      JOIN ledger_entries e ON e.transaction_id = t.id
      JOIN ledger_accounts a ON a.id = e.account_id
      WHERE t.kind LIKE '%\_reversed' AND a.kind <> 'provider_clearing'
      GROUP BY t.disbursement_id) r
WHERE r.disbursement_id = d.id;

-- +goose Down
ALTER TABLE disbursements DROP COLUMN reissue_of, DROP COLUMN amount_reversed;

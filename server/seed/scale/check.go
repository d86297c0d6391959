package scale

import (
	"context"
	"fmt"
	"strings"

	"github.com/jackc/pgx/v5/pgxpool"
)

// CheckResult is the ledger's invariants over the whole database.
type CheckResult struct {
	EntriesSum        int64 `json:"entries_sum"`        // must be 0
	BalancesSum       int64 `json:"balances_sum"`       // must be 0
	StaleBalances     int64 `json:"stale_balances"`     // cached balance ≠ sum of entries
	Unbalanced        int64 `json:"unbalanced"`         // transactions whose entries do not sum to 0
	ShortTransactions int64 `json:"short_transactions"` // transactions with fewer than 2 entries
	NegativeHeld      int64 `json:"negative_held"`      // held balances below zero
	SettledHolding    int64 `json:"settled_holding"`    // settled contracts with escrow or deposit left
	DanglingEntries   int64 `json:"dangling_entries"`   // entries without their account or transaction
	Transactions      int64 `json:"transactions"`
	SettledContracts  int64 `json:"settled_contracts"`
}

func (c CheckResult) String() string {
	return fmt.Sprintf("%d transactions, %d settled contracts; entries sum %d, balances sum %d, stale %d, unbalanced %d, short %d, negative %d, settled holding %d, dangling %d",
		c.Transactions, c.SettledContracts, c.EntriesSum, c.BalancesSum, c.StaleBalances, c.Unbalanced, c.ShortTransactions, c.NegativeHeld,
		c.SettledHolding, c.DanglingEntries)
}

// OK reports whether every invariant holds.
func (c CheckResult) OK() bool {
	return c.EntriesSum == 0 && c.BalancesSum == 0 && c.StaleBalances == 0 && c.Unbalanced == 0 && c.ShortTransactions == 0 &&
		c.NegativeHeld == 0 && c.SettledHolding == 0 && c.DanglingEntries == 0
}

// Check runs the ledger-balance checks (the LedgerCheck query's, plus what
// the ledger triggers enforce row by row) over the whole database.
func Check(ctx context.Context, pool *pgxpool.Pool) (CheckResult, error) {
	var c CheckResult
	err := pool.QueryRow(ctx, `
WITH sums AS (SELECT account_id, sum(amount) AS s FROM ledger_entries GROUP BY account_id),
     tx AS (SELECT transaction_id, sum(amount) AS s, count(*) AS n FROM ledger_entries GROUP BY transaction_id)
SELECT
    (SELECT coalesce(sum(amount), 0) FROM ledger_entries)::bigint,
    (SELECT coalesce(sum(balance), 0) FROM ledger_accounts)::bigint,
    (SELECT count(*) FROM ledger_accounts a LEFT JOIN sums ON sums.account_id = a.id WHERE a.balance <> coalesce(sums.s, 0)),
    (SELECT count(*) FROM tx WHERE s <> 0),
    (SELECT count(*) FROM ledger_transactions t LEFT JOIN tx ON tx.transaction_id = t.id WHERE coalesce(tx.n, 0) < 2),
    (SELECT count(*) FROM ledger_accounts WHERE balance < 0 AND kind <> 'provider_clearing'),
    (SELECT count(DISTINCT k.id) FROM contracts k JOIN ledger_accounts a ON a.contract_id = k.id
        WHERE k.status = 'settled' AND a.kind IN ('contract_escrow', 'contract_deposit') AND a.balance <> 0),
    (SELECT count(*) FROM ledger_entries e WHERE NOT EXISTS (SELECT 1 FROM ledger_accounts a WHERE a.id = e.account_id)
        OR NOT EXISTS (SELECT 1 FROM ledger_transactions t WHERE t.id = e.transaction_id)),
    (SELECT count(*) FROM ledger_transactions),
    (SELECT count(*) FROM contracts WHERE status = 'settled')`).Scan(&c.EntriesSum, &c.BalancesSum, &c.StaleBalances, &c.Unbalanced,
		&c.ShortTransactions, &c.NegativeHeld, &c.SettledHolding, &c.DanglingEntries, &c.Transactions, &c.SettledContracts)
	if err != nil {
		return c, err
	}
	if !c.OK() {
		return c, fmt.Errorf("ledger checks failed: %s", c)
	}
	return c, nil
}

// CheckForeignKeys verifies every foreign key of the named tables (they were
// copied with triggers off): one anti-join per constraint.
func CheckForeignKeys(ctx context.Context, pool *pgxpool.Pool, tables []string) (int, error) {
	rows, err := pool.Query(ctx, `
SELECT c.conrelid::regclass::text, c.confrelid::regclass::text,
    array_agg(a.attname ORDER BY k.n), array_agg(af.attname ORDER BY k.n)
FROM pg_constraint c
CROSS JOIN LATERAL unnest(c.conkey, c.confkey) WITH ORDINALITY AS k(col, fcol, n)
JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = k.col
JOIN pg_attribute af ON af.attrelid = c.confrelid AND af.attnum = k.fcol
WHERE c.contype = 'f' AND c.conrelid::regclass::text = ANY($1)
GROUP BY c.oid, c.conrelid, c.confrelid`, tables)
	if err != nil {
		return 0, err
	}
	type fk struct {
		table, ref  string
		cols, rcols []string
	}
	var fks []fk
	for rows.Next() {
		var f fk
		if err := rows.Scan(&f.table, &f.ref, &f.cols, &f.rcols); err != nil {
			return 0, err
		}
		fks = append(fks, f)
	}
	if err := rows.Err(); err != nil {
		return 0, err
	}
	for _, f := range fks {
		var notNull, join []string
		for i := range f.cols {
			notNull = append(notNull, fmt.Sprintf("t.%q IS NOT NULL", f.cols[i]))
			join = append(join, fmt.Sprintf("r.%q = t.%q", f.rcols[i], f.cols[i]))
		}
		var n int64
		q := fmt.Sprintf("SELECT count(*) FROM %s t WHERE %s AND NOT EXISTS (SELECT 1 FROM %s r WHERE %s)",
			f.table, strings.Join(notNull, " AND "), f.ref, strings.Join(join, " AND "))
		if err := pool.QueryRow(ctx, q).Scan(&n); err != nil {
			return 0, err
		}
		if n > 0 {
			return 0, fmt.Errorf("%d rows of %s%v have no %s", n, f.table, f.cols, f.ref)
		}
	}
	return len(fks), nil
}

package scale

import (
	"context"
	"fmt"

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

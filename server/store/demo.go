package store

import (
	"context"
	"time"

	"github.com/google/uuid"
)

// Demo data only, called by server/seed and nothing else: a contract that
// went through the real workflows just now is dated into a past month, so
// the demo's dashboards have history. Only dates move; status and money are
// as the workflows left them. The SQL is kept here, out of queries/*.sql,
// so the generated queries hold only what the product itself runs;
// server/seed's TestDemoIsIdempotent runs both statements.

const demoBackdateContract = `UPDATE contracts SET created_at = $2::timestamptz - interval '35 days',
    settled_at = CASE WHEN settled_at IS NOT NULL THEN $2::timestamptz END
WHERE id = $1`

const demoBackdatePayments = `WITH d AS (UPDATE distributions SET approved_at = $2 WHERE contract_id = $1 RETURNING id)
UPDATE distribution_lines SET paid_at = $2::timestamptz + (random() * interval '3 days')
WHERE distribution_id IN (SELECT id FROM d) AND paid_at IS NOT NULL`

// DemoBackdateContract dates a demo contract into a past month (seed only).
func (d *DB) DemoBackdateContract(ctx context.Context, id uuid.UUID, at time.Time) error {
	return d.demoExec(ctx, demoBackdateContract, id, at)
}

// DemoBackdatePayments dates a demo contract's distribution and its paid
// lines into a past month (seed only).
func (d *DB) DemoBackdatePayments(ctx context.Context, contractID uuid.UUID, at time.Time) error {
	return d.demoExec(ctx, demoBackdatePayments, contractID, at)
}

func (d *DB) demoExec(ctx context.Context, sql string, args ...any) error {
	if d.tx == nil {
		return errNoTx
	}
	_, err := d.tx.Exec(ctx, sql, args...)
	return err
}

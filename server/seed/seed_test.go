package seed

import (
	"context"
	"io"
	"log/slog"
	"testing"

	"doorstep/server/store/storetest"
	"doorstep/server/workflows/workflowstest"
)

func TestDemoIsIdempotent(t *testing.T) {
	t.Parallel()
	st, pool := storetest.NewWithPool(t)
	ctx := context.Background()
	log := slog.New(slog.NewTextHandler(io.Discard, nil))
	for i := 0; i < 2; i++ {
		if err := Demo(ctx, workflowstest.New(t, st), log); err != nil {
			t.Fatalf("run %d: %v", i, err)
		}
	}
	var orgs, users, published, pending, bids int
	err := pool.QueryRow(ctx, `SELECT (SELECT count(*) FROM orgs), (SELECT count(*) FROM users),
		(SELECT count(*) FROM orders WHERE status = 'published'), (SELECT count(*) FROM orders WHERE status = 'pending_review'),
		(SELECT count(*) FROM bids WHERE status = 'submitted')`).
		Scan(&orgs, &users, &published, &pending, &bids)
	if err != nil {
		t.Fatal(err)
	}
	if orgs != len(demoOrgs) || users != len(demoOrgs)+3 || published != 3 || pending != 1 || bids != 2 {
		t.Fatalf("orgs=%d users=%d published=%d pending=%d bids=%d", orgs, users, published, pending, bids)
	}
	// The two story workshops have rosters, finished months paid to the fen and one contract in production;
	// the settled months went through the real workflows, so their money is in the ledger.
	var residents, tagged, settled, producing, unpaid int
	var mismatched int
	err = pool.QueryRow(ctx, `SELECT (SELECT count(*) FROM residents), (SELECT count(DISTINCT resident_id) FROM resident_tags),
		(SELECT count(*) FROM contracts WHERE status = 'settled'), (SELECT count(*) FROM contracts WHERE status = 'in_production'),
		(SELECT count(*) FROM distribution_lines WHERE paid_at IS NULL),
		(SELECT count(*) FROM distributions d WHERE d.distributed <> (SELECT sum(amount) FROM distribution_lines l WHERE l.distribution_id = d.id))`).
		Scan(&residents, &tagged, &settled, &producing, &unpaid, &mismatched)
	if err != nil {
		t.Fatal(err)
	}
	if residents != 58 || tagged < 20 || settled != 7 || producing != 2 || unpaid != 0 || mismatched != 0 {
		t.Fatalf("residents=%d tagged=%d settled=%d producing=%d unpaid=%d mismatched=%d", residents, tagged, settled, producing, unpaid, mismatched)
	}
	// Every demo contract and payment is dated into the past (store/demo.go), so the dashboards have history.
	var recentContracts, recentPayments int
	err = pool.QueryRow(ctx, `SELECT (SELECT count(*) FROM contracts WHERE created_at > now() - interval '30 days'
		OR settled_at > now() - interval '1 day'),
		(SELECT count(*) FROM distribution_lines WHERE paid_at > now() - interval '1 day')`).Scan(&recentContracts, &recentPayments)
	if err != nil || recentContracts != 0 || recentPayments != 0 {
		t.Fatalf("not backdated: %d contracts, %d payments (%v)", recentContracts, recentPayments, err)
	}
	var unreleased int
	err = pool.QueryRow(ctx, `SELECT count(*) FROM distributions d WHERE d.net <> (SELECT coalesce(sum(e.amount), 0)
		FROM ledger_entries e JOIN ledger_transactions t ON t.id = e.transaction_id JOIN ledger_accounts a ON a.id = e.account_id
		WHERE a.contract_id = d.contract_id AND a.kind = 'workshop_payable' AND t.kind = 'release')`).Scan(&unreleased)
	if err != nil || unreleased != 0 {
		t.Fatalf("%d distributions split money the ledger did not release (%v)", unreleased, err)
	}
}

func TestStaffValidation(t *testing.T) {
	t.Parallel()
	st := storetest.New(t)
	if _, err := Staff(context.Background(), st, "not-an-email", "long-enough-pw", "admin", "x"); err == nil {
		t.Fatal("bad email accepted")
	}
	if _, err := Staff(context.Background(), st, "a@doorstep.cn", "short", "admin", "x"); err == nil {
		t.Fatal("short password accepted")
	}
	if _, err := Staff(context.Background(), st, "a@doorstep.cn", "long-enough-pw", "root", "x"); err == nil {
		t.Fatal("bad role accepted")
	}
	u, err := Staff(context.Background(), st, "a@doorstep.cn", "long-enough-pw", "moderator", "x")
	if err != nil || u.StaffRole != "moderator" {
		t.Fatal(u, err)
	}
	u, err = Staff(context.Background(), st, "a@doorstep.cn", "long-enough-pw-2", "admin", "x")
	if err != nil || u.StaffRole != "admin" {
		t.Fatal("promotion failed", u, err)
	}
}

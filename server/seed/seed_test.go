package seed

import (
	"context"
	"io"
	"log/slog"
	"testing"

	"doorstep/server/store/storetest"
)

func TestDemoIsIdempotent(t *testing.T) {
	t.Parallel()
	st, pool := storetest.NewWithPool(t)
	ctx := context.Background()
	log := slog.New(slog.NewTextHandler(io.Discard, nil))
	for i := 0; i < 2; i++ {
		if err := Demo(ctx, st, log); err != nil {
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
	if orgs != len(demoOrgs) || users != len(demoOrgs)+2 || published != 3 || pending != 1 || bids != 2 {
		t.Fatalf("orgs=%d users=%d published=%d pending=%d bids=%d", orgs, users, published, pending, bids)
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

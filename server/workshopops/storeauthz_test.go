package workshopops_test

import (
	"context"
	"io"
	"log/slog"
	"testing"

	"github.com/google/uuid"

	"doorstep/server/market"
	"doorstep/server/seed"
	"doorstep/server/store"
	"doorstep/server/store/storetest"
	"doorstep/server/workflows/workflowstest"
	"doorstep/server/workshopops"
)

// TestStoreQueriesAuthoriseByMembership bypasses the workflow's checks and
// calls the store directly: with anyone's user id but a member's of the
// workshop, every resident read, write and distribution query finds nothing.
func TestStoreQueriesAuthoriseByMembership(t *testing.T) {
	t.Parallel()
	st, pool := storetest.NewWithPool(t)
	ctx := context.Background()
	must(t, seed.Demo(ctx, workflowstest.New(t, st), slog.New(slog.NewTextHandler(io.Discard, nil))))
	var admin uuid.UUID
	must(t, pool.QueryRow(ctx, "SELECT id FROM users WHERE email = 'admin@demo.doorstep.cn'").Scan(&admin))
	user := func(email string) (uuid.UUID, uuid.UUID) {
		var u, o uuid.UUID
		must(t, pool.QueryRow(ctx, "SELECT m.user_id, m.org_id FROM memberships m JOIN users u ON u.id = m.user_id WHERE u.email = $1", email).Scan(&u, &o))
		return u, o
	}
	coord, bilin := user("bilin@demo.doorstep.cn")
	var contract, line, resident uuid.UUID
	must(t, pool.QueryRow(ctx, `SELECT d.contract_id, l.id, l.resident_id FROM distribution_lines l JOIN distributions d ON d.id = l.distribution_id
		WHERE d.workshop_id = $1 LIMIT 1`, bilin).Scan(&contract, &line, &resident))
	db := st.DB()

	// The workshop's own coordinator sees its data.
	list, total, err := db.ListResidents(ctx, store.ResidentFilter{WorkshopID: bilin, CallerID: coord, Lim: 100})
	must(t, err)
	if total != 26 || len(list) != 26 {
		t.Fatalf("coordinator sees %d residents", total)
	}

	mingzhu, _ := user("mingzhu@demo.doorstep.cn")
	company, _ := user("xinyuan@demo.doorstep.cn")
	for name, other := range map[string]uuid.UUID{"another workshop": mingzhu, "the contract's company": company, "staff": admin, "nobody": uuid.New()} {
		t.Run(name, func(t *testing.T) {
			if ok, _ := db.IsWorkshopMember(ctx, bilin, other); ok {
				t.Fatal("member")
			}
			if rows, n, err := db.ListResidents(ctx, store.ResidentFilter{WorkshopID: bilin, CallerID: other, Lim: 100}); err != nil || n != 0 || len(rows) != 0 {
				t.Fatalf("list: %d %v", n, err)
			}
			if _, err := db.Resident(ctx, resident, other); err != market.ErrNotFound {
				t.Fatalf("resident: %v", err)
			}
			if _, err := db.CreateResident(ctx, other, market.Resident{WorkshopID: bilin, Name: "外人", Crafts: []string{}}); err != market.ErrNotFound {
				t.Fatalf("create: %v", err)
			}
			if err := db.UpdateResident(ctx, other, market.Resident{ID: resident, Name: "改名", Crafts: []string{}}); err != market.ErrNotFound {
				t.Fatalf("update: %v", err)
			}
			must(t, db.SetResidentTags(ctx, other, resident, []string{market.TagDisabled}))
			if phones, ids, err := db.ResidentPhones(ctx, bilin, other); err != nil || len(phones)+len(ids) != 0 {
				t.Fatal("phones", err)
			}
			if _, err := db.OpsContract(ctx, contract, other); err != market.ErrNotFound {
				t.Fatalf("contract: %v", err)
			}
			if rows, err := db.ContractSheet(ctx, contract, other); err != nil || len(rows) != 0 {
				t.Fatal("sheet", err)
			}
			if rows, err := db.PieceChanges(ctx, contract, other, 10); err != nil || len(rows) != 0 {
				t.Fatal("changes", err)
			}
			if _, lines, found, err := db.Distribution(ctx, contract, other); err != nil || found || len(lines) != 0 {
				t.Fatal("distribution", err)
			}
			if _, _, err := db.LockLine(ctx, line, other); err != market.ErrNotFound {
				t.Fatalf("line: %v", err)
			}
			must(t, db.MarkLinePaid(ctx, line, other, market.PaidBank, "x"))
			if a, n, p, lines, err := db.WorkshopImpact(ctx, bilin, other); err != nil || a+n+p != 0 || len(lines) != 0 {
				t.Fatal("impact", err)
			}
		})
	}
	// Nothing the others did landed.
	r, err := db.Resident(ctx, resident, coord)
	must(t, err)
	var ref string
	must(t, pool.QueryRow(ctx, "SELECT paid_reference FROM distribution_lines WHERE id = $1", line).Scan(&ref))
	for _, tg := range r.Tags {
		if tg.Tag == market.TagDisabled && tg.RecordedBy != "王军" {
			t.Fatal("a stranger recorded a tag")
		}
	}
	if r.Name == "改名" || ref == "x" {
		t.Fatalf("a stranger changed data: %+v %q", r, ref)
	}

	// And the workflow refuses them before the store is asked.
	svc := workflowstest.New(t, st).Ops
	staff := &market.Actor{User: market.User{ID: admin, StaffRole: market.StaffAdmin}}
	if _, err := svc.ListResidents(ctx, staff, bilin, workshopops.ResidentQuery{}); err != market.ErrNotFound {
		t.Fatalf("staff: %v", err)
	}
}

func must(t *testing.T, err error) {
	t.Helper()
	if err != nil {
		t.Fatal(err)
	}
}

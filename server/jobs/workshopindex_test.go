package jobs

import (
	"context"
	"io"
	"log/slog"
	"reflect"
	"slices"
	"testing"
	"time"

	"github.com/google/uuid"

	"doorstep/search"
	"doorstep/search/pgsearch"
	"doorstep/server/accounts"
	"doorstep/server/market"
	"doorstep/server/store"
	"doorstep/server/store/storetest"
)

func TestWorkshopDoc(t *testing.T) {
	t.Parallel()
	created := time.Date(2026, 3, 1, 8, 0, 0, 0, time.UTC)
	verified := created.Add(time.Hour)
	o := market.Org{ID: uuid.MustParse("20000000-0000-4000-8000-000000000001"), Kind: market.KindWorkshop,
		Name: "碧林花园社区微工厂", Host: "碧林花园社区党总支", RegionCode: "371602", Lat: 37.38, Lng: 117.97,
		Crafts: []string{"weaving", "packaging"}, Headcount: 36, WeeklyCapacity: 3500, VerifiedAt: &verified,
		CommunityGuarantee: true, CreatedAt: created}
	d := WorkshopDoc(o)
	want := search.WorkshopDoc{ID: o.ID.String(), Name: o.Name, Host: o.Host, ProvinceCode: "370000", CityCode: "371600",
		DistrictCode: "371602", ProvinceName: "山东省", CityName: "滨州市", DistrictName: "滨城区", RegionName: "山东省 滨州市 滨城区",
		Lat: 37.38, Lng: 117.97, Crafts: []string{"weaving", "packaging"}, CraftNamesZH: []string{"编织", "包装"},
		CraftNamesEN: []string{"Weaving", "Packaging"}, Headcount: 36, WeeklyCapacity: 3500, Verified: true,
		CommunityGuarantee: true, CompletedContracts: 0, CreatedAt: created}
	if !reflect.DeepEqual(d, want) {
		t.Errorf("WorkshopDoc:\n got %+v\nwant %+v", d, want)
	}
	// A municipality's placeholder city (市辖区) gets no city name.
	o.RegionCode = "110105"
	if d := WorkshopDoc(o); d.ProvinceName != "北京市" || d.CityName != "" || d.DistrictName != "朝阳区" || d.CityCode != "110100" {
		t.Errorf("Beijing: %q %q %q (%s)", d.ProvinceName, d.CityName, d.DistrictName, d.CityCode)
	}
	o.Crafts = nil
	if d := WorkshopDoc(o); d.Crafts == nil || len(d.Crafts) != 0 {
		t.Errorf("no crafts: %#v", d.Crafts)
	}
}

func p[T any](v T) *T { return &v }

// createWorkshop registers a workshop (and its owner) through the store.
func createWorkshop(t *testing.T, st *store.Store, email, name, region string, crafts []string) market.Org {
	t.Helper()
	o, err := market.NewOrg(market.OrgInput{Kind: market.KindWorkshop, Name: p(name), Host: p("某某社区党总支"),
		RegionCode: p(region), Address: p("社区活动室"), Lat: p(37.38), Lng: p(117.97), Crafts: crafts,
		Headcount: p(20), WeeklyCapacity: p(1000)}, "")
	if err != nil {
		t.Fatal(err)
	}
	_, o, err = accounts.CreateAccount(context.Background(), st, market.UserInput{Email: email, Name: "王军", Phone: "13954321678"}, "x", o)
	if err != nil {
		t.Fatal(err)
	}
	return o
}

func ids(t *testing.T, e search.WorkshopEngine, q search.WorkshopQuery) []string {
	t.Helper()
	res, err := e.SearchWorkshops(context.Background(), q)
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, h := range res.Hits {
		out = append(out, h.Doc.ID)
	}
	slices.Sort(out)
	return out
}

// TestWorkshopSyncAndReindex: a reindex picks up every workshop (and no
// company); the sync job follows a changed row, and deletes what is not a
// workshop any more.
func TestWorkshopSyncAndReindex(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	st, pool := storetest.NewWithPool(t)
	engine := pgsearch.NewWorkshops(pool)
	log := slog.New(slog.NewTextHandler(io.Discard, nil))
	x := workshopIndex(Deps{Store: st, Workshops: engine})
	a := createWorkshop(t, st, "a@example.cn", "碧林花园社区微工厂", "371602", []string{"weaving"})
	b := createWorkshop(t, st, "b@example.cn", "彩虹湖手工串珠坊", "130105", []string{"beading"})
	company, err := market.NewOrg(market.OrgInput{Kind: market.KindCompany, Name: p("滨州鑫源工艺品有限公司"), RegionCode: p("371602"),
		Address: p("黄河五路318号"), CreditCode: p(market.MakeCreditCode("91371602MA3CBL5N2")), ContactName: p("赵丽"),
		ContactPhone: p("0543-3261188")}, "")
	if err != nil {
		t.Fatal(err)
	}
	_, company, err = accounts.CreateAccount(ctx, st, market.UserInput{Email: "c@example.cn", Name: "赵丽"}, "x", company)
	if err != nil {
		t.Fatal(err)
	}

	if err := x.reindex(ctx, log); err != nil {
		t.Fatal(err)
	}
	if got, want := ids(t, engine, search.WorkshopQuery{}), slices.Sorted(slices.Values([]string{a.ID.String(), b.ID.String()})); !slices.Equal(got, want) {
		t.Fatalf("after reindex %v, want %v", got, want)
	}
	if got := ids(t, engine, search.WorkshopQuery{Q: "串珠", Region: "130000"}); !slices.Equal(got, []string{b.ID.String()}) {
		t.Fatalf("串珠 in Hebei: %v", got)
	}

	// Verify a: the job reads the current row.
	if err := st.Tx(ctx, func(db *store.DB) error { _, err := db.SetOrgVerified(ctx, a.ID, true); return err }); err != nil {
		t.Fatal(err)
	}
	if got := ids(t, engine, search.WorkshopQuery{Verified: true}); len(got) != 0 {
		t.Fatalf("verified before the sync: %v", got)
	}
	for range 2 { // retries are harmless
		if err := x.syncOne(ctx, a.ID, false); err != nil {
			t.Fatal(err)
		}
	}
	if got := ids(t, engine, search.WorkshopQuery{Verified: true}); !slices.Equal(got, []string{a.ID.String()}) {
		t.Fatalf("verified after the sync: %v", got)
	}
	// A company or an unknown id is deleted (nothing to delete is fine).
	for _, id := range []uuid.UUID{company.ID, uuid.New()} {
		if err := x.syncOne(ctx, id, false); err != nil {
			t.Fatal(err)
		}
	}
	if _, err := pool.Exec(ctx, "DELETE FROM orgs WHERE id = $1", b.ID); err != nil {
		t.Fatal(err)
	}
	if err := x.syncOne(ctx, b.ID, false); err != nil {
		t.Fatal(err)
	}
	if got := ids(t, engine, search.WorkshopQuery{}); !slices.Equal(got, []string{a.ID.String()}) {
		t.Fatalf("after deleting b: %v", got)
	}
	// No engine: nothing happens, nothing fails.
	none := workshopIndex(Deps{Store: st})
	if err := none.syncOne(ctx, a.ID, false); err != nil {
		t.Fatal(err)
	}
	if err := none.reindex(ctx, log); err != nil {
		t.Fatal(err)
	}
}

// TestWorkshopChangeEnqueuesInTransaction: a workshop change publishes an
// index_workshop job in the change's own transaction; a rolled-back change
// leaves no job; a company change re-syncs its orders instead.
func TestWorkshopChangeEnqueuesInTransaction(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	st, pool := storetest.NewWithPool(t)
	jobs := func(kind string) int {
		var n int
		if err := pool.QueryRow(ctx, "SELECT count(*) FROM river_job WHERE kind = $1", kind).Scan(&n); err != nil {
			t.Fatal(err)
		}
		return n
	}
	w := createWorkshop(t, st, "a@example.cn", "碧林花园社区微工厂", "371602", []string{"weaving"})
	if n := jobs("index_workshop"); n != 1 {
		t.Fatalf("after registering a workshop: %d jobs, want 1", n)
	}
	err := st.Tx(ctx, func(db *store.DB) error {
		if _, err := db.SetOrgVerified(ctx, w.ID, true); err != nil {
			return err
		}
		return context.Canceled // roll back
	})
	if err == nil || jobs("index_workshop") != 1 {
		t.Fatalf("a rolled-back change left a job (%d jobs, err %v)", jobs("index_workshop"), err)
	}
	company, err := market.NewOrg(market.OrgInput{Kind: market.KindCompany, Name: p("滨州鑫源工艺品有限公司"), RegionCode: p("371602"),
		Address: p("黄河五路318号"), CreditCode: p(market.MakeCreditCode("91371602MA3CBL5N2")), ContactName: p("赵丽"),
		ContactPhone: p("0543-3261188")}, "")
	if err != nil {
		t.Fatal(err)
	}
	if _, _, err = accounts.CreateAccount(ctx, st, market.UserInput{Email: "c@example.cn", Name: "赵丽"}, "x", company); err != nil {
		t.Fatal(err)
	}
	if jobs("index_workshop") != 1 || jobs("resync_company_orders") != 1 {
		t.Fatalf("a company change: %d workshop jobs, %d company re-syncs", jobs("index_workshop"), jobs("resync_company_orders"))
	}
	var id uuid.UUID
	if err := pool.QueryRow(ctx, "SELECT args->>'org_id' FROM river_job WHERE kind = 'index_workshop'").Scan(&id); err != nil || id != w.ID {
		t.Fatalf("job args %v, %v", id, err)
	}
}

package settlement_test

import (
	"context"
	"errors"
	"fmt"
	"math/rand/v2"
	"os"
	"runtime"
	"strconv"
	"sync"
	"testing"
	"time"

	"github.com/google/uuid"
	"github.com/jackc/pgx/v5/pgxpool"

	"doorstep/server/accounts"
	"doorstep/server/contracts"
	"doorstep/server/fulfilment"
	"doorstep/server/market"
	"doorstep/server/money"
	"doorstep/server/payments"
	"doorstep/server/settlement"
	"doorstep/server/store"
	"doorstep/server/store/storetest"
	"doorstep/server/workflows"
	"doorstep/server/workflows/workflowstest"
)

// world is one database with a company, a workshop, finance staff and the
// workflows, for driving contract lifecycles without HTTP.
type world struct {
	t                        testing.TB
	st                       *store.Store
	pool                     *pgxpool.Pool
	money                    *money.Service
	ful                      *fulfilment.Service
	set                      *settlement.Service
	con                      *contracts.Service
	company, workshop, staff *market.Actor
	orderID                  uuid.UUID
	clock                    *clock
}

// clock lets a test move time forward (inspection and dispute windows).
type clock struct {
	mu sync.Mutex
	at time.Time
}

func (c *clock) now() time.Time { c.mu.Lock(); defer c.mu.Unlock(); return c.at }

func p[T any](v T) *T { return &v }

func newWorld(t testing.TB) *world {
	ctx := context.Background()
	st, pool := storetest.NewWithPool(t)
	w := &world{t: t, st: st, pool: pool, clock: &clock{at: time.Now()}}
	set := workflowstest.New(t, st, func(d *workflows.Deps) { d.Now, d.Provider = w.clock.now, payments.ManualProvider{} })
	w.money, w.ful, w.set, w.con = set.Money, set.Fulfilment, set.Settlement, set.Contracts
	mk := func(email string, in market.OrgInput) *market.Actor {
		o, err := market.NewOrg(in, "")
		if err != nil {
			t.Fatal(err)
		}
		u, o, err := accounts.CreateAccount(ctx, st, market.UserInput{Email: email, Name: "测试"}, "x", o)
		if err != nil {
			t.Fatal(err)
		}
		return &market.Actor{User: u, OrgID: o.ID, OrgKind: o.Kind, OrgRole: market.RoleOwner}
	}
	w.company = mk("c@example.cn", market.OrgInput{Kind: market.KindCompany, Name: p("滨州鑫源工艺品有限公司"), RegionCode: p("371602"),
		Address: p("黄河五路318号"), CreditCode: p(market.MakeCreditCode("91371602MA3CBL5N2")), ContactName: p("赵丽"), ContactPhone: p("0543-3261188")})
	w.workshop = mk("w@example.cn", market.OrgInput{Kind: market.KindWorkshop, Name: p("碧林花园社区微工厂"), Host: p("碧林花园社区党总支"),
		RegionCode: p("371602"), Address: p("社区活动室"), Lat: p(37.38), Lng: p(117.97), Crafts: []string{"weaving"}, Headcount: p(36), WeeklyCapacity: p(3500)})
	staff, err := accounts.CreateStaff(ctx, st, "fin@example.cn", "finance-password-1", market.StaffAdmin, "财务")
	if err != nil {
		t.Fatal(err)
	}
	w.staff = &market.Actor{User: staff}
	must(t, pool.QueryRow(ctx, `INSERT INTO orders (company_id, status, close_reason, title, description, craft, quantity, remaining_quantity, unit_price,
		currency, min_bid_quantity, bidding_deadline, delivery_deadline, region_code, address, lat, lng, minutes_per_piece,
		material_supply, material_value_per_unit, allowed_loss_bp, deposit_kind, quality_criteria, inspection_days, rework_rounds, hourly_equivalent)
		VALUES ($1, 'closed', 'awarded', '编织网兜', '', 'weaving', 1000000, 0, 100, 'CNY', 1, now() + interval '3 days', now() + interval '60 days',
		'371602', '黄河五路318号', 37.38, 117.97, 6, 'company_ships', 80, 100, 'none', '', 7, 1, 1000) RETURNING id`, w.company.OrgID).Scan(&w.orderID))
	return w
}

func must(t testing.TB, err error) {
	t.Helper()
	if err != nil {
		t.Fatal(err)
	}
}

// terms of one random contract.
type terms struct {
	qty, price, deposit, allowedLoss, value int64
	bp, rounds                              int
	ownMaterials                            bool
}

func randomTerms(rng *rand.Rand) terms {
	t := terms{qty: 10 + rng.Int64N(290), price: 1 + rng.Int64N(500), bp: []int{0, 300, 500, 1250}[rng.IntN(4)],
		rounds: rng.IntN(3), value: 1 + rng.Int64N(200), ownMaterials: rng.IntN(5) == 0}
	t.allowedLoss = rng.Int64N(t.qty/10 + 1)
	if rng.IntN(3) > 0 && !t.ownMaterials {
		t.deposit = 1 + rng.Int64N(t.qty*t.value)
	}
	return t
}

// contract inserts an awarded contract with these terms (the award itself
// is tested through the API; here the lifecycle after it is the subject).
func (w *world) contract(t terms) uuid.UUID {
	ctx := context.Background()
	var bid, id uuid.UUID
	must(w.t, w.pool.QueryRow(ctx, `INSERT INTO bids (order_id, workshop_id, status, quantity, unit_price, delivery_date, headcount)
		VALUES ($1, $2, 'accepted', $3, $4, now() + interval '30 days', 10) RETURNING id`, w.orderID, w.workshop.OrgID, t.qty, t.price).Scan(&bid))
	supply := market.SupplyCompanyShips
	if t.ownMaterials {
		supply = market.SupplyWorkshopSources
	}
	kind := market.DepositNone
	if t.deposit > 0 {
		kind = market.DepositFixed
	}
	must(w.t, w.pool.QueryRow(ctx, `INSERT INTO contracts (order_id, bid_id, company_id, workshop_id, title, craft, quantity, unit_price,
		currency, escrow_amount, deposit_kind, deposit_amount, deposit_waived, commission_bp, material_supply, material_value_per_unit,
		allowed_loss_bp, allowed_loss_units, quality_criteria, max_defect_bp, inspection_days, rework_rounds, due_date,
		handover_region_code, handover_address, handover_lat, handover_lng, funding_due_at)
		VALUES ($1, $2, $3, $4, '编织网兜', 'weaving', $5::bigint, $6::bigint, 'CNY', $5::bigint * $6::bigint, $7, $8, false, $9, $10, $11, 0, $12, '', 0, 7, $13,
		now() + interval '30 days', '371602', '黄河五路318号', 37.38, 117.97, now() + interval '7 days') RETURNING id`,
		w.orderID, bid, w.company.OrgID, w.workshop.OrgID, t.qty, t.price, kind, t.deposit, t.bp, supply, t.value, t.allowedLoss, t.rounds).Scan(&id))
	return id
}

func (w *world) photo(a *market.Actor) string {
	u, err := w.st.DB().CreateUpload(context.Background(), store.CreateUploadParams{OrgID: &a.OrgID, UploadedBy: a.User.ID,
		ContentType: "image/jpeg", SizeBytes: 1, Width: 1, Height: 1, StorageKey: uuid.NewString(), ThumbKey: uuid.NewString(),
		ExpiresAt: p(time.Now().Add(time.Hour))})
	must(w.t, err)
	return u.ID.String()
}

// fund pays escrow and deposit in by bank transfer, sometimes short then the rest, sometimes over.
func (w *world) fund(rng *rand.Rand, id uuid.UUID) {
	ctx := context.Background()
	for _, pay := range []struct {
		start func(context.Context, *market.Actor, uuid.UUID) (money.PaymentView, error)
		as    *market.Actor
	}{{w.money.Fund, w.company}, {w.money.PayDeposit, w.workshop}} {
		for attempt := 0; ; attempt++ {
			pv, err := pay.start(ctx, pay.as, id)
			if market.ErrorCode(err) == market.CodeState || market.ErrorCode(err) == market.CodeConflict {
				break // nothing (more) owed
			}
			must(w.t, err)
			amount := pv.Amount
			switch rng.IntN(6) + attempt*6 { // random twice, then exact
			case 0:
				amount = max(1, amount/2) // short: the rest follows
			case 1:
				amount += 1 + rng.Int64N(1000) // over: the excess goes back
			}
			_, err = w.money.Confirm(ctx, w.staff, pv.ID, amount, "BANK-"+pv.Reference)
			must(w.t, err)
		}
	}
}

// live runs one random lifecycle to its end.
func (w *world) live(rng *rand.Rand, t terms) (uuid.UUID, string) {
	ctx := context.Background()
	id := w.contract(t)
	w.fund(rng, id)
	if rng.IntN(10) == 0 { // cancelled by staff before production
		_, err := w.con.Cancel(ctx, w.staff, id, "随机取消")
		must(w.t, err)
		return id, "cancelled"
	}
	k := w.get(id)
	if market.ContractStatus(k.Status) != market.ContractActive {
		w.t.Fatalf("contract not active after funding: %s", k.Status)
	}
	if !t.ownMaterials {
		sent := t.qty + rng.Int64N(t.allowedLoss+1)
		d, err := w.ful.Dispatch(ctx, w.company, id, market.DispatchInput{Quantity: sent, Method: "pickup"})
		must(w.t, err)
		got := sent - rng.Int64N(sent/20+1)
		_, err = w.ful.Receive(ctx, w.workshop, d.ID, market.ReceiptInput{Quantity: got, Note: "短少若干"})
		must(w.t, err)
	}
	for step := 0; step < 12; step++ {
		k = w.get(id)
		limit := k.Quantity - k.DeliveredUnits
		if !t.ownMaterials {
			limit = min(limit, k.ReceivedUnits+k.AllowedLossUnits-k.DeliveredUnits)
		}
		in := market.DeliveryInput{}
		switch {
		case k.ReworkUnits > 0 && rng.IntN(2) == 0:
			var parent uuid.UUID
			var left int64
			must(w.t, w.pool.QueryRow(ctx, "SELECT id, rework_left FROM deliveries WHERE contract_id = $1 AND rework_left > 0 LIMIT 1", id).Scan(&parent, &left))
			in = market.DeliveryInput{Quantity: 1 + rng.Int64N(left), ReworkOf: parent.String()}
		case limit > 0:
			in.Quantity = 1 + rng.Int64N(limit)
		default:
			step = 12
			continue
		}
		d, err := w.ful.Deliver(ctx, w.workshop, id, in)
		must(w.t, err)
		if rng.IntN(6) == 0 { // the company stays silent: accepted in full
			w.clock.mu.Lock()
			w.clock.at = w.clock.at.Add(8 * 24 * time.Hour)
			w.clock.mu.Unlock()
			must(w.t, w.ful.AutoAccept(ctx, d.ID))
			continue
		}
		rej := rng.Int64N(d.Quantity + 1)
		rework := int64(0)
		if d.Round < int32(t.rounds) {
			rework = rng.Int64N(d.Quantity - rej + 1)
		}
		insp := market.InspectionInput{Accepted: d.Quantity - rej - rework, Rework: rework}
		if rej > 0 {
			insp.Rejected = []market.RejectionInput{{Reason: "不合格", Quantity: rej, PhotoIDs: []string{w.photo(w.company)}}}
		}
		_, err = w.ful.Inspect(ctx, w.company, d.ID, insp)
		must(w.t, err)
		if rej > 0 && rng.IntN(3) == 0 {
			x, err := w.ful.Dispute(ctx, w.workshop, d.ID, market.DisputeInput{Statement: "这些件是合格的，请平台核实。"})
			must(w.t, err)
			_, err = w.ful.Resolve(ctx, w.staff, x.ID, rng.Int64N(rej+1), "按证据裁决")
			must(w.t, err)
		}
	}
	k = w.get(id)
	if k.ReturnedUnits == 0 && k.ReceivedUnits > k.DeliveredUnits && rng.IntN(2) == 0 {
		_, err := w.ful.Return(ctx, w.workshop, id, 1+rng.Int64N(k.ReceivedUnits-k.DeliveredUnits), "未用完")
		must(w.t, err)
	}
	// Finish what is pending, then end short if needed and settle.
	var pendingRework int64
	must(w.t, w.pool.QueryRow(ctx, "SELECT coalesce(sum(rework_left), 0) FROM deliveries WHERE contract_id = $1", id).Scan(&pendingRework))
	for pendingRework > 0 {
		var parent uuid.UUID
		var left int64
		must(w.t, w.pool.QueryRow(ctx, "SELECT id, rework_left FROM deliveries WHERE contract_id = $1 AND rework_left > 0 LIMIT 1", id).Scan(&parent, &left))
		d, err := w.ful.Deliver(ctx, w.workshop, id, market.DeliveryInput{Quantity: left, ReworkOf: parent.String()})
		must(w.t, err)
		_, err = w.ful.Inspect(ctx, w.company, d.ID, market.InspectionInput{Accepted: left})
		must(w.t, err)
		pendingRework -= left
	}
	if k = w.get(id); market.ContractStatus(k.Status) != market.ContractSettling {
		must(w.t, w.ful.EndShort(ctx, w.company, id))
	}
	// Staff settle once no rejection can still be disputed.
	w.clock.mu.Lock()
	w.clock.at = w.clock.at.Add(8 * 24 * time.Hour)
	w.clock.mu.Unlock()
	must(w.t, w.set.SettleNow(ctx, w.staff, id))
	return id, "settled"
}

func (w *world) get(id uuid.UUID) store.Contract {
	k, err := w.st.DB().ContractByID(context.Background(), id)
	must(w.t, err)
	return k
}

// check: the ledger balances, the contract holds nothing, the workshop got
// exactly accepted × price − commission plus its deposit refund, and the
// company got back everything else it paid.
func (w *world) check(id uuid.UUID, outcome string) {
	ctx := context.Background()
	db := w.st.DB()
	c, err := db.LedgerCheck(ctx)
	must(w.t, err)
	if c.EntriesSum != 0 || c.BalancesSum != 0 || c.StaleBalances != 0 || c.Unbalanced != 0 {
		w.t.Fatalf("ledger: %+v", c)
	}
	k := w.get(id)
	bal, err := db.Balances(ctx, id)
	must(w.t, err)
	if bal[market.AccEscrow] != 0 || bal[market.AccDeposit] != 0 || bal[market.AccFundsInTransit] != 0 {
		w.t.Fatalf("%s contract %s holds %v", outcome, id, bal)
	}
	var companyPaid, workshopPaid int64
	rows, err := w.pool.Query(ctx, "SELECT purpose, coalesce(amount_received, 0) FROM payments WHERE contract_id = $1", id)
	must(w.t, err)
	for rows.Next() {
		var purpose string
		var n int64
		must(w.t, rows.Scan(&purpose, &n))
		if purpose == "escrow" {
			companyPaid += n
		} else {
			workshopPaid += n
		}
	}
	var toCompany, toWorkshop, payouts int64
	must(w.t, w.pool.QueryRow(ctx, `SELECT
		coalesce(sum(amount) FILTER (WHERE recipient_org_id = $2), 0),
		coalesce(sum(amount) FILTER (WHERE recipient_org_id = $3 AND kind <> 'payout'), 0),
		coalesce(sum(amount) FILTER (WHERE kind = 'payout'), 0)
		FROM disbursements WHERE contract_id = $1`, id, w.company.OrgID, w.workshop.OrgID).Scan(&toCompany, &toWorkshop, &payouts))
	// The workshop's payouts are exactly the net of each release.
	var net, gross int64
	must(w.t, w.pool.QueryRow(ctx, `SELECT coalesce(sum(e.amount) FILTER (WHERE a.kind = 'workshop_payable'), 0),
		coalesce(-sum(e.amount) FILTER (WHERE a.kind = 'contract_escrow'), 0)
		FROM ledger_transactions t JOIN ledger_entries e ON e.transaction_id = t.id JOIN ledger_accounts a ON a.id = e.account_id
		WHERE t.contract_id = $1 AND t.kind = 'release'`, id).Scan(&net, &gross))
	if gross != k.AcceptedUnits*k.UnitPrice || payouts != net {
		w.t.Fatalf("released gross %d for %d accepted at %d; payouts %d, net %d", gross, k.AcceptedUnits, k.UnitPrice, payouts, net)
	}
	// Everything paid in went somewhere: back to its payer, to the workshop's
	// payouts, the platform's commission, or the company as compensation.
	commission := gross - net
	if companyPaid+workshopPaid != toCompany+toWorkshop+payouts+commission {
		w.t.Fatalf("paid in %d + %d, out %d + %d + %d + commission %d", companyPaid, workshopPaid, toCompany, toWorkshop, payouts, commission)
	}
	if outcome == "settled" && market.ContractStatus(k.Status) != market.ContractSettled {
		w.t.Fatalf("not settled: %s", k.Status)
	}
	if toWorkshop > workshopPaid {
		w.t.Fatalf("the workshop got back more deposit (%d) than it paid (%d)", toWorkshop, workshopPaid)
	}
}

// TestLifecycles: at least 1,000 random contract lifecycles (quantities,
// rejections, rework, disputes, returns, deposits, waivers, cancellations)
// through the real store; after each the invariants hold.
func TestLifecycles(t *testing.T) {
	t.Parallel()
	n := 1000
	if v, err := strconv.Atoi(os.Getenv("LIFECYCLES")); err == nil {
		n = v
	}
	seed := uint64(time.Now().UnixNano())
	if v, err := strconv.ParseUint(os.Getenv("LIFECYCLE_SEED"), 10, 64); err == nil {
		seed = v
	}
	t.Logf("%d lifecycles, seed %d (LIFECYCLE_SEED replays)", n, seed)
	const workers = 4
	outcomes := make([]map[string]int, workers)
	failures := make(chan error, workers)
	start := time.Now()
	for g := range workers {
		go func() {
			wt := &workerT{TB: t}
			defer func() { // also when wt.Fatal ended the goroutine
				if wt.err != nil {
					wt.err = fmt.Errorf("worker %d: %w", g, wt.err)
				}
				failures <- wt.err
			}()
			w := newWorld(wt)
			rng := rand.New(rand.NewPCG(seed, uint64(g)))
			outcomes[g] = map[string]int{}
			for range n / workers {
				id, outcome := w.live(rng, randomTerms(rng))
				w.check(id, outcome)
				outcomes[g][outcome]++
			}
		}()
	}
	for range workers {
		if err := <-failures; err != nil {
			t.Error(err)
		}
	}
	if t.Failed() {
		return
	}
	total := map[string]int{}
	for _, o := range outcomes {
		for k, v := range o {
			total[k] += v
		}
	}
	t.Logf("%v in %s", total, time.Since(start).Round(time.Second))
	if total["settled"]+total["cancelled"] != n/workers*workers {
		t.Fatal(fmt.Sprint(total))
	}
}

// workerT is the testing.TB of one worker goroutine. Only the test's own
// goroutine may call t.Fatal, so here Fatal, Fatalf and FailNow keep the
// message and end just this goroutine (its deferred report still runs);
// the test goroutine reports it.
type workerT struct {
	testing.TB
	err error
}

func (w *workerT) Fatal(args ...any)                 { w.fail(errors.New(fmt.Sprint(args...))) }
func (w *workerT) Fatalf(format string, args ...any) { w.fail(fmt.Errorf(format, args...)) }
func (w *workerT) FailNow()                          { w.fail(errors.New("FailNow")) }

func (w *workerT) fail(err error) {
	w.err = err
	runtime.Goexit()
}

package main

import (
	"context"
	"fmt"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgxpool"
)

// Driver takes contracts to settled whatever happened before: each round
// reads the contract's state from the database and makes the next call, so
// a call whose answer was lost to a crash is neither skipped nor repeated
// blindly (a dispatch or delivery is made only when none exists).
type Driver struct {
	Cast   *Cast
	Pool   *pgxpool.Pool
	Stripe bool
	Qty    int
	Steps  map[string]int // what was called, for the report
	Last   map[string]string
}

type kstate struct {
	status                            string
	payment, paymentStatus, intentRef string
	dispatch                          string
	received                          bool
	delivery, deliveryStatus          string
}

func (d *Driver) read(ctx context.Context, id string) (kstate, error) {
	var s kstate
	err := d.Pool.QueryRow(ctx, `SELECT k.status,
		coalesce((SELECT p.id::text FROM payments p WHERE p.contract_id = k.id AND p.purpose = 'escrow' ORDER BY p.seq DESC LIMIT 1), ''),
		coalesce((SELECT p.status FROM payments p WHERE p.contract_id = k.id AND p.purpose = 'escrow' ORDER BY p.seq DESC LIMIT 1), ''),
		coalesce((SELECT p.provider_ref FROM payments p WHERE p.contract_id = k.id AND p.purpose = 'escrow' ORDER BY p.seq DESC LIMIT 1), ''),
		coalesce((SELECT x.id::text FROM dispatches x WHERE x.contract_id = k.id LIMIT 1), ''),
		coalesce((SELECT x.received_quantity IS NOT NULL FROM dispatches x WHERE x.contract_id = k.id LIMIT 1), false),
		coalesce((SELECT v.id::text FROM deliveries v WHERE v.contract_id = k.id LIMIT 1), ''),
		coalesce((SELECT v.status FROM deliveries v WHERE v.contract_id = k.id LIMIT 1), '')
		FROM contracts k WHERE k.id = $1`, id).Scan(&s.status, &s.payment, &s.paymentStatus, &s.intentRef, &s.dispatch, &s.received, &s.delivery, &s.deliveryStatus)
	return s, err
}

// Drive runs one contract to settled (or until ctx ends).
func (d *Driver) Drive(ctx context.Context, id string) error {
	c := d.Cast
	last := ""
	done := map[string]time.Time{} // steps answered 2xx: their effect may take a job's time to show
	for {
		if ctx.Err() != nil {
			return fmt.Errorf("contract %s stopped at %q: %w", id, last, ctx.Err())
		}
		s, err := d.read(ctx, id)
		if err != nil { // the database may be away: try again
			time.Sleep(300 * time.Millisecond)
			continue
		}
		var r Resp
		step := ""
		wait := func(step string) bool { return time.Since(done[step]) < 5*time.Second }
		switch {
		case s.status == "settled":
			return nil
		case s.status == "awaiting_funding" && (s.payment == "" || s.paymentStatus == "failed" || s.paymentStatus == "cancelled"):
			step, r = "fund", c.Company.Do(ctx, "POST", "/api/v1/contracts/"+id+"/fund", nil)
		case s.status == "awaiting_funding" && s.paymentStatus == "pending" && !d.Stripe:
			step, r = "confirm", c.Finance.Do(ctx, "POST", "/api/v1/finance/payments/"+s.payment+"/confirm",
				map[string]any{"amount_received": d.Qty * 150, "bank_reference": "ICBC-FAULTS-" + s.payment[:8]})
		case s.status == "awaiting_funding" && s.paymentStatus == "pending" && s.intentRef != "" && !wait("simulate"):
			step, r = "simulate", c.Admin.Do(ctx, "POST", "/api/v1/payments/"+s.payment+"/simulate", map[string]any{"outcome": "succeeded"})
		case s.status == "active" && s.dispatch == "":
			step, r = "dispatch", c.Company.Do(ctx, "POST", "/api/v1/contracts/"+id+"/dispatches", map[string]any{"quantity": d.Qty, "method": "pickup"})
		case (s.status == "active" || s.status == "materials_sent") && s.dispatch != "" && !s.received:
			step, r = "receive", c.Workshop.Do(ctx, "POST", "/api/v1/dispatches/"+s.dispatch+"/receive", map[string]any{"quantity": d.Qty})
		case s.received && s.delivery == "" && s.status != "complete" && s.status != "settling":
			step, r = "deliver", c.Workshop.Do(ctx, "POST", "/api/v1/contracts/"+id+"/deliveries", map[string]any{"quantity": d.Qty})
		case s.delivery != "" && s.deliveryStatus == "submitted":
			step, r = "inspect", c.Company.Do(ctx, "POST", "/api/v1/deliveries/"+s.delivery+"/inspect", map[string]any{"accepted": d.Qty})
		default: // a job's turn (charge, event, settlement): wait
			time.Sleep(150 * time.Millisecond)
			continue
		}
		d.count(step, r)
		last = step
		if r.OK() {
			done[step] = time.Now()
		}
		if r.Status >= 500 || r.Status == 0 || r.Status == 409 {
			time.Sleep(300 * time.Millisecond) // away, or raced a job: read again
			continue
		}
		if !r.OK() {
			return fmt.Errorf("contract %s, %s: %s", id, step, r)
		}
	}
}

func (d *Driver) count(step string, r Resp) {
	if d.Steps != nil { // only used from one goroutine per driver
		d.Steps[step]++
		if !r.OK() {
			d.Steps[fmt.Sprintf("%s→%d", step, r.Status)]++
			if d.Last == nil {
				d.Last = map[string]string{}
			}
			d.Last[step] = r.String()
		}
	}
}

// NewContracts publishes and awards n orders (sequentially; the setup part).
func (c *Cast) NewContracts(ctx context.Context, n, qty, from int) ([]string, error) {
	var ids []string
	for i := 0; i < n; i++ {
		o, err := c.Publish(ctx, from+i, qty)
		if err != nil {
			return ids, err
		}
		k, err := c.Award(ctx, o, qty)
		if err != nil {
			return ids, err
		}
		ids = append(ids, k)
	}
	return ids, nil
}

var _ = pgx.ErrNoRows

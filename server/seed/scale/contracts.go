package scale

import (
	"fmt"
	"time"

	"github.com/google/uuid"

	"doorstep/server/market"
)

// CommissionBP is the commission frozen on generated contracts (the default).
const CommissionBP = 300

var (
	awardedStages   = []string{"awaiting_funding", "active", "materials_sent", "in_production", "delivering", "settling", "settled"}
	awardedWeights  = []int{4, 5, 5, 14, 7, 5, 60}
	publishedStages = []string{"awaiting_funding", "active", "materials_sent", "in_production", "lapsed", "cancelled"}
	publishedWeight = []int{40, 20, 10, 10, 10, 10}
)

func (g *gen) contractTables() {
	g.tab("contracts", false, "id", "order_id", "bid_id", "company_id", "workshop_id", "status", "title", "craft", "quantity", "unit_price",
		"currency", "escrow_amount", "deposit_kind", "deposit_amount", "deposit_waived", "commission_bp", "material_supply",
		"material_value_per_unit", "allowed_loss_bp", "allowed_loss_units", "quality_criteria", "max_defect_bp", "inspection_days",
		"rework_rounds", "due_date", "handover_region_code", "handover_address", "handover_lat", "handover_lng", "delivered_units",
		"accepted_units", "last_delivery_at", "settled_at", "created_at", "updated_at", "funding_due_at", "escrow_funded_at",
		"deposit_paid_at", "activated_at", "ended_at", "end_reason", "end_reason_en", "dispatched_units", "received_units", "rejected_units", "released_amount")
	g.tab("payments", false, "id", "contract_id", "purpose", "payer_org_id", "provider", "seq", "amount", "amount_received", "currency",
		"status", "reference", "bank_reference", "created_at", "updated_at", "settled_at")
	g.tab("disbursements", false, "id", "contract_id", "kind", "recipient_org_id", "provider", "amount", "currency", "payment_id", "status",
		"idempotency_key", "bank_reference", "created_at", "updated_at", "sent_at")
	g.tab("dispatches", false, "id", "contract_id", "seq", "quantity", "method", "carrier", "tracking_no", "note", "dispatched_at",
		"received_quantity", "received_at")
	g.tab("deliveries", false, "id", "contract_id", "seq", "quantity", "note", "status", "submitted_at", "inspect_due_at", "accepted",
		"rejected", "rework", "inspected_at", "dispute_due_at")
	g.tab("delivery_rejections", false, "id", "delivery_id", "reason", "quantity")
	g.tab("piece_records", false, "contract_id", "resident_id", "pieces", "updated_at")
	g.tab("distributions", false, "id", "contract_id", "workshop_id", "net", "community_fund_bp", "community_fund", "distributed",
		"total_pieces", "approved_at")
	g.tab("distribution_lines", false, "id", "distribution_id", "resident_id", "resident_name", "pieces", "amount", "paid_at",
		"paid_method", "paid_reference")
	g.tab("ledger_accounts", true, "id", "kind", "contract_id", "provider", "currency", "balance")
	g.tab("ledger_transactions", true, "id", "contract_id", "kind", "posting_key", "memo", "payment_id", "disbursement_id", "created_at")
	g.tab("ledger_entries", true, "id", "transaction_id", "account_id", "amount")
}

// k is a contract being generated: its terms, where it got to and when.
type k struct {
	id, order, bid, company, workshop uuid.UUID
	qty, price, escrow, deposit       int64
	stage                             string
	created                           time.Time
}

// at is a point of the contract's timeline, never after the base time.
func (g *gen) at(c *k, days float64) time.Time {
	t := c.created.Add(time.Duration(days * 24 * float64(time.Hour)))
	if lim := g.base.Add(-time.Hour); t.After(lim) {
		return lim
	}
	return t
}

// contract awards a bid and drives the contract to a stage, writing the
// rows and ledger postings the real workflows would. It reports whether the
// contract still holds its quantity (not lapsed or cancelled).
func (g *gen) contract(o *order, w org, qty int64, bidAt time.Time) bool {
	stage := awardedStages[g.r.weighted(awardedWeights)]
	if o.status == "published" {
		stage = publishedStages[g.r.weighted(publishedWeight)]
	}
	if o.supply == "workshop_sources" && stage == "materials_sent" {
		stage = "in_production"
	}
	c := &k{id: g.r.uuid(), order: o.id, bid: g.r.uuid(), company: o.company, workshop: w.id, qty: qty, price: o.price, stage: stage,
		created: bidAt.Add(time.Duration(g.r.between(12, 96)) * time.Hour)}
	if stage == "awaiting_funding" || c.created.After(g.base) {
		c.created = g.base.Add(-time.Duration(g.r.between(1, 5*24)) * time.Hour)
	}
	c.escrow = qty * o.price
	dep, waived, _ := market.DepositFor(o.deposit, qty, o.material, w.guar)
	c.deposit = dep
	decided := c.created
	g.t["bids"].add(c.bid, o.id, w.id, "accepted", "", qty, o.price, o.due.Add(-72*time.Hour), int(g.r.between(5, 60)),
		"社区居民多为宝妈和老人，可按期交付。", w.user, bidAt, decided, decided)

	var funded, depositPaid, activated, ended, settled, lastDelivery any
	var endReason market.Msg
	var dispatched, received, delivered, accepted, rejected, released int64
	live := stage != "lapsed" && stage != "cancelled"
	if stage != "awaiting_funding" && stage != "lapsed" {
		g.pay(c, "escrow", o.company, c.escrow, g.at(c, 1))
		funded = g.at(c, 1)
		if dep > 0 {
			g.pay(c, "deposit", w.id, dep, g.at(c, 1.5))
			depositPaid = g.at(c, 1.5)
		}
		activated = g.at(c, 1.5)
	}
	switch stage {
	case "lapsed":
		ended, endReason = g.at(c, 7), market.ReasonNotFunded(c.created.Add(7*24*time.Hour))
	case "cancelled":
		ended, endReason = g.at(c, 3), market.ReasonCancelAgreed("人手不足，无法按期交货", "同意取消")
		g.returnHeld(c, "cancelled", g.at(c, 3))
	}
	order := []string{"materials_sent", "in_production", "delivering", "settling", "settled"}
	reached := func(s string) bool {
		for i, x := range order {
			if x == s {
				for _, y := range order[i:] {
					if y == stage {
						return true
					}
				}
			}
		}
		return false
	}
	if o.supply != "workshop_sources" && reached("materials_sent") {
		dispatched = qty
		var recQty, recAt any
		if reached("in_production") {
			received, recQty, recAt = qty, qty, g.at(c, 3)
		}
		method := "carrier"
		if o.supply == "workshop_picks_up" {
			method = "pickup"
		}
		g.t["dispatches"].add(g.r.uuid(), c.id, 1, qty, method, "", "", "首批材料", g.at(c, 2), recQty, recAt)
	}
	if reached("in_production") {
		g.pieces(c, w, reached("delivering"))
	}
	if reached("delivering") {
		delivered = qty
		lastDelivery = g.at(c, 15)
		del := g.r.uuid()
		if stage == "delivering" {
			g.t["deliveries"].add(del, c.id, 1, qty, "全部完成，已装箱", "submitted", g.at(c, 15), g.at(c, 15).Add(time.Duration(o.inspect)*24*time.Hour),
				nil, nil, nil, nil, nil)
		} else {
			if g.r.chance(30) {
				rejected = max(1, qty*int64(g.r.IntN(o.maxDefect+1))/10000)
			}
			accepted = qty - rejected
			var disputeDue any = g.at(c, 17).Add(7 * 24 * time.Hour)
			if stage == "settling" && rejected > 0 {
				disputeDue = g.base.Add(time.Duration(g.r.between(1, 6)) * 24 * time.Hour)
			}
			if rejected == 0 {
				disputeDue = nil
			}
			g.t["deliveries"].add(del, c.id, 1, qty, "全部完成，已装箱", "accepted", g.at(c, 15), g.at(c, 15).Add(time.Duration(o.inspect)*24*time.Hour),
				accepted, rejected, int64(0), g.at(c, 17), disputeDue)
			if rejected > 0 {
				g.t["delivery_rejections"].add(g.r.uuid(), del, pick(g.r, rejectReasons), rejected)
			}
			released = accepted * c.price
			g.release(c, del, accepted, stage == "settled", g.at(c, 17))
		}
	}
	if stage == "settled" {
		settled = g.at(c, 25)
		ended, endReason = settled, market.ReasonSettled
		g.settle(c, g.at(c, 25))
		g.distribution(c, w, g.at(c, 27))
	}
	g.t["contracts"].add(c.id, o.id, c.bid, o.company, w.id, stage, o.title, o.craft, qty, o.price, "CNY", c.escrow, o.deposit.Kind, dep,
		waived, CommissionBP, o.supply, o.material, o.lossBP, market.AllowedLossUnits(qty, o.lossBP), o.criteria, o.maxDefect, o.inspect,
		o.rework, o.due, o.district.code, o.address, o.district.at.Lat, o.district.at.Lng, delivered, accepted, lastDelivery, settled,
		c.created, c.created, c.created.Add(7*24*time.Hour), funded, depositPaid, activated, ended, endReason.ZH, endReason.EN, dispatched, received,
		rejected, released)
	return live
}

// pieces records residents' work: all of the quantity once delivered,
// part of it while in production.
func (g *gen) pieces(c *k, w org, done bool) {
	res := g.residents[w.id]
	total := c.qty
	if !done {
		total = c.qty * g.r.between(10, 90) / 100
	}
	n := min(len(res), int(g.r.between(3, 12)))
	left := total
	for i, r := range res[:n] {
		p := left
		if i < n-1 {
			p = total / int64(n) * g.r.between(70, 130) / 100
			p = min(p, left)
		}
		left -= p
		g.t["piece_records"].add(c.id, r, p, g.at(c, 14))
		g.ledger.pieces[c.id] = append(g.ledger.pieces[c.id], market.PieceShare{Key: r.String(), Pieces: p})
	}
}

// reference is a bank-transfer reference in the real DS-YYYYMMDD-… shape,
// with an S so that it never collides with the server's own numbering.
func (g *gen) reference(at time.Time) string {
	g.refSeq++
	return fmt.Sprintf("DS-%s-S%06d", at.Format("20060102"), g.refSeq)
}

package scale

import (
	"fmt"
	"time"

	"doorstep/server/market"
)

var orderStatuses = []string{"draft", "pending_review", "rejected", "suspended", "published", "awarded", "expired", "cancelled"}
var orderWeights = []int{3, 4, 2, 1, 45, 35, 6, 4}

func (g *gen) verifiedCompanies() []org {
	var out []org
	for _, c := range g.companies {
		if c.verified {
			out = append(out, c)
		}
	}
	if len(out) == 0 {
		return g.companies
	}
	return out
}

// byCraft indexes verified workshops by craft (bids come from workshops
// that do the craft; only verified workshops can be awarded).
func (g *gen) byCraft() map[string][]org {
	out := map[string][]org{}
	for _, w := range g.workshops {
		if w.verified {
			for _, c := range w.crafts {
				out[c] = append(out[c], w)
			}
		}
	}
	return out
}

func (g *gen) orders(n int) error {
	companies := g.verifiedCompanies()
	crafts := market.Crafts()
	workshops := g.byCraft()
	for i := range n {
		st := orderStatuses[g.r.weighted(orderWeights)]
		c := pick(g.r, companies)
		craft := crafts[g.r.IntN(len(crafts))].Code
		p := pick(g.r, products[craft])
		o := &order{id: g.r.uuid(), company: c.id, craft: craft, status: st, minutes: p.minutes, criteria: p.criteria,
			price: g.r.between(p.priceLo, p.priceHi), qty: g.r.between(5, 200) * 100, maxDefect: int(g.r.between(1, 5)) * 100,
			inspect: int(g.r.between(3, 10)), rework: int(g.r.between(0, 2))}
		o.minBid = max(100, o.qty/int64(g.r.between(2, 8))/100*100)
		o.title = fmt.Sprintf("%s %d %s", p.name, o.qty, p.unit)
		o.district = c.district
		if g.r.chance(30) {
			o.district = g.district()
		}
		o.address = market.RegionFullName(o.district.code) + fmt.Sprintf("工业园%d号", 1+g.r.IntN(300))
		o.supply = []string{"company_ships", "workshop_picks_up", "workshop_sources"}[g.r.weighted([]int{60, 30, 10})]
		o.deposit = market.DepositTerms{Kind: market.DepositNone}
		if o.supply != "workshop_sources" {
			o.material, o.lossBP = p.material, int(g.r.between(0, 3))*100
			switch g.r.weighted([]int{40, 15, 30, 15}) {
			case 1:
				o.deposit = market.DepositTerms{Kind: market.DepositFixed, Amount: min(o.qty*o.material/4, g.r.between(100, 500)*100)}
			case 2:
				o.deposit = market.DepositTerms{Kind: market.DepositPerUnit, Amount: max(1, o.material/4)}
			case 3:
				o.deposit = market.DepositTerms{Kind: market.DepositPercentOfMaterial, RateBP: int(g.r.between(5, 30)) * 100}
			}
			o.deposit.Waivable = o.deposit.Kind != market.DepositNone && g.r.chance(60)
		}
		switch st {
		case "published", "suspended":
			o.created = g.ago(20)
			o.bidDeadline = g.base.Add(time.Duration(g.r.between(2, 30)) * 24 * time.Hour)
		case "awarded", "expired", "cancelled":
			o.created = g.base.Add(-time.Duration(g.r.between(30, 540)) * 24 * time.Hour).Add(-time.Duration(g.r.IntN(86400)) * time.Second)
			o.bidDeadline = o.created.Add(time.Duration(g.r.between(7, 21)) * 24 * time.Hour)
		default:
			o.created = g.ago(10)
			o.bidDeadline = g.base.Add(time.Duration(g.r.between(10, 40)) * 24 * time.Hour)
		}
		o.due = o.bidDeadline.Add(time.Duration(g.r.between(20, 60)) * 24 * time.Hour)
		o.remaining = o.qty
		g.bids(o, workshops[craft])
		if err := g.addOrder(o, p); err != nil {
			return err
		}
		if i > 0 && i%20000 == 0 {
			progress("generated %d orders", i)
		}
	}
	return nil
}

func (g *gen) addOrder(o *order, p product) error {
	hourly, minWage, below, err := market.BelowMinimumWage(o.price, o.minutes, o.district.code)
	if err != nil {
		return err
	}
	var minHourly any
	if minWage.HourlyFen > 0 {
		minHourly = minWage.HourlyFen
	}
	status, reason, why := o.status, any(nil), ""
	var submitted, published any
	switch o.status {
	case "awarded", "expired", "cancelled":
		status, reason = "closed", o.status
	case "rejected":
		why = "请补充材料损耗说明和验收标准"
	case "suspended":
		why = "收到举报，核实中"
	}
	if o.status != "draft" {
		submitted = o.created.Add(time.Hour)
	}
	if o.status == "published" || o.status == "suspended" || status == "closed" {
		published = o.created.Add(5 * time.Hour)
	}
	desc := fmt.Sprintf(pick(g.r, descOpeners), o.minutes) + descSupply[o.supply] + pick(g.r, descClosers)
	lat, lng := g.near(o.district)
	g.t["orders"].add(o.id, o.company, status, reason, o.title, desc, o.craft, p.tags, o.qty, o.remaining, o.price, "CNY", o.minBid,
		o.bidDeadline, o.due, o.district.code, o.address, lat, lng, o.minutes, o.supply, o.material, o.lossBP, o.deposit.Kind,
		o.deposit.Amount, o.deposit.RateBP, o.deposit.Waivable, o.criteria, o.maxDefect, o.inspect, o.rework, hourly, minHourly, below,
		why, submitted, published, o.created, updatedAt(o.created.Add(5*time.Hour), g.base))
	return nil
}

// bids places the order's bids; awarded ones become contracts.
func (g *gen) bids(o *order, pool []org) {
	if len(pool) == 0 || o.status == "draft" || o.status == "pending_review" || o.status == "rejected" {
		return
	}
	n := int(g.r.between(0, 4))
	if o.status == "awarded" {
		n = max(n, 1)
	}
	seen := map[[16]byte]bool{}
	var awards int
	if o.status == "awarded" {
		awards = 1
		if o.qty >= 2*o.minBid && n >= 2 && g.r.chance(40) {
			awards = 2
		}
	} else if o.status == "published" && n > 0 && g.r.chance(25) {
		awards = 1
	}
	left := o.qty
	for k := range n {
		w := pick(g.r, pool)
		for try := 0; seen[w.id] && try < 8; try++ {
			w = pick(g.r, pool)
		}
		if seen[w.id] {
			continue
		}
		seen[w.id] = true
		at := o.created.Add(time.Duration(g.r.between(6, 72)) * time.Hour)
		qty := o.qty
		if k < awards {
			if awards == 2 && k == 0 {
				qty = o.qty / 2 / 100 * 100
			} else {
				qty = left
			}
			if o.status == "published" {
				qty = max(o.minBid, o.qty/2/100*100)
			}
			if g.contract(o, w, qty, at) {
				left -= qty
			}
			continue
		}
		status, decided := "submitted", any(nil)
		switch o.status {
		case "awarded":
			status, decided = "rejected", at.Add(72*time.Hour)
		case "expired":
			status, decided = "expired", o.bidDeadline.Add(14*24*time.Hour)
		case "cancelled":
			status, decided = "withdrawn", at.Add(24*time.Hour)
		}
		reason := ""
		if status == "rejected" {
			reason = "已选定其他工坊"
		}
		g.t["bids"].add(g.r.uuid(), o.id, w.id, status, reason, max(o.minBid, min(o.qty, g.r.between(1, 4)*o.qty/4)), o.price,
			o.due.Add(-72*time.Hour), int(g.r.between(5, 60)), "社区居民多为宝妈和老人，可按期交付。", w.user, at, at, decided)
	}
	o.remaining = left
	if o.status == "awarded" && left > 0 {
		o.status = "expired" // the bidding closed with part of the order awarded
	}
}

// updatedAt is an order's last change, never after the generated "now": an
// order changed later would look changed during the reindex that follows
// the load, and be synced again one by one (1 % of the orders).
func updatedAt(t, now time.Time) time.Time {
	if t.After(now) {
		return now
	}
	return t
}

package scale

import (
	"fmt"
	"math"
	"time"

	"github.com/google/uuid"

	"doorstep/server/market"
)

// Options say how big a marketplace to make.
type Options struct {
	N    int       // orders; N/10 workshops, N/20 companies
	Seed uint64    // same seed and Base, same rows
	Base time.Time // "now" of the generated world (deadlines, ages)
}

// Data is a generated marketplace: tables in foreign-key order.
type Data struct {
	Tables []*table
	Counts map[string]int
}

type district struct {
	code string
	at   market.Point
}

type org struct {
	id, user uuid.UUID
	district district
	name     string
	crafts   []string
	verified bool
	guar     bool
}

type order struct {
	id, company uuid.UUID
	title       string
	craft       string
	status      string
	qty, price  int64
	minBid      int64
	minutes     int
	material    int64
	supply      string
	lossBP      int
	deposit     market.DepositTerms
	criteria    string
	maxDefect   int
	inspect     int
	rework      int
	district    district
	address     string
	created     time.Time
	bidDeadline time.Time
	due         time.Time
	remaining   int64
}

type gen struct {
	r         rng
	base      time.Time
	districts [][]district // by province
	companies []org
	workshops []org
	residents map[uuid.UUID][]uuid.UUID
	resNames  map[uuid.UUID]string
	t         map[string]*table
	order     []string
	ledger    *ledger
	refSeq    int
}

func (g *gen) tab(name string, identity bool, cols ...string) *table {
	t := &table{name: name, cols: cols, identity: identity}
	g.t[name] = t
	g.order = append(g.order, name)
	return t
}

// Generate builds the marketplace in memory. It does no I/O.
func Generate(o Options) (*Data, error) {
	if o.N < 20 {
		return nil, fmt.Errorf("seed --scale needs at least 20 orders, not %d", o.N)
	}
	g := &gen{r: newRNG(o.Seed), base: o.Base.UTC().Truncate(time.Hour), t: map[string]*table{},
		residents: map[uuid.UUID][]uuid.UUID{}, resNames: map[uuid.UUID]string{}}
	g.ledger = newLedger()
	g.tab("orgs", false, "id", "kind", "name", "region_code", "address", "verified_at", "community_guarantee", "credit_code",
		"contact_name", "contact_phone", "host", "lat", "lng", "crafts", "headcount", "weekly_capacity", "created_at", "updated_at")
	g.tab("users", false, "id", "email", "password_hash", "name", "phone", "created_at", "updated_at")
	g.tab("memberships", false, "user_id", "org_id", "role", "created_at")
	g.tab("residents", false, "id", "workshop_id", "name", "phone", "crafts", "joined_on", "active", "created_at", "updated_at")
	g.tab("orders", false, "id", "company_id", "status", "close_reason", "title", "description", "craft", "tags", "quantity",
		"remaining_quantity", "unit_price", "currency", "min_bid_quantity", "bidding_deadline", "delivery_deadline", "region_code",
		"address", "lat", "lng", "minutes_per_piece", "material_supply", "material_value_per_unit", "allowed_loss_bp", "deposit_kind",
		"deposit_amount", "deposit_rate_bp", "deposit_waivable", "quality_criteria", "max_defect_bp", "inspection_days", "rework_rounds",
		"hourly_equivalent", "min_hourly_wage", "below_minimum_wage", "status_reason", "submitted_at", "published_at", "created_at", "updated_at")
	g.tab("bids", false, "id", "order_id", "workshop_id", "status", "status_reason", "quantity", "unit_price", "delivery_date",
		"headcount", "message", "created_by", "created_at", "updated_at", "decided_at")
	g.contractTables()
	g.loadDistricts()
	g.orgs(max(2, o.N/20), max(4, o.N/10))
	if err := g.orders(o.N); err != nil {
		return nil, err
	}
	g.ledger.tables(g)
	d := &Data{Counts: map[string]int{}}
	for _, name := range g.order {
		d.Tables = append(d.Tables, g.t[name])
		d.Counts[name] = len(g.t[name].rows)
	}
	return d, nil
}

// loadDistricts groups every district (level 3) with a known centre by
// province, so that orders and workshops spread over all provinces.
func (g *gen) loadDistricts() {
	for _, p := range market.RegionTree() {
		var ds []district
		var walk func(n market.RegionNode)
		walk = func(n market.RegionNode) {
			if len(n.Children) == 0 && len(n.Code) == 6 && n.Code[4:] != "00" {
				if at, ok := market.RegionCentre(n.Code); ok {
					ds = append(ds, district{n.Code, at})
				}
			}
			for _, c := range n.Children {
				walk(c)
			}
		}
		walk(p)
		if len(ds) > 0 {
			g.districts = append(g.districts, ds)
		}
	}
}

func (g *gen) district() district { return pick(g.r, pick(g.r, g.districts)) }

// near is a point within about 5 km of a district's centre.
func (g *gen) near(d district) (float64, float64) {
	lat := d.at.Lat + (g.r.Float64()-0.5)*0.08
	lng := d.at.Lng + (g.r.Float64()-0.5)*0.08/math.Max(0.3, math.Cos(d.at.Lat*math.Pi/180))
	return math.Round(lat*1e5) / 1e5, math.Round(lng*1e5) / 1e5
}

func (g *gen) ago(maxDays int) time.Time {
	return g.base.Add(-time.Duration(g.r.Int64N(int64(maxDays)*24*3600)) * time.Second)
}

func (g *gen) person() string { return pick(g.r, surnames) + pick(g.r, givenNames) }

func (g *gen) phone(i int) string { return fmt.Sprintf("1%02d%08d", 30+g.r.IntN(60), i) }

const creditChars = "0123456789ABCDEFGHJKLMNPQRTUWXY"

func creditCode(region string, i int) string {
	b := []byte("91" + region + "MA" + "0000000")
	for k := 16; k >= 10; k-- {
		b[k] = creditChars[i%len(creditChars)]
		i /= len(creditChars)
	}
	return market.MakeCreditCode(string(b))
}

// Email is the login of the i-th generated company or workshop owner.
func Email(kind string, i int) string { return fmt.Sprintf("%s%05d@scale.doorstep.cn", kind[:1], i) }

func (g *gen) orgs(nc, nw int) {
	crafts := market.Crafts()
	for i := range nc + nw {
		company := i < nc
		o := org{id: g.r.uuid(), user: g.r.uuid(), district: g.district(), verified: g.r.chance(88)}
		created := g.ago(730)
		name := market.RegionFullName(o.district.code)
		place := []rune(name)
		var verifiedAt any
		if o.verified {
			verifiedAt = created.Add(48 * time.Hour)
		}
		lat, lng := g.near(o.district)
		email, person := "", g.person()
		if company {
			o.name = fmt.Sprintf("%s%s%s", string(place[max(0, len(place)-3):]), pick(g.r, companyWords), pick(g.r, companyKinds))
			g.t["orgs"].add(o.id, "company", o.name, o.district.code, name+fmt.Sprintf("工业园%d号", 1+g.r.IntN(300)), verifiedAt, false,
				creditCode(o.district.code, i), person, fmt.Sprintf("0%03d-%08d", 100+g.r.IntN(900), 10000000+i), nil, nil, nil, []string{}, nil, nil, created, created)
			g.companies = append(g.companies, o)
			email = Email("company", i)
		} else {
			j := i - nc
			community := pick(g.r, communityWords)
			o.guar = o.verified && g.r.chance(45)
			n := 1 + g.r.IntN(3)
			for _, k := range g.r.Perm(len(crafts) - 1)[:n] {
				o.crafts = append(o.crafts, crafts[k].Code)
			}
			o.name = fmt.Sprintf("%s社区%s%d", community, pick(g.r, workshopKinds), j)
			head := int(g.r.between(12, 400))
			g.t["orgs"].add(o.id, "workshop", o.name, o.district.code, name+community+"社区党群服务中心", verifiedAt, o.guar,
				nil, nil, nil, community+"社区"+pick(g.r, hostKinds), lat, lng, o.crafts, head, head*int(g.r.between(20, 80)), created, created)
			g.workshops = append(g.workshops, o)
			email = Email("workshop", j)
			g.roster(o, created)
		}
		g.t["users"].add(o.user, email, "", person, g.phone(i), created, created)
		g.t["memberships"].add(o.user, o.id, "owner", created)
	}
}

// roster gives a workshop its residents (4 to 20).
func (g *gen) roster(o org, since time.Time) {
	n := int(g.r.between(4, 20))
	for k := range n {
		id := g.r.uuid()
		name := g.person()
		joined := since.Add(time.Duration(g.r.IntN(200)) * 24 * time.Hour)
		if joined.After(g.base) {
			joined = since
		}
		g.t["residents"].add(id, o.id, name, g.phone(k), []string{pick(g.r, o.crafts)}, joined, g.r.chance(92), joined, joined)
		g.residents[o.id] = append(g.residents[o.id], id)
		g.resNames[id] = name
	}
}

package main

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"sync"
	"time"

	"github.com/jackc/pgx/v5/pgxpool"
)

// account is a signed-in user the scenarios act as.
type account struct {
	email, token, org string
	lat, lng          float64
	crafts            []string
}

type orderRef struct {
	id, company, craft string
	lat, lng           float64
	minBid, remaining  int64
	price              int64
	due                time.Time
}

// fixtures are what the scenarios need from the seeded database: accounts,
// and ids in the right state for each write (each used once).
type fixtures struct {
	workshops, companies []*account
	moderator, finance   *account
	published            []orderRef
	companyOrders        map[string][]string // company org → its published orders (compare bids)
	companyContracts     map[string][]string
	pools                map[string]*pool // write work: awards, funding, deliveries, inspections, approvals, confirmations
}

// pool is a queue of (account, id, n) items for one kind of write.
type pool struct {
	mu    sync.Mutex
	items []item
}

type item struct {
	as *account
	id string
	n  int64
}

func (p *pool) push(it item) { p.mu.Lock(); p.items = append(p.items, it); p.mu.Unlock() }

func (p *pool) pop() (item, bool) {
	p.mu.Lock()
	defer p.mu.Unlock()
	if len(p.items) == 0 {
		return item{}, false
	}
	it := p.items[len(p.items)-1]
	p.items = p.items[:len(p.items)-1]
	return it, true
}

func (p *pool) len() int { p.mu.Lock(); defer p.mu.Unlock(); return len(p.items) }

func login(base, email, password string) (string, error) {
	b, _ := json.Marshal(map[string]string{"email": email, "password": password})
	resp, err := http.Post(base+"/api/v1/auth/login", "application/json", bytes.NewReader(b))
	if err != nil {
		return "", err
	}
	defer resp.Body.Close()
	var out struct {
		Token string `json:"token"`
	}
	if err := json.NewDecoder(resp.Body).Decode(&out); err != nil || resp.StatusCode != 200 || out.Token == "" {
		return "", fmt.Errorf("login %s: %d %v", email, resp.StatusCode, err)
	}
	return out.Token, nil
}

// loadFixtures picks accounts (workshops with work in progress and others,
// companies with bids to compare) and signs them in through the API.
func loadFixtures(ctx context.Context, db *pgxpool.Pool, base, password string, nWorkshops, nCompanies int) (*fixtures, error) {
	f := &fixtures{companyOrders: map[string][]string{}, companyContracts: map[string][]string{}, pools: map[string]*pool{}}
	for _, k := range []string{"award", "fund", "confirm", "deliver", "inspect", "approve"} {
		f.pools[k] = &pool{}
	}
	byOrg := map[string]*account{}
	rows, err := db.Query(ctx, `
(SELECT u.email, o.id::text, o.lat, o.lng, o.crafts FROM orgs o JOIN memberships m ON m.org_id = o.id JOIN users u ON u.id = m.user_id
 WHERE o.kind = 'workshop' AND o.verified_at IS NOT NULL AND EXISTS (SELECT 1 FROM contracts k WHERE k.workshop_id = o.id AND k.status = 'in_production' AND k.received_units > k.delivered_units)
 ORDER BY o.id LIMIT $1)
UNION
(SELECT u.email, o.id::text, o.lat, o.lng, o.crafts FROM orgs o JOIN memberships m ON m.org_id = o.id JOIN users u ON u.id = m.user_id
 WHERE o.kind = 'workshop' AND o.verified_at IS NOT NULL ORDER BY o.created_at DESC LIMIT $1)`, nWorkshops/2)
	if err != nil {
		return nil, err
	}
	for rows.Next() {
		a := &account{}
		if err := rows.Scan(&a.email, &a.org, &a.lat, &a.lng, &a.crafts); err != nil {
			return nil, err
		}
		f.workshops = append(f.workshops, a)
		byOrg[a.org] = a
	}
	rows, err = db.Query(ctx, `
SELECT u.email, o.id::text FROM orgs o JOIN memberships m ON m.org_id = o.id JOIN users u ON u.id = m.user_id
WHERE o.kind = 'company' AND o.verified_at IS NOT NULL
ORDER BY (SELECT count(*) FROM orders x JOIN bids b ON b.order_id = x.id WHERE x.company_id = o.id AND x.status = 'published' AND b.status = 'submitted') DESC, o.id
LIMIT $1`, nCompanies)
	if err != nil {
		return nil, err
	}
	for rows.Next() {
		a := &account{}
		if err := rows.Scan(&a.email, &a.org); err != nil {
			return nil, err
		}
		f.companies = append(f.companies, a)
		byOrg[a.org] = a
	}
	if rows.Err() != nil {
		return nil, rows.Err()
	}
	f.moderator, f.finance = &account{email: "moderator@scale.doorstep.cn"}, &account{email: "finance@scale.doorstep.cn"}
	all := append(append([]*account{f.moderator, f.finance}, f.workshops...), f.companies...)
	for _, a := range all {
		if a.token, err = login(base, a.email, password); err != nil {
			return nil, err
		}
	}
	orgIDs := make([]string, 0, len(byOrg))
	for id := range byOrg {
		orgIDs = append(orgIDs, id)
	}
	// Published orders (anonymous pages, bidding) of companies the run does
	// not sign in: the signed-in ones award theirs during the run, and a
	// fully awarded order leaves the public pages (404, rightly).
	rows, err = db.Query(ctx, `SELECT id::text, company_id::text, craft, lat, lng, min_bid_quantity, remaining_quantity, unit_price, delivery_deadline
FROM orders WHERE status = 'published' AND bidding_deadline > now() + interval '1 day' AND company_id::text <> ALL($1)
ORDER BY md5(id::text) LIMIT 20000`, orgIDs)
	if err != nil {
		return nil, err
	}
	for rows.Next() {
		var o orderRef
		if err := rows.Scan(&o.id, &o.company, &o.craft, &o.lat, &o.lng, &o.minBid, &o.remaining, &o.price, &o.due); err != nil {
			return nil, err
		}
		f.published = append(f.published, o)
	}
	// Work to do for the signed-in organisations, one item per id.
	queries := []struct{ pool, sql string }{
		{"award", `SELECT DISTINCT ON (b.order_id) x.company_id::text, b.id::text, 0 FROM bids b JOIN orders x ON x.id = b.order_id
			JOIN orgs w ON w.id = b.workshop_id
			WHERE b.status = 'submitted' AND x.status = 'published' AND b.quantity <= x.remaining_quantity AND w.verified_at IS NOT NULL
			AND x.company_id::text = ANY($1) ORDER BY b.order_id, b.created_at`},
		{"fund", `SELECT company_id::text, id::text, 0 FROM contracts WHERE status = 'awaiting_funding' AND company_id::text = ANY($1)`},
		{"deliver", `SELECT workshop_id::text, id::text, (received_units - delivered_units) / 2 FROM contracts
			WHERE status = 'in_production' AND received_units - delivered_units >= 2 AND workshop_id::text = ANY($1)`},
		{"inspect", `SELECT k.company_id::text, d.id::text, d.quantity FROM deliveries d JOIN contracts k ON k.id = d.contract_id
			WHERE d.status = 'submitted' AND k.company_id::text = ANY($1)`},
		{"approve", `SELECT '', id::text, 0 FROM orders WHERE status = 'pending_review' AND $1::text[] IS NOT NULL ORDER BY submitted_at`},
		{"orders", `SELECT company_id::text, id::text, 0 FROM orders WHERE status = 'published' AND company_id::text = ANY($1)`},
		{"contracts", `SELECT company_id::text, id::text, 0 FROM contracts WHERE company_id::text = ANY($1)`},
	}
	for _, q := range queries {
		rows, err := db.Query(ctx, q.sql, orgIDs)
		if err != nil {
			return nil, fmt.Errorf("%s: %w", q.pool, err)
		}
		for rows.Next() {
			var org, id string
			var n int64
			if err := rows.Scan(&org, &id, &n); err != nil {
				return nil, err
			}
			switch q.pool {
			case "orders":
				f.companyOrders[org] = append(f.companyOrders[org], id)
			case "contracts":
				f.companyContracts[org] = append(f.companyContracts[org], id)
			case "approve":
				f.pools[q.pool].push(item{as: f.moderator, id: id})
			default:
				f.pools[q.pool].push(item{as: byOrg[org], id: id, n: n})
			}
		}
		if rows.Err() != nil {
			return nil, rows.Err()
		}
	}
	return f, nil
}

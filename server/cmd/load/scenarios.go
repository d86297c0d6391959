package main

import (
	"encoding/json"
	"fmt"
	"math/rand/v2"
	"net/http"
	"net/url"
	"slices"
	"strings"
	"sync"
	"time"

	vegeta "github.com/tsenart/vegeta/v12/lib"
)

// scenario is one kind of request of a marketplace day. weight is per
// 1,000 requests; a write whose pool of work is empty falls back to an
// order page.
type scenario struct {
	name   string
	weight int
	write  bool
	make   func(m *mix, t *vegeta.Target) bool
}

// Realistic proportions: most traffic is people looking (anonymous
// search and order pages, coordinators searching near them), about one
// request in ten changes something.
var scenarios = []scenario{
	{"search_anonymous", 280, false, (*mix).searchAnon},
	{"order_page", 200, false, (*mix).orderPage},
	{"search_near_me", 130, false, (*mix).searchNear},
	{"my_bids", 40, false, (*mix).myBids},
	{"unread_count", 60, false, (*mix).unread},
	{"compare_bids", 60, false, (*mix).compareBids},
	{"contract_page", 50, false, (*mix).contractPage},
	{"find_workshops", 40, false, (*mix).findWorkshops},
	{"moderation_queue", 20, false, (*mix).moderationQueue},
	{"me", 20, false, (*mix).me},
	{"bid", 40, true, (*mix).bid},
	{"award", 12, true, (*mix).award},
	{"fund", 12, true, (*mix).fund},
	{"confirm_transfer", 12, true, (*mix).confirm},
	{"deliver", 10, true, (*mix).deliver},
	{"inspect", 10, true, (*mix).inspect},
	{"approve_order", 6, true, (*mix).approve},
}

var words = []string{"网兜", "串珠", "剪纸", "十字绣", "粘钻", "发夹", "编织", "包装", "礼盒", "手链", "香囊", "组装", "圆珠笔", "中国结", "窗花",
	"手绘", "收纳", "挂件", "居家可做", "布鞋", "钥匙扣", "编织网兜", "串珠手链", "礼品盒折叠"}
var crafts = []string{"weaving", "beading", "paper_cutting", "embroidery", "rhinestone", "painting", "assembly", "packaging", "sewing"}

// mix makes targets and follows chains: an award's contract is funded, a
// funding's payment is confirmed by finance, a delivery is inspected.
type mix struct {
	base  string
	f     *fixtures
	mu    sync.Mutex
	r     *rand.Rand
	total int
	bidOn map[string]bool
	// scenarios are the mix in use (all, or the -only ones)
	scenarios []scenario
	pending   sync.Map // method+URL of a chained write → the account that made it
}

func newMix(base string, f *fixtures, seed uint64, only []string) *mix {
	m := &mix{base: base, f: f, r: rand.New(rand.NewPCG(seed, 17)), bidOn: map[string]bool{}}
	if len(only) > 0 { // a write-path run: only the named scenarios, equally
		var kept []scenario
		for _, s := range scenarios {
			if slices.Contains(only, s.name) {
				s.weight = 1
				kept = append(kept, s)
			}
		}
		m.scenarios = kept
	} else {
		m.scenarios = scenarios
	}
	for _, s := range m.scenarios {
		m.total += s.weight
	}
	return m
}

func (m *mix) intn(n int) int { return m.r.IntN(n) }

// targeter is vegeta's source of requests.
func (m *mix) targeter() vegeta.Targeter {
	return func(t *vegeta.Target) error {
		m.mu.Lock()
		defer m.mu.Unlock()
		*t = vegeta.Target{Header: http.Header{}}
		n := m.intn(m.total)
		for _, s := range m.scenarios {
			if n < s.weight {
				if !s.make(m, t) {
					m.orderPage(t)
				}
				return nil
			}
			n -= s.weight
		}
		m.orderPage(t)
		return nil
	}
}

func (m *mix) get(t *vegeta.Target, as *account, path string, q url.Values) bool {
	t.Method, t.URL = "GET", m.base+path
	if len(q) > 0 {
		t.URL += "?" + q.Encode()
	}
	if as != nil {
		t.Header.Set("Authorization", "Bearer "+as.token)
	}
	return true
}

func (m *mix) post(t *vegeta.Target, as *account, path string, body any, chain bool) bool {
	t.Method, t.URL = "POST", m.base+path
	t.Header.Set("Authorization", "Bearer "+as.token)
	t.Header.Set("Content-Type", "application/json")
	t.Body, _ = json.Marshal(body)
	if chain {
		m.pending.Store(t.Method+t.URL, as)
	}
	return true
}

func (m *mix) order() orderRef { return m.f.published[m.intn(len(m.f.published))] }

func (m *mix) searchAnon(t *vegeta.Target) bool {
	q := url.Values{"q": {words[m.intn(len(words))]}}
	switch m.intn(4) {
	case 0:
		q.Set("craft", crafts[m.intn(len(crafts))])
	case 1:
		q.Set("sort", "newest")
	case 2:
		q.Set("page", fmt.Sprint(1+m.intn(3)))
	}
	return m.get(t, nil, "/api/v1/search/orders", q)
}

func (m *mix) orderPage(t *vegeta.Target) bool {
	return m.get(t, nil, "/api/v1/orders/"+m.order().id, nil)
}

func (m *mix) workshop() *account { return m.f.workshops[m.intn(len(m.f.workshops))] }
func (m *mix) company() *account  { return m.f.companies[m.intn(len(m.f.companies))] }

func (m *mix) searchNear(t *vegeta.Target) bool {
	w := m.workshop()
	q := url.Values{"near": {fmt.Sprintf("%.4f,%.4f", w.lat, w.lng)}, "radius_km": {fmt.Sprint([]int{30, 50, 100, 200}[m.intn(4)])},
		"sort": {"distance"}}
	if len(w.crafts) > 0 && m.intn(2) == 0 {
		q.Set("craft", w.crafts[m.intn(len(w.crafts))])
	}
	return m.get(t, w, "/api/v1/search/orders", q)
}

func (m *mix) myBids(t *vegeta.Target) bool {
	return m.get(t, m.workshop(), "/api/v1/bids", url.Values{"status": {"submitted"}})
}

func (m *mix) unread(t *vegeta.Target) bool {
	as := m.workshop()
	if m.intn(2) == 0 {
		as = m.company()
	}
	return m.get(t, as, "/api/v1/notifications/unread-count", nil)
}

func (m *mix) me(t *vegeta.Target) bool { return m.get(t, m.company(), "/api/v1/me", nil) }

func (m *mix) compareBids(t *vegeta.Target) bool {
	c := m.company()
	orders := m.f.companyOrders[c.org]
	if len(orders) == 0 {
		return false
	}
	return m.get(t, c, "/api/v1/orders/"+orders[m.intn(len(orders))]+"/bids", nil)
}

func (m *mix) contractPage(t *vegeta.Target) bool {
	c := m.company()
	ks := m.f.companyContracts[c.org]
	if len(ks) == 0 {
		return false
	}
	return m.get(t, c, "/api/v1/contracts/"+ks[m.intn(len(ks))], nil)
}

func (m *mix) findWorkshops(t *vegeta.Target) bool {
	o := m.order()
	q := url.Values{"craft": {o.craft}, "near": {fmt.Sprintf("%.4f,%.4f", o.lat, o.lng)}, "radius_km": {"100"}, "sort": {"distance"}}
	return m.get(t, m.company(), "/api/v1/search/workshops", q)
}

func (m *mix) moderationQueue(t *vegeta.Target) bool {
	return m.get(t, m.f.moderator, "/api/v1/moderation/orders", url.Values{"status": {"pending_review"}})
}

func (m *mix) bid(t *vegeta.Target) bool {
	w := m.workshop()
	for range 5 {
		o := m.order()
		key := w.org + o.id
		if m.bidOn[key] || o.company == "" {
			continue
		}
		m.bidOn[key] = true
		qty := o.minBid
		if o.remaining < qty {
			qty = o.remaining
		}
		return m.post(t, w, "/api/v1/orders/"+o.id+"/bids", map[string]any{"quantity": qty, "unit_price": o.price, "headcount": 12,
			"message": "社区有12位阿姨会这门手艺，可按期交付。", "delivery_date": o.due.Add(-48 * time.Hour).UTC().Format(time.RFC3339),
			"confirm_below_minimum_wage": true}, false)
	}
	return false
}

func (m *mix) award(t *vegeta.Target) bool {
	it, ok := m.f.pools["award"].pop()
	return ok && m.post(t, it.as, "/api/v1/bids/"+it.id+"/accept", map[string]any{"confirm_below_minimum_wage": true}, true)
}

func (m *mix) fund(t *vegeta.Target) bool {
	it, ok := m.f.pools["fund"].pop()
	return ok && m.post(t, it.as, "/api/v1/contracts/"+it.id+"/fund", map[string]any{}, true)
}

func (m *mix) confirm(t *vegeta.Target) bool {
	it, ok := m.f.pools["confirm"].pop()
	return ok && m.post(t, m.f.finance, "/api/v1/finance/payments/"+it.id+"/confirm",
		map[string]any{"amount_received": it.n, "bank_reference": "LOAD-" + it.id[:8]}, false)
}

func (m *mix) deliver(t *vegeta.Target) bool {
	it, ok := m.f.pools["deliver"].pop()
	return ok && it.n > 0 && m.post(t, it.as, "/api/v1/contracts/"+it.id+"/deliveries", map[string]any{"quantity": it.n, "note": "本批已完成，已装箱"}, false)
}

func (m *mix) inspect(t *vegeta.Target) bool {
	it, ok := m.f.pools["inspect"].pop()
	return ok && m.post(t, it.as, "/api/v1/deliveries/"+it.id+"/inspect", map[string]any{"accepted": it.n}, false)
}

func (m *mix) approve(t *vegeta.Target) bool {
	it, ok := m.f.pools["approve"].pop()
	return ok && m.post(t, m.f.moderator, "/api/v1/moderation/orders/"+it.id+"/approve", map[string]any{}, false)
}

// follow feeds a chained write's answer to the next step: a contract to
// fund, a payment to confirm.
func (m *mix) follow(r *vegeta.Result) {
	if r.Method != "POST" || (r.Code != 200 && r.Code != 201) {
		return
	}
	v, ok := m.pending.LoadAndDelete(r.Method + r.URL)
	if !ok {
		return
	}
	as := v.(*account)
	var body struct {
		ID     string `json:"id"`
		Amount int64  `json:"amount"`
		Status string `json:"status"`
	}
	if json.Unmarshal(r.Body, &body) != nil || body.ID == "" {
		return
	}
	switch {
	case strings.HasSuffix(r.URL, "/accept"):
		m.f.pools["fund"].push(item{as: as, id: body.ID})
	case strings.HasSuffix(r.URL, "/fund"):
		m.f.pools["confirm"].push(item{as: as, id: body.ID, n: body.Amount})
	}
}

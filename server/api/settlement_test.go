package api_test

import (
	"bytes"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"
)

// newSettledContract: 1,000 pieces sent, received, delivered and accepted,
// then settled by staff: ¥1,500 released, ¥45 commission, ¥1,455 to the
// workshop, the ¥200 deposit back.
func newSettledContract(t *testing.T) *contractFixture {
	f := newActiveContract(t)
	k := "/contracts/" + f.contractID
	d := f.post("owner", k+"/dispatches", map[string]any{"quantity": 1000, "method": "pickup"}, 201)
	f.post("workshop", "/dispatches/"+d.str("id")+"/receive", map[string]any{"quantity": 1000}, 200)
	del := f.post("workshop", k+"/deliveries", map[string]any{"quantity": 1000}, 201)
	f.post("owner", "/deliveries/"+del.str("id")+"/inspect", map[string]any{"accepted": 1000}, 200)
	f.post("finance", k+"/settle", nil, 200)
	return f
}

// sheetRows reads a spreadsheet's first sheet; name is that sheet's name.
func sheetRows(t testing.TB, raw string) (name string, rows [][]string) {
	t.Helper()
	x, err := excelize.OpenReader(bytes.NewReader([]byte(raw)))
	must(t, err)
	defer x.Close()
	name = x.GetSheetList()[0]
	rows, err = x.GetRows(name)
	must(t, err)
	return name, rows
}

// cellAfter is the cell right of the first cell holding label.
func cellAfter(rows [][]string, label string) string {
	for _, r := range rows {
		for i, c := range r {
			if c == label && i+1 < len(r) {
				return r[i+1]
			}
		}
	}
	return ""
}

// noteStarting checks a statement sheet's notes: each wanted start begins
// some note (column D), no note names a provider by its code ("manual DS-…"),
// and every dated line reads as the pages do (2026/12/15 or 15/12/2026).
func noteStarting(t testing.TB, rows [][]string, want ...string) {
	t.Helper()
	found := map[string]bool{}
	for _, r := range rows {
		if len(r) < 4 || !strings.Contains(r[0], ":") { // dated lines only: "2026/12/15 14:00"
			continue
		}
		if strings.Contains(r[0], "-") {
			t.Errorf("date %q is not written as the pages write it", r[0])
		}
		if strings.HasPrefix(r[3], "manual") || strings.HasPrefix(r[3], "stripe") {
			t.Errorf("note %q names the provider by its code", r[3])
		}
		for _, w := range want {
			found[w] = found[w] || strings.HasPrefix(r[3], w)
		}
	}
	for _, w := range want {
		if !found[w] {
			t.Errorf("no note starts with %q: %v", w, rows)
		}
	}
}

// settlementRoutes: a settled contract's statement (page and spreadsheet,
// in the caller's language), the two parties' ratings of each other (hidden
// until both rated), finance's settlements spreadsheet and staff's platform
// figures.
func settlementRoutes() routeTable {
	china := time.FixedZone("CST", 8*3600)
	rating := map[string]any{"a": 5, "b": 4, "c": 5, "comment": "网兜编得很结实，交期准时。"}
	return routeTable{name: "settlement", setup: func(t *testing.T) *world {
		f := newSettledContract(t)
		today := time.Now().In(china) // the day it was settled, China time
		return newWorld(f.fixture, map[string]string{"contract": f.contractID, "day": today.Format("2006/01/02"), "month": today.Format("2006-01"),
			"from": today.AddDate(0, 0, -1).Format(time.DateOnly), "to": today.AddDate(0, 0, 1).Format(time.DateOnly)})
	}, scenarios: []scenario{
		{method: "GET", url: "/api/v1/contracts/{contract}/statement", want: 401},
		{as: "other", method: "GET", url: "/api/v1/contracts/{contract}/statement", want: 404},
		{as: "workshop2", method: "GET", url: "/api/v1/contracts/{contract}/statement", want: 404},
		{as: "owner", method: "GET", url: "/api/v1/contracts/{contract}/statement", want: 200, fragments: []string{`"contract_id":"{contract}"`,
			`"status":"settled"`, `"accepted":1000`, `"released":150000`, `"commission":4500`, `"workshop_net":145500`, `"deposit_refunded":20000`,
			`"can_rate":true`, `"ratings":[]`}},
		{as: "moderator", method: "GET", url: "/api/v1/contracts/{contract}/statement", want: 200, fragments: []string{`"can_rate":false`}},
		{name: "notes are words in both languages, not provider codes", as: "workshop", method: "GET", url: "/api/v1/contracts/{contract}/statement",
			want: 200, fragments: []string{`"kind":"paid_escrow"`, `"note":{"zh":"银行转账 · 参考号 DS-`, `"en":"bank transfer · ref DS-`,
				`"kind":"dispatched","quantity":1000,"amount":0,"note":{"zh":"上门自提","en":"collected by the workshop"}`},
			check: func(w *world, r resp) {
				if strings.Contains(r.raw, `"manual `) || strings.Contains(r.raw, `"stripe `) || strings.Contains(r.raw, `"zh":"manual`) {
					w.t.Errorf("statement notes with provider codes: %s", r.raw)
				}
			}},

		{method: "GET", url: "/api/v1/contracts/{contract}/statement.xlsx", want: 401},
		{as: "workshop2", method: "GET", url: "/api/v1/contracts/{contract}/statement.xlsx", want: 404},
		{as: "owner", method: "GET", url: "/api/v1/contracts/{contract}/statement.xlsx", header: map[string]string{"Accept-Language": "zh-CN"}, want: 200,
			check: func(w *world, r resp) {
				if !strings.Contains(r.header.Get("Content-Disposition"), `filename="statement-`) {
					w.t.Errorf("not a download: %v", r.header)
				}
				name, rows := sheetRows(w.t, r.raw)
				noteStarting(w.t, rows, "银行转账 · 参考号 DS-", "上门自提")
				if name != "结算单" || rows[0][0] != "家门口 Doorstep — 结算单" || cellAfter(rows, "合同") != "编织网兜 5000 个" ||
					cellAfter(rows, "状态") != "已结算" || cellAfter(rows, "合格件数") != "1000" || cellAfter(rows, "工坊实得") != "1455.00" ||
					cellAfter(rows, "退还保证金") != "200.00" || cellAfter(rows, "平台服务费率") != "3.00%" || cellAfter(rows, "平台服务费（元）") != "45.00" {
					w.t.Errorf("statement sheet %q: %v", name, rows)
				}
			}},
		{as: "workshop", method: "GET", url: "/api/v1/contracts/{contract}/statement.xlsx", header: map[string]string{"Accept-Language": "en"}, want: 200,
			check: func(w *world, r resp) {
				name, rows := sheetRows(w.t, r.raw)
				noteStarting(w.t, rows, "bank transfer · ref DS-", "collected by the workshop")
				if name != "Statement" || cellAfter(rows, "Status") != "Settled" || cellAfter(rows, "Platform commission") != "3.00%" ||
					cellAfter(rows, "Platform commission (yuan)") != "45.00" || cellAfter(rows, "Workshop net") != "1455.00" {
					w.t.Errorf("statement sheet %q: %v", name, rows)
				}
			}},

		{method: "POST", url: "/api/v1/contracts/{contract}/ratings", body: rating, want: 401},
		{as: "other", method: "POST", url: "/api/v1/contracts/{contract}/ratings", body: rating, want: 404},
		{as: "owner", method: "POST", url: "/api/v1/contracts/{contract}/ratings", body: map[string]any{"a": 6, "b": 4, "c": 5}, want: 400,
			fragments: []string{`"a"`}},
		{as: "owner", method: "POST", url: "/api/v1/contracts/{contract}/ratings", body: rating, want: 201,
			fragments: []string{`"my_rating":{"by":"company","a":5,"b":4,"c":5`, `"can_rate":false`, `"ratings":[]`}},
		{as: "owner", method: "POST", url: "/api/v1/contracts/{contract}/ratings", body: rating, want: 409},
		{name: "the company's rating is hidden until the workshop rates", as: "workshop", method: "GET", url: "/api/v1/contracts/{contract}/statement",
			want: 200, fragments: []string{`"ratings":[]`, `"my_rating":null`, `"can_rate":true`}},
		{as: "workshop", method: "POST", url: "/api/v1/contracts/{contract}/ratings", body: map[string]any{"a": 5, "b": 5, "c": 3, "comment": "验收偏严"}, want: 201,
			fragments: []string{`"by":"company"`, `"网兜编得很结实，交期准时。"`, `"my_rating":{"by":"workshop"`}},
		{name: "both rated: each sees the other's", as: "member", method: "GET", url: "/api/v1/contracts/{contract}/statement", want: 200,
			fragments: []string{`"by":"workshop","a":5,"b":5,"c":3`, `"验收偏严"`}},

		{method: "GET", url: "/api/v1/finance/settlements.xlsx?from={from}&to={to}", want: 401},
		{as: "moderator", method: "GET", url: "/api/v1/finance/settlements.xlsx?from={from}&to={to}", want: 403},
		{as: "finance", method: "GET", url: "/api/v1/finance/settlements.xlsx?from={to}&to={from}", want: 400, fragments: []string{`"to"`}},
		{as: "finance", method: "GET", url: "/api/v1/finance/settlements.xlsx?from=yesterday&to={to}", want: 400, fragments: []string{`"from"`}},
		{as: "finance", method: "GET", url: "/api/v1/finance/settlements.xlsx?from={from}&to={to}", header: map[string]string{"Accept-Language": "zh-CN"},
			want: 200, check: func(w *world, r resp) {
				_, rows := sheetRows(w.t, r.raw)
				want := fmt.Sprint([]string{w.vars["day"], "编织网兜 5000 个", "滨州鑫源工艺品有限公司", "碧林花园社区微工厂", "1000", "0",
					"1700", "1500", "45", "1455", "0", "200", "0"})
				if len(rows) != 2 || rows[0][0] != "结算时间" || rows[0][8] != "平台服务费（元）" || fmt.Sprint(rows[1]) != want {
					w.t.Errorf("settlements sheet: %v, want the header and %v", rows, want)
				}
			}},
		{name: "a range before the settlement is empty", as: "admin", method: "GET", url: "/api/v1/finance/settlements.xlsx?from=2020-01-01&to=2020-02-01", want: 200,
			check: func(w *world, r resp) {
				if _, rows := sheetRows(w.t, r.raw); len(rows) != 1 {
					w.t.Errorf("settlements in 2020: %v", rows)
				}
			}},

		{method: "GET", url: "/api/v1/stats/platform", want: 401},
		{as: "owner", method: "GET", url: "/api/v1/stats/platform", want: 403},
		{as: "moderator", method: "GET", url: "/api/v1/stats/platform", want: 200,
			fragments: []string{`"contracts_settled":1`, `"contracts_open":0`, `"commission_earned":4500`, `"escrow_held":0`, `"deposits_held":0`,
				`"released_this_month":150000`, `"month":"{month}","funded":170000,"released":150000,"commission":4500`}},
	}}
}

package api_test

import (
	"net/url"
	"strings"
	"testing"
)

// TestSearchSynonymsByStaff: staff add, edit and delete synonym groups; the
// workshop search uses a change at once, and every change is audited.
func TestSearchSynonymsByStaff(t *testing.T) {
	e := newEnv(t)
	withWorkshopSync(t, e)
	const name = "碧林花园社区微工厂"
	w := e.registerWorkshop("bilin@example.cn")
	mod := e.staff("mod@doorstep.cn", "moderator")
	admin := e.staff("admin@doorstep.cn", "admin")
	e.eventuallyWorkshops(t, "q="+url.QueryEscape("微工厂"), hasNames(name))

	e.mustStatus(req{method: "GET", path: "/api/v1/synonyms"}, 401)
	e.mustStatus(req{method: "GET", path: "/api/v1/synonyms", token: w.token}, 403)
	e.mustStatus(req{method: "POST", path: "/api/v1/synonyms", token: w.token, body: map[string]any{"terms": []string{"a", "b"}, "note": "x"}}, 403)
	r := e.mustStatus(req{method: "GET", path: "/api/v1/synonyms", token: mod.token}, 200)
	if b, _ := r.field("builtin").([]any); len(b) < 30 || !strings.Contains(r.raw, `"网兜","网袋"`) || r.field("staff") == nil {
		t.Fatalf("built-in groups: %s", r.raw[:min(len(r.raw), 300)])
	}
	for _, bad := range []map[string]any{
		{"terms": []string{"微工厂"}, "note": "一个词不成组"},
		{"terms": []string{"微工厂", "微工厂"}, "note": "同一个词"},
		{"terms": []string{"微工厂", strings.Repeat("长", 21)}, "note": "太长"},
		{"terms": []string{"微工厂", "小作坊"}, "note": " "},
	} {
		field := "terms"
		if bad["note"] == " " {
			field = "note"
		}
		if r := e.mustStatus(req{method: "POST", path: "/api/v1/synonyms", token: mod.token, body: bad}, 400); r.field("error.fields."+field) == nil {
			t.Errorf("%v: %s", bad, r.raw)
		}
	}

	search := func(q string) resp {
		return e.mustStatus(req{method: "GET", path: "/api/v1/search/workshops?q=" + url.QueryEscape(q)}, 200)
	}
	if r := search("小作坊"); total(r) != 0 {
		t.Fatalf("before the synonym: %s", r.raw)
	}
	// Traditional characters are folded before saving, as the engines fold them.
	r = e.mustStatus(req{method: "POST", path: "/api/v1/synonyms", token: mod.token,
		body: map[string]any{"terms": []string{"微工厂", "小作坊", "微工廠"}, "note": "居民这样叫社区微工厂"}}, 201)
	id := r.str("id")
	if terms, _ := r.field("terms").([]any); len(terms) != 2 || r.field("builtin") != false {
		t.Errorf("created: %s", r.raw)
	}
	if got := hitNames(search("小作坊")); len(got) != 1 || got[0] != name {
		t.Errorf("小作坊 after the synonym: %v", got)
	}
	e.mustStatus(req{method: "PATCH", path: "/api/v1/synonyms/" + id, token: mod.token,
		body: map[string]any{"terms": []string{"微工厂", "家门口工厂"}, "note": "改名"}}, 200)
	if total(search("小作坊")) != 0 || search("家门口工厂").str("match") != "all" {
		t.Errorf("after the edit: 小作坊 %v, 家门口工厂 %v", total(search("小作坊")), total(search("家门口工厂")))
	}
	if r := e.mustStatus(req{method: "GET", path: "/api/v1/synonyms", token: mod.token}, 200); !strings.Contains(r.raw, "家门口工厂") {
		t.Errorf("list after the edit: %s", r.raw)
	}
	e.mustStatus(req{method: "DELETE", path: "/api/v1/synonyms/" + id, token: mod.token}, 204)
	e.mustStatus(req{method: "DELETE", path: "/api/v1/synonyms/" + id, token: mod.token}, 404)
	e.mustStatus(req{method: "PATCH", path: "/api/v1/synonyms/not-an-id", token: mod.token, body: map[string]any{}}, 404)
	if r := search("家门口工厂"); r.str("match") != "partial" { // 工厂 alone, a partial match
		t.Errorf("the deleted synonym still applies: %s", r.raw)
	}
	audit := e.mustStatus(req{method: "GET", path: "/api/v1/audit", token: admin.token}, 200).raw
	for _, action := range []string{"synonyms.create", "synonyms.update", "synonyms.delete"} {
		if !strings.Contains(audit, action) {
			t.Errorf("audit lacks %s", action)
		}
	}
}

// TestSearchSaysHowItMatched: the words searched for, a partial match when
// no workshop has every word, and an exact total.
func TestSearchSaysHowItMatched(t *testing.T) {
	e := newEnv(t)
	withWorkshopSync(t, e)
	e.registerWorkshop("bilin@example.cn")
	e.eventuallyWorkshops(t, "q="+url.QueryEscape("碧林"), hasNames("碧林花园社区微工厂"))
	r := e.mustStatus(req{method: "GET", path: "/api/v1/search/workshops?q=" + url.QueryEscape("微工廠 上海")}, 200)
	if r.str("match") != "partial" || total(r) != 1 || r.field("total_exact") != true ||
		!strings.Contains(r.raw, `"words":["微","工厂","上海"]`) || !strings.Contains(r.raw, `"matched_words":["微","工厂"]`) {
		t.Errorf("partial: %s", r.raw)
	}
	r = e.mustStatus(req{method: "GET", path: "/api/v1/search/workshops?q=" + url.QueryEscape("社区微工厂")}, 200)
	if r.str("match") != "all" || total(r) != 1 || !strings.Contains(r.raw, `"matched_words":["社区","微","工厂"]`) {
		t.Errorf("all: %s", r.raw)
	}
	r = e.mustStatus(req{method: "GET", path: "/api/v1/openapi.json"}, 200)
	for _, schema := range []string{"SearchOrdersResponse", "SearchWorkshopsResponse"} {
		props, _ := r.field("components.schemas." + schema + ".properties").(map[string]any)
		for _, p := range []string{"total_exact", "match", "words", "matched_words"} {
			if props[p] == nil {
				t.Errorf("%s lacks %s in the OpenAPI document", schema, p)
			}
		}
	}
}

// synonymsRoutes: staff keep the search synonym groups.
func synonymsRoutes() routeTable {
	group := map[string]any{"terms": []string{"微工厂", "小作坊"}, "note": "居民这样叫社区微工厂"}
	return routeTable{name: "synonyms", scenarios: []scenario{
		{method: "GET", url: "/api/v1/synonyms", want: 401},
		{as: "owner", method: "GET", url: "/api/v1/synonyms", want: 403},
		{as: "moderator", method: "GET", url: "/api/v1/synonyms", want: 200, fragments: []string{`"builtin"`, `"网兜","网袋"`}},
		{method: "POST", url: "/api/v1/synonyms", body: group, want: 401},
		{as: "workshop", method: "POST", url: "/api/v1/synonyms", body: group, want: 403},
		{as: "moderator", method: "POST", url: "/api/v1/synonyms", body: map[string]any{"terms": []string{"微工厂"}, "note": "一个词不成组"}, want: 400,
			fragments: []string{`"terms"`}},
		{as: "moderator", method: "POST", url: "/api/v1/synonyms", body: group, want: 201, fragments: []string{`"小作坊"`, `"builtin":false`},
			save: map[string]string{"syn": "id"}},
		{method: "PATCH", url: "/api/v1/synonyms/{syn}", body: group, want: 401},
		{as: "owner", method: "PATCH", url: "/api/v1/synonyms/{syn}", body: group, want: 403},
		{as: "moderator", method: "PATCH", url: "/api/v1/synonyms/{nil}", body: group, want: 404},
		{as: "moderator", method: "PATCH", url: "/api/v1/synonyms/{syn}", body: map[string]any{"terms": []string{"微工厂", "家门口工厂"}, "note": "改名"},
			want: 200, fragments: []string{`"家门口工厂"`}, absent: []string{`"小作坊"`}},
		{method: "DELETE", url: "/api/v1/synonyms/{syn}", want: 401},
		{as: "workshop", method: "DELETE", url: "/api/v1/synonyms/{syn}", want: 403},
		{as: "moderator", method: "DELETE", url: "/api/v1/synonyms/{syn}", want: 204},
		{as: "moderator", method: "DELETE", url: "/api/v1/synonyms/{syn}", want: 404},
	}}
}

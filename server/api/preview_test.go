package api_test

import (
	"strings"
	"testing"
)

// TestPreviewNamesTheWrongTerm: the order form's live preview gets, for a
// deposit above what the materials are worth, a message naming the limit
// (so the form can say what to change instead of going blank).
func TestPreviewNamesTheWrongTerm(t *testing.T) {
	e := newEnv(t)
	co := e.registerCompany("preview@example.com")
	terms := map[string]any{"quantity": 5000, "unit_price": 150, "minutes_per_piece": 6, "region_code": "371602",
		"materials": map[string]any{"supply": "company_ships", "value_per_unit": 80, "allowed_loss_bp": 200}}
	for _, c := range []struct {
		deposit map[string]any
		want    string
	}{
		{map[string]any{"kind": "fixed", "amount": 500000}, "¥4000.00（5000 件 × ¥0.80）"},
		{map[string]any{"kind": "per_unit", "amount": 100}, "¥0.80"},
	} {
		body := clone(terms)
		body["deposit"] = c.deposit
		r := e.mustStatus(req{method: "POST", path: "/api/v1/orders/preview", token: co.token, body: body,
			header: map[string]string{"Accept-Language": "zh-CN"}}, 200)
		msg := r.str("error.fields")
		if f, ok := r.field("fields").(map[string]any); ok {
			msg, _ = f["deposit.amount"].(string)
		}
		if !strings.Contains(msg, c.want) || r.field("quote") != nil {
			t.Errorf("deposit %v: fields %v, quote %v; want deposit.amount naming %q", c.deposit, r.field("fields"), r.field("quote"), c.want)
		}
	}
}

package api_test

import "testing"

// TestDepositTermsOutOfRange: a deposit's rate or amount the database
// cannot hold — a rate outside 0–10,000 on any kind (−2⁶³ would be cut to
// 0, 2³²+50 to 50), a negative amount — is 400 naming the field on create
// and edit, and the order form's preview flags it instead of quoting,
// whatever the deposit kind.
func TestDepositTermsOutOfRange(t *testing.T) {
	t.Parallel()
	f := newOrderFixture(t)
	tok := f.as["owner"].token
	for _, c := range []struct {
		deposit map[string]any
		field   string
	}{
		{map[string]any{"kind": "fixed", "amount": 1000, "rate_bp": 10001}, "deposit.rate_bp"},
		{map[string]any{"kind": "per_unit", "amount": 20, "rate_bp": -1}, "deposit.rate_bp"},
		{map[string]any{"kind": "none", "rate_bp": int64(-1 << 63)}, "deposit.rate_bp"},
		{map[string]any{"kind": "fixed", "amount": 1000, "rate_bp": int64(1<<32 + 50)}, "deposit.rate_bp"},
		{map[string]any{"kind": "percent_of_material", "rate_bp": int64(1<<32 + 50)}, "deposit.rate_bp"},
		{map[string]any{"kind": "percent_of_material", "rate_bp": 500, "amount": -5}, "deposit.amount"},
		{map[string]any{"kind": "none", "amount": int64(-1 << 63)}, "deposit.amount"},
	} {
		body := orderBody()
		body["deposit"] = c.deposit
		zh := map[string]string{"Accept-Language": "zh-CN"}
		for _, r := range []req{
			{method: "POST", path: "/api/v1/orders", token: tok, body: body, header: zh},
			{method: "PATCH", path: "/api/v1/orders/" + f.orderID, token: tok, body: map[string]any{"deposit": c.deposit}, header: zh},
		} {
			got := f.do(r)
			fields, _ := got.field("error.fields").(map[string]any)
			if msg, _ := fields[c.field].(string); got.status != 400 || !hasHan(msg) {
				t.Errorf("%s %v: %d %s, want 400 naming %s in Chinese", r.method, c.deposit, got.status, got.raw, c.field)
			}
		}
		p := f.mustStatus(req{method: "POST", path: "/api/v1/orders/preview", token: tok, body: body}, 200)
		if fields, _ := p.field("fields").(map[string]any); fields[c.field] == nil || p.field("quote") != nil {
			t.Errorf("preview %v: %s, want %s flagged and no quote", c.deposit, p.raw, c.field)
		}
	}
	// The order kept its terms.
	o := f.mustStatus(req{method: "GET", path: "/api/v1/orders/" + f.orderID, token: tok}, 200)
	if o.field("deposit.kind") != "per_unit" || o.field("deposit.rate_bp") != 0.0 {
		t.Errorf("order after refused edits: %v", o.field("deposit"))
	}
}

func hasHan(s string) bool {
	for _, r := range s {
		if r >= 0x4E00 && r <= 0x9FFF {
			return true
		}
	}
	return false
}

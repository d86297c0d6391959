package notify

import (
	"strings"
	"testing"

	"github.com/google/uuid"

	"doorstep/server/market"
)

// Every kind renders in both languages with sample data, and its title
// mentions what the data says (no template left half-filled).
func TestEveryKindRenders(t *testing.T) {
	t.Parallel()
	data := Data{Order: "手工编织网兜", Org: "碧林花园社区微工厂", Quantity: 1200, Reason: "定价过低",
		Why: market.Msg{ZH: "订单已全部授出", EN: "the order has been fully awarded"}}
	for k, tpl := range templates {
		n, err := Render(Notice{Org: uuid.New(), Kind: k, Data: data, Link: "/x"})
		if err != nil {
			t.Errorf("%s: %v", k, err)
			continue
		}
		if n.TitleZH == "" || n.TitleEN == "" || n.Kind != string(k) {
			t.Errorf("%s: empty title: %+v", k, n)
		}
		for _, s := range []string{n.TitleZH, n.TitleEN, n.BodyZH, n.BodyEN} {
			if strings.Contains(s, "<no value>") || strings.Contains(s, "{{") {
				t.Errorf("%s: unfilled template in %q", k, s)
			}
		}
		if strings.Contains(tpl.TitleZH, "{{.Order}}") != strings.Contains(tpl.TitleEN, "{{.Order}}") {
			t.Errorf("%s: the two languages name different things", k)
		}
		if (tpl.BodyZH == "") != (tpl.BodyEN == "") {
			t.Errorf("%s: a body in one language only", k)
		}
	}
	if _, err := Render(Notice{Kind: "no.such"}); err == nil {
		t.Error("unknown kind rendered")
	}
}

// The kinds a person must not miss are mailed as well.
func TestMailedKinds(t *testing.T) {
	t.Parallel()
	for _, k := range []Kind{BidAccepted, BidInvited, OrderRejected, OrderSuspended, OrderAutoSuspend, OrgVerified, OrgUnverified} {
		if !Mailed(k) {
			t.Errorf("%s is not mailed", k)
		}
	}
	for _, k := range []Kind{BidNew, BidRevised} {
		if Mailed(k) {
			t.Errorf("%s is mailed; it would flood a company's inbox", k)
		}
	}
}

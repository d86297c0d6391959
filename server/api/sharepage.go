package api

import (
	"bytes"
	"context"
	_ "embed"
	"html/template"
	"strconv"
	"time"

	"github.com/google/uuid"

	"doorstep/server/market"
	"doorstep/server/orders"
)

// sharePageHTML holds the summaries the server writes into #root and the
// share tags (OpenGraph, and the schema.org ones WeChat reads). Chinese
// only: these are what a link shared in WeChat shows before any script runs.
//
//go:embed sharepage.html
var sharePageHTML string

var sharePages = template.Must(template.New("share").Parse(sharePageHTML))

// shareImage is the picture a shared link shows: a 600 × 600 PNG (WeChat
// wants a PNG or JPEG of at least 300 px and crops it square; OpenGraph
// readers take it too), drawn by frontend/scripts/share-image.mjs into
// frontend/public, so served from the web app's root. sharepage.html states
// its size and type.
const shareImage = "/share.png"

// landingPage is the landing page's summary.
func (s *Server) landingPage() (page, error) {
	var body bytes.Buffer
	if err := sharePages.ExecuteTemplate(&body, "landing", nil); err != nil {
		return page{}, err
	}
	return page{Title: "家门口 Doorstep — 把手工活送到家门口",
		Description: "企业外发手工活，社区微工厂接单，居民在家门口增收。保证金由平台托管，远离手工活押金骗局。",
		URL:         s.cfg.AppBaseURL + "/", Image: s.cfg.AppBaseURL + shareImage, Body: template.HTML(body.String())}, nil
}

// orderSummary is an order as its share page shows it.
type orderSummary struct {
	Title, Company, Craft, UnitPrice, Quantity, Remaining string
	BiddingDeadline, DeliveryDeadline, Region, Deposit    string
	FairPay, Link                                         string
	Verified, BelowMinWage                                bool
}

// orderPage is a public order's summary; ok is false when the public may
// not see the order (a draft, one under review or suspended, an unknown
// id): those get the plain shell, whoever asks.
func (s *Server) orderPage(ctx context.Context, id string) (p page, ok bool, err error) {
	oid, err := uuid.Parse(id)
	if err != nil {
		return page{}, false, nil
	}
	_, d, err := s.orders.Detail(ctx, nil, oid) // as the public sees it, never as the caller
	if market.ErrorCode(err) == market.CodeNotFound {
		return page{}, false, nil
	}
	if err != nil {
		return page{}, false, err
	}
	v := summarise(d.OrderView)
	var body bytes.Buffer
	if err := sharePages.ExecuteTemplate(&body, "order", v); err != nil {
		return page{}, false, err
	}
	desc := v.UnitPrice + "/件 · " + v.Quantity + " 件 · " + v.Region + " · 报价截止 " + v.BiddingDeadline + " · 保证金：" + v.Deposit
	return page{Title: d.Title + " · 家门口 Doorstep", Description: desc, URL: s.cfg.AppBaseURL + v.Link,
		Image: s.cfg.AppBaseURL + shareImage, Body: template.HTML(body.String())}, true, nil
}

func summarise(o orders.OrderView) orderSummary {
	v := orderSummary{Title: o.Title, Company: o.Company.Name, Verified: o.Company.Verified, Craft: o.CraftNameZH,
		UnitPrice: market.FormatFen(o.UnitPrice), Quantity: groupInt(o.Quantity),
		BiddingDeadline: day(o.BiddingDeadline), DeliveryDeadline: day(o.DeliveryDeadline),
		Region: o.RegionName, Deposit: depositText(o.Deposit, o.Totals), Link: "/orders/" + o.ID.String(),
		BelowMinWage: o.Totals.BelowMinimumWage}
	if o.RemainingQuantity > 0 && o.RemainingQuantity < o.Quantity {
		v.Remaining = groupInt(o.RemainingQuantity)
	}
	switch {
	case o.Totals.MinHourlyWage == 0:
		v.FairPay = "折合时薪 " + market.FormatFen(o.Totals.HourlyEquivalent) + "（暂无该地区的最低工资数据）"
	case o.Totals.BelowMinimumWage:
		v.FairPay = "注意：折合时薪 " + market.FormatFen(o.Totals.HourlyEquivalent) + "，低于" + o.Totals.MinWageProvince +
			"最低小时工资 " + market.FormatFen(o.Totals.MinHourlyWage)
	default:
		v.FairPay = "折合时薪 " + market.FormatFen(o.Totals.HourlyEquivalent) + "，不低于" + o.Totals.MinWageProvince +
			"最低小时工资 " + market.FormatFen(o.Totals.MinHourlyWage)
	}
	return v
}

// depositText words the deposit terms as the order page does (i18n order.deposit*).
func depositText(t market.DepositTerms, q market.OrderQuote) string {
	var s string
	switch t.Kind {
	case "none", "":
		return "不收保证金"
	case "fixed":
		s = "每个接单工坊交 " + market.FormatFen(t.Amount)
	case "per_unit":
		s = "每件 " + market.FormatFen(t.Amount)
	case "percent_of_material":
		s = "物资价值的 " + strconv.FormatFloat(float64(t.RateBP)/100, 'f', -1, 64) + "%"
	default:
		s = t.Kind
	}
	s += "（最小接单需交 " + market.FormatFen(q.DepositMinBid) + "，整单 " + market.FormatFen(q.DepositFull) + "）"
	if t.Waivable {
		s += "；有社区担保的认证工坊可免交"
	}
	return s
}

func day(t time.Time) string { return t.In(market.ChinaTime).Format("2006年1月2日") }

func groupInt(n int64) string {
	s := strconv.FormatInt(n, 10)
	var b []byte
	for i := range len(s) {
		if i > 0 && (len(s)-i)%3 == 0 && s[i-1] != '-' {
			b = append(b, ',')
		}
		b = append(b, s[i])
	}
	return string(b)
}

package seed

import (
	"context"
	"fmt"
	"time"

	"doorstep/server/market"
	"doorstep/server/orders"
	"doorstep/server/store"
)

type demoOrder struct {
	company string // owner email
	publish bool
	in      market.OrderInput
}

func demoOrders(now time.Time) []demoOrder {
	day := 24 * time.Hour
	at := func(d time.Duration) *time.Time { t := now.Add(d).Truncate(time.Hour); return &t }
	return []demoOrder{
		{"xinyuan@demo.doorstep.cn", true, market.OrderInput{
			Title: p("编织网兜 5000 个（棉麻线，居家可做）"), Craft: p("weaving"), Tags: []string{"网兜", "居家可做", "上手快"},
			Description: p("出口超市用棉麻编织网兜，花样简单，熟练后约6分钟一个。企业送料上门，成品统一回收。提供样品和半天培训。"),
			Quantity:    p[int64](5000), UnitPrice: p[int64](150), MinBidQuantity: p[int64](1000), MinutesPerPiece: p(6),
			BiddingDeadline: at(10 * day), DeliveryDeadline: at(40 * day), RegionCode: p("371602"),
			Address: p("山东省滨州市滨城区黄河五路318号"), Lat: p(37.3835), Lng: p(117.9706),
			Materials: &market.MaterialTerms{Supply: market.SupplyCompanyShips, ValuePerUnit: 80, AllowedLossBP: 200},
			Deposit:   &market.DepositTerms{Kind: market.DepositPerUnit, Amount: 20, Waivable: true},
			Quality:   &market.QualityTerms{Criteria: "花结牢固、网眼均匀、无断线毛头；尺寸误差不超过1厘米。", MaxDefectBP: 300, InspectionDays: 7, ReworkRounds: 1},
		}},
		{"zhuyi@demo.doorstep.cn", true, market.OrderInput{
			Title: p("手工串珠饰品 3000 件"), Craft: p("beading"), Tags: []string{"串珠", "饰品", "外贸"},
			Description: p("外贸手链、挂件串珠加工，按图纸配色。珠子与线材由企业提供，可在社区活动室或家中完成。"),
			Quantity:    p[int64](3000), UnitPrice: p[int64](200), MinBidQuantity: p[int64](500), MinutesPerPiece: p(8),
			BiddingDeadline: at(7 * day), DeliveryDeadline: at(30 * day), RegionCode: p("130105"),
			Address: p("河北省石家庄市新华区中华北大街219号"), Lat: p(38.0621), Lng: p(114.4849),
			Materials: &market.MaterialTerms{Supply: market.SupplyWorkshopPicksUp, ValuePerUnit: 300, AllowedLossBP: 100},
			Deposit:   &market.DepositTerms{Kind: market.DepositPercentOfMaterial, RateBP: 2000, Waivable: true},
			Quality:   &market.QualityTerms{Criteria: "配色与图纸一致，结扣牢固，无掉珠。", MaxDefectBP: 200, InspectionDays: 5, ReworkRounds: 2},
		}},
		{"zhuyi@demo.doorstep.cn", true, market.OrderInput{
			Title: p("粘钻发夹 2000 个"), Craft: p("rhinestone"), Tags: []string{"粘钻", "发饰"},
			Description: p("按样品粘贴水钻，胶水与工具由企业提供。"),
			Quantity:    p[int64](2000), UnitPrice: p[int64](60), MinBidQuantity: p[int64](2000), MinutesPerPiece: p(5),
			BiddingDeadline: at(5 * day), DeliveryDeadline: at(20 * day), RegionCode: p("130105"),
			Address: p("河北省石家庄市新华区中华北大街219号"), Lat: p(38.0621), Lng: p(114.4849),
			Materials: &market.MaterialTerms{Supply: market.SupplyCompanyShips, ValuePerUnit: 40},
			Deposit:   &market.DepositTerms{Kind: market.DepositNone},
			Quality:   &market.QualityTerms{Criteria: "水钻无脱落、无溢胶。", MaxDefectBP: 300, InspectionDays: 3},
		}},
		{"xinyuan@demo.doorstep.cn", false, market.OrderInput{
			Title: p("礼品盒折叠包装 10000 个"), Craft: p("packaging"), Tags: []string{"包装"},
			Description: p("节日礼盒折叠、装衬垫、贴封条。"),
			Quantity:    p[int64](10000), UnitPrice: p[int64](25), MinBidQuantity: p[int64](2000), MinutesPerPiece: p(2),
			BiddingDeadline: at(12 * day), DeliveryDeadline: at(35 * day), RegionCode: p("371602"),
			Address: p("山东省滨州市滨城区黄河五路318号"), Lat: p(37.3835), Lng: p(117.9706),
			Materials: &market.MaterialTerms{Supply: market.SupplyCompanyShips, ValuePerUnit: 120, AllowedLossBP: 100},
			Deposit:   &market.DepositTerms{Kind: market.DepositFixed, Amount: 50000},
			Quality:   &market.QualityTerms{Criteria: "折痕整齐，衬垫到位，封条居中。", MaxDefectBP: 100, InspectionDays: 5},
		}},
	}
}

// DemoOrders posts the demo orders (published, except one waiting for review)
// unless the company already has orders.
func DemoOrders(ctx context.Context, st *store.Store, now time.Time) (int, error) {
	created := 0
	for _, d := range demoOrders(now) {
		db := st.DB()
		user, err := db.UserByEmail(ctx, d.company)
		if err != nil {
			return created, fmt.Errorf("demo company %s: %w", d.company, err)
		}
		m, err := db.MembershipByUser(ctx, user.ID)
		if err != nil {
			return created, err
		}
		n, err := db.CountCompanyOrders(ctx, store.CountCompanyOrdersParams{CompanyID: m.OrgID})
		if err != nil {
			return created, err
		}
		if n > 0 && created == 0 {
			return 0, nil // already seeded
		}
		o, err := market.ApplyOrderInput(market.Order{CompanyID: m.OrgID}, d.in, true, now)
		if err != nil {
			return created, fmt.Errorf("demo order %s: %w", *d.in.Title, err)
		}
		quote, err := market.Quote(o)
		if err != nil {
			return created, err
		}
		uid := user.ID
		err = st.Tx(ctx, func(db *store.DB) error {
			o, err := db.CreateOrder(ctx, o, quote)
			if err != nil {
				return err
			}
			_, o2, err := orders.Apply(ctx, db, o.ID, orders.Transition{Action: market.ActSubmit, ActorID: &uid, ActorKind: "company"}, now)
			if err != nil || !d.publish {
				return err
			}
			_, _, err = orders.Apply(ctx, db, o2.ID, orders.Transition{Action: market.ActApprove, ActorKind: "system", Reason: market.ReasonDemoData}, now)
			return err
		})
		if err != nil {
			return created, err
		}
		created++
	}
	if created == 0 {
		return 0, nil
	}
	return created, demoBids(ctx, st, now)
}

// demoBids: two workshops bid for parts of the beading order, one with a
// counter-offer, so the company's comparison has something to compare.
func demoBids(ctx context.Context, st *store.Store, now time.Time) error {
	db := st.DB()
	company, err := db.UserByEmail(ctx, "zhuyi@demo.doorstep.cn")
	if err != nil {
		return err
	}
	m, err := db.MembershipByUser(ctx, company.ID)
	if err != nil {
		return err
	}
	published := string(market.OrderPublished)
	list, err := db.CompanyOrders(ctx, store.CompanyOrdersParams{CompanyID: m.OrgID, Status: &published, Limit: 10})
	if err != nil {
		return err
	}
	var beading *market.Order
	for i := range list {
		if list[i].Craft == "beading" {
			beading = &list[i]
		}
	}
	if beading == nil {
		return fmt.Errorf("demo beading order missing")
	}
	bids := []struct {
		email           string
		quantity, price int64
		days, headcount int
		message         string
	}{
		{"mingzhu@demo.doorstep.cn", 1500, 200, 20, 40, "巧手坊有40位熟练串珠的居民，其中多位是残疾人和老人，可按图纸配色。"},
		{"chuhe@demo.doorstep.cn", 1000, 190, 25, 60, "滁河社区幸福微坊首次接串珠活，可派人到厂里学习后带回社区分发。"},
	}
	for _, b := range bids {
		u, err := db.UserByEmail(ctx, b.email)
		if err != nil {
			return err
		}
		wm, err := db.MembershipByUser(ctx, u.ID)
		if err != nil {
			return err
		}
		uid := u.ID
		_, err = db.CreateBid(ctx, store.CreateBidParams{OrderID: beading.ID, WorkshopID: wm.OrgID, Quantity: b.quantity,
			UnitPrice: b.price, DeliveryDate: now.Add(time.Duration(b.days) * 24 * time.Hour).Truncate(time.Hour),
			Headcount: int32(b.headcount), Message: b.message, CreatedBy: &uid})
		if err != nil {
			return fmt.Errorf("demo bid by %s: %w", b.email, err)
		}
	}
	return nil
}

package seed

import (
	"context"
	"fmt"
	"time"

	"github.com/google/uuid"

	"doorstep/server/market"
	"doorstep/server/orders"
	"doorstep/server/store"
	"doorstep/server/workflows"
	"doorstep/server/workshopops"
)

// Workshop operations demo: the two workshops of the seed stories with a
// roster, finished contracts whose pay was distributed and paid month by
// month, and one contract in production with piece records and hand-outs,
// so the dashboards look lived in.

type demoWorkshopOps struct {
	workshop, company string // owner emails
	craft, extraCraft string
	region, address   string
	lat, lng          float64
	residents         int
	fundBP            int
	title             string
	unitPrice         int64
	minutes           int
	quantities        []int64 // settled contracts, oldest first (one a month); then one in production
}

var demoOps = []demoWorkshopOps{
	{workshop: "bilin@demo.doorstep.cn", company: "xinyuan@demo.doorstep.cn", craft: "weaving", extraCraft: "packaging",
		region: "371602", address: "山东省滨州市滨城区黄河五路318号", lat: 37.3835, lng: 117.9706,
		residents: 26, title: "棉麻编织网兜", unitPrice: 160, minutes: 4, quantities: []int64{3600, 4200, 4800, 5000, 3000}},
	{workshop: "mingzhu@demo.doorstep.cn", company: "zhuyi@demo.doorstep.cn", craft: "beading", extraCraft: "assembly",
		region: "130105", address: "河北省石家庄市新华区中华北大街219号", lat: 38.0621, lng: 114.4849,
		residents: 32, fundBP: 500, title: "外贸串珠手链", unitPrice: 220, minutes: 6, quantities: []int64{4000, 5200, 6000, 2500}},
}

var (
	surnames = []string{"王", "李", "张", "刘", "陈", "杨", "赵", "黄", "周", "吴", "徐", "孙", "马", "朱", "胡", "郭", "何", "高", "林", "罗"}
	given    = []string{"秀英", "桂兰", "淑芬", "玉兰", "凤英", "丽娟", "海燕", "春梅", "秀兰", "美华", "红梅", "晓燕", "建华", "翠花",
		"玉珍", "素芳", "金凤", "彩霞", "小红", "丽萍", "志刚", "德明", "秀珍", "玉梅"}
)

// actorFor signs a demo owner in, as the workflows need an actor.
func actorFor(ctx context.Context, db *store.DB, email string) (*market.Actor, error) {
	u, err := db.UserByEmail(ctx, email)
	if err != nil {
		return nil, fmt.Errorf("demo user %s: %w", email, err)
	}
	m, err := db.MembershipByUser(ctx, u.ID)
	if err != nil {
		return nil, err
	}
	o, err := db.Org(ctx, m.OrgID)
	if err != nil {
		return nil, err
	}
	return &market.Actor{User: store.UserFromRow(u), OrgID: o.ID, OrgKind: o.Kind, OrgRole: m.Role}, nil
}

// DemoWorkshopOps seeds rosters and their work unless a workshop already has residents.
func DemoWorkshopOps(ctx context.Context, w *workflows.Set, now time.Time) (int, error) {
	st, ops := w.Store, w.Ops
	var life *lifecycle
	seeded := 0
	for wi, d := range demoOps {
		coord, err := actorFor(ctx, st.DB(), d.workshop)
		if err != nil {
			return seeded, err
		}
		page, err := ops.ListResidents(ctx, coord, coord.OrgID, workshopops.ResidentQuery{})
		if err != nil {
			return seeded, err
		}
		if page.Total > 0 {
			continue
		}
		ids, err := demoRoster(ctx, ops, coord, d, wi, now)
		if err != nil {
			return seeded, err
		}
		if life == nil {
			if life, err = newLifecycle(ctx, w); err != nil {
				return seeded, err
			}
		}
		for ci, q := range d.quantities {
			current := ci == len(d.quantities)-1
			monthsAgo := len(d.quantities) - 1 - ci
			if err := demoContract(ctx, w, life, coord, d, ids, ci, q, monthsAgo, current, now); err != nil {
				return seeded, fmt.Errorf("demo contract %d of %s: %w", ci+1, d.workshop, err)
			}
		}
		seeded++
	}
	return seeded, nil
}

func demoRoster(ctx context.Context, ops *workshopops.Service, coord *market.Actor, d demoWorkshopOps, wi int, now time.Time) ([]uuid.UUID, error) {
	var ids []uuid.UUID
	seen := map[string]bool{}
	for i := 0; i < d.residents; i++ {
		name := surnames[(i*7+wi*3)%len(surnames)] + given[(i*5+wi)%len(given)]
		for k := 1; seen[name]; k++ {
			name = surnames[(i*7+wi*3+k)%len(surnames)] + given[(i*5+wi+k)%len(given)]
		}
		seen[name] = true
		phone := fmt.Sprintf("13%d%08d", 5+(i%5), (wi*7919+i*104729)%100000000)
		if i%9 == 4 {
			phone = "" // some older residents give no phone
		}
		joined := now.AddDate(0, -(i*13%22)-2, -(i * 3 % 27)).Format(market.DateLayout)
		crafts := []string{d.craft}
		if i%3 == 0 {
			crafts = append(crafts, d.extraCraft)
		}
		var tags []string
		if i%5 == 0 {
			tags = append(tags, market.TagElderly)
		}
		if i%6 == 1+wi { // 明珠花苑: many disabled and low-income residents
			tags = append(tags, market.TagDisabled)
		}
		if i%4 == 1 || (wi == 1 && i%3 == 2) {
			tags = append(tags, market.TagLowIncome)
		}
		if i%7 == 3 {
			tags = append(tags, market.TagCaregiver)
		}
		active := i%11 != 10
		in := market.ResidentInput{Name: &name, Phone: &phone, Crafts: crafts, JoinedOn: &joined, Active: &active}
		if len(tags) > 0 {
			in.Tags, in.TagsConsent = &tags, true
		}
		r, err := ops.CreateResident(ctx, coord, coord.OrgID, in)
		if err != nil {
			return nil, fmt.Errorf("demo resident %s: %w", name, err)
		}
		if active {
			ids = append(ids, r.ID)
		}
	}
	return ids, nil
}

// demoContract posts an order, has the workshop bid for all of it and the
// company award it, then records the work (and, for a finished month, the
// distribution and its payments).
func demoContract(ctx context.Context, w *workflows.Set, life *lifecycle, coord *market.Actor, d demoWorkshopOps,
	ids []uuid.UUID, ci int, quantity int64, monthsAgo int, current bool, now time.Time) error {
	st, ops := w.Store, w.Ops
	company, err := actorFor(ctx, st.DB(), d.company)
	if err != nil {
		return err
	}
	at := func(days int) *time.Time { t := now.AddDate(0, 0, days).Truncate(time.Hour); return &t }
	in := market.OrderInput{Title: p(fmt.Sprintf("%s %d 件（第%d批）", d.title, quantity, ci+1)), Craft: p(d.craft),
		Description: p("按样品加工，企业提供材料，居民可在家完成。"), Quantity: &quantity, UnitPrice: &d.unitPrice,
		MinBidQuantity: &quantity, MinutesPerPiece: &d.minutes, BiddingDeadline: at(5), DeliveryDeadline: at(30),
		RegionCode: &d.region, Address: &d.address, Lat: &d.lat, Lng: &d.lng,
		Materials: &market.MaterialTerms{Supply: market.SupplyCompanyShips, ValuePerUnit: 60, AllowedLossBP: 100},
		Deposit:   &market.DepositTerms{Kind: market.DepositNone},
		Quality:   &market.QualityTerms{Criteria: "与样品一致，结实无瑕疵。", MaxDefectBP: 300, InspectionDays: 5}}
	o, err := market.ApplyOrderInput(market.Order{CompanyID: company.OrgID}, in, true, now)
	if err != nil {
		return err
	}
	quote, err := market.Quote(o)
	if err != nil {
		return err
	}
	var bidID uuid.UUID
	err = st.Tx(ctx, func(db *store.DB) error {
		o, err := db.CreateOrder(ctx, o, quote)
		if err != nil {
			return err
		}
		uid := company.User.ID
		if _, _, err = orders.Apply(ctx, db, o.ID, orders.Transition{Action: market.ActSubmit, ActorID: &uid, ActorKind: "company"}, now); err != nil {
			return err
		}
		if _, _, err = orders.Apply(ctx, db, o.ID, orders.Transition{Action: market.ActApprove, ActorKind: "system", Reason: market.ReasonDemoData}, now); err != nil {
			return err
		}
		cid := coord.User.ID
		b, err := db.CreateBid(ctx, store.CreateBidParams{OrderID: o.ID, WorkshopID: coord.OrgID, Quantity: quantity, UnitPrice: d.unitPrice,
			DeliveryDate: *at(25), Headcount: int32(len(ids)), Message: "社区居民按件计酬，分批领料。", CreatedBy: &cid})
		bidID = b.ID
		return err
	})
	if err != nil {
		return err
	}
	k, err := w.Bidding.Accept(ctx, company, bidID, false)
	if err != nil {
		return err
	}
	if err := life.fund(ctx, company, coord, k.ID); err != nil {
		return err
	}
	if err := life.materials(ctx, company, coord, k.ID, quantity); err != nil {
		return err
	}
	month := time.Date(now.Year(), now.Month(), 20, 10, 0, 0, 0, time.UTC).AddDate(0, -monthsAgo, 0)
	if current {
		month = now.AddDate(0, 0, -10)
	} else if err := life.finish(ctx, company, coord, k.ID, quantity); err != nil {
		return err
	}
	if err := st.Tx(ctx, func(db *store.DB) error { return db.DemoBackdateContract(ctx, k.ID, month) }); err != nil {
		return err
	}
	return demoWork(ctx, st, life, ops, coord, d, ids, ci, k.ID, quantity, current, month)
}

// demoWork records who made how much. In a finished month most residents
// took part, in proportion to how much time they have.
func demoWork(ctx context.Context, st *store.Store, life *lifecycle, ops *workshopops.Service, coord *market.Actor, d demoWorkshopOps,
	ids []uuid.UUID, ci int, contractID uuid.UUID, quantity int64, current bool, month time.Time) error {
	weights := map[uuid.UUID]int64{}
	var sum int64
	for i, id := range ids {
		if (i+ci)%6 == 5 {
			continue // not every resident works every month
		}
		w := int64(3 + (i*7+ci*5)%9)
		weights[id], sum = w, sum+w
	}
	done := quantity
	if current {
		done = quantity * 2 / 5
	}
	// Split what was done by the weights so the parts add up to it exactly
	// (a finished month's records match the pieces the company accepted).
	keys := make([]string, 0, len(weights))
	byKey := map[string]uuid.UUID{}
	var shares []int64
	for _, id := range ids {
		if w, ok := weights[id]; ok {
			keys, byKey[id.String()], shares = append(keys, id.String()), id, append(shares, w)
		}
	}
	parts, err := market.SplitLargestRemainder(done, shares)
	if err != nil {
		return err
	}
	save := workshopops.PieceSave{SaveKey: uuid.New()}
	for i, k := range keys {
		save.Records = append(save.Records, workshopops.PieceEntry{ResidentID: byKey[k], Pieces: parts[i]})
	}
	if current {
		for i, id := range ids[:6] {
			taken := int64(150 + 30*i)
			if _, err := ops.AddHandout(ctx, coord, contractID, workshopops.Handout{ResidentID: id, Taken: taken}); err != nil {
				return err
			}
			if _, err := ops.AddHandout(ctx, coord, contractID, workshopops.Handout{ResidentID: id, Finished: taken / 2, Lost: int64(i % 2)}); err != nil {
				return err
			}
		}
	}
	if _, err := ops.SavePieces(ctx, coord, contractID, save); err != nil || current {
		return err
	}
	if err := life.payOut(ctx, contractID); err != nil {
		return err
	}
	dist, err := ops.Approve(ctx, coord, contractID, workshopops.Approval{CommunityFundBP: d.fundBP})
	if err != nil {
		return err
	}
	methods := []workshopops.Payment{{Method: market.PaidWeChat, Reference: "微信转账"}, {Method: market.PaidCash}, {Method: market.PaidBank, Reference: "农商银行代发"}}
	for i, l := range dist.Lines {
		pay := methods[i%3]
		if pay.Reference != "" {
			pay.Reference = fmt.Sprintf("%s %s%04d", pay.Reference, month.Format("200601"), i+1)
		}
		if _, err := ops.MarkPaid(ctx, coord, *l.ID, pay); err != nil {
			return err
		}
	}
	return st.Tx(ctx, func(db *store.DB) error { return db.DemoBackdatePayments(ctx, contractID, month.AddDate(0, 0, 5)) })
}

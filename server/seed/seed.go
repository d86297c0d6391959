// Package seed creates staff accounts and the demo data drawn from the four
// stories in shared/seeds (real communities, fictional company names).
package seed

import (
	"context"
	"fmt"
	"log/slog"
	"time"

	"doorstep/server/accounts"
	"doorstep/server/auth"
	"doorstep/server/market"
	"doorstep/server/money"
	"doorstep/server/store"
	"doorstep/server/workflows"
)

// DemoPassword is the password of every demo login (documented in the README).
const DemoPassword = "doorstep-demo-2026"

// Staff creates a staff account, or updates the role and password of an existing one.
func Staff(ctx context.Context, st *store.Store, email, password, role, name string) (market.User, error) {
	return accounts.CreateStaff(ctx, st, email, password, role, name)
}

type demoOrg struct {
	email, person, phone string
	org                  market.OrgInput
	verified, guarantee  bool
	// where it is paid: a community workshop's is the residents' committee's
	// (or the social-work organisation's) account, not a corporate one
	payout *money.PayoutAccountInput
}

func p[T any](v T) *T { return &v }

var demoOrgs = []demoOrg{
	{email: "xinyuan@demo.doorstep.cn", person: "赵丽", phone: "13905431234", verified: true, org: market.OrgInput{
		Kind: market.KindCompany, Name: p("滨州鑫源工艺品有限公司"), RegionCode: p("371602"), Address: p("山东省滨州市滨城区黄河五路 318 号"),
		CreditCode: p(market.MakeCreditCode("91371602MA3CBL5N2")), ContactName: p("赵丽"), ContactPhone: p("0543-3261188")}, payout: &money.PayoutAccountInput{AccountName: "滨州鑫源工艺品有限公司", BankName: "中国工商银行滨州黄河五路支行", AccountNumber: "1613 0021 0920 0123 456"}},
	{email: "zhuyi@demo.doorstep.cn", person: "孙建华", phone: "13731122345", verified: true, org: market.OrgInput{
		Kind: market.KindCompany, Name: p("石家庄珠艺饰品外贸有限公司"), RegionCode: p("130105"), Address: p("河北省石家庄市新华区中华北大街 219 号"),
		CreditCode: p(market.MakeCreditCode("91130105MA0DK7R3X")), ContactName: p("孙建华"), ContactPhone: p("0311-87654321")}, payout: &money.PayoutAccountInput{AccountName: "石家庄珠艺饰品外贸有限公司", BankName: "中国银行石家庄中华北大街支行", AccountNumber: "1003 5678 9012 3456"}},
	{email: "yuexi@demo.doorstep.cn", person: "刘海燕", phone: "13864201234", verified: false, org: market.OrgInput{
		Kind: market.KindCompany, Name: p("青岛悦喜工艺礼品有限公司"), RegionCode: p("370202"), Address: p("山东省青岛市市南区云南路 96 号"),
		CreditCode: p(market.MakeCreditCode("91370202MA3N8GQ4T")), ContactName: p("刘海燕"), ContactPhone: p("0532-82881234")}},
	{email: "bilin@demo.doorstep.cn", person: "王军", phone: "13954321678", verified: true, guarantee: true, org: market.OrgInput{
		Kind: market.KindWorkshop, Name: p("碧林花园社区微工厂"), Host: p("滨城区市西街道碧林花园社区党总支"), RegionCode: p("371602"),
		Address: p("山东省滨州市滨城区市西街道碧林花园小区幼儿园西侧"), Lat: p(37.3808), Lng: p(117.9652),
		Crafts: []string{"weaving", "packaging"}, Headcount: p(36), WeeklyCapacity: p(3500)}, payout: &money.PayoutAccountInput{AccountName: "滨城区市西街道碧林花园社区居民委员会", BankName: "滨州农村商业银行市西支行", AccountNumber: "9080 1234 5678 0012"}},
	{email: "mingzhu@demo.doorstep.cn", person: "马运荣", phone: "13831198765", verified: true, guarantee: false, org: market.OrgInput{
		Kind: market.KindWorkshop, Name: p("明珠花苑社区巧手坊"), Host: p("新华区赵佗路街道明珠花苑社区（德正社工）"), RegionCode: p("130105"),
		Address: p("河北省石家庄市新华区明珠花苑社区活动室"), Lat: p(38.0565), Lng: p(114.4581),
		Crafts: []string{"beading", "assembly"}, Headcount: p(72), WeeklyCapacity: p(5000)}, payout: &money.PayoutAccountInput{AccountName: "石家庄市新华区德正社会工作服务中心", BankName: "河北银行石家庄新华支行", AccountNumber: "0306 1234 5678 9001"}},
	{email: "yunnanlu@demo.doorstep.cn", person: "李涛", phone: "13678901234", verified: true, guarantee: true, org: market.OrgInput{
		Kind: market.KindWorkshop, Name: p("云南路社区手工作坊"), Host: p("市南区云南路社区党委（365便民工坊）"), RegionCode: p("370202"),
		Address: p("山东省青岛市市南区云南路社区党群服务中心"), Lat: p(36.0627), Lng: p(120.3063),
		Crafts: []string{"paper_cutting", "embroidery", "rhinestone"}, Headcount: p(30), WeeklyCapacity: p(1200)}, payout: &money.PayoutAccountInput{AccountName: "市南区云南路社区居民委员会", BankName: "青岛农商银行市南支行", AccountNumber: "8001 2345 6789 0123"}},
	{email: "chuhe@demo.doorstep.cn", person: "汪莉", phone: "15855123456", verified: false, org: market.OrgInput{
		Kind: market.KindWorkshop, Name: p("滁河社区幸福微坊"), Host: p("长丰县双墩镇滁河社区党总支"), RegionCode: p("340121"),
		Address: p("安徽省合肥市长丰县双墩镇滁河社区党群服务中心"), Lat: p(31.9935), Lng: p(117.2612),
		Crafts: []string{"assembly", "packaging", "sewing"}, Headcount: p(400), WeeklyCapacity: p(20000)}},
}

// Demo creates the demo organisations, their owners and three staff accounts.
// It is idempotent: accounts that exist are left as they are.
func Demo(ctx context.Context, w *workflows.Set, log *slog.Logger) error {
	st := w.Store
	if _, err := Staff(ctx, st, "admin@demo.doorstep.cn", DemoPassword, market.StaffAdmin, "平台管理员"); err != nil {
		return err
	}
	if _, err := Staff(ctx, st, "finance@demo.doorstep.cn", DemoPassword, market.StaffFinance, "平台财务"); err != nil {
		return err
	}
	if _, err := Staff(ctx, st, "moderator@demo.doorstep.cn", DemoPassword, market.StaffModerator, "平台审核员"); err != nil {
		return err
	}
	hash, err := auth.HashPassword(DemoPassword, auth.DefaultParams)
	if err != nil {
		return err
	}
	created := 0
	for _, d := range demoOrgs {
		if _, err := st.DB().UserByEmail(ctx, d.email); err == nil {
			continue
		} else if !store.IsNoRows(err) {
			return err
		}
		org, err := market.NewOrg(d.org, "")
		if err != nil {
			return fmt.Errorf("demo org %s: %w", *d.org.Name, err)
		}
		user, org, err := accounts.CreateAccount(ctx, st, market.UserInput{Email: d.email, Name: d.person, Phone: d.phone}, hash, org)
		if err != nil {
			return fmt.Errorf("demo org %s: %w", *d.org.Name, err)
		}
		if d.payout != nil {
			owner := &market.Actor{User: user, OrgID: org.ID, OrgKind: org.Kind, OrgRole: market.RoleOwner}
			if _, err := w.Money.SetBankAccount(ctx, owner, org.ID, *d.payout); err != nil {
				return fmt.Errorf("demo payout account %s: %w", *d.org.Name, err)
			}
		}
		err = st.Tx(ctx, func(db *store.DB) error {
			if d.verified {
				if _, err := db.SetOrgVerified(ctx, org.ID, true); err != nil {
					return err
				}
			}
			if d.guarantee {
				_, err = db.SetOrgGuarantee(ctx, org.ID, true)
			}
			return err
		})
		if err != nil {
			return err
		}
		created++
	}
	orders, err := DemoOrders(ctx, st, time.Now())
	if err != nil {
		return err
	}
	rosters, err := DemoWorkshopOps(ctx, w, time.Now())
	if err != nil {
		return err
	}
	log.Info("demo data ready", "organisations_created", created, "orders_created", orders, "rosters_created", rosters, "password", DemoPassword)
	return nil
}

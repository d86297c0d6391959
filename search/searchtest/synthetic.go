package searchtest

import (
	"fmt"
	"math/rand/v2"
	"strings"
	"time"

	"doorstep/search"
)

// Synthetic makes n realistic orders for benchmarks: real crafts, product
// names, regions and companies, Chinese descriptions of typical length, and
// prices, deadlines and deposit terms spread like a live marketplace.
// The same n and seed always give the same orders.
func Synthetic(n int, seed uint64) []search.OrderDoc {
	r := rand.New(rand.NewPCG(seed, 0x5eed))
	pick := func(s []string) string { return s[r.IntN(len(s))] }
	docs := make([]search.OrderDoc, n)
	for i := range docs {
		c := synthCrafts[r.IntN(len(synthCrafts))]
		g := synthRegions[r.IntN(len(synthRegions))]
		product := pick(c.products)
		title := product + pick([]string{"", "", " 5000 个", " 长期单", " 急单", "（来料加工）", " 2025新款", " 2万件"})
		desc := product + "，来料加工，按件计酬。" + pick(synthSentences) + pick(synthSentences) + pick(synthSentences)
		price := int64(c.minPrice + r.IntN(c.maxPrice-c.minPrice+1))
		published := Base.Add(-time.Duration(r.Int64N(int64(90 * 24 * time.Hour)))).Truncate(time.Second)
		deadline := published.Add(time.Duration(3+r.IntN(43)) * 24 * time.Hour)
		deposit := []string{"none", "none", "none", "none", "fixed", "fixed", "per_unit", "percent_of_material"}[r.IntN(8)]
		qty := int64(500 * (1 + r.IntN(40)))
		docs[i] = search.OrderDoc{
			ID:    fmt.Sprintf("%08x-%04x-4000-8000-%012x", seed&0xffffffff, i>>16&0xffff, i),
			Title: title, Description: desc, Craft: c.code, CraftNameZH: c.zh, CraftNameEN: c.en,
			Tags:      []string{pick(synthTags), pick(synthTags)},
			CompanyID: fmt.Sprintf("c0000000-0000-4000-8000-%012x", r.IntN(n/20+1)),
			CompanyName: g.city[:len(g.city)-len("市")] + pick([]string{"巧手", "金穗", "福满堂", "锦绣", "亮晶晶", "鑫源", "华艺", "晶彩"}) +
				pick([]string{"工艺品有限公司", "饰品厂", "手工艺有限公司", "日用品有限公司", "文化用品有限公司"}),
			CompanyVerified: r.IntN(4) > 0,
			ProvinceCode:    g.code[:2] + "0000", CityCode: g.code[:4] + "00", DistrictCode: g.code,
			RegionName: strings.Join([]string{g.province, g.city, g.district}, " "),
			Lat:        g.lat + (r.Float64()-0.5)/10, Lng: g.lng + (r.Float64()-0.5)/10,
			UnitPrice: price, Quantity: qty, RemainingQuantity: qty, MinBidQuantity: 500,
			BiddingDeadline: deadline, DeliveryDeadline: deadline.AddDate(0, 0, 30), DepositKind: deposit,
			DepositWaivable: deposit != "none" && r.IntN(2) == 0, HourlyEquivalent: price * int64(4+r.IntN(10)),
			PublishedAt: published,
		}
		withSyntheticScores(&docs[i], seed)
	}
	return docs
}

// withSyntheticScores gives an order its company's scorecard, the same for
// every order of a company and drawn from a generator of its own, so the
// orders themselves stay what they were before scorecards existed. About a
// third of the companies have fewer than 3 settled contracts (no figures).
func withSyntheticScores(d *search.OrderDoc, seed uint64) {
	var company uint64
	_, _ = fmt.Sscanf(d.CompanyID[24:], "%x", &company)
	r := rand.New(rand.NewPCG(seed^0x5c0, company))
	d.CompanySettled = int64(r.IntN(40))
	if d.CompanySettled < 12 {
		d.CompanySettled /= 4 // 0..2: too few
	}
	if d.CompanySettled < search.MinSettled {
		return
	}
	tenth := func(v float64) *float64 { v = float64(int(v*10)) / 10; return &v }
	d.CompanyRejectionPct = tenth(r.ExpFloat64() * 4) // mostly low, a tail of heavy rejecters
	if *d.CompanyRejectionPct > 100 {
		*d.CompanyRejectionPct = 100
	}
	d.CompanyOnTimePct = tenth(60 + r.Float64()*40)
	if r.IntN(5) > 0 {
		d.CompanyRating = tenth(2.5 + r.Float64()*2.5)
	}
}

var synthCrafts = []struct {
	code, zh, en       string
	products           []string
	minPrice, maxPrice int
}{
	{"weaving", "编织", "Weaving", []string{"编织网兜", "毛线编织围巾", "藤编收纳篮", "草编遮阳帽", "手工编织杯垫", "中国结编织"}, 20, 300},
	{"beading", "串珠", "Beading", []string{"手工串珠饰品", "串珠手链", "水晶串珠挂件", "米珠串珠耳环", "串珠钥匙扣"}, 10, 200},
	{"paper_cutting", "剪纸", "Paper cutting", []string{"剪纸窗花", "福字剪纸", "十二生肖剪纸", "红色喜字剪纸"}, 50, 400},
	{"embroidery", "刺绣", "Embroidery", []string{"刺绣香包", "十字绣抱枕", "苏绣手帕", "刺绣布贴"}, 100, 800},
	{"rhinestone", "粘钻", "Rhinestone setting", []string{"粘钻发夹", "水钻手机壳", "粘钻指甲贴", "烫钻T恤图案"}, 5, 120},
	{"painting", "上色", "Painting", []string{"陶瓷娃娃上色", "石膏彩绘", "木制玩具上色", "手绘团扇"}, 30, 300},
	{"assembly", "组装", "Assembly", []string{"圆珠笔组装", "电子元件组装", "打火机组装", "LED灯串组装", "塑料玩具组装"}, 3, 80},
	{"packaging", "包装", "Packaging", []string{"礼盒包装", "茶叶包装", "糖果装袋", "口罩装袋封口", "化妆品贴标包装"}, 2, 50},
	{"sewing", "缝纫", "Sewing", []string{"童装钉扣", "手缝布艺玩偶", "布袋缝制", "鞋垫缝纫"}, 20, 500},
	{"other", "其他", "Other", []string{"手工皂切块", "假花插制", "头花粘贴", "冰箱贴组装"}, 5, 150},
}

var synthRegions = []struct {
	code, province, city, district string
	lat, lng                       float64
}{
	{"371602", "山东省", "滨州市", "滨城区", 37.38, 117.97}, {"371603", "山东省", "滨州市", "沾化区", 37.70, 118.13},
	{"370202", "山东省", "青岛市", "市南区", 36.06, 120.31}, {"370211", "山东省", "青岛市", "黄岛区", 35.96, 120.20},
	{"370102", "山东省", "济南市", "历下区", 36.67, 117.08}, {"370303", "山东省", "淄博市", "张店区", 36.81, 118.02},
	{"130105", "河北省", "石家庄市", "新华区", 38.05, 114.46}, {"130102", "河北省", "石家庄市", "长安区", 38.04, 114.54},
	{"130602", "河北省", "保定市", "竞秀区", 38.88, 115.46}, {"340121", "安徽省", "合肥市", "长丰县", 31.99, 117.26},
	{"340102", "安徽省", "合肥市", "瑶海区", 31.86, 117.31}, {"410105", "河南省", "郑州市", "金水区", 34.80, 113.66},
	{"411302", "河南省", "南阳市", "宛城区", 32.99, 112.54}, {"320102", "江苏省", "南京市", "玄武区", 32.05, 118.80},
	{"330782", "浙江省", "金华市", "义乌市", 29.31, 120.08}, {"350203", "福建省", "厦门市", "思明区", 24.45, 118.08},
	{"440106", "广东省", "广州市", "天河区", 23.12, 113.36}, {"441302", "广东省", "惠州市", "惠城区", 23.08, 114.38},
	{"420106", "湖北省", "武汉市", "武昌区", 30.55, 114.32}, {"430104", "湖南省", "长沙市", "岳麓区", 28.23, 112.93},
	{"510107", "四川省", "成都市", "武侯区", 30.64, 104.04}, {"500103", "重庆市", "重庆市", "渝中区", 29.55, 106.57},
	{"110105", "北京市", "北京市", "朝阳区", 39.92, 116.44}, {"610113", "陕西省", "西安市", "雁塔区", 34.21, 108.95},
}

var synthSentences = []string{
	"材料由公司提供，工坊负责组织居民加工。", "要求手法细致，验收合格率不低于98%。", "可在家完成，适合宝妈和老人。",
	"每周收货一次，运费由公司承担。", "提供培训和样品，新手一天即可上手。", "需按样品颜色搭配，不得混色。",
	"成品需逐件检查，次品退回返工。", "长期合作，订单稳定，结算及时。", "残疾人朋友也可以胜任。",
}

var synthTags = []string{"来料加工", "在家做", "长期合作", "宝妈", "老人", "急单", "计件", "包邮", "可培训", "无押金"}

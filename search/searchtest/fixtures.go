package searchtest

import (
	"math"
	"time"

	"doorstep/search"
)

// Fixture ids, named after what each order is about.
const (
	Net      = "00000000-0000-4000-8000-000000000001" // 编织网兜, Binzhou
	Beads    = "00000000-0000-4000-8000-000000000002" // 手工串珠饰品, Shijiazhuang
	PaperCut = "00000000-0000-4000-8000-000000000003" // 剪纸窗花, Qingdao
	Sachet   = "00000000-0000-4000-8000-000000000004" // 刺绣香包, Changfeng
	HairClip = "00000000-0000-4000-8000-000000000005" // 粘钻发夹 … A4纸, Binzhou
	Basket   = "00000000-0000-4000-8000-000000000006" // 藤编收纳篮 (剪纸, 耳饰 only in its description), Qingdao
	TShirt   = "00000000-0000-4000-8000-000000000007" // 童装T恤钉扣 XL码, Shijiazhuang
	Bracelet = "00000000-0000-4000-8000-000000000008" // 水晶串珠手链 (company name in traditional characters), Changfeng
)

// Binzhou is the centre of Binzhou's 滨城区 (371602).
var Binzhou = search.Point{Lat: 37.38, Lng: 117.97}

// Base is the fixtures' reference time; deadlines and publication times are
// whole days and hours from it, all distinct so every sort has one answer.
var Base = time.Date(2026, 3, 1, 8, 0, 0, 0, time.UTC)

type region struct {
	province, city, district, name string
	lat, lng                       float64
}

var (
	binzhou      = region{"370000", "371600", "371602", "山东省 滨州市 滨城区", 37.38, 117.97}
	shijiazhuang = region{"130000", "130100", "130105", "河北省 石家庄市 新华区", 38.05, 114.46}
	qingdao      = region{"370000", "370200", "370202", "山东省 青岛市 市南区", 36.06, 120.31}
	changfeng    = region{"340000", "340100", "340121", "安徽省 合肥市 长丰县", 31.99, 117.26}
)

type craft struct{ code, zh, en string }

var (
	weaving     = craft{"weaving", "编织", "Weaving"}
	beading     = craft{"beading", "串珠", "Beading"}
	paperCut    = craft{"paper_cutting", "剪纸", "Paper cutting"}
	embroidery  = craft{"embroidery", "刺绣", "Embroidery"}
	rhinestone  = craft{"rhinestone", "粘钻", "Rhinestone setting"}
	sewing      = craft{"sewing", "缝纫", "Sewing"}
	depositNone = "none"
)

// Fixtures returns eight realistic published orders. Distinct prices,
// deadlines, publication times and distances make every ordering testable.
func Fixtures() []search.OrderDoc {
	d := func(id, title, desc string, c craft, tags []string, company string, r region, dLat, dLng float64,
		price int64, deadlineDays int, deposit string, publishedHoursAgo float64) search.OrderDoc {
		published := Base.Add(-time.Duration(publishedHoursAgo * float64(time.Hour)))
		return search.OrderDoc{
			ID: id, Title: title, Description: desc, Craft: c.code, CraftNameZH: c.zh, CraftNameEN: c.en, Tags: tags,
			CompanyID: "10000000-0000-4000-8000-" + id[24:], CompanyName: company, CompanyVerified: true,
			ProvinceCode: r.province, CityCode: r.city, DistrictCode: r.district, RegionName: r.name,
			Lat: r.lat + dLat, Lng: r.lng + dLng, UnitPrice: price, Quantity: 5000, RemainingQuantity: 5000,
			MinBidQuantity: 500, BiddingDeadline: Base.AddDate(0, 0, deadlineDays),
			DeliveryDeadline: Base.AddDate(0, 0, deadlineDays+30), DepositKind: deposit,
			DepositWaivable: deposit != depositNone, HourlyEquivalent: price * 6, PublishedAt: published,
		}
	}
	docs := []search.OrderDoc{
		d(Net, "编织网兜 5000 个", "用尼龙绳编织超市水果网兜，来料加工，按件计酬。", weaving, []string{"来料加工", "按件计酬"},
			"滨州巧手编织有限公司", binzhou, 0, 0, 35, 10, depositNone, 1),
		d(Beads, "手工串珠饰品", "串珠手链与耳饰组装，材料由公司提供，需要细心。", beading, []string{"饰品", "耳饰"},
			"石家庄缘饰工艺品有限公司", shijiazhuang, 0, 0, 80, 5, "fixed", 2),
		d(PaperCut, "剪纸窗花", "春节红色窗花，按样品刻制，每幅约二十分钟。", paperCut, []string{"春节", "窗花"},
			"青岛福满堂文化有限公司", qingdao, 0, 0, 120, 20, depositNone, 3),
		d(Sachet, "刺绣香包", "端午香包，绣花后填充艾草，针脚均匀。", embroidery, []string{"端午", "香包"},
			"合肥锦绣手工艺有限公司", changfeng, 0, 0, 300, 15, "per_unit", 4),
		d(HairClip, "粘钻发夹 2024新款 A4纸卡包装", "水钻粘贴发夹，成品装入A4纸卡。", rhinestone, []string{"发饰", "水钻"},
			"滨州亮晶晶饰品厂", binzhou, 0.02, 0.03, 12, 3, "percent_of_material", 5),
		d(Basket, "藤编收纳篮", "藤条编织收纳篮，可装耳饰等小物，工坊也可兼做剪纸装饰。", weaving, []string{"收纳", "藤编"},
			"青岛山海家居用品有限公司", qingdao, 0.01, 0.07, 150, 25, depositNone, 0.5),
		d(TShirt, "童装T恤钉扣 XL码", "为儿童T恤手工钉纽扣，每件4粒，130码到160码。", sewing, []string{"童装", "钉扣"},
			"石家庄小树苗服饰有限公司", shijiazhuang, -0.01, 0.02, 20, 7, depositNone, 6),
		d(Bracelet, "水晶串珠手链", "水晶珠子穿线成手链，按图样配色。", beading, []string{"手链", "水晶"},
			"合肥晶彩飾品有限公司", changfeng, 0.01, 0.04, 60, 12, "fixed", 7),
	}
	for i := range docs {
		docs[i] = withCompanyScores(docs[i])
	}
	return docs
}

// DistanceKm is the haversine distance, the reference the engines are checked against.
func DistanceKm(a, b search.Point) float64 {
	rad := math.Pi / 180
	h := math.Pow(math.Sin((b.Lat-a.Lat)*rad/2), 2) +
		math.Cos(a.Lat*rad)*math.Cos(b.Lat*rad)*math.Pow(math.Sin((b.Lng-a.Lng)*rad/2), 2)
	return 2 * 6371.0088 * math.Asin(math.Sqrt(math.Min(1, h)))
}

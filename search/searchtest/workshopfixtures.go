package searchtest

import (
	"strings"

	"doorstep/search"
)

// Workshop fixture ids, named after the workshop.
const (
	Bilin     = "20000000-0000-4000-8000-000000000001" // 碧林花园社区微工厂, Binzhou: weaving, packaging; verified, guaranteed
	Mingzhu   = "20000000-0000-4000-8000-000000000002" // 明珠花苑社区巧手坊, Shijiazhuang: beading, assembly; verified
	Yunnanlu  = "20000000-0000-4000-8000-000000000003" // 云南路社区手工作坊, Qingdao 市南区: paper cutting, embroidery, rhinestone; verified, guaranteed
	Chuhe     = "20000000-0000-4000-8000-000000000004" // 滁河社区幸福微坊 (host in traditional characters, as in seed 3), Changfeng: assembly, packaging, sewing; 20000 a week
	BeadHouse = "20000000-0000-4000-8000-000000000005" // 彩虹湖手工串珠坊, Binzhou (3.8 km away): beading; guaranteed
	Knot      = "20000000-0000-4000-8000-000000000006" // 中国结编织小组, Qingdao 市北区: weaving; verified
	Quancheng = "20000000-0000-4000-8000-000000000007" // 泉城绣娘工坊, Jinan: embroidery, sewing; verified, guaranteed
)

var workshopNames = map[string]string{Bilin: "Bilin", Mingzhu: "Mingzhu", Yunnanlu: "Yunnanlu", Chuhe: "Chuhe",
	BeadHouse: "BeadHouse", Knot: "Knot", Quancheng: "Quancheng"}

func allWorkshops() []string {
	return []string{Bilin, Mingzhu, Yunnanlu, Chuhe, BeadHouse, Knot, Quancheng}
}

var (
	jinan    = region{"370000", "370100", "370102", "山东省 济南市 历下区", 36.66, 117.05}
	qingdaoN = region{"370000", "370200", "370203", "山东省 青岛市 市北区", 36.09, 120.36}
	assembly = craft{"assembly", "组装", "Assembly"}
	packing  = craft{"packaging", "包装", "Packaging"}
)

// WorkshopFixtures returns seven workshops modelled on the seed stories.
// Capacities (two equal, to test the tie-break), creation times and
// distances are chosen so every ordering has one answer.
func WorkshopFixtures() []search.WorkshopDoc {
	d := func(id, name, host string, r region, dLat, dLng float64, crafts []craft, headcount, capacity int,
		verified, guaranteed bool, createdDaysAgo int) search.WorkshopDoc {
		doc := search.WorkshopDoc{
			ID: id, Name: name, Host: host,
			ProvinceCode: r.province, CityCode: r.city, DistrictCode: r.district, RegionName: r.name,
			Lat: r.lat + dLat, Lng: r.lng + dLng, Crafts: []string{}, CraftNamesZH: []string{}, CraftNamesEN: []string{},
			Headcount: headcount, WeeklyCapacity: capacity, Verified: verified, CommunityGuarantee: guaranteed,
			CreatedAt: Base.AddDate(0, 0, -createdDaysAgo),
		}
		names := strings.Fields(r.name)
		doc.ProvinceName, doc.CityName, doc.DistrictName = names[0], names[1], names[2]
		for _, c := range crafts {
			doc.Crafts = append(doc.Crafts, c.code)
			doc.CraftNamesZH = append(doc.CraftNamesZH, c.zh)
			doc.CraftNamesEN = append(doc.CraftNamesEN, c.en)
		}
		return doc
	}
	docs := []search.WorkshopDoc{
		d(Bilin, "碧林花园社区微工厂", "滨城区市西街道碧林花园社区党总支", binzhou, 0, 0,
			[]craft{weaving, packing}, 36, 3500, true, true, 10),
		d(Mingzhu, "明珠花苑社区巧手坊", "新华区赵佗路街道明珠花苑社区（德正社工）", shijiazhuang, 0, 0,
			[]craft{beading, assembly}, 72, 5000, true, false, 20),
		d(Yunnanlu, "云南路社区手工作坊", "市南区云南路社区党委（365便民工坊）", qingdao, 0, 0,
			[]craft{paperCut, embroidery, rhinestone}, 30, 1200, true, true, 30),
		d(Chuhe, "滁河社区幸福微坊", "長豐縣雙墩鎮滁河社區黨總支", changfeng, 0, 0,
			[]craft{assembly, packing, sewing}, 400, 20000, false, false, 5),
		// Older than Mingzhu: its name match, not its age, puts it first for 串珠.
		d(BeadHouse, "彩虹湖手工串珠坊", "滨城区彩虹湖社区居委会", binzhou, 0.03, 0.02,
			[]craft{beading}, 15, 800, false, true, 25),
		d(Knot, "中国结编织小组", "市北区辽宁路街道", qingdaoN, 0, 0,
			[]craft{weaving}, 20, 2000, true, false, 2),
		d(Quancheng, "泉城绣娘工坊", "历下区泉城路街道", jinan, 0, 0,
			[]craft{embroidery, sewing}, 50, 3500, true, true, 1),
	}
	for i := range docs {
		docs[i] = withWorkshopScores(docs[i])
	}
	return docs
}

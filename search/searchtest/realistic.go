package searchtest

import (
	"fmt"
	"time"

	"doorstep/search"
)

// Realistic is a small marketplace of 60 orders written the way companies
// post them (a few in traditional characters, from Taiwanese and Hong Kong
// buyers), and RealisticQueries are 50 searches written the way
// coordinators type them: run-together words, traditional characters, the
// other name of a craft. Together they measure the zero-result rate:
//
//	go test -v -run ZeroResult ./search/pgsearch/
func Realistic() []search.OrderDoc {
	regions := []region{binzhou, shijiazhuang, qingdao, changfeng, jinan, qingdaoN}
	var docs []search.OrderDoc
	for i, o := range realisticOrders {
		r := regions[i%len(regions)]
		c := craft{o.craft, o.craftZH, o.craftEN}
		docs = append(docs, search.OrderDoc{
			ID:    fmt.Sprintf("40000000-0000-4000-8000-%012d", i+1),
			Title: o.title, Description: o.desc, Craft: c.code, CraftNameZH: c.zh, CraftNameEN: c.en, Tags: o.tags,
			CompanyID: fmt.Sprintf("50000000-0000-4000-8000-%012d", i%17+1), CompanyName: realisticCompanies[i%len(realisticCompanies)],
			CompanyVerified: i%3 != 0, ProvinceCode: r.province, CityCode: r.city, DistrictCode: r.district, RegionName: r.name,
			Lat: r.lat, Lng: r.lng, UnitPrice: int64(10 + i*7%300), Quantity: 5000, RemainingQuantity: 5000, MinBidQuantity: 500,
			BiddingDeadline: Base.AddDate(0, 0, 5+i%30), DeliveryDeadline: Base.AddDate(0, 0, 40+i%30), DepositKind: "none",
			HourlyEquivalent: 1800, PublishedAt: Base.Add(-time.Duration(i) * time.Hour),
		})
	}
	return docs
}

var realisticCompanies = []string{"滨州鑫源工艺品有限公司", "石家庄珠艺饰品有限公司", "青岛悦喜工艺礼品有限公司", "义乌市晶彩饰品厂",
	"合肥锦绣手工艺有限公司", "济南泉城文化用品有限公司", "台北巧藝手作有限公司", "香港嘉美飾品貿易公司"}

var realisticOrders = []struct {
	title, desc, craft, craftZH, craftEN string
	tags                                 []string
}{
	{"编织网兜 5000 个", "尼龙绳编织超市水果网兜，来料加工，按件计酬。", "weaving", "编织", "Weaving", []string{"来料加工", "宝妈"}},
	{"手工串珠饰品", "串珠手链与耳饰组装，材料由公司提供，需要细心。", "beading", "串珠", "Beading", []string{"在家做", "计件"}},
	{"剪纸窗花批量制作", "春节红色窗花，按样品刻制，每幅约二十分钟。", "paper_cutting", "剪纸", "Paper cutting", []string{"春节", "长期合作"}},
	{"刺绣香包", "端午香包，绣花后填充艾草，针脚均匀。", "embroidery", "刺绣", "Embroidery", []string{"端午", "老人"}},
	{"粘钻发夹 2024新款", "水钻粘贴发夹，成品装入纸卡。", "rhinestone", "粘钻", "Rhinestone setting", []string{"发饰", "无押金"}},
	{"藤编收纳篮", "藤条编织收纳篮，工坊可兼做装饰。", "weaving", "编织", "Weaving", []string{"收纳", "长期合作"}},
	{"童装T恤钉扣", "为儿童T恤手工钉纽扣，每件四粒。", "sewing", "缝纫", "Sewing", []string{"童装", "计件"}},
	{"水晶串珠手链", "水晶珠子穿线成手链，按图样配色。", "beading", "串珠", "Beading", []string{"手链", "在家做"}},
	{"木质玩具手绘上色", "木制小汽车按色卡手绘上色，晾干后装袋。", "painting", "上色", "Painting", []string{"玩具", "宝妈"}},
	{"绢花手工制作", "仿真花瓣粘合成束，用于婚庆装饰。", "other", "其他", "Other", []string{"婚庆", "计件"}},
	{"十字绣抱枕套", "按图纸绣十字绣，绣好后缝合成抱枕套。", "embroidery", "刺绣", "Embroidery", []string{"在家做", "老人"}},
	{"毛线编织围巾", "粗毛线棒针编织围巾，长一米六。", "weaving", "编织", "Weaving", []string{"冬季", "宝妈"}},
	{"钩针杯垫", "棉线钩编圆形杯垫，直径十厘米。", "weaving", "编织", "Weaving", []string{"在家做", "计件"}},
	{"中国结编织挂件", "红绳编中国结，配流苏挂件。", "weaving", "编织", "Weaving", []string{"春节", "老人"}},
	{"中秋月饼礼盒包装", "折盒、装盒、贴封条，流水作业。", "packaging", "包装", "Packaging", []string{"急单", "无押金"}},
	{"口罩装袋封口", "口罩装入独立袋并封口，注意卫生。", "packaging", "包装", "Packaging", []string{"计件", "长期合作"}},
	{"化妆品贴标包装", "瓶身贴标签后装盒，标签需端正。", "packaging", "包装", "Packaging", []string{"宝妈", "在家做"}},
	{"圆珠笔组装", "笔芯、弹簧、笔杆组装，每天收货。", "assembly", "组装", "Assembly", []string{"计件", "残疾人"}},
	{"电子元件插件组装", "按图把元件插入电路板，不需焊接。", "assembly", "组装", "Assembly", []string{"培训", "长期合作"}},
	{"LED灯串组装", "圣诞LED灯串装灯头、理线、装盒。", "assembly", "组装", "Assembly", []string{"急单", "计件"}},
	{"打火机组装", "打火机外壳与机芯组装，公司上门培训。", "assembly", "组装", "Assembly", []string{"培训", "无押金"}},
	{"手缝布艺玩偶", "布艺玩偶手工缝合、填充棉花。", "sewing", "缝纫", "Sewing", []string{"宝妈", "在家做"}},
	{"手工纳鞋垫", "纯棉布鞋垫手工纳制，针脚细密。", "sewing", "缝纫", "Sewing", []string{"老人", "长期合作"}},
	{"珠绣手包", "亮片与米珠钉在手包面上，按样图。", "embroidery", "刺绣", "Embroidery", []string{"精细", "计件"}},
	{"烫钻T恤图案", "按模板摆放热钻后熨烫，图案整齐。", "rhinestone", "粘钻", "Rhinestone setting", []string{"服装", "计件"}},
	{"石膏娃娃彩绘", "石膏娃娃坯按样品涂色，颜料公司提供。", "painting", "上色", "Painting", []string{"儿童", "在家做"}},
	{"陶瓷杯手绘", "在素坯陶瓷杯上手绘花卉图案。", "painting", "上色", "Painting", []string{"美术", "长期合作"}},
	{"福字剪纸", "红纸剪福字，边缘整齐无毛刺。", "paper_cutting", "剪纸", "Paper cutting", []string{"春节", "计件"}},
	{"手工皂切块包装", "手工皂切块、贴标、装盒。", "packaging", "包装", "Packaging", []string{"宝妈", "无押金"}},
	{"草编遮阳帽", "麦秸草编织遮阳帽帽檐。", "weaving", "编织", "Weaving", []string{"夏季", "老人"}},
	{"串珠钥匙扣", "亚克力珠串成卡通钥匙扣。", "beading", "串珠", "Beading", []string{"学生", "计件"}},
	{"米珠耳环", "米珠编织流苏耳环，按色卡配色。", "beading", "串珠", "Beading", []string{"精细", "宝妈"}},
	{"头花粘贴", "雪纺花朵粘贴在发圈上，胶要涂匀。", "rhinestone", "粘钻", "Rhinestone setting", []string{"发饰", "在家做"}},
	{"快递纸盒折叠成型", "纸盒折叠、打钉，按箱计件。", "packaging", "包装", "Packaging", []string{"计件", "长期合作"}},
	{"糖果装袋", "散装糖果称重装袋封口。", "packaging", "包装", "Packaging", []string{"急单", "春节"}},
	{"茶叶分装", "茶叶按克数分装小袋并封口。", "packaging", "包装", "Packaging", []string{"计件", "老人"}},
	{"冰箱贴组装", "磁片与树脂图案粘合。", "assembly", "组装", "Assembly", []string{"在家做", "无押金"}},
	{"手机壳贴钻", "手机壳按图贴水钻，成品逐个检查。", "rhinestone", "粘钻", "Rhinestone setting", []string{"精细", "宝妈"}},
	{"蕾丝花边缝制", "蕾丝花边缝在睡衣领口。", "sewing", "缝纫", "Sewing", []string{"服装", "计件"}},
	{"纽扣穿线包装", "纽扣按数量穿线后装卡片。", "packaging", "包装", "Packaging", []string{"老人", "在家做"}},
	{"圣诞饰品组装", "圣诞球挂绳、装盒。", "assembly", "组装", "Assembly", []string{"急单", "计件"}},
	{"气球打包", "气球按颜色点数装袋。", "packaging", "包装", "Packaging", []string{"宝妈", "无押金"}},
	{"香囊縫製", "香囊縫合後填充香料，針腳均勻。", "sewing", "缝纫", "Sewing", []string{"端午", "老人"}},
	{"蘇繡手帕", "真絲手帕蘇繡花卉，按圖樣配線。", "embroidery", "刺绣", "Embroidery", []string{"精細", "長期合作"}},
	{"編織網兜 出口訂單", "尼龍繩編織購物網兜，按件計酬。", "weaving", "编织", "Weaving", []string{"來料加工", "計件"}},
	{"毛絨玩具填充", "毛絨玩具填充棉花後縫合開口。", "sewing", "缝纫", "Sewing", []string{"在家做", "寶媽"}},
	{"手工彩繪團扇", "團扇扇面手工彩繪山水。", "painting", "上色", "Painting", []string{"美術", "計件"}},
	{"绳编手链", "蜡绳编织平结手链，配转运珠。", "weaving", "编织", "Weaving", []string{"学生", "在家做"}},
	{"亚克力挂件组装", "亚克力片装扣环和链条。", "assembly", "组装", "Assembly", []string{"计件", "无押金"}},
	{"丝带蝴蝶结制作", "缎带打蝴蝶结并点胶固定。", "other", "其他", "Other", []string{"礼品", "宝妈"}},
	{"贺卡粘贴", "贺卡内页粘贴立体装饰。", "other", "其他", "Other", []string{"春节", "在家做"}},
	{"铅笔盒装配", "铁皮铅笔盒装铰链和磁扣。", "assembly", "组装", "Assembly", []string{"学生", "计件"}},
	{"袜子翻面包装", "袜子翻面、配对、贴标装袋。", "packaging", "包装", "Packaging", []string{"老人", "长期合作"}},
	{"手套检验包装", "劳保手套检验、配对、打包。", "packaging", "包装", "Packaging", []string{"计件", "残疾人"}},
	{"编织收纳筐", "纸绳编织收纳筐，带提手。", "weaving", "编织", "Weaving", []string{"收纳", "宝妈"}},
	{"钓鱼浮漂组装", "浮漂插尾、上漆、装管。", "assembly", "组装", "Assembly", []string{"精细", "计件"}},
	{"假睫毛粘贴", "睫毛条粘贴上卡，镊子操作。", "other", "其他", "Other", []string{"精细", "在家做"}},
	{"眼镜布包装", "眼镜布折叠装入小袋。", "packaging", "包装", "Packaging", []string{"老人", "无押金"}},
	{"婚庆喜字剪纸", "红色喜字剪纸，双喜图案。", "paper_cutting", "剪纸", "Paper cutting", []string{"婚庆", "计件"}},
	{"端午五彩绳编织", "五彩丝线编手绳，端午节前交货。", "weaving", "编织", "Weaving", []string{"端午", "急单"}},
}

// RealisticQueries are 50 searches as coordinators type them.
var RealisticQueries = []string{
	"网兜", "网袋", "编织网兜", "手提网袋", "串珠", "穿珠手链", "手工串珠", "水晶手链", "剪纸", "剪紙",
	"剪纸窗花", "福字", "刺绣", "刺繡香包", "绣花手帕", "香囊", "粘钻", "贴钻发夹", "镶钻", "烫钻",
	"木质手绘", "手绘上色", "彩绘", "绢花制作", "假花", "十字绣", "抱枕", "毛线围巾", "钩针", "杯垫",
	"中国结", "礼盒包装", "装袋", "贴标", "组装", "圆珠笔组装", "LED组装", "玩偶缝制", "鞋垫", "珠绣",
	"包装 宝妈", "在家做手工活", "来料加工", "无押金", "长期手工活", "手工皂", "纸盒", "假睫毛", "冰箱贴", "蝴蝶结",
}

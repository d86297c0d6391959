package searchtest

import (
	"slices"
	"testing"
	"time"

	"doorstep/search"
)

// languageText: how people type Chinese. Words run together without
// spaces, traditional characters, craft synonyms, digits inside Chinese
// text, a long query.
var languageText = []TextCase{
	// run together: each dictionary word anywhere, not the bigram between (晶手)
	{"水晶手链", []string{Bracelet}},
	{"香包刺绣", []string{Sachet}},
	{"穿珠手链", []string{Beads, Bracelet}}, // 穿珠 is 串珠; Beads has 串珠手链 in its description
	// traditional and simplified are the same text, in queries and in orders
	{"剪紙", []string{PaperCut, Basket}},
	{"刺繡", []string{Sachet}},
	{"饰品", []string{Beads, HairClip, Bracelet}}, // Bracelet's company is written 合肥晶彩飾品
	{"飾品", []string{Beads, HairClip, Bracelet}},
	// craft synonyms (search/synonyms.tsv)
	{"网袋", []string{Net}},
	{"镶钻", []string{HairClip}},
	{"香囊", []string{Sachet}},
	// digits inside Chinese text in a description
	{"160码", []string{TShirt}},
	{"130", []string{TShirt}},
	// twelve characters: six words, all in Net's description
	{"编织超市水果网兜来料加工", []string{Net}},
}

// testLanguage adds the word limit and which field a word is found in.
func testLanguage(t *testing.T, e search.Engine) {
	for _, c := range languageText {
		expectSet(t, e, search.Query{Q: c.Q}, c.Want...)
	}
	// Only the first search.MaxQueryWords words count, in both engines: the
	// eleventh (上海) is not searched for.
	res := orders(e).expectSet(t, search.Query{Q: "编织 网兜 尼龙 超市 水果 来料 加工 滨州 公司 巧手 上海"}, Net)
	if len(res.Words) != search.MaxQueryWords || slices.Contains(res.Words, "上海") {
		t.Errorf("words searched: %q, want the first %d", res.Words, search.MaxQueryWords)
	}
	// A sub-word found in a tag ranks above one found in a description,
	// although the order with it in its description is newer.
	expectOrder(t, e, search.Query{Q: "耳饰"}, Beads, Basket)
}

// testPartial: when no order has every word, the orders with the most words
// (at least half), labelled partial, with the words they have.
func testPartial(t *testing.T, e search.Engine) {
	o := orders(e)
	o.expectPartial(t, search.Query{Q: "编织 上海"}, []string{"编织"}, Net, Basket)
	o.expectPartial(t, search.Query{Q: "剪纸 香包"}, []string{"剪纸"}, PaperCut, Basket) // both match alone: the first
	o.expectPartial(t, search.Query{Q: "编织 网兜 上海"}, []string{"编织", "网兜"}, Net)
	o.expectPartial(t, search.Query{Q: "网兜 上海", Crafts: []string{"weaving"}}, []string{"网兜"}, Net)
	// Under the filters: 剪纸 is in no weaving order but Basket's.
	o.expectPartial(t, search.Query{Q: "剪纸 香包", Crafts: []string{"weaving"}}, []string{"剪纸"}, Basket)
	// Fewer than half the words match: nothing, and no partial label.
	expectSet(t, e, search.Query{Q: "网兜 上海 北京"})
	expectSet(t, e, search.Query{Q: "上海 北京"})
	expectSet(t, e, search.Query{Q: "网兜 上海", Crafts: []string{"beading"}})
}

// Orders for the phrase ranking: the words of 木质手绘 together in a title,
// together in a description, and apart in the newest order's title.
const (
	PhraseTitle = "30000000-0000-4000-8000-000000000001"
	PhraseDesc  = "30000000-0000-4000-8000-000000000002"
	WordsApart  = "30000000-0000-4000-8000-000000000003"
)

func phraseDocs() []search.OrderDoc {
	fx := Fixtures()
	mk := func(id, title, desc string, hoursAgo int) search.OrderDoc {
		d := fx[0]
		d.ID, d.Title, d.Description, d.Tags = id, title, desc, []string{}
		d.CraftNameZH, d.CraftNameEN, d.Craft = "上色", "Painting", "painting"
		d.PublishedAt = Base.Add(-time.Duration(hoursAgo) * time.Hour)
		return d
	}
	return []search.OrderDoc{
		mk(PhraseTitle, "木质手绘杯垫", "按样品上色。", 3),
		mk(PhraseDesc, "儿童杯垫", "木质手绘，按样品上色。", 2),
		mk(WordsApart, "木质玩具手绘上色", "按样品上色。", 1),
	}
}

// testPhrase: the query as one phrase ranks above its words apart; among
// phrase matches the title comes first.
func testPhrase(t *testing.T, e search.Engine) {
	expectOrder(t, e, search.Query{Q: "木质手绘"}, PhraseTitle, PhraseDesc, WordsApart)
	// Separators in the query do not matter: the words' distance in the order does.
	expectOrder(t, e, search.Query{Q: "木质 手绘"}, PhraseTitle, PhraseDesc, WordsApart)
	expectOrder(t, e, search.Query{Q: "木质，手绘"}, PhraseTitle, PhraseDesc, WordsApart)
	// One word: the title first, then the newest.
	expectOrder(t, e, search.Query{Q: "手绘"}, WordsApart, PhraseTitle, PhraseDesc)
}

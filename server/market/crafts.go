package market

// Craft is one kind of handwork a workshop can do and an order can require.
// Codes are stored in the database and sent by clients, so they must never
// change; names are display text only.
type Craft struct {
	Code   string `json:"code"`
	NameZH string `json:"name_zh"`
	NameEN string `json:"name_en"`
}

// crafts is in display order; "other" stays last so it reads as a fallback.
var crafts = []Craft{
	{"weaving", "编织", "Weaving"},
	{"beading", "串珠", "Beading"},
	{"paper_cutting", "剪纸", "Paper cutting"},
	{"embroidery", "刺绣", "Embroidery"},
	{"rhinestone", "粘钻", "Rhinestone setting"},
	{"painting", "上色", "Painting"},
	{"assembly", "组装", "Assembly"},
	{"packaging", "包装", "Packaging"},
	{"sewing", "缝纫", "Sewing"},
	{"other", "其他", "Other"},
}

// Crafts returns the craft list in display order. It is a copy, so callers
// may sort or trim it without affecting others.
func Crafts() []Craft {
	return append([]Craft(nil), crafts...)
}

// CraftByCode finds a craft by its stable code (exact, case-sensitive match:
// codes are machine identifiers, not user input).
func CraftByCode(code string) (Craft, bool) {
	for _, c := range crafts {
		if c.Code == code {
			return c, true
		}
	}
	return Craft{}, false
}

// ValidCraft reports whether code is a known craft code.
func ValidCraft(code string) bool {
	_, ok := CraftByCode(code)
	return ok
}

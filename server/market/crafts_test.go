package market

import (
	"encoding/json"
	"testing"
)

func TestCraftsOrderAndNames(t *testing.T) {
	t.Parallel()
	want := []Craft{
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
	got := Crafts()
	if len(got) != len(want) {
		t.Fatalf("len(Crafts()) = %d, want %d", len(got), len(want))
	}
	for i := range want {
		if got[i] != want[i] {
			t.Errorf("Crafts()[%d] = %+v, want %+v", i, got[i], want[i])
		}
	}
}

func TestCraftsReturnsCopy(t *testing.T) {
	t.Parallel()
	c := Crafts()
	c[0].Code = "mutated"
	if Crafts()[0].Code != "weaving" {
		t.Error("mutating the result of Crafts() changed the package list")
	}
}

func TestCraftByCode(t *testing.T) {
	t.Parallel()
	tests := []struct {
		code   string
		ok     bool
		nameZH string
	}{
		{"weaving", true, "编织"},
		{"paper_cutting", true, "剪纸"},
		{"other", true, "其他"},
		{"Weaving", false, ""},
		{"paper-cutting", false, ""},
		{" weaving", false, ""},
		{"", false, ""},
		{"编织", false, ""},
	}
	for _, tt := range tests {
		c, ok := CraftByCode(tt.code)
		if ok != tt.ok || c.NameZH != tt.nameZH {
			t.Errorf("CraftByCode(%q) = %+v, %v; want ok=%v name %q", tt.code, c, ok, tt.ok, tt.nameZH)
		}
		if ValidCraft(tt.code) != tt.ok {
			t.Errorf("ValidCraft(%q) = %v, want %v", tt.code, !tt.ok, tt.ok)
		}
	}
}

func TestCraftJSON(t *testing.T) {
	t.Parallel()
	b, err := json.Marshal(Crafts()[2])
	if err != nil {
		t.Fatal(err)
	}
	want := `{"code":"paper_cutting","name_zh":"剪纸","name_en":"Paper cutting"}`
	if string(b) != want {
		t.Errorf("json = %s, want %s", b, want)
	}
}

package market

import "testing"

// TestEveryRegionHasACentre: the map picker can open on any division the
// region picker offers, and known districts sit where they are.
func TestEveryRegionHasACentre(t *testing.T) {
	for _, code := range regions().order {
		p, ok := RegionCentre(code)
		if !ok || p.Lat < 3 || p.Lat > 54 || p.Lng < 73 || p.Lng > 136 {
			t.Errorf("%s %s: centre %v %v outside China", code, regions().byCode[code].Name, p, ok)
		}
	}
	for code, want := range map[string]Point{"371602": {37.43, 118.02}, "110101": {39.92, 116.42}, "130105": {38.05, 114.45}} {
		p, _ := RegionCentre(code)
		if d := DistanceKm(p.Lat, p.Lng, want.Lat, want.Lng); d > 15 {
			t.Errorf("%s: centre %v is %.0f km from %v", code, p, d, want)
		}
	}
}

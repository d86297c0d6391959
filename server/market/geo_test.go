package market

import (
	"math"
	"testing"
)

func TestValidLatLng(t *testing.T) {
	t.Parallel()
	tests := []struct {
		lat, lng float64
		want     bool
	}{
		{37.38, 117.97, true},
		{0, 0, true},
		{90, 180, true},
		{-90, -180, true},
		{90.0001, 0, false},
		{-90.0001, 0, false},
		{0, 180.0001, false},
		{0, -180.0001, false},
		{117.97, 37.38, false}, // swapped lat/lng, a common client bug
		{math.NaN(), 0, false},
		{0, math.NaN(), false},
		{math.Inf(1), 0, false},
		{0, math.Inf(-1), false},
	}
	for _, tt := range tests {
		if got := ValidLatLng(tt.lat, tt.lng); got != tt.want {
			t.Errorf("ValidLatLng(%v, %v) = %v, want %v", tt.lat, tt.lng, got, tt.want)
		}
	}
}

func TestDistanceKm(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name                   string
		lat1, lng1, lat2, lng2 float64
		want, tol              float64
	}{
		{"Binzhou-Shijiazhuang", 37.38, 117.97, 38.04, 114.51, 313, 2},
		{"Beijing-Shanghai", 39.9042, 116.4074, 31.2304, 121.4737, 1067, 5},
		{"same point", 37.38, 117.97, 37.38, 117.97, 0, 1e-9},
		{"one degree of latitude", 0, 0, 1, 0, 111.19, 0.01},
		{"antipodes (half circumference)", 0, 0, 0, 180, math.Pi * earthRadiusKm, 1e-6},
		{"across the antimeridian", 0, 179.5, 0, -179.5, 111.19, 0.01},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := DistanceKm(tt.lat1, tt.lng1, tt.lat2, tt.lng2)
			if math.IsNaN(got) || math.Abs(got-tt.want) > tt.tol {
				t.Errorf("DistanceKm = %.4f, want %.4f ± %v", got, tt.want, tt.tol)
			}
			if back := DistanceKm(tt.lat2, tt.lng2, tt.lat1, tt.lng1); math.Abs(back-got) > 1e-9 {
				t.Errorf("not symmetric: %.6f vs %.6f", got, back)
			}
		})
	}
}

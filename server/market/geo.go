package market

import "math"

// earthRadiusKm is the IUGG mean earth radius; haversine on a sphere is
// within ~0.5% of the ellipsoid, plenty for "workshops near me".
const earthRadiusKm = 6371.0088

// ValidLatLng reports whether lat/lng is a usable point in degrees. NaN would
// already fail the range checks (every comparison with NaN is false), but it
// is rejected explicitly so a refactor of the comparisons cannot let it in.
func ValidLatLng(lat, lng float64) bool {
	if math.IsNaN(lat) || math.IsNaN(lng) || math.IsInf(lat, 0) || math.IsInf(lng, 0) {
		return false
	}
	return lat >= -90 && lat <= 90 && lng >= -180 && lng <= 180
}

// DistanceKm is the great-circle distance between two points in kilometres
// (haversine formula, which stays accurate for short distances).
func DistanceKm(lat1, lng1, lat2, lng2 float64) float64 {
	φ1 := lat1 * math.Pi / 180
	φ2 := lat2 * math.Pi / 180
	dφ := (lat2 - lat1) * math.Pi / 180
	dλ := (lng2 - lng1) * math.Pi / 180
	h := math.Sin(dφ/2)*math.Sin(dφ/2) + math.Cos(φ1)*math.Cos(φ2)*math.Sin(dλ/2)*math.Sin(dλ/2)
	// Rounding can push h a hair above 1 for antipodal points; Asin would then be NaN.
	h = math.Min(1, math.Max(0, h))
	return 2 * earthRadiusKm * math.Asin(math.Sqrt(h))
}

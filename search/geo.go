package search

import "math"

// EarthRadiusKm is the IUGG mean radius, the one both engines use.
const EarthRadiusKm = 6371.0088

// DistanceKm is the haversine (great-circle) distance between two points.
func DistanceKm(a, b Point) float64 {
	rad := math.Pi / 180
	h := math.Pow(math.Sin((b.Lat-a.Lat)*rad/2), 2) +
		math.Cos(a.Lat*rad)*math.Cos(b.Lat*rad)*math.Pow(math.Sin((b.Lng-a.Lng)*rad/2), 2)
	// Rounding can push h a hair above 1 for antipodal points; Asin would be NaN.
	return 2 * EarthRadiusKm * math.Asin(math.Sqrt(math.Min(1, h)))
}

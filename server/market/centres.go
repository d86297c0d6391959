package market

import (
	_ "embed"
	"strconv"
	"strings"
	"sync"
)

// centresTSV holds a centre point for each division, for opening the map
// picker on the chosen district; see data/README.md and scripts/region-centres.mjs.
//
//go:embed data/region_centres.tsv
var centresTSV string

// Point is a WGS-84 coordinate.
type Point struct{ Lat, Lng float64 }

var centres = sync.OnceValue(func() map[string]Point {
	out := make(map[string]Point, 3400)
	for line := range strings.Lines(centresTSV) {
		line = strings.TrimRight(line, "\r\n")
		if line == "" || line[0] == '#' {
			continue
		}
		f := strings.Split(line, "\t")
		if len(f) != 3 {
			panic("market: malformed region_centres.tsv line: " + line)
		}
		lat, err1 := strconv.ParseFloat(f[1], 64)
		lng, err2 := strconv.ParseFloat(f[2], 64)
		if err1 != nil || err2 != nil {
			panic("market: malformed region_centres.tsv line: " + line)
		}
		out[f[0]] = Point{lat, lng}
	}
	return out
})

// RegionCentre is the centre of a division, else of the nearest enclosing
// one that has a centre (a few cities without districts have none).
func RegionCentre(code string) (Point, bool) {
	for _, c := range []string{code, CityCode(code), ProvinceCode(code)} {
		if p, ok := centres()[c]; ok && c != "" {
			return p, true
		}
	}
	return Point{}, false
}

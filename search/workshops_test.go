package search

import (
	"errors"
	"math"
	"strings"
	"testing"
)

func TestWorkshopQueryValidate(t *testing.T) {
	n := func(v int) *int { return &v }
	near := &Point{Lat: 37.38, Lng: 117.97}
	valid := []WorkshopQuery{
		{},
		{Q: strings.Repeat(`'"\`, 5000) + "\xff"},
		{Crafts: []string{"weaving", "beading"}, Region: "371602", Near: near, RadiusKm: 50, MinCapacity: n(0),
			Verified: true, Guaranteed: true, Sort: SortDistance, Page: 2, PerPage: 100},
		{Sort: SortCapacity}, {Sort: SortNewest, Near: near}, {Sort: SortRelevance}, {MinCapacity: n(MaxCapacity)},
	}
	for _, q := range valid {
		if err := q.Validate(); err != nil {
			t.Errorf("Validate(%+v) = %v", q, err)
		}
	}
	invalid := map[string][]WorkshopQuery{
		"page":         {{Page: -1}, {Page: 501, PerPage: 20}},
		"per_page":     {{PerPage: -1}, {PerPage: MaxPerPage + 1}},
		"sort":         {{Sort: "random"}, {Sort: SortPriceAsc}, {Sort: SortDeadline}, {Sort: SortDistance}},
		"region":       {{Region: "3716"}, {Region: "３７１６００"}},
		"near":         {{Near: &Point{Lat: 91}}, {Near: &Point{Lat: math.NaN()}}, {RadiusKm: 5}},
		"radius_km":    {{Near: near, RadiusKm: -1}, {Near: near, RadiusKm: math.Inf(1)}, {Near: near, RadiusKm: math.NaN()}},
		"min_capacity": {{MinCapacity: n(-1)}},
		"craft":        {{Crafts: make([]string, MaxCrafts+1)}, {Crafts: []string{""}}, {Crafts: []string{"\xff"}}, {Crafts: []string{"a\x00"}}},
	}
	for param, qs := range invalid {
		for _, q := range qs {
			err := q.Validate()
			var pe *ParamError
			if !errors.Is(err, ErrInvalidQuery) || !errors.As(err, &pe) || pe.Param != param {
				t.Errorf("Validate(%+v) = %v, want an error naming %s", q, err, param)
			}
		}
	}
}

package search

import (
	"errors"
	"math"
	"strings"
	"testing"
	"time"
)

func TestValidate(t *testing.T) {
	i := func(v int64) *int64 { return &v }
	now := time.Now()
	near := &Point{Lat: 37.38, Lng: 117.97}
	valid := []Query{
		{},
		{Q: strings.Repeat("'\"\\", 5000) + "\xff"}, // any text: the tokenizer copes
		{Crafts: []string{"weaving", "beading"}, Region: "371602", PriceMin: i(0), PriceMax: i(0), DeadlineBefore: &now,
			Deposit: "none", Near: near, RadiusKm: 50, Sort: SortDistance, Page: 2, PerPage: MaxPerPage},
		{Page: 500, PerPage: 20},
		{Sort: SortNewest, Near: near}, // near without radius: distances shown
	}
	for _, q := range valid {
		if err := q.Validate(); err != nil {
			t.Errorf("Validate(%+v) = %v", q, err)
		}
	}
	invalid := []Query{
		{Page: -1}, {PerPage: -1}, {PerPage: 101}, {Page: 501, PerPage: 20},
		{Sort: "random"}, {Sort: SortDistance}, {Deposit: "some"},
		{Region: "3716"}, {Region: "37160x"}, {Region: "３７１６００"},
		{PriceMin: i(-1)}, {PriceMax: i(-1)}, {PriceMin: i(10), PriceMax: i(9)},
		{Near: &Point{Lat: 91}}, {Near: &Point{Lng: -181}}, {Near: &Point{Lat: math.NaN()}},
		{RadiusKm: 5}, {Near: near, RadiusKm: -1}, {Near: near, RadiusKm: math.Inf(1)}, {Near: near, RadiusKm: math.NaN()},
		{Crafts: make([]string, MaxCrafts+1)}, {Crafts: []string{""}}, {Crafts: []string{strings.Repeat("x", 65)}},
		{Crafts: []string{"a\x00"}}, {Crafts: []string{"\xff"}},
	}
	for _, q := range invalid {
		if err := q.Validate(); !errors.Is(err, ErrInvalidQuery) {
			t.Errorf("Validate(%+v) = %v, want ErrInvalidQuery", q, err)
		}
	}
}

func TestRegionLevel(t *testing.T) {
	for code, want := range map[string]string{"370000": "province", "371600": "city", "371602": "district",
		"110000": "province", "110100": "city", "110105": "district"} {
		if got := RegionLevel(code); got != want {
			t.Errorf("RegionLevel(%s) = %s, want %s", code, got, want)
		}
	}
}

func TestWorkshopQueryValidate(t *testing.T) {
	n := func(v int) *int { return &v }
	near := &Point{Lat: 37.38, Lng: 117.97}
	valid := []WorkshopQuery{
		{},
		{Q: strings.Repeat(`'"\`, 5000) + "\xff"},
		{Crafts: []string{"weaving", "beading"}, Region: "371602", Near: near, RadiusKm: 50, MinCapacity: n(0),
			Verified: true, Guaranteed: true, Sort: SortDistance, Page: 2, PerPage: MaxPerPage},
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

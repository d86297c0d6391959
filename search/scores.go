package search

import "math"

// Scorecards in search (issue 13): each order carries its posting company's
// figures, each workshop its own, so both engines filter and sort by them.
//
// The rule for a short track record: a rate or rating is null when it rests
// on fewer than MinSettled settled contracts (the scorecard shows "too few"
// instead of a percentage), or has no basis at all (no pieces delivered, no
// rating yet). A filter on a figure excludes documents whose figure is null
// (a company with two settled contracts has no rejection rate, so it is not
// "at most 5 %"); a sort on a figure puts them after every document that has
// one, newest first among themselves. Counts of settled contracts are always
// there and filter and sort like any number.

// MinSettled is the settled contracts a figure needs (market.MinSettledForRates).
const MinSettled = 3

// Scorecard sorts: best first, documents without the figure last.
const (
	SortCompanyRating    = "company_rating"    // orders: the company's average rating, highest first
	SortCompanyRejection = "company_rejection" // orders: the company's rejection rate, lowest first
	SortCompleted        = "completed"         // workshops: contracts completed, most first
	SortOnTime           = "on_time"           // workshops: on-time delivery rate, highest first
	SortAcceptance       = "acceptance"        // workshops: acceptance rate, highest first
	SortRating           = "rating"            // workshops: average rating, highest first
)

// Bounds of the scorecard filters.
const (
	MaxSettledFilter = 1_000_000
	MinRating        = 1
	MaxRating        = 5
)

// CompanyFilter filters orders by the posting company's scorecard. Nil
// fields do not filter; a set rate or rating filter excludes orders whose
// company has no such figure (see above).
type CompanyFilter struct {
	RejectionMax *float64 // company_rejection_max: rejection rate at most, percent 0..100
	OnTimeMin    *float64 // company_on_time_min: escrow funded on time at least, percent 0..100
	RatingMin    *float64 // company_rating_min: average rating at least, 1..5
	SettledMin   *int64   // company_settled_min: settled contracts at least
}

// Any reports whether any scorecard filter is set.
func (f CompanyFilter) Any() bool {
	return f.RejectionMax != nil || f.OnTimeMin != nil || f.RatingMin != nil || f.SettledMin != nil
}

func (f CompanyFilter) check() error {
	return firstErr(percent("company_rejection_max", f.RejectionMax), percent("company_on_time_min", f.OnTimeMin),
		rating("company_rating_min", f.RatingMin), count("company_settled_min", f.SettledMin))
}

// WorkshopFilter filters workshops by their scorecard, with the same rule.
type WorkshopFilter struct {
	CompletedMin  *int64   // completed_min: contracts completed at least
	OnTimeMin     *float64 // on_time_min: on-time delivery rate at least, percent 0..100
	AcceptanceMin *float64 // acceptance_min: acceptance rate at least, percent 0..100
	RatingMin     *float64 // rating_min: average rating at least, 1..5
}

// Any reports whether any scorecard filter is set.
func (f WorkshopFilter) Any() bool {
	return f.CompletedMin != nil || f.OnTimeMin != nil || f.AcceptanceMin != nil || f.RatingMin != nil
}

func (f WorkshopFilter) check() error {
	return firstErr(count("completed_min", f.CompletedMin), percent("on_time_min", f.OnTimeMin),
		percent("acceptance_min", f.AcceptanceMin), rating("rating_min", f.RatingMin))
}

func percent(param string, v *float64) error {
	if v != nil && !(*v >= 0 && *v <= 100) { // NaN fails both
		return bad(param, "must be a percentage 0..100")
	}
	return nil
}

func rating(param string, v *float64) error {
	if v != nil && !(*v >= MinRating && *v <= MaxRating) {
		return bad(param, "must be %d..%d", MinRating, MaxRating)
	}
	return nil
}

func count(param string, v *int64) error {
	if v != nil && (*v < 0 || *v > MaxSettledFilter) {
		return bad(param, "must be 0..%d", MaxSettledFilter)
	}
	return nil
}

func firstErr(errs ...error) error {
	for _, err := range errs {
		if err != nil {
			return err
		}
	}
	return nil
}

// Percent turns a scorecard share (0..1, nil when too few contracts) into the
// indexed percentage with one decimal, so a filter value typed as a
// percentage compares with exactly the figure the scorecard shows.
func Percent(share *float64) *float64 {
	if share == nil {
		return nil
	}
	v := math.Round(*share*1000) / 10
	return &v
}

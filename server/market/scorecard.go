package market

import "math"

// MinSettledForRates: a rate computed from fewer settled contracts is not
// shown as a percentage; the page says there are too few.
const MinSettledForRates = 3

// Rate is a share in [0, 1], or nothing when its basis is too small.
type Rate struct {
	Value  *float64 `json:"value"`  // null: too few settled contracts to say
	Num    int64    `json:"num"`    // e.g. rejected pieces
	Den    int64    `json:"den"`    // e.g. delivered pieces
	Enough bool     `json:"enough"` // at least MinSettledForRates settled contracts
}

// NewRate is num/den rounded to a tenth of a percent, shown only with enough history.
func NewRate(num, den, settled int64) Rate {
	r := Rate{Num: num, Den: den, Enough: settled >= MinSettledForRates}
	if r.Enough && den > 0 {
		v := math.Round(float64(num)/float64(den)*1000) / 1000
		r.Value = &v
	}
	return r
}

// CompanyScorecard is a company's public record: how it pays, inspects and
// rejects — the figures workshops see before they bid.
type CompanyScorecard struct {
	ContractsSettled     int64    `json:"contracts_settled"`
	RejectionRate        Rate     `json:"rejection_rate"` // rejected ÷ delivered, settled contracts
	FundedOnTime         Rate     `json:"funded_on_time"` // escrow funded by the due day ÷ contracts whose funding was decided
	DisputesLost         int64    `json:"disputes_lost"`  // disputes in which staff accepted pieces the company had rejected
	MedianInspectionDays *float64 `json:"median_inspection_days"`
	AverageRating        *float64 `json:"average_rating"`
	Ratings              int64    `json:"ratings"`
}

// WorkshopScorecard is a workshop's public record.
type WorkshopScorecard struct {
	ContractsCompleted int64    `json:"contracts_completed"`
	OnTimeRate         Rate     `json:"on_time_rate"`    // last delivery by the due date ÷ settled
	AcceptanceRate     Rate     `json:"acceptance_rate"` // accepted ÷ delivered, settled contracts
	DisputesLost       int64    `json:"disputes_lost"`   // disputes in which staff upheld every rejection
	AverageRating      *float64 `json:"average_rating"`
	Ratings            int64    `json:"ratings"`
}

// RoundTo1 rounds to one decimal (ratings, days).
func RoundTo1(v float64) *float64 {
	r := math.Round(v*10) / 10
	return &r
}

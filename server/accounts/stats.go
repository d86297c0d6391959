package accounts

import "context"

// PublicStats are the platform figures on the landing page.
type PublicStats struct {
	Companies          int64 `json:"companies"`
	Workshops          int64 `json:"workshops"`
	VerifiedCompanies  int64 `json:"verified_companies"`
	VerifiedWorkshops  int64 `json:"verified_workshops"`
	ResidentsHeadcount int64 `json:"residents_headcount"`
}

// PublicStats counts organisations and workshop headcount.
func (s *Service) PublicStats(ctx context.Context) (PublicStats, error) {
	r, err := s.Store.DB().PublicStats(ctx)
	return PublicStats{Companies: r.Companies, Workshops: r.Workshops, VerifiedCompanies: r.VerifiedCompanies,
		VerifiedWorkshops: r.VerifiedWorkshops, ResidentsHeadcount: r.ResidentsHeadcount}, err
}

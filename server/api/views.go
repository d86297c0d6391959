package api

import (
	"time"

	"github.com/google/uuid"

	"doorstep/server/market"
)

// UserView is a user as the API shows it (never the password hash).
type UserView struct {
	ID        uuid.UUID `json:"id"`
	Email     string    `json:"email"`
	Name      string    `json:"name"`
	Phone     string    `json:"phone"`
	StaffRole string    `json:"staff_role,omitempty"`
	CreatedAt time.Time `json:"created_at"`
}

func userView(u market.User) UserView {
	return UserView{ID: u.ID, Email: u.Email, Name: u.Name, Phone: u.Phone, StaffRole: u.StaffRole, CreatedAt: u.CreatedAt}
}

// OrgView is an organisation as its members and staff see it.
type OrgView struct {
	ID                 uuid.UUID  `json:"id"`
	Kind               string     `json:"kind"`
	Name               string     `json:"name"`
	Verified           bool       `json:"verified"`
	VerifiedAt         *time.Time `json:"verified_at"`
	CommunityGuarantee bool       `json:"community_guarantee"`
	RegionCode         string     `json:"region_code"`
	RegionName         string     `json:"region_name"`
	Address            string     `json:"address"`
	CreatedAt          time.Time  `json:"created_at"`
	// company
	CreditCode   *string `json:"credit_code,omitempty"`
	ContactName  *string `json:"contact_name,omitempty"`
	ContactPhone *string `json:"contact_phone,omitempty"`
	// workshop
	Host           *string  `json:"host,omitempty"`
	Lat            *float64 `json:"lat,omitempty"`
	Lng            *float64 `json:"lng,omitempty"`
	Crafts         []string `json:"crafts,omitempty"`
	Headcount      *int     `json:"headcount,omitempty"`
	WeeklyCapacity *int     `json:"weekly_capacity,omitempty"`
}

func orgView(o market.Org) OrgView {
	v := OrgView{ID: o.ID, Kind: o.Kind, Name: o.Name, Verified: o.VerifiedAt != nil, VerifiedAt: o.VerifiedAt,
		CommunityGuarantee: o.CommunityGuarantee, RegionCode: o.RegionCode, RegionName: market.RegionFullName(o.RegionCode),
		Address: o.Address, CreatedAt: o.CreatedAt}
	if o.Kind == market.KindCompany {
		v.CreditCode, v.ContactName, v.ContactPhone = &o.CreditCode, &o.ContactName, &o.ContactPhone
	} else {
		v.Host, v.Lat, v.Lng, v.Crafts = &o.Host, &o.Lat, &o.Lng, o.Crafts
		v.Headcount, v.WeeklyCapacity = &o.Headcount, &o.WeeklyCapacity
	}
	return v
}

// Page is the envelope of every list.
type Page[T any] struct {
	Items   []T   `json:"items"`
	Total   int64 `json:"total"`
	Page    int   `json:"page"`
	PerPage int   `json:"per_page"`
}

// PageQuery is embedded in list requests.
type PageQuery struct {
	Page    int `query:"page"`
	PerPage int `query:"per_page"`
}

// limits validates paging and returns LIMIT and OFFSET.
func (p *PageQuery) limits() (limit, offset int32, err error) {
	var v market.Validator
	v.Check(p.Page >= 0 && p.Page <= 100000, "page", "页码无效", "page must be between 1 and 100000")
	v.Check(p.PerPage >= 0 && p.PerPage <= 100, "per_page", "每页条数需在1到100之间", "per_page must be between 1 and 100")
	if err := v.Err(); err != nil {
		return 0, 0, err
	}
	if p.Page == 0 {
		p.Page = 1
	}
	if p.PerPage == 0 {
		p.PerPage = 20
	}
	return int32(p.PerPage), int32((p.Page - 1) * p.PerPage), nil
}

// IDParam is the :id path parameter; a malformed id is simply not found.
type IDParam struct {
	ID string `params:"id" json:"-"`
}

func (p IDParam) uuid() (uuid.UUID, error) {
	id, err := uuid.Parse(p.ID)
	if err != nil {
		return uuid.Nil, market.ErrNotFound
	}
	return id, nil
}

func deref[T any](p *T) T {
	var zero T
	if p == nil {
		return zero
	}
	return *p
}

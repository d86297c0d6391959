package accounts

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

func NewUserView(u market.User) UserView {
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

func NewOrgView(o market.Org) OrgView {
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

// AuthResponse is a started session: the token is shown once.
type AuthResponse struct {
	User      UserView  `json:"user"`
	Org       *OrgView  `json:"org"`
	Role      string    `json:"role"`
	Token     string    `json:"token"`
	ExpiresAt time.Time `json:"expires_at"`
}

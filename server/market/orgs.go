package market

import (
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/google/uuid"
)

const (
	KindCompany  = "company"
	KindWorkshop = "workshop"

	RoleOwner  = "owner"
	RoleMember = "member"

	StaffAdmin     = "admin"
	StaffModerator = "moderator"
	StaffFinance   = "finance" // matches bank transfers, sends payouts and refunds
)

// StaffRoles are the platform staff roles.
var StaffRoles = []string{StaffAdmin, StaffModerator, StaffFinance}

// IsStaffRole reports whether role is a platform staff role.
func IsStaffRole(role string) bool {
	for _, r := range StaffRoles {
		if r == role {
			return true
		}
	}
	return false
}

// Org is an organisation: a partner company or a community workshop.
type Org struct {
	ID                 uuid.UUID
	Kind               string
	Name               string
	RegionCode         string
	Address            string
	VerifiedAt         *time.Time
	CommunityGuarantee bool
	CreatedAt          time.Time
	// company
	CreditCode, ContactName, ContactPhone string
	// workshop
	Host                      string
	Lat, Lng                  float64
	Crafts                    []string
	Headcount, WeeklyCapacity int
}

// Guaranteed: a waivable deposit is waived for verified workshops with a
// community guarantee (DESIGN.md, Money).
func (o Org) Guaranteed() bool { return Guaranteed(o.VerifiedAt != nil, o.CommunityGuarantee) }

// Guaranteed is the rule itself, for views that carry the two badges.
func Guaranteed(verified, communityGuarantee bool) bool { return verified && communityGuarantee }

// OrgInput is what a user may send for an organisation. Nil means "not
// given": required on registration, unchanged on edit.
type OrgInput struct {
	Kind           string   `json:"kind"`
	Name           *string  `json:"name"`
	RegionCode     *string  `json:"region_code"`
	Address        *string  `json:"address"`
	CreditCode     *string  `json:"credit_code"`
	ContactName    *string  `json:"contact_name"`
	ContactPhone   *string  `json:"contact_phone"`
	Host           *string  `json:"host"`
	Lat            *float64 `json:"lat"`
	Lng            *float64 `json:"lng"`
	Crafts         []string `json:"crafts"`
	Headcount      *int     `json:"headcount"`
	WeeklyCapacity *int     `json:"weekly_capacity"`
}

// NewOrg validates a registration. Field names are prefixed (e.g. "org.").
func NewOrg(in OrgInput, prefix string) (Org, error) {
	var v Validator
	if !v.Check(in.Kind == KindCompany || in.Kind == KindWorkshop, prefix+"kind",
		"请选择机构类型：企业或工坊", "kind must be company or workshop") {
		return Org{}, v.Err()
	}
	return applyOrg(Org{Kind: in.Kind}, in, prefix, true, &v)
}

// EditOrg applies an edit to an existing organisation and validates the result.
func EditOrg(cur Org, in OrgInput, prefix string) (Org, error) {
	var v Validator
	v.Check(in.Kind == "" || in.Kind == cur.Kind, prefix+"kind", "机构类型不能修改", "kind cannot be changed")
	if in.CreditCode != nil && NormalizeCreditCode(*in.CreditCode) != cur.CreditCode {
		v.Check(false, prefix+"credit_code", "统一社会信用代码不能修改，如需更正请联系平台", "the credit code cannot be changed; contact staff to correct it")
	}
	return applyOrg(cur, in, prefix, false, &v)
}

func applyOrg(o Org, in OrgInput, p string, creating bool, v *Validator) (Org, error) {
	text(v, &o.Name, in.Name, p+"name", 2, 100, creating, "名称", "name")
	if in.RegionCode != nil || creating {
		o.RegionCode = strings.TrimSpace(deref(in.RegionCode))
		v.Check(ValidRegionCode(o.RegionCode), p+"region_code", "请选择有效的行政区划（6位代码）", "choose a valid 6-digit region code")
	}
	text(v, &o.Address, in.Address, p+"address", 2, 200, creating, "地址", "address")
	switch o.Kind {
	case KindCompany:
		if creating {
			o.CreditCode = NormalizeCreditCode(deref(in.CreditCode))
			if err := ValidateCreditCode(o.CreditCode); err != nil {
				v.Check(false, p+"credit_code", "统一社会信用代码无效："+creditCodeReasonZH(err), "invalid unified social credit code: "+err.Error())
			}
		}
		text(v, &o.ContactName, in.ContactName, p+"contact_name", 2, 50, creating, "联系人", "contact name")
		if in.ContactPhone != nil || creating {
			o.ContactPhone = NormalizePhone(deref(in.ContactPhone))
			v.Check(ValidPhone(o.ContactPhone), p+"contact_phone", "请输入有效的手机或固定电话号码", "enter a valid mobile or landline number")
		}
		notFor(v, p, "workshop", in.Host != nil, "host")
		notFor(v, p, "workshop", in.Lat != nil || in.Lng != nil, "lat")
		notFor(v, p, "workshop", in.Crafts != nil, "crafts")
		notFor(v, p, "workshop", in.Headcount != nil, "headcount")
		notFor(v, p, "workshop", in.WeeklyCapacity != nil, "weekly_capacity")
	case KindWorkshop:
		text(v, &o.Host, in.Host, p+"host", 2, 100, creating, "所属社区", "host community")
		if in.Lat != nil || in.Lng != nil || creating {
			lat, lng := o.Lat, o.Lng
			if in.Lat != nil {
				lat = *in.Lat
			}
			if in.Lng != nil {
				lng = *in.Lng
			}
			ok := (in.Lat != nil || !creating) && (in.Lng != nil || !creating) && ValidLatLng(lat, lng)
			v.Check(ok, p+"lat", "请填写有效的纬度和经度（地图位置）", "enter a valid latitude and longitude")
			o.Lat, o.Lng = lat, lng
		}
		if in.Crafts != nil || creating {
			o.Crafts = dedupe(in.Crafts)
			ok := len(o.Crafts) >= 1 && len(o.Crafts) <= 10
			for _, c := range o.Crafts {
				ok = ok && ValidCraft(c)
			}
			v.Check(ok, p+"crafts", "请选择1到10项有效的手工类别", "choose 1 to 10 valid crafts")
		}
		number(v, &o.Headcount, in.Headcount, p+"headcount", 1, 100000, creating, "参与居民人数", "headcount")
		number(v, &o.WeeklyCapacity, in.WeeklyCapacity, p+"weekly_capacity", 1, 10000000, creating, "每周产能（件）", "weekly capacity (pieces)")
		notFor(v, p, "company", in.CreditCode != nil, "credit_code")
		notFor(v, p, "company", in.ContactName != nil, "contact_name")
		notFor(v, p, "company", in.ContactPhone != nil, "contact_phone")
	}
	return o, v.Err()
}

// text trims and length-checks a string field (length in characters, not bytes).
func text(v *Validator, dst *string, in *string, field string, min, max int, required bool, zh, en string) {
	if in == nil && !required {
		return
	}
	s := strings.TrimSpace(deref(in))
	n := utf8.RuneCountInString(s)
	v.Check(utf8.ValidString(s) && n >= min && n <= max, field,
		zh+"需为"+itoa(min)+"到"+itoa(max)+"个字", en+" must be "+itoa(min)+" to "+itoa(max)+" characters")
	*dst = s
}

func number(v *Validator, dst *int, in *int, field string, min, max int, required bool, zh, en string) {
	if in == nil && !required {
		return
	}
	n := 0
	if in != nil {
		n = *in
	}
	v.Check(in != nil && n >= min && n <= max, field,
		zh+"需在"+itoa(min)+"到"+itoa(max)+"之间", en+" must be between "+itoa(min)+" and "+itoa(max))
	*dst = n
}

func notFor(v *Validator, p, kind string, given bool, field string) {
	if kind == "workshop" {
		v.Check(!given, p+field, "该字段仅适用于工坊", "this field applies to workshops only")
	} else {
		v.Check(!given, p+field, "该字段仅适用于企业", "this field applies to companies only")
	}
}

func dedupe(in []string) []string {
	out := make([]string, 0, len(in))
	seen := map[string]bool{}
	for _, s := range in {
		s = strings.TrimSpace(s)
		if !seen[s] {
			seen[s] = true
			out = append(out, s)
		}
	}
	return out
}

func deref[T any](p *T) T {
	var zero T
	if p == nil {
		return zero
	}
	return *p
}

func creditCodeReasonZH(err error) string {
	switch err {
	case ErrCreditCodeLength:
		return "应为18位"
	case ErrCreditCodeCharset:
		return "含有无效字符（不使用 I、O、Z、S、V）"
	case ErrCreditCodeDivision:
		return "第3至8位应为行政区划代码"
	case ErrCreditCodeCheckDigit:
		return "校验位不正确，请核对是否输错"
	}
	return "格式不正确"
}

func itoa(n int) string { return strconv.Itoa(n) }

package market

import (
	"slices"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/google/uuid"
)

// Sensitive tags a resident may consent to having recorded. They are seen by
// the resident's workshop's coordinators alone and reported to others only
// in k-anonymous aggregates.
const (
	TagElderly   = "elderly"
	TagDisabled  = "disabled"
	TagLowIncome = "low_income"
	TagCaregiver = "caregiver"
)

// ResidentTags are the tags in display order, with their names.
var ResidentTags = []struct{ Code, NameZH, NameEN string }{
	{TagElderly, "老年人", "Elderly"},
	{TagDisabled, "残疾人", "Disabled"},
	{TagLowIncome, "低收入", "Low income"},
	{TagCaregiver, "照护家人", "Caregiver"},
}

// ValidTag reports whether s is one of ResidentTags.
func ValidTag(s string) bool {
	return slices.ContainsFunc(ResidentTags, func(t struct{ Code, NameZH, NameEN string }) bool { return t.Code == s })
}

// TagName is a tag's name in lang ("en" or Chinese).
func TagName(code, lang string) string {
	for _, t := range ResidentTags {
		if t.Code == code {
			return Msg{t.NameZH, t.NameEN}.In(lang)
		}
	}
	return code
}

// TagConsent is a recorded tag with who recorded the resident's consent and when.
type TagConsent struct {
	Tag        string    `json:"tag"`
	RecordedBy string    `json:"recorded_by"`
	RecordedAt time.Time `json:"recorded_at"`
}

// Resident is a roster entry of a workshop. Residents do not sign in.
type Resident struct {
	ID         uuid.UUID
	WorkshopID uuid.UUID
	Name       string
	Phone      string
	Crafts     []string
	JoinedOn   time.Time // a date (midnight UTC)
	Active     bool
	Tags       []TagConsent
	CreatedAt  time.Time
	UpdatedAt  time.Time
}

// TagCodes lists the resident's tag codes.
func (r Resident) TagCodes() []string {
	out := make([]string, 0, len(r.Tags))
	for _, t := range r.Tags {
		out = append(out, t.Tag)
	}
	return out
}

// ResidentInput is a create (all fields) or a partial edit (nil: unchanged).
// Tags replace the recorded tags; adding one needs TagsConsent, the
// coordinator's confirmation that the resident agreed to it being recorded.
type ResidentInput struct {
	Name        *string   `json:"name,omitempty"`
	Phone       *string   `json:"phone,omitempty"`
	Crafts      []string  `json:"crafts,omitempty"`
	JoinedOn    *string   `json:"joined_on,omitempty"` // YYYY-MM-DD
	Active      *bool     `json:"active,omitempty"`
	Tags        *[]string `json:"tags,omitempty"`
	TagsConsent bool      `json:"tags_consent,omitempty"`
}

// DateLayout is how dates travel (joined_on).
const DateLayout = "2006-01-02"

// ApplyResidentInput validates in onto r (a new resident when creating) and
// returns the tags to record when in.Tags is set (nil: leave them). had are
// the tags recorded already, which need no new consent.
func ApplyResidentInput(r Resident, in ResidentInput, creating bool, today time.Time) (Resident, []string, error) {
	var v Validator
	if in.Name != nil || creating {
		name := ""
		if in.Name != nil {
			name = strings.TrimSpace(*in.Name)
		}
		n := utf8.RuneCountInString(name)
		v.Check(n >= 1 && n <= 50, "name", "姓名需为1到50个字", "name must be 1 to 50 characters")
		r.Name = name
	}
	if in.Phone != nil {
		r.Phone = ""
		if p := strings.TrimSpace(*in.Phone); p != "" {
			r.Phone = NormalizePhone(p)
			v.Check(r.Phone != "", "phone", "请输入有效的手机或固定电话号码", "enter a valid mobile or landline number")
		}
	}
	if in.Crafts != nil || creating {
		crafts := []string{}
		for _, c := range in.Crafts {
			if !slices.Contains(crafts, c) {
				crafts = append(crafts, c)
			}
			v.Check(ValidCraft(c), "crafts", "工艺类别无效", "unknown craft")
		}
		v.Check(len(crafts) <= 10, "crafts", "最多选择10项工艺", "at most 10 crafts")
		r.Crafts = crafts
	}
	if in.JoinedOn != nil {
		d, err := time.Parse(DateLayout, strings.TrimSpace(*in.JoinedOn))
		if v.Check(err == nil, "joined_on", "日期格式应为 YYYY-MM-DD", "date must be YYYY-MM-DD") {
			v.Check(!d.After(today.AddDate(0, 0, 1)) && d.Year() >= 1990, "joined_on", "加入日期无效", "joined date is out of range")
		}
		r.JoinedOn = d
	} else if creating {
		r.JoinedOn = time.Date(today.Year(), today.Month(), today.Day(), 0, 0, 0, 0, time.UTC)
	}
	if in.Active != nil {
		r.Active = *in.Active
	} else if creating {
		r.Active = true
	}
	var tags []string
	if in.Tags != nil {
		tags = []string{}
		had := r.TagCodes()
		for _, t := range *in.Tags {
			if slices.Contains(tags, t) {
				continue
			}
			v.Check(ValidTag(t), "tags", "标签无效", "unknown tag")
			tags = append(tags, t)
			if !slices.Contains(had, t) {
				v.Check(in.TagsConsent, "tags_consent", "记录敏感标签前需征得居民本人同意", "record a sensitive tag only with the resident's consent")
			}
		}
	}
	return r, tags, v.Err()
}

// MaskPhone hides the middle of a phone number for lists: 138****5678.
func MaskPhone(p string) string {
	r := []rune(p)
	switch {
	case len(r) == 0:
		return ""
	case len(r) <= 4:
		return strings.Repeat("*", len(r))
	case len(r) < 8:
		return string(r[:1]) + strings.Repeat("*", len(r)-3) + string(r[len(r)-2:])
	}
	return string(r[:3]) + strings.Repeat("*", len(r)-7) + string(r[len(r)-4:])
}

// ResidentTagCodes are the tag codes, in display order.
func ResidentTagCodes() []string {
	out := make([]string, len(ResidentTags))
	for i, t := range ResidentTags {
		out[i] = t.Code
	}
	return out
}

package market

import (
	_ "embed"
	"strings"
	"sync"
	"time"
	"unicode/utf8"

	"github.com/google/uuid"
)

// User is a person who signs in: a member of one organisation, or staff.
type User struct {
	ID        uuid.UUID
	Email     string
	Name      string
	Phone     string
	StaffRole string // "", admin or moderator
	CreatedAt time.Time
}

// Actor is who is making a request, resolved from the session.
type Actor struct {
	User      User
	OrgID     uuid.UUID // uuid.Nil for staff
	OrgKind   string
	OrgRole   string // owner or member
	SessionID []byte // hash of the session token
}

func (a *Actor) IsStaff() bool { return a != nil && a.User.StaffRole != "" }
func (a *Actor) IsAdmin() bool { return a != nil && a.User.StaffRole == StaffAdmin }

// IsFinance: finance staff (admins may act for them).
func (a *Actor) IsFinance() bool {
	return a != nil && (a.User.StaffRole == StaffFinance || a.User.StaffRole == StaffAdmin)
}

// Role is what /me reports: the organisation role, or the staff role.
func (a *Actor) Role() string {
	if a.User.StaffRole != "" {
		return a.User.StaffRole
	}
	return a.OrgRole
}

// PasswordMinLen and PasswordMaxLen bound passwords; the maximum keeps
// hashing cost bounded for hostile input.
const (
	PasswordMinLen = 10
	PasswordMaxLen = 200
)

// CheckPassword validates a new password into v under field. personal are
// the account's own email and phone, which the password may not equal.
// The field error says why a password is refused.
func CheckPassword(v *Validator, field, pw string, personal ...string) {
	n := utf8.RuneCountInString(pw)
	v.Check(n >= PasswordMinLen, field, "密码至少需要10个字符", "password must be at least 10 characters")
	v.Check(n <= PasswordMaxLen, field, "密码不能超过200个字符", "password must be at most 200 characters")
	if v.Has(field) {
		return
	}
	v.Check(distinctRunes(pw, 4) >= 4, field, "密码至少需要包含4个不同的字符（不能全是空格或同一个字符）",
		"use at least 4 different characters (not only spaces or one repeated character)")
	v.Check(!commonPassword(pw), field, "这是最常见的一万个密码之一，很容易被猜中，请换一个",
		"this is one of the 10,000 most common passwords and easy to guess; choose another")
	lower := strings.ToLower(strings.TrimSpace(pw))
	for _, p := range personal {
		p = strings.ToLower(strings.TrimSpace(p))
		same := p != "" && (lower == p || (NormalizePhone(p) != "" && NormalizePhone(lower) == NormalizePhone(p)))
		if local, _, ok := strings.Cut(p, "@"); ok && local != "" && lower == local {
			same = true
		}
		v.Check(!same, field, "密码不能与邮箱或电话号码相同", "the password must not be your email address or phone number")
	}
}

// distinctRunes counts the different characters of s, up to enough.
func distinctRunes(s string, enough int) int {
	seen := map[rune]bool{}
	for _, r := range s {
		if seen[r] = true; len(seen) >= enough {
			break
		}
	}
	return len(seen)
}

// commonPasswordsTXT is the 10,000 most common passwords (data/README.md
// says where it comes from).
//
//go:embed data/common_passwords.txt
var commonPasswordsTXT string

var commonPasswords = sync.OnceValue(func() map[string]bool {
	m := make(map[string]bool, 10000)
	for line := range strings.Lines(commonPasswordsTXT) {
		if line = strings.TrimRight(line, "\r\n"); line != "" {
			m[strings.ToLower(line)] = true
		}
	}
	return m
})

// commonPassword reports whether pw is on the common list, ignoring case.
func commonPassword(pw string) bool { return commonPasswords()[strings.ToLower(pw)] }

// UserInput is a person's own details on registration or edit.
type UserInput struct {
	Email    string `json:"email"`
	Password string `json:"password"`
	Name     string `json:"name"`
	Phone    string `json:"phone"`
}

// CheckNewUser validates and normalises a registration's person fields.
func CheckNewUser(v *Validator, in *UserInput) {
	in.Email = NormalizeEmail(in.Email)
	v.Check(ValidEmail(in.Email), "email", "请输入有效的邮箱地址", "enter a valid email address")
	CheckProfile(v, &in.Name, &in.Phone)
	CheckPassword(v, "password", in.Password, in.Email, in.Phone)
}

// CheckProfile validates a person's name and phone.
func CheckProfile(v *Validator, name, phone *string) {
	*name = strings.TrimSpace(*name)
	n := utf8.RuneCountInString(*name)
	v.Check(n >= 1 && n <= 50, "name", "姓名需为1到50个字", "name must be 1 to 50 characters")
	*phone = NormalizePhone(*phone)
	v.Check(ValidPhone(*phone), "phone", "请输入有效的手机或固定电话号码", "enter a valid mobile or landline number")
}

package market

import (
	"net/mail"
	"strings"
	"unicode"
)

// Phone numbers are typed by coordinators on phones and PCs in every format
// imaginable, so parsing is tolerant but the stored form is canonical:
//
//	mobile:   13812345678
//	landline: 0543-3212345, with extension 0543-3212345-801

// extMarkers introduce a landline extension; checked case-insensitively.
var extMarkers = []string{"转", "分机", "ext", "x", "#"}

// ValidPhone reports whether s is a mainland mobile or landline number.
func ValidPhone(s string) bool { return NormalizePhone(s) != "" }

// NormalizePhone returns the canonical form of a mainland mobile (1[3-9] + 9
// digits, optional +86/0086/86 prefix) or landline (0 + 2-3 digit area code,
// 7-8 digit local number, optional extension), or "" if s is neither.
func NormalizePhone(s string) string {
	s = strings.ToLower(strings.TrimSpace(foldFullWidth(s)))
	main, ext, ok := splitExtension(s)
	if !ok {
		return ""
	}
	d := stripPhoneSeparators(main)
	intl := false
	switch {
	case strings.HasPrefix(d, "+86"):
		d, intl = d[3:], true
	case strings.HasPrefix(d, "0086"):
		d, intl = d[4:], true
	case len(d) == 13 && strings.HasPrefix(d, "86") && isMobile(d[2:]):
		d = d[2:] // bare 86 only for mobiles: "86…" is not a landline prefix
	}
	if ext == "" && isMobile(d) {
		return d
	}
	// International landline format drops the trunk 0: +86 543 3212345.
	if intl && !strings.HasPrefix(d, "0") {
		d = "0" + d
	}
	area, local, ok := splitLandline(d)
	if !ok {
		return ""
	}
	out := area + "-" + local
	if ext != "" {
		out += "-" + ext
	}
	return out
}

// splitExtension separates "0543-3212345 转 801" into number and extension.
// A trailing "-digits" group also counts as an extension, but only if what
// precedes it is already a complete landline; otherwise "010-6552-8888"
// would lose half its number.
func splitExtension(s string) (main, ext string, ok bool) {
	for _, m := range extMarkers {
		if i := strings.Index(s, m); i >= 0 {
			ext = strings.Trim(stripPhoneSeparators(s[i+len(m):]), ".:")
			if len(ext) < 1 || len(ext) > 6 || !allDigits(ext) {
				return "", "", false
			}
			return s[:i], ext, true
		}
	}
	if i := strings.LastIndexByte(s, '-'); i >= 0 {
		tail := strings.TrimSpace(s[i+1:])
		if len(tail) >= 1 && len(tail) <= 6 && allDigits(tail) {
			if _, _, isLand := splitLandline(stripPhoneSeparators(s[:i])); isLand {
				return s[:i], tail, true
			}
		}
	}
	return s, "", true
}

func stripPhoneSeparators(s string) string {
	return strings.Map(func(r rune) rune {
		if unicode.IsSpace(r) || strings.ContainsRune("-()", r) {
			return -1
		}
		return r
	}, s)
}

func isMobile(d string) bool {
	return len(d) == 11 && allDigits(d) && d[0] == '1' && d[1] >= '3' && d[1] <= '9'
}

// splitLandline splits digits into area code and local number. Area codes
// are 010 and 02x (3 digits) or 03xx-09xx (4 digits), so no separator is
// needed to tell them apart; local numbers never start with 0 or 1.
func splitLandline(d string) (area, local string, ok bool) {
	if len(d) < 10 || !allDigits(d) || d[0] != '0' || d[1] == '0' {
		return "", "", false
	}
	n := 4
	switch {
	case d[1] == '2' || strings.HasPrefix(d, "010"):
		n = 3
	case d[1] == '1':
		return "", "", false // 010 is the only 01x area code
	}
	local = d[n:]
	if len(local) < 7 || len(local) > 8 || local[0] < '2' {
		return "", "", false
	}
	return d[:n], local, true
}

// NormalizeEmail trims, folds full-width characters (a Chinese IME types
// "＠") and lower-cases. Local parts are technically case-sensitive, but no
// mainstream provider treats them so, and one account per mailbox matters more.
func NormalizeEmail(s string) string {
	return strings.ToLower(strings.TrimSpace(foldFullWidth(s)))
}

// ValidEmail reports whether s, once normalised, is a plain addr-spec that a
// person could actually receive mail at. net/mail alone accepts display
// names, quoted local parts and dotless domains, none of which we want.
func ValidEmail(s string) bool {
	e := NormalizeEmail(s)
	if len(e) > 254 {
		return false
	}
	addr, err := mail.ParseAddress(e)
	if err != nil || addr.Address != e {
		return false
	}
	at := strings.LastIndexByte(e, '@')
	if at < 1 || at > 64 {
		return false
	}
	return validEmailDomain(e[at+1:])
}

// validEmailDomain requires at least two DNS labels, no IP literals and a
// non-numeric top-level label. Unicode letters are allowed for IDNs (例子.中国).
func validEmailDomain(d string) bool {
	labels := strings.Split(d, ".")
	if len(labels) < 2 || allDigits(labels[len(labels)-1]) {
		return false
	}
	for _, l := range labels {
		if l == "" || len(l) > 63 || l[0] == '-' || l[len(l)-1] == '-' {
			return false
		}
		for _, r := range l {
			if r != '-' && !unicode.IsLetter(r) && !unicode.IsDigit(r) {
				return false
			}
		}
	}
	return true
}

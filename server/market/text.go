package market

import (
	"strings"
	"unicode"
)

// foldFullWidth maps full-width ASCII variants (U+FF01..U+FF5E) and the
// ideographic space to plain ASCII. Chinese input methods often produce
// "９１３５…" or "１３８…", which users cannot tell apart from ASCII.
func foldFullWidth(s string) string {
	return strings.Map(func(r rune) rune {
		switch {
		case r >= 0xFF01 && r <= 0xFF5E:
			return r - 0xFF01 + '!'
		case r == '\u3000':
			return ' '
		}
		return r
	}, s)
}

// removeSpace drops every Unicode space, not just leading/trailing ones,
// because codes and numbers are commonly pasted in groups ("9135 0100 …").
func removeSpace(s string) string {
	return strings.Map(func(r rune) rune {
		if unicode.IsSpace(r) {
			return -1
		}
		return r
	}, s)
}

func allDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}

// CheckReason trims and bounds a written reason (field "reason"); a
// required one may not be empty.
func CheckReason(r string, required bool) (string, error) {
	r = strings.TrimSpace(r)
	n := len([]rune(r))
	if required && n < 2 {
		return r, FieldError("reason", "请填写原因", "a reason is required")
	}
	if n > 500 {
		return r, FieldError("reason", "原因不能超过500字", "reason must be at most 500 characters")
	}
	return r, nil
}

// CheckNote trims and bounds an optional staff note (up to 500 characters).
func CheckNote(field, note string) (string, error) {
	note = strings.TrimSpace(note)
	if len([]rune(note)) > 500 {
		return note, FieldError(field, "备注不能超过500字", field+" must be at most 500 characters")
	}
	return note, nil
}

// Typed is text a person wrote: it reads as written in both languages.
func Typed(s string) Msg { return Msg{ZH: s, EN: s} }

// Columns splits a message for a Chinese and an English column: the English
// is "" where it reads the same (text a person typed is stored once).
func (m Msg) Columns() (zh, en string) {
	if m.EN == m.ZH {
		return m.ZH, ""
	}
	return m.ZH, m.EN
}

// FromColumns reads a message stored by Columns.
func FromColumns(zh, en string) Msg {
	if en == "" {
		en = zh
	}
	return Msg{ZH: zh, EN: en}
}

// OrNil is the message, or nil when it is empty (a view's optional field).
func (m Msg) OrNil() *Msg {
	if m.ZH == "" && m.EN == "" {
		return nil
	}
	return &m
}

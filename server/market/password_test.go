package market

import (
	"strings"
	"testing"
)

// TestWeakPasswordsRefused: the most common passwords, a repeated
// character and the account's own email or phone are refused, each with a
// message that says why (issue 15.9).
func TestWeakPasswordsRefused(t *testing.T) {
	const email, phone = "zhao.lihua@xinyuan.cn", "13905431234"
	cases := []struct {
		pw, why string // why: a word of the English message; "" = accepted
	}{
		{"1234567890", "common"},
		{"QWERTYUIOP", "common"}, // case does not matter
		{"password123", "common"},
		{"          ", "different"}, // ten spaces
		{"aaaaaaaaaaaa", "different"},
		{"ababababab", "different"},
		{email, "email"},
		{"ZHAO.LIHUA@XINYUAN.CN", "email"},
		{"zhao.lihua", "email"},    // the email's local part
		{"zhao.li", "at least 10"}, // length is checked first
		{"zhao.lihua.x", ""},
		{phone, "phone"},
		{"139-0543-1234", "phone"},
		{"+86 139 0543 1234", "phone"},
		{"123456789", "at least 10"},
		{"correct-horse-1", ""},
		{"doorstep-demo-2026", ""},
		{"编织网兜居家可做上手快", ""},
	}
	for _, c := range cases {
		var v Validator
		CheckPassword(&v, "password", c.pw, email, phone)
		err := v.Err()
		if c.why == "" {
			if err != nil {
				t.Errorf("%q refused: %v", c.pw, err)
			}
			continue
		}
		if err == nil {
			t.Errorf("%q accepted", c.pw)
			continue
		}
		if msg := err.(*Error).Fields["password"]; !strings.Contains(msg.EN, c.why) || msg.ZH == "" {
			t.Errorf("%q: message %q does not say %q", c.pw, msg.EN, c.why)
		}
	}
	if n := strings.Count(commonPasswordsTXT, "\n"); n != 10000 {
		t.Fatalf("common password list has %d lines, want 10000", n)
	}
}

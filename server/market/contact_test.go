package market

import (
	"strings"
	"testing"
)

func TestNormalizePhone(t *testing.T) {
	t.Parallel()
	tests := []struct{ in, want string }{
		// mobiles
		{"13812345678", "13812345678"},
		{"138 1234 5678", "13812345678"},
		{"138-1234-5678", "13812345678"},
		{"+86 138 1234 5678", "13812345678"},
		{"+8613812345678", "13812345678"},
		{"8613812345678", "13812345678"},
		{"0086 13812345678", "13812345678"},
		{"  19912345678 ", "19912345678"},
		{"１３８１２３４５６７８", "13812345678"},
		// landlines
		{"0543-3212345", "0543-3212345"},
		{"05433212345", "0543-3212345"},
		{"0543 321 2345", "0543-3212345"},
		{"(0543)3212345", "0543-3212345"},
		{"010-65528888", "010-65528888"},
		{"010-6552-8888", "010-65528888"},
		{"02162345678", "021-62345678"},
		{"0311-86012345", "0311-86012345"},
		{"+86 543 3212345", "0543-3212345"},
		{"+86 10 65528888", "010-65528888"},
		// extensions
		{"0543-3212345转801", "0543-3212345-801"},
		{"0543-3212345 分机 801", "0543-3212345-801"},
		{"0543-3212345 ext. 801", "0543-3212345-801"},
		{"0543-3212345 X801", "0543-3212345-801"},
		{"0543-3212345#801", "0543-3212345-801"},
		{"0543-3212345-801", "0543-3212345-801"},
		{"010-6552-8888-12", "010-65528888-12"},
	}
	for _, tt := range tests {
		got := NormalizePhone(tt.in)
		if got != tt.want {
			t.Errorf("NormalizePhone(%q) = %q, want %q", tt.in, got, tt.want)
		}
		if !ValidPhone(tt.in) {
			t.Errorf("ValidPhone(%q) = false", tt.in)
		}
		if again := NormalizePhone(got); again != got {
			t.Errorf("not idempotent: %q → %q → %q", tt.in, got, again)
		}
	}
}

func TestInvalidPhone(t *testing.T) {
	t.Parallel()
	for _, in := range []string{
		"",
		"12812345678",          // 12x is not a mobile prefix
		"1381234567",           // 10 digits
		"138123456789",         // 12 digits
		"23812345678",          // neither mobile nor landline
		"+1 415 555 0100",      // not mainland
		"+85 13812345678",      // wrong country code
		"13812345678转801",      // mobiles have no extensions
		"0543-321234",          // 6-digit local number
		"0543-321234567",       // 9-digit local number
		"0543-0212345",         // local number starting with 0
		"0543-1212345",         // local number starting with 1
		"011-12345678",         // 010 is the only 01x area code
		"0012345678",           // 00 is the international prefix
		"0543-3212345转",        // empty extension
		"0543-3212345转1234567", // extension too long
		"0543-3212345转abc",     // non-numeric extension
		"138 1234 567a",
		"138+12345678",
		"电话13812345678",
	} {
		if got := NormalizePhone(in); got != "" {
			t.Errorf("NormalizePhone(%q) = %q, want \"\"", in, got)
		}
		if ValidPhone(in) {
			t.Errorf("ValidPhone(%q) = true", in)
		}
	}
}

func TestNormalizeEmail(t *testing.T) {
	t.Parallel()
	tests := []struct{ in, want string }{
		{" Zhang.San@Example.COM ", "zhang.san@example.com"},
		{"ｚｓ＠qq.com", "zs@qq.com"},
		{"a@b.cn", "a@b.cn"},
	}
	for _, tt := range tests {
		if got := NormalizeEmail(tt.in); got != tt.want {
			t.Errorf("NormalizeEmail(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestValidEmail(t *testing.T) {
	t.Parallel()
	long := strings.Repeat("a", 64)
	tests := []struct {
		in   string
		want bool
	}{
		{"zhangsan@qq.com", true},
		{"Zhang.San+orders@Example.com.cn", true},
		{"  coordinator@163.com ", true},
		{"a_b-c@sub.example-mail.org", true},
		{"ｚｓ＠qq.com", true},
		{"联系@例子.中国", true},
		{long + "@example.com", true},
		{long + "a@example.com", false}, // local part over 64
		{"a@" + strings.Repeat("b", 63) + "." + strings.Repeat("c", 63) + "." + strings.Repeat("d", 63) + "." + strings.Repeat("e", 57) + ".com", false}, // over 254
		{"", false},
		{"zhangsan", false},
		{"zhangsan@", false},
		{"@qq.com", false},
		{"zhangsan@localhost", false},
		{"zhang san@qq.com", false},
		{"zhangsan@@qq.com", false},
		{"a..b@qq.com", false},
		{".a@qq.com", false},
		{"a@qq..com", false},
		{"a@.qq.com", false},
		{"a@qq.com.", false},
		{"a@-qq.com", false},
		{"a@qq-.com", false},
		{"a@qq_x.com", false},
		{"a@1.2.3.4", false},
		{"a@[1.2.3.4]", false},
		{"张三 <zs@qq.com>", false},
		{"<zs@qq.com>", false},
		{`"zs"@qq.com`, false},
		{"zs@qq.com (work)", false},
		{"zs@qq.com, ls@qq.com", false},
	}
	for _, tt := range tests {
		if got := ValidEmail(tt.in); got != tt.want {
			t.Errorf("ValidEmail(%q) = %v, want %v", tt.in, got, tt.want)
		}
	}
}

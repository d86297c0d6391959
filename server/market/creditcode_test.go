package market

import (
	"errors"
	"testing"
)

// Published codes of real organisations; each was checked against the
// algorithm independently (Python) before being added here.
var realCreditCodes = []string{
	"91350100M000100Y43",
	"91110000600037341L",
	"914403001922038216", // 华为技术有限公司
	"9144030071526726XG", // 深圳市腾讯计算机系统有限公司
	"91330100716105852F", // 阿里巴巴（中国）有限公司
	"91110000802100433B", // 北京百度网讯科技有限公司
	"91110108551385082Q", // 小米科技有限责任公司
}

func TestValidateCreditCodeReal(t *testing.T) {
	t.Parallel()
	for _, c := range realCreditCodes {
		if err := ValidateCreditCode(c); err != nil {
			t.Errorf("ValidateCreditCode(%q) = %v, want nil", c, err)
		}
	}
}

func TestValidateCreditCodeInvalid(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name, code string
		want       error
	}{
		{"empty", "", ErrCreditCodeLength},
		{"17 chars", "91350100M000100Y4", ErrCreditCodeLength},
		{"19 chars", "91350100M000100Y433", ErrCreditCodeLength},
		{"wrong check digit", "91350100M000100Y44", ErrCreditCodeCheckDigit},
		{"wrong check letter", "91110000600037341M", ErrCreditCodeCheckDigit},
		{"transposed digits", "91350100M000010Y43", ErrCreditCodeCheckDigit},
		{"letter I", "91350100M000100I43", ErrCreditCodeCharset},
		{"letter O", "9135010OM000100Y43", ErrCreditCodeCharset},
		{"letter Z", "91350100M000100Z43", ErrCreditCodeCharset},
		{"letter S", "S1350100M000100Y43", ErrCreditCodeCharset},
		{"letter V", "91350100M000100V43", ErrCreditCodeCharset},
		{"lowercase (not normalised)", "91350100m000100y43", ErrCreditCodeCharset},
		{"inner space", "91350100 000100Y43", ErrCreditCodeCharset},
		{"full-width digit", "９1350100M000100Y43", ErrCreditCodeCharset},
		{"letter in division", "9135A100M000100Y43", ErrCreditCodeDivision},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if err := ValidateCreditCode(tt.code); !errors.Is(err, tt.want) {
				t.Errorf("ValidateCreditCode(%q) = %v, want %v", tt.code, err, tt.want)
			}
		})
	}
}

func TestNormalizeCreditCode(t *testing.T) {
	t.Parallel()
	tests := []struct{ in, want string }{
		{"  91350100M000100Y43\n", "91350100M000100Y43"},
		{"91350100m000100y43", "91350100M000100Y43"},
		{"9135 0100 M000 100Y 43", "91350100M000100Y43"},
		{"９１３５０１００Ｍ０００１００Ｙ４３", "91350100M000100Y43"},
		{"\u30009144030071526726xg\t", "9144030071526726XG"},
	}
	for _, tt := range tests {
		got := NormalizeCreditCode(tt.in)
		if got != tt.want {
			t.Errorf("NormalizeCreditCode(%q) = %q, want %q", tt.in, got, tt.want)
		}
		if err := ValidateCreditCode(got); err != nil {
			t.Errorf("normalised %q invalid: %v", got, err)
		}
	}
}

func TestCreditCodeCheckDigit(t *testing.T) {
	t.Parallel()
	for _, c := range realCreditCodes {
		got, err := CreditCodeCheckDigit(c[:17])
		if err != nil || got != c[17] {
			t.Errorf("CreditCodeCheckDigit(%q) = %q, %v; want %q", c[:17], got, err, c[17])
		}
	}
	// Hand-computed edge: a weighted sum ≡ 0 (mod 31) gives 31, which maps to '0'.
	if got, err := CreditCodeCheckDigit("00000000000000000"); err != nil || got != '0' {
		t.Errorf("all zeros: got %q, %v; want '0'", got, err)
	}
	// Sum 1 → 31-1 = 30 → 'Y', the last charset character.
	if got, err := CreditCodeCheckDigit("10000000000000000"); err != nil || got != 'Y' {
		t.Errorf("sum 1: got %q, %v; want 'Y'", got, err)
	}
	bad := []struct {
		in   string
		want error
	}{
		{"", ErrCreditCodeLength},
		{"9135010", ErrCreditCodeLength},
		{"91350100M000100Y43", ErrCreditCodeLength},
		{"91350100M000100I4", ErrCreditCodeCharset},
		{"91350100m000100y4", ErrCreditCodeCharset},
	}
	for _, tt := range bad {
		if _, err := CreditCodeCheckDigit(tt.in); !errors.Is(err, tt.want) {
			t.Errorf("CreditCodeCheckDigit(%q) err = %v, want %v", tt.in, err, tt.want)
		}
	}
}

func TestCreditCodeWeights(t *testing.T) {
	t.Parallel()
	w := 1
	for i, got := range creditCodeWeights {
		if got != w {
			t.Errorf("weight %d = %d, want 3^%d mod 31 = %d", i, got, i, w)
		}
		w = w * 3 % 31
	}
}

func TestMakeCreditCode(t *testing.T) {
	t.Parallel()
	for _, c := range realCreditCodes {
		if got := MakeCreditCode(c[:17]); got != c {
			t.Errorf("MakeCreditCode(%q) = %q, want %q", c[:17], got, c)
		}
	}
	// Demo-style prefixes: every result must validate.
	for _, p := range []string{"93371602MA00001X0", "52130105MJ0000000", "12340121000000001"} {
		if c := MakeCreditCode(p); ValidateCreditCode(c) != nil {
			t.Errorf("MakeCreditCode(%q) = %q does not validate", p, c)
		}
	}
	defer func() {
		if recover() == nil {
			t.Error("MakeCreditCode with bad input did not panic")
		}
	}()
	MakeCreditCode("short")
}

// Every single-character substitution of a valid code must be caught: the
// mod-31 scheme with weights coprime to 31 guarantees this.
func TestCreditCodeDetectsSingleSubstitution(t *testing.T) {
	t.Parallel()
	code := realCreditCodes[0]
	for i := 0; i < 18; i++ {
		for j := 0; j < len(creditCodeCharset); j++ {
			ch := creditCodeCharset[j]
			if ch == code[i] {
				continue
			}
			mutated := code[:i] + string(ch) + code[i+1:]
			if ValidateCreditCode(mutated) == nil {
				t.Fatalf("substitution %q accepted", mutated)
			}
		}
	}
}

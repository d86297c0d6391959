package market

import (
	"errors"
	"strings"
	"unicode/utf8"
)

// Unified social credit code (统一社会信用代码), GB 32100-2015.
//
// Layout (1-based positions):
//
//	1     registration authority (登记管理部门) code
//	2     organisation category (机构类别) code
//	3-8   administrative division code of the registering authority (digits)
//	9-17  organisation code (组织机构代码, including its own check character)
//	18    check character over positions 1-17
//
// Positions 1-2 are deliberately only checked against the charset: the set of
// authority/category codes has grown since 2015 and rejecting an unknown pair
// would lock out real organisations, while the check digit already catches
// typos. Positions 3-8 are not looked up in the region list either, because
// codes issued by since-merged divisions remain valid for life.

// creditCodeCharset is the GB 32100 alphabet; a character's index is its value.
// I, O, Z, S and V are excluded because they are easily confused with 1, 0, 2, 5, U.
const creditCodeCharset = "0123456789ABCDEFGHJKLMNPQRTUWXY"

// creditCodeWeights[i] = 3^i mod 31, for positions 1..17.
var creditCodeWeights = [17]int{1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28}

// Distinct errors so the API can tell the user exactly what is wrong.
var (
	ErrCreditCodeLength     = errors.New("credit code must be 18 characters")
	ErrCreditCodeCharset    = errors.New("credit code contains a character outside 0-9 and A-Y without I, O, Z, S, V")
	ErrCreditCodeDivision   = errors.New("credit code positions 3-8 must be a 6-digit administrative division code")
	ErrCreditCodeCheckDigit = errors.New("credit code check digit does not match")
)

// NormalizeCreditCode removes all whitespace, folds full-width characters and
// upper-cases s. Store and compare the normalised form only, so the same
// organisation cannot register twice under different spellings.
func NormalizeCreditCode(s string) string {
	return strings.ToUpper(removeSpace(foldFullWidth(s)))
}

// ValidateCreditCode checks an already normalised code (see
// NormalizeCreditCode); lowercase letters are reported as ErrCreditCodeCharset.
func ValidateCreditCode(code string) error {
	if utf8.RuneCountInString(code) != 18 {
		return ErrCreditCodeLength
	}
	if !inCreditCharset(code) {
		return ErrCreditCodeCharset
	}
	if !allDigits(code[2:8]) {
		return ErrCreditCodeDivision
	}
	want, err := CreditCodeCheckDigit(code[:17])
	if err != nil {
		return err
	}
	if code[17] != want {
		return ErrCreditCodeCheckDigit
	}
	return nil
}

// CreditCodeCheckDigit computes the 18th character for the first 17:
// C18 = 31 - (Σ value(Ci)·Wi mod 31), where a result of 31 means '0'.
func CreditCodeCheckDigit(first17 string) (byte, error) {
	if utf8.RuneCountInString(first17) != 17 {
		return 0, ErrCreditCodeLength
	}
	if !inCreditCharset(first17) {
		return 0, ErrCreditCodeCharset
	}
	sum := 0
	for i := 0; i < 17; i++ {
		sum += strings.IndexByte(creditCodeCharset, first17[i]) * creditCodeWeights[i]
	}
	c := 31 - sum%31
	if c == 31 {
		c = 0
	}
	return creditCodeCharset[c], nil
}

// MakeCreditCode appends the check digit to first17. It is meant for demo data
// and tests with fixed inputs, so invalid input is a programming error and panics.
func MakeCreditCode(first17 string) string {
	c, err := CreditCodeCheckDigit(first17)
	if err != nil {
		panic("market.MakeCreditCode(" + first17 + "): " + err.Error())
	}
	return first17 + string(c)
}

// inCreditCharset also rejects non-ASCII runes, so byte indexing is safe afterwards.
func inCreditCharset(s string) bool {
	for i := 0; i < len(s); i++ {
		if strings.IndexByte(creditCodeCharset, s[i]) < 0 {
			return false
		}
	}
	return true
}

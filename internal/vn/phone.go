package vn

import (
	"errors"
	"strings"
	"unicode"
)

// Distinct errors let forms say what is wrong with the field instead of "invalid phone".
// They never include the number: error text ends up in logs, and a phone number is
// personal data.
var (
	ErrPhoneEmpty  = errors.New("vn: phone number is empty")
	ErrPhoneFormat = errors.New("vn: phone number must be 10 digits starting with 0, or +84 and 9 digits")
	ErrPhonePrefix = errors.New("vn: not a Vietnamese mobile number")
)

// mobilePrefixes is the only list of Vietnamese mobile prefixes in the code base; carriers
// add ranges now and then, and a second copy would drift. libphonenumber is not used
// because its data rejects 052 and 055, which are in service.
var mobilePrefixes = prefixSet(
	"032 033 034 035 036 037 038 039 086 096 097 098", // Viettel
	"081 082 083 084 085 088 091 094",                 // Vinaphone
	"070 076 077 078 079 089 090 093",                 // MobiFone
	"052 056 058 092",                                 // Vietnamobile
	"059 099",                                         // Gmobile
	"087",                                             // Itel
	"055",                                             // Reddi
)

func prefixSet(groups ...string) map[string]bool {
	set := make(map[string]bool)
	for _, g := range groups {
		for _, p := range strings.Fields(g) {
			set[p] = true
		}
	}
	return set
}

// NormalizePhone turns a Vietnamese mobile number as people type it ("+84 912 345 678",
// "0912.345.678", "(091) 234-5678") into the one stored form, "0912345678".
func NormalizePhone(s string) (string, error) {
	s = strings.Map(func(r rune) rune {
		switch {
		case unicode.IsSpace(r), r == '.', r == '-', r == '(', r == ')':
			return -1
		}
		return r
	}, s)
	if s == "" {
		return "", ErrPhoneEmpty
	}

	// A national number never starts with 84 (it starts with 0), so a leading 84 is always
	// the country code. People sometimes keep the trunk 0 after it: "+84 (0)912 345 678".
	for _, cc := range []string{"+84", "84"} {
		if rest, ok := strings.CutPrefix(s, cc); ok {
			s = "0" + strings.TrimPrefix(rest, "0")
			break
		}
	}

	for i := range len(s) {
		if s[i] < '0' || s[i] > '9' {
			return "", ErrPhoneFormat
		}
	}
	if len(s) < 3 || s[0] != '0' {
		return "", ErrPhoneFormat
	}
	// The prefix is checked before the length so that a landline (024 3825 1234, 11 digits)
	// is reported as "not a mobile number" rather than as a typo.
	if !mobilePrefixes[s[:3]] {
		return "", ErrPhonePrefix
	}
	if len(s) != 10 {
		return "", ErrPhoneFormat
	}
	return s, nil
}

package vn

import (
	"errors"
	"fmt"
	"regexp"
	"testing"
)

func TestNormalizePhone(t *testing.T) {
	tests := []struct {
		in      string
		want    string
		wantErr error
	}{
		// Separators and country code forms.
		{"0912345678", "0912345678", nil},
		{"0912 345 678", "0912345678", nil},
		{"0912.345.678", "0912345678", nil},
		{"0912-345-678", "0912345678", nil},
		{"(091) 234-5678", "0912345678", nil},
		{" 0912345678\t", "0912345678", nil},
		{"+84912345678", "0912345678", nil},
		{"+84 912 345 678", "0912345678", nil},
		{"84912345678", "0912345678", nil},
		{"84 91 234 5678", "0912345678", nil},
		{"+84 (0)912 345 678", "0912345678", nil},

		// Prefixes that libphonenumber gets wrong.
		{"0521234567", "0521234567", nil},
		{"0551234567", "0551234567", nil},
		{"+84 55 123 4567", "0551234567", nil},

		{"", "", ErrPhoneEmpty},
		{" - . ", "", ErrPhoneEmpty},

		{"091234567", "", ErrPhoneFormat},   // 9 digits
		{"09123456789", "", ErrPhoneFormat}, // 11 digits
		{"912345678", "", ErrPhoneFormat},   // national number without its 0
		{"0912abc678", "", ErrPhoneFormat},
		{"+1 415 555 0100", "", ErrPhoneFormat},
		{"+84", "", ErrPhoneFormat},
		{"0", "", ErrPhoneFormat},
		{"０９１２３４５６７８", "", ErrPhoneFormat}, // full-width digits

		// Landlines (02x + 8 digits) and retired or unassigned ranges.
		{"024 3825 1234", "", ErrPhonePrefix}, // Hà Nội
		{"028 3829 1234", "", ErrPhonePrefix}, // TP Hồ Chí Minh
		{"0243825123", "", ErrPhonePrefix},
		{"+84 24 3825 1234", "", ErrPhonePrefix},
		{"01688123456", "", ErrPhonePrefix}, // 11-digit mobile, renumbered in 2018
		{"0312345678", "", ErrPhonePrefix},
		{"0512345678", "", ErrPhonePrefix},
		{"0800123456", "", ErrPhonePrefix}, // toll-free
		{"0951234567", "", ErrPhonePrefix},
	}
	for _, tt := range tests {
		got, err := NormalizePhone(tt.in)
		if got != tt.want || !errors.Is(err, tt.wantErr) || (err == nil) != (tt.wantErr == nil) {
			t.Errorf("NormalizePhone(%q) = %q, %v; want %q, %v", tt.in, got, err, tt.want, tt.wantErr)
		}
	}
}

func TestNormalizePhoneEveryCarrier(t *testing.T) {
	carriers := map[string][]string{
		"Viettel":      {"032", "033", "034", "035", "036", "037", "038", "039", "086", "096", "097", "098"},
		"Vinaphone":    {"081", "082", "083", "084", "085", "088", "091", "094"},
		"MobiFone":     {"070", "076", "077", "078", "079", "089", "090", "093"},
		"Vietnamobile": {"052", "056", "058", "092"},
		"Gmobile":      {"059", "099"},
		"Itel":         {"087"},
		"Reddi":        {"055"},
	}
	for carrier, prefixes := range carriers {
		for _, p := range prefixes {
			national := p + "1234567"
			for _, in := range []string{national, "+84" + national[1:], "84" + national[1:], p + " 123 45 67"} {
				if got, err := NormalizePhone(in); got != national || err != nil {
					t.Errorf("%s: NormalizePhone(%q) = %q, %v; want %q", carrier, in, got, err, national)
				}
			}
		}
	}
}

// The regular expression in VIETNAM.md is an independent statement of the prefix list;
// both must agree on every possible prefix.
func TestNormalizePhoneMatchesDesignRegexp(t *testing.T) {
	design := regexp.MustCompile(`^(?:\+?84|0)(3[2-9]|5[25689]|7[06-9]|8[1-9]|9[0-46-9])\d{7}$`)
	for p := range 100 {
		national := fmt.Sprintf("0%02d1234567", p)
		_, err := NormalizePhone(national)
		if want := design.MatchString(national); (err == nil) != want {
			t.Errorf("NormalizePhone(%q) error = %v; design regexp match = %v", national, err, want)
		}
	}
}

var normalizedPhone = regexp.MustCompile(`^0\d{9}$`)

func FuzzNormalizePhone(f *testing.F) {
	for _, s := range []string{"0912345678", "+84 912 345 678", "84912345678", "+84 (0)912 345 678", "024 3825 1234", "", "+", "84", "\xff"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		got, err := NormalizePhone(s)
		if err != nil {
			if got != "" {
				t.Fatalf("NormalizePhone(%q) = %q with error %v", s, got, err)
			}
			if !errors.Is(err, ErrPhoneEmpty) && !errors.Is(err, ErrPhoneFormat) && !errors.Is(err, ErrPhonePrefix) {
				t.Fatalf("NormalizePhone(%q): unexpected error %v", s, err)
			}
			return
		}
		if !normalizedPhone.MatchString(got) {
			t.Fatalf("NormalizePhone(%q) = %q, not 0 and 9 digits", s, got)
		}
		if again, err := NormalizePhone(got); again != got || err != nil {
			t.Fatalf("NormalizePhone(%q) = %q, %v; not stable", got, again, err)
		}
	})
}

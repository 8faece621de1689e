package match

import (
	"slices"
	"strings"
	"testing"

	"golang.org/x/text/unicode/norm"
)

// bookings stands in for the database: the codes of bookings awaiting payment.
func bookings(codes ...string) func(string) bool {
	return func(c string) bool { return slices.Contains(codes, c) }
}

func TestFindCode(t *testing.T) {
	tests := []struct {
		name, content string
		valid         []string
		want          string // "" when nothing is found
	}{
		{"alone", "ABCDEFGH", []string{"ABCDEFGH"}, "ABCDEFGH"},
		{"lower case", "abcdefgh", []string{"ABCDEFGH"}, "ABCDEFGH"},
		{"extra words", "NGUYEN VAN A CHUYEN TIEN ABCDEFGH", []string{"ABCDEFGH"}, "ABCDEFGH"},
		{"bank prefix and suffix", "MBVCB.1234.ABCDEFGH.CT tu 0123456789 NGUYEN VAN A toi 0011001234567 CONG TY BENXE", []string{"ABCDEFGH"}, "ABCDEFGH"},
		{"split in pairs", "ck ve xe ab cd ef gh", []string{"ABCDEFGH"}, "ABCDEFGH"},
		{"split by a dash", "Chuyển tiền vé xe ABCD-EFGH", []string{"ABCDEFGH"}, "ABCDEFGH"},
		{"split by dots", "AB.CDE.FGH", []string{"ABCDEFGH"}, "ABCDEFGH"},
		{"split unevenly", "thanh toan A BCDEFG H", []string{"ABCDEFGH"}, "ABCDEFGH"},
		{"glued after words", "CHUYENTIENABCDEFGH", []string{"ABCDEFGH"}, "ABCDEFGH"},
		{"glued before words", "ABCDEFGHCHUYENKHOAN", []string{"ABCDEFGH"}, "ABCDEFGH"},
		{"glued and split", "chuyentienAB CD EF GH cam on", []string{"ABCDEFGH"}, "ABCDEFGH"},
		{"digits", "IB 7K2Q BX9M FT26027123456", []string{"7K2QBX9M"}, "7K2QBX9M"},
		{"diacritics", "Thanh toán vé ÂBCDẸFGH", []string{"ABCDEFGH"}, "ABCDEFGH"},
		{"NFD diacritics", norm.NFD.String("Đặt vé ẤBCDEFGH"), []string{"ABCDEFGH"}, "ABCDEFGH"},
		{"đ", "đđđđđđđđ", []string{"DDDDDDDD"}, "DDDDDDDD"},
		{"two codes, second booked", "ZZZZZZZZ KLMNPQRS", []string{"KLMNPQRS"}, "KLMNPQRS"},
		{"exact word beats an earlier window", "XXABCDEFGHXX KLMNPQRS", []string{"ABCDEFGH", "KLMNPQRS"}, "KLMNPQRS"},
		{"exact word beats an earlier join", "AB CD EF GH KLMNPQRS", []string{"ABCDEFGH", "KLMNPQRS"}, "KLMNPQRS"},
		{"join beats an earlier window", "XXABCDEFGHXX KLMN PQRS", []string{"ABCDEFGH", "KLMNPQRS"}, "KLMNPQRS"},
		{"first of two exact words", "KLMNPQRS ABCDEFGH", []string{"ABCDEFGH", "KLMNPQRS"}, "KLMNPQRS"},
		{"not booked", "CK ABCDEFGH", []string{"ABCDEFGJ"}, ""},
		{"O is not in the alphabet", "ABCDEFGO", []string{"ABCDEFGO"}, ""},
		{"zero is not", "ABCDEFG0", []string{"ABCDEFG0"}, ""},
		{"too short", "ABCDEFG", []string{"ABCDEFG"}, ""},
		{"empty", "", []string{"ABCDEFGH"}, ""},
		{"only punctuation", "…—!? ", []string{"ABCDEFGH"}, ""},
		{"invalid UTF-8", "\xffABCD\xfeEFGH\xff", []string{"ABCDEFGH"}, "ABCDEFGH"},
		{"beyond the scanned length", strings.Repeat("Z", 600) + " ABCDEFGH", []string{"ABCDEFGH"}, ""},
	}
	for _, tt := range tests {
		got, ok := FindCode(tt.content, bookings(tt.valid...))
		if got != tt.want || ok != (tt.want != "") {
			t.Errorf("%s: FindCode(%q) = %q, %v; want %q", tt.name, tt.content, got, ok, tt.want)
		}
	}
}

func TestFindCodeCalls(t *testing.T) {
	var calls []string
	valid := func(c string) bool { calls = append(calls, c); return false }
	FindCode("ck ve xe ab cd ef gh CHUYENTIENABCDEFGH", valid)
	seen := map[string]bool{}
	for _, c := range calls {
		if !IsCode(c) {
			t.Errorf("valid called with %q", c)
		}
		if seen[c] {
			t.Errorf("valid called twice with %q", c)
		}
		seen[c] = true
	}
	if !seen["ABCDEFGH"] {
		t.Errorf("ABCDEFGH never tried: %v", calls)
	}
	if got, ok := FindCode("ABCDEFGH", nil); ok || got != "" {
		t.Errorf("nil valid found %q", got)
	}
}

func TestCandidatesOrder(t *testing.T) {
	got := Candidates("xe AB CD EF GH KLMNPQRS")
	// Group 1, then group 2 (joins of consecutive words), then windows across words.
	want := []string{"KLMNPQRS", "XEABCDEF", "ABCDEFGH", "EABCDEFG", "BCDEFGHK", "CDEFGHKL", "DEFGHKLM", "EFGHKLMN", "FGHKLMNP", "GHKLMNPQ", "HKLMNPQR"}
	if !slices.Equal(got, want) {
		t.Errorf("Candidates =\n%q\nwant\n%q", got, want)
	}
	if n := len(Candidates(strings.Repeat("ABCDEFGHJKLMNPQRSTUVWXYZ23456789 ", 100))); n > maxScan-CodeLen+1 {
		t.Errorf("%d candidates, want at most %d", n, maxScan-CodeLen+1)
	}
}

func TestNormalize(t *testing.T) {
	got := Normalize("Chuyển tiền: vé-xe #ABCD.efgh, Đà Lạt!")
	want := []string{"CHUYEN", "TIEN", "VE", "XE", "ABCD", "EFGH", "DA", "LAT"}
	if !slices.Equal(got, want) {
		t.Errorf("Normalize = %q, want %q", got, want)
	}
}

func TestIsCode(t *testing.T) {
	for s, want := range map[string]bool{
		"ABCDEFGH": true, "23456789": true, "ZZZZZZZZ": true, "abcdefgh": false, "ABCDEFGI": false,
		"ABCDEFG1": false, "ABCDEFGO": false, "ABCDEFG0": false, "ABCDEFG": false, "ABCDEFGHJ": false, "": false,
	} {
		if IsCode(s) != want {
			t.Errorf("IsCode(%q) = %v", s, !want)
		}
	}
	for i := range len(Alphabet) {
		if !inAlphabet(Alphabet[i]) {
			t.Errorf("%q not in alphabet", Alphabet[i])
		}
	}
	n := 0
	for c := range 256 {
		if inAlphabet(byte(c)) {
			n++
		}
	}
	if n != len(Alphabet) || len(Alphabet) != 32 {
		t.Errorf("inAlphabet accepts %d bytes, Alphabet has %d", n, len(Alphabet))
	}
}

// FuzzFindCode checks that FindCode never panics, only reports what valid accepted, and
// always finds a code placed in front of any content.
func FuzzFindCode(f *testing.F) {
	for _, s := range []string{
		"ck ve xe ab cd ef gh", "NGUYEN VAN A CHUYEN TIEN ABCDEFGH", "MBVCB.1234.ABCDEFGH.CT tu...",
		"Thanh toán vé ÂBCDẸFGH", "\xff\xfe", "", strings.Repeat("AB ", 300),
	} {
		f.Add(s, "KLMNPQRS", uint8(3))
	}
	f.Fuzz(func(t *testing.T, content, seed string, every uint8) {
		// Accept every n-th distinct candidate: an arbitrary but deterministic database.
		k := 0
		var accepted []string
		valid := func(c string) bool {
			if !IsCode(c) {
				t.Fatalf("valid called with %q", c)
			}
			k++
			if every > 0 && k%int(every) == 0 {
				accepted = append(accepted, c)
				return true
			}
			return false
		}
		if got, ok := FindCode(content, valid); ok {
			if !IsCode(got) || len(accepted) != 1 || accepted[0] != got {
				t.Fatalf("FindCode(%q) = %q, valid accepted %q", content, got, accepted)
			}
		} else if got != "" || len(accepted) != 0 {
			t.Fatalf("FindCode(%q) = %q, false after accepting %q", content, got, accepted)
		}

		// A code in front of the content, as its own word, is always found first.
		code := []byte(seed + "ABCDEFGH")[:CodeLen]
		for i := range code {
			code[i] = Alphabet[int(code[i])%len(Alphabet)]
		}
		got, ok := FindCode(string(code)+" "+content, bookings(string(code)))
		if !ok || got != string(code) {
			t.Fatalf("FindCode(%q + content %q) = %q, %v", code, content, got, ok)
		}
	})
}

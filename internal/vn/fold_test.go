package vn

import (
	"strings"
	"sync"
	"testing"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

func TestFold(t *testing.T) {
	tests := []struct{ in, want string }{
		{"", ""},
		{"Sài Gòn", "sai gon"},
		{"SÀI GÒN", "sai gon"},
		{"sai gon", "sai gon"},
		{"Sa\u0300i Go\u0300n", "sai gon"}, // NFD, as macOS file names and some keyboards send
		{"Đà Lạt", "da lat"},
		{"đường Đinh Bộ Lĩnh", "duong dinh bo linh"},
		{"TP Hồ Chí Minh", "tp ho chi minh"},
		{"Bà Rịa – Vũng Tàu", "ba ria – vung tau"}, // punctuation is kept; Key drops it
		{"Thanh Hoá", "thanh hoa"},                 // new-style tone placement
		{"Thanh Hóa", "thanh hoa"},                 // old-style tone placement
		{"Xe giường nằm 40 chỗ", "xe giuong nam 40 cho"},
		{"ẮẰẲẴẶ ẤẦẨẪẬ ỨỪỬỮỰ ỚỜỞỠỢ", "aaaaa aaaaa uuuuu ooooo"},
		{"bus\xffstop", "bus\uFFFDstop"}, // invalid UTF-8 is replaced, never passed through
		{"\xf2Ȳ", "\uFFFDy"},             // found by FuzzFold: norm skipped the letter after the bad byte
	}
	for _, tt := range tests {
		if got := Fold(tt.in); got != tt.want {
			t.Errorf("Fold(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
	if nfd := norm.NFD.String("Nước Ngầm, Đắk Lắk"); Fold(nfd) != "nuoc ngam, dak lak" {
		t.Errorf("Fold(NFD %q) = %q", nfd, Fold(nfd))
	}
}

func TestKey(t *testing.T) {
	tests := []struct{ in, want string }{
		{"sai gon", "saigon"},
		{"Sài Gòn", "saigon"},
		{"SAIGON", "saigon"},
		{"Sa\u0300i Go\u0300n", "saigon"},
		{"TP. HCM", "tphcm"},
		{"tp hcm", "tphcm"},
		{"Bà Rịa - Vũng Tàu", "bariavungtau"},
		{"Bà Rịa – Vũng Tàu", "bariavungtau"},
		{"Xe 40 chỗ!", "xe40cho"},
		{"", ""},
		{"…—!", ""},
	}
	for _, tt := range tests {
		if got := Key(tt.in); got != tt.want {
			t.Errorf("Key(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

// Fold must be safe for concurrent use (it serves every search box); run with -race.
func TestFoldConcurrent(t *testing.T) {
	var wg sync.WaitGroup
	for i := range 16 {
		wg.Go(func() {
			in, want := "Đà Lạt", "da lat"
			if i%2 == 1 {
				in, want = norm.NFD.String("Hải Phòng"), "hai phong"
			}
			for range 200 {
				if got := Fold(in); got != want {
					t.Errorf("Fold(%q) = %q, want %q", in, got, want)
					return
				}
			}
		})
	}
	wg.Wait()
}

func checkFold(t *testing.T, s string) {
	t.Helper()
	f := Fold(s)
	if ff := Fold(f); ff != f {
		t.Fatalf("Fold not idempotent on %q: Fold = %q, Fold(Fold) = %q", s, f, ff)
	}
	if !utf8.ValidString(f) {
		t.Fatalf("Fold(%q) = %q is not valid UTF-8", s, f)
	}
	if i := strings.IndexFunc(f, func(r rune) bool { return unicode.Is(unicode.Mn, r) }); i >= 0 {
		t.Fatalf("Fold(%q) = %q keeps a combining mark at byte %d", s, f, i)
	}
}

// Every assigned letter, mark, number, punctuation and symbol on its own, so that the
// fuzzer is not the only evidence that Fold is idempotent across scripts. Unassigned and
// private-use code points are skipped: they have no case or decomposition, and checking
// them would make the race-detector run ten times slower.
func TestFoldEveryRune(t *testing.T) {
	for r := rune(0); r <= unicode.MaxRune; r++ {
		if unicode.In(r, unicode.L, unicode.M, unicode.N, unicode.P, unicode.S) {
			checkFold(t, string(r))
		}
	}
}

func FuzzFold(f *testing.F) {
	for _, s := range []string{"Sài Gòn", "Sa\u0300i Go\u0300n", "Đà Lạt", "TP. HCM", "İ", "ǅ", "a\u0301\u0302\u0323", "\xff", ""} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		checkFold(t, s)
	})
}

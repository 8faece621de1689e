package vn

import (
	"testing"
	"time"
)

func TestFormatTimes(t *testing.T) {
	// 14:30 UTC is 21:30 in Vietnam; 20:00 UTC is already the next day there.
	evening := time.Date(2026, 1, 26, 14, 30, 0, 0, time.UTC)
	pastMidnight := time.Date(2026, 1, 26, 20, 0, 0, 0, time.UTC)
	tests := []struct {
		name, got, want string
	}{
		{"FormatTime", FormatTime(evening), "21:30"},
		{"FormatDate", FormatDate(evening), "26/01/2026"},
		{"FormatDateTime", FormatDateTime(evening), "21:30 26/01/2026"},
		{"FormatTime past midnight", FormatTime(pastMidnight), "03:00"},
		{"FormatDate past midnight", FormatDate(pastMidnight), "27/01/2026"},
		{"FormatDateTime past midnight", FormatDateTime(pastMidnight), "03:00 27/01/2026"},
		{"FormatDateTime already in Zone", FormatDateTime(time.Date(2026, 9, 2, 7, 5, 0, 0, Zone)), "07:05 02/09/2026"},
	}
	for _, tt := range tests {
		if tt.got != tt.want {
			t.Errorf("%s = %q, want %q", tt.name, tt.got, tt.want)
		}
	}
}

func TestZone(t *testing.T) {
	// Vietnam has no DST: the offset is the same in January and July.
	for _, month := range []time.Month{time.January, time.July} {
		if _, off := time.Date(2026, month, 1, 0, 0, 0, 0, Zone).Zone(); off != 7*3600 {
			t.Errorf("offset in %v = %d, want %d", month, off, 7*3600)
		}
	}
	// Where tzdata is installed, the fixed zone must agree with the real one.
	if hcm, err := time.LoadLocation("Asia/Ho_Chi_Minh"); err == nil {
		for _, d := range []time.Time{time.Date(2026, 1, 26, 0, 0, 0, 0, time.UTC), time.Date(2026, 7, 1, 0, 0, 0, 0, time.UTC)} {
			_, want := d.In(hcm).Zone()
			if _, got := d.In(Zone).Zone(); got != want {
				t.Errorf("offset on %v = %d, tzdata says %d", d, got, want)
			}
		}
	}
}

func TestParseDate(t *testing.T) {
	got, err := ParseDate("2026-01-26")
	if err != nil {
		t.Fatal(err)
	}
	if want := time.Date(2026, 1, 25, 17, 0, 0, 0, time.UTC); !got.Equal(want) || got.Location() != Zone {
		t.Errorf("ParseDate(2026-01-26) = %v, want %v in Zone", got, want)
	}
	if FormatDateTime(got) != "00:00 26/01/2026" {
		t.Errorf("ParseDate(2026-01-26) is %s in Vietnam, want midnight", FormatDateTime(got))
	}
	if _, err := ParseDate("2024-02-29"); err != nil {
		t.Errorf("ParseDate(2024-02-29) leap day: %v", err)
	}

	for _, bad := range []string{
		"", "2026-02-29", "2026-04-31", "2026-01-32", "2026-13-01", "2026-00-10", "2026-01-00",
		"2026-1-26", "2026-01-6", "26/01/2026", "20260126", " 2026-01-26", "2026-01-26 ",
		"2026-01-26T00:00:00Z", "+2026-01-26", "２０２６-01-26",
	} {
		if got, err := ParseDate(bad); err == nil {
			t.Errorf("ParseDate(%q) = %v, want error", bad, got)
		}
	}
}

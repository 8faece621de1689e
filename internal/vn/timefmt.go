package vn

import (
	"fmt"
	"time"
)

// Zone is Vietnam time (Asia/Ho_Chi_Minh). Vietnam has had no daylight saving time since
// 1975, so a fixed offset is exact for any date we sell tickets for, and it works on
// machines without tzdata.
var Zone = time.FixedZone("ICT", 7*60*60)

const (
	layoutTime = "15:04"
	layoutDate = "02/01/2006"
	layoutISO  = "2006-01-02"
)

// FormatTime returns the Vietnam wall-clock time of t, "21:30" (24-hour, as on tickets).
func FormatTime(t time.Time) string { return t.In(Zone).Format(layoutTime) }

// FormatDate returns the Vietnam date of t, day first: "26/01/2026".
func FormatDate(t time.Time) string { return t.In(Zone).Format(layoutDate) }

// FormatDateTime returns "21:30 26/01/2026": Vietnamese write the time before the date.
func FormatDateTime(t time.Time) string { return t.In(Zone).Format(layoutTime + " " + layoutDate) }

// ParseDate parses a "YYYY-MM-DD" date (as sent by <input type="date"> and used in URLs)
// as midnight Vietnam time, which is when a travel day starts for passengers.
func ParseDate(s string) (time.Time, error) {
	// time.Parse is already strict here: fixed-width fields, no extra text, and it rejects
	// out-of-range months and days such as 2026-02-29.
	t, err := time.ParseInLocation(layoutISO, s, Zone)
	if err != nil {
		return time.Time{}, fmt.Errorf("vn: date must be YYYY-MM-DD: %w", err)
	}
	return t, nil
}

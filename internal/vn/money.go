package vn

import "strconv"

// FormatVND formats an amount of đồng the way Vietnamese sites show prices: "350.000đ".
// VND has no minor unit, so there are never decimals.
func FormatVND(amount int64) string {
	// Work on the magnitude as uint64: negating math.MinInt64 would overflow int64.
	mag := uint64(amount)
	if amount < 0 {
		mag = -mag
	}
	digits := strconv.FormatUint(mag, 10)

	b := make([]byte, 0, len(digits)+len(digits)/3+len("-đ"))
	if amount < 0 {
		b = append(b, '-')
	}
	for i := range len(digits) {
		if i > 0 && (len(digits)-i)%3 == 0 {
			b = append(b, '.')
		}
		b = append(b, digits[i])
	}
	return string(append(b, "đ"...))
}

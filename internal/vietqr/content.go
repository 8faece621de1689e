package vietqr

import (
	"strings"

	"github.com/benxe/benxe/internal/vn"
)

// SanitizeContent turns any text, such as "Đặt vé #BX-7K2Q Sài Gòn → Đà Lạt", into transfer
// content every bank accepts: "DAT VE BX 7K2Q SAI GON DA". Banks differ in what they
// strip or reject beyond upper-case letters, digits and spaces, and reconciliation can
// only find a booking code that arrives intact, so anything else becomes a word break.
// The result is cut to 25 characters: put the booking code first.
func SanitizeContent(s string) string {
	words := strings.FieldsFunc(strings.ToUpper(vn.Fold(s)), func(r rune) bool {
		return !('A' <= r && r <= 'Z' || '0' <= r && r <= '9')
	})
	out := strings.Join(words, " ")
	if len(out) > maxText {
		out = strings.TrimRight(out[:maxText], " ")
	}
	return out
}

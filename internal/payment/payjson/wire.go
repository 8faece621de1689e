// Package payjson holds what the payment providers' JSON parsers share: the
// strict reading of whole numbers and the wording of stale signatures.
package payjson

import (
	"encoding/json"
	"fmt"
	"strconv"
	"strings"
	"time"
)

// Absent reports whether a field was missing or null.
func Absent(m json.RawMessage) bool { return len(m) == 0 || string(m) == "null" }

// Int reads a whole number written as a JSON number: VND has no minor
// unit and ids are integers, so a fraction, an exponent or a quoted
// number means something is wrong.
func Int(field string, m json.RawMessage) (int64, error) {
	s := string(m)
	digits := strings.TrimPrefix(s, "-")
	if digits == "" || strings.Trim(digits, "0123456789") != "" {
		if len(s) > 40 {
			s = s[:40] + "…"
		}
		return 0, fmt.Errorf("%s %s must be a whole number", field, s)
	}
	v, err := strconv.ParseInt(s, 10, 64)
	if err != nil {
		return 0, fmt.Errorf("%s %s is out of range", field, s)
	}
	return v, nil
}

// Age says how far a signature's timestamp is from now.
func Age(age, maxAge time.Duration) string {
	if age < 0 {
		return fmt.Sprintf("signed %s in the future, allowed %s", (-age).Round(time.Second), maxAge)
	}
	return fmt.Sprintf("signed %s ago, allowed %s", age.Round(time.Second), maxAge)
}

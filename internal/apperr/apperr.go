// Package apperr is the error vocabulary shared by every layer: a code the
// web layer maps to an HTTP status, the field at fault, and a message in
// both of the product's languages.
package apperr

import (
	"errors"
	"fmt"
)

// Codes. The web layer maps each to one HTTP status in one place.
const (
	Invalid     = "invalid"     // 400/422: the request itself is wrong
	NotFound    = "not_found"   // 404
	Conflict    = "conflict"    // 409: the state of the world says no
	Gone        = "gone"        // 410: it existed but has expired
	TooMany     = "too_many"    // 429: slow down
	Unavailable = "unavailable" // 503: try again later
	Internal    = "internal"    // 500
)

// Error is an error a person can read, in Vietnamese and English.
type Error struct {
	Kind      string   // one of the codes above
	Code      string   // machine-readable reason, e.g. "seat_unavailable"
	Field     string   // the input at fault, if one is
	Message   string   // English
	MessageVI string   // Vietnamese
	Seats     []string // for seat_unavailable: the seats that are taken
}

func (e *Error) Error() string {
	if e.Field != "" {
		return fmt.Sprintf("%s: %s: %s", e.Code, e.Field, e.Message)
	}
	return e.Code + ": " + e.Message
}

// New builds an error of the given kind.
func New(kind, code, field, vi, en string) *Error {
	return &Error{Kind: kind, Code: code, Field: field, Message: en, MessageVI: vi}
}

// Field reports invalid input in one field.
func Field(field, code, vi, en string) *Error {
	return New(Invalid, code, field, vi, en)
}

// As returns the *Error inside err, if any.
func As(err error) (*Error, bool) {
	var e *Error
	ok := errors.As(err, &e)
	return e, ok
}

// KindOf returns the kind of err, Internal for errors that are not ours.
func KindOf(err error) string {
	if e, ok := As(err); ok {
		return e.Kind
	}
	return Internal
}

// Package vn holds Vietnamese conventions shared by the rest of benxe: accent-insensitive
// text keys, đồng amounts, mobile phone numbers, Vietnam time and the 34 provinces.
package vn

import (
	"strings"
	"unicode"

	"golang.org/x/text/unicode/norm"
)

// Fold returns s without diacritics and in lower case, so "Sài Gòn", "SÀI GÒN" and an
// NFD-encoded "Sài Gòn" all become "sai gon". Invalid UTF-8 becomes U+FFFD, so the result
// is always valid UTF-8. It is safe for concurrent use.
func Fold(s string) string {
	// norm passes invalid bytes through and then does not decompose the letter after them,
	// so Fold would not be idempotent; replace them before normalising.
	s = strings.ToValidUTF8(s, "\uFFFD")
	// Separate passes with the stateless norm.Form methods rather than a transform.Chain:
	// a chain is stateful, so it would need a sync.Pool or an 8 KB allocation per call,
	// whereas each pass here returns its input unchanged, and so allocates nothing, when
	// there is nothing to do, as for most queries typed without accents.
	s = strings.Map(func(r rune) rune {
		if unicode.Is(unicode.Mn, r) {
			return -1
		}
		return r
	}, norm.NFD.String(s))
	return strings.Map(foldRune, norm.NFC.String(s))
}

// foldRune lower-cases r; đ and Đ get special treatment because they are letters in their
// own right, not d plus a combining mark, so NFD leaves them alone.
func foldRune(r rune) rune {
	r = unicode.ToLower(r)
	if r == 'đ' {
		return 'd'
	}
	return r
}

// Key returns the search key of s: Fold, then only ASCII letters and digits, so that
// spacing and punctuation do not matter ("TP. HCM" and "tp hcm" both give "tphcm").
func Key(s string) string {
	return strings.Map(func(r rune) rune {
		if ('a' <= r && r <= 'z') || ('0' <= r && r <= '9') {
			return r
		}
		return -1
	}, Fold(s))
}

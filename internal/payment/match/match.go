// Package match finds a booking code in the content of a bank transfer, as SePay or
// Casso report it. People type the code among other words, without spaces, in lower
// case, with or without diacritics; banks and apps add their own prefixes and
// references, and some split long contents with spaces, dashes or dots. So the content
// is normalised, every plausible 8-character candidate is listed in order of
// likelihood, and the caller says which candidates are real bookings.
//
// A booking code is CodeLen characters from Alphabet, which leaves out I, O, 0 and 1 so
// that nobody has to tell them apart; a transfer content thus rarely holds a false
// candidate, but it can (a word like "CHUYENTI"), which is why a candidate only counts
// once valid confirms it. Confirm the amount too.
package match

import (
	"strings"

	"github.com/benxe/benxe/internal/vn"
)

// Alphabet is the characters of a booking code.
const Alphabet = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"

// CodeLen is the length of a booking code.
const CodeLen = 8

// maxScan bounds the letters and digits of a content that are searched, and so the
// candidates (at most maxScan-CodeLen+1): banks cut transfer contents to a few hundred
// characters anyway.
const maxScan = 512

// IsCode reports whether s has the form of a booking code.
func IsCode(s string) bool {
	if len(s) != CodeLen {
		return false
	}
	for i := range len(s) {
		if !inAlphabet(s[i]) {
			return false
		}
	}
	return true
}

func inAlphabet(c byte) bool {
	return 'A' <= c && c <= 'Z' && c != 'I' && c != 'O' || '2' <= c && c <= '9'
}

// Normalize returns the words of content as the search sees them: diacritics removed
// (vn.Fold: "Đặt vé" and an NFD-encoded "Đặt vé" both become "dat ve"), in upper case,
// split at anything that is not an ASCII letter or digit. Only the first 512 letters and
// digits are kept.
func Normalize(content string) []string {
	folded := vn.Fold(content)
	var words []string
	var b strings.Builder
	n := 0
	flush := func() {
		if b.Len() > 0 {
			words = append(words, b.String())
			b.Reset()
		}
	}
	for i := 0; i < len(folded) && n < maxScan; i++ {
		switch c := folded[i]; {
		case 'a' <= c && c <= 'z':
			b.WriteByte(c - 'a' + 'A')
			n++
		case 'A' <= c && c <= 'Z', '0' <= c && c <= '9':
			b.WriteByte(c)
			n++
		default:
			flush()
		}
	}
	flush()
	return words
}

// Candidates returns the possible booking codes in content, each once, most likely
// first:
//
//  1. words that are a code on their own: "CK ABCDEFGH", "MBVCB.1234.ABCDEFGH.CT";
//  2. runs of consecutive words that together make one: "ab cd ef gh", "ABCD-EFGH";
//  3. 8-character windows inside a longer word: "CHUYENTIENABCDEFGH";
//  4. windows across word boundaries: "TIENAB CD EF GH".
//
// Within each group, earlier in the content comes first. Every candidate satisfies
// IsCode. Use it to look all candidates up at once; FindCode looks them up one by one.
func Candidates(content string) []string {
	words := Normalize(content)
	var out []string
	seen := make(map[string]bool)
	add := func(s string) {
		if IsCode(s) && !seen[s] {
			seen[s] = true
			out = append(out, s)
		}
	}
	for _, w := range words {
		add(w)
	}
	for i := range words {
		joined := words[i]
		for j := i + 1; j < len(words) && len(joined) < CodeLen; j++ {
			joined += words[j]
			if len(joined) == CodeLen {
				add(joined)
			}
		}
	}
	for _, w := range words {
		if len(w) <= CodeLen {
			continue // a word of CodeLen is group 1
		}
		for k := 0; k+CodeLen <= len(w); k++ {
			add(w[k : k+CodeLen])
		}
	}
	all := strings.Join(words, "")
	for k := 0; k+CodeLen <= len(all); k++ {
		add(all[k : k+CodeLen])
	}
	return out
}

// FindCode returns the first of content's Candidates for which valid, typically a
// look-up of bookings awaiting payment, returns true. valid is called at most once per
// candidate, in Candidates' order, and never with a string that fails IsCode. A nil
// valid finds nothing.
func FindCode(content string, valid func(code string) bool) (string, bool) {
	if valid == nil {
		return "", false
	}
	for _, c := range Candidates(content) {
		if valid(c) {
			return c, true
		}
	}
	return "", false
}

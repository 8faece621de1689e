package vnpay

import "strings"

// encoding is one of the application/x-www-form-urlencoded variants that VNPay's own
// samples use to build the string they hash: "key=value" pairs sorted by key, joined by
// '&', key and value each percent-encoded from UTF-8 with '+' for a space and upper-case
// hex digits. They agree on everything but four characters, ambiguous:
//
//   - encJava: Java's URLEncoder (VNPay's Java sample), which is also what the WHATWG URL
//     standard's URLSearchParams writes (the popular lehuygiang28/vnpay library). Keeps
//     letters, digits and "-._*".
//   - encPHP: PHP's urlencode (VNPay's PHP sample). Keeps letters, digits and "-._".
//   - encDotNet: .NET's WebUtility.UrlEncode (VNPay's C# sample). Keeps letters, digits
//     and "-._!*()".
//
// PayURL refuses the ambiguous characters, so VNPay computes the string we did whichever
// encoder its server uses. Verify tries every variant when they appear. That is safe:
// each variant's output form-decodes back to exactly its input, and '&' and '=' are
// always encoded, so one signed string can only ever stand for one set of parameters; a
// signature valid under any variant authenticates the same data.
type encoding int

const (
	encJava encoding = iota
	encPHP
	encDotNet
)

// ambiguous lists the characters the encodings disagree on.
const ambiguous = "!()*"

const upperHex = "0123456789ABCDEF"

func (e encoding) keeps(c byte) bool {
	switch {
	case 'A' <= c && c <= 'Z', 'a' <= c && c <= 'z', '0' <= c && c <= '9', c == '-', c == '.', c == '_':
		return true
	case c == '*':
		return e == encJava || e == encDotNet
	case c == '!', c == '(', c == ')':
		return e == encDotNet
	}
	return false
}

func (e encoding) escape(b *strings.Builder, s string) {
	for i := range len(s) {
		switch c := s[i]; {
		case e.keeps(c):
			b.WriteByte(c)
		case c == ' ':
			b.WriteByte('+')
		default:
			b.WriteByte('%')
			b.WriteByte(upperHex[c>>4])
			b.WriteByte(upperHex[c&15])
		}
	}
}

// signData returns the string VNPay hashes: params sorted by key, each key and value
// encoded with e, as "k1=v1&k2=v2". It is also the payment URL's query string.
func signData(params map[string]string, e encoding) string {
	var b strings.Builder
	for i, k := range sortedKeys(params) {
		if i > 0 {
			b.WriteByte('&')
		}
		e.escape(&b, k)
		b.WriteByte('=')
		e.escape(&b, params[k])
	}
	return b.String()
}

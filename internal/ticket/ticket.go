// Package ticket signs and verifies e-tickets: one token per seat of a
// confirmed booking, shown as a QR code on the ticket page. A token is
// signed with Ed25519, so a boarding scanner that has fetched the public
// key once (GET /tickets/public-key) checks tickets offline.
//
// A token is "BX1." + base64url(payload) + "." + base64url(signature),
// both without padding. The payload is the claims as compact JSON with
// one-letter keys; the signature covers the exact bytes "BX1." + the
// encoded payload, so the version cannot be changed without breaking it.
// Verify accepts only the canonical encoding of claims, so every set of
// claims has one token per key and a token cannot be altered in any way
// and still verify.
package ticket

import (
	"bytes"
	"crypto/ed25519"
	"encoding/base64"
	"encoding/json"
	"errors"
	"fmt"
	"strings"
	"time"
	"unicode/utf8"
)

// Prefix starts every token of this format; a later format gets a new one.
const Prefix = "BX1."

// Limits of the claims, so that tokens stay small enough for a QR code
// that a phone camera reads off a cheap printout.
const (
	MaxCode      = 16  // booking code, bytes
	MaxSeat      = 8   // seat label, bytes
	MaxPassenger = 120 // passenger name, bytes of UTF-8
	// MaxTokenLen bounds what Verify reads at all: the largest payload
	// the limits allow, with room to spare.
	MaxTokenLen = 1024
)

// Claims are what a ticket says: which seat of which booking, on which trip
// and segment, for whom. Times are kept to the second.
type Claims struct {
	Booking   string    // booking code
	Seat      string    // seat label, e.g. B05
	Trip      int64     // trip id
	From, To  int       // stop indexes of the segment
	Departs   time.Time // when the bus leaves the passenger's stop
	Passenger string    // the name on the ticket
	Issued    time.Time // when the ticket was issued (the booking confirmed)
}

// wire is the JSON form of Claims. Field order is the encoding order.
type wire struct {
	B string `json:"b"`
	S string `json:"s"`
	T int64  `json:"t"`
	F int    `json:"f"`
	O int    `json:"o"`
	D int64  `json:"d"`
	N string `json:"n"`
	I int64  `json:"i"`
}

// Errors of Verify. Every rejection wraps ErrInvalid.
var (
	ErrInvalid   = errors.New("ticket: invalid token")
	ErrFormat    = fmt.Errorf("%w: malformed", ErrInvalid)
	ErrVersion   = fmt.Errorf("%w: unknown version", ErrInvalid)
	ErrSignature = fmt.Errorf("%w: bad signature", ErrInvalid)
	ErrClaims    = fmt.Errorf("%w: bad claims", ErrInvalid)
)

var b64 = base64.RawURLEncoding.Strict()

// Signer issues tickets with one Ed25519 key.
type Signer struct {
	key ed25519.PrivateKey
}

// NewSigner makes a signer from a 32-byte Ed25519 seed.
func NewSigner(seed []byte) (*Signer, error) {
	if len(seed) != ed25519.SeedSize {
		return nil, fmt.Errorf("ticket: seed has %d bytes, want %d", len(seed), ed25519.SeedSize)
	}
	return &Signer{key: ed25519.NewKeyFromSeed(seed)}, nil
}

// PublicKey is the key that verifies this signer's tokens.
func (s *Signer) PublicKey() ed25519.PublicKey {
	return s.key.Public().(ed25519.PublicKey)
}

// Sign makes the token of c. Times are truncated to the second.
func (s *Signer) Sign(c Claims) (string, error) {
	w := toWire(c)
	if err := w.check(); err != nil {
		return "", err
	}
	payload, err := encode(w)
	if err != nil {
		return "", err
	}
	signed := Prefix + b64.EncodeToString(payload)
	sig := ed25519.Sign(s.key, []byte(signed))
	return signed + "." + b64.EncodeToString(sig), nil
}

// Verify checks token against the public key pub and returns its claims.
// It needs nothing but the key: a scanner runs it offline.
func Verify(pub ed25519.PublicKey, token string) (Claims, error) {
	if len(pub) != ed25519.PublicKeySize {
		return Claims{}, fmt.Errorf("ticket: public key has %d bytes, want %d", len(pub), ed25519.PublicKeySize)
	}
	if len(token) > MaxTokenLen {
		return Claims{}, ErrFormat
	}
	if !strings.HasPrefix(token, Prefix) {
		if strings.HasPrefix(token, "BX") {
			return Claims{}, ErrVersion
		}
		return Claims{}, ErrFormat
	}
	payloadText, sigText, ok := strings.Cut(token[len(Prefix):], ".")
	if !ok || len(payloadText) == 0 || len(sigText) != b64.EncodedLen(ed25519.SignatureSize) ||
		!urlAlphabet(payloadText) || !urlAlphabet(sigText) {
		return Claims{}, ErrFormat
	}
	signed := token[:len(Prefix)+len(payloadText)]
	sig, err := b64.DecodeString(sigText)
	if err != nil || len(sig) != ed25519.SignatureSize {
		return Claims{}, ErrFormat
	}
	payload, err := b64.DecodeString(payloadText)
	if err != nil {
		return Claims{}, ErrFormat
	}
	// The signature first: nothing of an unsigned payload is parsed.
	if !ed25519.Verify(pub, []byte(signed), sig) {
		return Claims{}, ErrSignature
	}
	var w wire
	dec := json.NewDecoder(bytes.NewReader(payload))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&w); err != nil || dec.More() {
		return Claims{}, ErrClaims
	}
	if err := w.check(); err != nil {
		return Claims{}, ErrClaims
	}
	// Only the canonical encoding is accepted: no reordered or duplicate
	// keys, no spaces, no other spelling of the same string.
	if canon, err := encode(w); err != nil || !bytes.Equal(canon, payload) {
		return Claims{}, ErrClaims
	}
	return w.claims(), nil
}

func toWire(c Claims) wire {
	return wire{B: c.Booking, S: c.Seat, T: c.Trip, F: c.From, O: c.To, D: c.Departs.Unix(), N: c.Passenger, I: c.Issued.Unix()}
}

func (w wire) claims() Claims {
	return Claims{Booking: w.B, Seat: w.S, Trip: w.T, From: w.F, To: w.O,
		Departs: time.Unix(w.D, 0).UTC(), Passenger: w.N, Issued: time.Unix(w.I, 0).UTC()}
}

// minTime and maxTime bound the times a ticket can carry: years 2000 to
// 2200, well inside what every scanner's clock arithmetic handles.
var (
	minTime = time.Date(2000, 1, 1, 0, 0, 0, 0, time.UTC).Unix()
	maxTime = time.Date(2200, 1, 1, 0, 0, 0, 0, time.UTC).Unix()
)

// check says whether w is a set of claims this package issues.
func (w wire) check() error {
	bad := func(what string) error { return fmt.Errorf("%w: %s", ErrClaims, what) }
	switch {
	case !printable(w.B, MaxCode) || w.B == "":
		return bad("booking code")
	case !printable(w.S, MaxSeat) || w.S == "":
		return bad("seat")
	case w.T <= 0:
		return bad("trip")
	case w.F < 0 || w.O <= w.F || w.O > 1000:
		return bad("segment")
	case w.D < minTime || w.D > maxTime:
		return bad("departure time")
	case w.I < minTime || w.I > maxTime:
		return bad("issue time")
	case len(w.N) > MaxPassenger || !utf8.ValidString(w.N):
		return bad("passenger name")
	}
	for _, r := range w.N {
		if r < 0x20 || r == 0x7f || (r >= 0x80 && r < 0xa0) || r == 0x2028 || r == 0x2029 {
			return bad("passenger name")
		}
	}
	return nil
}

// printable says whether s is at most max bytes of ASCII letters, digits
// and dashes, as booking codes and seat labels are.
func printable(s string, max int) bool {
	if len(s) > max {
		return false
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		if !('A' <= c && c <= 'Z' || 'a' <= c && c <= 'z' || '0' <= c && c <= '9' || c == '-') {
			return false
		}
	}
	return true
}

// urlAlphabet says whether s is made of base64url characters only: the
// decoder would skip line breaks, and a token has none.
func urlAlphabet(s string) bool {
	for i := 0; i < len(s); i++ {
		c := s[i]
		if !('A' <= c && c <= 'Z' || 'a' <= c && c <= 'z' || '0' <= c && c <= '9' || c == '-' || c == '_') {
			return false
		}
	}
	return true
}

// encode is the one encoding of claims: compact JSON, keys in a fixed
// order, no HTML escaping (a token is never put in HTML unescaped).
func encode(w wire) ([]byte, error) {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(w); err != nil {
		return nil, err
	}
	return bytes.TrimSuffix(buf.Bytes(), []byte("\n")), nil
}

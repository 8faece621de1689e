// Package vietqr builds and reads VietQR codes: the EMVCo merchant-presented QR payloads
// that every Vietnamese banking app scans to make a NAPAS 247 transfer. It is how most
// passengers pay, so a code must be right byte for byte: a banking app rejects a wrong
// length or checksum, and the passenger cannot tell why.
package vietqr

import (
	"errors"
	"fmt"
	"strconv"
	"strings"
)

// Payload is what a VietQR code asks the payer's bank to do.
type Payload struct {
	BankBIN string // NAPAS bank identifier, 6 digits, e.g. "970436" for Vietcombank
	Account string // account number, or card number when ToCard is set
	ToCard  bool   // transfer to a card number rather than an account number
	// Amount in đồng. Zero makes a static code: the payer types the amount, which is fine
	// for a printed sign but not for a booking, where the amount must match.
	Amount int64
	// Bill is the bill number (tag 62 sub-tag 01). We put the booking code in Content, but
	// the NAPAS examples use both, so Parse keeps it for the payload to survive a round trip.
	Bill string
	// Content is the transfer content the payee sees on the statement (tag 62 sub-tag 08):
	// printable ASCII, at most 25 characters. Reconciliation finds the booking code in it.
	Content string
}

// ErrChecksum means the payload's CRC does not match its content: a typo, truncation or
// tampering, as opposed to a code that is well formed but not a VietQR transfer.
var ErrChecksum = errors.New("vietqr: checksum mismatch")

const (
	napasGUID      = "A000000727" // NAPAS application identifier in tag 38 sub-tag 00
	serviceAccount = "QRIBFTTA"   // inter-bank fast transfer to an account
	serviceCard    = "QRIBFTTC"   // inter-bank fast transfer to a card
	currencyVND    = "704"        // ISO 4217 numeric
	countryVN      = "VN"

	maxText   = 25 // EMVCo limit for bill number and purpose of transaction
	maxAmount = 9_999_999_999_999
)

// Encode returns the payload text to put in the QR code.
func (p Payload) Encode() (string, error) {
	if err := p.validate(); err != nil {
		return "", err
	}

	service := serviceAccount
	if p.ToCard {
		service = serviceCard
	}
	beneficiary := field("00", p.BankBIN) + field("01", p.Account)

	var b strings.Builder
	b.WriteString(field("00", "01"))
	// EMVCo: 11 is a static code meant for many payments, 12 a dynamic one made for a
	// single payment, which is what a code with a booking's amount is.
	if p.Amount > 0 {
		b.WriteString(field("01", "12"))
	} else {
		b.WriteString(field("01", "11"))
	}
	b.WriteString(field("38", field("00", napasGUID)+field("01", beneficiary)+field("02", service)))
	b.WriteString(field("53", currencyVND))
	if p.Amount > 0 {
		b.WriteString(field("54", strconv.FormatInt(p.Amount, 10)))
	}
	b.WriteString(field("58", countryVN))
	if extra := optField("01", p.Bill) + optField("08", p.Content); extra != "" {
		b.WriteString(field("62", extra))
	}
	b.WriteString("6304")
	b.WriteString(CRC16(b.String()))
	return b.String(), nil
}

func (p Payload) validate() error {
	if !isDigits(p.BankBIN) || len(p.BankBIN) != 6 {
		return fmt.Errorf("vietqr: bank BIN %q must be 6 digits", p.BankBIN)
	}
	if len(p.Account) < 1 || len(p.Account) > 19 || !isAlnum(p.Account) {
		return fmt.Errorf("vietqr: account %q must be 1 to 19 letters or digits", p.Account)
	}
	if p.Amount < 0 || p.Amount > maxAmount {
		return fmt.Errorf("vietqr: amount %d must be between 0 and %d đồng", p.Amount, int64(maxAmount))
	}
	if err := checkText("bill number", p.Bill); err != nil {
		return err
	}
	return checkText("content", p.Content)
}

// checkText enforces the rules for tag 62 text: the EMVCo length limit, and ASCII because
// NAPAS transfer content carries no diacritics (SanitizeContent makes any text fit).
func checkText(what, s string) error {
	if len(s) > maxText {
		return fmt.Errorf("vietqr: %s %q is longer than %d characters", what, s, maxText)
	}
	for i := range len(s) {
		if s[i] < 0x20 || s[i] > 0x7E {
			return fmt.Errorf("vietqr: %s %q must be printable ASCII (no diacritics)", what, s)
		}
	}
	return nil
}

// field encodes one ID-length-value data object. The length has two digits; validate
// keeps every value that reaches here, templates included, well under 100 characters.
func field(id, value string) string {
	return fmt.Sprintf("%s%02d%s", id, len(value), value)
}

// optField omits empty values, since EMVCo forbids zero-length data objects.
func optField(id, value string) string {
	if value == "" {
		return ""
	}
	return field(id, value)
}

func isDigits(s string) bool {
	for i := range len(s) {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}

func isAlnum(s string) bool {
	for i := range len(s) {
		c := s[i]
		if !('0' <= c && c <= '9' || 'A' <= c && c <= 'Z' || 'a' <= c && c <= 'z') {
			return false
		}
	}
	return true
}

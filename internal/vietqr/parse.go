package vietqr

import (
	"errors"
	"fmt"
	"strconv"
	"strings"
	"unicode/utf8"
)

// Parse reads a VietQR payload, for example one scanned from an operator's bank QR code to
// set up payouts. The structure, the checksum and every field that Payload holds are
// checked strictly; data objects Payload has no place for (merchant name, terminal label,
// other schemes' templates) are ignored, so a well-formed code from any bank is accepted.
func Parse(s string) (Payload, error) {
	if len(s) < 8 || s[len(s)-8:len(s)-4] != "6304" {
		return Payload{}, errors.New("vietqr: payload does not end with a CRC field (6304 and 4 hex digits)")
	}
	// Some generators print the CRC in lower case; the value is the same.
	if got, want := s[len(s)-4:], CRC16(s[:len(s)-4]); !strings.EqualFold(got, want) {
		return Payload{}, fmt.Errorf("%w: payload says %q, content gives %s", ErrChecksum, got, want)
	}

	top, err := parseFields(s[:len(s)-8], "payload")
	if err != nil {
		return Payload{}, err
	}
	if _, ok := top["63"]; ok {
		return Payload{}, errors.New("vietqr: CRC field (tag 63) must come last, and only once")
	}
	if top["00"] != "01" {
		return Payload{}, fmt.Errorf("vietqr: payload format indicator (tag 00) is %q, want \"01\"", top["00"])
	}
	// 11 with an amount or 12 without one is odd but harmless: the amount field, not the
	// initiation method, decides what the payer's app fills in.
	if poi := top["01"]; poi != "11" && poi != "12" {
		return Payload{}, fmt.Errorf("vietqr: point of initiation (tag 01) is %q, want \"11\" or \"12\"", poi)
	}
	if top["53"] != currencyVND {
		return Payload{}, fmt.Errorf("vietqr: currency (tag 53) is %q, want %q (VND)", top["53"], currencyVND)
	}
	if top["58"] != countryVN {
		return Payload{}, fmt.Errorf("vietqr: country (tag 58) is %q, want %q", top["58"], countryVN)
	}

	var p Payload
	if err := parseAccount(top, &p); err != nil {
		return Payload{}, err
	}
	if amount, ok := top["54"]; ok {
		// VND has no minor unit, so unlike other EMVCo currencies there is no decimal point.
		n, err := strconv.ParseInt(amount, 10, 64)
		if !isDigits(amount) || len(amount) > 13 || err != nil || n == 0 {
			return Payload{}, fmt.Errorf("vietqr: amount (tag 54) %q must be a positive whole number of đồng, at most 13 digits", amount)
		}
		p.Amount = n
	}
	if data, ok := top["62"]; ok {
		add, err := parseFields(data, "additional data (tag 62)")
		if err != nil {
			return Payload{}, err
		}
		p.Bill, p.Content = add["01"], add["08"]
	}
	// The same rules as Encode, so that whatever Parse returns can be encoded again.
	if err := p.validate(); err != nil {
		return Payload{}, err
	}
	return p, nil
}

// parseAccount reads the NAPAS consumer account template, tag 38.
func parseAccount(top map[string]string, p *Payload) error {
	tmpl, ok := top["38"]
	if !ok {
		return errors.New("vietqr: no NAPAS account information (tag 38): not a VietQR transfer code")
	}
	acct, err := parseFields(tmpl, "account information (tag 38)")
	if err != nil {
		return err
	}
	if acct["00"] != napasGUID {
		return fmt.Errorf("vietqr: account information (tag 38) is for %q, not NAPAS (%s)", acct["00"], napasGUID)
	}
	ben, ok := acct["01"]
	if !ok {
		return errors.New("vietqr: account information (tag 38) has no beneficiary (sub-tag 01)")
	}
	beneficiary, err := parseFields(ben, "beneficiary (tag 38.01)")
	if err != nil {
		return err
	}
	p.BankBIN, p.Account = beneficiary["00"], beneficiary["01"]
	switch acct["02"] {
	case serviceAccount:
	case serviceCard:
		p.ToCard = true
	default:
		return fmt.Errorf("vietqr: service code (tag 38.02) is %q, want %s or %s", acct["02"], serviceAccount, serviceCard)
	}
	return nil
}

// parseFields splits s into ID-length-value data objects, keyed by ID. where names the
// template in error messages; offsets are relative to it.
func parseFields(s, where string) (map[string]string, error) {
	fields := make(map[string]string)
	for pos := 0; pos < len(s); {
		if len(s)-pos < 4 {
			return nil, fmt.Errorf("vietqr: %s: truncated data object at offset %d", where, pos)
		}
		id, length := s[pos:pos+2], s[pos+2:pos+4]
		if !isDigits(id) {
			return nil, fmt.Errorf("vietqr: %s: ID %q at offset %d is not two digits", where, id, pos)
		}
		if !isDigits(length) || length == "00" {
			return nil, fmt.Errorf("vietqr: %s: length %q of ID %s must be 01 to 99", where, length, id)
		}
		pos += 4
		// EMVCo lengths count characters, not bytes. They differ only for UTF-8 text, which
		// the spec allows in the alternate-language template (tag 64).
		end := pos
		for range int(length[0]-'0')*10 + int(length[1]-'0') {
			if end >= len(s) {
				return nil, fmt.Errorf("vietqr: %s: ID %s says %s characters but the data ends first", where, id, length)
			}
			r, size := utf8.DecodeRuneInString(s[end:])
			if r == utf8.RuneError && size == 1 {
				return nil, fmt.Errorf("vietqr: %s: ID %s is not valid UTF-8", where, id)
			}
			end += size
		}
		if _, dup := fields[id]; dup {
			return nil, fmt.Errorf("vietqr: %s: ID %s appears twice", where, id)
		}
		fields[id] = s[pos:end]
		pos = end
	}
	return fields, nil
}

// Package casso verifies and reads Casso's webhook v2: one POST per bank transaction on
// a linked account, signed in the X-Casso-Signature header as "t=<ms>,v1=<hex>", where
// the hex is HMAC-SHA512, keyed with the webhook's checksum key, over the timestamp, a
// '.', and the JSON body re-serialised with object keys sorted (see Canonical).
//
// Casso's documentation describes the signature in prose and in Node.js, whose details
// (number formatting, escaping, nested objects) it leaves open; the casso_v2_webhook
// vector in testdata/payments.json, a Casso sample checked by a public verifier, decides
// them, and the tests check it byte for byte. Answer a delivery with a 2xx status once
// it is stored; Casso retries otherwise, so handle each transaction id once.
package casso

import (
	"crypto/hmac"
	"crypto/sha512"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"github.com/benxe/benxe/internal/payment/payjson"
	"strconv"
	"strings"
	"time"

	"github.com/benxe/benxe/internal/vn"
)

// SignatureHeader is the HTTP header that carries the signature.
const SignatureHeader = "X-Casso-Signature"

// maxHeader bounds the signature header we parse: "t=" + 13 digits + ",v1=" + 128 hex
// digits is 147 bytes.
const maxHeader = 1024

var (
	// ErrSignature means the signature header is missing or malformed or its signature
	// does not match: the request did not come from Casso or was altered.
	ErrSignature = errors.New("casso: signature mismatch")
	// ErrStale means a correctly signed delivery is older, or further in the future,
	// than the allowed age: a replay, or a clock far off.
	ErrStale = errors.New("casso: signature timestamp outside the allowed window")
)

// Webhook is one verified delivery.
type Webhook struct {
	Timestamp time.Time // when Casso signed it, from the header
	Data      Transaction
}

// Transaction is the bank transaction a webhook reports, the body's "data" object.
type Transaction struct {
	ID                     int64 // Casso's transaction id: de-duplicate on it (the sample uses 0)
	Reference              string
	Description            string // the transfer content: where to look for a booking code
	Amount                 int64  // đồng; negative for money leaving the account
	RunningBalance         int64
	TransactionDateTime    time.Time // as the bank reported it, in Vietnam time
	AccountNumber          string    // our account that received or sent the money
	BankName               string
	BankAbbreviation       string
	VirtualAccountNumber   string
	VirtualAccountName     string
	CounterAccountName     string
	CounterAccountNumber   string
	CounterAccountBankID   string
	CounterAccountBankName string
}

// Incoming reports whether money came into the account.
func (t Transaction) Incoming() bool { return t.Amount > 0 }

// Verify checks a delivery's signature header against its body and the time now, and
// reads it. A delivery signed more than maxAge before or after now is refused with an
// error wrapping ErrStale; a bad or missing signature with one wrapping ErrSignature.
// Other errors mean a correctly signed body we cannot read.
func Verify(secret, header string, body []byte, now time.Time, maxAge time.Duration) (Webhook, error) {
	if secret == "" {
		return Webhook{}, errors.New("casso: empty checksum key")
	}
	if maxAge <= 0 {
		return Webhook{}, errors.New("casso: maxAge must be positive")
	}
	ts, sigs, err := parseHeader(header)
	if err != nil {
		return Webhook{}, err
	}
	canon, err := Canonical(body)
	if err != nil {
		return Webhook{}, err
	}
	m := hmac.New(sha512.New, []byte(secret))
	m.Write([]byte(ts))
	m.Write([]byte{'.'})
	m.Write(canon)
	want := m.Sum(nil)
	ok := false
	for _, s := range sigs {
		ok = hmac.Equal(s, want) || ok
	}
	if !ok {
		return Webhook{}, ErrSignature
	}

	ms, err := strconv.ParseInt(ts, 10, 64)
	if err != nil {
		return Webhook{}, fmt.Errorf("%w: timestamp %q is out of range", ErrSignature, ts)
	}
	signedAt := time.UnixMilli(ms)
	if age := now.Sub(signedAt); age > maxAge || -age > maxAge {
		return Webhook{}, fmt.Errorf("%w: %s", ErrStale, payjson.Age(age, maxAge))
	}

	data, err := parseBody(body)
	if err != nil {
		return Webhook{}, err
	}
	return Webhook{Timestamp: signedAt, Data: data}, nil
}

// parseHeader splits "t=<ms>,v1=<hex>". Several v1 entries are allowed (any may match,
// as during a key change); unknown entries are ignored; t must appear once.
func parseHeader(h string) (ts string, sigs [][]byte, err error) {
	if h == "" {
		return "", nil, fmt.Errorf("%w: no %s header", ErrSignature, SignatureHeader)
	}
	if len(h) > maxHeader {
		return "", nil, fmt.Errorf("%w: %s header is longer than %d bytes", ErrSignature, SignatureHeader, maxHeader)
	}
	seenT := false
	for part := range strings.SplitSeq(h, ",") {
		k, v, ok := strings.Cut(strings.TrimSpace(part), "=")
		if !ok {
			return "", nil, fmt.Errorf("%w: %s entry %q is not key=value", ErrSignature, SignatureHeader, part)
		}
		switch k {
		case "t":
			if seenT {
				return "", nil, fmt.Errorf("%w: %s has two timestamps", ErrSignature, SignatureHeader)
			}
			seenT = true
			if v == "" || len(v) > 16 || strings.Trim(v, "0123456789") != "" {
				return "", nil, fmt.Errorf("%w: %s timestamp %q must be Unix milliseconds", ErrSignature, SignatureHeader, v)
			}
			ts = v
		case "v1":
			s, err := hex.DecodeString(v)
			if err != nil || len(s) != sha512.Size {
				return "", nil, fmt.Errorf("%w: %s v1 must be 128 hex digits", ErrSignature, SignatureHeader)
			}
			sigs = append(sigs, s)
		}
	}
	if !seenT || len(sigs) == 0 {
		return "", nil, fmt.Errorf("%w: %s needs both t= and v1=", ErrSignature, SignatureHeader)
	}
	return ts, sigs, nil
}

// wire is the body as Casso sends it; pointers and raw numbers tell absent fields from
// empty ones.
type wire struct {
	Error json.RawMessage `json:"error"`
	Data  *wireData       `json:"data"`
}

type wireData struct {
	ID                     json.RawMessage `json:"id"`
	Reference              *string         `json:"reference"`
	Description            *string         `json:"description"`
	Amount                 json.RawMessage `json:"amount"`
	RunningBalance         json.RawMessage `json:"runningBalance"`
	TransactionDateTime    *string         `json:"transactionDateTime"`
	AccountNumber          *string         `json:"accountNumber"`
	BankName               string          `json:"bankName"`
	BankAbbreviation       string          `json:"bankAbbreviation"`
	VirtualAccountNumber   string          `json:"virtualAccountNumber"`
	VirtualAccountName     string          `json:"virtualAccountName"`
	CounterAccountName     string          `json:"counterAccountName"`
	CounterAccountNumber   string          `json:"counterAccountNumber"`
	CounterAccountBankID   string          `json:"counterAccountBankId"`
	CounterAccountBankName string          `json:"counterAccountBankName"`
}

const dateTimeLayout = "2006-01-02 15:04:05"

func parseBody(body []byte) (Transaction, error) {
	var w wire
	if err := json.Unmarshal(body, &w); err != nil {
		var te *json.UnmarshalTypeError
		if errors.As(err, &te) {
			return Transaction{}, fmt.Errorf("casso: webhook body field %q must not be a JSON %s", te.Field, te.Value)
		}
		return Transaction{}, errors.New("casso: webhook body is not a JSON object")
	}
	if payjson.Absent(w.Error) {
		return Transaction{}, errors.New("casso: webhook body has no error field: not a v2 webhook")
	}
	if code, err := intOf("error", w.Error); err != nil {
		return Transaction{}, err
	} else if code != 0 {
		return Transaction{}, fmt.Errorf("casso: webhook reports error %d", code)
	}
	d := w.Data
	if d == nil {
		return Transaction{}, errors.New("casso: webhook has no data object")
	}
	for _, f := range []struct {
		name    string
		present bool
	}{
		{"id", !payjson.Absent(d.ID)}, {"reference", d.Reference != nil}, {"description", d.Description != nil},
		{"amount", !payjson.Absent(d.Amount)}, {"transactionDateTime", d.TransactionDateTime != nil},
		{"accountNumber", d.AccountNumber != nil},
	} {
		if !f.present {
			return Transaction{}, fmt.Errorf("casso: webhook data has no %s", f.name)
		}
	}
	t := Transaction{
		Reference:              *d.Reference,
		Description:            *d.Description,
		AccountNumber:          *d.AccountNumber,
		BankName:               d.BankName,
		BankAbbreviation:       d.BankAbbreviation,
		VirtualAccountNumber:   d.VirtualAccountNumber,
		VirtualAccountName:     d.VirtualAccountName,
		CounterAccountName:     d.CounterAccountName,
		CounterAccountNumber:   d.CounterAccountNumber,
		CounterAccountBankID:   d.CounterAccountBankID,
		CounterAccountBankName: d.CounterAccountBankName,
	}
	var err error
	if t.ID, err = intOf("id", d.ID); err != nil {
		return Transaction{}, err
	}
	if t.ID < 0 {
		return Transaction{}, fmt.Errorf("casso: transaction id %d must not be negative", t.ID)
	}
	if t.Amount, err = intOf("amount", d.Amount); err != nil {
		return Transaction{}, err
	}
	if t.Amount == 0 {
		return Transaction{}, errors.New("casso: transaction amount is 0")
	}
	if !payjson.Absent(d.RunningBalance) {
		if t.RunningBalance, err = intOf("runningBalance", d.RunningBalance); err != nil {
			return Transaction{}, err
		}
	}
	if t.AccountNumber == "" {
		return Transaction{}, errors.New("casso: transaction has an empty accountNumber")
	}
	t.TransactionDateTime, err = time.ParseInLocation(dateTimeLayout, *d.TransactionDateTime, vn.Zone)
	if err != nil {
		return Transaction{}, fmt.Errorf("casso: transactionDateTime %q must be YYYY-MM-DD HH:MM:SS", *d.TransactionDateTime)
	}
	return t, nil
}

// intOf is payjson.Int with this provider's name on its errors.
func intOf(field string, m json.RawMessage) (int64, error) {
	v, err := payjson.Int(field, m)
	if err != nil {
		return 0, fmt.Errorf("casso: %w", err)
	}
	return v, nil
}

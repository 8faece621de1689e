// Package sepay verifies and reads SePay's webhook: one JSON POST per transaction on a
// bank account linked to SePay.
//
// What SePay documents (developer.sepay.vn/en/sepay-webhooks and its pages "Integrate
// webhook", "Authentication" and "Security"): the body's fields, as Transaction has
// them; "in"/"out" transfer types; four authentication modes, of which we support two:
// "API Key", where every request carries "Authorization: Apikey <key>", and
// "HMAC-SHA256", with a Unix-seconds X-SePay-Timestamp header that the receiver should
// reject when it is more than 5 minutes off; retries when the answer is not 2xx; the
// answer {"success": true}.
//
// What we could not read in SePay's own text, and took from integrators' code that cites
// its guide: the HMAC signature is sent as "X-SePay-Signature: sha256=<hex>", over
// timestamp + "." + the raw body. No public vector exists; check the first real
// delivery. Our choices: exactly one mode per configuration; keys compared in constant
// time; a bare hex signature accepted too; amounts must be whole JSON numbers; and
// only "in" counts as money received (Transaction.Incoming).
package sepay

import (
	"crypto/hmac"
	"crypto/sha256"
	"crypto/subtle"
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

// Header names.
const (
	AuthorizationHeader = "Authorization"
	SignatureHeader     = "X-SePay-Signature"
	TimestampHeader     = "X-SePay-Timestamp"
)

// DefaultMaxAge is SePay's advice for the HMAC timestamp window.
const DefaultMaxAge = 5 * time.Minute

// Reply is the body SePay expects with a 2xx status once a delivery is handled.
const Reply = `{"success":true}`

var (
	// ErrUnauthorized means the API key or HMAC signature is missing or wrong.
	ErrUnauthorized = errors.New("sepay: webhook not authenticated")
	// ErrStale means a correctly signed delivery's timestamp is outside the window.
	ErrStale = errors.New("sepay: signature timestamp outside the allowed window")
)

// Auth configures how deliveries are authenticated: set APIKey or HMACSecret, as chosen
// for the webhook in SePay's dashboard, not both.
type Auth struct {
	APIKey     string
	HMACSecret string
	MaxAge     time.Duration // HMAC mode; DefaultMaxAge when zero
}

// Headers are the request headers Verify needs.
type Headers struct {
	Authorization string // Authorization
	Signature     string // X-SePay-Signature
	Timestamp     string // X-SePay-Timestamp
}

// Transaction is one bank transaction, as SePay posts it.
type Transaction struct {
	ID              int64 // SePay's transaction id: de-duplicate on it
	Gateway         string
	TransactionDate time.Time // as the bank reported it, in Vietnam time
	AccountNumber   string
	Code            string // payment code SePay recognised in Content, "" if none
	Content         string // the transfer content: where to look for a booking code
	TransferType    string // "in" or "out"
	TransferAmount  int64  // đồng, positive either way
	Accumulated     int64  // account balance afterwards, when the bank reports it
	SubAccount      string
	ReferenceCode   string // the bank's reference
	Description     string // the bank's full statement line
}

// Incoming reports whether this is money received. Only "in" transfers may pay for
// anything: an "out" transfer's content can carry a booking code too.
func (t Transaction) Incoming() bool { return t.TransferType == "in" }

// Verify authenticates a delivery by auth's mode and parses its body.
func Verify(auth Auth, h Headers, body []byte, now time.Time) (Transaction, error) {
	switch {
	case auth.APIKey != "" && auth.HMACSecret != "":
		return Transaction{}, errors.New("sepay: configure either an API key or an HMAC secret, not both")
	case auth.APIKey != "":
		if err := checkAPIKey(auth.APIKey, h.Authorization); err != nil {
			return Transaction{}, err
		}
	case auth.HMACSecret != "":
		maxAge := auth.MaxAge
		if maxAge == 0 {
			maxAge = DefaultMaxAge
		}
		if maxAge < 0 {
			return Transaction{}, errors.New("sepay: MaxAge must not be negative")
		}
		if err := checkHMAC(auth.HMACSecret, h.Signature, h.Timestamp, body, now, maxAge); err != nil {
			return Transaction{}, err
		}
	default:
		return Transaction{}, errors.New("sepay: no API key or HMAC secret configured")
	}
	return Parse(body)
}

func checkAPIKey(key, authorization string) error {
	scheme, got, ok := strings.Cut(strings.TrimSpace(authorization), " ")
	if !ok || !strings.EqualFold(scheme, "Apikey") {
		return fmt.Errorf("%w: Authorization header is not \"Apikey <key>\"", ErrUnauthorized)
	}
	// Hashing first makes the comparison constant-time in the keys' lengths too.
	a, b := sha256.Sum256([]byte(strings.TrimSpace(got))), sha256.Sum256([]byte(key))
	if subtle.ConstantTimeCompare(a[:], b[:]) != 1 {
		return fmt.Errorf("%w: wrong API key", ErrUnauthorized)
	}
	return nil
}

func checkHMAC(secret, signature, timestamp string, body []byte, now time.Time, maxAge time.Duration) error {
	if signature == "" || timestamp == "" {
		return fmt.Errorf("%w: need both %s and %s headers", ErrUnauthorized, SignatureHeader, TimestampHeader)
	}
	sigHex, _ := strings.CutPrefix(strings.TrimSpace(signature), "sha256=")
	got, err := hex.DecodeString(sigHex)
	if err != nil || len(got) != sha256.Size {
		return fmt.Errorf("%w: %s must be sha256= and 64 hex digits", ErrUnauthorized, SignatureHeader)
	}
	if len(timestamp) > 12 || strings.Trim(timestamp, "0123456789") != "" {
		return fmt.Errorf("%w: %s %q must be Unix seconds", ErrUnauthorized, TimestampHeader, timestamp)
	}
	m := hmac.New(sha256.New, []byte(secret))
	m.Write([]byte(timestamp))
	m.Write([]byte{'.'})
	m.Write(body)
	if !hmac.Equal(got, m.Sum(nil)) {
		return fmt.Errorf("%w: signature mismatch", ErrUnauthorized)
	}
	sec, _ := strconv.ParseInt(timestamp, 10, 64) // at most 12 digits: cannot fail
	signedAt := time.Unix(sec, 0)
	if age := now.Sub(signedAt); age > maxAge || -age > maxAge {
		return fmt.Errorf("%w: %s", ErrStale, payjson.Age(age, maxAge))
	}
	return nil
}

// wire is the body as SePay sends it; pointers and raw numbers tell absent fields from
// empty ones.
type wire struct {
	ID              json.RawMessage `json:"id"`
	Gateway         *string         `json:"gateway"`
	TransactionDate *string         `json:"transactionDate"`
	AccountNumber   *string         `json:"accountNumber"`
	Code            *string         `json:"code"`
	Content         *string         `json:"content"`
	TransferType    *string         `json:"transferType"`
	TransferAmount  json.RawMessage `json:"transferAmount"`
	Accumulated     json.RawMessage `json:"accumulated"`
	SubAccount      *string         `json:"subAccount"`
	ReferenceCode   *string         `json:"referenceCode"`
	Description     *string         `json:"description"`
}

const dateLayout = "2006-01-02 15:04:05"

// Parse reads a webhook body. id, gateway, transactionDate, accountNumber, content,
// transferType and transferAmount are required; code, subAccount, referenceCode and
// description may be null or absent; accumulated may be absent.
func Parse(body []byte) (Transaction, error) {
	var w wire
	if err := json.Unmarshal(body, &w); err != nil {
		var te *json.UnmarshalTypeError
		if errors.As(err, &te) {
			return Transaction{}, fmt.Errorf("sepay: webhook field %q must not be a JSON %s", te.Field, te.Value)
		}
		return Transaction{}, errors.New("sepay: webhook body is not a JSON object")
	}
	for _, f := range []struct {
		name    string
		present bool
	}{
		{"id", !payjson.Absent(w.ID)}, {"gateway", w.Gateway != nil}, {"transactionDate", w.TransactionDate != nil},
		{"accountNumber", w.AccountNumber != nil}, {"content", w.Content != nil},
		{"transferType", w.TransferType != nil}, {"transferAmount", !payjson.Absent(w.TransferAmount)},
	} {
		if !f.present {
			return Transaction{}, fmt.Errorf("sepay: webhook has no %s", f.name)
		}
	}
	t := Transaction{
		Gateway:       *w.Gateway,
		AccountNumber: *w.AccountNumber,
		Content:       *w.Content,
		TransferType:  *w.TransferType,
		Code:          deref(w.Code),
		SubAccount:    deref(w.SubAccount),
		ReferenceCode: deref(w.ReferenceCode),
		Description:   deref(w.Description),
	}
	var err error
	if t.ID, err = intOf("id", w.ID); err != nil {
		return Transaction{}, err
	}
	if t.ID < 0 {
		return Transaction{}, fmt.Errorf("sepay: id %d must not be negative", t.ID)
	}
	if t.TransferType != "in" && t.TransferType != "out" {
		return Transaction{}, fmt.Errorf("sepay: transferType %q must be \"in\" or \"out\"", t.TransferType)
	}
	if t.TransferAmount, err = intOf("transferAmount", w.TransferAmount); err != nil {
		return Transaction{}, err
	}
	if t.TransferAmount <= 0 {
		return Transaction{}, fmt.Errorf("sepay: transferAmount %d must be positive (the direction is in transferType)", t.TransferAmount)
	}
	if !payjson.Absent(w.Accumulated) {
		if t.Accumulated, err = intOf("accumulated", w.Accumulated); err != nil {
			return Transaction{}, err
		}
	}
	if t.AccountNumber == "" {
		return Transaction{}, errors.New("sepay: accountNumber is empty")
	}
	t.TransactionDate, err = time.ParseInLocation(dateLayout, *w.TransactionDate, vn.Zone)
	if err != nil {
		return Transaction{}, fmt.Errorf("sepay: transactionDate %q must be YYYY-MM-DD HH:MM:SS", *w.TransactionDate)
	}
	return t, nil
}

func deref(s *string) string {
	if s == nil {
		return ""
	}
	return *s
}

// intOf is payjson.Int with this provider's name on its errors.
func intOf(field string, m json.RawMessage) (int64, error) {
	v, err := payjson.Int(field, m)
	if err != nil {
		return 0, fmt.Errorf("sepay: %w", err)
	}
	return v, nil
}

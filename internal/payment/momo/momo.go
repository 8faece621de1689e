// Package momo speaks the wire protocol of MoMo's payment gateway, API v2, for one-time
// payments from the MoMo wallet (requestType "captureWallet"): the signed create request,
// the create response, the IPN MoMo posts when the payment ends, and the signed refund
// request.
//
// It follows MoMo's developer documentation (developers.momo.vn/v3/docs/payment/api/
// wallet/onetime, .../result-handling/notification and .../payment-api/refund): every
// signature is a hex HMAC-SHA256, keyed with the secret key, over "key=value" pairs
// joined by '&' in alphabetical order of the keys, values as they are, not URL-encoded.
// MoMo's own published Go sample (momo-wallet/payment, golang/src/MoMo/MoMo.go) builds
// the string of the retired v1 API instead: fields in a fixed, non-alphabetical order
// (partnerCode, accessKey, requestId, …) and returnUrl/notifyUrl where v2 has
// redirectUrl/ipnUrl. v2 rejects such a signature; do not copy it.
//
// testdata/payments.json has no MoMo vector and MoMo publishes no example with its
// secret, so the tests are known-answer tests against strings written out by hand.
package momo

import (
	"crypto/hmac"
	"crypto/sha256"
	"encoding/base64"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"net/url"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"
)

// SandboxEndpoint is MoMo's test environment; the production host comes with the
// merchant contract.
const SandboxEndpoint = "https://test-payment.momo.vn"

// API paths under Config.Endpoint.
const (
	CreatePath = "/v2/gateway/api/create"
	RefundPath = "/v2/gateway/api/refund"
)

// RequestTypeCaptureWallet is the one request type this package signs.
const RequestTypeCaptureWallet = "captureWallet"

// Amount limits of captureWallet payments and of refunds, in đồng, per MoMo's
// documentation. MoMo only takes VND.
const (
	MinAmount = 1_000
	MaxAmount = 50_000_000
)

// ErrSignature means an IPN's signature is missing or wrong: it did not come from MoMo
// or was altered.
var ErrSignature = errors.New("momo: signature mismatch")

// Config is one MoMo merchant integration, as MoMo's business portal shows it.
type Config struct {
	PartnerCode string
	AccessKey   string
	SecretKey   string // the HMAC key; never logged or shown
	Endpoint    string // e.g. SandboxEndpoint
}

// CreateURL is where to POST a CreateRequest.
func (c Config) CreateURL() string { return strings.TrimRight(c.Endpoint, "/") + CreatePath }

// RefundURL is where to POST a RefundRequest.
func (c Config) RefundURL() string { return strings.TrimRight(c.Endpoint, "/") + RefundPath }

func (c Config) validate() error {
	if c.PartnerCode == "" || len(c.PartnerCode) > 50 {
		return fmt.Errorf("momo: partner code %q must be 1 to 50 characters", c.PartnerCode)
	}
	if c.AccessKey == "" {
		return errors.New("momo: empty access key")
	}
	if c.SecretKey == "" {
		return errors.New("momo: empty secret key")
	}
	return nil
}

// CreateRequest is the JSON body of POST /v2/gateway/api/create.
type CreateRequest struct {
	PartnerCode string `json:"partnerCode"`
	PartnerName string `json:"partnerName,omitempty"`
	StoreID     string `json:"storeId,omitempty"`
	RequestID   string `json:"requestId"` // unique per request; MoMo's idempotency key
	Amount      int64  `json:"amount"`    // đồng, MinAmount to MaxAmount
	OrderID     string `json:"orderId"`   // our order id, unique
	OrderInfo   string `json:"orderInfo"`
	RedirectURL string `json:"redirectUrl"` // where MoMo sends the payer back
	IPNURL      string `json:"ipnUrl"`      // where MoMo posts the IPN
	RequestType string `json:"requestType"` // RequestTypeCaptureWallet (the default)
	ExtraData   string `json:"extraData"`   // "" or base64 of a JSON object; echoed in the IPN
	Lang        string `json:"lang"`        // "vi" (the default) or "en"
	Signature   string `json:"signature"`
}

// SignCreate checks req, fills in defaults (PartnerCode from cfg, RequestType, Lang) and
// returns it signed over accessKey, amount, extraData, ipnUrl, orderId, orderInfo,
// partnerCode, redirectUrl, requestId and requestType. We require RedirectURL, which
// MoMo's documentation lets default to empty: a passenger must come back to us.
func SignCreate(cfg Config, req CreateRequest) (CreateRequest, error) {
	if err := cfg.validate(); err != nil {
		return CreateRequest{}, err
	}
	if err := partnerOf(cfg, &req.PartnerCode); err != nil {
		return CreateRequest{}, err
	}
	if req.RequestType == "" {
		req.RequestType = RequestTypeCaptureWallet
	}
	if req.RequestType != RequestTypeCaptureWallet {
		return CreateRequest{}, fmt.Errorf("momo: request type %q: this package signs %s only", req.RequestType, RequestTypeCaptureWallet)
	}
	if req.Lang == "" {
		req.Lang = "vi"
	}
	if req.Lang != "vi" && req.Lang != "en" {
		return CreateRequest{}, fmt.Errorf("momo: lang %q must be \"vi\" or \"en\"", req.Lang)
	}
	if err := checkID("requestId", req.RequestID, 50); err != nil {
		return CreateRequest{}, err
	}
	if err := checkOrderID(req.OrderID); err != nil {
		return CreateRequest{}, err
	}
	if err := checkAmount("amount", req.Amount); err != nil {
		return CreateRequest{}, err
	}
	if err := checkText("orderInfo", req.OrderInfo, 1, 255); err != nil {
		return CreateRequest{}, err
	}
	for _, u := range [][2]string{{"redirectUrl", req.RedirectURL}, {"ipnUrl", req.IPNURL}} {
		if p, err := url.Parse(u[1]); err != nil || (p.Scheme != "https" && p.Scheme != "http") || p.Host == "" {
			return CreateRequest{}, fmt.Errorf("momo: %s %q must be an absolute http(s) URL", u[0], u[1])
		}
	}
	if req.ExtraData != "" {
		if _, err := base64.StdEncoding.Strict().DecodeString(req.ExtraData); err != nil {
			return CreateRequest{}, errors.New("momo: extraData must be empty or standard base64 (of a JSON object)")
		}
	}
	req.Signature = sign(cfg.SecretKey, [][2]string{
		{"accessKey", cfg.AccessKey},
		{"amount", strconv.FormatInt(req.Amount, 10)},
		{"extraData", req.ExtraData},
		{"ipnUrl", req.IPNURL},
		{"orderId", req.OrderID},
		{"orderInfo", req.OrderInfo},
		{"partnerCode", req.PartnerCode},
		{"redirectUrl", req.RedirectURL},
		{"requestId", req.RequestID},
		{"requestType", req.RequestType},
	})
	return req, nil
}

// CreateResponse is MoMo's answer to a create request.
type CreateResponse struct {
	PartnerCode  string `json:"partnerCode"`
	RequestID    string `json:"requestId"`
	OrderID      string `json:"orderId"`
	Amount       int64  `json:"amount"`
	ResponseTime int64  `json:"responseTime"` // Unix milliseconds
	Message      string `json:"message"`
	ResultCode   int    `json:"resultCode"`
	PayURL       string `json:"payUrl"`    // the MoMo page to send the payer to
	Deeplink     string `json:"deeplink"`  // opens the MoMo app on a phone
	QRCodeURL    string `json:"qrCodeUrl"` // data for a QR code to show on a desktop
}

// ParseCreateResponse reads MoMo's answer to req. It fails unless MoMo accepted the
// request (resultCode 0) for req's order and amount and returned an https payUrl. The
// answer is not signed; it is trusted because it came back over TLS from MoMo.
func ParseCreateResponse(body []byte, req CreateRequest) (CreateResponse, error) {
	var r CreateResponse
	if err := json.Unmarshal(body, &r); err != nil {
		return CreateResponse{}, fmt.Errorf("momo: create response is not the expected JSON: %w", err)
	}
	if r.ResultCode != 0 {
		return CreateResponse{}, fmt.Errorf("momo: create refused: resultCode %d: %q", r.ResultCode, r.Message)
	}
	if r.OrderID != req.OrderID || r.RequestID != req.RequestID || r.Amount != req.Amount {
		return CreateResponse{}, fmt.Errorf("momo: create response is for order %q, request %q, amount %d; want %q, %q, %d",
			r.OrderID, r.RequestID, r.Amount, req.OrderID, req.RequestID, req.Amount)
	}
	if p, err := url.Parse(r.PayURL); err != nil || p.Scheme != "https" || p.Host == "" {
		return CreateResponse{}, fmt.Errorf("momo: create response payUrl %q is not an https URL", r.PayURL)
	}
	return r, nil
}

// IPN is the result of a payment, as MoMo posts it to the ipnUrl. Answer it with HTTP
// 204 (No Content) within 15 seconds, once the result is stored; MoMo retries otherwise.
type IPN struct {
	PartnerCode  string
	OrderID      string
	RequestID    string
	Amount       int64 // đồng
	OrderInfo    string
	OrderType    string // "momo_wallet"
	TransID      int64  // MoMo's transaction id: keep it, refunds need it
	ResultCode   int    // 0 when paid; see MoMo's result code table
	Message      string
	PayType      string // "qr", "webApp", "app", "napas", "credit", …
	ResponseTime time.Time
	ExtraData    string
}

// Paid reports whether MoMo says the money was taken (resultCode 0). It says nothing
// about whether the amount is right.
func (n IPN) Paid() bool { return n.ResultCode == 0 }

// ipnSignedFields are the IPN fields the signature covers besides accessKey, in
// alphabetical order with it.
var ipnSignedFields = []string{
	"accessKey", "amount", "extraData", "message", "orderId", "orderInfo", "orderType",
	"partnerCode", "payType", "requestId", "responseTime", "resultCode", "transId",
}

// ParseIPN verifies an IPN body's signature and reads it. partnerCode, orderId,
// requestId, amount, transId, resultCode, responseTime and signature must be present;
// the other signed fields count as empty when absent. Fields MoMo adds later are
// ignored. Errors wrap ErrSignature when the signature does not match.
func ParseIPN(body []byte, cfg Config) (IPN, error) {
	if err := cfg.validate(); err != nil {
		return IPN{}, err
	}
	var raw map[string]json.RawMessage
	if err := json.Unmarshal(body, &raw); err != nil {
		return IPN{}, fmt.Errorf("momo: IPN body is not a JSON object: %w", err)
	}
	str := func(k string, required bool) (string, error) {
		m, ok := raw[k]
		if !ok {
			if required {
				return "", fmt.Errorf("momo: IPN has no %s", k)
			}
			return "", nil
		}
		var s string
		if err := json.Unmarshal(m, &s); err != nil {
			return "", fmt.Errorf("momo: IPN %s must be a string", k)
		}
		return s, nil
	}
	num := func(k string) (int64, error) {
		m, ok := raw[k]
		if !ok {
			return 0, fmt.Errorf("momo: IPN has no %s", k)
		}
		return parseInt(k, m)
	}

	var n IPN
	var err error
	texts := []struct {
		key      string
		dst      *string
		required bool
	}{
		{"partnerCode", &n.PartnerCode, true}, {"orderId", &n.OrderID, true},
		{"requestId", &n.RequestID, true}, {"orderInfo", &n.OrderInfo, false},
		{"orderType", &n.OrderType, false}, {"message", &n.Message, false},
		{"payType", &n.PayType, false}, {"extraData", &n.ExtraData, false},
	}
	for _, f := range texts {
		if *f.dst, err = str(f.key, f.required); err != nil {
			return IPN{}, err
		}
	}
	var resultCode, responseTime int64
	nums := []struct {
		key string
		dst *int64
	}{{"amount", &n.Amount}, {"transId", &n.TransID}, {"resultCode", &resultCode}, {"responseTime", &responseTime}}
	for _, f := range nums {
		if *f.dst, err = num(f.key); err != nil {
			return IPN{}, err
		}
	}
	signature, err := str("signature", true)
	if err != nil {
		return IPN{}, err
	}

	values := map[string]string{
		"accessKey": cfg.AccessKey, "amount": strconv.FormatInt(n.Amount, 10),
		"extraData": n.ExtraData, "message": n.Message, "orderId": n.OrderID,
		"orderInfo": n.OrderInfo, "orderType": n.OrderType, "partnerCode": n.PartnerCode,
		"payType": n.PayType, "requestId": n.RequestID,
		"responseTime": strconv.FormatInt(responseTime, 10),
		"resultCode":   strconv.FormatInt(resultCode, 10), "transId": strconv.FormatInt(n.TransID, 10),
	}
	pairs := make([][2]string, len(ipnSignedFields))
	for i, k := range ipnSignedFields {
		pairs[i] = [2]string{k, values[k]}
	}
	got, err := hex.DecodeString(signature)
	if err != nil || len(got) != sha256.Size {
		return IPN{}, fmt.Errorf("%w: signature is not 64 hex digits", ErrSignature)
	}
	if !hmac.Equal(got, mac(cfg.SecretKey, rawSignature(pairs))) {
		return IPN{}, ErrSignature
	}

	if n.PartnerCode != cfg.PartnerCode {
		return IPN{}, fmt.Errorf("momo: IPN is for partner %q, not ours (%q)", n.PartnerCode, cfg.PartnerCode)
	}
	if n.Amount <= 0 {
		return IPN{}, fmt.Errorf("momo: IPN amount %d must be positive", n.Amount)
	}
	if resultCode < -1<<31 || resultCode > 1<<31-1 {
		return IPN{}, fmt.Errorf("momo: IPN resultCode %d is out of range", resultCode)
	}
	n.ResultCode = int(resultCode)
	n.ResponseTime = time.UnixMilli(responseTime)
	return n, nil
}

// RefundRequest is the JSON body of POST /v2/gateway/api/refund.
type RefundRequest struct {
	PartnerCode string `json:"partnerCode"`
	OrderID     string `json:"orderId"` // a new id for the refund, not the payment's
	RequestID   string `json:"requestId"`
	Amount      int64  `json:"amount"`  // đồng to refund, MinAmount to MaxAmount
	TransID     int64  `json:"transId"` // IPN.TransID of the payment
	Lang        string `json:"lang"`
	Description string `json:"description"`
	Signature   string `json:"signature"`
}

// SignRefund checks req, fills in defaults (PartnerCode from cfg, Lang) and returns it
// signed over accessKey, amount, description, orderId, partnerCode, requestId and
// transId.
func SignRefund(cfg Config, req RefundRequest) (RefundRequest, error) {
	if err := cfg.validate(); err != nil {
		return RefundRequest{}, err
	}
	if err := partnerOf(cfg, &req.PartnerCode); err != nil {
		return RefundRequest{}, err
	}
	if req.Lang == "" {
		req.Lang = "vi"
	}
	if req.Lang != "vi" && req.Lang != "en" {
		return RefundRequest{}, fmt.Errorf("momo: lang %q must be \"vi\" or \"en\"", req.Lang)
	}
	if err := checkOrderID(req.OrderID); err != nil {
		return RefundRequest{}, err
	}
	if err := checkID("requestId", req.RequestID, 50); err != nil {
		return RefundRequest{}, err
	}
	if err := checkAmount("refund amount", req.Amount); err != nil {
		return RefundRequest{}, err
	}
	if req.TransID <= 0 {
		return RefundRequest{}, fmt.Errorf("momo: transId %d must be MoMo's positive transaction id", req.TransID)
	}
	if err := checkText("description", req.Description, 0, 255); err != nil {
		return RefundRequest{}, err
	}
	req.Signature = sign(cfg.SecretKey, [][2]string{
		{"accessKey", cfg.AccessKey},
		{"amount", strconv.FormatInt(req.Amount, 10)},
		{"description", req.Description},
		{"orderId", req.OrderID},
		{"partnerCode", req.PartnerCode},
		{"requestId", req.RequestID},
		{"transId", strconv.FormatInt(req.TransID, 10)},
	})
	return req, nil
}

// rawSignature joins pairs, which must be in alphabetical order of keys, as MoMo's
// documentation writes it: "k1=v1&k2=v2", values not encoded.
func rawSignature(pairs [][2]string) string {
	var b strings.Builder
	for i, p := range pairs {
		if i > 0 {
			b.WriteByte('&')
		}
		b.WriteString(p[0])
		b.WriteByte('=')
		b.WriteString(p[1])
	}
	return b.String()
}

func sign(secret string, pairs [][2]string) string {
	return hex.EncodeToString(mac(secret, rawSignature(pairs)))
}

func mac(secret, data string) []byte {
	m := hmac.New(sha256.New, []byte(secret))
	m.Write([]byte(data))
	return m.Sum(nil)
}

func partnerOf(cfg Config, code *string) error {
	if *code == "" {
		*code = cfg.PartnerCode
	}
	if *code != cfg.PartnerCode {
		return fmt.Errorf("momo: partnerCode %q is not the configured one (%q)", *code, cfg.PartnerCode)
	}
	return nil
}

// parseInt reads a JSON number that is a whole number, as MoMo's Long and int fields
// are; quoted numbers, fractions and exponents are refused.
func parseInt(field string, m json.RawMessage) (int64, error) {
	s := strings.TrimSpace(string(m))
	digits := strings.TrimPrefix(s, "-")
	if digits == "" || strings.Trim(digits, "0123456789") != "" || (len(digits) > 1 && digits[0] == '0') {
		return 0, fmt.Errorf("momo: IPN %s must be a whole number", field)
	}
	n, err := strconv.ParseInt(s, 10, 64)
	if err != nil {
		return 0, fmt.Errorf("momo: IPN %s is out of range", field)
	}
	return n, nil
}

// checkOrderID applies MoMo's documented orderId pattern, ^[0-9a-zA-Z]([-_.]*[0-9a-zA-Z]+)*$,
// at most 200 characters: letters and digits, with runs of "-_." only between them.
func checkOrderID(s string) error {
	ok := len(s) >= 1 && len(s) <= 200 && isAlnum(s[0]) && isAlnum(s[len(s)-1])
	for i := 0; ok && i < len(s); i++ {
		ok = isAlnum(s[i]) || strings.IndexByte("-_.", s[i]) >= 0
	}
	if !ok {
		return fmt.Errorf("momo: orderId %q must be 1 to 200 letters and digits, with '-', '_' or '.' only between them", s)
	}
	return nil
}

func checkID(field, s string, max int) error {
	if s == "" || len(s) > max {
		return fmt.Errorf("momo: %s must be 1 to %d characters", field, max)
	}
	for i := range len(s) {
		if s[i] <= ' ' || s[i] >= 0x7F {
			return fmt.Errorf("momo: %s %q must be printable ASCII without spaces", field, s)
		}
	}
	return nil
}

func checkAmount(field string, n int64) error {
	if n < MinAmount || n > MaxAmount {
		return fmt.Errorf("momo: %s %d đồng must be between %d and %d", field, n, MinAmount, MaxAmount)
	}
	return nil
}

func checkText(field, s string, min, max int) error {
	if !utf8.ValidString(s) {
		return fmt.Errorf("momo: %s is not valid UTF-8", field)
	}
	if n := utf8.RuneCountInString(s); n < min || n > max {
		return fmt.Errorf("momo: %s must be %d to %d characters", field, min, max)
	}
	return nil
}

func isAlnum(c byte) bool {
	return '0' <= c && c <= '9' || 'A' <= c && c <= 'Z' || 'a' <= c && c <= 'z'
}

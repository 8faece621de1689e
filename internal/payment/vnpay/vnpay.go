// Package vnpay speaks the wire protocol of VNPay's payment gateway, version 2.1.0: the
// signed payment URL that sends a passenger to VNPay, verification of the query string
// VNPay sends back (the return URL in the browser and the IPN, server to server), the
// JSON reply to an IPN, and the refund API's signed request and response.
//
// It follows VNPay's public integration guide (sandbox.vnpayment.vn/apis/docs, pages
// "Thanh toán PAY", "Chuyển đổi thuật toán" and "querydr&refund") as summarised in
// shared/design/VIETNAM.md, and is tested against every vnpay_hmac_sha512 vector in
// testdata/payments.json: two published return callbacks and one ready sign-data string.
//
// Only the IPN may mark a booking paid: check Verify's error, then that the TxnRef is a
// booking awaiting payment, that Amount is its price, and Result.Paid.
package vnpay

import (
	"crypto/hmac"
	"crypto/sha512"
	"encoding/hex"
	"errors"
	"fmt"
	"math"
	"net/netip"
	"net/url"
	"sort"
	"strconv"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/benxe/benxe/internal/vn"
)

// Version is the protocol version this package speaks, sent as vnp_Version.
const Version = "2.1.0"

// Gateway addresses from VNPay's guide. Production addresses come with the merchant
// contract, so they belong in configuration.
const (
	SandboxPayURL = "https://sandbox.vnpayment.vn/paymentv2/vpcpay.html"
	SandboxAPIURL = "https://sandbox.vnpayment.vn/merchant_webapi/api/transaction"
)

// dateLayout is VNPay's yyyyMMddHHmmss, always in Vietnam time (GMT+7).
const dateLayout = "20060102150405"

// ErrSignature means vnp_SecureHash is missing, malformed or does not match: the request
// did not come from VNPay or was altered. Answer an IPN with ReplyInvalidSignature.
var ErrSignature = errors.New("vnpay: checksum (vnp_SecureHash) mismatch")

// Config is one merchant terminal, as VNPay issues it.
type Config struct {
	TmnCode    string // terminal code, vnp_TmnCode: 8 letters or digits
	HashSecret string // vnp_HashSecret: the HMAC-SHA512 key; never logged or shown
	PayURL     string // gateway payment page, e.g. SandboxPayURL
	ReturnURL  string // where VNPay sends the passenger's browser afterwards
}

// PayRequest is one payment to ask VNPay for.
type PayRequest struct {
	TxnRef    string // our reference, unique per day at VNPay: 1 to 100 letters or digits
	Amount    int64  // đồng; sent ×100 as VNPay wants
	OrderInfo string // description shown to the payer: at most 255 characters
	OrderType string // VNPay goods category code; "other" when empty
	Locale    string // "vn" or "en"; "vn" when empty
	IPAddr    string // the payer's IP address
	Created   time.Time
	Expires   time.Time // VNPay refuses the payment after this
}

// PayURL returns the address to redirect the payer to: VNPay's payment page with the
// vnp_* parameters sorted by name, values URL-encoded with spaces as '+', and
// vnp_SecureHash, the hex HMAC-SHA512 of that query string keyed with HashSecret.
func PayURL(cfg Config, r PayRequest) (string, error) {
	if err := cfg.validate(); err != nil {
		return "", err
	}
	base, err := absoluteURL("gateway URL (Config.PayURL)", cfg.PayURL)
	if err != nil {
		return "", err
	}
	if base.RawQuery != "" || base.Fragment != "" || strings.ContainsAny(cfg.PayURL, "?#") {
		return "", errors.New("vnpay: gateway URL (Config.PayURL) must have no query or fragment")
	}
	if _, err := absoluteURL("return URL (Config.ReturnURL)", cfg.ReturnURL); err != nil {
		return "", err
	}
	if err := checkRef("TxnRef", r.TxnRef, 100); err != nil {
		return "", err
	}
	if r.Amount <= 0 || r.Amount > math.MaxInt64/100 {
		return "", fmt.Errorf("vnpay: amount %d đồng must be positive and at most %d", r.Amount, int64(math.MaxInt64/100))
	}
	if err := checkText("OrderInfo", r.OrderInfo, 255); err != nil {
		return "", err
	}
	orderType := r.OrderType
	if orderType == "" {
		orderType = "other"
	}
	if err := checkText("OrderType", orderType, 100); err != nil {
		return "", err
	}
	locale := r.Locale
	if locale == "" {
		locale = "vn"
	}
	if locale != "vn" && locale != "en" {
		return "", fmt.Errorf("vnpay: locale %q must be \"vn\" or \"en\"", r.Locale)
	}
	if err := checkIP(r.IPAddr); err != nil {
		return "", err
	}
	if r.Created.IsZero() || r.Expires.IsZero() {
		return "", errors.New("vnpay: both Created and Expires must be set")
	}
	if !r.Expires.After(r.Created) {
		return "", errors.New("vnpay: Expires must be after Created")
	}

	params := map[string]string{
		"vnp_Version":    Version,
		"vnp_Command":    "pay",
		"vnp_TmnCode":    cfg.TmnCode,
		"vnp_Amount":     strconv.FormatInt(r.Amount*100, 10),
		"vnp_CurrCode":   "VND",
		"vnp_TxnRef":     r.TxnRef,
		"vnp_OrderInfo":  r.OrderInfo,
		"vnp_OrderType":  orderType,
		"vnp_Locale":     locale,
		"vnp_ReturnUrl":  cfg.ReturnURL,
		"vnp_IpAddr":     r.IPAddr,
		"vnp_CreateDate": formatDate(r.Created),
		"vnp_ExpireDate": formatDate(r.Expires),
	}
	for k, v := range params {
		// Encoders disagree on these four (see encoding), so VNPay's server might hash a
		// different string than we did and reject the payment as tampered.
		if strings.ContainsAny(v, ambiguous) {
			return "", fmt.Errorf("vnpay: %s %q must not contain any of %s: URL encoders disagree on them", k, v, ambiguous)
		}
	}
	query := signData(params, encJava)
	return cfg.PayURL + "?" + query + "&vnp_SecureHash=" + sign(cfg.HashSecret, query), nil
}

// Result is what VNPay reports about a payment, from a verified return URL or IPN.
type Result struct {
	TmnCode           string // check that it is ours
	TxnRef            string
	Amount            int64 // đồng (vnp_Amount ÷ 100)
	OrderInfo         string
	ResponseCode      string // vnp_ResponseCode, "00" on success
	TransactionStatus string // vnp_TransactionStatus, "00" on success
	TransactionNo     string // VNPay's transaction number: keep it, refunds need it
	BankCode          string
	BankTranNo        string
	CardType          string
	PayDate           time.Time // zero when VNPay sent none (an abandoned payment)
}

// Paid reports whether VNPay says the money was taken: both vnp_ResponseCode and
// vnp_TransactionStatus are "00". It says nothing about whether the amount is right.
func (r Result) Paid() bool {
	return r.ResponseCode == "00" && r.TransactionStatus == "00"
}

// Verify checks the query string of a return URL or an IPN against vnp_SecureHash and
// reads the payment result from it. Every vnp_* parameter except the hash fields and
// empty ones is covered by the hash; other parameters are ignored. Errors wrap
// ErrSignature when the hash does not match; any other error means malformed input.
func Verify(secret string, q url.Values) (Result, error) {
	if secret == "" {
		return Result{}, errors.New("vnpay: empty hash secret")
	}
	params := make(map[string]string)
	for k, vs := range q {
		if !strings.HasPrefix(k, "vnp_") {
			continue
		}
		if len(vs) != 1 {
			// Which of two values did VNPay sign? Refuse to guess.
			return Result{}, fmt.Errorf("vnpay: parameter %s appears %d times", k, len(vs))
		}
		params[k] = vs[0]
	}
	got, ok := params["vnp_SecureHash"]
	if !ok || got == "" {
		return Result{}, fmt.Errorf("%w: no vnp_SecureHash parameter", ErrSignature)
	}
	if !checkHash(secret, got, params) {
		return Result{}, ErrSignature
	}
	return parseResult(params)
}

func checkHash(secret, got string, params map[string]string) bool {
	mac, err := decodeHash(got)
	if err != nil {
		return false
	}
	signed := make(map[string]string, len(params))
	amb := false
	for k, v := range params {
		if k == "vnp_SecureHash" || k == "vnp_SecureHashType" || v == "" {
			continue
		}
		signed[k] = v
		amb = amb || strings.ContainsAny(k+v, ambiguous)
	}
	encs := []encoding{encJava}
	if amb {
		// Only these characters tell the encodings apart; see encoding for why trying
		// each is safe.
		encs = append(encs, encPHP, encDotNet)
	}
	for _, e := range encs {
		if hmac.Equal(mac, hmacSHA512(secret, signData(signed, e))) {
			return true
		}
	}
	return false
}

func parseResult(p map[string]string) (Result, error) {
	for _, k := range []string{"vnp_TmnCode", "vnp_TxnRef", "vnp_Amount", "vnp_ResponseCode"} {
		if p[k] == "" {
			return Result{}, fmt.Errorf("vnpay: missing parameter %s", k)
		}
	}
	if c, ok := p["vnp_CurrCode"]; ok && c != "VND" {
		return Result{}, fmt.Errorf("vnpay: currency (vnp_CurrCode) is %q, want VND", c)
	}
	amount, err := parseAmount(p["vnp_Amount"])
	if err != nil {
		return Result{}, err
	}
	r := Result{
		TmnCode:           p["vnp_TmnCode"],
		TxnRef:            p["vnp_TxnRef"],
		Amount:            amount,
		OrderInfo:         p["vnp_OrderInfo"],
		ResponseCode:      p["vnp_ResponseCode"],
		TransactionStatus: p["vnp_TransactionStatus"],
		TransactionNo:     p["vnp_TransactionNo"],
		BankCode:          p["vnp_BankCode"],
		BankTranNo:        p["vnp_BankTranNo"],
		CardType:          p["vnp_CardType"],
	}
	if !isStatus(r.ResponseCode) {
		return Result{}, fmt.Errorf("vnpay: vnp_ResponseCode %q must be two digits", r.ResponseCode)
	}
	if r.TransactionStatus != "" && !isStatus(r.TransactionStatus) {
		return Result{}, fmt.Errorf("vnpay: vnp_TransactionStatus %q must be two digits", r.TransactionStatus)
	}
	if d := p["vnp_PayDate"]; d != "" {
		if r.PayDate, err = parseDate("vnp_PayDate", d); err != nil {
			return Result{}, err
		}
	}
	return r, nil
}

// parseAmount turns VNPay's vnp_Amount (đồng × 100, digits only) into đồng.
func parseAmount(s string) (int64, error) {
	if !isDigits(s) || len(s) > 18 {
		return 0, fmt.Errorf("vnpay: amount (vnp_Amount) %q must be 1 to 18 digits", s)
	}
	n, err := strconv.ParseInt(s, 10, 64)
	if err != nil || n <= 0 {
		return 0, fmt.Errorf("vnpay: amount (vnp_Amount) %q must be positive", s)
	}
	if n%100 != 0 {
		// VND has no minor unit: a fraction of a đồng means the sender got the ×100 wrong.
		return 0, fmt.Errorf("vnpay: amount (vnp_Amount) %q is not a whole number of đồng (×100)", s)
	}
	return n / 100, nil
}

// IPNReply is the JSON body VNPay expects in answer to an IPN. VNPay acts on RspCode
// only; Message is for people reading logs.
type IPNReply struct {
	RspCode string `json:"RspCode"`
	Message string `json:"Message"`
}

// The replies VNPay's guide defines for an IPN. Answer 00 or 02 only once the result is
// stored: VNPay retries an IPN until it gets one of them (or gives up).

// ReplyOK (00): the payment was recorded.
func ReplyOK() IPNReply { return IPNReply{"00", "Confirm Success"} }

// ReplyOrderNotFound (01): no booking has this TxnRef.
func ReplyOrderNotFound() IPNReply { return IPNReply{"01", "Order not found"} }

// ReplyAlreadyConfirmed (02): the booking's payment was already recorded, by an earlier
// delivery of this IPN or otherwise.
func ReplyAlreadyConfirmed() IPNReply { return IPNReply{"02", "Order already confirmed"} }

// ReplyInvalidAmount (04): the amount is not the booking's price.
func ReplyInvalidAmount() IPNReply { return IPNReply{"04", "Invalid amount"} }

// ReplyInvalidSignature (97): vnp_SecureHash did not verify.
func ReplyInvalidSignature() IPNReply { return IPNReply{"97", "Invalid signature"} }

// ReplyUnknownError (99): anything else, such as malformed input or our own failure.
func ReplyUnknownError() IPNReply { return IPNReply{"99", "Unknown error"} }

// ReplyForVerifyError is the reply to an IPN that Verify rejected with err.
func ReplyForVerifyError(err error) IPNReply {
	if errors.Is(err, ErrSignature) {
		return ReplyInvalidSignature()
	}
	return ReplyUnknownError()
}

func (cfg Config) validate() error {
	if len(cfg.TmnCode) != 8 || !isAlnum(cfg.TmnCode) {
		return fmt.Errorf("vnpay: terminal code (TmnCode) %q must be 8 letters or digits", cfg.TmnCode)
	}
	if cfg.HashSecret == "" {
		return errors.New("vnpay: empty hash secret")
	}
	return nil
}

func absoluteURL(what, s string) (*url.URL, error) {
	u, err := url.Parse(s)
	if err != nil || (u.Scheme != "https" && u.Scheme != "http") || u.Host == "" {
		return nil, fmt.Errorf("vnpay: %s %q must be an absolute http(s) URL", what, s)
	}
	return u, nil
}

// decodeHash reads a hex HMAC-SHA512, in either case of hex digits.
func decodeHash(s string) ([]byte, error) {
	mac, err := hex.DecodeString(s)
	if err != nil || len(mac) != sha512.Size {
		return nil, errors.New("not 128 hex digits")
	}
	return mac, nil
}

func sign(secret, data string) string {
	return hex.EncodeToString(hmacSHA512(secret, data))
}

func hmacSHA512(secret, data string) []byte {
	m := hmac.New(sha512.New, []byte(secret))
	m.Write([]byte(data))
	return m.Sum(nil)
}

func formatDate(t time.Time) string { return t.In(vn.Zone).Format(dateLayout) }

func parseDate(field, s string) (time.Time, error) {
	if len(s) != len(dateLayout) || !isDigits(s) {
		return time.Time{}, fmt.Errorf("vnpay: %s %q must be yyyyMMddHHmmss", field, s)
	}
	t, err := time.ParseInLocation(dateLayout, s, vn.Zone)
	if err != nil {
		return time.Time{}, fmt.Errorf("vnpay: %s %q is not a valid date and time", field, s)
	}
	return t, nil
}

// checkRef checks a merchant reference: VNPay's guide says Alphanumeric[1,max].
func checkRef(field, s string, max int) error {
	if len(s) < 1 || len(s) > max || !isAlnum(s) {
		return fmt.Errorf("vnpay: %s %q must be 1 to %d letters or digits", field, s, max)
	}
	return nil
}

// checkText allows any printable text up to max characters. VNPay's guide asks for
// Vietnamese without diacritics, but its gateway accepts and echoes UTF-8 (the first
// vector has "Thanh toán đơn hàng"); control characters are refused.
func checkText(field, s string, max int) error {
	if s == "" || utf8.RuneCountInString(s) > max {
		return fmt.Errorf("vnpay: %s must be 1 to %d characters", field, max)
	}
	if !utf8.ValidString(s) {
		return fmt.Errorf("vnpay: %s is not valid UTF-8", field)
	}
	for _, r := range s {
		if unicode.IsControl(r) {
			return fmt.Errorf("vnpay: %s %q contains a control character", field, s)
		}
	}
	return nil
}

func checkIP(s string) error {
	if a, err := netip.ParseAddr(s); err != nil || a.Zone() != "" {
		return fmt.Errorf("vnpay: IP address %q must be an IPv4 or IPv6 address", s)
	}
	return nil
}

func isStatus(s string) bool { return len(s) == 2 && isDigits(s) }

func isDigits(s string) bool {
	if s == "" {
		return false
	}
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

// sortedKeys returns the keys of m in byte order, which is VNPay's order for its
// ASCII parameter names (PHP's ksort, Java's TreeMap and .NET's ordinal compare agree).
func sortedKeys(m map[string]string) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}

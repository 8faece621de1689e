package vnpay

import (
	"bytes"
	"crypto/hmac"
	"encoding/json"
	"errors"
	"fmt"
	"math"
	"strconv"
	"strings"
	"time"
)

// The refund API (vnp_Command=refund) is a JSON POST to SandboxAPIURL or its production
// twin. Unlike the payment URL, its checksums are not over sorted parameters but over
// fixed fields joined by '|', in orders of VNPay's choosing. Sources, since no public
// test vector exists for either (the tests check hand-written strings, not VNPay):
//
//   - Request: VNPay's API page "querydr&refund" (sandbox.vnpayment.vn/apis/docs/
//     truy-van-hoan-tien/querydr&refund.html) lists it, but the stored copy we could read
//     showed only the page's querydr half. The order below is the one in VNPay's own
//     Node.js and C# demo code (many public copies) and in the lehuygiang28/vnpay library
//     (src/services/query.service.ts); they agree.
//   - Response: only lehuygiang28/vnpay gives it, in code that its own condition never
//     runs. It is the least certain part of this package; if it is wrong,
//     VerifyRefundResponse rejects genuine answers (it fails closed), and the refund's
//     outcome must be read with querydr or in VNPay's merchant portal.
var (
	refundRequestFields = []string{
		"vnp_RequestId", "vnp_Version", "vnp_Command", "vnp_TmnCode", "vnp_TransactionType",
		"vnp_TxnRef", "vnp_Amount", "vnp_TransactionNo", "vnp_TransactionDate",
		"vnp_CreateBy", "vnp_CreateDate", "vnp_IpAddr", "vnp_OrderInfo",
	}
	refundResponseFields = []string{
		"vnp_ResponseId", "vnp_Command", "vnp_ResponseCode", "vnp_Message", "vnp_TmnCode",
		"vnp_TxnRef", "vnp_Amount", "vnp_BankCode", "vnp_PayDate", "vnp_TransactionNo",
		"vnp_TransactionType", "vnp_TransactionStatus", "vnp_OrderInfo",
	}
)

// Refund types, vnp_TransactionType.
const (
	RefundFull    = "02"
	RefundPartial = "03"
)

// RefundRequest is a refund to ask VNPay for.
type RefundRequest struct {
	RequestID       string    // unique per day: 1 to 32 letters or digits
	TransactionType string    // RefundFull or RefundPartial
	TxnRef          string    // the payment's TxnRef
	Amount          int64     // đồng to refund; sent ×100
	TransactionNo   string    // Result.TransactionNo from the payment's IPN
	TransactionDate time.Time // the payment's Created (its vnp_CreateDate)
	CreateBy        string    // who asked for the refund, e.g. a staff user name
	Created         time.Time // when this request was made
	IPAddr          string    // our server's IP address
	OrderInfo       string    // reason for the refund
}

// RefundBody is the JSON body to POST to VNPay's transaction API.
type RefundBody struct {
	RequestID       string `json:"vnp_RequestId"`
	Version         string `json:"vnp_Version"`
	Command         string `json:"vnp_Command"`
	TmnCode         string `json:"vnp_TmnCode"`
	TransactionType string `json:"vnp_TransactionType"`
	TxnRef          string `json:"vnp_TxnRef"`
	Amount          string `json:"vnp_Amount"`
	OrderInfo       string `json:"vnp_OrderInfo"`
	TransactionNo   string `json:"vnp_TransactionNo"`
	TransactionDate string `json:"vnp_TransactionDate"`
	CreateBy        string `json:"vnp_CreateBy"`
	CreateDate      string `json:"vnp_CreateDate"`
	IPAddr          string `json:"vnp_IpAddr"`
	SecureHash      string `json:"vnp_SecureHash"`
}

// NewRefund returns the signed body of a refund request. We require TransactionNo,
// which VNPay's page marks optional: a refund is always of a payment whose IPN we
// stored, and naming VNPay's transaction leaves it nothing to guess.
func NewRefund(cfg Config, r RefundRequest) (RefundBody, error) {
	if err := cfg.validate(); err != nil {
		return RefundBody{}, err
	}
	if err := checkRef("RequestID", r.RequestID, 32); err != nil {
		return RefundBody{}, err
	}
	if r.TransactionType != RefundFull && r.TransactionType != RefundPartial {
		return RefundBody{}, fmt.Errorf("vnpay: refund type %q must be %q (full) or %q (partial)", r.TransactionType, RefundFull, RefundPartial)
	}
	if err := checkRef("TxnRef", r.TxnRef, 100); err != nil {
		return RefundBody{}, err
	}
	if r.Amount <= 0 || r.Amount > math.MaxInt64/100 {
		return RefundBody{}, fmt.Errorf("vnpay: refund amount %d đồng must be positive and at most %d", r.Amount, int64(math.MaxInt64/100))
	}
	if !isDigits(r.TransactionNo) || len(r.TransactionNo) > 15 {
		return RefundBody{}, fmt.Errorf("vnpay: TransactionNo %q must be VNPay's transaction number, 1 to 15 digits", r.TransactionNo)
	}
	if r.TransactionDate.IsZero() || r.Created.IsZero() {
		return RefundBody{}, errors.New("vnpay: both TransactionDate and Created must be set")
	}
	if err := checkText("CreateBy", r.CreateBy, 250); err != nil {
		return RefundBody{}, err
	}
	if err := checkText("OrderInfo", r.OrderInfo, 255); err != nil {
		return RefundBody{}, err
	}
	if strings.Contains(r.CreateBy+r.OrderInfo, "|") {
		// '|' separates the checksum's fields, so it would let two requests share one.
		return RefundBody{}, errors.New("vnpay: CreateBy and OrderInfo must not contain '|'")
	}
	if err := checkIP(r.IPAddr); err != nil {
		return RefundBody{}, err
	}

	b := RefundBody{
		RequestID:       r.RequestID,
		Version:         Version,
		Command:         "refund",
		TmnCode:         cfg.TmnCode,
		TransactionType: r.TransactionType,
		TxnRef:          r.TxnRef,
		Amount:          strconv.FormatInt(r.Amount*100, 10),
		OrderInfo:       r.OrderInfo,
		TransactionNo:   r.TransactionNo,
		TransactionDate: formatDate(r.TransactionDate),
		CreateBy:        r.CreateBy,
		CreateDate:      formatDate(r.Created),
		IPAddr:          r.IPAddr,
	}
	b.SecureHash = sign(cfg.HashSecret, strings.Join([]string{
		b.RequestID, b.Version, b.Command, b.TmnCode, b.TransactionType, b.TxnRef, b.Amount,
		b.TransactionNo, b.TransactionDate, b.CreateBy, b.CreateDate, b.IPAddr, b.OrderInfo,
	}, "|"))
	return b, nil
}

// RefundResult is VNPay's verified answer to a refund request.
type RefundResult struct {
	ResponseID        string
	ResponseCode      string // "00": refund accepted; see VNPay's table for the others
	Message           string
	TmnCode           string
	TxnRef            string
	Amount            int64 // đồng refunded; 0 when VNPay sent none
	BankCode          string
	PayDate           time.Time // zero when VNPay sent none
	TransactionNo     string
	TransactionType   string
	TransactionStatus string
	OrderInfo         string
}

// OK reports whether VNPay accepted the refund.
func (r RefundResult) OK() bool { return r.ResponseCode == "00" }

// VerifyRefundResponse checks the checksum of VNPay's answer to a refund request and
// reads it. VNPay may write values as JSON strings or numbers; the checksum is over the
// text either way, and absent fields count as empty. Errors wrap ErrSignature when the
// checksum is missing or wrong; only then is the response code quoted, to help debug.
func VerifyRefundResponse(secret string, body []byte) (RefundResult, error) {
	if secret == "" {
		return RefundResult{}, errors.New("vnpay: empty hash secret")
	}
	var raw map[string]json.RawMessage
	if err := json.Unmarshal(body, &raw); err != nil {
		return RefundResult{}, fmt.Errorf("vnpay: refund response is not a JSON object: %w", err)
	}
	v := make(map[string]string, len(refundResponseFields)+1)
	for _, k := range append(refundResponseFields, "vnp_SecureHash") {
		s, err := scalar(raw[k])
		if err != nil {
			return RefundResult{}, fmt.Errorf("vnpay: refund response field %s: %w", k, err)
		}
		v[k] = s
	}
	if v["vnp_SecureHash"] == "" {
		return RefundResult{}, fmt.Errorf("%w: refund response has no vnp_SecureHash (vnp_ResponseCode %q)", ErrSignature, v["vnp_ResponseCode"])
	}
	parts := make([]string, len(refundResponseFields))
	for i, k := range refundResponseFields {
		parts[i] = v[k]
	}
	mac, err := decodeHash(v["vnp_SecureHash"])
	if err != nil || !hmac.Equal(mac, hmacSHA512(secret, strings.Join(parts, "|"))) {
		return RefundResult{}, fmt.Errorf("%w: refund response (vnp_ResponseCode %q)", ErrSignature, v["vnp_ResponseCode"])
	}
	if v["vnp_Command"] != "refund" {
		return RefundResult{}, fmt.Errorf("vnpay: refund response is for command %q, not refund", v["vnp_Command"])
	}
	r := RefundResult{
		ResponseID:        v["vnp_ResponseId"],
		ResponseCode:      v["vnp_ResponseCode"],
		Message:           v["vnp_Message"],
		TmnCode:           v["vnp_TmnCode"],
		TxnRef:            v["vnp_TxnRef"],
		BankCode:          v["vnp_BankCode"],
		TransactionNo:     v["vnp_TransactionNo"],
		TransactionType:   v["vnp_TransactionType"],
		TransactionStatus: v["vnp_TransactionStatus"],
		OrderInfo:         v["vnp_OrderInfo"],
	}
	if !isStatus(r.ResponseCode) {
		return RefundResult{}, fmt.Errorf("vnpay: refund response code %q must be two digits", r.ResponseCode)
	}
	if a := v["vnp_Amount"]; a != "" {
		if r.Amount, err = parseAmount(a); err != nil {
			return RefundResult{}, err
		}
	}
	if d := v["vnp_PayDate"]; d != "" {
		if r.PayDate, err = parseDate("vnp_PayDate", d); err != nil {
			return RefundResult{}, err
		}
	}
	return r, nil
}

// scalar returns the text of a JSON string or number; "" for an absent field or null.
func scalar(m json.RawMessage) (string, error) {
	m = bytes.TrimSpace(m)
	if len(m) == 0 || string(m) == "null" {
		return "", nil
	}
	switch m[0] {
	case '"':
		var s string
		if err := json.Unmarshal(m, &s); err != nil {
			return "", err
		}
		return s, nil
	case '-', '0', '1', '2', '3', '4', '5', '6', '7', '8', '9':
		return string(m), nil
	}
	return "", errors.New("must be a string or a number")
}

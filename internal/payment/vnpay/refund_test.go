package vnpay

import (
	"crypto/hmac"
	"crypto/sha512"
	"encoding/hex"
	"encoding/json"
	"errors"
	"strings"
	"testing"
	"time"
)

// No public vector exists for the refund checksums, so these are known-answer tests:
// the '|'-joined strings are written out by hand from the field orders in refund.go, and
// their HMACs are computed here rather than by sign.
func hmacHex(secret, data string) string {
	m := hmac.New(sha512.New, []byte(secret))
	m.Write([]byte(data))
	return hex.EncodeToString(m.Sum(nil))
}

func testRefund() RefundRequest {
	return RefundRequest{
		RequestID:       "RF20260127A1",
		TransactionType: RefundFull,
		TxnRef:          "ABCDEFGH",
		Amount:          350000,
		TransactionNo:   "14980726",
		TransactionDate: time.Date(2026, 1, 26, 14, 30, 0, 0, time.UTC),
		CreateBy:        "nhanvien.an",
		Created:         time.Date(2026, 1, 27, 1, 2, 3, 0, time.UTC),
		IPAddr:          "203.0.113.7",
		OrderInfo:       "Hoan tien ve ABCDEFGH",
	}
}

func TestNewRefundKnownAnswer(t *testing.T) {
	got, err := NewRefund(testConfig(), testRefund())
	if err != nil {
		t.Fatal(err)
	}
	data := "RF20260127A1|2.1.0|refund|BENXE001|02|ABCDEFGH|35000000|14980726|20260126213000|nhanvien.an|20260127080203|203.0.113.7|Hoan tien ve ABCDEFGH"
	want := RefundBody{
		RequestID: "RF20260127A1", Version: "2.1.0", Command: "refund", TmnCode: "BENXE001",
		TransactionType: "02", TxnRef: "ABCDEFGH", Amount: "35000000",
		OrderInfo: "Hoan tien ve ABCDEFGH", TransactionNo: "14980726",
		TransactionDate: "20260126213000", CreateBy: "nhanvien.an", CreateDate: "20260127080203",
		IPAddr: "203.0.113.7", SecureHash: hmacHex(testSecret, data),
	}
	if got != want {
		t.Errorf("NewRefund =\n%+v\nwant\n%+v", got, want)
	}
	b, err := json.Marshal(got)
	if err != nil {
		t.Fatal(err)
	}
	for _, k := range refundRequestFields {
		if !strings.Contains(string(b), `"`+k+`":`) {
			t.Errorf("JSON body %s lacks %s", b, k)
		}
	}
}

func TestNewRefundRejects(t *testing.T) {
	tests := []struct {
		name    string
		change  func(*RefundRequest)
		mention string
	}{
		{"no request id", func(r *RefundRequest) { r.RequestID = "" }, "RequestID"},
		{"long request id", func(r *RefundRequest) { r.RequestID = strings.Repeat("1", 33) }, "RequestID"},
		{"type", func(r *RefundRequest) { r.TransactionType = "01" }, "refund type"},
		{"TxnRef", func(r *RefundRequest) { r.TxnRef = "AB CD" }, "TxnRef"},
		{"zero amount", func(r *RefundRequest) { r.Amount = 0 }, "amount"},
		{"no transaction no", func(r *RefundRequest) { r.TransactionNo = "" }, "TransactionNo"},
		{"letters in transaction no", func(r *RefundRequest) { r.TransactionNo = "VNP1" }, "TransactionNo"},
		{"no transaction date", func(r *RefundRequest) { r.TransactionDate = time.Time{} }, "TransactionDate"},
		{"no created", func(r *RefundRequest) { r.Created = time.Time{} }, "Created"},
		{"no creator", func(r *RefundRequest) { r.CreateBy = "" }, "CreateBy"},
		{"pipe in reason", func(r *RefundRequest) { r.OrderInfo = "a|b" }, "'|'"},
		{"pipe in creator", func(r *RefundRequest) { r.CreateBy = "a|b" }, "'|'"},
		{"bad IP", func(r *RefundRequest) { r.IPAddr = "localhost" }, "IP"},
	}
	for _, tt := range tests {
		r := testRefund()
		tt.change(&r)
		if _, err := NewRefund(testConfig(), r); err == nil {
			t.Errorf("%s: NewRefund succeeded", tt.name)
		} else if !strings.Contains(err.Error(), tt.mention) {
			t.Errorf("%s: error %q does not mention %q", tt.name, err, tt.mention)
		}
	}
	cfg := testConfig()
	cfg.HashSecret = ""
	if _, err := NewRefund(cfg, testRefund()); err == nil {
		t.Error("NewRefund without a secret succeeded")
	}
}

// refundResponse returns a response body, signed by hand over fields in VNPay's order,
// with numbers written as JSON numbers when asNumbers is set.
func refundResponse(secret string, asNumbers bool, change func(map[string]any)) []byte {
	v := map[string]any{
		"vnp_ResponseId": "a1b2c3", "vnp_Command": "refund", "vnp_ResponseCode": "00",
		"vnp_Message": "Refund success", "vnp_TmnCode": "BENXE001", "vnp_TxnRef": "ABCDEFGH",
		"vnp_Amount": "35000000", "vnp_BankCode": "NCB", "vnp_PayDate": "20260127080210",
		"vnp_TransactionNo": "14980799", "vnp_TransactionType": "02",
		"vnp_TransactionStatus": "05", "vnp_OrderInfo": "Hoan tien ve ABCDEFGH",
	}
	data := "a1b2c3|refund|00|Refund success|BENXE001|ABCDEFGH|35000000|NCB|20260127080210|14980799|02|05|Hoan tien ve ABCDEFGH"
	v["vnp_SecureHash"] = hmacHex(secret, data)
	if asNumbers {
		v["vnp_Amount"] = json.Number("35000000")
		v["vnp_TransactionNo"] = json.Number("14980799")
	}
	if change != nil {
		change(v)
	}
	b, err := json.Marshal(v)
	if err != nil {
		panic(err)
	}
	return b
}

func TestVerifyRefundResponse(t *testing.T) {
	want := RefundResult{
		ResponseID: "a1b2c3", ResponseCode: "00", Message: "Refund success", TmnCode: "BENXE001",
		TxnRef: "ABCDEFGH", Amount: 350000, BankCode: "NCB",
		PayDate:       time.Date(2026, 1, 27, 8, 2, 10, 0, time.FixedZone("", 7*3600)),
		TransactionNo: "14980799", TransactionType: "02", TransactionStatus: "05",
		OrderInfo: "Hoan tien ve ABCDEFGH",
	}
	for _, asNumbers := range []bool{false, true} {
		got, err := VerifyRefundResponse(testSecret, refundResponse(testSecret, asNumbers, nil))
		if err != nil {
			t.Fatalf("numbers %v: %v", asNumbers, err)
		}
		if !got.PayDate.Equal(want.PayDate) {
			t.Errorf("PayDate = %v, want %v", got.PayDate, want.PayDate)
		}
		got.PayDate = want.PayDate
		if got != want || !got.OK() {
			t.Errorf("numbers %v: VerifyRefundResponse =\n%+v\nwant\n%+v", asNumbers, got, want)
		}
	}
}

func TestVerifyRefundResponseRejects(t *testing.T) {
	set := func(k string, v any) func(map[string]any) { return func(m map[string]any) { m[k] = v } }
	tests := []struct {
		name    string
		body    []byte
		sigErr  bool
		mention string
	}{
		{"wrong secret", refundResponse("other", false, nil), true, `"00"`},
		{"tampered amount", refundResponse(testSecret, false, set("vnp_Amount", "36000000")), true, ""},
		{"tampered status", refundResponse(testSecret, false, set("vnp_TransactionStatus", "00")), true, ""},
		{"no hash", refundResponse(testSecret, false, func(m map[string]any) { delete(m, "vnp_SecureHash") }), true, "no vnp_SecureHash"},
		{"hash not hex", refundResponse(testSecret, false, set("vnp_SecureHash", "xyz")), true, ""},
		{"object value", refundResponse(testSecret, false, set("vnp_Message", map[string]any{})), false, "vnp_Message"},
		{"not JSON", []byte("<html>502</html>"), false, "JSON"},
		{"JSON array", []byte("[]"), false, "JSON"},
	}
	for _, tt := range tests {
		_, err := VerifyRefundResponse(testSecret, tt.body)
		if err == nil {
			t.Errorf("%s: succeeded", tt.name)
			continue
		}
		if errors.Is(err, ErrSignature) != tt.sigErr {
			t.Errorf("%s: errors.Is(%v, ErrSignature) = %v", tt.name, err, !tt.sigErr)
		}
		if !strings.Contains(err.Error(), tt.mention) {
			t.Errorf("%s: error %q does not mention %q", tt.name, err, tt.mention)
		}
		assertNoSecret(t, err, testSecret)
	}
	if _, err := VerifyRefundResponse("", refundResponse(testSecret, false, nil)); err == nil {
		t.Error("empty secret accepted")
	}
}

func FuzzVerifyRefundResponse(f *testing.F) {
	f.Add(refundResponse(testSecret, false, nil))
	f.Add(refundResponse(testSecret, true, nil))
	f.Add([]byte(`{"vnp_Amount":1e400,"vnp_SecureHash":null}`))
	f.Add([]byte(`{"vnp_Amount":"-","vnp_SecureHash":"00"}`))
	f.Fuzz(func(t *testing.T, body []byte) {
		r, err := VerifyRefundResponse(testSecret, body)
		if err == nil && (r.Amount < 0 || len(r.ResponseCode) != 2) {
			t.Fatalf("accepted %+v", r)
		}
	})
}

package momo

import (
	"crypto/hmac"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"strings"
	"testing"
	"time"
)

// testdata/payments.json has no MoMo vector, and MoMo's published examples are signed
// with keys it does not publish. So these are known-answer tests: each raw signature
// string is written out by hand from MoMo's documented field list, and its HMAC is
// computed here with crypto/hmac, independently of the package's sign.

const (
	testSecret = "K951B6PE1waDMi640xX08PD3vg6EkVlz-test"
	testAccess = "F8BBA842ECF85-test"
)

func testConfig() Config {
	return Config{PartnerCode: "MOMOBENXE2026", AccessKey: testAccess, SecretKey: testSecret, Endpoint: SandboxEndpoint}
}

func hmacHex(secret, data string) string {
	m := hmac.New(sha256.New, []byte(secret))
	m.Write([]byte(data))
	return hex.EncodeToString(m.Sum(nil))
}

func testCreate() CreateRequest {
	return CreateRequest{
		RequestID:   "REQ-ABCDEFGH-1",
		Amount:      350000,
		OrderID:     "ABCDEFGH",
		OrderInfo:   "Vé xe Sài Gòn - Đà Lạt & về",
		RedirectURL: "https://benxe.vn/thanh-toan/momo?b=ABCDEFGH",
		IPNURL:      "https://benxe.vn/api/momo/ipn",
		ExtraData:   "eyJib29raW5nIjoiQUJDREVGR0gifQ==",
	}
}

func TestSignCreateKnownAnswer(t *testing.T) {
	got, err := SignCreate(testConfig(), testCreate())
	if err != nil {
		t.Fatal(err)
	}
	raw := "accessKey=F8BBA842ECF85-test&amount=350000&extraData=eyJib29raW5nIjoiQUJDREVGR0gifQ==" +
		"&ipnUrl=https://benxe.vn/api/momo/ipn&orderId=ABCDEFGH&orderInfo=Vé xe Sài Gòn - Đà Lạt & về" +
		"&partnerCode=MOMOBENXE2026&redirectUrl=https://benxe.vn/thanh-toan/momo?b=ABCDEFGH" +
		"&requestId=REQ-ABCDEFGH-1&requestType=captureWallet"
	want := testCreate()
	want.PartnerCode, want.RequestType, want.Lang = "MOMOBENXE2026", "captureWallet", "vi"
	want.Signature = hmacHex(testSecret, raw)
	if got != want {
		t.Errorf("SignCreate =\n%+v\nwant\n%+v", got, want)
	}

	// The order MoMo's Go sample uses gives another signature, which v2 rejects.
	sample := "partnerCode=MOMOBENXE2026&accessKey=F8BBA842ECF85-test&requestId=REQ-ABCDEFGH-1&amount=350000" +
		"&orderId=ABCDEFGH&orderInfo=Vé xe Sài Gòn - Đà Lạt & về&returnUrl=https://benxe.vn/thanh-toan/momo?b=ABCDEFGH" +
		"&notifyUrl=https://benxe.vn/api/momo/ipn&extraData=eyJib29raW5nIjoiQUJDREVGR0gifQ=="
	if got.Signature == hmacHex(testSecret, sample) {
		t.Error("signature matches the Go sample's field order")
	}

	b, err := json.Marshal(got)
	if err != nil {
		t.Fatal(err)
	}
	for _, k := range []string{"partnerCode", "requestId", "amount", "orderId", "orderInfo", "redirectUrl", "ipnUrl", "requestType", "extraData", "lang", "signature"} {
		if !strings.Contains(string(b), `"`+k+`":`) {
			t.Errorf("JSON %s lacks %s", b, k)
		}
	}
	if !strings.Contains(string(b), `"amount":350000,`) {
		t.Errorf("amount must be a JSON number (Long): %s", b)
	}
	if strings.Contains(string(b), "accessKey") || strings.Contains(string(b), testSecret) {
		t.Errorf("JSON body carries a key: %s", b)
	}
}

func TestSignCreateRejects(t *testing.T) {
	tests := []struct {
		name    string
		change  func(*Config, *CreateRequest)
		mention string
	}{
		{"no secret", func(c *Config, _ *CreateRequest) { c.SecretKey = "" }, "secret key"},
		{"no access key", func(c *Config, _ *CreateRequest) { c.AccessKey = "" }, "access key"},
		{"no partner", func(c *Config, _ *CreateRequest) { c.PartnerCode = "" }, "partner code"},
		{"other partner", func(_ *Config, r *CreateRequest) { r.PartnerCode = "MOMOOTHER" }, "partnerCode"},
		{"request type", func(_ *Config, r *CreateRequest) { r.RequestType = "payWithATM" }, "request type"},
		{"lang", func(_ *Config, r *CreateRequest) { r.Lang = "fr" }, "lang"},
		{"no request id", func(_ *Config, r *CreateRequest) { r.RequestID = "" }, "requestId"},
		{"space in request id", func(_ *Config, r *CreateRequest) { r.RequestID = "a b" }, "requestId"},
		{"no order id", func(_ *Config, r *CreateRequest) { r.OrderID = "" }, "orderId"},
		{"order id ends with dash", func(_ *Config, r *CreateRequest) { r.OrderID = "ABC-" }, "orderId"},
		{"order id with slash", func(_ *Config, r *CreateRequest) { r.OrderID = "A/B" }, "orderId"},
		{"amount below minimum", func(_ *Config, r *CreateRequest) { r.Amount = 999 }, "amount"},
		{"amount above maximum", func(_ *Config, r *CreateRequest) { r.Amount = 50_000_001 }, "amount"},
		{"no order info", func(_ *Config, r *CreateRequest) { r.OrderInfo = "" }, "orderInfo"},
		{"no redirect", func(_ *Config, r *CreateRequest) { r.RedirectURL = "" }, "redirectUrl"},
		{"relative ipn", func(_ *Config, r *CreateRequest) { r.IPNURL = "/api/momo/ipn" }, "ipnUrl"},
		{"extra data not base64", func(_ *Config, r *CreateRequest) { r.ExtraData = `{"a":1}` }, "extraData"},
	}
	for _, tt := range tests {
		cfg, req := testConfig(), testCreate()
		tt.change(&cfg, &req)
		_, err := SignCreate(cfg, req)
		if err == nil {
			t.Errorf("%s: SignCreate succeeded", tt.name)
			continue
		}
		if !strings.Contains(err.Error(), tt.mention) {
			t.Errorf("%s: error %q does not mention %q", tt.name, err, tt.mention)
		}
		assertNoSecret(t, err)
	}
	req := testCreate()
	req.Amount = MinAmount
	if _, err := SignCreate(testConfig(), req); err != nil {
		t.Errorf("minimum amount: %v", err)
	}
}

func assertNoSecret(t *testing.T, err error) {
	t.Helper()
	if strings.Contains(err.Error(), testSecret) || strings.Contains(err.Error(), testAccess) {
		t.Errorf("error %q contains a key", err)
	}
}

// ipnRaw is the IPN of MoMo's notification page (its second example), re-signed with
// our test keys; the string is written out by hand.
const ipnRaw = "accessKey=F8BBA842ECF85-test&amount=1000&extraData=eyJyZXN1bHRfbmFtZXNwYWNlIjoidW1hcmtldCIsImVycm9yIjoiIiwic3RhdGUiOjZ9" +
	"&message=Giao dịch thành công.&orderId=01234567890123451633504872421&orderInfo=Test Thue 1234556" +
	"&orderType=momo_wallet&partnerCode=MOMOBENXE2026&payType=qr&requestId=01234567890123451633504872421" +
	"&responseTime=1633504902954&resultCode=0&transId=2588659987"

func ipnBody(change func(map[string]any)) []byte {
	m := map[string]any{
		"partnerCode": "MOMOBENXE2026", "orderId": "01234567890123451633504872421",
		"requestId": "01234567890123451633504872421", "amount": 1000,
		"orderInfo": "Test Thue 1234556", "orderType": "momo_wallet", "transId": 2588659987,
		"resultCode": 0, "message": "Giao dịch thành công.", "payType": "qr",
		"responseTime":  1633504902954,
		"extraData":     "eyJyZXN1bHRfbmFtZXNwYWNlIjoidW1hcmtldCIsImVycm9yIjoiIiwic3RhdGUiOjZ9",
		"signature":     hmacHex(testSecret, ipnRaw),
		"partnerUserId": "not signed, ignored",
	}
	if change != nil {
		change(m)
	}
	b, err := json.Marshal(m)
	if err != nil {
		panic(err)
	}
	return b
}

func TestParseIPN(t *testing.T) {
	got, err := ParseIPN(ipnBody(nil), testConfig())
	if err != nil {
		t.Fatal(err)
	}
	want := IPN{
		PartnerCode: "MOMOBENXE2026", OrderID: "01234567890123451633504872421",
		RequestID: "01234567890123451633504872421", Amount: 1000, OrderInfo: "Test Thue 1234556",
		OrderType: "momo_wallet", TransID: 2588659987, ResultCode: 0,
		Message: "Giao dịch thành công.", PayType: "qr", ResponseTime: time.UnixMilli(1633504902954),
		ExtraData: "eyJyZXN1bHRfbmFtZXNwYWNlIjoidW1hcmtldCIsImVycm9yIjoiIiwic3RhdGUiOjZ9",
	}
	if got != want || !got.Paid() {
		t.Errorf("ParseIPN =\n%+v\nwant\n%+v", got, want)
	}
	// Upper-case hex is the same signature.
	up := ipnBody(func(m map[string]any) { m["signature"] = strings.ToUpper(hmacHex(testSecret, ipnRaw)) })
	if _, err := ParseIPN(up, testConfig()); err != nil {
		t.Errorf("upper-case signature: %v", err)
	}
}

// An unpaid result is still a valid IPN; Paid tells them apart.
func TestParseIPNFailedPayment(t *testing.T) {
	raw := strings.Replace(ipnRaw, "&resultCode=0&", "&resultCode=1006&", 1)
	raw = strings.Replace(raw, "&message=Giao dịch thành công.&", "&message=Người dùng từ chối.&", 1)
	body := ipnBody(func(m map[string]any) {
		m["resultCode"], m["message"], m["signature"] = 1006, "Người dùng từ chối.", hmacHex(testSecret, raw)
	})
	got, err := ParseIPN(body, testConfig())
	if err != nil {
		t.Fatal(err)
	}
	if got.Paid() || got.ResultCode != 1006 {
		t.Errorf("ParseIPN = %+v, want unpaid 1006", got)
	}
}

func TestParseIPNRejects(t *testing.T) {
	set := func(k string, v any) func(map[string]any) { return func(m map[string]any) { m[k] = v } }
	del := func(k string) func(map[string]any) { return func(m map[string]any) { delete(m, k) } }
	other := testConfig()
	other.PartnerCode = "MOMOOTHER"
	tests := []struct {
		name    string
		cfg     Config
		body    []byte
		sigErr  bool
		mention string
	}{
		{"wrong secret", func() Config { c := testConfig(); c.SecretKey += "x"; return c }(), ipnBody(nil), true, ""},
		{"wrong access key", func() Config { c := testConfig(); c.AccessKey += "x"; return c }(), ipnBody(nil), true, ""},
		{"tampered amount", testConfig(), ipnBody(set("amount", 100000)), true, ""},
		{"tampered result", testConfig(), ipnBody(set("resultCode", 9000)), true, ""},
		{"tampered order", testConfig(), ipnBody(set("orderId", "ABCDEFGH")), true, ""},
		{"tampered extra data", testConfig(), ipnBody(del("extraData")), true, ""},
		{"signature truncated", testConfig(), ipnBody(set("signature", hmacHex(testSecret, ipnRaw)[:62])), true, "64 hex"},
		{"no signature", testConfig(), ipnBody(del("signature")), false, "signature"},
		{"configured for another partner", other, ipnBody(nil), false, "partner"},
		{"missing amount", testConfig(), ipnBody(del("amount")), false, "amount"},
		{"missing transId", testConfig(), ipnBody(del("transId")), false, "transId"},
		{"missing orderId", testConfig(), ipnBody(del("orderId")), false, "orderId"},
		{"missing resultCode", testConfig(), ipnBody(del("resultCode")), false, "resultCode"},
		{"quoted amount", testConfig(), ipnBody(set("amount", "1000")), false, "amount"},
		{"fractional amount", testConfig(), ipnBody(set("amount", 1000.5)), false, "amount"},
		{"exponent amount", testConfig(), ipnBody(set("amount", json.Number("1e3"))), false, "amount"},
		{"huge transId", testConfig(), ipnBody(set("transId", json.Number("99999999999999999999"))), false, "transId"},
		{"numeric message", testConfig(), ipnBody(set("message", 5)), false, "message"},
		{"not JSON", testConfig(), []byte("partnerCode=MOMO&amount=1000"), false, "JSON"},
		{"empty body", testConfig(), nil, false, "JSON"},
		{"no secret configured", func() Config { c := testConfig(); c.SecretKey = ""; return c }(), ipnBody(nil), false, "secret key"},
	}
	for _, tt := range tests {
		_, err := ParseIPN(tt.body, tt.cfg)
		if err == nil {
			t.Errorf("%s: ParseIPN succeeded", tt.name)
			continue
		}
		if errors.Is(err, ErrSignature) != tt.sigErr {
			t.Errorf("%s: errors.Is(%v, ErrSignature) = %v", tt.name, err, !tt.sigErr)
		}
		if !strings.Contains(err.Error(), tt.mention) {
			t.Errorf("%s: error %q does not mention %q", tt.name, err, tt.mention)
		}
		assertNoSecret(t, err)
	}
}

// A correctly signed IPN for another partner, or with a nonsensical amount, is refused
// after the signature check.
func TestParseIPNSignedButWrong(t *testing.T) {
	other := strings.Replace(ipnRaw, "partnerCode=MOMOBENXE2026", "partnerCode=MOMOOTHER", 1)
	body := ipnBody(func(m map[string]any) { m["partnerCode"], m["signature"] = "MOMOOTHER", hmacHex(testSecret, other) })
	if _, err := ParseIPN(body, testConfig()); err == nil || errors.Is(err, ErrSignature) || !strings.Contains(err.Error(), "partner") {
		t.Errorf("other partner: %v", err)
	}
	zero := strings.Replace(ipnRaw, "amount=1000&", "amount=0&", 1)
	body = ipnBody(func(m map[string]any) { m["amount"], m["signature"] = 0, hmacHex(testSecret, zero) })
	if _, err := ParseIPN(body, testConfig()); err == nil || !strings.Contains(err.Error(), "positive") {
		t.Errorf("zero amount: %v", err)
	}
}

func TestSignRefundKnownAnswer(t *testing.T) {
	req := RefundRequest{OrderID: "RF-ABCDEFGH-1", RequestID: "RQ-RF-ABCDEFGH-1", Amount: 350000, TransID: 2588659987, Description: "Hủy vé ABCDEFGH"}
	got, err := SignRefund(testConfig(), req)
	if err != nil {
		t.Fatal(err)
	}
	raw := "accessKey=F8BBA842ECF85-test&amount=350000&description=Hủy vé ABCDEFGH&orderId=RF-ABCDEFGH-1" +
		"&partnerCode=MOMOBENXE2026&requestId=RQ-RF-ABCDEFGH-1&transId=2588659987"
	want := req
	want.PartnerCode, want.Lang, want.Signature = "MOMOBENXE2026", "vi", hmacHex(testSecret, raw)
	if got != want {
		t.Errorf("SignRefund =\n%+v\nwant\n%+v", got, want)
	}
	// An empty description is allowed and still signed.
	req.Description = ""
	got, err = SignRefund(testConfig(), req)
	raw = strings.Replace(raw, "description=Hủy vé ABCDEFGH&", "description=&", 1)
	if err != nil || got.Signature != hmacHex(testSecret, raw) {
		t.Errorf("empty description: %+v, %v", got, err)
	}
}

func TestSignRefundRejects(t *testing.T) {
	base := RefundRequest{OrderID: "RF1", RequestID: "RQ1", Amount: 350000, TransID: 1}
	tests := []struct {
		name   string
		change func(*RefundRequest)
	}{
		{"no order", func(r *RefundRequest) { r.OrderID = "" }},
		{"no request", func(r *RefundRequest) { r.RequestID = "" }},
		{"small amount", func(r *RefundRequest) { r.Amount = 999 }},
		{"large amount", func(r *RefundRequest) { r.Amount = 60_000_000 }},
		{"no transId", func(r *RefundRequest) { r.TransID = 0 }},
		{"other partner", func(r *RefundRequest) { r.PartnerCode = "X" }},
		{"lang", func(r *RefundRequest) { r.Lang = "de" }},
		{"long description", func(r *RefundRequest) { r.Description = strings.Repeat("x", 256) }},
	}
	for _, tt := range tests {
		r := base
		tt.change(&r)
		if _, err := SignRefund(testConfig(), r); err == nil {
			t.Errorf("%s: SignRefund succeeded", tt.name)
		}
	}
}

func TestParseCreateResponse(t *testing.T) {
	req, err := SignCreate(testConfig(), testCreate())
	if err != nil {
		t.Fatal(err)
	}
	ok := `{"partnerCode":"MOMOBENXE2026","orderId":"ABCDEFGH","requestId":"REQ-ABCDEFGH-1","amount":350000,"responseTime":1721720663942,"message":"Thành công.","resultCode":0,"payUrl":"https://test-payment.momo.vn/v2/gateway/pay?t=abc","deeplink":"momo://app?action=payWithApp","qrCodeUrl":"momo://app?action=payWithApp&isScanQR=true"}`
	got, err := ParseCreateResponse([]byte(ok), req)
	if err != nil {
		t.Fatal(err)
	}
	if got.PayURL != "https://test-payment.momo.vn/v2/gateway/pay?t=abc" || got.Deeplink == "" {
		t.Errorf("ParseCreateResponse = %+v", got)
	}
	for name, body := range map[string]string{
		"refused":      `{"orderId":"ABCDEFGH","requestId":"REQ-ABCDEFGH-1","amount":350000,"resultCode":22,"message":"Số tiền không hợp lệ"}`,
		"other order":  strings.Replace(ok, `"orderId":"ABCDEFGH"`, `"orderId":"ZZZ"`, 1),
		"other amount": strings.Replace(ok, `"amount":350000`, `"amount":1000`, 1),
		"http payUrl":  strings.Replace(ok, `https://test-payment`, `http://test-payment`, 1),
		"not JSON":     `<html>`,
	} {
		if _, err := ParseCreateResponse([]byte(body), req); err == nil {
			t.Errorf("%s: accepted", name)
		}
	}
}

func TestConfigURLs(t *testing.T) {
	c := testConfig()
	c.Endpoint += "/"
	if c.CreateURL() != "https://test-payment.momo.vn/v2/gateway/api/create" || c.RefundURL() != "https://test-payment.momo.vn/v2/gateway/api/refund" {
		t.Errorf("URLs: %s %s", c.CreateURL(), c.RefundURL())
	}
}

func FuzzParseIPN(f *testing.F) {
	f.Add(ipnBody(nil))
	f.Add(ipnBody(func(m map[string]any) { m["amount"] = -5 }))
	f.Add([]byte(`{"partnerCode":"MOMOBENXE2026","orderId":"a","requestId":"b","amount":01,"transId":1,"resultCode":0,"responseTime":0,"signature":"00"}`))
	f.Add([]byte(`{"amount":-0,"resultCode":99999999999}`))
	f.Fuzz(func(t *testing.T, body []byte) {
		n, err := ParseIPN(body, testConfig())
		if err == nil && (n.Amount <= 0 || n.PartnerCode != "MOMOBENXE2026") {
			t.Fatalf("accepted %+v", n)
		}
	})
}

func FuzzParseCreateResponse(f *testing.F) {
	req, err := SignCreate(testConfig(), testCreate())
	if err != nil {
		f.Fatal(err)
	}
	f.Add([]byte(`{"orderId":"ABCDEFGH","requestId":"REQ-ABCDEFGH-1","amount":350000,"resultCode":0,"payUrl":"https://x/"}`))
	f.Add([]byte(`{"resultCode":1.5}`))
	f.Fuzz(func(t *testing.T, body []byte) {
		r, err := ParseCreateResponse(body, req)
		if err == nil && (r.ResultCode != 0 || !strings.HasPrefix(r.PayURL, "https://")) {
			t.Fatalf("accepted %+v", r)
		}
	})
}

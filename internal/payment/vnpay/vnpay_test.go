package vnpay

import (
	"crypto/hmac"
	"crypto/sha512"
	"encoding/hex"
	"encoding/json"
	"errors"
	"maps"
	"net/url"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/benxe/benxe/internal/vn"
)

// vector mirrors one entry of vnpay_hmac_sha512 in testdata/payments.json.
type vector struct {
	Source     string            `json:"source"`
	Secret     string            `json:"secret"`
	Params     map[string]string `json:"params"`
	SecureHash string            `json:"vnp_SecureHash"`
	SignData   string            `json:"sign_data"`
	Hex        string            `json:"hex"`
}

func loadVectors(tb testing.TB) (callbacks, signData []vector) {
	tb.Helper()
	data, err := os.ReadFile("../../../testdata/payments.json")
	if err != nil {
		tb.Fatal(err)
	}
	var file struct {
		VNPay []vector `json:"vnpay_hmac_sha512"`
	}
	if err := json.Unmarshal(data, &file); err != nil {
		tb.Fatal(err)
	}
	for _, v := range file.VNPay {
		switch {
		case v.Params != nil && v.SecureHash != "":
			callbacks = append(callbacks, v)
		case v.SignData != "" && v.Hex != "":
			signData = append(signData, v)
		default:
			tb.Fatalf("vnpay vector %q has neither params nor sign_data: has the layout changed?", v.Source)
		}
	}
	if len(callbacks) != 2 || len(signData) != 1 {
		tb.Fatalf("payments.json has %d VNPay callback and %d sign-data vectors, want 2 and 1", len(callbacks), len(signData))
	}
	return callbacks, signData
}

func (v vector) query() url.Values {
	q := url.Values{}
	for k, val := range v.Params {
		q.Set(k, val)
	}
	q.Set("vnp_SecureHash", v.SecureHash)
	return q
}

// signed returns params plus a vnp_SecureHash computed by hand over a sign-data string
// built by the code under test, so tests can reach the checks after the hash. The
// vectors pin signData itself.
func signed(secret string, params map[string]string) url.Values {
	q := url.Values{}
	for k, v := range params {
		q.Set(k, v)
	}
	m := hmac.New(sha512.New, []byte(secret))
	m.Write([]byte(signData(params, encJava)))
	q.Set("vnp_SecureHash", hex.EncodeToString(m.Sum(nil)))
	return q
}

// Each callback vector is a query string VNPay really signed: it must verify, as
// received and with the variations VNPay's guide allows.
func TestVerifyVectors(t *testing.T) {
	callbacks, _ := loadVectors(t)
	want := []Result{
		{
			TmnCode: "L8M3EKX2", TxnRef: "6834803ff5166e338d7103a8", Amount: 141080,
			OrderInfo:    "Thanh toán đơn hàng #6834803ff5166e338d7103a8",
			ResponseCode: "00", TransactionStatus: "00", TransactionNo: "14980726",
			BankCode: "NCB", BankTranNo: "VNP14980726", CardType: "ATM",
			PayDate: time.Date(2025, 5, 26, 21, 53, 46, 0, vn.Zone),
		},
		{
			TmnCode: "TEST_TMN_CODE", TxnRef: "1716257871703", Amount: 10000,
			OrderInfo:    "Thanh toan don hang 2024-05-21T02:17:31.249Z",
			ResponseCode: "00", TransactionStatus: "00", TransactionNo: "14422574",
			BankCode: "NCB", BankTranNo: "VNP14422574", CardType: "ATM",
			PayDate: time.Date(2024, 5, 21, 9, 18, 6, 0, vn.Zone),
		},
	}
	for i, v := range callbacks {
		variants := map[string]func(url.Values){
			"as published":             func(url.Values) {},
			"upper-case hash":          func(q url.Values) { q.Set("vnp_SecureHash", strings.ToUpper(v.SecureHash)) },
			"with vnp_SecureHashType":  func(q url.Values) { q.Set("vnp_SecureHashType", "HmacSHA512") },
			"with an empty vnp_ field": func(q url.Values) { q.Set("vnp_CardHolder", "") },
			"with our own parameter":   func(q url.Values) { q.Set("booking", "ABCDEFGH") },
		}
		for name, change := range variants {
			q := v.query()
			change(q)
			got, err := Verify(v.Secret, q)
			if err != nil {
				t.Errorf("%s, %s: Verify: %v", v.Source, name, err)
				continue
			}
			if !got.PayDate.Equal(want[i].PayDate) {
				t.Errorf("%s: PayDate = %v, want %v", v.Source, got.PayDate, want[i].PayDate)
			}
			got.PayDate = want[i].PayDate
			if got != want[i] {
				t.Errorf("%s, %s: Verify =\n%+v\nwant\n%+v", v.Source, name, got, want[i])
			}
			if !got.Paid() {
				t.Errorf("%s: Paid() = false for response and status 00", v.Source)
			}
		}
	}
}

// The vector's UTF-8 order info pins the encoding: upper-case hex, '+' for spaces.
func TestSignDataVectors(t *testing.T) {
	callbacks, signVectors := loadVectors(t)
	for _, v := range signVectors {
		if got := sign(v.Secret, v.SignData); got != v.Hex {
			t.Errorf("%s: HMAC-SHA512 = %s, want %s", v.Source, got, v.Hex)
		}
		// The same string, built from its parameters by hand-decoding it.
		params := map[string]string{
			"vnp_Amount":    "10000",
			"vnp_OrderInfo": "Payment for order #1234567890",
			"vnp_TnxRef":    "1234567890",
		}
		if got := signData(params, encJava); got != v.SignData {
			t.Errorf("%s: signData = %q, want %q", v.Source, got, v.SignData)
		}
	}
	data := signData(callbacks[0].Params, encJava)
	if want := "vnp_OrderInfo=Thanh+to%C3%A1n+%C4%91%C6%A1n+h%C3%A0ng+%236834803ff5166e338d7103a8"; !strings.Contains(data, want) {
		t.Errorf("signData = %q, want it to contain %q", data, want)
	}
}

// VNPay's guide shows a payment URL (without vnp_ExpireDate, which 2.1.0 added) whose
// query string must come out of signData byte for byte. Its hash is over an unpublished
// secret, so only the encoding is checked.
func TestSignDataGuideExample(t *testing.T) {
	const want = "vnp_Amount=1806000&vnp_Command=pay&vnp_CreateDate=20210801153333&vnp_CurrCode=VND&vnp_IpAddr=127.0.0.1&vnp_Locale=vn&vnp_OrderInfo=Thanh+toan+don+hang+%3A5&vnp_OrderType=other&vnp_ReturnUrl=https%3A%2F%2Fdomainmerchant.vn%2FReturnUrl&vnp_TmnCode=DEMOV210&vnp_TxnRef=5&vnp_Version=2.1.0"
	params := map[string]string{
		"vnp_Amount": "1806000", "vnp_Command": "pay", "vnp_CreateDate": "20210801153333",
		"vnp_CurrCode": "VND", "vnp_IpAddr": "127.0.0.1", "vnp_Locale": "vn",
		"vnp_OrderInfo": "Thanh toan don hang :5", "vnp_OrderType": "other",
		"vnp_ReturnUrl": "https://domainmerchant.vn/ReturnUrl", "vnp_TmnCode": "DEMOV210",
		"vnp_TxnRef": "5", "vnp_Version": "2.1.0",
	}
	if got := signData(params, encJava); got != want {
		t.Errorf("signData =\n%s\nwant\n%s", got, want)
	}
}

const testSecret = "TESTSECRETTESTSECRETTESTSECRET12"

func baseParams() map[string]string {
	return map[string]string{
		"vnp_Amount": "35000000", "vnp_BankCode": "NCB", "vnp_OrderInfo": "Ve xe ABCDEFGH",
		"vnp_PayDate": "20260126213000", "vnp_ResponseCode": "00", "vnp_TmnCode": "BENXE001",
		"vnp_TransactionNo": "14980726", "vnp_TransactionStatus": "00", "vnp_TxnRef": "ABCDEFGH",
	}
}

func with(p map[string]string, kv ...string) map[string]string {
	p = maps.Clone(p)
	for i := 0; i < len(kv); i += 2 {
		if kv[i+1] == "<delete>" {
			delete(p, kv[i])
		} else {
			p[kv[i]] = kv[i+1]
		}
	}
	return p
}

func TestVerifyOwnSigned(t *testing.T) {
	got, err := Verify(testSecret, signed(testSecret, baseParams()))
	if err != nil {
		t.Fatal(err)
	}
	if got.Amount != 350000 || got.TxnRef != "ABCDEFGH" || !got.Paid() {
		t.Errorf("Verify = %+v", got)
	}
}

func TestVerifyRejects(t *testing.T) {
	callbacks, _ := loadVectors(t)
	v := callbacks[0]
	tampered := func(k, val string) url.Values { q := v.query(); q.Set(k, val); return q }
	tests := []struct {
		name    string
		secret  string
		q       url.Values
		sigErr  bool   // want ErrSignature
		mention string // the error must say this
	}{
		{"wrong secret", "6HEKW2H6YES2FSOKLKKRQ0JS3QF1M4H7", v.query(), true, ""},
		{"tampered amount", v.Secret, tampered("vnp_Amount", "14108100"), true, ""},
		{"tampered response code", v.Secret, tampered("vnp_ResponseCode", "24"), true, ""},
		{"added parameter", v.Secret, tampered("vnp_CurrCode", "VND"), true, ""},
		{"hash of another vector", v.Secret, tampered("vnp_SecureHash", callbacks[1].SecureHash), true, ""},
		{"hash truncated", v.Secret, tampered("vnp_SecureHash", v.SecureHash[:126]), true, ""},
		{"hash not hex", v.Secret, tampered("vnp_SecureHash", "zz"+v.SecureHash[2:]), true, ""},
		{"no hash", v.Secret, func() url.Values { q := v.query(); q.Del("vnp_SecureHash"); return q }(), true, "no vnp_SecureHash"},
		{"duplicate amount", v.Secret, func() url.Values { q := v.query(); q.Add("vnp_Amount", "100"); return q }(), false, "vnp_Amount appears 2 times"},
		{"empty secret", "", v.query(), false, "empty hash secret"},

		// Correctly signed but malformed or unacceptable.
		{"wrong currency", testSecret, signed(testSecret, with(baseParams(), "vnp_CurrCode", "USD")), false, "currency"},
		{"missing TxnRef", testSecret, signed(testSecret, with(baseParams(), "vnp_TxnRef", "<delete>")), false, "vnp_TxnRef"},
		{"missing amount", testSecret, signed(testSecret, with(baseParams(), "vnp_Amount", "<delete>")), false, "vnp_Amount"},
		{"missing response code", testSecret, signed(testSecret, with(baseParams(), "vnp_ResponseCode", "<delete>")), false, "vnp_ResponseCode"},
		{"missing terminal", testSecret, signed(testSecret, with(baseParams(), "vnp_TmnCode", "<delete>")), false, "vnp_TmnCode"},
		{"amount not whole đồng", testSecret, signed(testSecret, with(baseParams(), "vnp_Amount", "35000050")), false, "whole number"},
		{"amount negative", testSecret, signed(testSecret, with(baseParams(), "vnp_Amount", "-35000000")), false, "digits"},
		{"amount with plus", testSecret, signed(testSecret, with(baseParams(), "vnp_Amount", "+35000000")), false, "digits"},
		{"amount exponent", testSecret, signed(testSecret, with(baseParams(), "vnp_Amount", "35e6")), false, "digits"},
		{"amount decimal", testSecret, signed(testSecret, with(baseParams(), "vnp_Amount", "350000.00")), false, "digits"},
		{"amount zero", testSecret, signed(testSecret, with(baseParams(), "vnp_Amount", "000")), false, "positive"},
		{"amount too long", testSecret, signed(testSecret, with(baseParams(), "vnp_Amount", "9999999999999999999")), false, "digits"},
		{"bad pay date", testSecret, signed(testSecret, with(baseParams(), "vnp_PayDate", "20260230213000")), false, "vnp_PayDate"},
		{"short pay date", testSecret, signed(testSecret, with(baseParams(), "vnp_PayDate", "2026012621")), false, "vnp_PayDate"},
		{"bad response code", testSecret, signed(testSecret, with(baseParams(), "vnp_ResponseCode", "0")), false, "vnp_ResponseCode"},
		{"bad status", testSecret, signed(testSecret, with(baseParams(), "vnp_TransactionStatus", "OK")), false, "vnp_TransactionStatus"},
	}
	for _, tt := range tests {
		_, err := Verify(tt.secret, tt.q)
		if err == nil {
			t.Errorf("%s: Verify succeeded", tt.name)
			continue
		}
		if errors.Is(err, ErrSignature) != tt.sigErr {
			t.Errorf("%s: errors.Is(%v, ErrSignature) = %v, want %v", tt.name, err, !tt.sigErr, tt.sigErr)
		}
		if !strings.Contains(err.Error(), tt.mention) {
			t.Errorf("%s: error %q does not mention %q", tt.name, err, tt.mention)
		}
		assertNoSecret(t, err, tt.secret, v.Secret, testSecret)
		if r := ReplyForVerifyError(err); (r.RspCode == "97") != tt.sigErr {
			t.Errorf("%s: ReplyForVerifyError = %+v", tt.name, r)
		}
	}
}

// assertNoSecret fails if err quotes a secret or a hash that the secret produced: a
// hash we computed, echoed to a caller, would make Verify a signing oracle.
func assertNoSecret(t *testing.T, err error, secrets ...string) {
	t.Helper()
	for _, s := range secrets {
		if s != "" && strings.Contains(err.Error(), s) {
			t.Errorf("error %q contains a secret", err)
		}
	}
	if msg := err.Error(); len(msg) > 200 {
		t.Errorf("error is suspiciously long (a hash?): %q", msg)
	}
}

func TestPaid(t *testing.T) {
	for _, tt := range []struct {
		code, status string
		want         bool
	}{
		{"00", "00", true}, {"00", "01", false}, {"00", "02", false}, {"24", "02", false},
		{"07", "00", false}, {"00", "", false}, {"", "00", false},
	} {
		if got := (Result{ResponseCode: tt.code, TransactionStatus: tt.status}).Paid(); got != tt.want {
			t.Errorf("Paid(%q, %q) = %v", tt.code, tt.status, got)
		}
	}
}

// Verify must accept a hash built with PHP's or .NET's encoder, which differ from
// Java's only on the ambiguous characters.
func TestVerifyEncodingVariants(t *testing.T) {
	params := with(baseParams(), "vnp_OrderInfo", "Ve (2 cho)! *VIP*")
	wantJava := "vnp_OrderInfo=Ve+%282+cho%29%21+*VIP*"
	wantPHP := "vnp_OrderInfo=Ve+%282+cho%29%21+%2AVIP%2A"
	wantNet := "vnp_OrderInfo=Ve+(2+cho)!+*VIP*"
	for e, want := range map[encoding]string{encJava: wantJava, encPHP: wantPHP, encDotNet: wantNet} {
		data := signData(params, e)
		if !strings.Contains(data, want) {
			t.Errorf("encoding %d: %q does not contain %q", e, data, want)
		}
		q := url.Values{}
		for k, v := range params {
			q.Set(k, v)
		}
		q.Set("vnp_SecureHash", sign(testSecret, data))
		if _, err := Verify(testSecret, q); err != nil {
			t.Errorf("encoding %d: Verify: %v", e, err)
		}
	}
}

func testConfig() Config {
	return Config{
		TmnCode:    "BENXE001",
		HashSecret: testSecret,
		PayURL:     SandboxPayURL,
		ReturnURL:  "https://benxe.vn/thanh-toan/vnpay?x=1",
	}
}

func testPayRequest() PayRequest {
	created := time.Date(2026, 1, 26, 14, 30, 0, 0, time.UTC) // 21:30 in Vietnam
	return PayRequest{
		TxnRef:    "ABCDEFGH",
		Amount:    350000,
		OrderInfo: "Ve xe Sai Gon - Da Lat #ABCDEFGH",
		IPAddr:    "2001:db8::1",
		Created:   created,
		Expires:   created.Add(15 * time.Minute),
	}
}

// A known-answer test written out by hand: the expected query string follows the
// guide's rules, and its hash is computed here independently of sign.
func TestPayURLKnownAnswer(t *testing.T) {
	got, err := PayURL(testConfig(), testPayRequest())
	if err != nil {
		t.Fatal(err)
	}
	query := "vnp_Amount=35000000&vnp_Command=pay&vnp_CreateDate=20260126213000&vnp_CurrCode=VND" +
		"&vnp_ExpireDate=20260126214500&vnp_IpAddr=2001%3Adb8%3A%3A1&vnp_Locale=vn" +
		"&vnp_OrderInfo=Ve+xe+Sai+Gon+-+Da+Lat+%23ABCDEFGH&vnp_OrderType=other" +
		"&vnp_ReturnUrl=https%3A%2F%2Fbenxe.vn%2Fthanh-toan%2Fvnpay%3Fx%3D1" +
		"&vnp_TmnCode=BENXE001&vnp_TxnRef=ABCDEFGH&vnp_Version=2.1.0"
	m := hmac.New(sha512.New, []byte(testSecret))
	m.Write([]byte(query))
	want := SandboxPayURL + "?" + query + "&vnp_SecureHash=" + hex.EncodeToString(m.Sum(nil))
	if got != want {
		t.Errorf("PayURL =\n%s\nwant\n%s", got, want)
	}
}

// What PayURL signs, Verify accepts: VNPay echoes our parameters back in the same form.
func TestPayURLRoundTrip(t *testing.T) {
	req := testPayRequest()
	req.OrderInfo = "Vé xe Sài Gòn → Đà Lạt, 2 chỗ; ghế A1/A2 & B3 = 100% ~ok?"
	req.Locale, req.OrderType, req.IPAddr = "en", "250000", "113.161.1.2"
	raw, err := PayURL(testConfig(), req)
	if err != nil {
		t.Fatal(err)
	}
	u, err := url.Parse(raw)
	if err != nil {
		t.Fatal(err)
	}
	q := u.Query()
	if q.Get("vnp_OrderInfo") != req.OrderInfo || q.Get("vnp_Locale") != "en" || q.Get("vnp_OrderType") != "250000" {
		t.Errorf("PayURL query lost a value: %v", q)
	}
	if !strings.HasSuffix(u.RawQuery, "&vnp_SecureHash="+q.Get("vnp_SecureHash")) {
		t.Errorf("vnp_SecureHash is not last: %s", u.RawQuery)
	}
	// The IPN carries response fields of its own; our parameters must still verify.
	q.Set("vnp_ResponseCode", "00")
	delete(q, "vnp_SecureHash")
	params := map[string]string{}
	for k := range q {
		params[k] = q.Get(k)
	}
	got, err := Verify(testSecret, signed(testSecret, params))
	if err != nil {
		t.Fatal(err)
	}
	if got.Amount != req.Amount || got.TxnRef != req.TxnRef || got.OrderInfo != req.OrderInfo {
		t.Errorf("round trip = %+v", got)
	}
	if _, err := Verify(testSecret, u.Query()); err == nil || errors.Is(err, ErrSignature) {
		t.Errorf("Verify of the payment URL itself: %v, want a missing vnp_ResponseCode", err)
	}
}

func TestPayURLRejects(t *testing.T) {
	tests := []struct {
		name    string
		change  func(*Config, *PayRequest)
		mention string
	}{
		{"short terminal", func(c *Config, _ *PayRequest) { c.TmnCode = "BENXE" }, "TmnCode"},
		{"terminal with dash", func(c *Config, _ *PayRequest) { c.TmnCode = "BENXE-01" }, "TmnCode"},
		{"no secret", func(c *Config, _ *PayRequest) { c.HashSecret = "" }, "hash secret"},
		{"relative gateway", func(c *Config, _ *PayRequest) { c.PayURL = "/paymentv2/vpcpay.html" }, "PayURL"},
		{"gateway with query", func(c *Config, _ *PayRequest) { c.PayURL += "?a=b" }, "no query"},
		{"gateway with empty query", func(c *Config, _ *PayRequest) { c.PayURL += "?" }, "no query"},
		{"ftp return", func(c *Config, _ *PayRequest) { c.ReturnURL = "ftp://benxe.vn/" }, "ReturnURL"},
		{"no return", func(c *Config, _ *PayRequest) { c.ReturnURL = "" }, "ReturnURL"},
		{"empty TxnRef", func(_ *Config, r *PayRequest) { r.TxnRef = "" }, "TxnRef"},
		{"TxnRef with dash", func(_ *Config, r *PayRequest) { r.TxnRef = "BX-123" }, "TxnRef"},
		{"TxnRef too long", func(_ *Config, r *PayRequest) { r.TxnRef = strings.Repeat("A", 101) }, "TxnRef"},
		{"zero amount", func(_ *Config, r *PayRequest) { r.Amount = 0 }, "amount"},
		{"negative amount", func(_ *Config, r *PayRequest) { r.Amount = -1 }, "amount"},
		{"amount overflows ×100", func(_ *Config, r *PayRequest) { r.Amount = 1 << 62 }, "amount"},
		{"no order info", func(_ *Config, r *PayRequest) { r.OrderInfo = "" }, "OrderInfo"},
		{"order info too long", func(_ *Config, r *PayRequest) { r.OrderInfo = strings.Repeat("á", 256) }, "OrderInfo"},
		{"order info newline", func(_ *Config, r *PayRequest) { r.OrderInfo = "a\nb" }, "control"},
		{"order info bad UTF-8", func(_ *Config, r *PayRequest) { r.OrderInfo = "a\xffb" }, "UTF-8"},
		{"ambiguous character", func(_ *Config, r *PayRequest) { r.OrderInfo = "VIP*" }, "disagree"},
		{"locale", func(_ *Config, r *PayRequest) { r.Locale = "fr" }, "locale"},
		{"no IP", func(_ *Config, r *PayRequest) { r.IPAddr = "" }, "IP"},
		{"bad IP", func(_ *Config, r *PayRequest) { r.IPAddr = "300.1.1.1" }, "IP"},
		{"IP with zone", func(_ *Config, r *PayRequest) { r.IPAddr = "fe80::1%eth0" }, "IP"},
		{"no created", func(_ *Config, r *PayRequest) { r.Created = time.Time{} }, "Created"},
		{"expires first", func(_ *Config, r *PayRequest) { r.Expires = r.Created }, "Expires"},
	}
	for _, tt := range tests {
		cfg, req := testConfig(), testPayRequest()
		tt.change(&cfg, &req)
		_, err := PayURL(cfg, req)
		if err == nil {
			t.Errorf("%s: PayURL succeeded", tt.name)
			continue
		}
		if !strings.Contains(err.Error(), tt.mention) {
			t.Errorf("%s: error %q does not mention %q", tt.name, err, tt.mention)
		}
		assertNoSecret(t, err, testSecret)
	}
}

func TestIPNReplies(t *testing.T) {
	for _, tt := range []struct {
		r    IPNReply
		code string
	}{
		{ReplyOK(), "00"}, {ReplyOrderNotFound(), "01"}, {ReplyAlreadyConfirmed(), "02"},
		{ReplyInvalidAmount(), "04"}, {ReplyInvalidSignature(), "97"}, {ReplyUnknownError(), "99"},
		{ReplyForVerifyError(ErrSignature), "97"}, {ReplyForVerifyError(errors.New("x")), "99"},
	} {
		if tt.r.RspCode != tt.code || tt.r.Message == "" {
			t.Errorf("reply %+v, want code %s and a message", tt.r, tt.code)
		}
	}
	b, err := json.Marshal(ReplyOK())
	if err != nil || string(b) != `{"RspCode":"00","Message":"Confirm Success"}` {
		t.Errorf("json.Marshal(ReplyOK()) = %s, %v", b, err)
	}
}

// Each encoding must form-decode back to its input: that is what makes trying all three
// in Verify safe (see encoding).
func checkEncodingRoundTrip(t *testing.T, params map[string]string) {
	t.Helper()
	for _, e := range []encoding{encJava, encPHP, encDotNet} {
		data := signData(params, e)
		q, err := url.ParseQuery(data)
		if err != nil {
			t.Fatalf("encoding %d: %q does not parse: %v", e, data, err)
		}
		if len(q) != len(params) {
			t.Fatalf("encoding %d: %q parses to %d keys, want %d", e, data, len(q), len(params))
		}
		for k, v := range params {
			if vs := q[k]; len(vs) != 1 || vs[0] != v {
				t.Fatalf("encoding %d: %q gives %s=%q, want %q", e, data, k, vs, v)
			}
		}
	}
}

func FuzzEncodingRoundTrip(f *testing.F) {
	f.Add("vnp_OrderInfo", "Thanh toán đơn hàng #1", "vnp_Amount", "100")
	f.Add("a&b=c", "x=y&z", "+", "%2B %")
	f.Add("k", "!()*~'", "k2", "\xff\x00")
	f.Fuzz(func(t *testing.T, k1, v1, k2, v2 string) {
		if k1 == "" || k2 == "" || k1 == k2 {
			return
		}
		checkEncodingRoundTrip(t, map[string]string{k1: v1, k2: v2})
	})
}

// FuzzVerify feeds arbitrary query strings to Verify: it must never panic, and whatever
// it accepts must be consistent with the query.
func FuzzVerify(f *testing.F) {
	callbacks, _ := loadVectors(f)
	for _, v := range callbacks {
		f.Add(v.Secret, v.query().Encode())
	}
	f.Add(testSecret, signed(testSecret, baseParams()).Encode())
	f.Add(testSecret, signed(testSecret, with(baseParams(), "vnp_Amount", "1e2")).Encode())
	f.Add("k", "vnp_SecureHash=00&vnp_Amount=100;x")
	f.Fuzz(func(t *testing.T, secret, raw string) {
		q, err := url.ParseQuery(raw)
		if err != nil {
			return
		}
		r, err := Verify(secret, q)
		if err != nil {
			return
		}
		if r.Amount <= 0 || q.Get("vnp_Amount") != strings.TrimLeft(q.Get("vnp_Amount"), "+- ") {
			t.Fatalf("accepted amount %d from %q", r.Amount, q.Get("vnp_Amount"))
		}
		if r.TxnRef != q.Get("vnp_TxnRef") || r.ResponseCode != q.Get("vnp_ResponseCode") {
			t.Fatalf("result %+v does not match query %v", r, q)
		}
	})
}

package web

import (
	"context"
	"encoding/json"
	"html"
	"io"
	"log/slog"
	"math/rand/v2"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/benxe/benxe/internal/booking"
	"github.com/benxe/benxe/internal/payment/casso"
	"github.com/benxe/benxe/internal/payment/sepay"
	"github.com/benxe/benxe/internal/store"
	"github.com/benxe/benxe/internal/vn"
)

// The bank transfer side, end to end over HTTP against the shared test
// server, whose sandbox keys sign the deliveries as SePay and Casso would.

var bankTripCardRE = regexp.MustCompile(`<li class="card trip"[^>]*>((?s:.*?))href="(/trips/\d+\?from=\d+&(?:amp;)?to=\d+)"`)

// bankBooking books one seat by bank transfer on the first trip from→to
// in days days whose card names operator ("" for any), and returns the
// booking's code, link token and total.
func bankBooking(t *testing.T, b *browser, from, to string, days int, operator string) (code, token string, total int64) {
	t.Helper()
	a := b.get("/search?" + url.Values{"from": {from}, "to": {to}, "date": {daysAhead(days)}}.Encode())
	a.want(t, http.StatusOK)
	tripURL := ""
	for _, m := range bankTripCardRE.FindAllStringSubmatch(a.body, -1) {
		if operator == "" || strings.Contains(m[1], operator) {
			tripURL = html.UnescapeString(m[2])
			break
		}
	}
	if tripURL == "" {
		t.Fatalf("no trip %s → %s in %d days by %q:\n%s", from, to, days, operator, excerpt(a.body))
	}
	checkout, _ := b.holdSeat(tripURL)
	f := fillCheckout(t, b.get(checkout).body, "Phạm Thu Hà", uniquePhone())
	f.Set("action", "book")
	a = b.post(checkout, f)
	m := bookingRE.FindStringSubmatch(a.loc)
	if m == nil {
		t.Fatalf("book: %d to %q:\n%s", a.status, a.loc, excerpt(a.body))
	}
	_, st := startTestServer(t)
	bk, err := st.Booking(context.Background(), m[1])
	if err != nil {
		t.Fatal(err)
	}
	return m[1], m[2], bk.Total
}

type bankHookAnswer struct {
	status int
	body   string
	header http.Header
}

func bankPostHook(t *testing.T, provider string, body []byte, h http.Header) bankHookAnswer {
	t.Helper()
	base, _ := startTestServer(t)
	req, err := http.NewRequest(http.MethodPost, base+"/webhooks/"+provider, strings.NewReader(string(body)))
	if err != nil {
		t.Fatal(err)
	}
	for k, v := range h {
		req.Header[k] = v
	}
	req.Header.Set("Content-Type", "application/json")
	res, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer res.Body.Close()
	b, _ := io.ReadAll(res.Body)
	return bankHookAnswer{res.StatusCode, string(b), res.Header}
}

// bankTxID is a transaction id no other test uses.
func bankTxID() int64 { return rand.Int64N(1<<52) + 1 }

// bankCassoHook delivers a Casso transfer signed with secret at signedAt.
func bankCassoHook(t *testing.T, id, amount int64, content, secret string, signedAt time.Time) bankHookAnswer {
	t.Helper()
	body := cassoBody(id, amount, content, signedAt)
	sig, err := cassoSign(secret, signedAt, body)
	if err != nil {
		t.Fatal(err)
	}
	return bankPostHook(t, providerCasso, body, http.Header{casso.SignatureHeader: {sig}})
}

// bankSePayHook delivers a SePay transfer with an API key.
func bankSePayHook(t *testing.T, id, amount int64, content, key string) bankHookAnswer {
	t.Helper()
	return bankPostHook(t, providerSePay, sepayBody(id, amount, content, time.Now()),
		http.Header{sepay.AuthorizationHeader: {"Apikey " + key}})
}

var bankSandbox = SandboxGateways("http://127.0.0.1")

func (a bankHookAnswer) want(t *testing.T, status int, texts ...string) {
	t.Helper()
	if a.status != status {
		t.Fatalf("webhook: status %d, want %d; body %s", a.status, status, a.body)
	}
	for _, s := range texts {
		if !strings.Contains(a.body, s) {
			t.Fatalf("webhook answer lacks %q: %s", s, a.body)
		}
	}
}

func bankBookingStatus(t *testing.T, code string) string {
	t.Helper()
	_, st := startTestServer(t)
	b, err := st.Booking(context.Background(), code)
	if err != nil {
		t.Fatal(err)
	}
	return b.Status
}

func bankHistoryLen(t *testing.T, code string) int {
	t.Helper()
	_, st := startTestServer(t)
	b, err := st.Booking(context.Background(), code)
	if err != nil {
		t.Fatal(err)
	}
	return len(b.History)
}

func bankNotRecorded(t *testing.T, provider string, id int64) {
	t.Helper()
	_, st := startTestServer(t)
	if p, err := st.PaymentByRef(context.Background(), provider, strconv.FormatInt(id, 10)); err == nil {
		t.Fatalf("payment %s %d was recorded: %+v", provider, id, p)
	}
}

// TestCassoSignMatchesVector: the sandbox signs exactly as Casso does —
// the published sample's header comes out byte for byte.
func TestCassoSignMatchesVector(t *testing.T) {
	raw, err := os.ReadFile("../../testdata/payments.json")
	if err != nil {
		t.Fatal(err)
	}
	var v struct {
		Casso struct{ Key, Header, Body string } `json:"casso_v2_webhook"`
	}
	if err := json.Unmarshal(raw, &v); err != nil || v.Casso.Header == "" {
		t.Fatalf("payments.json has no casso_v2_webhook: %v", err)
	}
	ms, _ := strconv.ParseInt(strings.TrimPrefix(strings.SplitN(v.Casso.Header, ",", 2)[0], "t="), 10, 64)
	got, err := cassoSign(v.Casso.Key, time.UnixMilli(ms), []byte(v.Casso.Body))
	if err != nil || got != v.Casso.Header {
		t.Fatalf("cassoSign = %q, %v\nwant %q", got, err, v.Casso.Header)
	}
	// And what the sandbox builds verifies.
	now := time.Now()
	body := cassoBody(42, 350000, "ck ABCDEFGH", now)
	sig, _ := cassoSign("k", now, body)
	if hook, err := casso.Verify("k", sig, body, now, cassoMaxAge); err != nil || hook.Data.Amount != 350000 || hook.Data.ID != 42 {
		t.Fatalf("sandbox Casso body: %+v, %v", hook, err)
	}
	h := http.Header{}
	sepayAuthorize(h, sepay.Auth{HMACSecret: "s"}, now, sepayBody(7, 1000, "x", now))
	if _, err := sepay.Verify(sepay.Auth{HMACSecret: "s"}, sepay.Headers{Signature: h.Get(sepay.SignatureHeader),
		Timestamp: h.Get(sepay.TimestampHeader)}, sepayBody(7, 1000, "x", now), now); err != nil {
		t.Fatalf("sandbox SePay HMAC: %v", err)
	}
}

func TestCassoWebhookPaysBooking(t *testing.T) {
	b := newBrowser(t)
	code, _, total := bankBooking(t, b, "sai gon", "vung tau", 5, "")
	id := bankTxID()
	bankCassoHook(t, id, total, "Thanh toan "+code, bankSandbox.CassoSecret, time.Now()).want(t, http.StatusOK, `"success":true`)
	if s := bankBookingStatus(t, code); s != booking.Confirmed {
		t.Fatalf("after the transfer the booking is %s, want confirmed", s)
	}
	n := bankHistoryLen(t, code)
	// Casso delivers again: the same answer, nothing changes.
	bankCassoHook(t, id, total, "Thanh toan "+code, bankSandbox.CassoSecret, time.Now()).want(t, http.StatusOK, `"success":true`)
	if bankHistoryLen(t, code) != n || bankBookingStatus(t, code) != booking.Confirmed {
		t.Fatal("a replayed delivery changed the booking")
	}
	_, st := startTestServer(t)
	if m, err := st.BookingMoney(context.Background(), code); err != nil || len(m.Refunds) != 0 {
		t.Fatalf("a replay made a refund: %+v, %v", m, err)
	}

	// A wrong signature, a stale one: refused, and nothing recorded.
	code2, _, total2 := bankBooking(t, b, "sai gon", "vung tau", 5, "")
	bad := bankTxID()
	bankCassoHook(t, bad, total2, code2, "not the secret", time.Now()).want(t, http.StatusUnauthorized, "bad_signature")
	stale := bankTxID()
	a := bankCassoHook(t, stale, total2, code2, bankSandbox.CassoSecret, time.Now().Add(-6*time.Minute))
	a.want(t, http.StatusUnauthorized, "stale_signature")
	if a.header.Get("WWW-Authenticate") == "" {
		t.Error("401 without WWW-Authenticate")
	}
	// A body altered after signing.
	body := cassoBody(bad, total2, code2, time.Now())
	sig, _ := cassoSign(bankSandbox.CassoSecret, time.Now(), body)
	tampered := []byte(strings.Replace(string(body), strconv.FormatInt(total2, 10), strconv.FormatInt(total2*10, 10), 1))
	bankPostHook(t, providerCasso, tampered, http.Header{casso.SignatureHeader: {sig}}).want(t, http.StatusUnauthorized, "bad_signature")
	bankPostHook(t, providerCasso, body, nil).want(t, http.StatusUnauthorized, "bad_signature")
	if s := bankBookingStatus(t, code2); s != booking.PendingPayment {
		t.Fatalf("refused deliveries changed the booking to %s", s)
	}
	bankNotRecorded(t, providerCasso, bad)
	bankNotRecorded(t, providerCasso, stale)

	// Money going out is acknowledged and ignored.
	out := bankTxID()
	bankCassoHook(t, out, -total2, code2, bankSandbox.CassoSecret, time.Now()).want(t, http.StatusOK)
	bankNotRecorded(t, providerCasso, out)
	// A signed body that is not a Casso delivery is a 400.
	junk := []byte(`{"error":0,"data":{"id":1}}`)
	sig, _ = cassoSign(bankSandbox.CassoSecret, time.Now(), junk)
	bankPostHook(t, providerCasso, junk, http.Header{casso.SignatureHeader: {sig}}).want(t, http.StatusBadRequest, "bad_body")
	if s := bankBookingStatus(t, code2); s != booking.PendingPayment {
		t.Fatalf("booking %s after refused deliveries", s)
	}
}

func TestSePayWebhook(t *testing.T) {
	b := newBrowser(t)
	code, _, total := bankBooking(t, b, "sai gon", "vung tau", 6, "")
	id := bankTxID()
	bankSePayHook(t, id, total, code, "wrong-key").want(t, http.StatusUnauthorized, "bad_signature")
	bankPostHook(t, providerSePay, sepayBody(id, total, code, time.Now()), nil).want(t, http.StatusUnauthorized)
	bankNotRecorded(t, providerSePay, id)
	if s := bankBookingStatus(t, code); s != booking.PendingPayment {
		t.Fatalf("a refused delivery changed the booking to %s", s)
	}
	// People type the code as they like.
	messy := "ck ve xe " + strings.ToLower(code[:4]) + " " + strings.ToLower(code[4:]) + " nguyen van a"
	bankSePayHook(t, id, total, messy, bankSandbox.SePay.APIKey).want(t, http.StatusOK, sepay.Reply)
	if s := bankBookingStatus(t, code); s != booking.Confirmed {
		t.Fatalf("messy content %q: booking %s", messy, s)
	}
	bankSePayHook(t, id, total, messy, bankSandbox.SePay.APIKey).want(t, http.StatusOK, sepay.Reply)

	// Bad bodies: negative or zero amounts, missing fields.
	for _, body := range []string{
		strings.Replace(string(sepayBody(bankTxID(), 1000, code, time.Now())), `"transferAmount":1000`, `"transferAmount":-1000`, 1),
		strings.Replace(string(sepayBody(bankTxID(), 1000, code, time.Now())), `"transferAmount":1000`, `"transferAmount":0`, 1),
		`{"id": 5}`, `not json`,
	} {
		bankPostHook(t, providerSePay, []byte(body), http.Header{sepay.AuthorizationHeader: {"Apikey " + bankSandbox.SePay.APIKey}}).
			want(t, http.StatusBadRequest, "bad_body")
	}
	// Money going out of the account pays for nothing.
	out := bankTxID()
	outBody := strings.Replace(string(sepayBody(out, total, code, time.Now())), `"transferType":"in"`, `"transferType":"out"`, 1)
	bankPostHook(t, providerSePay, []byte(outBody), http.Header{sepay.AuthorizationHeader: {"Apikey " + bankSandbox.SePay.APIKey}}).
		want(t, http.StatusOK, sepay.Reply)
	bankNotRecorded(t, providerSePay, out)
}

func TestUnderpaidBookingShowsMissing(t *testing.T) {
	b := newBrowser(t)
	code, token, total := bankBooking(t, b, "sai gon", "vung tau", 7, "")
	bankSePayHook(t, bankTxID(), total-50000, "CK "+code, bankSandbox.SePay.APIKey).want(t, http.StatusOK)
	if s := bankBookingStatus(t, code); s != booking.PendingPayment {
		t.Fatalf("underpaid booking is %s", s)
	}
	page := "/bookings/" + code + "?t=" + token
	b.get(page).want(t, http.StatusOK, `id="part-paid"`, "Đã nhận "+vn.FormatVND(total-50000)+", còn thiếu "+vn.FormatVND(50000),
		"Chuyển khoản thử (sandbox)", `/sandbox/bank?amount=50000&amp;content=`+code)
	b.get("/lang/en?back=/")
	b.get(page).want(t, http.StatusOK, "Received "+vn.FormatVND(total-50000)+", "+vn.FormatVND(50000)+" still missing")
	b.get("/lang/vi?back=/")
	// The transfer instructions and the VietQR code ask for the rest only.
	b.get(page).want(t, http.StatusOK, "Chuyển khoản "+vn.FormatVND(50000)+" đến")
	// The rest arrives through the other provider.
	bankCassoHook(t, bankTxID(), 50000, code, bankSandbox.CassoSecret, time.Now()).want(t, http.StatusOK)
	if s := bankBookingStatus(t, code); s != booking.Confirmed {
		t.Fatalf("paid in two parts, the booking is %s", s)
	}
	a := b.get(page)
	if strings.Contains(a.body, `id="part-paid"`) || strings.Contains(a.body, "sandbox/bank") {
		t.Fatal("a paid booking still shows a part payment or the sandbox")
	}
}

func TestSandboxBankFlow(t *testing.T) {
	b := newBrowser(t)
	code, token, total := bankBooking(t, b, "sai gon", "nha trang", 8, "")
	a := b.get("/bookings/" + code + "?t=" + token)
	m := regexp.MustCompile(`href="(/sandbox/bank\?[^"]+)"`).FindStringSubmatch(a.body)
	if m == nil {
		t.Fatalf("no sandbox link on a bank-transfer booking:\n%s", excerpt(a.body))
	}
	link := html.UnescapeString(m[1])
	a = b.get(link)
	a.want(t, http.StatusOK, "Ngân hàng thử nghiệm", `value="`+strconv.FormatInt(total, 10)+`"`, `value="`+code+`"`,
		`value="sepay" checked`, `value="casso"`, `name="t" value="`+token+`"`)

	// Mistakes show in place and send nothing.
	bad := b.post("/sandbox/bank", url.Values{"amount": {"abc"}, "content": {code}, "provider": {"paypal"}, "t": {token}})
	bad.want(t, http.StatusBadRequest, `id="err-amount"`, `id="err-provider"`, `aria-invalid="true"`)

	// The transfer, as Casso: paid, with a link back to the booking.
	f := url.Values{"amount": {vn.FormatVND(total)}, "content": {"chuyen khoan ve xe " + strings.ToLower(code)}, "provider": {"casso"}, "t": {token}}
	a = b.post("/sandbox/bank", f)
	a.want(t, http.StatusOK, `id="sandbox-result"`, "Đã thanh toán đủ", code, `id="sandbox-booking"`, "/bookings/"+code+"?t="+token)
	if s := bankBookingStatus(t, code); s != booking.Confirmed {
		t.Fatalf("after the sandbox transfer the booking is %s", s)
	}
	b.get("/bookings/"+code+"?t="+token).want(t, http.StatusOK, "Đã xác nhận")

	// As SePay, for money no booking claims: unmatched, no link.
	a = b.post("/sandbox/bank", url.Values{"amount": {"123000"}, "content": {"tien an trua"}, "provider": {"sepay"}})
	a.want(t, http.StatusOK, "Không khớp đơn nào")
	if strings.Contains(a.body, `id="sandbox-booking"`) {
		t.Fatal("an unmatched transfer links to a booking")
	}
	// Without the link's token, a matched booking is not linked either.
	code2, _, total2 := bankBooking(t, b, "sai gon", "nha trang", 8, "")
	a = b.post("/sandbox/bank", url.Values{"amount": {strconv.FormatInt(total2, 10)}, "content": {code2}, "provider": {"sepay"}})
	a.want(t, http.StatusOK, "Đã thanh toán đủ", code2)
	if strings.Contains(a.body, `id="sandbox-booking"`) {
		t.Fatal("the sandbox links a booking for someone without its token")
	}
}

// sandboxOff is a server like the test server but with the sandbox off
// and no operator token.
func bankSandboxOff(t *testing.T) http.Handler {
	t.Helper()
	_, st := startTestServer(t)
	return NewServer(Deps{Store: st, Log: slog.New(slog.NewTextHandler(io.Discard, nil)), Now: time.Now,
		Holds: booking.DefaultHoldPolicy, Secret: []byte("test secret"), Gateways: Gateways{BaseURL: "http://127.0.0.1"}})
}

func TestSandboxOffAnd404(t *testing.T) {
	h := bankSandboxOff(t)
	for _, c := range []struct{ method, path string }{
		{"GET", "/sandbox/bank"}, {"POST", "/sandbox/bank"}, {"POST", "/webhooks/sepay"}, {"POST", "/webhooks/casso"},
		{"GET", "/api/v1/operator/refunds"}, {"GET", "/api/v1/operator/reconciliation"}, {"GET", "/operator/reconciliation"},
		{"POST", "/api/v1/operator/payments/1/assign"}, {"POST", "/operator/login"},
	} {
		rec := httptest.NewRecorder()
		req := httptest.NewRequest(c.method, c.path, strings.NewReader("amount=1000&provider=sepay"))
		req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
		req.Header.Set("Authorization", "Bearer "+testOperatorToken)
		h.ServeHTTP(rec, req)
		if rec.Code != http.StatusNotFound {
			t.Errorf("%s %s with the sandbox off and no operator token: %d, want 404", c.method, c.path, rec.Code)
		}
	}
	// And the booking page offers no sandbox transfer.
	b := newBrowser(t)
	code, token, _ := bankBooking(t, b, "sai gon", "nha trang", 4, "")
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, httptest.NewRequest("GET", "/bookings/"+code+"?t="+token, nil))
	if rec.Code != http.StatusOK || strings.Contains(rec.Body.String(), "sandbox") {
		t.Fatalf("booking page with the sandbox off: %d, mentions the sandbox: %v", rec.Code, strings.Contains(rec.Body.String(), "sandbox"))
	}
}

func TestLoopbackBase(t *testing.T) {
	for in, want := range map[string]string{
		"http://127.0.0.1:8080":   "http://127.0.0.1:8080",
		"http://127.0.0.1:8080/":  "http://127.0.0.1:8080",
		"http://[::1]:9000":       "http://[::1]:9000",
		"http://localhost:8080":   "http://localhost:8080",
		"https://127.0.0.2/benxe": "https://127.0.0.2/benxe",
		"http://example.com":      "",
		"http://10.0.0.1:8080":    "",
		"http://169.254.169.254/": "",
		"file:///etc/passwd":      "",
		"http://u:p@127.0.0.1/":   "",
		"":                        "",
		"http://127.0.0.1.nip.io": "",
	} {
		got, err := loopbackBase(in)
		if got != want || (want == "") != (err != nil) {
			t.Errorf("loopbackBase(%q) = %q, %v; want %q", in, got, err, want)
		}
	}
	// The client itself refuses other addresses, whatever a name says.
	_, err := sandboxClient.Get("http://192.0.2.1:9/")
	if err == nil || !strings.Contains(err.Error(), "loopback only") {
		t.Errorf("sandbox client reached a non-loopback address: %v", err)
	}
}

func TestRefundAccountValidation(t *testing.T) {
	for _, c := range []struct {
		form refundForm
		errs []string
	}{
		{refundForm{BIN: "970436", Number: "0123 456 789", Holder: "Nguyễn Văn Ánh"}, nil},
		{refundForm{}, []string{"bank_bin", "account_number", "account_holder"}},
		{refundForm{BIN: "97043", Number: "12345", Holder: "A"}, []string{"bank_bin", "account_number"}},
		{refundForm{BIN: "123456", Number: "12345678901234567890", Holder: "A"}, []string{"bank_bin", "account_number"}},
		{refundForm{BIN: "970436", Number: "12ab5678", Holder: "Nguyen <b>"}, []string{"account_number", "account_holder"}},
		{refundForm{BIN: "970436", Number: "123456", Holder: strings.Repeat("A", 51)}, []string{"account_holder"}},
	} {
		got, errs := c.form.validate(langVI)
		if len(errs) != len(c.errs) {
			t.Errorf("%+v: errors %v, want on %v", c.form, errs, c.errs)
		}
		for _, f := range c.errs {
			if errs[f] == "" {
				t.Errorf("%+v: no error on %s (%v)", c.form, f, errs)
			}
		}
		if c.errs == nil && (got.Number != "0123456789" || got.Holder != "NGUYEN VAN ANH") {
			t.Errorf("normalised to %+v", got)
		}
		if _, en := c.form.validate(langEN); len(c.errs) > 0 && en[c.errs[0]] == errs[c.errs[0]] {
			t.Errorf("%s: the same message in both languages: %q", c.errs[0], en[c.errs[0]])
		}
	}
}

// TestBankMessages: every message bank.go and operator.go use exists.
func TestBankMessages(t *testing.T) {
	for _, file := range []string{"bank.go", "operator.go"} {
		src, err := os.ReadFile(file)
		if err != nil {
			t.Fatal(err)
		}
		for _, m := range regexp.MustCompile(`tr\([a-zA-Z.]+, "([a-z0-9_]+)"[,)]`).FindAllStringSubmatch(string(src), -1) {
			if _, ok := messages[m[1]]; !ok {
				t.Errorf("%s uses unknown message %q", file, m[1])
			}
		}
	}
	for _, o := range []string{store.PaidInFull, store.PaidPart, store.Overpaid, store.LateAccepted, store.LateRefused,
		store.RefundOwed, store.Unmatched} {
		if _, ok := messages["outcome_"+o]; !ok {
			t.Errorf("no message for outcome %s", o)
		}
	}
}

package web

import (
	"bytes"
	"encoding/json"
	"io"
	"net/http"
	"net/url"
	"reflect"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/benxe/benxe/internal/booking"
	"github.com/benxe/benxe/internal/store"
	"github.com/benxe/benxe/internal/vn"
)

// testOperatorToken is the test server's operator token.
const testOperatorToken = "test-operator-token-0123456789"

type opAnswer struct {
	status int
	body   []byte
	header http.Header
}

// opCall calls the operator API with token ("" for none) and a JSON
// body (nil for none).
func opCall(t *testing.T, method, path, token string, body any) opAnswer {
	t.Helper()
	base, _ := startTestServer(t)
	var rd io.Reader
	if body != nil {
		if s, ok := body.(string); ok {
			rd = strings.NewReader(s)
		} else {
			b, err := json.Marshal(body)
			if err != nil {
				t.Fatal(err)
			}
			rd = bytes.NewReader(b)
		}
	}
	req, err := http.NewRequest(method, base+path, rd)
	if err != nil {
		t.Fatal(err)
	}
	if token != "" {
		req.Header.Set("Authorization", "Bearer "+token)
	}
	if body != nil {
		req.Header.Set("Content-Type", "application/json")
	}
	res, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer res.Body.Close()
	b, _ := io.ReadAll(res.Body)
	if ct := res.Header.Get("Content-Type"); !strings.HasPrefix(ct, "application/json") {
		t.Fatalf("%s %s: Content-Type %q", method, path, ct)
	}
	return opAnswer{res.StatusCode, b, res.Header}
}

func opOK(t *testing.T, method, path string, body any, out any) {
	t.Helper()
	a := opCall(t, method, path, testOperatorToken, body)
	if a.status != http.StatusOK {
		t.Fatalf("%s %s: %d %s", method, path, a.status, a.body)
	}
	if err := json.Unmarshal(a.body, out); err != nil {
		t.Fatalf("%s %s: %v in %s", method, path, err, a.body)
	}
}

func (a opAnswer) want(t *testing.T, status int, code string) {
	t.Helper()
	var e errorBody
	json.Unmarshal(a.body, &e)
	if a.status != status || (code != "" && e.Error.Code != code) {
		t.Fatalf("status %d %s, want %d %s", a.status, a.body, status, code)
	}
	if e.Error.Message == "" || e.Error.MessageVI == "" {
		t.Fatalf("error without messages: %s", a.body)
	}
}

// opRefundOut and opUnmatchedOut read the API's answers back (rfc3339 only
// encodes).
type opRefundOut struct {
	operatorRefundJSON
	CreatedAt string `json:"created_at"`
}

type opUnmatchedOut struct {
	unmatchedJSON
	ReceivedAt string `json:"received_at"`
}

func opPendingRefunds(t *testing.T) []opRefundOut {
	t.Helper()
	var rs []opRefundOut
	opOK(t, "GET", "/api/v1/operator/refunds?status=pending", nil, &rs)
	return rs
}

func opRefundFor(rs []opRefundOut, code string) (opRefundOut, bool) {
	for _, r := range rs {
		if r.BookingCode == code {
			if _, err := time.Parse(time.RFC3339, r.CreatedAt); err != nil || !strings.HasSuffix(r.CreatedAt, "+07:00") {
				return r, false
			}
			return r, true
		}
	}
	return opRefundOut{}, false
}

func TestOperatorAuth(t *testing.T) {
	a := opCall(t, "GET", "/api/v1/operator/refunds", "", nil)
	a.want(t, http.StatusUnauthorized, "unauthorized")
	if !strings.HasPrefix(a.header.Get("WWW-Authenticate"), "Bearer") {
		t.Errorf("WWW-Authenticate %q", a.header.Get("WWW-Authenticate"))
	}
	opCall(t, "GET", "/api/v1/operator/payments/unmatched", "wrong", nil).want(t, http.StatusUnauthorized, "unauthorized")
	opCall(t, "POST", "/api/v1/operator/bookings/ABCDEFGH/confirm", testOperatorToken[:10], nil).want(t, http.StatusUnauthorized, "unauthorized")
	var rs []opRefundOut
	opOK(t, "GET", "/api/v1/operator/refunds", nil, &rs)
	opCall(t, "GET", "/api/v1/operator/refunds?status=lost", testOperatorToken, nil).want(t, http.StatusBadRequest, "invalid_status")
	opCall(t, "GET", "/api/v1/operator/nothing", testOperatorToken, nil).want(t, http.StatusNotFound, "not_found")
}

func TestOverpaidRefundAndAccount(t *testing.T) {
	b := newBrowser(t)
	code, token, total := bankBooking(t, b, "sai gon", "da lat", 2, "")
	bankCassoHook(t, bankTxID(), total+30000, code, bankSandbox.CassoSecret, time.Now()).want(t, http.StatusOK)
	if s := bankBookingStatus(t, code); s != booking.Confirmed {
		t.Fatalf("overpaid booking is %s", s)
	}
	r, ok := opRefundFor(opPendingRefunds(t), code)
	if !ok || r.Amount != 30000 || r.Provider != providerCasso || r.Status != store.RefundPending || r.Account != "" {
		t.Fatalf("refund owed for the surplus: %+v, %v", r, ok)
	}

	// The passenger says where to pay it back.
	page := "/bookings/" + code + "?t=" + token
	b.get(page).want(t, http.StatusOK, `id="refund"`, "Bạn sẽ được hoàn "+vn.FormatVND(30000), `action="/bookings/`+code+`/refund-account"`,
		`<option value="970436">Vietcombank (970436)</option>`)
	form := url.Values{"t": {token}, "bank_bin": {"123"}, "account_number": {"12ab"}, "account_holder": {""}}
	a := b.post("/bookings/"+code+"/refund-account", form)
	a.want(t, http.StatusBadRequest, `id="err-bank_bin"`, `id="err-account_number"`, `id="err-account_holder"`,
		"Mã ngân hàng (BIN) gồm 6 chữ số.", "Số tài khoản gồm 6 đến 19 chữ số.", `value="12ab"`, `href="#f-account_number"`)
	form.Set("bank_bin", "999999")
	form.Set("account_number", "0123456789")
	b.get("/lang/en?back=/")
	a = b.post("/bookings/"+code+"/refund-account", form)
	a.want(t, http.StatusBadRequest, `id="err-bank_bin"`, "Refunds to this bank are not supported yet", "Please enter the account holder",
		`value="0123456789"`)
	if strings.Contains(a.body, `id="err-account_number"`) {
		t.Fatal("a good account number is shown as an error")
	}
	b.get("/lang/vi?back=/")
	if r, _ := opRefundFor(opPendingRefunds(t), code); r.Account != "" {
		t.Fatalf("a refused form saved %q", r.Account)
	}
	form.Set("t", "0000")
	b.post("/bookings/"+code+"/refund-account", form).want(t, http.StatusNotFound)
	form = url.Values{"t": {token}, "bank_bin": {"970436"}, "account_number": {"0123 456 789"}, "account_holder": {"Nguyễn Văn An"}}
	a = b.post("/bookings/"+code+"/refund-account", form)
	if a.status != http.StatusSeeOther || a.loc != page+"#refund" {
		t.Fatalf("refund account: %d to %q:\n%s", a.status, a.loc, excerpt(a.body))
	}
	b.get(page).want(t, http.StatusOK, "Vietcombank · 0123456789 · NGUYEN VAN AN", `value="0123456789"`, `value="NGUYEN VAN AN"`)
	r, _ = opRefundFor(opPendingRefunds(t), code)
	if r.Account != "970436 0123456789 NGUYEN VAN AN" {
		t.Fatalf("refund account in the API: %q", r.Account)
	}

	// The operator pays it out, once.
	path := "/api/v1/operator/refunds/" + strconv.FormatInt(r.ID, 10) + "/settle"
	opCall(t, "POST", path, testOperatorToken, `{}`).want(t, http.StatusBadRequest, "required")
	opCall(t, "POST", path, testOperatorToken, `{"done": true}`).want(t, http.StatusBadRequest, "required")
	opCall(t, "POST", path, testOperatorToken, `{"done": true, "ref": "x", "extra": 1}`).want(t, http.StatusBadRequest, "unknown_field")
	opCall(t, "POST", "/api/v1/operator/refunds/99999999/settle", testOperatorToken, `{"done": true, "ref": "x"}`).
		want(t, http.StatusNotFound, "refund_not_found")
	var done opRefundOut
	opOK(t, "POST", path, map[string]any{"done": true, "ref": "FT26001234"}, &done)
	if done.Status != store.RefundDone || done.ProviderRef != "FT26001234" || done.Amount != 30000 {
		t.Fatalf("settled: %+v", done)
	}
	opCall(t, "POST", path, testOperatorToken, map[string]any{"done": false}).want(t, http.StatusConflict, "refund_not_pending")
	if _, ok := opRefundFor(opPendingRefunds(t), code); ok {
		t.Fatal("a settled refund is still pending")
	}
	if strings.Contains(b.get(page).body, `id="refund"`) {
		t.Fatal("the booking page still asks for a refund account")
	}
	// No refund owed any more: the form is refused.
	b.post("/bookings/"+code+"/refund-account", form).want(t, http.StatusConflict, "không có khoản hoàn tiền")
}

func TestUnmatchedAssigned(t *testing.T) {
	b := newBrowser(t)
	code, _, total := bankBooking(t, b, "sai gon", "da lat", 4, "")
	id := bankTxID()
	bankSePayHook(t, id, total, "chuyen tien ve xe cho me", bankSandbox.SePay.APIKey).want(t, http.StatusOK)
	if s := bankBookingStatus(t, code); s != booking.PendingPayment {
		t.Fatalf("a transfer without the code changed the booking to %s", s)
	}
	var un []opUnmatchedOut
	opOK(t, "GET", "/api/v1/operator/payments/unmatched", nil, &un)
	var p opUnmatchedOut
	for _, u := range un {
		if u.Provider == providerSePay && u.Ref == strconv.FormatInt(id, 10) {
			p = u
		}
	}
	if p.ID == 0 || p.Amount != total || p.Content != "chuyen tien ve xe cho me" {
		t.Fatalf("unmatched transfer not listed: %+v in %+v", p, un)
	}
	path := "/api/v1/operator/payments/" + strconv.FormatInt(p.ID, 10) + "/assign"
	opCall(t, "POST", path, testOperatorToken, `{"code": ""}`).want(t, http.StatusBadRequest, "required")
	opCall(t, "POST", path, testOperatorToken, `{"code": "ZZZZZZZZ"}`).want(t, http.StatusNotFound, "booking_not_found")
	opCall(t, "POST", path, testOperatorToken, `[1]`).want(t, http.StatusBadRequest, "invalid_json")
	opCall(t, "POST", "/api/v1/operator/payments/x/assign", testOperatorToken, `{"code": "`+code+`"}`).want(t, http.StatusNotFound, "payment_not_found")
	var out paymentOutcomeJSON
	opOK(t, "POST", path, map[string]string{"code": strings.ToLower(code)}, &out)
	if out.Result != store.PaidInFull || out.Code != code || out.Status != booking.Confirmed || out.PaymentID != p.ID {
		t.Fatalf("assigned: %+v", out)
	}
	if s := bankBookingStatus(t, code); s != booking.Confirmed {
		t.Fatalf("assigned transfer left the booking %s", s)
	}
	opCall(t, "POST", path, testOperatorToken, map[string]string{"code": code}).want(t, http.StatusConflict, "payment_not_unmatched")
	opOK(t, "GET", "/api/v1/operator/payments/unmatched", nil, &un)
	for _, u := range un {
		if u.ID == p.ID {
			t.Fatal("an assigned transfer is still listed as unmatched")
		}
	}
	// SePay delivering it again changes nothing.
	bankSePayHook(t, id, total, "chuyen tien ve xe cho me", bankSandbox.SePay.APIKey).want(t, http.StatusOK)
	if _, ok := opRefundFor(opPendingRefunds(t), code); ok {
		t.Fatal("a replay of an assigned transfer is owed back")
	}
}

func TestOperatorConfirmReject(t *testing.T) {
	b := newBrowser(t)
	const manual = "Nhà xe Non Nước" // confirms bookings by hand
	code1, _, total1 := bankBooking(t, b, "ha noi", "cao bang", 6, manual)
	code2, _, total2 := bankBooking(t, b, "ha noi", "cao bang", 6, manual)
	opCall(t, "POST", "/api/v1/operator/bookings/"+code1+"/confirm", testOperatorToken, nil).want(t, http.StatusConflict, "not_awaiting_operator")
	bankCassoHook(t, bankTxID(), total1, code1, bankSandbox.CassoSecret, time.Now()).want(t, http.StatusOK)
	bankCassoHook(t, bankTxID(), total2, code2, bankSandbox.CassoSecret, time.Now()).want(t, http.StatusOK)
	for _, c := range []string{code1, code2} {
		if s := bankBookingStatus(t, c); s != booking.AwaitingOperator {
			t.Fatalf("paid booking of a manual operator is %s", s)
		}
	}
	var d decisionJSON
	opOK(t, "POST", "/api/v1/operator/bookings/"+strings.ToLower(code1)+"/confirm", nil, &d)
	if d.Code != code1 || d.Status != booking.Confirmed {
		t.Fatalf("confirm: %+v", d)
	}
	opCall(t, "POST", "/api/v1/operator/bookings/"+code1+"/confirm", testOperatorToken, nil).want(t, http.StatusConflict, "not_awaiting_operator")
	opOK(t, "POST", "/api/v1/operator/bookings/"+code2+"/reject", nil, &d)
	if d.Status != booking.CancelledByOperator || bankBookingStatus(t, code2) != booking.CancelledByOperator {
		t.Fatalf("reject: %+v", d)
	}
	if r, ok := opRefundFor(opPendingRefunds(t), code2); !ok || r.Amount != total2 {
		t.Fatalf("a rejected booking's money is not owed back: %+v", r)
	}
	opCall(t, "POST", "/api/v1/operator/bookings/ZZZZZZZZ/reject", testOperatorToken, nil).want(t, http.StatusNotFound, "booking_not_found")
}

func TestReconciliationBalanced(t *testing.T) {
	b := newBrowser(t)
	full, _, totalFull := bankBooking(t, b, "sai gon", "da lat", 5, "")
	part, _, totalPart := bankBooking(t, b, "sai gon", "da lat", 5, "")
	over, _, totalOver := bankBooking(t, b, "sai gon", "da lat", 5, "")
	bankSePayHook(t, bankTxID(), totalFull, full, bankSandbox.SePay.APIKey).want(t, http.StatusOK)
	bankCassoHook(t, bankTxID(), 20000, part, bankSandbox.CassoSecret, time.Now()).want(t, http.StatusOK)
	bankSePayHook(t, bankTxID(), totalOver+5000, over, bankSandbox.SePay.APIKey).want(t, http.StatusOK)
	bankCassoHook(t, bankTxID(), 4321, "khong co ma", bankSandbox.CassoSecret, time.Now()).want(t, http.StatusOK)
	_ = totalPart

	today := time.Now().In(vn.Zone).Format(time.DateOnly)
	var books reconciliationJSON
	opOK(t, "GET", "/api/v1/operator/reconciliation?date="+today, nil, &books)
	if books.Date != today || !books.Balanced {
		t.Fatalf("today's books: %+v", books)
	}
	byProvider := map[string]providerBooksJSON{}
	for _, p := range books.Providers {
		byProvider[p.Provider] = p
		if !p.Balanced {
			t.Errorf("%s is not balanced: %+v", p.Provider, p)
		}
	}
	s, c := byProvider[providerSePay], byProvider[providerCasso]
	if s.PaymentsIn < totalFull+totalOver+5000 || s.BookingsSettled < totalFull+totalOver || s.RefundsPending < 5000 ||
		s.OwedFromPayments < 5000 || s.BookingsCount < 2 {
		t.Errorf("sepay books: %+v", s)
	}
	if c.PaymentsIn < 20000+4321 || c.Unmatched < 4321 || c.UnmatchedCount < 1 || c.PartsOutstanding < 20000 {
		t.Errorf("casso books: %+v", c)
	}
	var same reconciliationJSON
	opOK(t, "GET", "/api/v1/operator/reconciliation", nil, &same)
	if same.Date != today {
		t.Errorf("without a date: %s, want today %s", same.Date, today)
	}
	opCall(t, "GET", "/api/v1/operator/reconciliation?date=2026-02-30", testOperatorToken, nil).want(t, http.StatusBadRequest, "invalid_date")
	var empty reconciliationJSON
	opOK(t, "GET", "/api/v1/operator/reconciliation?date=2001-01-01", nil, &empty)
	if !empty.Balanced || len(empty.Providers) != 0 {
		t.Errorf("a day without money: %+v", empty)
	}

	// The page: a login first, then the same books.
	page := "/operator/reconciliation?date=" + today
	b.get(page).want(t, http.StatusUnauthorized, `action="/operator/login"`, `name="token"`, `type="password"`)
	b.post("/operator/login", url.Values{"token": {"guess"}, "date": {today}}).want(t, http.StatusUnauthorized, `id="err-token"`, "Mã truy cập không đúng.")
	a := b.post("/operator/login", url.Values{"token": {testOperatorToken}, "date": {today}})
	if a.status != http.StatusSeeOther || a.loc != page {
		t.Fatalf("login: %d to %q", a.status, a.loc)
	}
	a = b.get(page)
	a.want(t, http.StatusOK, "Đối soát thanh toán", `id="recon-balanced"`, "<th scope=\"col\">sepay</th>", "<th scope=\"col\">casso</th>",
		vn.FormatVND(s.PaymentsIn))
	if strings.Contains(a.body, testOperatorToken) {
		t.Fatal("the page shows the token")
	}
	b.get("/operator/reconciliation?date=hom-nay").want(t, http.StatusBadRequest, `id="err-date"`)
	b.post("/operator/logout", url.Values{})
	b.get(page).want(t, http.StatusUnauthorized, `name="token"`)
	// The session cookie is no token for the API.
	for _, ck := range b.c.Jar.Cookies(opMustURL(t, b.base+"/operator/")) {
		if ck.Value == testOperatorToken {
			t.Fatal("the cookie carries the token itself")
		}
	}
}

func opMustURL(t *testing.T, s string) *url.URL {
	t.Helper()
	u, err := url.Parse(s)
	if err != nil {
		t.Fatal(err)
	}
	return u
}

// TestOperatorOpenAPISchemas: the operator API's JSON matches its schemas
// in openapi.json, field by field (as TestOpenAPISchemasMatchGoStructs
// does for the passenger API).
func TestOperatorOpenAPISchemas(t *testing.T) {
	doc := openAPIDocument(t)
	for _, c := range []struct {
		typ      reflect.Type
		schema   string
		response bool
	}{
		{reflect.TypeFor[unmatchedJSON](), "UnmatchedPayment", true},
		{reflect.TypeFor[paymentOutcomeJSON](), "PaymentOutcome", true},
		{reflect.TypeFor[operatorRefundJSON](), "OperatorRefund", true},
		{reflect.TypeFor[decisionJSON](), "Decision", true},
		{reflect.TypeFor[reconciliationJSON](), "Reconciliation", true},
		{reflect.TypeFor[assignRequest](), "AssignRequest", false},
		{reflect.TypeFor[settleRequest](), "SettleRequest", false},
		{reflect.TypeFor[paymentSettingsJSON](), "PaymentSettings", true},
		{reflect.TypeFor[paymentSettingsJSON](), "PaymentSettings", false},
		{reflect.TypeFor[counterPaymentRequest](), "CounterPaymentRequest", false},
	} {
		s := oaMap(oaMap(oaMap(doc["components"])["schemas"])[c.schema])
		if s == nil {
			t.Errorf("no component schema %s for %v", c.schema, c.typ)
			continue
		}
		oaCompareSchema(t, doc, c.schema, c.typ, s, c.response, 0)
	}
	// Every operator operation says how it is protected.
	for path, item := range oaMap(doc["paths"]) {
		if !strings.HasPrefix(path, "/api/v1/operator/") {
			continue
		}
		for m, op := range oaMap(item) {
			o := oaMap(op)
			if len(oaSlice(o["security"])) == 0 || oaMap(oaMap(o["responses"])["401"]) == nil || oaMap(oaMap(o["responses"])["404"]) == nil {
				t.Errorf("%s %s: needs security and 401/404 responses", m, path)
			}
		}
	}
}

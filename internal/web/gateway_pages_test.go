package web

import (
	"context"
	"encoding/json"
	"html"
	"io"
	"log/slog"
	"net"
	"net/http"
	"net/http/httptest"
	"net/url"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/benxe/benxe/internal/booking"
	"github.com/benxe/benxe/internal/payment/vnpay"
	"github.com/benxe/benxe/internal/store"
	"github.com/benxe/benxe/internal/vn"
)

// The VNPay and MoMo flows end to end on the test server, whose sandbox
// plays both gateways: book, start, pay on the sandbox's page, the IPN
// marks the booking paid, the return page shows it; then cancel and get
// the refund back through the sandbox's refund API.

var gwTripCardRE = regexp.MustCompile(`<li class="card trip"[^>]*>((?s:.*?))href="(/trips/\d+\?from=\d+&(?:amp;)?to=\d+)"`)

// gwBook books n seats on a trip from→to in days days whose card names
// operator ("" for any), to be paid by method.
func gwBook(t *testing.T, b *browser, from, to string, days int, operator, method string, n int) (code, token string, bk booking.Booking) {
	t.Helper()
	a := b.get("/search?" + url.Values{"from": {from}, "to": {to}, "date": {daysAhead(days)}}.Encode())
	a.want(t, http.StatusOK)
	for _, m := range gwTripCardRE.FindAllStringSubmatch(a.body, -1) {
		if operator != "" && !strings.Contains(m[1], operator) {
			continue
		}
		tripURL := html.UnescapeString(m[2])
		page := b.get(tripURL)
		page.want(t, http.StatusOK)
		var free []string
		for _, s := range seatRE.FindAllStringSubmatch(page.body, -1) {
			if !strings.Contains(s[0], "disabled") {
				free = append(free, s[1])
			}
		}
		if len(free) < n {
			continue
		}
		form := formOf(tripURL)
		form["seats"] = free[:n]
		a = b.post(strings.SplitN(tripURL, "?", 2)[0]+"/hold", form)
		if a.status != http.StatusSeeOther || !strings.HasPrefix(a.loc, "/holds/") {
			t.Fatalf("hold: %d to %q:\n%s", a.status, a.loc, excerpt(a.body))
		}
		checkout := a.loc
		page = b.get(checkout)
		page.want(t, http.StatusOK, `value="`+method+`"`)
		f := fillCheckout(t, page.body, "Võ Thị Mai", uniquePhone())
		f.Set("payment_method", method)
		f.Set("action", "book")
		a = b.post(checkout, f)
		bm := bookingRE.FindStringSubmatch(a.loc)
		if bm == nil {
			t.Fatalf("book: %d to %q:\n%s", a.status, a.loc, excerpt(a.body))
		}
		_, st := startTestServer(t)
		bk, err := st.Booking(context.Background(), bm[1])
		if err != nil {
			t.Fatal(err)
		}
		if bk.PaymentMethod != method || bk.Status != booking.PendingPayment {
			t.Fatalf("booking %+v, want pending by %s", bk, method)
		}
		return bm[1], bm[2], bk
	}
	t.Fatalf("no trip %s → %s in %d days by %q with %d free seats:\n%s", from, to, days, operator, n, excerpt(a.body))
	return
}

// gwStart follows a booking's pay link to the sandbox gateway's page and
// returns its signed query string.
func gwStart(t *testing.T, b *browser, method, code, token, gatewayPath string) string {
	t.Helper()
	a := b.get("/payments/" + method + "/start/" + code + "?t=" + token)
	if a.status != http.StatusSeeOther || !strings.HasPrefix(a.loc, b.base+gatewayPath+"?") {
		t.Fatalf("start %s: %d to %q:\n%s", method, a.status, a.loc, excerpt(a.body))
	}
	u, err := url.Parse(a.loc)
	if err != nil {
		t.Fatal(err)
	}
	return u.RawQuery
}

// gwFinish presses a button of a sandbox gateway's page and returns where
// the browser is sent back to, as a path on the test server.
func gwFinish(t *testing.T, b *browser, gatewayPath, query, result, returnPath string) string {
	t.Helper()
	a := b.post(gatewayPath, url.Values{"q": {query}, "result": {result}})
	if a.status != http.StatusSeeOther || !strings.HasPrefix(a.loc, b.base+returnPath+"?") {
		t.Fatalf("%s on %s: %d to %q:\n%s", result, gatewayPath, a.status, a.loc, excerpt(a.body))
	}
	return strings.TrimPrefix(a.loc, b.base)
}

func gwStatus(t *testing.T, code string) booking.Booking {
	t.Helper()
	_, st := startTestServer(t)
	bk, err := st.Booking(context.Background(), code)
	if err != nil {
		t.Fatal(err)
	}
	return bk
}

// gwVNPayIPN sends an IPN query to the server as VNPay does and returns
// its RspCode.
func gwVNPayIPN(t *testing.T, query string) string {
	t.Helper()
	base, _ := startTestServer(t)
	res, err := http.Get(base + "/payments/vnpay/ipn?" + query)
	if err != nil {
		t.Fatal(err)
	}
	defer res.Body.Close()
	var reply vnpay.IPNReply
	if err := json.NewDecoder(res.Body).Decode(&reply); err != nil || res.StatusCode != http.StatusOK {
		t.Fatalf("IPN answer: %d, %v", res.StatusCode, err)
	}
	return reply.RspCode
}

// gwVNPayParams are a VNPay result for a TxnRef, changed by kv.
func gwVNPayParams(txnRef string, amount int64, kv ...string) map[string]string {
	p := map[string]string{
		"vnp_Amount": strconv.FormatInt(amount*100, 10), "vnp_BankCode": "NCB", "vnp_OrderInfo": "Thanh toan",
		"vnp_PayDate": time.Now().In(vn.Zone).Format(vnpTimeLayout), "vnp_ResponseCode": "00", "vnp_TmnCode": "BENXE001",
		"vnp_TransactionNo": sandboxNumber(14), "vnp_TransactionStatus": "00", "vnp_TxnRef": txnRef,
	}
	for i := 0; i+1 < len(kv); i += 2 {
		p[kv[i]] = kv[i+1]
	}
	return p
}

func TestVNPayPaysOnlyThroughIPN(t *testing.T) {
	b := newBrowser(t)
	base, st := startTestServer(t)
	ctx := context.Background()
	secret := SandboxGateways(base).VNPay.HashSecret

	code, token, bk := gwBook(t, b, "sai gon", "da lat", 3, "", booking.VNPay, 1)
	page := b.get("/bookings/" + code + "?t=" + token)
	page.want(t, http.StatusOK, "Thẻ ATM / QR VNPay", `id="pay-online" href="/payments/vnpay/start/`+code+`?t=`+token+`"`,
		"Thanh toán qua VNPay", vn.FormatDateTime(bk.PaymentDeadline))

	query := gwStart(t, b, booking.VNPay, code, token, "/sandbox/vnpay/pay")
	q, _ := url.ParseQuery(query)
	if q.Get("vnp_Amount") != strconv.FormatInt(bk.Total*100, 10) || !strings.HasPrefix(q.Get("vnp_TxnRef"), code) ||
		q.Get("vnp_ReturnUrl") != base+"/payments/vnpay/return" || q.Get("vnp_IpAddr") != "127.0.0.1" ||
		q.Get("vnp_ExpireDate") != bk.PaymentDeadline.In(vn.Zone).Format(vnpTimeLayout) {
		t.Fatalf("payment URL query %v for booking %s of %d", q, code, bk.Total)
	}
	txnRef := q.Get("vnp_TxnRef")
	b.get("/sandbox/vnpay/pay?"+query).want(t, http.StatusOK, "Cổng thanh toán thử nghiệm VNPay", vn.FormatVND(bk.Total), txnRef,
		`value="pay"`, `value="fail"`, `value="cancel"`)

	// A return URL alone, even correctly signed and saying paid, pays nothing.
	forged := vnpSignedQuery(secret, gwVNPayParams(txnRef, bk.Total))
	b.get("/payments/vnpay/return?"+forged).want(t, http.StatusOK, "Đang xác nhận thanh toán", code)
	if got := gwStatus(t, code); got.Status != booking.PendingPayment || len(got.History) != len(bk.History) {
		t.Fatalf("after a return URL alone the booking is %s with %d events, want it untouched", got.Status, len(got.History))
	}
	b.get("/payments/vnpay/return?"+strings.Replace(forged, "vnp_Amount=", "vnp_Amount=1", 1)).want(t, http.StatusBadRequest, "sai chữ ký")

	// Pay: the IPN marks it paid before the browser comes back.
	back := gwFinish(t, b, "/sandbox/vnpay/pay", query, "pay", "/payments/vnpay/return")
	paid := gwStatus(t, code)
	if paid.Status != booking.Confirmed {
		t.Fatalf("after paying the booking is %s, want confirmed", paid.Status)
	}
	b.get(back).want(t, http.StatusOK, "Thanh toán thành công", `href="/bookings/`+code+`?t=`+token+`"`, vn.FormatVND(bk.Total))
	ipn := strings.SplitN(back, "?", 2)[1]
	iq, _ := url.ParseQuery(ipn)
	pay, err := st.PaymentByRef(ctx, booking.VNPay, iq.Get("vnp_TransactionNo"))
	if err != nil || pay.BookingCode != code || pay.Amount != bk.Total || pay.Outcome != store.PaidInFull || pay.Content != txnRef {
		t.Fatalf("payment %+v, %v", pay, err)
	}

	// A replayed IPN is already confirmed and changes nothing.
	if got := gwVNPayIPN(t, ipn); got != "02" {
		t.Errorf("replayed IPN: RspCode %s, want 02", got)
	}
	// Tampered, wrong amount, unknown order, a hash that is not one.
	tampered := strings.Replace(ipn, "vnp_BankCode=NCB", "vnp_BankCode=VCB", 1)
	if got := gwVNPayIPN(t, tampered); got != "97" {
		t.Errorf("tampered IPN: RspCode %s, want 97", got)
	}
	if got := gwVNPayIPN(t, vnpSignedQuery(secret, gwVNPayParams(txnRef, bk.Total+1000))); got != "04" {
		t.Errorf("IPN with a wrong amount: RspCode %s, want 04", got)
	}
	unknown := "ZZZZZZZZ" + time.Now().In(vn.Zone).Format(vnpTimeLayout)
	if got := gwVNPayIPN(t, vnpSignedQuery(secret, gwVNPayParams(unknown, bk.Total))); got != "01" {
		t.Errorf("IPN for an unknown order: RspCode %s, want 01", got)
	}
	if got := gwVNPayIPN(t, "vnp_TxnRef="+txnRef+"&vnp_SecureHash=abc"); got != "97" {
		t.Errorf("IPN with a malformed hash: RspCode %s, want 97", got)
	}
	if got := gwStatus(t, code); got.Status != booking.Confirmed || len(got.History) != len(paid.History) {
		t.Fatalf("after replayed and bad IPNs the booking is %s with %d events, want %d", got.Status, len(got.History), len(paid.History))
	}
	// The booking page now has tickets and the per-seat cancellation.
	b.get("/bookings/"+code+"?t="+token).want(t, http.StatusOK, "Đã xác nhận", `id="cancel-seats"`)
}

func TestVNPayFailAndCancelLeavePending(t *testing.T) {
	b := newBrowser(t)
	code, token, bk := gwBook(t, b, "sai gon", "nha trang", 3, "", booking.VNPay, 1)
	for _, c := range []struct{ result, says string }{{"fail", "Tài khoản không đủ số dư."}, {"cancel", "Bạn đã hủy giao dịch."}} {
		query := gwStart(t, b, booking.VNPay, code, token, "/sandbox/vnpay/pay")
		back := gwFinish(t, b, "/sandbox/vnpay/pay", query, c.result, "/payments/vnpay/return")
		b.get(back).want(t, http.StatusOK, "Thanh toán chưa thành công", c.says, `id="pay-again"`, "/payments/vnpay/start/"+code)
		if got := gwStatus(t, code); got.Status != booking.PendingPayment || len(got.History) != len(bk.History) {
			t.Fatalf("after %s the booking is %s, want it pending and untouched", c.result, got.Status)
		}
	}
	// The tester cannot pay a different amount: the request is signed.
	query := gwStart(t, b, booking.VNPay, code, token, "/sandbox/vnpay/pay")
	bad := strings.Replace(query, "vnp_Amount=", "vnp_Amount=1", 1)
	b.get("/sandbox/vnpay/pay?"+bad).want(t, http.StatusBadRequest)
	b.post("/sandbox/vnpay/pay", url.Values{"q": {bad}, "result": {"pay"}}).want(t, http.StatusBadRequest)
	b.post("/sandbox/vnpay/pay", url.Values{"q": {query}, "result": {"steal"}}).want(t, http.StatusBadRequest)
	if got := gwStatus(t, code); got.Status != booking.PendingPayment {
		t.Fatalf("a tampered sandbox payment changed the booking to %s", got.Status)
	}
	// Another method's booking has no VNPay link.
	b.get("/payments/momo/start/"+code+"?t="+token).want(t, http.StatusConflict)
	b.get("/payments/vnpay/start/"+code+"?t=wrong").want(t, http.StatusNotFound)
}

// gwMoMoBody is the JSON MoMo posts for the fields of a MoMo redirect.
func gwMoMoBody(q url.Values) []byte {
	m := map[string]any{}
	for k := range q {
		m[k] = q.Get(k)
	}
	for _, k := range []string{"amount", "transId", "resultCode", "responseTime"} {
		m[k] = json.Number(q.Get(k))
	}
	body, _ := json.Marshal(m)
	return body
}

func gwMoMoIPN(t *testing.T, body []byte) int {
	t.Helper()
	base, _ := startTestServer(t)
	res, err := http.Post(base+"/payments/momo/ipn", "application/json", strings.NewReader(string(body)))
	if err != nil {
		t.Fatal(err)
	}
	res.Body.Close()
	return res.StatusCode
}

func TestMoMoPaysOnlyThroughIPN(t *testing.T) {
	b := newBrowser(t)
	base, st := startTestServer(t)
	cfg := SandboxGateways(base).MoMo

	code, token, bk := gwBook(t, b, "ha noi", "sapa", 3, "", booking.MoMo, 1)
	b.get("/bookings/"+code+"?t="+token).want(t, http.StatusOK, "Ví MoMo", "Thanh toán qua MoMo", `href="/payments/momo/start/`+code)
	query := gwStart(t, b, booking.MoMo, code, token, "/sandbox/momo/pay")
	q, _ := url.ParseQuery(query)
	if q.Get("amount") != strconv.FormatInt(bk.Total, 10) || !strings.HasPrefix(q.Get("orderId"), code+"-") {
		t.Fatalf("MoMo pay page query %v for %s of %d", q, code, bk.Total)
	}
	b.get("/sandbox/momo/pay?"+query).want(t, http.StatusOK, "Cổng thanh toán thử nghiệm MoMo", vn.FormatVND(bk.Total), q.Get("orderId"))

	// A signed redirect alone pays nothing.
	f := map[string]string{"partnerCode": cfg.PartnerCode, "orderId": q.Get("orderId"), "requestId": q.Get("requestId"),
		"amount": q.Get("amount"), "orderInfo": q.Get("orderInfo"), "orderType": "momo_wallet", "transId": sandboxNumber(13),
		"resultCode": "0", "message": "Thành công.", "payType": "qr", "responseTime": strconv.FormatInt(time.Now().UnixMilli(), 10), "extraData": ""}
	signed := map[string]string{"accessKey": cfg.AccessKey}
	forged := url.Values{}
	for k, v := range f {
		signed[k] = v
		forged.Set(k, v)
	}
	forged.Set("signature", momoSign(cfg.SecretKey, signed))
	b.get("/payments/momo/return?"+forged.Encode()).want(t, http.StatusOK, "Đang xác nhận thanh toán")
	if got := gwStatus(t, code); got.Status != booking.PendingPayment {
		t.Fatalf("a redirect alone made the booking %s", got.Status)
	}

	back := gwFinish(t, b, "/sandbox/momo/pay", query, "pay", "/payments/momo/return")
	paid := gwStatus(t, code)
	if paid.Status != booking.Confirmed {
		t.Fatalf("after paying the booking is %s, want confirmed", paid.Status)
	}
	b.get(back).want(t, http.StatusOK, "Thanh toán thành công", `href="/bookings/`+code+`?t=`+token+`"`)
	bq, _ := url.ParseQuery(strings.SplitN(back, "?", 2)[1])
	if p, err := st.PaymentByRef(context.Background(), booking.MoMo, bq.Get("transId")); err != nil || p.BookingCode != code || p.Outcome != store.PaidInFull {
		t.Fatalf("payment %+v, %v", p, err)
	}

	// The IPN again: 204, nothing changes. A bad signature, or an amount
	// changed under a good one, is refused.
	body := gwMoMoBody(bq)
	if got := gwMoMoIPN(t, body); got != http.StatusNoContent {
		t.Errorf("replayed IPN: %d, want 204", got)
	}
	bad := bq
	bad.Set("signature", strings.Repeat("0", 64))
	if got := gwMoMoIPN(t, gwMoMoBody(bad)); got != http.StatusUnauthorized {
		t.Errorf("IPN with a bad signature: %d, want 401", got)
	}
	bq2, _ := url.ParseQuery(strings.SplitN(back, "?", 2)[1])
	bq2.Set("amount", "1000")
	if got := gwMoMoIPN(t, gwMoMoBody(bq2)); got != http.StatusUnauthorized {
		t.Errorf("IPN with a changed amount: %d, want 401", got)
	}
	if got := gwMoMoIPN(t, []byte("not json")); got != http.StatusBadRequest {
		t.Errorf("IPN that is not JSON: %d, want 400", got)
	}
	if got := gwStatus(t, code); got.Status != booking.Confirmed || len(got.History) != len(paid.History) {
		t.Fatalf("after replayed and bad IPNs the booking is %s with %d events, want %d", got.Status, len(got.History), len(paid.History))
	}
	b.get("/payments/momo/return?"+bad.Encode()).want(t, http.StatusBadRequest)

	// A failed MoMo payment leaves another booking pending.
	code2, token2, _ := gwBook(t, b, "ha noi", "sapa", 3, "", booking.MoMo, 1)
	query2 := gwStart(t, b, booking.MoMo, code2, token2, "/sandbox/momo/pay")
	back2 := gwFinish(t, b, "/sandbox/momo/pay", query2, "fail", "/payments/momo/return")
	b.get(back2).want(t, http.StatusOK, "Thanh toán chưa thành công", "Tài khoản không đủ số dư.")
	if got := gwStatus(t, code2); got.Status != booking.PendingPayment {
		t.Fatalf("after a failed MoMo payment the booking is %s", got.Status)
	}
}

// gwPay pays a booking through its sandbox gateway.
func gwPay(t *testing.T, b *browser, method, code, token string) {
	t.Helper()
	query := gwStart(t, b, method, code, token, "/sandbox/"+method+"/pay")
	gwFinish(t, b, "/sandbox/"+method+"/pay", query, "pay", "/payments/"+method+"/return")
	if got := gwStatus(t, code); got.Status != booking.Confirmed {
		t.Fatalf("after paying by %s the booking is %s", method, got.Status)
	}
}

type gwCancelAnswer struct {
	Code   string `json:"code"`
	Status string `json:"status"`
	Refund struct {
		Amount int64  `json:"amount"`
		Status string `json:"status"`
	} `json:"refund"`
}

func gwAPICancel(t *testing.T, code, phone, body string) (int, gwCancelAnswer) {
	t.Helper()
	base, _ := startTestServer(t)
	res, err := http.Post(base+"/api/v1/bookings/"+code+"/cancel?phone="+phone, "application/json", strings.NewReader(body))
	if err != nil {
		t.Fatal(err)
	}
	defer res.Body.Close()
	raw, _ := io.ReadAll(res.Body)
	var a gwCancelAnswer
	if res.StatusCode == http.StatusOK {
		if err := json.Unmarshal(raw, &a); err != nil {
			t.Fatalf("cancel answer %s: %v", raw, err)
		}
	}
	return res.StatusCode, a
}

func gwRefunds(t *testing.T, code string) []store.Refund {
	t.Helper()
	_, st := startTestServer(t)
	m, err := st.BookingMoney(context.Background(), code)
	if err != nil {
		t.Fatal(err)
	}
	return m.Refunds
}

// TestCancelPaidRefundsThroughGateway cancels a paid VNPay booking seat by
// seat on its page, then the rest through the API: each refund is the
// seat's fare less the policy tier's fee, paid back by the sandbox at once.
func TestCancelPaidRefundsThroughGateway(t *testing.T) {
	b := newBrowser(t)
	_, st := startTestServer(t)
	ctx := context.Background()
	// Sen Vàng charges 10% more than 48 hours before departure.
	code, token, bk := gwBook(t, b, "sai gon", "da lat", 4, "Sen Vàng", booking.VNPay, 2)
	for _, l := range bk.Lines {
		if l.Amount < 0 {
			t.Fatalf("booking %s has a discount line %+v; the test expects none", code, l)
		}
	}
	gwPay(t, b, booking.VNPay, code, token)
	trip, err := st.Trip(ctx, bk.TripID)
	if err != nil {
		t.Fatal(err)
	}
	fee := trip.Operator.Policy.FeePercent(trip.StopTime(bk.From), time.Now())
	if fee <= 0 || fee >= 100 {
		t.Fatalf("the policy tier now charges %d%%; the test wants a partial refund", fee)
	}
	want := func(tk booking.Ticket) int64 { return tk.Fare * int64(100-fee) / 100 }
	first, second := bk.Tickets[0], bk.Tickets[1]

	page := b.get("/bookings/" + code + "?t=" + token)
	page.want(t, http.StatusOK, `id="cancel-seats"`, "Phí hủy hiện tại "+strconv.Itoa(fee)+"%", "áp dụng đến trước",
		`value="`+first.Seat+`"`, `value="`+second.Seat+`"`, "hoàn "+vn.FormatVND(want(first)))

	// Choosing nothing is explained in place.
	b.post("/bookings/"+code+"/cancel-seats", url.Values{"t": {token}}).want(t, http.StatusBadRequest, "Vui lòng chọn ít nhất một ghế")
	// The review shows the refund and changes nothing.
	b.post("/bookings/"+code+"/cancel-seats", url.Values{"t": {token}, "seats": {first.Seat}}).want(t, http.StatusOK,
		"Xác nhận hủy vé", vn.FormatVND(want(first)), `name="confirm" value="yes"`, "Thẻ ATM / QR VNPay")
	if len(gwRefunds(t, code)) != 0 || gwStatus(t, code).Status != booking.Confirmed {
		t.Fatal("the review cancelled something")
	}
	a := b.post("/bookings/"+code+"/cancel-seats", url.Values{"t": {token}, "seats": {first.Seat}, "confirm": {"yes"}})
	if a.status != http.StatusSeeOther || a.loc != "/bookings/"+code+"?t="+token {
		t.Fatalf("cancel: %d to %q:\n%s", a.status, a.loc, excerpt(a.body))
	}
	rs := gwRefunds(t, code)
	if len(rs) != 1 || rs[0].Amount != want(first) || rs[0].Status != store.RefundDone || rs[0].Provider != booking.VNPay || rs[0].ProviderRef == "" {
		t.Fatalf("refunds after cancelling %s: %+v; want %d done through VNPay", first.Seat, rs, want(first))
	}
	if n := sandboxRefundsMade(code); n != 1 {
		t.Fatalf("the sandbox made %d refunds, want 1", n)
	}
	page = b.get(a.loc)
	page.want(t, http.StatusOK, "Đã xác nhận", `id="refunds"`, "Đã hoàn tiền", vn.FormatVND(want(first)), `value="`+second.Seat+`"`)
	if strings.Contains(page.body, `name="seats" value="`+first.Seat+`"`) {
		t.Fatalf("seat %s is cancelled but still offered", first.Seat)
	}
	// A cancelled seat cannot be cancelled again.
	b.post("/bookings/"+code+"/cancel-seats", url.Values{"t": {token}, "seats": {first.Seat}, "confirm": {"yes"}}).want(t, http.StatusBadRequest)

	// The rest through the API: the booking is cancelled whole.
	status, ans := gwAPICancel(t, code, bk.Contact.Phone, "")
	if status != http.StatusOK || ans.Status != booking.Cancelled || ans.Refund.Amount != want(second) || ans.Refund.Status != store.RefundDone {
		t.Fatalf("API cancel: %d %+v; want cancelled, %d done", status, ans, want(second))
	}
	// Again: the same answer, no new refund.
	status, ans = gwAPICancel(t, code, bk.Contact.Phone, "")
	if status != http.StatusOK || ans.Status != booking.Cancelled || ans.Refund.Amount != want(first)+want(second) || ans.Refund.Status != store.RefundDone {
		t.Fatalf("API cancel again: %d %+v", status, ans)
	}
	if n := sandboxRefundsMade(code); n != 2 || len(gwRefunds(t, code)) != 2 {
		t.Fatalf("the sandbox made %d refunds for %d owed, want 2", n, len(gwRefunds(t, code)))
	}
}

// TestGatewayRefundTimeoutRetried loses the gateway's answer to a refund:
// the refund stays pending, and the retry settles it once, with no second
// refund at the gateway.
func TestGatewayRefundTimeoutRetried(t *testing.T) {
	b := newBrowser(t)
	base, st := startTestServer(t)
	ctx := context.Background()
	retrier := &Server{Deps: Deps{Store: st, Log: slog.New(slog.NewTextHandler(io.Discard, nil)), Now: time.Now, Gateways: SandboxGateways(base)}}
	for _, method := range []string{booking.VNPay, booking.MoMo} {
		code, token, bk := gwBook(t, b, "sai gon", "vung tau", 3, "", method, 1)
		gwPay(t, b, method, code, token)
		sandboxRefundFault(code, "timeout")
		status, ans := gwAPICancel(t, code, bk.Contact.Phone, `{"seats": ["`+bk.Tickets[0].Seat+`"]}`)
		if status != http.StatusOK || ans.Status != booking.Cancelled || ans.Refund.Amount <= 0 || ans.Refund.Status != store.RefundPending {
			t.Fatalf("%s: cancel with the gateway timing out: %d %+v; want a pending refund", method, status, ans)
		}
		rs := gwRefunds(t, code)
		if len(rs) != 1 || rs[0].Status != store.RefundPending || sandboxRefundsMade(code) != 1 {
			t.Fatalf("%s: refunds %+v, sandbox refunds %d; want one pending, made once at the gateway", method, rs, sandboxRefundsMade(code))
		}
		b.get("/bookings/"+code+"?t="+token).want(t, http.StatusOK, "Đang hoàn tiền")

		// The background round retries: the gateway recognises the request.
		if err := retrier.ProcessRefunds(ctx); err != nil {
			t.Fatal(err)
		}
		rs = gwRefunds(t, code)
		if len(rs) != 1 || rs[0].Status != store.RefundDone || rs[0].Amount != ans.Refund.Amount || sandboxRefundsMade(code) != 1 {
			t.Fatalf("%s: after the retry refunds %+v, sandbox refunds %d; want one done, made once", method, rs, sandboxRefundsMade(code))
		}
		if err := retrier.ProcessRefunds(ctx); err != nil {
			t.Fatal(err)
		}
		if err := st.SettleRefund(ctx, rs[0].ID, true, "again", time.Now()); err == nil {
			t.Fatalf("%s: a settled refund was settled again", method)
		}
		if rs := gwRefunds(t, code); rs[0].Status != store.RefundDone || rs[0].ProviderRef == "again" || sandboxRefundsMade(code) != 1 {
			t.Fatalf("%s: after more rounds %+v", method, rs)
		}
	}

	// A gateway that refuses: the refund fails, for staff to pay back.
	code, token, bk := gwBook(t, b, "sai gon", "vung tau", 3, "", booking.MoMo, 1)
	gwPay(t, b, booking.MoMo, code, token)
	sandboxRefundFault(code, "fail")
	if status, ans := gwAPICancel(t, code, bk.Contact.Phone, ""); status != http.StatusOK || ans.Refund.Status != store.RefundFailed {
		t.Fatalf("cancel with the gateway refusing: %d %+v; want a failed refund", status, ans)
	}
	b.get("/bookings/"+code+"?t="+token).want(t, http.StatusOK, "Chưa hoàn được")
	// Seats of an unpaid booking cannot be named; a paid booking's unknown seat is refused.
	code2, _, bk2 := gwBook(t, b, "sai gon", "vung tau", 3, "", booking.VNPay, 1)
	if status, _ := gwAPICancel(t, code2, bk2.Contact.Phone, `{"seats": ["A01"]}`); status != http.StatusBadRequest {
		t.Errorf("naming seats of an unpaid booking: %d, want 400", status)
	}
	if status, ans := gwAPICancel(t, code2, bk2.Contact.Phone, ""); status != http.StatusOK || ans.Status != booking.Cancelled || ans.Refund.Status != "none" {
		t.Errorf("cancelling an unpaid booking: %d %+v", status, ans)
	}
}

func TestGatewaySandboxOff(t *testing.T) {
	_, st := startTestServer(t)
	h := NewServer(Deps{Store: st, Log: slog.New(slog.NewTextHandler(io.Discard, nil)), Now: time.Now,
		Holds: booking.DefaultHoldPolicy, Secret: []byte("test secret"), Gateways: Gateways{BaseURL: "http://127.0.0.1"}})
	for _, c := range []struct{ method, path string }{
		{"GET", "/sandbox/vnpay/pay"}, {"POST", "/sandbox/vnpay/pay"}, {"POST", "/sandbox/vnpay/api/transaction"},
		{"POST", "/sandbox/momo/v2/gateway/api/create"}, {"POST", "/sandbox/momo/v2/gateway/api/refund"},
		{"GET", "/sandbox/momo/pay"}, {"POST", "/sandbox/momo/pay"},
	} {
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, httptest.NewRequest(c.method, c.path, strings.NewReader("{}")))
		if rec.Code != http.StatusNotFound {
			t.Errorf("%s %s with the sandbox off: %d, want 404", c.method, c.path, rec.Code)
		}
	}
	// Without keys, IPNs are refused and nothing is paid.
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, httptest.NewRequest("GET", "/payments/vnpay/ipn?vnp_TxnRef=X&vnp_SecureHash=00", nil))
	if !strings.Contains(rec.Body.String(), `"RspCode":"99"`) && !strings.Contains(rec.Body.String(), `"RspCode":"97"`) {
		t.Errorf("VNPay IPN without keys: %s", rec.Body.String())
	}
	rec = httptest.NewRecorder()
	h.ServeHTTP(rec, httptest.NewRequest("POST", "/payments/momo/ipn", strings.NewReader("{}")))
	if rec.Code != http.StatusBadRequest {
		t.Errorf("MoMo IPN without keys: %d", rec.Code)
	}
}

func TestLoopbackTarget(t *testing.T) {
	local := &net.TCPAddr{IP: net.ParseIP("10.0.0.5"), Port: 8080}
	for _, c := range []struct {
		addr  string
		local net.Addr
		want  string
	}{
		{"127.0.0.1:9000", nil, "127.0.0.1:9000"},
		{"[::1]:9000", nil, "[::1]:9000"},
		{"localhost:80", nil, "127.0.0.1:80"},
		{"0.0.0.0:8080", nil, "127.0.0.1:8080"},
		{"[::]:8080", nil, "[::1]:8080"},
		{"benxe.example:443", local, "127.0.0.1:8080"},
		{"169.254.169.254:80", local, "127.0.0.1:8080"},
		{"benxe.example:443", nil, ""},
		{"10.0.0.1:80", nil, ""},
	} {
		got, err := loopbackTarget(c.addr, c.local)
		if got != c.want || (c.want == "") != (err != nil) {
			t.Errorf("loopbackTarget(%q, %v) = %q, %v; want %q", c.addr, c.local, got, err, c.want)
		}
	}
}

func TestVNPayTxnRef(t *testing.T) {
	at := time.Date(2026, 1, 26, 14, 5, 9, 0, vn.Zone)
	ref := vnpayTxnRef("ABCD2345", at.UTC())
	code, created, ok := parseVNPayTxnRef(ref)
	if ref != "ABCD234520260126140509" || code != "ABCD2345" || !created.Equal(at) || !ok {
		t.Fatalf("%q → %q %v %v", ref, code, created, ok)
	}
	for _, bad := range []string{"", "20260126140509", "ABCD2345", "ABCD2345202601261405xx", "ABCD234520261326140509"} {
		if _, _, ok := parseVNPayTxnRef(bad); ok {
			t.Errorf("parseVNPayTxnRef(%q) ok", bad)
		}
	}
	// What the sandbox signs, package vnpay verifies.
	q, _ := url.ParseQuery(vnpSignedQuery("secret", gwVNPayParams(ref, 350_000, "vnp_OrderInfo", "Thanh toán vé (A*B) ~x")))
	if r, err := vnpay.Verify("secret", q); err != nil || r.Amount != 350_000 || !r.Paid() {
		t.Fatalf("vnpay.Verify of the sandbox's signature: %+v, %v", r, err)
	}
}

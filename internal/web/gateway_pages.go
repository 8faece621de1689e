package web

import (
	"bytes"
	"context"
	"crypto/hmac"
	"crypto/rand"
	"crypto/sha256"
	"crypto/sha512"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"hash"
	"io"
	"math/big"
	"net"
	"net/http"
	"net/netip"
	"net/url"
	"sort"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/benxe/benxe/internal/apperr"
	"github.com/benxe/benxe/internal/booking"
	"github.com/benxe/benxe/internal/payment/momo"
	"github.com/benxe/benxe/internal/payment/vnpay"
	"github.com/benxe/benxe/internal/store"
	"github.com/benxe/benxe/internal/vn"
)

// Card and wallet payments through VNPay (2.1.0) and MoMo (captureWallet),
// as VIETNAM.md describes them. From the booking page the passenger is sent
// to the gateway (start), comes back to a page that only shows the result
// (return: it changes nothing), and the gateway tells this server directly
// (IPN): the IPN is the only thing that marks a booking paid.
//
// In sandbox mode (Gateways.Sandbox) this server also plays both gateways
// under /sandbox/…: a payment page with Pay / Fail / Cancel that sends a
// signed IPN to our own IPN URL over loopback and then sends the browser
// back to the return URL, MoMo's create API, and both refund APIs. The
// sandbox signs with the public test keys of SandboxGateways.

func init() { pageNames = append(pageNames, "sandbox_gateway", "payment_result", "cancel") }

// gatewayTimeout bounds one call to a gateway's API. MoMo asks for 30 s on
// create; an IPN must be answered within 15 s.
const (
	gatewayTimeout = 30 * time.Second
	ipnTimeout     = 15 * time.Second
)

var (
	errNotPayable = apperr.New(apperr.Conflict, "not_payable", "code",
		"Đơn đặt vé không còn chờ thanh toán hoặc đã quá hạn thanh toán.", "This booking is no longer awaiting payment, or its payment deadline has passed.")
	errWrongMethod = apperr.New(apperr.Conflict, "payment_method_mismatch", "payment_method",
		"Đơn đặt vé này dùng phương thức thanh toán khác.", "This booking is paid by another method.")
	errGatewayDown = apperr.New(apperr.Unavailable, "gateway_unavailable", "",
		"Cổng thanh toán tạm thời không kết nối được, vui lòng thử lại sau ít phút.", "The payment gateway cannot be reached right now; please try again in a few minutes.")
	errGatewayReturn = apperr.New(apperr.Invalid, "invalid_gateway_return", "",
		"Kết quả thanh toán không hợp lệ (sai chữ ký). Vui lòng tra cứu đơn đặt vé để xem trạng thái.",
		"The payment result is not valid (bad signature). Please look the booking up to see its status.")
)

// --- starting a payment ---

// payableBooking loads the booking of a start link. A booking that is no
// longer pending goes to its page, which says why; it reports false when
// it has answered.
func (s *Server) payableBooking(w http.ResponseWriter, r *http.Request, method string) (booking.Booking, bool) {
	b, err := s.tokenBooking(r, r.URL.Query().Get("t"))
	switch {
	case err != nil:
	case b.PaymentMethod != method:
		err = errWrongMethod
	case b.Status != booking.PendingPayment:
		http.Redirect(w, r, "/bookings/"+b.Code+"?t="+s.bookingToken(b.Code), http.StatusSeeOther)
		return b, false
	case !s.Now().Add(time.Minute).Before(b.PaymentDeadline):
		// Less than a minute is not enough to pay at a gateway.
		err = errNotPayable
	}
	if err != nil {
		s.pageError(w, r, err)
		return b, false
	}
	return b, true
}

// vnpayStart sends the passenger to VNPay with a signed payment URL.
func (s *Server) vnpayStart(w http.ResponseWriter, r *http.Request) {
	b, ok := s.payableBooking(w, r, booking.VNPay)
	if !ok {
		return
	}
	now := s.Now()
	locale := "vn"
	if langOf(r) == langEN {
		locale = "en"
	}
	u, err := vnpay.PayURL(s.Gateways.VNPay, vnpay.PayRequest{
		TxnRef: vnpayTxnRef(b.Code, now), Amount: b.Total, OrderInfo: "Thanh toan ve xe " + b.Code,
		OrderType: "other", Locale: locale, IPAddr: clientIP(r), Created: now, Expires: b.PaymentDeadline,
	})
	if err != nil {
		s.Log.ErrorContext(r.Context(), "vnpay pay url", "request_id", requestID(r.Context()), "code", b.Code, "err", err)
		s.pageError(w, r, errGatewayDown)
		return
	}
	http.Redirect(w, r, u, http.StatusSeeOther)
}

// momoStart asks MoMo for a payment page and sends the passenger there.
func (s *Server) momoStart(w http.ResponseWriter, r *http.Request) {
	b, ok := s.payableBooking(w, r, booking.MoMo)
	if !ok {
		return
	}
	ctx := r.Context()
	cfg := s.Gateways.MoMo
	lang := "vi"
	if langOf(r) == langEN {
		lang = "en"
	}
	orderID := b.Code + "-" + strconv.FormatInt(s.Now().UnixMilli(), 10)
	req, err := momo.SignCreate(cfg, momo.CreateRequest{
		PartnerName: "benxe", RequestID: orderID, OrderID: orderID, Amount: b.Total,
		OrderInfo: "Thanh toán vé xe " + b.Code, Lang: lang,
		RedirectURL: s.Gateways.BaseURL + "/payments/momo/return", IPNURL: s.Gateways.BaseURL + "/payments/momo/ipn",
	})
	var payURL string
	if err == nil {
		payURL, err = s.momoCreate(ctx, req)
	}
	if err != nil {
		s.Log.ErrorContext(ctx, "momo create", "request_id", requestID(ctx), "code", b.Code, "err", err)
		s.pageError(w, r, errGatewayDown)
		return
	}
	http.Redirect(w, r, payURL, http.StatusSeeOther)
}

// momoCreate posts a signed create request to MoMo (in sandbox mode: to our
// own sandbox, over loopback) and returns the page to send the payer to.
func (s *Server) momoCreate(ctx context.Context, req momo.CreateRequest) (string, error) {
	body, err := json.Marshal(req)
	if err != nil {
		return "", err
	}
	status, answer, err := s.postGateway(ctx, s.Gateways.MoMo.CreateURL(), body)
	if err != nil {
		return "", err
	}
	if status != http.StatusOK {
		return "", fmt.Errorf("momo create: HTTP %d", status)
	}
	if !s.Gateways.Sandbox {
		res, err := momo.ParseCreateResponse(answer, req)
		return res.PayURL, err
	}
	// The sandbox is served over plain HTTP, which ParseCreateResponse
	// rightly refuses; check the rest as it does, and that the page is ours.
	var res momo.CreateResponse
	if err := json.Unmarshal(answer, &res); err != nil {
		return "", fmt.Errorf("momo create response: %w", err)
	}
	if res.ResultCode != 0 {
		return "", fmt.Errorf("momo create refused: resultCode %d: %q", res.ResultCode, res.Message)
	}
	if res.OrderID != req.OrderID || res.RequestID != req.RequestID || res.Amount != req.Amount {
		return "", fmt.Errorf("momo create response is for order %q, amount %d", res.OrderID, res.Amount)
	}
	if !strings.HasPrefix(res.PayURL, s.Gateways.BaseURL+"/sandbox/momo/pay?") {
		return "", fmt.Errorf("momo sandbox payUrl %q is not this server's", res.PayURL)
	}
	return res.PayURL, nil
}

// clientIP is the payer's address as VNPay wants it (vnp_IpAddr). Proxy
// headers are not trusted: a wrong address only weakens VNPay's fraud check.
func clientIP(r *http.Request) string {
	host, _, err := net.SplitHostPort(r.RemoteAddr)
	if err != nil {
		host = r.RemoteAddr
	}
	a, err := netip.ParseAddr(host)
	if err != nil {
		return "127.0.0.1"
	}
	return a.Unmap().WithZone("").String()
}

// vnpTimeLayout is VNPay's yyyyMMddHHmmss, in Vietnam time.
const vnpTimeLayout = "20060102150405"

// vnpayTxnRef is our reference for one payment attempt: the booking code
// and the attempt's vnp_CreateDate. The IPN finds the booking by the code,
// and a refund needs the date (vnp_TransactionDate) back.
func vnpayTxnRef(code string, created time.Time) string {
	return code + created.In(vn.Zone).Format(vnpTimeLayout)
}

func parseVNPayTxnRef(ref string) (code string, created time.Time, ok bool) {
	n := len(ref) - len(vnpTimeLayout)
	if n < 1 {
		return "", time.Time{}, false
	}
	created, err := time.ParseInLocation(vnpTimeLayout, ref[n:], vn.Zone)
	if err != nil || strings.Trim(ref[n:], "0123456789") != "" {
		return "", time.Time{}, false
	}
	return ref[:n], created, true
}

// momoOrderCode is the booking code of a MoMo orderId: "<code>-<attempt>".
func momoOrderCode(orderID string) string {
	code, _, _ := strings.Cut(orderID, "-")
	return code
}

// --- IPN: the gateway tells us, server to server ---

// vnpayIPN records what VNPay reports and answers {"RspCode","Message"}.
func (s *Server) vnpayIPN(w http.ResponseWriter, r *http.Request) {
	reply := s.vnpayIPNReply(r)
	encode(w, http.StatusOK, reply)
}

func (s *Server) vnpayIPNReply(r *http.Request) vnpay.IPNReply {
	ctx := r.Context()
	log := func(msg string, args ...any) {
		s.Log.WarnContext(ctx, msg, append([]any{"request_id", requestID(ctx)}, args...)...)
	}
	res, err := vnpay.Verify(s.Gateways.VNPay.HashSecret, r.URL.Query())
	if err != nil {
		log("vnpay ipn refused", "err", err)
		return vnpay.ReplyForVerifyError(err)
	}
	if res.TmnCode != s.Gateways.VNPay.TmnCode {
		log("vnpay ipn for another terminal", "tmn_code", res.TmnCode)
		return vnpay.ReplyUnknownError()
	}
	code, _, ok := parseVNPayTxnRef(res.TxnRef)
	if !ok {
		return vnpay.ReplyOrderNotFound()
	}
	b, err := s.Store.Booking(ctx, code)
	if apperr.KindOf(err) == apperr.NotFound {
		return vnpay.ReplyOrderNotFound()
	}
	if err != nil {
		s.Log.ErrorContext(ctx, "vnpay ipn", "request_id", requestID(ctx), "err", err)
		return vnpay.ReplyUnknownError()
	}
	if res.Amount != b.Total {
		log("vnpay ipn amount", "code", b.Code, "amount", res.Amount, "total", b.Total)
		return vnpay.ReplyInvalidAmount()
	}
	if !res.Paid() {
		// A failed or abandoned payment: nothing to record; the booking
		// stays pending until its deadline.
		if b.Status != booking.PendingPayment {
			return vnpay.ReplyAlreadyConfirmed()
		}
		s.Log.InfoContext(ctx, "vnpay payment not made", "request_id", requestID(ctx), "code", b.Code,
			"response_code", res.ResponseCode, "transaction_status", res.TransactionStatus)
		return vnpay.ReplyOK()
	}
	if res.TransactionNo == "" || res.TransactionNo == "0" {
		log("vnpay ipn paid without a transaction number", "code", b.Code)
		return vnpay.ReplyUnknownError()
	}
	out, err := s.Store.ReceivePayment(ctx, store.Incoming{Provider: booking.VNPay, Ref: res.TransactionNo,
		Candidates: []string{b.Code}, Amount: res.Amount, Content: res.TxnRef}, s.Now())
	if err != nil {
		s.Log.ErrorContext(ctx, "vnpay ipn receive", "request_id", requestID(ctx), "code", b.Code, "err", err)
		return vnpay.ReplyUnknownError()
	}
	s.Log.InfoContext(ctx, "vnpay payment", "request_id", requestID(ctx), "code", b.Code, "result", out.Result,
		"duplicate", out.Duplicate, "status", out.Status, "owed", out.Owed)
	// A replay, or money for a booking paid meanwhile (it is owed back):
	// either way this order was already confirmed.
	if out.Duplicate || out.Result == store.RefundOwed {
		return vnpay.ReplyAlreadyConfirmed()
	}
	return vnpay.ReplyOK()
}

// momoIPN records what MoMo reports and answers 204 once it is stored.
func (s *Server) momoIPN(w http.ResponseWriter, r *http.Request) {
	ctx := r.Context()
	body, err := io.ReadAll(http.MaxBytesReader(w, r.Body, maxBody))
	if err != nil {
		http.Error(w, "body too large", http.StatusRequestEntityTooLarge)
		return
	}
	n, err := momo.ParseIPN(body, s.Gateways.MoMo)
	if err == nil && n.Paid() && n.TransID <= 0 {
		err = errors.New("momo: paid IPN without a transId")
	}
	if err != nil {
		s.Log.WarnContext(ctx, "momo ipn refused", "request_id", requestID(ctx), "err", err)
		status := http.StatusBadRequest
		if errors.Is(err, momo.ErrSignature) {
			status = http.StatusUnauthorized
		}
		http.Error(w, "invalid IPN", status)
		return
	}
	code := momoOrderCode(n.OrderID)
	if !n.Paid() {
		s.Log.InfoContext(ctx, "momo payment not made", "request_id", requestID(ctx), "code", code, "result_code", n.ResultCode)
		w.WriteHeader(http.StatusNoContent)
		return
	}
	// Money MoMo took is recorded whatever it is for: a wrong amount or a
	// booking no longer waiting ends up owed back, never lost.
	out, err := s.Store.ReceivePayment(ctx, store.Incoming{Provider: booking.MoMo, Ref: strconv.FormatInt(n.TransID, 10),
		Candidates: []string{code}, Amount: n.Amount, Content: n.OrderID}, s.Now())
	if err != nil {
		// MoMo retries an IPN that is not answered 204.
		s.Log.ErrorContext(ctx, "momo ipn receive", "request_id", requestID(ctx), "code", code, "err", err)
		http.Error(w, "try again", http.StatusInternalServerError)
		return
	}
	s.Log.InfoContext(ctx, "momo payment", "request_id", requestID(ctx), "code", code, "result", out.Result,
		"duplicate", out.Duplicate, "status", out.Status, "owed", out.Owed)
	w.WriteHeader(http.StatusNoContent)
}

// --- return: what the passenger sees; it changes nothing ---

type paymentResultPage struct {
	base
	Gateway string
	State   string // paid, processing, failed, closed
	Title   string
	Message string
	Code    string
	Amount  int64
	Status  string // the booking's status, "" when there is no booking
	Link    string // the booking page
	Retry   string // start again, while the booking can still be paid
}

func (s *Server) vnpayReturn(w http.ResponseWriter, r *http.Request) {
	res, err := vnpay.Verify(s.Gateways.VNPay.HashSecret, r.URL.Query())
	if err != nil || res.TmnCode != s.Gateways.VNPay.TmnCode {
		s.pageError(w, r, errGatewayReturn)
		return
	}
	lang := langOf(r)
	var reason string
	switch res.ResponseCode {
	case "00":
	case "24":
		reason = tr(lang, "gw_cancelled")
	case "11":
		reason = tr(lang, "gw_expired")
	case "51":
		reason = tr(lang, "gw_funds")
	default:
		reason = tr(lang, "gw_other", res.ResponseCode)
	}
	code, _, _ := parseVNPayTxnRef(res.TxnRef)
	s.paymentResult(w, r, "VNPay", booking.VNPay, code, res.Amount, res.Paid(), reason)
}

func (s *Server) momoReturn(w http.ResponseWriter, r *http.Request) {
	// MoMo signs the redirect's query string as it signs the IPN body.
	fields := map[string]any{}
	q := r.URL.Query()
	for k := range q {
		switch k {
		case "amount", "transId", "resultCode", "responseTime":
			fields[k] = json.Number(q.Get(k))
		default:
			fields[k] = q.Get(k)
		}
	}
	body, err := json.Marshal(fields)
	var n momo.IPN
	if err == nil {
		n, err = momo.ParseIPN(body, s.Gateways.MoMo)
	}
	if err != nil {
		s.pageError(w, r, errGatewayReturn)
		return
	}
	lang := langOf(r)
	var reason string
	switch n.ResultCode {
	case 0:
	case 1006, 1003:
		reason = tr(lang, "gw_cancelled")
	case 1005:
		reason = tr(lang, "gw_expired")
	case 1001:
		reason = tr(lang, "gw_funds")
	default:
		reason = tr(lang, "gw_other", strconv.Itoa(n.ResultCode))
	}
	s.paymentResult(w, r, "MoMo", booking.MoMo, momoOrderCode(n.OrderID), n.Amount, n.Paid(), reason)
}

// paymentResult shows what a gateway told the passenger's browser next to
// what we know: only the IPN changes the booking, so a success here may
// still be waiting for it.
func (s *Server) paymentResult(w http.ResponseWriter, r *http.Request, gateway, method, code string, amount int64, paid bool, reason string) {
	pg := paymentResultPage{base: s.base(r, ""), Gateway: gateway, Amount: amount}
	lang := pg.Lang
	b, err := s.Store.Booking(r.Context(), code)
	if err != nil && apperr.KindOf(err) != apperr.NotFound {
		s.pageError(w, r, err)
		return
	}
	found := err == nil
	if found {
		token := s.bookingToken(b.Code)
		pg.Code, pg.Status, pg.Link = b.Code, b.Status, "/bookings/"+b.Code+"?t="+token
		if b.Status == booking.PendingPayment && b.PaymentMethod == method && s.Now().Add(time.Minute).Before(b.PaymentDeadline) {
			pg.Retry = "/payments/" + method + "/start/" + b.Code + "?t=" + token
		}
	}
	money := vn.FormatVND(amount)
	switch {
	case found && (b.Status == booking.Confirmed || b.Status == booking.AwaitingOperator || b.Status == booking.Boarded):
		pg.State, pg.Title, pg.Message, pg.Retry = "paid", tr(lang, "payment_paid"), tr(lang, "payment_paid_text", gateway, money), ""
	case paid && found && b.Status != booking.PendingPayment:
		pg.State, pg.Title, pg.Message = "closed", tr(lang, "payment_closed"), tr(lang, "payment_closed_text", tr(lang, "status_"+b.Status))
	case paid:
		pg.State, pg.Title, pg.Message, pg.Retry = "processing", tr(lang, "payment_processing"), tr(lang, "payment_processing_text", gateway, gateway), ""
	default:
		pg.State, pg.Title, pg.Message = "failed", tr(lang, "payment_failed"), gateway+": "+reason
		if pg.Retry != "" {
			pg.Message += " " + tr(lang, "payment_retry_before", vn.FormatDateTime(b.PaymentDeadline))
		}
	}
	s.render(w, r, http.StatusOK, "payment_result", pg)
}

// --- talking to gateways ---

// postGateway POSTs JSON to a gateway API and returns its answer.
func (s *Server) postGateway(ctx context.Context, url string, body []byte) (int, []byte, error) {
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, url, bytes.NewReader(body))
	if err != nil {
		return 0, nil, err
	}
	req.Header.Set("Content-Type", "application/json; charset=UTF-8")
	res, err := s.gatewayClient(ctx, gatewayTimeout).Do(req)
	if err != nil {
		return 0, nil, err
	}
	defer res.Body.Close()
	answer, err := io.ReadAll(io.LimitReader(res.Body, 1<<20))
	return res.StatusCode, answer, err
}

// gatewayClient is how this server calls a gateway. It never follows a
// redirect. In sandbox mode the gateway is this very server, so the client
// connects over loopback only: to the loopback address a URL names, or else
// to loopback on the port the current request came in on. Anything else is
// refused, so no URL can send the server's requests elsewhere.
func (s *Server) gatewayClient(ctx context.Context, timeout time.Duration) *http.Client {
	c := &http.Client{Timeout: timeout,
		CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}
	if !s.Gateways.Sandbox {
		return c
	}
	local, _ := ctx.Value(http.LocalAddrContextKey).(net.Addr)
	dialer := &net.Dialer{Timeout: 5 * time.Second}
	c.Transport = &http.Transport{
		DisableKeepAlives: true,
		DialContext: func(ctx context.Context, network, addr string) (net.Conn, error) {
			target, err := loopbackTarget(addr, local)
			if err != nil {
				return nil, err
			}
			return dialer.DialContext(ctx, "tcp", target)
		},
	}
	return c
}

// loopbackTarget is where the sandbox client connects for addr.
func loopbackTarget(addr string, local net.Addr) (string, error) {
	host, port, err := net.SplitHostPort(addr)
	if err != nil {
		return "", err
	}
	if host == "localhost" {
		return net.JoinHostPort("127.0.0.1", port), nil
	}
	if ip, err := netip.ParseAddr(host); err == nil {
		switch {
		case ip.IsLoopback():
			return addr, nil
		case ip.IsUnspecified() && ip.Is4():
			return net.JoinHostPort("127.0.0.1", port), nil
		case ip.IsUnspecified():
			return net.JoinHostPort("::1", port), nil
		}
	}
	if tcp, ok := local.(*net.TCPAddr); ok {
		if tcp.IP.IsLoopback() {
			return tcp.String(), nil
		}
		lo := "::1"
		if tcp.IP.To4() != nil {
			lo = "127.0.0.1"
		}
		return net.JoinHostPort(lo, strconv.Itoa(tcp.Port)), nil
	}
	return "", fmt.Errorf("sandbox: not connecting to %s: the sandbox gateways are reached over loopback only", addr)
}

// --- the sandbox gateways ---

var errSandboxRequest = apperr.New(apperr.Invalid, "sandbox_invalid_request", "",
	"Yêu cầu thanh toán không hợp lệ (sai chữ ký, sai mã đơn vị hoặc sai địa chỉ trả về).",
	"The payment request is not valid (bad signature, terminal or return address).")

type sandboxPage struct {
	base
	Gateway  string // VNPay or MoMo
	Merchant string
	Order    string
	Info     string
	Amount   int64
	Action   string
	Query    string // the signed request, posted back with the choice
	Expired  bool
}

// sandboxNumber is a random number of n digits, for transaction numbers
// that must not repeat across restarts of the sandbox.
func sandboxNumber(n int) string {
	max := new(big.Int).Exp(big.NewInt(10), big.NewInt(int64(n-1)), nil)
	v, err := rand.Int(rand.Reader, new(big.Int).Mul(max, big.NewInt(9)))
	if err != nil {
		panic(err)
	}
	return v.Add(v, max).String()
}

func hmacHex(h func() hash.Hash, key, data string) string {
	m := hmac.New(h, []byte(key))
	m.Write([]byte(data))
	return hex.EncodeToString(m.Sum(nil))
}

func hexEqual(a, b string) bool {
	x, err1 := hex.DecodeString(a)
	y, err2 := hex.DecodeString(b)
	return err1 == nil && err2 == nil && len(x) > 0 && hmac.Equal(x, y)
}

// vnpQuery is what VNPay hashes, played from the gateway's side: the
// non-empty vnp_* parameters sorted by name, each encoded as Java's
// URLEncoder does (letters, digits and "-._*" kept, ' ' as '+').
func vnpQuery(params map[string]string) string {
	keys := make([]string, 0, len(params))
	for k, v := range params {
		if v != "" && k != "vnp_SecureHash" && k != "vnp_SecureHashType" {
			keys = append(keys, k)
		}
	}
	sort.Strings(keys)
	var b strings.Builder
	esc := func(s string) {
		for i := range len(s) {
			switch c := s[i]; {
			case 'a' <= c && c <= 'z', 'A' <= c && c <= 'Z', '0' <= c && c <= '9', c == '-', c == '.', c == '_', c == '*':
				b.WriteByte(c)
			case c == ' ':
				b.WriteByte('+')
			default:
				fmt.Fprintf(&b, "%%%02X", c)
			}
		}
	}
	for i, k := range keys {
		if i > 0 {
			b.WriteByte('&')
		}
		esc(k)
		b.WriteByte('=')
		esc(params[k])
	}
	return b.String()
}

func vnpSignedQuery(secret string, params map[string]string) string {
	q := vnpQuery(params)
	return q + "&vnp_SecureHash=" + hmacHex(sha512.New, secret, q)
}

// sandboxVNPayOrder is a payment request the sandbox VNPay accepted.
type sandboxVNPayOrder struct {
	TxnRef, OrderInfo, RawAmount string
	Amount                       int64
	Expires                      time.Time
}

// sandboxVNPayOrder checks a payment URL's query as VNPay would: our
// signature, terminal and version, and that it sends the payer back to us.
func (s *Server) sandboxVNPayOrder(q url.Values) (sandboxVNPayOrder, error) {
	cfg := s.Gateways.VNPay
	params := map[string]string{}
	for k, vs := range q {
		if len(vs) != 1 {
			return sandboxVNPayOrder{}, errSandboxRequest
		}
		if strings.HasPrefix(k, "vnp_") {
			params[k] = vs[0]
		}
	}
	if !hexEqual(q.Get("vnp_SecureHash"), hmacHex(sha512.New, cfg.HashSecret, vnpQuery(params))) ||
		params["vnp_TmnCode"] != cfg.TmnCode || params["vnp_Version"] != vnpay.Version || params["vnp_Command"] != "pay" ||
		params["vnp_CurrCode"] != "VND" || params["vnp_ReturnUrl"] != cfg.ReturnURL {
		return sandboxVNPayOrder{}, errSandboxRequest
	}
	o := sandboxVNPayOrder{TxnRef: params["vnp_TxnRef"], OrderInfo: params["vnp_OrderInfo"], RawAmount: params["vnp_Amount"]}
	n, err := strconv.ParseInt(o.RawAmount, 10, 64)
	if err != nil || n <= 0 || n%100 != 0 || o.TxnRef == "" {
		return o, errSandboxRequest
	}
	o.Amount = n / 100
	if o.Expires, err = time.ParseInLocation(vnpTimeLayout, params["vnp_ExpireDate"], vn.Zone); err != nil {
		return o, errSandboxRequest
	}
	return o, nil
}

func (s *Server) sandboxVNPayPage(w http.ResponseWriter, r *http.Request) {
	o, err := s.sandboxVNPayOrder(r.URL.Query())
	if err != nil {
		s.pageError(w, r, err)
		return
	}
	s.render(w, r, http.StatusOK, "sandbox_gateway", sandboxPage{base: s.base(r, ""), Gateway: "VNPay",
		Merchant: s.Gateways.VNPay.TmnCode, Order: o.TxnRef, Info: o.OrderInfo, Amount: o.Amount,
		Action: "/sandbox/vnpay/pay", Query: r.URL.RawQuery, Expired: !s.Now().Before(o.Expires)})
}

// sandboxVNPayPay ends a sandbox payment as the tester chose: it sends VNPay's
// signed result to our IPN, server to server, then the browser to the
// return URL with the same parameters.
func (s *Server) sandboxVNPayPay(w http.ResponseWriter, r *http.Request) {
	o, result, ok := sandboxChoice(s, w, r, s.sandboxVNPayOrder)
	if !ok {
		return
	}
	now := s.Now()
	code, status := "00", "00"
	switch result {
	case "fail":
		code, status = "51", "02" // insufficient funds
	case "cancel":
		code, status = "24", "02" // the customer cancelled
	}
	if !now.Before(o.Expires) {
		code, status = "11", "02" // timed out
	}
	cfg := s.Gateways.VNPay
	params := map[string]string{
		"vnp_Amount": o.RawAmount, "vnp_BankCode": "NCB", "vnp_CardType": "ATM", "vnp_OrderInfo": o.OrderInfo,
		"vnp_PayDate": now.In(vn.Zone).Format(vnpTimeLayout), "vnp_ResponseCode": code, "vnp_TmnCode": cfg.TmnCode,
		"vnp_TransactionNo": "0", "vnp_TransactionStatus": status, "vnp_TxnRef": o.TxnRef,
	}
	if code == "00" {
		no := sandboxNumber(14)
		params["vnp_TransactionNo"], params["vnp_BankTranNo"] = no, "VNP"+no
		sandboxState.took(booking.VNPay+":"+no, o.Amount)
	}
	query := vnpSignedQuery(cfg.HashSecret, params)
	s.sandboxDeliver(r.Context(), http.MethodGet, s.Gateways.BaseURL+"/payments/vnpay/ipn?"+query, nil)
	http.Redirect(w, r, cfg.ReturnURL+"?"+query, http.StatusSeeOther)
}

// sandboxChoice reads a sandbox gateway's form: the payment request it
// showed (its query, checked again by order, since the form came back
// from the browser) and the tester's choice, pay, fail or cancel. It
// answers the browser itself when either is wrong.
func sandboxChoice[O any](s *Server, w http.ResponseWriter, r *http.Request, order func(url.Values) (O, error)) (O, string, bool) {
	var o O
	if err := parseForm(w, r); err != nil {
		s.pageError(w, r, err)
		return o, "", false
	}
	q, err := url.ParseQuery(r.PostForm.Get("q"))
	if err == nil {
		o, err = order(q)
	}
	result := r.PostForm.Get("result")
	if err != nil || (result != "pay" && result != "fail" && result != "cancel") {
		s.pageError(w, r, errSandboxRequest)
		return o, "", false
	}
	return o, result, true
}

// sandboxDeliver sends an IPN to this server as a gateway would, and logs
// the answer; like a gateway, it sends the browser back whatever happened.
func (s *Server) sandboxDeliver(ctx context.Context, method, u string, body []byte) {
	// A gateway delivers even if the payer's browser has gone.
	ctx, cancel := context.WithTimeout(context.WithoutCancel(ctx), ipnTimeout)
	defer cancel()
	req, err := http.NewRequestWithContext(ctx, method, u, bytes.NewReader(body))
	if err != nil {
		s.Log.ErrorContext(ctx, "sandbox ipn", "err", err)
		return
	}
	if body != nil {
		req.Header.Set("Content-Type", "application/json; charset=UTF-8")
	}
	res, err := s.gatewayClient(ctx, ipnTimeout).Do(req)
	if err != nil {
		s.Log.ErrorContext(ctx, "sandbox ipn", "request_id", requestID(ctx), "err", err)
		return
	}
	defer res.Body.Close()
	answer, _ := io.ReadAll(io.LimitReader(res.Body, 512))
	s.Log.InfoContext(ctx, "sandbox ipn delivered", "request_id", requestID(ctx), "status", res.StatusCode, "answer", strings.TrimSpace(string(answer)))
}

// momoSign is MoMo's signature, from the gateway's side: hex HMAC-SHA256
// over "key=value" pairs in alphabetical order of the keys, values raw.
func momoSign(secret string, fields map[string]string) string {
	keys := make([]string, 0, len(fields))
	for k := range fields {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	parts := make([]string, len(keys))
	for i, k := range keys {
		parts[i] = k + "=" + fields[k]
	}
	return hmacHex(sha256.New, secret, strings.Join(parts, "&"))
}

// sandboxMoMoCreate plays POST /v2/gateway/api/create: it checks the
// signature and answers the payUrl of the sandbox's payment page.
func (s *Server) sandboxMoMoCreate(w http.ResponseWriter, r *http.Request) {
	cfg := s.Gateways.MoMo
	var req momo.CreateRequest
	body, err := io.ReadAll(http.MaxBytesReader(w, r.Body, maxBody))
	if err == nil {
		err = json.Unmarshal(body, &req)
	}
	answer := func(code int, msg, payURL string) {
		encode(w, http.StatusOK, momo.CreateResponse{PartnerCode: req.PartnerCode, RequestID: req.RequestID, OrderID: req.OrderID,
			Amount: req.Amount, ResponseTime: s.Now().UnixMilli(), Message: msg, ResultCode: code, PayURL: payURL})
	}
	if err != nil {
		answer(20, "Bad format request.", "")
		return
	}
	want := momoSign(cfg.SecretKey, map[string]string{"accessKey": cfg.AccessKey, "amount": strconv.FormatInt(req.Amount, 10),
		"extraData": req.ExtraData, "ipnUrl": req.IPNURL, "orderId": req.OrderID, "orderInfo": req.OrderInfo,
		"partnerCode": req.PartnerCode, "redirectUrl": req.RedirectURL, "requestId": req.RequestID, "requestType": req.RequestType})
	base := s.Gateways.BaseURL
	switch {
	case req.PartnerCode != cfg.PartnerCode || !hexEqual(req.Signature, want):
		answer(13, "Merchant authentication failed.", "")
	case req.RequestType != momo.RequestTypeCaptureWallet || req.OrderID == "" || req.RequestID == "":
		answer(20, "Bad format request.", "")
	case req.IPNURL != base+"/payments/momo/ipn" || req.RedirectURL != base+"/payments/momo/return":
		// The sandbox only ever talks to this server.
		answer(20, "ipnUrl and redirectUrl must be this server's.", "")
	case req.Amount < momo.MinAmount || req.Amount > momo.MaxAmount:
		answer(22, "Amount out of range.", "")
	default:
		v := url.Values{"partnerCode": {req.PartnerCode}, "orderId": {req.OrderID}, "requestId": {req.RequestID},
			"amount": {strconv.FormatInt(req.Amount, 10)}, "orderInfo": {req.OrderInfo}, "extraData": {req.ExtraData}}
		v.Set("sig", sandboxMoMoSig(cfg.SecretKey, v))
		answer(0, "Thành công.", base+"/sandbox/momo/pay?"+v.Encode())
	}
}

// sandboxMoMoSig protects the sandbox payment page's parameters, as MoMo's
// own payment page is bound to the order it was created for.
func sandboxMoMoSig(secret string, v url.Values) string {
	c := url.Values{}
	for k, vs := range v {
		if k != "sig" {
			c[k] = vs
		}
	}
	return hmacHex(sha256.New, secret, "benxe-sandbox-momo-pay\n"+c.Encode())
}

type sandboxMoMoOrder struct {
	OrderID, RequestID, OrderInfo, ExtraData string
	Amount                                   int64
}

func (s *Server) sandboxMoMoOrder(q url.Values) (sandboxMoMoOrder, error) {
	cfg := s.Gateways.MoMo
	for _, vs := range q {
		if len(vs) != 1 {
			return sandboxMoMoOrder{}, errSandboxRequest
		}
	}
	if !hexEqual(q.Get("sig"), sandboxMoMoSig(cfg.SecretKey, q)) || q.Get("partnerCode") != cfg.PartnerCode {
		return sandboxMoMoOrder{}, errSandboxRequest
	}
	o := sandboxMoMoOrder{OrderID: q.Get("orderId"), RequestID: q.Get("requestId"), OrderInfo: q.Get("orderInfo"), ExtraData: q.Get("extraData")}
	var err error
	if o.Amount, err = strconv.ParseInt(q.Get("amount"), 10, 64); err != nil || o.Amount <= 0 {
		return o, errSandboxRequest
	}
	return o, nil
}

func (s *Server) sandboxMoMoPage(w http.ResponseWriter, r *http.Request) {
	o, err := s.sandboxMoMoOrder(r.URL.Query())
	if err != nil {
		s.pageError(w, r, err)
		return
	}
	s.render(w, r, http.StatusOK, "sandbox_gateway", sandboxPage{base: s.base(r, ""), Gateway: "MoMo",
		Merchant: s.Gateways.MoMo.PartnerCode, Order: o.OrderID, Info: o.OrderInfo, Amount: o.Amount,
		Action: "/sandbox/momo/pay", Query: r.URL.RawQuery})
}

// sandboxMoMoPay ends a sandbox MoMo payment as the tester chose: a signed
// IPN posted to our IPN URL, then the browser sent to the redirect URL.
func (s *Server) sandboxMoMoPay(w http.ResponseWriter, r *http.Request) {
	o, result, ok := sandboxChoice(s, w, r, s.sandboxMoMoOrder)
	if !ok {
		return
	}
	code, msg := 0, "Thành công."
	switch result {
	case "fail":
		code, msg = 1001, "Giao dịch thanh toán thất bại do tài khoản người dùng không đủ tiền."
	case "cancel":
		code, msg = 1006, "Giao dịch bị từ chối bởi người dùng."
	}
	cfg := s.Gateways.MoMo
	transID := sandboxNumber(13)
	if code == 0 {
		sandboxState.took(booking.MoMo+":"+transID, o.Amount)
	}
	f := map[string]string{
		"partnerCode": cfg.PartnerCode, "orderId": o.OrderID, "requestId": o.RequestID, "amount": strconv.FormatInt(o.Amount, 10),
		"orderInfo": o.OrderInfo, "orderType": "momo_wallet", "transId": transID, "resultCode": strconv.Itoa(code),
		"message": msg, "payType": "qr", "responseTime": strconv.FormatInt(s.Now().UnixMilli(), 10), "extraData": o.ExtraData,
	}
	signed := map[string]string{"accessKey": cfg.AccessKey}
	for k, v := range f {
		signed[k] = v
	}
	f["signature"] = momoSign(cfg.SecretKey, signed)
	ipn := map[string]any{}
	back := url.Values{}
	for k, v := range f {
		ipn[k] = v
		back.Set(k, v)
	}
	for _, k := range []string{"amount", "transId", "resultCode", "responseTime"} {
		ipn[k] = json.Number(f[k])
	}
	body, err := json.Marshal(ipn)
	if err != nil {
		s.pageError(w, r, err)
		return
	}
	s.sandboxDeliver(r.Context(), http.MethodPost, s.Gateways.BaseURL+"/payments/momo/ipn", body)
	http.Redirect(w, r, s.Gateways.BaseURL+"/payments/momo/return?"+back.Encode(), http.StatusSeeOther)
}

// sandboxBook is what the sandbox gateways remember while the process
// lives: the money they took, the refunds they made (so that a retried
// refund request gets the first answer again instead of a second refund),
// and faults a test asked for. No real money moves, so losing it on a
// restart is harmless.
type sandboxBook struct {
	mu       sync.Mutex
	taken    map[string]int64    // "vnpay:<TransactionNo>", "momo:<transId>" → đồng
	refunded map[string]int64    // same keys → đồng refunded so far
	answers  map[string][]byte   // refund request → the answer it got
	refunds  map[string]int      // booking code → refunds made
	faults   map[string][]string // booking code → faults for its next refund requests
}

var sandboxState = &sandboxBook{taken: map[string]int64{}, refunded: map[string]int64{}, answers: map[string][]byte{},
	refunds: map[string]int{}, faults: map[string][]string{}}

func (b *sandboxBook) took(key string, amount int64) {
	b.mu.Lock()
	defer b.mu.Unlock()
	b.taken[key] = amount
}

// sandboxRefundFault makes the sandbox answer the next refund request of a
// booking with a fault: "timeout" (the refund is made but the answer is
// lost: HTTP 504) or "fail" (refused). Tests use it; by hand, add
// ?fault=timeout or ?fault=fail to the refund API's URL.
func sandboxRefundFault(code, fault string) {
	sandboxState.mu.Lock()
	defer sandboxState.mu.Unlock()
	sandboxState.faults[code] = append(sandboxState.faults[code], fault)
}

// sandboxRefundsMade is how many refunds the sandbox made for a booking.
func sandboxRefundsMade(code string) int {
	sandboxState.mu.Lock()
	defer sandboxState.mu.Unlock()
	return sandboxState.refunds[code]
}

// refund decides a refund request once. key names the request (a retry
// has the same key), payment the refunded payment. It returns the answer
// to send, or nil for a lost answer (timeout).
func (b *sandboxBook) refund(key, payment, code string, amount int64, fault string, ok func() []byte, refuse func(reason string) []byte) []byte {
	b.mu.Lock()
	defer b.mu.Unlock()
	if a, seen := b.answers[key]; seen {
		return a
	}
	if fault == "" && len(b.faults[code]) > 0 {
		fault, b.faults[code] = b.faults[code][0], b.faults[code][1:]
	}
	if fault == "fail" {
		return refuse("refused by the sandbox (fault=fail)")
	}
	if taken, known := b.taken[payment]; known && b.refunded[payment]+amount > taken {
		return refuse("more than was paid")
	}
	b.refunded[payment] += amount
	b.refunds[code]++
	b.answers[key] = ok()
	if fault == "timeout" {
		return nil
	}
	return b.answers[key]
}

// vnpRefundResponseFields are the fields VNPay's refund answer hashes,
// joined by '|' (package vnpay, refund.go).
var vnpRefundResponseFields = []string{
	"vnp_ResponseId", "vnp_Command", "vnp_ResponseCode", "vnp_Message", "vnp_TmnCode",
	"vnp_TxnRef", "vnp_Amount", "vnp_BankCode", "vnp_PayDate", "vnp_TransactionNo",
	"vnp_TransactionType", "vnp_TransactionStatus", "vnp_OrderInfo",
}

// sandboxVNPayAPI plays VNPay's merchant_webapi/api/transaction for
// refunds: it checks the checksum and answers a signed result.
func (s *Server) sandboxVNPayAPI(w http.ResponseWriter, r *http.Request) {
	cfg := s.Gateways.VNPay
	var rb vnpay.RefundBody
	body, err := io.ReadAll(http.MaxBytesReader(w, r.Body, maxBody))
	if err == nil {
		err = json.Unmarshal(body, &rb)
	}
	now := s.Now()
	answer := func(code, msg, txnNo, status string) []byte {
		v := map[string]string{
			"vnp_ResponseId": sandboxNumber(12), "vnp_Command": "refund", "vnp_ResponseCode": code, "vnp_Message": msg,
			"vnp_TmnCode": cfg.TmnCode, "vnp_TxnRef": rb.TxnRef, "vnp_Amount": rb.Amount, "vnp_BankCode": "NCB",
			"vnp_PayDate": now.In(vn.Zone).Format(vnpTimeLayout), "vnp_TransactionNo": txnNo,
			"vnp_TransactionType": rb.TransactionType, "vnp_TransactionStatus": status, "vnp_OrderInfo": rb.OrderInfo,
		}
		if strings.Trim(rb.Amount, "0123456789") != "" {
			v["vnp_Amount"] = ""
		}
		parts := make([]string, len(vnpRefundResponseFields))
		for i, k := range vnpRefundResponseFields {
			parts[i] = v[k]
		}
		v["vnp_SecureHash"] = hmacHex(sha512.New, cfg.HashSecret, strings.Join(parts, "|"))
		out, _ := json.Marshal(v)
		return out
	}
	reply := func(b []byte) {
		if b == nil {
			http.Error(w, "gateway timeout (sandbox fault)", http.StatusGatewayTimeout)
			return
		}
		w.Header().Set("Content-Type", "application/json; charset=utf-8")
		w.Write(b)
	}
	if err != nil {
		reply(answer("03", "Invalid data format", "", ""))
		return
	}
	want := hmacHex(sha512.New, cfg.HashSecret, strings.Join([]string{rb.RequestID, rb.Version, rb.Command, rb.TmnCode,
		rb.TransactionType, rb.TxnRef, rb.Amount, rb.TransactionNo, rb.TransactionDate, rb.CreateBy, rb.CreateDate,
		rb.IPAddr, rb.OrderInfo}, "|"))
	amount, aerr := strconv.ParseInt(rb.Amount, 10, 64)
	switch {
	case !hexEqual(rb.SecureHash, want):
		reply(answer("97", "Invalid checksum", "", ""))
		return
	case rb.TmnCode != cfg.TmnCode:
		reply(answer("02", "Invalid TmnCode", "", ""))
		return
	case rb.Command != "refund" || aerr != nil || amount <= 0 || amount%100 != 0 || rb.RequestID == "" || rb.TransactionNo == "":
		reply(answer("03", "Invalid data format", "", ""))
		return
	}
	code, _, _ := parseVNPayTxnRef(rb.TxnRef)
	reply(sandboxState.refund(booking.VNPay+":"+rb.TmnCode+":"+rb.RequestID, booking.VNPay+":"+rb.TransactionNo, code, amount/100,
		r.URL.Query().Get("fault"),
		func() []byte { return answer("00", "Refund success", sandboxNumber(14), "06") },
		func(reason string) []byte { return answer("95", "Refund failed: "+reason, "", "") }))
}

// momoRefundAnswer is MoMo's answer to a refund request.
type momoRefundAnswer struct {
	PartnerCode  string `json:"partnerCode"`
	OrderID      string `json:"orderId"`
	RequestID    string `json:"requestId"`
	Amount       int64  `json:"amount"`
	TransID      int64  `json:"transId"`
	ResultCode   int    `json:"resultCode"`
	Message      string `json:"message"`
	ResponseTime int64  `json:"responseTime"`
}

// sandboxMoMoRefund plays POST /v2/gateway/api/refund.
func (s *Server) sandboxMoMoRefund(w http.ResponseWriter, r *http.Request) {
	cfg := s.Gateways.MoMo
	var req momo.RefundRequest
	body, err := io.ReadAll(http.MaxBytesReader(w, r.Body, maxBody))
	if err == nil {
		err = json.Unmarshal(body, &req)
	}
	answer := func(code int, msg string, transID int64) []byte {
		out, _ := json.Marshal(momoRefundAnswer{PartnerCode: req.PartnerCode, OrderID: req.OrderID, RequestID: req.RequestID,
			Amount: req.Amount, TransID: transID, ResultCode: code, Message: msg, ResponseTime: s.Now().UnixMilli()})
		return out
	}
	reply := func(b []byte) {
		if b == nil {
			http.Error(w, "gateway timeout (sandbox fault)", http.StatusGatewayTimeout)
			return
		}
		w.Header().Set("Content-Type", "application/json; charset=utf-8")
		w.Write(b)
	}
	if err != nil {
		reply(answer(20, "Bad format request.", 0))
		return
	}
	want := momoSign(cfg.SecretKey, map[string]string{"accessKey": cfg.AccessKey, "amount": strconv.FormatInt(req.Amount, 10),
		"description": req.Description, "orderId": req.OrderID, "partnerCode": req.PartnerCode, "requestId": req.RequestID,
		"transId": strconv.FormatInt(req.TransID, 10)})
	switch {
	case req.PartnerCode != cfg.PartnerCode || !hexEqual(req.Signature, want):
		reply(answer(13, "Merchant authentication failed.", 0))
		return
	case req.Amount < momo.MinAmount || req.Amount > momo.MaxAmount || req.TransID <= 0 || req.OrderID == "" || req.RequestID == "":
		reply(answer(20, "Bad format request.", 0))
		return
	}
	reply(sandboxState.refund(booking.MoMo+":"+req.PartnerCode+":"+req.RequestID, booking.MoMo+":"+strconv.FormatInt(req.TransID, 10),
		momoOrderCode(req.OrderID), req.Amount, r.URL.Query().Get("fault"),
		func() []byte {
			n, _ := strconv.ParseInt(sandboxNumber(13), 10, 64)
			return answer(0, "Thành công.", n)
		},
		func(reason string) []byte { return answer(1080, "Hoàn tiền thất bại: "+reason, 0) }))
}

// sandboxOnly serves h in sandbox mode; otherwise the sandbox does not exist.
func (s *Server) sandboxOnly(h http.HandlerFunc) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		if !s.Gateways.Sandbox {
			s.pageError(w, r, errPageNotFound)
			return
		}
		h(w, r)
	}
}

package web

import (
	"bytes"
	"context"
	"crypto/hmac"
	"crypto/rand"
	"crypto/sha256"
	"crypto/sha512"
	"encoding/binary"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/url"
	"slices"
	"strconv"
	"strings"
	"syscall"
	"time"
	"unicode/utf8"

	"github.com/benxe/benxe/internal/apperr"
	"github.com/benxe/benxe/internal/booking"
	"github.com/benxe/benxe/internal/payment/casso"
	"github.com/benxe/benxe/internal/payment/match"
	"github.com/benxe/benxe/internal/payment/sepay"
	"github.com/benxe/benxe/internal/store"
	"github.com/benxe/benxe/internal/vn"
)

// Bank transfers: the SePay and Casso webhooks that report money arriving
// on an operator's account, the sandbox bank that plays them, and the
// passenger's side — what a booking received, and the account a refund
// is paid back to.

// Providers of bank-transfer feeds, as recorded on payments.
const (
	providerSePay = "sepay"
	providerCasso = "casso"
)

// cassoMaxAge is how old a Casso signature may be: older deliveries are
// replays (or a clock far off) and are refused.
const cassoMaxAge = 5 * time.Minute

// maxContent bounds the transfer content kept for the operator; banks cut
// it to a few hundred characters anyway.
const maxContent = 500

// --- webhooks ---

// webhookReply is the body of a handled Casso delivery (SePay's is
// sepay.Reply).
const webhookReply = `{"success":true}`

// bankTransfer is a verified bank feed delivery, whichever provider sent it.
type bankTransfer struct {
	provider string
	ref      string
	amount   int64
	incoming bool
	content  string
	code     string // a code the provider itself recognised, if any
}

func (s *Server) webhookSePay(w http.ResponseWriter, r *http.Request) {
	auth := s.Gateways.SePay
	if auth.APIKey == "" && auth.HMACSecret == "" {
		s.webhookRefuse(w, r, providerSePay, http.StatusNotFound, "webhook_off", "SePay is not configured", errWebhookOff)
		return
	}
	body, ok := s.webhookBody(w, r, providerSePay)
	if !ok {
		return
	}
	h := sepay.Headers{Authorization: r.Header.Get(sepay.AuthorizationHeader),
		Signature: r.Header.Get(sepay.SignatureHeader), Timestamp: r.Header.Get(sepay.TimestampHeader)}
	t, err := sepay.Verify(auth, h, body, s.Now())
	switch {
	case errors.Is(err, sepay.ErrStale):
		s.webhookRefuse(w, r, providerSePay, http.StatusUnauthorized, "stale_signature", err.Error(), errStaleSignature)
		return
	case errors.Is(err, sepay.ErrUnauthorized):
		s.webhookRefuse(w, r, providerSePay, http.StatusUnauthorized, "bad_signature", err.Error(), errBadSignature)
		return
	case err != nil:
		s.webhookRefuse(w, r, providerSePay, http.StatusBadRequest, "bad_body", err.Error(), badWebhookBody(err))
		return
	}
	s.receiveTransfer(w, r, bankTransfer{provider: providerSePay, ref: strconv.FormatInt(t.ID, 10), amount: t.TransferAmount,
		incoming: t.Incoming(), content: t.Content, code: t.Code}, sepay.Reply)
}

func (s *Server) webhookCasso(w http.ResponseWriter, r *http.Request) {
	secret := s.Gateways.CassoSecret
	if secret == "" {
		s.webhookRefuse(w, r, providerCasso, http.StatusNotFound, "webhook_off", "Casso is not configured", errWebhookOff)
		return
	}
	body, ok := s.webhookBody(w, r, providerCasso)
	if !ok {
		return
	}
	hook, err := casso.Verify(secret, r.Header.Get(casso.SignatureHeader), body, s.Now(), cassoMaxAge)
	switch {
	case errors.Is(err, casso.ErrStale):
		s.webhookRefuse(w, r, providerCasso, http.StatusUnauthorized, "stale_signature", err.Error(), errStaleSignature)
		return
	case errors.Is(err, casso.ErrSignature):
		s.webhookRefuse(w, r, providerCasso, http.StatusUnauthorized, "bad_signature", err.Error(), errBadSignature)
		return
	case err != nil:
		s.webhookRefuse(w, r, providerCasso, http.StatusBadRequest, "bad_body", err.Error(), badWebhookBody(err))
		return
	}
	d := hook.Data
	s.receiveTransfer(w, r, bankTransfer{provider: providerCasso, ref: strconv.FormatInt(d.ID, 10), amount: d.Amount,
		incoming: d.Incoming(), content: d.Description}, webhookReply)
}

var (
	errWebhookOff = apperr.New(apperr.NotFound, "webhook_off", "",
		"Nhà cung cấp này chưa được cấu hình.", "This provider is not configured.")
	errBadSignature = apperr.New(apperr.Invalid, "bad_signature", "",
		"Chữ ký hoặc khóa API không hợp lệ.", "The signature or API key is missing or wrong.")
	errStaleSignature = apperr.New(apperr.Invalid, "stale_signature", "",
		"Chữ ký đã quá hạn (quá 5 phút).", "The signature's timestamp is more than 5 minutes off.")
)

func badWebhookBody(err error) error {
	return apperr.Field("body", "bad_body", "Nội dung webhook không hợp lệ: "+err.Error(), "The webhook body is not valid: "+err.Error())
}

// webhookBody reads a delivery's body, at most maxBody bytes.
func (s *Server) webhookBody(w http.ResponseWriter, r *http.Request, provider string) ([]byte, bool) {
	body, err := io.ReadAll(http.MaxBytesReader(w, r.Body, maxBody))
	if err != nil {
		s.webhookRefuse(w, r, provider, http.StatusRequestEntityTooLarge, "body_too_large", err.Error(),
			apperr.Field("body", "body_too_large", "Nội dung yêu cầu quá lớn.", "The request body is too large."))
		return nil, false
	}
	return body, true
}

// webhookRefuse answers a delivery that is not taken, and logs why (never
// a header's value).
func (s *Server) webhookRefuse(w http.ResponseWriter, r *http.Request, provider string, status int, reason, detail string, err error) {
	ctx := r.Context()
	s.Log.WarnContext(ctx, "bank webhook refused", "request_id", requestID(ctx), "provider", provider,
		"status", status, "reason", reason, "detail", detail)
	_, d := s.errorOf(r, err)
	if status == http.StatusUnauthorized {
		w.Header().Set("WWW-Authenticate", `Signature realm="benxe webhooks"`)
	}
	encode(w, status, errorBody{d})
}

// receiveTransfer records a verified delivery. Only money coming in
// counts; an outgoing transfer is acknowledged and ignored, so that the
// provider does not retry it. A replay gets the same success answer and
// changes nothing: the store keeps one payment per provider transaction.
func (s *Server) receiveTransfer(w http.ResponseWriter, r *http.Request, t bankTransfer, reply string) {
	ctx := r.Context()
	if !t.incoming {
		s.Log.InfoContext(ctx, "bank transfer", "request_id", requestID(ctx), "provider", t.provider, "ref", t.ref,
			"outcome", "ignored_outgoing")
		webhookOK(w, reply)
		return
	}
	if t.amount <= 0 {
		s.webhookRefuse(w, r, t.provider, http.StatusBadRequest, "bad_amount", strconv.FormatInt(t.amount, 10),
			apperr.Field("amount", "invalid_amount", "Số tiền phải lớn hơn 0.", "The amount must be positive."))
		return
	}
	out, err := s.Store.ReceivePayment(ctx, store.Incoming{Provider: t.provider, Ref: t.ref,
		Candidates: transferCandidates(t.code, t.content), Amount: t.amount, Content: clipBytes(t.content, maxContent)}, s.Now())
	if err != nil {
		// 5xx makes the provider deliver again later; bad input will not
		// get better, so it is a 400.
		s.Log.WarnContext(ctx, "bank transfer not recorded", "request_id", requestID(ctx), "provider", t.provider, "ref", t.ref, "err", err)
		s.apiError(w, r, err)
		return
	}
	s.Log.InfoContext(ctx, "bank transfer", "request_id", requestID(ctx), "provider", t.provider, "ref", t.ref,
		"outcome", out.Result, "duplicate", out.Duplicate, "code", out.Code, "status", out.Status, "amount", t.amount)
	webhookOK(w, reply)
}

func webhookOK(w http.ResponseWriter, reply string) {
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.WriteHeader(http.StatusOK)
	io.WriteString(w, reply)
}

// transferCandidates are the booking codes a transfer may name, best
// first: the code the provider recognised, then those in the content.
func transferCandidates(code, content string) []string {
	out := match.Candidates(code)
	for _, c := range match.Candidates(content) {
		if !slices.Contains(out, c) {
			out = append(out, c)
		}
	}
	return out
}

// clipBytes cuts s to at most n bytes on a character boundary.
func clipBytes(s string, n int) string {
	if len(s) <= n {
		return s
	}
	for n > 0 && !utf8.RuneStart(s[n]) {
		n--
	}
	return s[:n]
}

// --- signing, as the providers do (the sandbox bank and the tests) ---

// cassoSign is the X-Casso-Signature of body signed at ts.
func cassoSign(secret string, ts time.Time, body []byte) (string, error) {
	canon, err := casso.Canonical(body)
	if err != nil {
		return "", err
	}
	t := strconv.FormatInt(ts.UnixMilli(), 10)
	m := hmac.New(sha512.New, []byte(secret))
	m.Write([]byte(t + "."))
	m.Write(canon)
	return "t=" + t + ",v1=" + hex.EncodeToString(m.Sum(nil)), nil
}

// sepayAuthorize sets the headers SePay sends in auth's mode.
func sepayAuthorize(h http.Header, auth sepay.Auth, ts time.Time, body []byte) {
	if auth.APIKey != "" {
		h.Set(sepay.AuthorizationHeader, "Apikey "+auth.APIKey)
		return
	}
	t := strconv.FormatInt(ts.Unix(), 10)
	m := hmac.New(sha256.New, []byte(auth.HMACSecret))
	m.Write([]byte(t + "."))
	m.Write(body)
	h.Set(sepay.TimestampHeader, t)
	h.Set(sepay.SignatureHeader, "sha256="+hex.EncodeToString(m.Sum(nil)))
}

// sepayBody is a SePay delivery of an incoming transfer.
func sepayBody(id, amount int64, content string, at time.Time) []byte {
	b, _ := json.Marshal(map[string]any{
		"id": id, "gateway": "Vietcombank", "transactionDate": at.In(vn.Zone).Format(time.DateTime),
		"accountNumber": "0071000888999", "code": nil, "content": content, "transferType": "in",
		"transferAmount": amount, "accumulated": 0, "subAccount": nil,
		"referenceCode": fmt.Sprintf("FT%d", id), "description": "BankAPINotify " + content,
	})
	return b
}

// cassoBody is a Casso v2 delivery of an incoming transfer.
func cassoBody(id, amount int64, content string, at time.Time) []byte {
	b, _ := json.Marshal(map[string]any{"error": 0, "data": map[string]any{
		"id": id, "reference": fmt.Sprintf("FT%d", id), "description": content, "amount": amount,
		"runningBalance": 0, "transactionDateTime": at.In(vn.Zone).Format(time.DateTime),
		"accountNumber": "0071000888999", "bankName": "Vietcombank", "bankAbbreviation": "VCB",
		"virtualAccountNumber": "", "virtualAccountName": "", "counterAccountName": "NGUYEN VAN A",
		"counterAccountNumber": "0123456789", "counterAccountBankId": "970436", "counterAccountBankName": "Vietcombank",
	}})
	return b
}

// --- the sandbox bank ---

type sandboxBankPage struct {
	base
	Amount, Content, Provider, Token string
	Providers                        []option
	Result                           *sandboxResult
}

// sandboxResult is what became of a sandbox transfer.
type sandboxResult struct {
	Provider   string
	Ref        string
	Status     int    // the webhook's HTTP status
	Answer     string // the webhook's answer, when it was not a success
	Outcome    string // the payment's outcome, when recorded
	Code       string // the booking it went to
	BookingURL string // its page, for whoever came from it
}

// sandboxOn answers 404 for the sandbox's pages when it is off.
func (s *Server) sandboxOn(w http.ResponseWriter, r *http.Request) bool {
	if !s.Gateways.Sandbox {
		s.pageError(w, r, errPageNotFound)
		return false
	}
	return true
}

func (s *Server) sandboxProviders(lang, chosen string) []option {
	return []option{
		{Value: providerSePay, Label: "SePay", Hint: tr(lang, "sandbox_sepay_hint"), Selected: chosen != providerCasso},
		{Value: providerCasso, Label: "Casso", Hint: tr(lang, "sandbox_casso_hint"), Selected: chosen == providerCasso},
	}
}

func (s *Server) pageSandboxBank(w http.ResponseWriter, r *http.Request) {
	if !s.sandboxOn(w, r) {
		return
	}
	q := r.URL.Query()
	pg := sandboxBankPage{base: s.base(r, ""), Amount: clipBytes(q.Get("amount"), 20), Content: clipBytes(q.Get("content"), 200),
		Provider: q.Get("provider"), Token: clipBytes(q.Get("t"), 64)}
	pg.Providers = s.sandboxProviders(pg.Lang, pg.Provider)
	s.render(w, r, http.StatusOK, "sandbox_bank", pg)
}

// maxSandboxAmount bounds a sandbox transfer: a billion đồng.
const maxSandboxAmount = 1_000_000_000

// parseDong reads an amount of đồng as people type it: "350000",
// "350.000", "350 000đ".
func parseDong(s string) (int64, error) {
	digits := strings.Map(func(r rune) rune {
		switch r {
		case '.', ',', ' ', 'đ', 'Đ':
			return -1
		}
		return r
	}, strings.TrimSpace(s))
	if digits == "" {
		return 0, apperr.Field("amount", "required", "Vui lòng nhập số tiền.", "Please enter the amount.")
	}
	v, err := strconv.ParseInt(digits, 10, 64)
	if err != nil || v <= 0 || v > maxSandboxAmount {
		return 0, apperr.Field("amount", "invalid_amount", "Số tiền phải là số đồng từ 1 đến 1.000.000.000.",
			"The amount must be a whole number of đồng from 1 to 1,000,000,000.")
	}
	return v, nil
}

func (s *Server) pageSandboxBankSubmit(w http.ResponseWriter, r *http.Request) {
	if !s.sandboxOn(w, r) {
		return
	}
	if err := parseForm(w, r); err != nil {
		s.pageError(w, r, err)
		return
	}
	f := r.PostForm
	pg := sandboxBankPage{base: s.base(r, "/sandbox/bank"), Amount: clipBytes(f.Get("amount"), 20), Content: clipBytes(f.Get("content"), 200),
		Provider: f.Get("provider"), Token: clipBytes(f.Get("t"), 64)}
	pg.Providers = s.sandboxProviders(pg.Lang, pg.Provider)
	status := http.StatusOK
	amount, err := parseDong(pg.Amount)
	if err != nil {
		status = s.showError(r, &pg.base, err, "amount")
	}
	if utf8.RuneCountInString(strings.TrimSpace(pg.Content)) > 140 {
		status = max(status, s.showError(r, &pg.base, apperr.Field("content", "too_long",
			"Nội dung chuyển khoản tối đa 140 ký tự.", "The transfer content can have at most 140 characters."), "content"))
	}
	if pg.Provider != providerSePay && pg.Provider != providerCasso {
		status = max(status, s.showError(r, &pg.base, apperr.Field("provider", "required",
			"Vui lòng chọn SePay hoặc Casso.", "Please choose SePay or Casso."), "provider"))
	}
	if status != http.StatusOK {
		s.render(w, r, status, "sandbox_bank", pg)
		return
	}
	res, err := s.sandboxTransfer(r.Context(), pg.Provider, amount, strings.TrimSpace(pg.Content))
	if err != nil {
		s.Log.ErrorContext(r.Context(), "sandbox bank", "request_id", requestID(r.Context()), "err", err)
		pg.Alert = tr(pg.Lang, "sandbox_failed")
		s.render(w, r, http.StatusBadGateway, "sandbox_bank", pg)
		return
	}
	if res.Code != "" && s.validToken(res.Code, pg.Token) {
		res.BookingURL = "/bookings/" + res.Code + "?t=" + pg.Token
	}
	pg.Result = &res
	s.render(w, r, http.StatusOK, "sandbox_bank", pg)
}

// sandboxTransfer plays the provider: it posts a correctly signed delivery
// of an incoming transfer to this server's own webhook, as the provider
// would, and reads back what became of it.
func (s *Server) sandboxTransfer(ctx context.Context, provider string, amount int64, content string) (sandboxResult, error) {
	res := sandboxResult{Provider: provider}
	base, err := loopbackBase(s.Gateways.BaseURL)
	if err != nil {
		return res, err
	}
	var b [8]byte
	rand.Read(b[:])
	id := int64(binary.BigEndian.Uint64(b[:]) >> 12) // positive, and exact in a JSON number
	res.Ref = strconv.FormatInt(id, 10)
	now := s.Now()
	var body []byte
	h := http.Header{"Content-Type": {"application/json"}}
	switch provider {
	case providerSePay:
		body = sepayBody(id, amount, content, now)
		sepayAuthorize(h, s.Gateways.SePay, now, body)
	case providerCasso:
		body = cassoBody(id, amount, content, now)
		sig, err := cassoSign(s.Gateways.CassoSecret, now, body)
		if err != nil {
			return res, err
		}
		h.Set(casso.SignatureHeader, sig)
	default:
		return res, fmt.Errorf("sandbox bank: unknown provider %q", provider)
	}
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, base+"/webhooks/"+provider, bytes.NewReader(body))
	if err != nil {
		return res, err
	}
	req.Header = h
	if id := requestID(ctx); id != "" {
		req.Header.Set("X-Request-Id", id+"-bank")
	}
	resp, err := sandboxClient.Do(req)
	if err != nil {
		return res, err
	}
	defer resp.Body.Close()
	answer, _ := io.ReadAll(io.LimitReader(resp.Body, 4096))
	res.Status = resp.StatusCode
	if resp.StatusCode != http.StatusOK {
		res.Answer = string(answer)
		return res, nil
	}
	p, err := s.Store.PaymentByRef(ctx, provider, res.Ref)
	if apperr.KindOf(err) == apperr.NotFound {
		return res, nil // an outgoing transfer, say: nothing recorded
	}
	if err != nil {
		return res, err
	}
	res.Outcome, res.Code = p.Outcome, p.BookingCode
	return res, nil
}

var errNotLoopback = errors.New("sandbox bank: the base URL is not on this machine (loopback only)")

// loopbackBase checks that the server's base URL is on this machine and
// returns it without a trailing slash: the sandbox bank posts there and
// nowhere else.
func loopbackBase(raw string) (string, error) {
	u, err := url.Parse(raw)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.User != nil {
		return "", errNotLoopback
	}
	host := u.Hostname()
	if ip := net.ParseIP(host); (ip == nil || !ip.IsLoopback()) && host != "localhost" {
		return "", errNotLoopback
	}
	return strings.TrimSuffix(u.Scheme+"://"+u.Host+u.Path, "/"), nil
}

// sandboxClient posts the sandbox bank's deliveries. It connects to
// loopback addresses only (whatever a name resolves to), ignores proxy
// settings and follows no redirects.
var sandboxClient = &http.Client{
	Timeout: 15 * time.Second,
	Transport: &http.Transport{
		Proxy: nil,
		DialContext: (&net.Dialer{Timeout: 5 * time.Second, Control: func(_, address string, _ syscall.RawConn) error {
			host, _, err := net.SplitHostPort(address)
			if ip := net.ParseIP(host); err != nil || ip == nil || !ip.IsLoopback() {
				return errNotLoopback
			}
			return nil
		}}).DialContext,
		MaxIdleConns:    4,
		IdleConnTimeout: 30 * time.Second,
	},
	CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse },
}

// --- the passenger's side ---

// bankPart is what the booking page shows of bank transfers: money
// received so far, the sandbox, and a refund owed with the account it is
// to be paid to.
type bankPart struct {
	Received, Missing int64
	SandboxURL        string
	Refund            *refundPart
}

type refundPart struct {
	Owed    int64  // still to be paid back
	Account string // where, as given; "" until the passenger says
	Banks   []option
	Form    refundForm
}

// refundForm is the refund account form as typed.
type refundForm struct {
	BIN, Number, Holder string
}

// refundFormKey carries a refund account form that failed validation to
// the booking page, so that its errors show in place.
type refundFormKey struct{}

type refundFormState struct {
	form refundForm
	errs map[string]string
}

// addBankPart fills the booking page's bank transfer parts. The page
// shows without them if they cannot be read.
func (s *Server) addBankPart(r *http.Request, b booking.Booking, pg *bookingPage) {
	ctx := r.Context()
	m, err := s.Store.BookingMoney(ctx, b.Code)
	if err != nil {
		s.Log.ErrorContext(ctx, "booking money", "request_id", requestID(ctx), "code", b.Code, "err", err)
		return
	}
	part := bankPart{}
	pending := b.Status == booking.PendingPayment
	due := b.Total
	if pending && m.Paid > 0 && m.Paid < b.Total {
		part.Received, part.Missing = m.Paid, b.Total-m.Paid
		due = part.Missing
	}
	if s.Gateways.Sandbox && pending && b.PaymentMethod == booking.BankTransfer {
		part.SandboxURL = "/sandbox/bank?" + url.Values{"amount": {strconv.FormatInt(due, 10)}, "content": {b.Code},
			"t": {pg.Token}}.Encode()
	}
	var owed int64
	account := ""
	for _, rf := range m.Refunds {
		if rf.Status == store.RefundPending && bankRefund(rf.Provider, b.PaymentMethod) {
			owed += rf.Amount
			account = rf.Account
		}
	}
	if owed > 0 {
		rp := &refundPart{Owed: owed, Account: accountText(account)}
		form := refundForm{}
		if bin, rest, ok := strings.Cut(account, " "); ok {
			form.BIN = bin
			form.Number, form.Holder, _ = strings.Cut(rest, " ")
		}
		if st, ok := ctx.Value(refundFormKey{}).(*refundFormState); ok {
			form = st.form
			if pg.Errs == nil {
				pg.Errs = map[string]string{}
			}
			for k, v := range st.errs {
				pg.Errs[k] = v
			}
		}
		rp.Form = form
		rp.Banks = bankOptions(pg.Lang, form.BIN)
		part.Refund = rp
	}
	pg.Bank = part
}

// bankRefund says whether a refund is paid back by bank transfer, and so
// needs the passenger's account: money from a bank feed, or owed on a
// bank-transfer booking. Card and wallet refunds go back the way they came.
func bankRefund(provider, method string) bool {
	switch provider {
	case providerSePay, providerCasso:
		return true
	case booking.VNPay, booking.MoMo, "zalopay":
		return false
	}
	return method == booking.BankTransfer
}

// bankOptions are the banks a refund can be paid to, by name.
func bankOptions(lang, chosen string) []option {
	bins := make([]string, 0, len(bankNames))
	for bin := range bankNames {
		bins = append(bins, bin)
	}
	slices.SortFunc(bins, func(a, b string) int { return strings.Compare(bankNames[a], bankNames[b]) })
	out := []option{{Value: "", Label: tr(lang, "choose_bank"), Selected: chosen == ""}}
	for _, bin := range bins {
		out = append(out, option{Value: bin, Label: bankNames[bin] + " (" + bin + ")", Selected: bin == chosen})
	}
	return out
}

// accountText shows a stored refund account, "970436 0123456789 NGUYEN
// VAN A", as people read it.
func accountText(account string) string {
	bin, rest, ok := strings.Cut(account, " ")
	if !ok {
		return account
	}
	number, holder, _ := strings.Cut(rest, " ")
	name := bankNames[bin]
	if name == "" {
		name = bin
	}
	return name + " · " + number + " · " + holder
}

// validate checks a refund account form and returns it normalised, or
// the errors of each field in lang.
func (f refundForm) validate(lang string) (refundForm, map[string]string) {
	errs := map[string]string{}
	f.BIN = strings.TrimSpace(f.BIN)
	switch {
	case f.BIN == "":
		errs["bank_bin"] = pick(lang, "Vui lòng chọn ngân hàng.", "Please choose the bank.")
	case len(f.BIN) != 6 || strings.Trim(f.BIN, "0123456789") != "":
		errs["bank_bin"] = pick(lang, "Mã ngân hàng (BIN) gồm 6 chữ số.", "A bank BIN has 6 digits.")
	case bankNames[f.BIN] == "":
		errs["bank_bin"] = pick(lang, "Chưa hỗ trợ hoàn tiền về ngân hàng này; vui lòng chọn ngân hàng trong danh sách.",
			"Refunds to this bank are not supported yet; please choose a bank from the list.")
	}
	f.Number = strings.Map(func(r rune) rune {
		if r == ' ' || r == '.' || r == '-' {
			return -1
		}
		return r
	}, strings.TrimSpace(f.Number))
	switch {
	case f.Number == "":
		errs["account_number"] = pick(lang, "Vui lòng nhập số tài khoản.", "Please enter the account number.")
	case len(f.Number) < 6 || len(f.Number) > 19 || strings.Trim(f.Number, "0123456789") != "":
		errs["account_number"] = pick(lang, "Số tài khoản gồm 6 đến 19 chữ số.", "An account number has 6 to 19 digits.")
	}
	// Banks hold names in capitals without diacritics: "NGUYEN VAN A".
	f.Holder = strings.ToUpper(strings.Join(strings.Fields(vn.Fold(f.Holder)), " "))
	switch {
	case f.Holder == "":
		errs["account_holder"] = pick(lang, "Vui lòng nhập tên chủ tài khoản.", "Please enter the account holder's name.")
	case len(f.Holder) > 50 || strings.Trim(f.Holder, "ABCDEFGHIJKLMNOPQRSTUVWXYZ ") != "":
		errs["account_holder"] = pick(lang, "Tên chủ tài khoản chỉ gồm chữ cái, tối đa 50 ký tự, như trên thẻ ngân hàng.",
			"The account holder's name has letters only, at most 50, as on the bank card.")
	}
	return f, errs
}

func (s *Server) pageRefundAccount(w http.ResponseWriter, r *http.Request) {
	err := parseForm(w, r)
	var b booking.Booking
	if err == nil {
		b, err = s.tokenBooking(r, r.PostForm.Get("t"))
	}
	if err != nil {
		s.pageError(w, r, err)
		return
	}
	pf := r.PostForm
	form, errs := refundForm{BIN: clipBytes(pf.Get("bank_bin"), 20), Number: clipBytes(pf.Get("account_number"), 40),
		Holder: clipBytes(pf.Get("account_holder"), 200)}.validate(langOf(r))
	if len(errs) > 0 {
		typed := refundForm{BIN: pf.Get("bank_bin"), Number: clipBytes(pf.Get("account_number"), 40), Holder: clipBytes(pf.Get("account_holder"), 200)}
		r = r.WithContext(context.WithValue(r.Context(), refundFormKey{}, &refundFormState{form: typed, errs: errs}))
		s.renderBooking(statusWriterOf(w, http.StatusBadRequest), r, b, nil)
		return
	}
	if _, err := s.Store.SetBookingRefundAccount(r.Context(), b.Code, form.BIN+" "+form.Number+" "+form.Holder, s.Now()); err != nil {
		s.renderBooking(w, r, b, err)
		return
	}
	s.Log.InfoContext(r.Context(), "refund account given", "request_id", requestID(r.Context()), "code", b.Code)
	http.Redirect(w, r, "/bookings/"+b.Code+"?t="+s.bookingToken(b.Code)+"#refund", http.StatusSeeOther)
}

// statusWriterOf answers with status where the page would answer 200.
func statusWriterOf(w http.ResponseWriter, status int) http.ResponseWriter {
	return &forcedStatus{ResponseWriter: w, status: status}
}

type forcedStatus struct {
	http.ResponseWriter
	status int
}

func (w *forcedStatus) WriteHeader(code int) {
	if code == http.StatusOK {
		code = w.status
	}
	w.ResponseWriter.WriteHeader(code)
}

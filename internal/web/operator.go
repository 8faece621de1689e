package web

import (
	"crypto/hmac"
	"crypto/sha256"
	"crypto/subtle"
	"encoding/hex"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"time"

	"github.com/benxe/benxe/internal/apperr"
	"github.com/benxe/benxe/internal/booking"
	"github.com/benxe/benxe/internal/store"
	"github.com/benxe/benxe/internal/vn"
)

// The operator's side of the money: an API under /api/v1/operator/ and a
// reconciliation page under /operator/, both behind one token
// (--operator-token, BENXE_OPERATOR_TOKEN). The API takes it as a bearer
// token; the page asks for it once and keeps a cookie derived from it. No
// token configured: every one of these routes is 404.

// operatorActor is who the booking history says acted through the API.
const operatorActor = "operator:api"

// operatorCookie holds a page session: an HMAC of the token, so the cookie
// never carries the token itself and stops working when it changes.
const operatorCookie = "benxe_operator"

func (s *Server) operatorSession() string {
	m := hmac.New(sha256.New, []byte(s.OperatorToken))
	m.Write([]byte("benxe operator page session v1"))
	return hex.EncodeToString(m.Sum(nil))
}

// operatorTokenEqual compares in constant time, whatever the lengths.
func operatorTokenEqual(got, want string) bool {
	a, b := sha256.Sum256([]byte(got)), sha256.Sum256([]byte(want))
	return subtle.ConstantTimeCompare(a[:], b[:]) == 1
}

func bearerToken(r *http.Request) (string, bool) {
	scheme, tok, ok := strings.Cut(strings.TrimSpace(r.Header.Get("Authorization")), " ")
	if !ok || !strings.EqualFold(scheme, "Bearer") {
		return "", false
	}
	return strings.TrimSpace(tok), true
}

var errOperatorUnauthorized = apperr.New(apperr.Invalid, "unauthorized", "",
	"Cần mã truy cập của nhà xe (Authorization: Bearer …).", "The operator token is missing or wrong (Authorization: Bearer …).")

// operatorAPI guards an operator API handler.
func (s *Server) operatorAPI(h http.HandlerFunc) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		if s.OperatorToken == "" {
			s.apiNotFound(w, r)
			return
		}
		if tok, ok := bearerToken(r); !ok || !operatorTokenEqual(tok, s.OperatorToken) {
			s.Log.WarnContext(r.Context(), "operator API refused", "request_id", requestID(r.Context()), "path", r.URL.Path)
			w.Header().Set("WWW-Authenticate", `Bearer realm="benxe operator"`)
			_, d := s.errorOf(r, errOperatorUnauthorized)
			encode(w, http.StatusUnauthorized, errorBody{d})
			return
		}
		h(w, r)
	}
}

// --- JSON ---

type unmatchedJSON struct {
	ID         int64   `json:"id"`
	Provider   string  `json:"provider"`
	Ref        string  `json:"ref"`
	Amount     int64   `json:"amount"`
	Content    string  `json:"content"`
	ReceivedAt rfc3339 `json:"received_at"`
}

type assignRequest struct {
	Code string `json:"code"`
}

// counterPaymentRequest is cash or a card taken at the operator's counter,
// under the receipt number the counter gave.
type counterPaymentRequest struct {
	Receipt string `json:"receipt"`
	Amount  int64  `json:"amount"`
}

type paymentOutcomeJSON struct {
	PaymentID int64  `json:"payment_id"`
	Result    string `json:"result"`
	Code      string `json:"code"`
	Status    string `json:"status"`
	Missing   int64  `json:"missing"`
	Owed      int64  `json:"owed"`
}

type operatorRefundJSON struct {
	ID          int64   `json:"id"`
	BookingCode string  `json:"booking_code"`
	Provider    string  `json:"provider"`
	Amount      int64   `json:"amount"`
	Reason      string  `json:"reason"`
	Status      string  `json:"status"`
	Account     string  `json:"account"`
	ProviderRef string  `json:"provider_ref"`
	CreatedAt   rfc3339 `json:"created_at"`
}

type settleRequest struct {
	Done *bool  `json:"done"`
	Ref  string `json:"ref"`
}

// paymentSettingsJSON is an operator's payment settings, read and written
// whole: booking.PaymentSettings with JSON names (the two convert).
type paymentSettingsJSON struct {
	Methods         []string `json:"methods"`
	BankBIN         string   `json:"bank_bin"`
	BankAccount     string   `json:"bank_account"`
	BankAccountName string   `json:"bank_account_name"`
	TransferMinutes int      `json:"transfer_minutes"`
	CounterMinutes  int      `json:"counter_minutes"`
	OnlineMinutes   int      `json:"online_minutes"`
}

type decisionJSON struct {
	Code   string `json:"code"`
	Status string `json:"status"`
}

type reconciliationJSON struct {
	Date      string              `json:"date"`
	Balanced  bool                `json:"balanced"`
	Providers []providerBooksJSON `json:"providers"`
}

type providerBooksJSON struct {
	Provider         string `json:"provider"`
	Payments         int    `json:"payments"`
	PaymentsIn       int64  `json:"payments_in"`
	RefundsOut       int64  `json:"refunds_out"`
	RefundsPending   int64  `json:"refunds_pending"`
	OwedFromPayments int64  `json:"refunds_owed_from_payments"`
	Unmatched        int64  `json:"unmatched"`
	UnmatchedCount   int    `json:"unmatched_count"`
	PartsOutstanding int64  `json:"parts_outstanding"`
	PartsCarriedIn   int64  `json:"parts_carried_in"`
	BookingsSettled  int64  `json:"bookings_settled"`
	BookingsCount    int    `json:"bookings_count"`
	Balanced         bool   `json:"balanced"`
}

func operatorRefund(r store.Refund) operatorRefundJSON {
	return operatorRefundJSON{ID: r.ID, BookingCode: r.BookingCode, Provider: r.Provider, Amount: r.Amount, Reason: r.Reason,
		Status: r.Status, Account: r.Account, ProviderRef: r.ProviderRef, CreatedAt: rfc3339(r.CreatedAt)}
}

// operatorListLimit bounds the lists: an operator works through them.
const operatorListLimit = 500

// --- handlers ---

func (s *Server) apiUnmatched(w http.ResponseWriter, r *http.Request) {
	ps, err := s.Store.UnmatchedPayments(r.Context(), operatorListLimit)
	if err != nil {
		s.apiError(w, r, err)
		return
	}
	out := make([]unmatchedJSON, 0, len(ps))
	for _, p := range ps {
		out = append(out, unmatchedJSON{ID: p.ID, Provider: p.Provider, Ref: p.Ref, Amount: p.Amount, Content: p.Content,
			ReceivedAt: rfc3339(p.ReceivedAt)})
	}
	encode(w, http.StatusOK, out)
}

func operatorPathID(r *http.Request, name, code, vi, en string) (int64, error) {
	id, err := strconv.ParseInt(r.PathValue(name), 10, 64)
	if err != nil || id < 1 {
		return 0, apperr.New(apperr.NotFound, code, name, vi, en)
	}
	return id, nil
}

func (s *Server) apiAssignPayment(w http.ResponseWriter, r *http.Request) {
	id, err := operatorPathID(r, "id", "payment_not_found", "Không tìm thấy giao dịch.", "No such payment.")
	if err != nil {
		s.apiError(w, r, err)
		return
	}
	body, err := decode[assignRequest](r)
	if err == nil && booking.NormalizeCode(body.Code) == "" {
		err = apperr.Field("code", "required", "Vui lòng nhập mã đặt chỗ.", "code is required.")
	}
	if err != nil {
		s.apiError(w, r, err)
		return
	}
	out, err := s.Store.AssignPayment(r.Context(), id, body.Code, operatorActor, s.Now())
	if err != nil {
		s.apiError(w, r, err)
		return
	}
	s.Log.InfoContext(r.Context(), "payment assigned", "request_id", requestID(r.Context()), "payment_id", id,
		"outcome", out.Result, "code", out.Code, "status", out.Status)
	encode(w, http.StatusOK, paymentOutcomeJSON{PaymentID: id, Result: out.Result, Code: out.Code, Status: out.Status,
		Missing: out.Missing, Owed: out.Owed})
}

// apiCounterPayment records money taken at the counter for a booking, as
// any provider's payment: once per receipt, in the ledger, paying the
// booking in full or in part, or owed back if the booking no longer needs
// it.
func (s *Server) apiCounterPayment(w http.ResponseWriter, r *http.Request) {
	body, err := decode[counterPaymentRequest](r)
	if err == nil {
		err = checkCounterPayment(&body)
	}
	if err != nil {
		s.apiError(w, r, err)
		return
	}
	// A mistyped code must not leave an unmatched payment behind.
	b, err := s.Store.Booking(r.Context(), r.PathValue("code"))
	if err != nil {
		s.apiError(w, r, err)
		return
	}
	out, err := s.Store.ReceivePayment(r.Context(), store.Incoming{Provider: booking.Counter, Ref: body.Receipt,
		Candidates: []string{b.Code}, Amount: body.Amount, Content: "receipt " + body.Receipt}, s.Now())
	if err != nil {
		s.apiError(w, r, err)
		return
	}
	s.Log.InfoContext(r.Context(), "counter payment", "request_id", requestID(r.Context()), "code", b.Code,
		"receipt", body.Receipt, "amount", body.Amount, "outcome", out.Result, "duplicate", out.Duplicate)
	encode(w, http.StatusOK, paymentOutcomeJSON{PaymentID: out.PaymentID, Result: out.Result, Code: out.Code, Status: out.Status,
		Missing: out.Missing, Owed: out.Owed})
}

func checkCounterPayment(p *counterPaymentRequest) error {
	p.Receipt = strings.TrimSpace(p.Receipt)
	if p.Receipt == "" || len(p.Receipt) > 40 || strings.ContainsFunc(p.Receipt, func(c rune) bool {
		return !(c >= '0' && c <= '9' || c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || strings.ContainsRune("-_/.", c))
	}) {
		return apperr.Field("receipt", "invalid_receipt", "Số biên lai bắt buộc: 1–40 chữ, số hoặc - _ / .",
			"The receipt number is required: 1–40 letters, digits or - _ / .")
	}
	if p.Amount < 1 || p.Amount > 100_000_000 {
		return apperr.Field("amount", "invalid_amount", "Số tiền từ 1 đến 100.000.000 đồng.", "The amount is 1 to 100,000,000 đồng.")
	}
	return nil
}

func (s *Server) apiOperatorRefunds(w http.ResponseWriter, r *http.Request) {
	status := r.URL.Query().Get("status")
	switch status {
	case "", store.RefundPending, store.RefundDone, store.RefundFailed:
	default:
		s.apiError(w, r, apperr.Field("status", "invalid_status", "status phải là pending, done hoặc failed.",
			"status must be pending, done or failed."))
		return
	}
	rs, err := s.Store.Refunds(r.Context(), status, operatorListLimit)
	if err != nil {
		s.apiError(w, r, err)
		return
	}
	out := make([]operatorRefundJSON, 0, len(rs))
	for _, rf := range rs {
		out = append(out, operatorRefund(rf))
	}
	encode(w, http.StatusOK, out)
}

func (s *Server) apiSettleRefund(w http.ResponseWriter, r *http.Request) {
	id, err := operatorPathID(r, "id", "refund_not_found", "Không tìm thấy khoản hoàn tiền.", "No such refund.")
	if err != nil {
		s.apiError(w, r, err)
		return
	}
	body, err := decode[settleRequest](r)
	body.Ref = strings.TrimSpace(body.Ref)
	switch {
	case err != nil:
	case body.Done == nil:
		err = apperr.Field("done", "required", "Thiếu done: true khi đã chuyển tiền, false khi thất bại.",
			"done is required: true once the money went out, false if it failed.")
	case *body.Done && body.Ref == "":
		err = apperr.Field("ref", "required", "Vui lòng nhập mã giao dịch chuyển tiền hoàn.", "ref, the payout's transaction reference, is required.")
	case len(body.Ref) > 100:
		err = apperr.Field("ref", "too_long", "Mã giao dịch tối đa 100 ký tự.", "ref can have at most 100 characters.")
	}
	if err == nil {
		_, err = s.Store.Refund(r.Context(), id)
	}
	if err == nil {
		err = s.Store.SettleRefund(r.Context(), id, *body.Done, body.Ref, s.Now())
	}
	var rf store.Refund
	if err == nil {
		rf, err = s.Store.Refund(r.Context(), id)
	}
	if err != nil {
		s.apiError(w, r, err)
		return
	}
	s.Log.InfoContext(r.Context(), "refund settled", "request_id", requestID(r.Context()), "refund_id", id, "status", rf.Status)
	encode(w, http.StatusOK, operatorRefund(rf))
}

func (s *Server) apiConfirmBooking(w http.ResponseWriter, r *http.Request) { s.apiDecide(w, r, true) }
func (s *Server) apiRejectBooking(w http.ResponseWriter, r *http.Request)  { s.apiDecide(w, r, false) }

func (s *Server) apiDecide(w http.ResponseWriter, r *http.Request, confirm bool) {
	b, err := s.Store.Decide(r.Context(), r.PathValue("code"), confirm, operatorActor, s.Now())
	if err != nil {
		s.apiError(w, r, err)
		return
	}
	s.Log.InfoContext(r.Context(), "operator decision", "request_id", requestID(r.Context()), "code", b.Code, "status", b.Status)
	encode(w, http.StatusOK, decisionJSON{Code: b.Code, Status: b.Status})
}

func operatorIDParam(r *http.Request) (int64, error) {
	return operatorPathID(r, "id", "operator_not_found", "Không tìm thấy nhà xe.", "No such operator.")
}

func (s *Server) apiPaymentSettings(w http.ResponseWriter, r *http.Request) {
	id, err := operatorIDParam(r)
	if err == nil {
		var p booking.PaymentSettings
		if p, err = s.Store.PaymentSettings(r.Context(), id); err == nil {
			encode(w, http.StatusOK, paymentSettingsJSON(p))
			return
		}
	}
	s.apiError(w, r, err)
}

// apiSetPaymentSettings replaces an operator's payment settings. Bookings
// already made keep what they were given.
func (s *Server) apiSetPaymentSettings(w http.ResponseWriter, r *http.Request) {
	id, err := operatorIDParam(r)
	if err != nil {
		s.apiError(w, r, err)
		return
	}
	in, err := decode[paymentSettingsJSON](r)
	if err != nil {
		s.apiError(w, r, err)
		return
	}
	p := booking.PaymentSettings(in)
	p.Normalize()
	if err := p.Validate(); err != nil {
		s.apiError(w, r, err)
		return
	}
	// Transfers are matched and shown by the receiving bank's name.
	if _, ok := bankNames[p.BankBIN]; p.BankBIN != "" && !ok {
		s.apiError(w, r, apperr.Field("bank_bin", "unknown_bank", "benxe chưa hỗ trợ ngân hàng có mã BIN "+p.BankBIN+".",
			"benxe does not know the bank with BIN "+p.BankBIN+"."))
		return
	}
	if err := s.Store.SetPaymentSettings(r.Context(), id, p); err != nil {
		s.apiError(w, r, err)
		return
	}
	s.Log.InfoContext(r.Context(), "payment settings changed", "request_id", requestID(r.Context()), "operator", id, "methods", p.Methods)
	encode(w, http.StatusOK, paymentSettingsJSON(p))
}

// reconcileDay reads the date parameter: a Vietnam calendar day, today
// when absent.
func (s *Server) reconcileDay(v url.Values) (time.Time, error) {
	date := strings.TrimSpace(v.Get("date"))
	if date == "" {
		n := s.Now().In(vn.Zone)
		return time.Date(n.Year(), n.Month(), n.Day(), 0, 0, 0, 0, vn.Zone), nil
	}
	d, err := vn.ParseDate(date)
	if err != nil {
		return d, apperr.Field("date", "invalid_date", "Ngày phải có dạng YYYY-MM-DD.", "date must be YYYY-MM-DD.")
	}
	return d, nil
}

func (s *Server) operatorBooks(r *http.Request, day time.Time) (reconciliationJSON, error) {
	books, err := s.Store.Reconcile(r.Context(), day)
	if err != nil {
		return reconciliationJSON{}, err
	}
	out := reconciliationJSON{Date: day.Format(time.DateOnly), Balanced: true, Providers: make([]providerBooksJSON, 0, len(books))}
	for _, b := range books {
		out.Balanced = out.Balanced && b.Balanced
		out.Providers = append(out.Providers, providerBooksJSON{Provider: b.Provider, Payments: b.Payments, PaymentsIn: b.PaymentsIn,
			RefundsOut: b.RefundsOut, RefundsPending: b.RefundsPending, OwedFromPayments: b.OwedFromPayments,
			Unmatched: b.Unmatched, UnmatchedCount: b.UnmatchedCount, PartsOutstanding: b.PartsOutstanding,
			PartsCarriedIn: b.PartsCarriedIn, BookingsSettled: b.BookingsSettled, BookingsCount: b.BookingsCount, Balanced: b.Balanced})
	}
	return out, nil
}

func (s *Server) apiReconciliation(w http.ResponseWriter, r *http.Request) {
	day, err := s.reconcileDay(r.URL.Query())
	if err != nil {
		s.apiError(w, r, err)
		return
	}
	out, err := s.operatorBooks(r, day)
	if err != nil {
		s.apiError(w, r, err)
		return
	}
	encode(w, http.StatusOK, out)
}

// --- the reconciliation page ---

type reconciliationPage struct {
	base
	Login bool   // ask for the token first
	Date  string // YYYY-MM-DD, for the date field
	Day   string // the same day as people read it, 28/11/2026
	Books reconciliationJSON
}

// operatorPage says whether the request may see an operator page: with a
// session cookie, or the token as a bearer token. No token configured:
// the page does not exist.
func (s *Server) operatorPage(w http.ResponseWriter, r *http.Request) (ok, exists bool) {
	if s.OperatorToken == "" {
		s.pageError(w, r, errPageNotFound)
		return false, false
	}
	if c, err := r.Cookie(operatorCookie); err == nil && hmac.Equal([]byte(c.Value), []byte(s.operatorSession())) {
		return true, true
	}
	if tok, ok := bearerToken(r); ok && operatorTokenEqual(tok, s.OperatorToken) {
		return true, true
	}
	return false, true
}

func (s *Server) pageReconciliation(w http.ResponseWriter, r *http.Request) {
	ok, exists := s.operatorPage(w, r)
	if !exists {
		return
	}
	pg := reconciliationPage{base: s.base(r, ""), Date: clipBytes(r.URL.Query().Get("date"), 20)}
	if !ok {
		pg.Login = true
		s.render(w, r, http.StatusUnauthorized, "reconciliation", pg)
		return
	}
	day, err := s.reconcileDay(r.URL.Query())
	if err != nil {
		s.render(w, r, s.showError(r, &pg.base, err, "date"), "reconciliation", pg)
		return
	}
	pg.Date, pg.Day = day.Format(time.DateOnly), vn.FormatDate(day)
	if pg.Books, err = s.operatorBooks(r, day); err != nil {
		s.pageError(w, r, err)
		return
	}
	s.render(w, r, http.StatusOK, "reconciliation", pg)
}

// pageOperatorLogin checks the token typed on the page and starts a
// session for the operator pages.
func (s *Server) pageOperatorLogin(w http.ResponseWriter, r *http.Request) {
	ok, exists := s.operatorPage(w, r)
	if !exists {
		return
	}
	if err := parseForm(w, r); err != nil {
		s.pageError(w, r, err)
		return
	}
	date := clipBytes(r.PostForm.Get("date"), 20)
	back := "/operator/reconciliation"
	if date != "" {
		back += "?" + url.Values{"date": {date}}.Encode()
	}
	if !ok && !operatorTokenEqual(r.PostForm.Get("token"), s.OperatorToken) {
		s.Log.WarnContext(r.Context(), "operator login refused", "request_id", requestID(r.Context()))
		pg := reconciliationPage{base: s.base(r, back), Login: true, Date: date}
		s.showError(r, &pg.base, apperr.Field("token", "bad_token", "Mã truy cập không đúng.", "The operator token is wrong."), "token")
		s.render(w, r, http.StatusUnauthorized, "reconciliation", pg)
		return
	}
	http.SetCookie(w, &http.Cookie{Name: operatorCookie, Value: s.operatorSession(), Path: "/operator/", MaxAge: 12 * 3600,
		HttpOnly: true, Secure: r.TLS != nil || strings.HasPrefix(s.Gateways.BaseURL, "https:"), SameSite: http.SameSiteStrictMode})
	http.Redirect(w, r, back, http.StatusSeeOther)
}

// pageOperatorLogout ends the page session.
func (s *Server) pageOperatorLogout(w http.ResponseWriter, r *http.Request) {
	if _, exists := s.operatorPage(w, r); !exists {
		return
	}
	http.SetCookie(w, &http.Cookie{Name: operatorCookie, Value: "", Path: "/operator/", MaxAge: -1,
		HttpOnly: true, SameSite: http.SameSiteStrictMode})
	http.Redirect(w, r, "/operator/reconciliation", http.StatusSeeOther)
}

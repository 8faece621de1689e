package web

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"slices"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/benxe/benxe/internal/apperr"
	"github.com/benxe/benxe/internal/booking"
	"github.com/benxe/benxe/internal/catalog"
	"github.com/benxe/benxe/internal/payment/momo"
	"github.com/benxe/benxe/internal/payment/vnpay"
	"github.com/benxe/benxe/internal/store"
	"github.com/benxe/benxe/internal/vn"
)

// Cancelling paid bookings and paying refunds back.
//
// A passenger cancels a paid booking seat by seat (the page) or whole (the
// API); the store frees the seats and owes a refund per the operator's
// policy tier. Refunds of VNPay and MoMo payments then go back through the
// gateway's refund API — after the cancellation, and from RunRefunds in
// the background for those left pending. A gateway that does not answer
// leaves the refund pending for the next round; a refund request always
// carries the same id for the same refund, so the gateway can recognise a
// retry, and SettleRefund settles a refund once only.

// RunRefunds pays pending VNPay and MoMo refunds back through their
// gateways every interval until ctx is done. cmd/benxe runs it beside the
// jobs. Several processes may run it at once: see refundViaGateway.
func RunRefunds(ctx context.Context, d Deps, every time.Duration) {
	s := &Server{Deps: d}
	tick := time.NewTicker(every)
	defer tick.Stop()
	for {
		if err := s.ProcessRefunds(ctx); err != nil && ctx.Err() == nil {
			s.Log.Error("refunds", "err", err)
		}
		select {
		case <-ctx.Done():
			return
		case <-tick.C:
		}
	}
}

// refundBatch is how many pending refunds one round looks at.
const refundBatch = 1000

// ProcessRefunds sends every pending VNPay and MoMo refund to its gateway
// once and settles those the gateway answered.
func (s *Server) ProcessRefunds(ctx context.Context) error {
	rs, err := s.Store.Refunds(ctx, store.RefundPending, refundBatch)
	if err != nil {
		return err
	}
	for _, r := range rs {
		if ctx.Err() != nil {
			return nil
		}
		s.refundViaGateway(ctx, r)
	}
	return nil
}

// refundBooking sends the pending gateway refunds of one booking, right
// after it was cancelled.
func (s *Server) refundBooking(ctx context.Context, code string) {
	m, err := s.Store.BookingMoney(ctx, code)
	if err != nil {
		s.Log.ErrorContext(ctx, "refunds of a booking", "code", code, "err", err)
		return
	}
	for _, r := range m.Refunds {
		if r.Status == store.RefundPending {
			s.refundViaGateway(ctx, r)
		}
	}
}

// refundsInFlight keeps one process from sending the same refund twice at
// once (the background round and a cancellation). Across processes the
// gateway recognises the repeated request id, and SettleRefund settles once.
var refundsInFlight sync.Map

type refundOutcome int

const (
	refundRetry  refundOutcome = iota // no answer, or an uncertain one: try again later
	refundDone                        // the gateway paid it back
	refundFailed                      // the gateway refused it: staff must pay it another way
)

// refundViaGateway sends one refund to its gateway and settles it by the
// answer. It returns the refund's status afterwards.
func (s *Server) refundViaGateway(ctx context.Context, r store.Refund) string {
	if r.Status != store.RefundPending || !s.gatewayReady(r.Provider) {
		return r.Status
	}
	key := fmt.Sprintf("%p/%d", s.Store, r.ID)
	if _, busy := refundsInFlight.LoadOrStore(key, true); busy {
		return r.Status
	}
	defer refundsInFlight.Delete(key)
	log := func(msg string, args ...any) {
		s.Log.WarnContext(ctx, msg, append([]any{"refund_id", r.ID, "code", r.BookingCode, "provider", r.Provider}, args...)...)
	}
	pay, err := s.Store.RefundSource(ctx, r.ID)
	if err != nil {
		log("refund: no payment to refund", "err", err)
		if errors.Is(err, store.ErrNoRefundSource) {
			return s.settle(ctx, r, refundFailed, "", "no "+r.Provider+" payment to refund")
		}
		return r.Status
	}
	var out refundOutcome
	var ref, why string
	switch r.Provider {
	case booking.VNPay:
		out, ref, why = s.vnpayRefund(ctx, r, pay)
	case booking.MoMo:
		out, ref, why = s.momoRefund(ctx, r, pay)
	}
	if out == refundRetry {
		log("refund left pending", "why", why)
		return r.Status
	}
	return s.settle(ctx, r, out, ref, why)
}

func (s *Server) settle(ctx context.Context, r store.Refund, out refundOutcome, ref, why string) string {
	done := out == refundDone
	if !done {
		s.Log.ErrorContext(ctx, "refund failed: pay it back another way", "refund_id", r.ID, "code", r.BookingCode,
			"provider", r.Provider, "amount", r.Amount, "why", why)
	}
	err := s.Store.SettleRefund(ctx, r.ID, done, ref, s.Now())
	if e, ok := apperr.As(err); ok && e.Code == "refund_not_pending" {
		// Another process settled it first.
		return s.refundStatus(ctx, r)
	}
	if err != nil {
		s.Log.ErrorContext(ctx, "settle refund", "refund_id", r.ID, "err", err)
		return r.Status
	}
	if done {
		s.Log.InfoContext(ctx, "refund paid back", "refund_id", r.ID, "code", r.BookingCode, "provider", r.Provider,
			"amount", r.Amount, "provider_ref", ref)
		return store.RefundDone
	}
	return store.RefundFailed
}

func (s *Server) refundStatus(ctx context.Context, r store.Refund) string {
	m, err := s.Store.BookingMoney(ctx, r.BookingCode)
	if err == nil {
		for _, x := range m.Refunds {
			if x.ID == r.ID {
				return x.Status
			}
		}
	}
	return r.Status
}

// gatewayReady says whether refunds of provider can be sent at all: other
// providers are paid back by staff, and a gateway without its keys
// configured leaves its refunds pending.
func (s *Server) gatewayReady(provider string) bool {
	switch provider {
	case booking.VNPay:
		c := s.Gateways.VNPay
		return c.TmnCode != "" && c.HashSecret != "" && s.Gateways.VNPayAPIURL != ""
	case booking.MoMo:
		c := s.Gateways.MoMo
		return c.PartnerCode != "" && c.AccessKey != "" && c.SecretKey != "" && c.Endpoint != ""
	}
	return false
}

// vnpayRefund asks VNPay to refund part or all of a payment.
func (s *Server) vnpayRefund(ctx context.Context, r store.Refund, pay store.RefundSource) (refundOutcome, string, string) {
	cfg := s.Gateways.VNPay
	code, paidAt, ok := parseVNPayTxnRef(pay.Content)
	if !ok {
		return refundFailed, "", "the payment's TxnRef " + pay.Content + " is not ours"
	}
	typ := vnpay.RefundPartial
	if r.Amount == pay.Amount {
		typ = vnpay.RefundFull
	}
	body, err := vnpay.NewRefund(cfg, vnpay.RefundRequest{
		// The same id for every attempt at this refund.
		RequestID: "RF" + strconv.FormatInt(r.ID, 10) + code, TransactionType: typ, TxnRef: pay.Content,
		Amount: r.Amount, TransactionNo: pay.Ref, TransactionDate: paidAt, CreateBy: "benxe",
		Created: s.Now(), IPAddr: "127.0.0.1", OrderInfo: "Hoan tien ve xe " + code,
	})
	if err != nil {
		return refundFailed, "", err.Error()
	}
	req, err := json.Marshal(body)
	if err != nil {
		return refundRetry, "", err.Error()
	}
	status, answer, err := s.postGateway(ctx, s.Gateways.VNPayAPIURL, req)
	if err != nil {
		return refundRetry, "", err.Error()
	}
	if status != http.StatusOK {
		return refundRetry, "", "HTTP " + strconv.Itoa(status)
	}
	res, err := vnpay.VerifyRefundResponse(cfg.HashSecret, answer)
	if err != nil {
		// Its outcome is unknown: see it in VNPay's merchant portal.
		return refundRetry, "", err.Error()
	}
	if res.TxnRef != pay.Content {
		return refundRetry, "", "the answer is for TxnRef " + res.TxnRef
	}
	switch res.ResponseCode {
	case "00":
		return refundDone, res.TransactionNo, ""
	case "94", "99":
		// 94: a request with this id is being handled; 99: unknown.
		return refundRetry, "", "vnp_ResponseCode " + res.ResponseCode + ": " + res.Message
	}
	return refundFailed, "", "vnp_ResponseCode " + res.ResponseCode + ": " + res.Message
}

// momoRefund asks MoMo to refund part or all of a payment.
func (s *Server) momoRefund(ctx context.Context, r store.Refund, pay store.RefundSource) (refundOutcome, string, string) {
	cfg := s.Gateways.MoMo
	transID, err := strconv.ParseInt(pay.Ref, 10, 64)
	if err != nil {
		return refundFailed, "", "the payment's transId " + pay.Ref + " is not MoMo's"
	}
	code := momoOrderCode(pay.Content)
	id := code + "-RF" + strconv.FormatInt(r.ID, 10) // the same for every attempt
	req, err := momo.SignRefund(cfg, momo.RefundRequest{OrderID: id, RequestID: id, Amount: r.Amount, TransID: transID,
		Lang: "vi", Description: "Hoàn tiền vé xe " + code})
	if err != nil {
		return refundFailed, "", err.Error()
	}
	body, err := json.Marshal(req)
	if err != nil {
		return refundRetry, "", err.Error()
	}
	status, answer, err := s.postGateway(ctx, cfg.RefundURL(), body)
	if err != nil {
		return refundRetry, "", err.Error()
	}
	if status != http.StatusOK {
		return refundRetry, "", "HTTP " + strconv.Itoa(status)
	}
	var res momoRefundAnswer
	if err := json.Unmarshal(answer, &res); err != nil {
		return refundRetry, "", "answer: " + err.Error()
	}
	if res.OrderID != req.OrderID || res.RequestID != req.RequestID {
		return refundRetry, "", "the answer is for order " + res.OrderID
	}
	switch res.ResultCode {
	case 0:
		if res.Amount != req.Amount {
			return refundRetry, "", "the answer is for " + strconv.FormatInt(res.Amount, 10) + " đồng"
		}
		return refundDone, strconv.FormatInt(res.TransID, 10), ""
	case 1000, 7000, 7002, 99, 40, 41:
		// Being processed, unknown, or a repeat of a request MoMo has.
		return refundRetry, "", "resultCode " + strconv.Itoa(res.ResultCode) + ": " + res.Message
	}
	return refundFailed, "", "resultCode " + strconv.Itoa(res.ResultCode) + ": " + res.Message
}

// --- what a cancellation would give back ---

// paidStatus says whether a booking is paid and may be cancelled for a
// refund per the policy.
func paidStatus(status string) bool {
	return status == booking.Confirmed || status == booking.AwaitingOperator || status == booking.Boarded
}

// seatRefund is one seat a passenger may cancel and what it gives back now.
type seatRefund struct {
	Seat      string
	Passenger string
	Fare      int64
	Refund    int64
}

// cancelView is the per-seat cancellation of a paid booking, as of now.
type cancelView struct {
	Seats      []seatRefund
	FeePercent int
	Until      string // until when this fee holds, "" in the last tier
	Note       string // the fee and until when, in the reader's language
}

// refundView is one refund as the passenger sees it.
type refundView struct {
	Amount     int64
	Status     string
	StatusText string
	Reason     string
	At         rfc3339
}

// refundOf is what cancelling one seat gives back at fee percent, as
// store.CancelSeats computes it: the seat's fare less its share of the
// discount, less the fee.
func refundOf(b booking.Booking, fare int64, fee int) int64 {
	var fares, discount int64
	for _, l := range b.Lines {
		if l.Amount < 0 {
			discount -= l.Amount
		} else {
			fares += l.Amount
		}
	}
	paid := fare - discount*fare/max(fares, 1)
	return paid * int64(100-fee) / 100
}

// activeSeats are the seats of a booking neither cancelled nor boarded.
func activeSeats(b booking.Booking) []booking.Ticket {
	var out []booking.Ticket
	for _, t := range b.Tickets {
		if t.Status == "active" {
			out = append(out, t)
		}
	}
	return out
}

// addCancelPart fills what the booking page shows about cancelling a paid
// booking seat by seat and the refunds it has. The page shows without them
// if they cannot be read.
func (s *Server) addCancelPart(r *http.Request, b booking.Booking, trip catalog.Trip, pg *bookingPage) {
	ctx := r.Context()
	m, err := s.Store.BookingMoney(ctx, b.Code)
	if err != nil {
		s.Log.ErrorContext(ctx, "booking refunds", "request_id", requestID(ctx), "code", b.Code, "err", err)
		return
	}
	for _, rf := range m.Refunds {
		pg.Refunds = append(pg.Refunds, refundView{Amount: rf.Amount, Status: rf.Status, StatusText: tr(pg.Lang, "refund_status_"+rf.Status),
			Reason: refundReason(pg.Lang, rf.Reason), At: rfc3339(rf.CreatedAt)})
	}
	// Once the bus has left, or boarded, cancelling is for the operator.
	if (b.Status != booking.Confirmed && b.Status != booking.AwaitingOperator) || !s.Now().Before(trip.StopTime(b.From)) {
		return
	}
	v, err := s.seatRefunds(ctx, pg.Lang, b, trip)
	if err != nil {
		s.Log.ErrorContext(ctx, "seat refunds", "request_id", requestID(ctx), "code", b.Code, "err", err)
		return
	}
	if len(v.Seats) > 0 {
		pg.Cancel = &v
	}
}

// seatRefunds is what cancelling each active seat gives back now.
func (s *Server) seatRefunds(ctx context.Context, lang string, b booking.Booking, trip catalog.Trip) (cancelView, error) {
	now := s.Now()
	departs := trip.StopTime(b.From)
	policy := trip.Operator.Policy
	v := cancelView{FeePercent: policy.FeePercent(departs, now)}
	for _, w := range policy.Windows(departs) {
		if w.Until.After(now) {
			if w.FeePercent == v.FeePercent && w.Until.Before(departs) {
				v.Until = vn.FormatDateTime(w.Until)
			}
			break
		}
	}
	if v.Until != "" {
		v.Note = tr(lang, "cancel_fee_until", v.FeePercent, v.Until)
	} else {
		v.Note = tr(lang, "cancel_fee_now", v.FeePercent)
	}
	for _, t := range activeSeats(b) {
		v.Seats = append(v.Seats, seatRefund{Seat: t.Seat, Passenger: t.Passenger, Fare: t.Fare, Refund: refundOf(b, t.Fare, v.FeePercent)})
	}
	return v, nil
}

// refundReasons translate the reasons the store writes.
var refundReasons = map[string][2]string{
	"cancelled by the passenger": {"Hủy vé theo yêu cầu của bạn", "Cancelled at your request"},
	"rejected by the operator":   {"Nhà xe không xác nhận đơn", "The operator did not confirm the booking"},
	store.Overpaid:               {"Tiền trả thừa", "Paid more than the total"},
	store.LateRefused:            {"Thanh toán sau hạn, ghế không còn", "Paid after the deadline, when the seats were gone"},
	store.RefundOwed:             {"Khoản thanh toán không cần thiết", "A payment the booking did not need"},
}

func refundReason(lang, reason string) string {
	if m, ok := refundReasons[reason]; ok {
		return pick(lang, m[0], m[1])
	}
	if strings.HasPrefix(reason, "part-payment") {
		return tr(lang, "refund_reason_part")
	}
	return reason
}

// --- the cancellation page ---

var errNoSeatChosen = apperr.Field("seats", "required", "Vui lòng chọn ít nhất một ghế để hủy.", "Please choose at least one seat to cancel.")

type cancelPage struct {
	base
	Code        string
	Token       string
	Seats       []seatRefund
	Total       int64
	Note        string
	Policy      []string
	RefundTo    string
	BookingLink string
}

// pageCancelSeats cancels seats of a paid booking: first it shows what the
// chosen seats give back (confirm absent), then it cancels them.
func (s *Server) pageCancelSeats(w http.ResponseWriter, r *http.Request) {
	err := parseForm(w, r)
	var b booking.Booking
	if err == nil {
		b, err = s.tokenBooking(r, r.PostForm.Get("t"))
	}
	if err != nil {
		s.pageError(w, r, err)
		return
	}
	ctx := r.Context()
	var seats []string
	for _, seat := range r.PostForm["seats"] {
		seat = strings.ToUpper(strings.TrimSpace(seat))
		if seat != "" && !slices.Contains(seats, seat) {
			seats = append(seats, seat)
		}
	}
	if len(seats) == 0 {
		s.renderBooking(w, r, b, errNoSeatChosen)
		return
	}
	token := s.bookingToken(b.Code)
	if r.PostForm.Get("confirm") != "yes" {
		if !paidStatus(b.Status) {
			s.renderBooking(w, r, b, apperr.New(apperr.Conflict, "not_cancellable", "code",
				"Đơn đặt vé này không thể hủy trực tuyến ở trạng thái hiện tại.", "This booking cannot be cancelled online in its current state."))
			return
		}
		trip, err := s.Store.Trip(ctx, b.TripID)
		if err != nil {
			s.pageError(w, r, err)
			return
		}
		lang := langOf(r)
		v, err := s.seatRefunds(ctx, lang, b, trip)
		if err != nil {
			s.pageError(w, r, err)
			return
		}
		pg := cancelPage{base: s.base(r, "/bookings/"+b.Code+"?t="+token), Code: b.Code, Token: token, Note: v.Note,
			RefundTo: tr(lang, "method_"+b.PaymentMethod), BookingLink: "/bookings/" + b.Code + "?t=" + token,
			Policy: policyLines(lang, trip.Operator.Policy.Windows(trip.StopTime(b.From)), s.Now())}
		for _, seat := range seats {
			i := slices.IndexFunc(v.Seats, func(x seatRefund) bool { return x.Seat == seat })
			if i < 0 {
				s.renderBooking(w, r, b, apperr.Field("seats", "seat_not_in_booking", "Ghế "+seat+" không thuộc đơn hoặc đã hủy.",
					"Seat "+seat+" is not an active seat of this booking."))
				return
			}
			pg.Seats = append(pg.Seats, v.Seats[i])
			pg.Total += v.Seats[i].Refund
		}
		s.render(w, r, http.StatusOK, "cancel", pg)
		return
	}
	refund, err := s.Store.CancelSeats(ctx, b.Code, b.Contact.Phone, seats, s.Now())
	if err != nil {
		s.renderBooking(w, r, b, err)
		return
	}
	if refund > 0 {
		// The refund is on its way before the page shows it; a passenger
		// who leaves does not stop it.
		s.refundBooking(context.WithoutCancel(ctx), b.Code)
	}
	http.Redirect(w, r, "/bookings/"+b.Code+"?t="+token, http.StatusSeeOther)
}

// --- the API ---

// cancelRequest is the optional body of POST /api/v1/bookings/{code}/cancel.
type cancelRequest struct {
	Seats []string `json:"seats"`
}

// apiCancelPaid answers the cancellation of a paid booking: the seats named
// (all of them by default) are cancelled per the policy and their refund
// is sent back through the gateway. It reports false, having answered
// nothing, for a booking that was never paid, which CancelUnpaid cancels.
func (s *Server) apiCancelPaid(w http.ResponseWriter, r *http.Request, b booking.Booking) bool {
	ctx := r.Context()
	body, err := readBody(r)
	var req cancelRequest
	if err == nil && len(bytes.TrimSpace(body)) > 0 {
		req, err = decode[cancelRequest](r)
	}
	if err != nil {
		s.apiError(w, r, err)
		return true
	}
	var seats []string
	for _, seat := range req.Seats {
		seat = strings.ToUpper(strings.TrimSpace(seat))
		if seat != "" && !slices.Contains(seats, seat) {
			seats = append(seats, seat)
		}
	}
	if !paidStatus(b.Status) {
		m, err := s.Store.BookingMoney(ctx, b.Code)
		switch {
		case err != nil:
			s.apiError(w, r, err)
			return true
		case b.Status == booking.Cancelled && len(m.Refunds) > 0:
			// A repeat: answer as the first time did.
			encode(w, http.StatusOK, cancelJSON{Code: b.Code, Status: b.Status, Refund: refundTotal(m.Refunds)})
			return true
		case len(seats) > 0:
			s.apiError(w, r, apperr.Field("seats", "seats_not_cancellable",
				"Chỉ hủy được từng ghế với đơn đã thanh toán; đơn chưa thanh toán được hủy cả đơn.",
				"Only paid bookings can be cancelled seat by seat; an unpaid booking is cancelled whole."))
			return true
		}
		return false
	}
	if len(seats) == 0 {
		for _, t := range activeSeats(b) {
			seats = append(seats, t.Seat)
		}
	}
	if len(seats) == 0 {
		s.apiError(w, r, errNoSeatChosen)
		return true
	}
	amount, err := s.Store.CancelSeats(ctx, b.Code, b.Contact.Phone, seats, s.Now())
	if err != nil {
		s.apiError(w, r, err)
		return true
	}
	res := refundJSON{Amount: amount, Status: "none"}
	if amount > 0 {
		ctx := context.WithoutCancel(ctx)
		s.refundBooking(ctx, b.Code)
		// The newest refund is the one this cancellation owes.
		if m, err := s.Store.BookingMoney(ctx, b.Code); err == nil && len(m.Refunds) > 0 {
			res.Status = m.Refunds[len(m.Refunds)-1].Status
		} else {
			res.Status = store.RefundPending
		}
	}
	if nb, err := s.Store.Booking(ctx, b.Code); err == nil {
		b = nb
	}
	encode(w, http.StatusOK, cancelJSON{Code: b.Code, Status: b.Status, Refund: res})
	return true
}

// refundTotal sums a cancelled booking's refunds for the API: pending while
// any is, failed if any failed, else done.
func refundTotal(rs []store.Refund) refundJSON {
	out := refundJSON{Status: store.RefundDone}
	for _, r := range rs {
		out.Amount += r.Amount
		switch {
		case r.Status == store.RefundPending:
			out.Status = store.RefundPending
		case r.Status == store.RefundFailed && out.Status != store.RefundPending:
			out.Status = store.RefundFailed
		}
	}
	return out
}

package web

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"io"
	"net/http"
	"strconv"
	"strings"
	"sync"

	"github.com/benxe/benxe/internal/apperr"
	"github.com/benxe/benxe/internal/booking"
	"github.com/benxe/benxe/internal/store"
	"github.com/benxe/benxe/internal/vietqr"
	"github.com/benxe/benxe/internal/vn"
)

func (s *Server) apiPlaces(w http.ResponseWriter, r *http.Request) {
	q := r.URL.Query().Get("q")
	if strings.TrimSpace(q) == "" {
		s.apiError(w, r, apperr.Field("q", "required", "Vui lòng nhập tên địa điểm.", "Please type a place name."))
		return
	}
	if len(q) > 100 {
		s.apiError(w, r, apperr.Field("q", "too_long", "Từ khóa quá dài.", "The search text is too long."))
		return
	}
	hits, err := s.Store.SearchPlaces(r.Context(), q, 10)
	if err != nil {
		s.apiError(w, r, err)
		return
	}
	out := make([]placeJSON, 0, len(hits))
	for _, h := range hits {
		out = append(out, placeJSON{ID: h.ID, Name: h.Name, Province: h.Province, Kind: h.Kind})
	}
	encode(w, http.StatusOK, out)
}

func (s *Server) apiTrips(w http.ResponseWriter, r *http.Request) {
	v := r.URL.Query()
	from, err := requiredID(v, "from", "Vui lòng chọn điểm đi.", "Please choose where you leave from.")
	if err != nil {
		s.apiError(w, r, err)
		return
	}
	to, err := requiredID(v, "to", "Vui lòng chọn điểm đến.", "Please choose where you are going.")
	if err != nil {
		s.apiError(w, r, err)
		return
	}
	q, err := s.tripQuery(v, from, to)
	if err != nil {
		s.apiError(w, r, err)
		return
	}
	hits, err := s.Store.SearchTrips(r.Context(), q)
	if err != nil {
		s.apiError(w, r, err)
		return
	}
	out := make([]tripHitJSON, 0, len(hits))
	for _, h := range hits {
		out = append(out, tripHitView(h))
	}
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	buf := tripsJSONBuffers.Get().(*[]byte)
	*buf = appendTripHits((*buf)[:0], out)
	w.Write(*buf)
	tripsJSONBuffers.Put(buf)
}

// tripsJSONBuffers keeps the buffers search answers are written into (up
// to about 100 kB each): at a sale opening a fresh one per search was a
// large part of the garbage collector's work.
var tripsJSONBuffers = sync.Pool{New: func() any { b := make([]byte, 0, 32<<10); return &b }}

func pathID(r *http.Request, name string) (int64, error) {
	id, err := strconv.ParseInt(r.PathValue(name), 10, 64)
	if err != nil || id < 1 {
		return 0, apperr.New(apperr.NotFound, "trip_not_found", name, "Không tìm thấy chuyến xe.", "No such trip.")
	}
	return id, nil
}

func (s *Server) apiTrip(w http.ResponseWriter, r *http.Request) {
	id, err := pathID(r, "id")
	if err != nil {
		s.apiError(w, r, err)
		return
	}
	trip, err := s.Store.Trip(r.Context(), id)
	if err != nil {
		s.apiError(w, r, err)
		return
	}
	from, to, err := segment(r.URL.Query(), trip)
	if err != nil {
		s.apiError(w, r, err)
		return
	}
	v, err := s.tripView(r.Context(), trip, from, to)
	if err != nil {
		s.apiError(w, r, err)
		return
	}
	encode(w, http.StatusOK, v)
}

type holdRequest struct {
	TripID int64    `json:"trip_id"`
	From   *int     `json:"from"`
	To     *int     `json:"to"`
	Seats  []string `json:"seats"`
}

func (h holdRequest) validate() (store.HoldRequest, error) {
	if h.TripID < 1 {
		return store.HoldRequest{}, apperr.Field("trip_id", "required", "Thiếu mã chuyến xe.", "trip_id is required.")
	}
	if h.From == nil {
		return store.HoldRequest{}, apperr.Field("from", "required", "Thiếu điểm đi (from).", "from is required.")
	}
	if h.To == nil {
		return store.HoldRequest{}, apperr.Field("to", "required", "Thiếu điểm đến (to).", "to is required.")
	}
	seats := make([]string, len(h.Seats))
	for i, s := range h.Seats {
		seats[i] = strings.ToUpper(strings.TrimSpace(s))
	}
	return store.HoldRequest{TripID: h.TripID, From: *h.From, To: *h.To, Seats: seats}, nil
}

func (s *Server) apiCreateHold(w http.ResponseWriter, r *http.Request) {
	s.idempotent(w, r, "holds", func() (int, any, error) {
		body, err := decode[holdRequest](r)
		if err != nil {
			return 0, nil, err
		}
		req, err := body.validate()
		if err != nil {
			return 0, nil, err
		}
		h, err := s.createHold(r.Context(), req)
		if err != nil {
			return 0, nil, err
		}
		return http.StatusCreated, holdView(h), nil
	})
}

func (s *Server) apiReleaseHold(w http.ResponseWriter, r *http.Request) {
	if err := s.Store.ReleaseHold(r.Context(), r.PathValue("id")); err != nil {
		s.apiError(w, r, err)
		return
	}
	w.WriteHeader(http.StatusNoContent)
}

func (s *Server) apiExtendHold(w http.ResponseWriter, r *http.Request) {
	h, err := s.Store.ExtendHold(r.Context(), r.PathValue("id"), s.Holds, s.Now())
	if err != nil {
		s.apiError(w, r, err)
		return
	}
	encode(w, http.StatusOK, holdView(h))
}

type quoteRequest struct {
	HoldID        string `json:"hold_id"`
	PromoCode     string `json:"promo_code"`
	PaymentMethod string `json:"payment_method"`
	Phone         string `json:"phone"`
}

func (s *Server) apiQuote(w http.ResponseWriter, r *http.Request) {
	body, err := decode[quoteRequest](r)
	if err == nil {
		err = checkHoldID(body.HoldID)
	}
	if err == nil && body.PaymentMethod != "" {
		err = booking.CheckMethod(body.PaymentMethod)
	}
	phone := ""
	if err == nil && body.Phone != "" {
		if phone, err = vn.NormalizePhone(body.Phone); err != nil {
			err = booking.PhoneError("phone", err)
		}
	}
	if err != nil {
		s.apiError(w, r, err)
		return
	}
	p, err := s.Store.Quote(r.Context(), body.HoldID, body.PromoCode, phone, s.Now())
	if err != nil {
		s.apiError(w, r, err)
		return
	}
	encode(w, http.StatusOK, quoteJSON{Lines: p.Quote.Lines, Total: p.Quote.Total})
}

func checkHoldID(id string) error {
	if strings.TrimSpace(id) == "" {
		return apperr.Field("hold_id", "required", "Thiếu mã giữ chỗ.", "hold_id is required.")
	}
	return nil
}

type passengerJSON struct {
	Seat string `json:"seat"`
	Name string `json:"name"`
}

type bookingRequest struct {
	HoldID         string          `json:"hold_id"`
	PickupPointID  int64           `json:"pickup_point_id"`
	DropoffPointID int64           `json:"dropoff_point_id"`
	Contact        booking.Contact `json:"contact"`
	Passengers     []passengerJSON `json:"passengers"`
	PaymentMethod  string          `json:"payment_method"`
	PromoCode      string          `json:"promo_code"`
}

// request validates what can be checked without the database, in the order
// a person fills the form.
func (b bookingRequest) request() (booking.Request, error) {
	req := booking.Request{HoldID: b.HoldID, PickupPointID: b.PickupPointID, DropoffPointID: b.DropoffPointID,
		PaymentMethod: b.PaymentMethod, PromoCode: b.PromoCode, Passengers: map[string]string{}}
	if err := checkHoldID(b.HoldID); err != nil {
		return req, err
	}
	if b.PickupPointID < 1 {
		return req, apperr.Field("pickup_point_id", "required", "Vui lòng chọn điểm đón.", "Please choose a pickup point.")
	}
	if b.DropoffPointID < 1 {
		return req, apperr.Field("dropoff_point_id", "required", "Vui lòng chọn điểm trả.", "Please choose a drop-off point.")
	}
	var err error
	if req.Contact, err = b.Contact.Normalize(); err != nil {
		return req, err
	}
	for _, p := range b.Passengers {
		name := strings.Join(strings.Fields(p.Name), " ")
		if len([]rune(name)) > 100 {
			return req, apperr.Field("passengers", "too_long", "Tên hành khách tối đa 100 ký tự.", "A passenger name can have at most 100 characters.")
		}
		req.Passengers[strings.ToUpper(strings.TrimSpace(p.Seat))] = name
	}
	return req, booking.CheckMethod(b.PaymentMethod)
}

func (s *Server) apiCreateBooking(w http.ResponseWriter, r *http.Request) {
	s.idempotent(w, r, "bookings", func() (int, any, error) {
		body, err := decode[bookingRequest](r)
		if err != nil {
			return 0, nil, err
		}
		req, err := body.request()
		if err != nil {
			return 0, nil, err
		}
		b, err := s.createBooking(r.Context(), req)
		if err != nil {
			return 0, nil, err
		}
		v, err := s.bookingView(r.Context(), b)
		return http.StatusCreated, v, err
	})
}

// ownBooking loads a booking for someone who proves they own it with its
// phone number; a wrong phone looks exactly like a wrong code, and too many
// wrong tries against one code or one phone stop its lookups for a while
// (guesses.go).
func (s *Server) ownBooking(r *http.Request, code, phone string) (booking.Booking, error) {
	p, err := vn.NormalizePhone(phone)
	if err != nil {
		return booking.Booking{}, booking.PhoneError("phone", err)
	}
	now := s.Now()
	targets := []string{"code:" + booking.NormalizeCode(code), "phone:" + p}
	if s.guesses.blocked(now, targets...) {
		return booking.Booking{}, errTooManyGuesses
	}
	b, err := s.Store.Booking(r.Context(), code)
	if apperr.KindOf(err) == apperr.NotFound || (err == nil && b.Contact.Phone != p) {
		s.guesses.missed(now, targets...)
		return booking.Booking{}, apperr.New(apperr.NotFound, "booking_not_found", "code",
			"Không tìm thấy đơn đặt vé với mã và số điện thoại này.", "No booking with this code and phone number.")
	}
	return b, err
}

var errTooManyGuesses = apperr.New(apperr.TooMany, "too_many_attempts", "",
	"Đã thử quá nhiều lần với mã hoặc số điện thoại này; vui lòng thử lại sau ít phút, hoặc mở lại trang xác nhận đặt vé.",
	"Too many tries with this code or phone number; please try again in a few minutes, or open your booking's confirmation page again.")

func (s *Server) apiBooking(w http.ResponseWriter, r *http.Request) {
	b, err := s.ownBooking(r, r.PathValue("code"), r.URL.Query().Get("phone"))
	if err != nil {
		s.apiError(w, r, err)
		return
	}
	v, err := s.bookingView(r.Context(), b)
	if err != nil {
		s.apiError(w, r, err)
		return
	}
	encode(w, http.StatusOK, v)
}

type cancelJSON struct {
	Code   string     `json:"code"`
	Status string     `json:"status"`
	Refund refundJSON `json:"refund"`
}

type refundJSON struct {
	Amount int64  `json:"amount"`
	Status string `json:"status"`
}

func (s *Server) apiCancelBooking(w http.ResponseWriter, r *http.Request) {
	b, err := s.ownBooking(r, r.PathValue("code"), r.URL.Query().Get("phone"))
	if err == nil && s.apiCancelPaid(w, r, b) {
		return // a paid booking: cancelled per the policy, with a refund (refunds.go)
	}
	if err == nil {
		b, err = s.Store.CancelUnpaid(r.Context(), b.Code, b.Contact.Phone, s.Now())
	}
	if err != nil {
		s.apiError(w, r, err)
		return
	}
	// Nothing was paid, so nothing is refunded.
	encode(w, http.StatusOK, cancelJSON{Code: b.Code, Status: b.Status, Refund: refundJSON{Amount: 0, Status: "none"}})
}

// bookingQR is the VietQR image of a booking, for whoever has its link.
func (s *Server) bookingQR(w http.ResponseWriter, r *http.Request) {
	code := booking.NormalizeCode(r.PathValue("code"))
	if !s.validToken(code, r.URL.Query().Get("t")) {
		http.NotFound(w, r)
		return
	}
	b, err := s.Store.Booking(r.Context(), code)
	if err != nil {
		http.NotFound(w, r)
		return
	}
	trip, err := s.Store.Trip(r.Context(), b.TripID)
	if err != nil || b.PaymentMethod != booking.BankTransfer {
		http.NotFound(w, r)
		return
	}
	payload, err := vietqr.Payload{BankBIN: trip.Operator.BankBIN, Account: trip.Operator.BankAccount, Amount: b.Due(), Content: b.Code}.Encode()
	if err != nil {
		s.apiError(w, r, err)
		return
	}
	png, err := vietqr.PNG(payload, 320)
	if err != nil {
		s.apiError(w, r, err)
		return
	}
	w.Header().Set("Content-Type", "image/png")
	w.Header().Set("Cache-Control", "private, max-age=3600")
	w.Write(png)
}

// idempotent runs a POST that creates something under its Idempotency-Key:
// the same key and body get the first answer again, another body is
// refused. Answers to bad input are kept too (they will not change);
// server errors are not, so a retry can succeed.
func (s *Server) idempotent(w http.ResponseWriter, r *http.Request, scope string, do func() (int, any, error)) {
	key := r.Header.Get("Idempotency-Key")
	if key == "" {
		status, v, err := do()
		if err != nil {
			s.apiError(w, r, err)
			return
		}
		encode(w, status, v)
		return
	}
	if len(key) > 200 {
		s.apiError(w, r, apperr.Field("Idempotency-Key", "too_long", "Idempotency-Key tối đa 200 ký tự.", "Idempotency-Key can have at most 200 characters."))
		return
	}
	body, err := readBody(r)
	if err != nil {
		s.apiError(w, r, err)
		return
	}
	sum := sha256.Sum256(body)
	replay, err := s.Store.ClaimKey(r.Context(), scope, key, hex.EncodeToString(sum[:]), s.Now())
	if err != nil {
		s.apiError(w, r, err)
		return
	}
	if replay != nil {
		w.Header().Set("Idempotent-Replayed", "true")
		w.Header().Set("Content-Type", "application/json; charset=utf-8")
		w.WriteHeader(replay.Status)
		w.Write(replay.Body)
		return
	}
	status, v, err := do()
	if err != nil {
		var d errorDetail
		status, d = s.errorOf(r, err)
		v = errorBody{d}
	}
	out, _ := json.Marshal(v)
	// The answer is stored with a context of its own: a client that hung
	// up must not leave the key claimed for ever.
	ctx := context.WithoutCancel(r.Context())
	if status >= 500 {
		err = s.Store.ReleaseKey(ctx, scope, key)
	} else {
		err = s.Store.FinishKey(ctx, scope, key, status, out)
	}
	if err != nil {
		s.Log.ErrorContext(ctx, "idempotency key", "request_id", requestID(ctx), "err", err)
	}
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.WriteHeader(status)
	w.Write(append(out, '\n'))
}

// readBody reads the body once and puts it back for the handler.
func readBody(r *http.Request) ([]byte, error) {
	body, err := io.ReadAll(http.MaxBytesReader(nil, r.Body, maxBody))
	if err != nil {
		return nil, apperr.Field("body", "body_too_large", "Nội dung yêu cầu quá lớn.", "The request body is too large.")
	}
	r.Body = io.NopCloser(bytes.NewReader(body))
	return body, nil
}

func (s *Server) apiNotFound(w http.ResponseWriter, r *http.Request) {
	s.apiError(w, r, apperr.New(apperr.NotFound, "not_found", "", "Không có địa chỉ API này.", "No such API endpoint."))
}

// createHold is the one way both faces create holds, so they are counted
// once.
func (s *Server) createHold(ctx context.Context, req store.HoldRequest) (booking.Hold, error) {
	h, err := s.Store.CreateHold(ctx, req, s.Holds.TTL, s.Now())
	switch {
	case err == nil:
		s.holds.Inc()
	case apperr.KindOf(err) == apperr.Conflict:
		s.holdConflicts.Inc()
	}
	return h, err
}

// createBooking is the one way both faces create bookings.
func (s *Server) createBooking(ctx context.Context, req booking.Request) (booking.Booking, error) {
	b, err := s.Store.CreateBooking(ctx, req, s.Now())
	if err == nil {
		s.bookings.Inc()
	}
	return b, err
}

package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"time"

	"github.com/benxe/benxe/internal/apperr"
	"github.com/benxe/benxe/internal/booking"
	"github.com/benxe/benxe/internal/catalog"
	"github.com/benxe/benxe/internal/pricing"
)

var errBookingNotFound = apperr.New(apperr.NotFound, "booking_not_found", "code",
	"Không tìm thấy đơn đặt vé với mã và số điện thoại này.", "No booking with this code and phone number.")

// statuses in which a booking no longer counts: its seats are free and its
// promo code use is given back.
const deadStatuses = `('expired', 'cancelled', 'cancelled_by_operator')`

// PromoByCode finds a promo code.
func (s *Store) PromoByCode(ctx context.Context, code string) (pricing.Promo, error) {
	return loadPromo(ctx, s.rc, code)
}

func loadPromo(ctx context.Context, q querier, code string) (pricing.Promo, error) {
	var p pricing.Promo
	var from, until int64
	var op, route sql.NullInt64
	err := q.QueryRowContext(ctx, `SELECT id, code, percent, fixed, max_discount, min_order, valid_from, valid_until,
			total_limit, per_phone, operator_id, route_id, used
		FROM promos WHERE code = $1`, pricing.NormalizeCode(code)).Scan(&p.ID, &p.Code, &p.Percent, &p.Fixed, &p.MaxDiscount,
		&p.MinOrder, &from, &until, &p.TotalLimit, &p.PerPhone, &op, &route, &p.Used)
	if errors.Is(err, sql.ErrNoRows) {
		return p, apperr.Field("promo_code", "promo_not_found", "Mã giảm giá không tồn tại.", "There is no such promo code.")
	}
	p.ValidFrom, p.ValidUntil, p.OperatorID, p.RouteID = at(from), at(until), op.Int64, route.Int64
	return p, err
}

// CreatePromo adds a promo code.
func (s *Store) CreatePromo(ctx context.Context, p pricing.Promo) error {
	var op, route any
	if p.OperatorID != 0 {
		op = p.OperatorID
	}
	if p.RouteID != 0 {
		route = p.RouteID
	}
	return s.tx(ctx, func(tx *wtx) error {
		_, err := tx.ExecContext(ctx, `INSERT INTO promos (code, percent, fixed, max_discount, min_order, valid_from, valid_until,
				total_limit, per_phone, operator_id, route_id)
			VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)`,
			pricing.NormalizeCode(p.Code), p.Percent, p.Fixed, p.MaxDiscount, p.MinOrder, ms(p.ValidFrom), ms(p.ValidUntil),
			p.TotalLimit, p.PerPhone, op, route)
		return err
	})
}

func phoneUses(ctx context.Context, q querier, promoID int64, phone string) (int, error) {
	var n int
	err := q.QueryRowContext(ctx, `SELECT count(*) FROM bookings
		WHERE promo_id = $1 AND contact_phone = $2 AND status NOT IN `+deadStatuses, promoID, phone).Scan(&n)
	return n, err
}

// Priced is a hold priced for booking.
type Priced struct {
	Hold    booking.Hold
	Trip    catalog.Trip
	Layout  catalog.Layout
	Quote   pricing.Quote
	Tickets []booking.Ticket
	Promo   *pricing.Promo
	points  []catalog.Point // of the trip's route
}

// Quote prices a live hold with an optional promo code. phone may be ""
// before the passenger has typed it; the per-phone limit is then checked
// when booking.
func (s *Store) Quote(ctx context.Context, holdID, promoCode, phone string, now time.Time) (Priced, error) {
	return price(ctx, s.rc, s.catalogOf, holdID, promoCode, phone, now)
}

// price reads the hold and promo state through q and the catalog from
// cat, which may be the cache: the catalog need not be read under the
// write lock.
func price(ctx context.Context, q querier, cat catalogSource, holdID, promoCode, phone string, now time.Time) (Priced, error) {
	var p Priced
	var err error
	if p.Hold, err = loadHold(ctx, q, holdID); err != nil {
		return p, err
	}
	if !p.Hold.Live(now) {
		if p.Hold.Status == booking.HoldBooked {
			return p, apperr.New(apperr.Conflict, "hold_booked", "hold_id", "Lượt giữ chỗ đã được đặt vé.", "This hold has already been booked.")
		}
		return p, errHoldExpired
	}
	c, err := cat(ctx, p.Hold.TripID, p.Hold.From, p.Hold.To)
	if err != nil {
		return p, err
	}
	p.Trip, p.Layout, p.points = c.trip, c.layout, c.points
	fares := c.fares
	var lines []pricing.Line
	for _, seat := range p.Hold.Seats {
		c, _ := p.Layout.Seat(seat)
		p.Tickets = append(p.Tickets, booking.Ticket{Seat: seat, SeatKind: c.Kind, Fare: fares[c.Kind]})
		lines = append(lines, pricing.Line{Kind: pricing.Fare, Label: "Vé " + seat, Amount: fares[c.Kind]})
	}
	var discount int64
	if promoCode != "" {
		promo, err := loadPromo(ctx, q, promoCode)
		if err != nil {
			return p, err
		}
		order := pricing.Order{Subtotal: pricing.Subtotal(lines), OperatorID: p.Trip.Operator.ID, RouteID: p.Trip.RouteID, Now: now}
		if phone != "" {
			if order.PhoneUses, err = phoneUses(ctx, q, promo.ID, phone); err != nil {
				return p, err
			}
		}
		if discount, err = promo.Discount(order); err != nil {
			return p, err
		}
		p.Promo = &promo
	}
	p.Quote = pricing.Build(lines, p.Promo, discount)
	return p, nil
}

// CreateBooking turns a live hold into a booking pending payment: the
// hold's occupancy rows pass to the booking and now last until the payment
// deadline. req.Contact must be normalised and req.PaymentMethod checked.
func (s *Store) CreateBooking(ctx context.Context, req booking.Request, now time.Time) (booking.Booking, error) {
	var b booking.Booking
	for attempt := 0; ; attempt++ {
		err := s.tx(ctx, func(tx *wtx) error {
			var err error
			b, err = createBooking(ctx, tx, s.catalogOf, req, now)
			return err
		})
		// A clash of random codes is the only unique violation left here.
		if errors.Is(err, ErrUnique) && attempt < 3 {
			continue
		}
		return b, err
	}
}

// Book is CreateBooking inside the Writer's transaction.
func (w *Writer) Book(req booking.Request, now time.Time) (booking.Booking, error) {
	return createBooking(w.ctx, w.tx, w.catalog, req, now)
}

func createBooking(ctx context.Context, tx *wtx, cat catalogSource, req booking.Request, now time.Time) (booking.Booking, error) {
	p, err := price(ctx, tx, cat, req.HoldID, req.PromoCode, req.Contact.Phone, now)
	if err != nil {
		return booking.Booking{}, err
	}
	h, trip := p.Hold, p.Trip
	if err := trip.Sellable(h.From, now); err != nil {
		return booking.Booking{}, err
	}
	if err := checkPoints(p.points, h, req.PickupPointID, req.DropoffPointID); err != nil {
		return booking.Booking{}, err
	}
	for seat := range req.Passengers {
		if !contains(h.Seats, seat) {
			return booking.Booking{}, apperr.Field("passengers", "seat_not_held", "Ghế "+seat+" không nằm trong lượt giữ chỗ.", "Seat "+seat+" is not in this hold.")
		}
	}
	if err := booking.CheckOffered(req.PaymentMethod, trip.Operator); err != nil {
		return booking.Booking{}, err
	}
	deadline, err := booking.Deadline(req.PaymentMethod, trip.Operator, trip.StopTime(h.From), now)
	if err != nil {
		return booking.Booking{}, err
	}
	b := booking.Booking{Code: booking.NewCode(), TripID: trip.ID, HoldID: h.ID, From: h.From, To: h.To,
		PickupPointID: req.PickupPointID, DropoffPointID: req.DropoffPointID, Contact: req.Contact,
		PaymentMethod: req.PaymentMethod, Lines: p.Quote.Lines, Total: p.Quote.Total, Status: booking.PendingPayment,
		PaymentDeadline: deadline, CreatedAt: now}
	var promoID any
	if p.Promo != nil {
		b.PromoID = p.Promo.ID
		promoID = p.Promo.ID
		// The limit is checked again here, under the write lock, because
		// the quote read it without one.
		res, err := tx.ExecContext(ctx, `UPDATE promos SET used = used + 1 WHERE id = $1 AND (total_limit = 0 OR used < total_limit)`, p.Promo.ID)
		if err != nil {
			return b, err
		}
		if n, _ := res.RowsAffected(); n == 0 {
			return b, apperr.Field("promo_code", "promo_exhausted", "Mã giảm giá đã hết lượt sử dụng.", "This promo code has been used up.")
		}
	}
	if err := tx.QueryRowContext(ctx, `INSERT INTO bookings (code, trip_id, hold_id, from_idx, to_idx, pickup_point_id, dropoff_point_id,
			contact_name, contact_phone, contact_email, payment_method, promo_id, total, status, payment_deadline, created_at, updated_at)
		VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $16) RETURNING id`,
		b.Code, b.TripID, b.HoldID, b.From, b.To, b.PickupPointID, b.DropoffPointID, b.Contact.Name, b.Contact.Phone,
		b.Contact.Email, b.PaymentMethod, promoID, b.Total, b.Status, ms(deadline), ms(now)).Scan(&b.ID); err != nil {
		return b, err
	}
	for i, l := range b.Lines {
		if _, err := tx.ExecContext(ctx, `INSERT INTO booking_lines (booking_id, seq, kind, label, amount) VALUES ($1, $2, $3, $4, $5)`,
			b.ID, i, l.Kind, l.Label, l.Amount); err != nil {
			return b, err
		}
	}
	for _, t := range p.Tickets {
		t.Passenger, t.Status = req.Passengers[t.Seat], "active"
		if _, err := tx.ExecContext(ctx, `INSERT INTO tickets (booking_id, seat, seat_kind, passenger, fare) VALUES ($1, $2, $3, $4, $5)`,
			b.ID, t.Seat, t.SeatKind, t.Passenger, t.Fare); err != nil {
			return b, err
		}
		b.Tickets = append(b.Tickets, t)
	}
	if err := record(ctx, tx, b.ID, now, "", booking.PendingPayment, "passenger", ""); err != nil {
		return b, err
	}
	res, err := tx.ExecContext(ctx, `UPDATE occupancy SET booking_id = $1, hold_id = NULL, expires_at = $2
		WHERE hold_id = $3 AND expires_at > $4`, b.ID, ms(deadline), h.ID, ms(now))
	if err != nil {
		return b, err
	}
	if n, _ := res.RowsAffected(); n != int64(len(h.Seats)*(h.To-h.From)) {
		return b, fmt.Errorf("hold %s owns %d occupancy rows, want %d", h.ID, n, len(h.Seats)*(h.To-h.From))
	}
	_, err = tx.ExecContext(ctx, `UPDATE holds SET status = $1 WHERE id = $2`, booking.HoldBooked, h.ID)
	return b, err
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

func checkPoints(points []catalog.Point, h booking.Hold, pickup, dropoff int64) error {
	var pickOK, dropOK bool
	for _, p := range points {
		pickOK = pickOK || (p.ID == pickup && p.Pickup && p.StopIdx == h.From)
		dropOK = dropOK || (p.ID == dropoff && p.Dropoff && p.StopIdx == h.To)
	}
	if !pickOK {
		return apperr.Field("pickup_point_id", "invalid_point", "Điểm đón không thuộc điểm đi của vé.", "The pickup point is not at the stop this ticket leaves from.")
	}
	if !dropOK {
		return apperr.Field("dropoff_point_id", "invalid_point", "Điểm trả không thuộc điểm đến của vé.", "The drop-off point is not at the stop this ticket goes to.")
	}
	return nil
}

// record appends to a booking's history.
func record(ctx context.Context, tx *wtx, bookingID int64, now time.Time, from, to, actor, note string) error {
	_, err := tx.ExecContext(ctx, `INSERT INTO booking_history (booking_id, at, from_status, to_status, actor, note)
		VALUES ($1, $2, $3, $4, $5, $6)`, bookingID, ms(now), from, to, actor, note)
	return err
}

// Booking returns a booking by code with its lines, tickets and history.
func (s *Store) Booking(ctx context.Context, code string) (booking.Booking, error) {
	return loadBooking(ctx, s.rc, booking.NormalizeCode(code))
}

func loadBooking(ctx context.Context, q querier, code string) (booking.Booking, error) {
	var b booking.Booking
	var promo sql.NullInt64
	var deadline, created int64
	err := q.QueryRowContext(ctx, `SELECT id, code, trip_id, hold_id, from_idx, to_idx, pickup_point_id, dropoff_point_id,
			contact_name, contact_phone, contact_email, payment_method, promo_id, total, paid, status, payment_deadline, created_at
		FROM bookings WHERE code = $1`, code).Scan(&b.ID, &b.Code, &b.TripID, &b.HoldID, &b.From, &b.To, &b.PickupPointID,
		&b.DropoffPointID, &b.Contact.Name, &b.Contact.Phone, &b.Contact.Email, &b.PaymentMethod, &promo, &b.Total, &b.Paid,
		&b.Status, &deadline, &created)
	if errors.Is(err, sql.ErrNoRows) {
		return b, errBookingNotFound
	}
	if err != nil {
		return b, err
	}
	b.PromoID, b.PaymentDeadline, b.CreatedAt = promo.Int64, at(deadline), at(created)
	rows, err := q.QueryContext(ctx, `SELECT kind, label, amount FROM booking_lines WHERE booking_id = $1 ORDER BY seq`, b.ID)
	if err != nil {
		return b, err
	}
	for rows.Next() {
		var l pricing.Line
		if err := rows.Scan(&l.Kind, &l.Label, &l.Amount); err != nil {
			rows.Close()
			return b, err
		}
		b.Lines = append(b.Lines, l)
	}
	if err := rows.Close(); err != nil {
		return b, err
	}
	rows, err = q.QueryContext(ctx, `SELECT seat, seat_kind, passenger, fare, status FROM tickets WHERE booking_id = $1 ORDER BY id`, b.ID)
	if err != nil {
		return b, err
	}
	for rows.Next() {
		var t booking.Ticket
		if err := rows.Scan(&t.Seat, &t.SeatKind, &t.Passenger, &t.Fare, &t.Status); err != nil {
			rows.Close()
			return b, err
		}
		b.Tickets = append(b.Tickets, t)
	}
	if err := rows.Close(); err != nil {
		return b, err
	}
	rows, err = q.QueryContext(ctx, `SELECT at, from_status, to_status, actor, note FROM booking_history WHERE booking_id = $1 ORDER BY id`, b.ID)
	if err != nil {
		return b, err
	}
	defer rows.Close()
	for rows.Next() {
		var e booking.Event
		var t int64
		if err := rows.Scan(&t, &e.From, &e.To, &e.By, &e.Note); err != nil {
			return b, err
		}
		e.At = at(t)
		b.History = append(b.History, e)
	}
	return b, rows.Err()
}

// end moves a booking out of pending_payment into a dead status, frees its
// seats and gives its promo use back. It reports false when the booking
// was no longer pending, so that concurrent callers act once.
func end(ctx context.Context, tx *wtx, id int64, to, actor string, now time.Time) (bool, error) {
	res, err := tx.ExecContext(ctx, `UPDATE bookings SET status = $1, updated_at = $2 WHERE id = $3 AND status = $4`,
		to, ms(now), id, booking.PendingPayment)
	if err != nil {
		return false, err
	}
	if n, _ := res.RowsAffected(); n == 0 {
		return false, nil
	}
	if _, err := tx.ExecContext(ctx, `DELETE FROM occupancy WHERE booking_id = $1`, id); err != nil {
		return false, err
	}
	if _, err := tx.ExecContext(ctx, `UPDATE promos SET used = used - 1
		WHERE id = (SELECT promo_id FROM bookings WHERE id = $1) AND used > 0`, id); err != nil {
		return false, err
	}
	// Part-payments of a booking that will not be honoured are owed back.
	var paid int64
	var provider sql.NullString
	if err := tx.QueryRowContext(ctx, `SELECT b.paid, (SELECT p.provider FROM payments p WHERE p.booking_id = b.id ORDER BY p.id DESC LIMIT 1)
		FROM bookings b WHERE b.id = $1`, id).Scan(&paid, &provider); err != nil {
		return false, err
	}
	if paid > 0 {
		if _, err := tx.ExecContext(ctx, `UPDATE bookings SET paid = 0 WHERE id = $1`, id); err != nil {
			return false, err
		}
		if _, err := owe(ctx, tx, id, 0, provider.String, paid, "part-payment of a "+to+" booking", now); err != nil {
			return false, err
		}
	}
	return true, record(ctx, tx, id, now, booking.PendingPayment, to, actor, "")
}

// CancelUnpaid cancels a booking that has not been paid, at the
// passenger's request; its seats are free at once.
func (s *Store) CancelUnpaid(ctx context.Context, code, phone string, now time.Time) (booking.Booking, error) {
	var b booking.Booking
	err := s.tx(ctx, func(tx *wtx) error {
		var err error
		if b, err = loadBooking(ctx, tx, booking.NormalizeCode(code)); err != nil {
			return err
		}
		if b.Contact.Phone != phone {
			return errBookingNotFound
		}
		if b.Status == booking.Cancelled {
			return nil
		}
		ok, err := end(ctx, tx, b.ID, booking.Cancelled, "passenger", now)
		if err != nil {
			return err
		}
		if !ok {
			return apperr.New(apperr.Conflict, "not_cancellable", "code",
				"Đơn đặt vé này không thể hủy trực tuyến ở trạng thái hiện tại.", "This booking cannot be cancelled online in its current state.")
		}
		b.Status = booking.Cancelled
		return nil
	})
	return b, err
}

// ExpireBookings expires up to limit unpaid bookings whose deadline has
// passed and returns how many it expired. Several processes may run it at
// once: a booking moves out of pending_payment in exactly one of them.
func (s *Store) ExpireBookings(ctx context.Context, now time.Time, limit int) (int, error) {
	n := 0
	err := s.tx(ctx, func(tx *wtx) error {
		n = 0
		rows, err := tx.QueryContext(ctx, `SELECT id FROM bookings WHERE status = $1 AND payment_deadline <= $2 ORDER BY payment_deadline, id LIMIT $3`,
			booking.PendingPayment, ms(now), limit)
		if err != nil {
			return err
		}
		var ids []int64
		for rows.Next() {
			var id int64
			if err := rows.Scan(&id); err != nil {
				rows.Close()
				return err
			}
			ids = append(ids, id)
		}
		if err := rows.Close(); err != nil {
			return err
		}
		for _, id := range ids {
			ok, err := end(ctx, tx, id, booking.Expired, "system", now)
			if err != nil {
				return err
			}
			if ok {
				n++
			}
		}
		return nil
	})
	return n, err
}

// MarkPaid records that a pending booking has been paid in full: its seats
// are sold for good and it moves to confirmed, or to awaiting_operator for
// an operator who confirms by hand.
func (s *Store) MarkPaid(ctx context.Context, code, actor string, now time.Time) (booking.Booking, error) {
	var b booking.Booking
	err := s.tx(ctx, func(tx *wtx) error {
		var err error
		b, err = markPaid(ctx, tx, code, actor, now)
		return err
	})
	return b, err
}

// MarkPaid is Store.MarkPaid inside the Writer's transaction.
func (w *Writer) MarkPaid(code, actor string, now time.Time) (booking.Booking, error) {
	return markPaid(w.ctx, w.tx, code, actor, now)
}

func markPaid(ctx context.Context, tx *wtx, code, actor string, now time.Time) (booking.Booking, error) {
	b, err := loadBooking(ctx, tx, booking.NormalizeCode(code))
	if err != nil {
		return b, err
	}
	if b.Status != booking.PendingPayment || !now.Before(b.PaymentDeadline) {
		return b, apperr.New(apperr.Conflict, "not_payable", "code", "Đơn đặt vé không còn chờ thanh toán.", "This booking is no longer awaiting payment.")
	}
	var mode string
	if err := tx.QueryRowContext(ctx, `SELECT o.confirmation FROM trips t JOIN operators o ON o.id = t.operator_id WHERE t.id = $1`,
		b.TripID).Scan(&mode); err != nil {
		return b, err
	}
	to := booking.Confirmed
	if mode == catalog.Manual {
		to = booking.AwaitingOperator
	}
	// The status guard makes a payment and the expiry job exclusive: the
	// one that moves the booking out of pending_payment first wins.
	res, err := tx.ExecContext(ctx, `UPDATE bookings SET status = $1, updated_at = $2 WHERE id = $3 AND status = $4`,
		to, ms(now), b.ID, booking.PendingPayment)
	if err != nil {
		return b, err
	}
	if n, _ := res.RowsAffected(); n == 0 {
		return b, apperr.New(apperr.Conflict, "not_payable", "code", "Đơn đặt vé không còn chờ thanh toán.", "This booking is no longer awaiting payment.")
	}
	if _, err := tx.ExecContext(ctx, `UPDATE occupancy SET expires_at = NULL WHERE booking_id = $1`, b.ID); err != nil {
		return b, err
	}
	b.Status = to
	return b, record(ctx, tx, b.ID, now, booking.PendingPayment, to, actor, "paid")
}

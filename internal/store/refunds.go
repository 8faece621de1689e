package store

import (
	"context"
	"database/sql"
	"errors"
	"time"

	"github.com/benxe/benxe/internal/apperr"
	"github.com/benxe/benxe/internal/booking"
)

// Refund statuses.
const (
	RefundPending = "pending"
	RefundDone    = "done"
	RefundFailed  = "failed"
)

// Refund is money owed back.
type Refund struct {
	ID          int64
	BookingCode string
	Provider    string
	Amount      int64
	Reason      string
	Status      string
	Account     string
	ProviderRef string
	CreatedAt   time.Time
}

// Refunds lists refunds in a status (all when status is ""), oldest first.
func (s *Store) Refunds(ctx context.Context, status string, limit int) ([]Refund, error) {
	rows, err := s.rc.QueryContext(ctx, `SELECT r.id, coalesce(b.code, ''), r.provider, r.amount, r.reason, r.status, r.account, r.provider_ref, r.created_at
		FROM refunds r LEFT JOIN bookings b ON b.id = r.booking_id
		WHERE ($1 = '' OR r.status = $1) ORDER BY r.id LIMIT $2`, status, limit)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []Refund
	for rows.Next() {
		var r Refund
		var created int64
		if err := rows.Scan(&r.ID, &r.BookingCode, &r.Provider, &r.Amount, &r.Reason, &r.Status, &r.Account, &r.ProviderRef, &created); err != nil {
			return nil, err
		}
		r.CreatedAt = at(created)
		out = append(out, r)
	}
	return out, rows.Err()
}

var errRefundNotPending = apperr.New(apperr.Conflict, "refund_not_pending", "refund_id",
	"Khoản hoàn tiền này đã được xử lý.", "This refund has already been settled.")

// SetRefundAccount records where a bank-transfer refund is to be paid.
func (s *Store) SetRefundAccount(ctx context.Context, id int64, account string, now time.Time) error {
	return s.tx(ctx, func(tx *wtx) error {
		res, err := tx.ExecContext(ctx, `UPDATE refunds SET account = $1, updated_at = $2 WHERE id = $3 AND status = 'pending'`, account, ms(now), id)
		if err != nil {
			return err
		}
		if n, _ := res.RowsAffected(); n == 0 {
			return errRefundNotPending
		}
		return nil
	})
}

// SettleRefund ends a pending refund: done (the money went out, recorded
// in the ledger) or failed. Settling twice is refused, so a retried or
// replayed gateway answer never pays out twice.
func (s *Store) SettleRefund(ctx context.Context, id int64, done bool, providerRef string, now time.Time) error {
	return s.tx(ctx, func(tx *wtx) error {
		to := RefundFailed
		if done {
			to = RefundDone
		}
		var provider string
		var amount int64
		var bookingID sql.NullInt64
		err := tx.QueryRowContext(ctx, `UPDATE refunds SET status = $1, provider_ref = $2, updated_at = $3
			WHERE id = $4 AND status = 'pending' RETURNING provider, amount, booking_id`, to, providerRef, ms(now), id).
			Scan(&provider, &amount, &bookingID)
		if errors.Is(err, sql.ErrNoRows) {
			return errRefundNotPending
		}
		if err != nil || !done {
			return err
		}
		return ledger(ctx, tx, now, provider, "refund_out", -amount, bookingID.Int64, 0, id)
	})
}

// CancelSeats cancels some seats of a paid booking at the passenger's
// request: their seats are free at once and a refund is owed per the
// operator's policy, seat by seat. A boarded seat is never refunded.
// Cancelling every remaining seat cancels the booking.
func (s *Store) CancelSeats(ctx context.Context, code, phone string, seats []string, now time.Time) (int64, error) {
	var refund int64
	err := s.tx(ctx, func(tx *wtx) error {
		refund = 0
		b, err := loadBooking(ctx, tx, booking.NormalizeCode(code))
		if err != nil {
			return err
		}
		if b.Contact.Phone != phone {
			return errBookingNotFound
		}
		if b.Status != booking.Confirmed && b.Status != booking.AwaitingOperator && b.Status != booking.Boarded {
			return apperr.New(apperr.Conflict, "not_cancellable", "code",
				"Đơn đặt vé này không thể hủy trực tuyến ở trạng thái hiện tại.", "This booking cannot be cancelled online in its current state.")
		}
		trip, err := loadTrip(ctx, tx, b.TripID)
		if err != nil {
			return err
		}
		fee := trip.Operator.Policy.FeePercent(trip.StopTime(b.From), now)
		status := map[string]string{}
		rows, err := tx.QueryContext(ctx, `SELECT seat, status FROM tickets WHERE booking_id = $1`, b.ID)
		if err != nil {
			return err
		}
		for rows.Next() {
			var seat, st string
			if err := rows.Scan(&seat, &st); err != nil {
				rows.Close()
				return err
			}
			status[seat] = st
		}
		if err := rows.Close(); err != nil {
			return err
		}
		var fares, discount int64
		for _, l := range b.Lines {
			if l.Amount < 0 {
				discount -= l.Amount
			} else {
				fares += l.Amount
			}
		}
		for _, seat := range seats {
			switch status[seat] {
			case "active":
			case "boarded":
				return apperr.Field("seats", "seat_boarded", "Vé ghế "+seat+" đã lên xe, không thể hủy.", "Seat "+seat+" has boarded and cannot be cancelled.")
			default:
				return apperr.Field("seats", "seat_not_in_booking", "Ghế "+seat+" không thuộc đơn hoặc đã hủy.", "Seat "+seat+" is not an active seat of this booking.")
			}
			status[seat] = "cancelled"
			var fare int64
			for _, t := range b.Tickets {
				if t.Seat == seat {
					fare = t.Fare
				}
			}
			// What the seat cost after its share of the discount, then
			// the fee of the policy tier.
			paid := fare - discount*fare/max(fares, 1)
			refund += paid * int64(100-fee) / 100
			if _, err := tx.ExecContext(ctx, `UPDATE tickets SET status = 'cancelled' WHERE booking_id = $1 AND seat = $2`, b.ID, seat); err != nil {
				return err
			}
			if _, err := tx.ExecContext(ctx, `DELETE FROM occupancy WHERE booking_id = $1 AND seat = $2`, b.ID, seat); err != nil {
				return err
			}
		}
		left := 0
		for _, st := range status {
			if st != "cancelled" {
				left++
			}
		}
		to := b.Status
		if left == 0 {
			to = booking.Cancelled
			if _, err := tx.ExecContext(ctx, `UPDATE bookings SET status = $1, updated_at = $2 WHERE id = $3`, to, ms(now), b.ID); err != nil {
				return err
			}
		}
		if err := record(ctx, tx, b.ID, now, b.Status, to, "passenger", "cancelled seats"); err != nil {
			return err
		}
		if refund == 0 {
			return nil
		}
		var provider sql.NullString
		if err := tx.QueryRowContext(ctx, `SELECT provider FROM payments WHERE booking_id = $1 ORDER BY id DESC LIMIT 1`, b.ID).Scan(&provider); err != nil && !errors.Is(err, sql.ErrNoRows) {
			return err
		}
		if !provider.Valid {
			provider.String = b.PaymentMethod
		}
		_, err = owe(ctx, tx, b.ID, 0, provider.String, refund, "cancelled by the passenger", now)
		return err
	})
	return refund, err
}

// Board marks a seat of a confirmed booking as boarded.
func (s *Store) Board(ctx context.Context, code, seat string, now time.Time) error {
	return s.tx(ctx, func(tx *wtx) error {
		b, err := loadBooking(ctx, tx, booking.NormalizeCode(code))
		if err != nil {
			return err
		}
		if b.Status != booking.Confirmed && b.Status != booking.Boarded {
			return apperr.New(apperr.Conflict, "not_boardable", "code", "Vé chưa được xác nhận.", "This booking is not confirmed.")
		}
		res, err := tx.ExecContext(ctx, `UPDATE tickets SET status = 'boarded' WHERE booking_id = $1 AND seat = $2 AND status = 'active'`, b.ID, seat)
		if err != nil {
			return err
		}
		if n, _ := res.RowsAffected(); n == 0 {
			return apperr.Field("seat", "seat_not_active", "Ghế không hợp lệ hoặc đã lên xe.", "No active ticket for this seat.")
		}
		if b.Status == booking.Boarded {
			return nil
		}
		if _, err := tx.ExecContext(ctx, `UPDATE bookings SET status = $1, updated_at = $2 WHERE id = $3`, booking.Boarded, ms(now), b.ID); err != nil {
			return err
		}
		return record(ctx, tx, b.ID, now, b.Status, booking.Boarded, "operator", "seat "+seat)
	})
}

// Decide is the operator's answer to a paid booking awaiting confirmation:
// confirm it, or reject it — its seats free and all its money owed back.
func (s *Store) Decide(ctx context.Context, code string, confirm bool, actor string, now time.Time) (booking.Booking, error) {
	var b booking.Booking
	err := s.tx(ctx, func(tx *wtx) error {
		var err error
		if b, err = loadBooking(ctx, tx, booking.NormalizeCode(code)); err != nil {
			return err
		}
		to := booking.Confirmed
		if !confirm {
			to = booking.CancelledByOperator
		}
		res, err := tx.ExecContext(ctx, `UPDATE bookings SET status = $1, updated_at = $2 WHERE id = $3 AND status = $4`,
			to, ms(now), b.ID, booking.AwaitingOperator)
		if err != nil {
			return err
		}
		if n, _ := res.RowsAffected(); n == 0 {
			return apperr.New(apperr.Conflict, "not_awaiting_operator", "code",
				"Đơn không ở trạng thái chờ nhà xe xác nhận.", "This booking is not awaiting the operator's confirmation.")
		}
		if err := record(ctx, tx, b.ID, now, b.Status, to, actor, ""); err != nil {
			return err
		}
		b.Status = to
		if confirm {
			return nil
		}
		if _, err := tx.ExecContext(ctx, `DELETE FROM occupancy WHERE booking_id = $1`, b.ID); err != nil {
			return err
		}
		var provider sql.NullString
		if err := tx.QueryRowContext(ctx, `SELECT provider FROM payments WHERE booking_id = $1 ORDER BY id DESC LIMIT 1`, b.ID).Scan(&provider); err != nil && !errors.Is(err, sql.ErrNoRows) {
			return err
		}
		if !provider.Valid {
			provider.String = b.PaymentMethod
		}
		_, err = owe(ctx, tx, b.ID, 0, provider.String, b.Total, "rejected by the operator", now)
		return err
	})
	return b, err
}

// RefundSource is the payment a refund goes back to through its gateway.
type RefundSource struct {
	Ref     string // the provider's transaction id
	Content string // our reference: VNPay's TxnRef, MoMo's orderId
	Amount  int64
}

// ErrNoRefundSource: the refund has no gateway payment to go back to.
var ErrNoRefundSource = errors.New("no gateway payment for this refund")

// RefundSource finds the payment a refund was owed from, or else the
// booking's last accepted payment through the same provider.
func (s *Store) RefundSource(ctx context.Context, refundID int64) (RefundSource, error) {
	var p RefundSource
	err := s.rc.QueryRowContext(ctx, `SELECT p.provider_ref, p.content, p.amount FROM refunds r
		JOIN payments p ON p.id = coalesce(r.payment_id, (SELECT max(q.id) FROM payments q
			WHERE q.booking_id = r.booking_id AND q.provider = r.provider AND q.outcome IN ('paid', 'overpaid', 'late_accepted')))
		WHERE r.id = $1`, refundID).Scan(&p.Ref, &p.Content, &p.Amount)
	if errors.Is(err, sql.ErrNoRows) {
		return p, ErrNoRefundSource
	}
	return p, err
}

package store

import (
	"context"
	"database/sql"
	"errors"
	"time"

	"github.com/benxe/benxe/internal/apperr"
	"github.com/benxe/benxe/internal/booking"
	"github.com/benxe/benxe/internal/catalog"
)

// Payment outcomes: what a payment did to its booking.
const (
	PaidInFull   = "paid"          // the booking is paid
	PaidPart     = "partial"       // still short: stays pending, flagged
	Overpaid     = "overpaid"      // paid, and the surplus is owed back
	LateAccepted = "late_accepted" // after expiry, its seats were still free
	LateRefused  = "late_refused"  // after expiry, a seat was gone: owed back
	RefundOwed   = "refund_owed"   // the booking did not need it: owed back
	Unmatched    = "unmatched"     // no booking found: for the operator to assign
)

// Incoming is money a provider reports.
type Incoming struct {
	Provider   string   // sepay, casso, vnpay, momo, sandbox…
	Ref        string   // the provider's transaction id
	Candidates []string // booking codes the content may name, best first
	Amount     int64    // đồng
	Content    string   // the transfer content, kept for the operator
}

// Outcome is what ReceivePayment did.
type Outcome struct {
	PaymentID int64 // the payment's row, the first time's for a replay
	Result    string
	Duplicate bool // the provider had reported this transaction before
	Code      string
	Status    string // the booking's status afterwards
	Missing   int64  // still to pay, for a partial payment
	Owed      int64  // to be refunded
}

// ReceivePayment records money once per provider transaction and applies
// it to the booking it names. Everything happens in one transaction, so a
// payment racing the expiry job either pays a booking that still has its
// seats or is owed back — never a paid booking without seats.
func (s *Store) ReceivePayment(ctx context.Context, in Incoming, now time.Time) (Outcome, error) {
	if in.Amount <= 0 || in.Provider == "" || in.Ref == "" {
		return Outcome{}, apperr.Field("amount", "invalid_payment", "Thanh toán không hợp lệ.", "Invalid payment report.")
	}
	var out Outcome
	err := s.tx(ctx, func(tx *wtx) error {
		var err error
		out, err = receive(ctx, tx, in, now)
		return err
	})
	return out, err
}

func receive(ctx context.Context, tx *wtx, in Incoming, now time.Time) (Outcome, error) {
	var payID int64
	err := tx.QueryRowContext(ctx, `INSERT INTO payments (provider, provider_ref, amount, content, outcome, received_at)
		VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (provider, provider_ref) DO NOTHING RETURNING id`,
		in.Provider, in.Ref, in.Amount, in.Content, Unmatched, ms(now)).Scan(&payID)
	if errors.Is(err, sql.ErrNoRows) {
		// A replay: answer as the first time, change nothing.
		out := Outcome{Duplicate: true}
		var bookingID sql.NullInt64
		if err := tx.QueryRowContext(ctx, `SELECT id, outcome, booking_id FROM payments WHERE provider = $1 AND provider_ref = $2`,
			in.Provider, in.Ref).Scan(&out.PaymentID, &out.Result, &bookingID); err != nil {
			return out, err
		}
		if bookingID.Valid {
			err = tx.QueryRowContext(ctx, `SELECT code, status FROM bookings WHERE id = $1`, bookingID.Int64).Scan(&out.Code, &out.Status)
		}
		return out, err
	}
	if err != nil {
		return Outcome{}, err
	}
	if err := ledger(ctx, tx, now, in.Provider, "payment_in", in.Amount, 0, payID, 0); err != nil {
		return Outcome{}, err
	}
	b, found, err := findBooking(ctx, tx, in.Candidates)
	if err != nil || !found {
		return Outcome{PaymentID: payID, Result: Unmatched}, err
	}
	if b, err = lockBooking(ctx, tx, b); err != nil {
		return Outcome{}, err
	}
	out, err := applyPayment(ctx, tx, payID, in, b, "payment:"+in.Provider, now)
	out.PaymentID = payID
	return out, err
}

// applyPayment applies a recorded payment to booking b: the part of
// ReceivePayment after the payment is recorded and its booking found.
func applyPayment(ctx context.Context, tx *wtx, payID int64, in Incoming, b paidBooking, actor string, now time.Time) (Outcome, error) {
	out := Outcome{Code: b.Code}
	if b.Status == booking.PendingPayment && !now.Before(b.PaymentDeadline) {
		if _, err := end(ctx, tx, b.ID, booking.Expired, "system", now); err != nil {
			return out, err
		}
		b.Status = booking.Expired
	}
	switch b.Status {
	case booking.PendingPayment:
		paid := b.Paid + in.Amount
		if _, err := tx.ExecContext(ctx, `UPDATE bookings SET paid = $1 WHERE id = $2`, paid, b.ID); err != nil {
			return out, err
		}
		if paid < b.Total {
			out.Result, out.Missing, out.Status = PaidPart, b.Total-paid, b.Status
			if err := record(ctx, tx, b.ID, now, b.Status, b.Status, actor, "underpaid"); err != nil {
				return out, err
			}
			if err := ledger(ctx, tx, now, in.Provider, "underpaid", b.Total-paid, b.ID, payID, 0); err != nil {
				return out, err
			}
			break
		}
		pb, err := markPaid(ctx, tx, b.Code, actor, now)
		if err != nil {
			return out, err
		}
		out.Result, out.Status = PaidInFull, pb.Status
		if paid > b.Total {
			out.Result, out.Owed = Overpaid, paid-b.Total
		}
	case booking.Expired:
		if in.Amount < b.Total {
			out.Result, out.Owed, out.Status = LateRefused, in.Amount, b.Status
			break
		}
		ok, status, err := revive(ctx, tx, b, in.Provider, now)
		if err != nil {
			return out, err
		}
		out.Status = status
		if !ok {
			out.Result, out.Owed = LateRefused, in.Amount
			break
		}
		out.Result, out.Owed = LateAccepted, in.Amount-b.Total
	default:
		out.Result, out.Owed, out.Status = RefundOwed, in.Amount, b.Status
	}
	if _, err := tx.ExecContext(ctx, `UPDATE payments SET booking_id = $1, outcome = $2 WHERE id = $3`, b.ID, out.Result, payID); err != nil {
		return out, err
	}
	if out.Owed > 0 {
		if _, err := owe(ctx, tx, b.ID, payID, in.Provider, out.Owed, out.Result, now); err != nil {
			return out, err
		}
	}
	return out, nil
}

// lockBooking takes the booking's row lock (a no-op UPDATE; SQLite's
// transaction holds the whole database already) and reads it again: on
// PostgreSQL the expiry job or another payment may have changed it since
// it was first read, and what follows must act on the state it locked.
func lockBooking(ctx context.Context, tx *wtx, b paidBooking) (paidBooking, error) {
	if _, err := tx.ExecContext(ctx, `UPDATE bookings SET updated_at = updated_at WHERE id = $1`, b.ID); err != nil {
		return b, err
	}
	locked, _, err := findBooking(ctx, tx, []string{b.Code})
	return locked, err
}

// paidBooking is the part of a booking money is checked against.
type paidBooking struct {
	ID              int64
	Code, Status    string
	Total, Paid     int64
	TripID          int64
	From, To        int
	PaymentDeadline time.Time
}

func findBooking(ctx context.Context, q querier, candidates []string) (paidBooking, bool, error) {
	for _, c := range candidates {
		var b paidBooking
		var deadline int64
		err := q.QueryRowContext(ctx, `SELECT id, code, status, total, paid, trip_id, from_idx, to_idx, payment_deadline
			FROM bookings WHERE code = $1`, booking.NormalizeCode(c)).
			Scan(&b.ID, &b.Code, &b.Status, &b.Total, &b.Paid, &b.TripID, &b.From, &b.To, &deadline)
		if errors.Is(err, sql.ErrNoRows) {
			continue
		}
		b.PaymentDeadline = at(deadline)
		return b, err == nil, err
	}
	return paidBooking{}, false, nil
}

// revive takes an expired booking's seats back for good if every one is
// still free on its legs, all or nothing: a savepoint undoes a partial
// take. It reports whether it did and the booking's status after.
func revive(ctx context.Context, tx *wtx, b paidBooking, provider string, now time.Time) (bool, string, error) {
	rows, err := tx.QueryContext(ctx, `SELECT seat FROM tickets WHERE booking_id = $1 AND status = 'active' ORDER BY id`, b.ID)
	if err != nil {
		return false, b.Status, err
	}
	var seats []string
	for rows.Next() {
		var seat string
		if err := rows.Scan(&seat); err != nil {
			rows.Close()
			return false, b.Status, err
		}
		seats = append(seats, seat)
	}
	if err := rows.Close(); err != nil {
		return false, b.Status, err
	}
	if _, err := tx.Tx.ExecContext(ctx, `SAVEPOINT revive`); err != nil {
		return false, b.Status, err
	}
	args := []any{b.TripID, b.From, b.To, ms(now)}
	for _, seat := range seats {
		args = append(args, seat)
	}
	if _, err := tx.ExecContext(ctx, `DELETE FROM occupancy
		WHERE trip_id = $1 AND leg >= $2 AND leg < $3 AND expires_at IS NOT NULL AND expires_at <= $4
		  AND seat IN (`+placeholders(5, len(seats))+`)`, args...); err != nil {
		return false, b.Status, err
	}
	err = occupy(ctx, tx, b.TripID, seats, catalog.Legs(b.From, b.To), "booking_id", b.ID, time.Time{})
	if _, taken := apperr.As(err); taken {
		_, err := tx.Tx.ExecContext(ctx, `ROLLBACK TO SAVEPOINT revive`)
		return false, b.Status, err
	}
	if err != nil {
		return false, b.Status, err
	}
	var mode string
	if err := tx.QueryRowContext(ctx, `SELECT o.confirmation FROM trips t JOIN operators o ON o.id = t.operator_id WHERE t.id = $1`,
		b.TripID).Scan(&mode); err != nil {
		return false, b.Status, err
	}
	to := booking.Confirmed
	if mode == catalog.Manual {
		to = booking.AwaitingOperator
	}
	if _, err := tx.ExecContext(ctx, `UPDATE bookings SET status = $1, paid = $2, updated_at = $3 WHERE id = $4 AND status = $5`,
		to, b.Total, ms(now), b.ID, booking.Expired); err != nil {
		return false, b.Status, err
	}
	return true, to, record(ctx, tx, b.ID, now, booking.Expired, to, "payment:"+provider, "late payment, seats still free")
}

// owe records a refund owed, pending until it is paid back.
func owe(ctx context.Context, tx *wtx, bookingID, paymentID int64, provider string, amount int64, reason string, now time.Time) (int64, error) {
	var id int64
	var pay any
	if paymentID != 0 {
		pay = paymentID
	}
	if err := tx.QueryRowContext(ctx, `INSERT INTO refunds (booking_id, payment_id, provider, amount, reason, status, created_at, updated_at)
		VALUES ($1, $2, $3, $4, $5, 'pending', $6, $6) RETURNING id`, bookingID, pay, provider, amount, reason, ms(now)).Scan(&id); err != nil {
		return 0, err
	}
	return id, ledger(ctx, tx, now, provider, "refund_owed", amount, bookingID, paymentID, id)
}

func ledger(ctx context.Context, tx *wtx, now time.Time, provider, kind string, amount, bookingID, paymentID, refundID int64) error {
	null := func(id int64) any {
		if id == 0 {
			return nil
		}
		return id
	}
	_, err := tx.ExecContext(ctx, `INSERT INTO ledger (at, provider, kind, amount, booking_id, payment_id, refund_id)
		VALUES ($1, $2, $3, $4, $5, $6, $7)`, ms(now), provider, kind, amount, null(bookingID), null(paymentID), null(refundID))
	return err
}

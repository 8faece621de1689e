package store

import (
	"context"
	"database/sql"
	"errors"
	"time"

	"github.com/benxe/benxe/internal/apperr"
	"github.com/benxe/benxe/internal/booking"
	"github.com/benxe/benxe/internal/vn"
)

// Reconciliation: what the operator sees of the money — transfers no
// booking claimed, assigning them by hand, refunds per booking, and a
// day's books per provider.

// Payment is one money event a provider reported.
type Payment struct {
	ID          int64
	Provider    string
	Ref         string // the provider's transaction id
	Amount      int64
	Content     string
	Outcome     string
	BookingCode string // "" while unmatched
	ReceivedAt  time.Time
}

const paymentColumns = `p.id, p.provider, p.provider_ref, p.amount, p.content, p.outcome, coalesce(b.code, ''), p.received_at`

func scanPayment(sc interface{ Scan(...any) error }) (Payment, error) {
	var p Payment
	var received int64
	err := sc.Scan(&p.ID, &p.Provider, &p.Ref, &p.Amount, &p.Content, &p.Outcome, &p.BookingCode, &received)
	p.ReceivedAt = at(received)
	return p, err
}

// UnmatchedPayments lists the transfers no booking claimed, oldest first:
// the operator assigns them (AssignPayment) or sends them back.
func (s *Store) UnmatchedPayments(ctx context.Context, limit int) ([]Payment, error) {
	rows, err := s.rc.QueryContext(ctx, `SELECT `+paymentColumns+`
		FROM payments p LEFT JOIN bookings b ON b.id = p.booking_id
		WHERE p.outcome = 'unmatched' ORDER BY p.id LIMIT $1`, limit)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []Payment
	for rows.Next() {
		p, err := scanPayment(rows)
		if err != nil {
			return nil, err
		}
		out = append(out, p)
	}
	return out, rows.Err()
}

var errPaymentNotFound = apperr.New(apperr.NotFound, "payment_not_found", "payment_id",
	"Không tìm thấy giao dịch.", "No such payment.")

// PaymentByRef returns the payment a provider reported under ref.
func (s *Store) PaymentByRef(ctx context.Context, provider, ref string) (Payment, error) {
	p, err := scanPayment(s.rc.QueryRowContext(ctx, `SELECT `+paymentColumns+`
		FROM payments p LEFT JOIN bookings b ON b.id = p.booking_id
		WHERE p.provider = $1 AND p.provider_ref = $2`, provider, ref))
	if errors.Is(err, sql.ErrNoRows) {
		return p, errPaymentNotFound
	}
	return p, err
}

var (
	errPaymentNotUnmatched = apperr.New(apperr.Conflict, "payment_not_unmatched", "payment_id",
		"Giao dịch này đã được ghi nhận cho một đơn đặt vé.", "This payment has already been applied to a booking.")
	errAssignNoBooking = apperr.New(apperr.NotFound, "booking_not_found", "code",
		"Không có đơn đặt vé với mã này.", "No booking has this code.")
)

// AssignPayment applies an unmatched transfer to the booking the operator
// names, as ReceivePayment would have had the content named it: it may pay
// the booking, pay part of it, be late, or be owed back. It happens once:
// the payment row is claimed under a lock, and a payment no longer
// unmatched is refused.
func (s *Store) AssignPayment(ctx context.Context, paymentID int64, code, actor string, now time.Time) (Outcome, error) {
	var out Outcome
	err := s.tx(ctx, func(tx *wtx) error {
		// The no-op UPDATE locks the row on PostgreSQL (a second assigner
		// waits, then reads the outcome the first one wrote); SQLite
		// writers are serialised anyway.
		var in Incoming
		var outcome string
		err := tx.QueryRowContext(ctx, `UPDATE payments SET outcome = outcome WHERE id = $1
			RETURNING provider, provider_ref, amount, content, outcome`, paymentID).
			Scan(&in.Provider, &in.Ref, &in.Amount, &in.Content, &outcome)
		if errors.Is(err, sql.ErrNoRows) {
			return errPaymentNotFound
		}
		if err != nil {
			return err
		}
		if outcome != Unmatched {
			return errPaymentNotUnmatched
		}
		// Lock the booking too, so that money arriving for it meanwhile
		// adds up instead of overwriting what was paid.
		res, err := tx.ExecContext(ctx, `UPDATE bookings SET paid = paid WHERE code = $1`, booking.NormalizeCode(code))
		if err != nil {
			return err
		}
		if n, _ := res.RowsAffected(); n == 0 {
			return errAssignNoBooking
		}
		b, found, err := findBooking(ctx, tx, []string{code})
		if err != nil {
			return err
		}
		if !found {
			return errAssignNoBooking
		}
		out, err = applyPayment(ctx, tx, paymentID, in, b, actor, now)
		return err
	})
	return out, err
}

// BookingMoney is what a booking received and what it is owed back.
type BookingMoney struct {
	Paid    int64    // received towards the total while awaiting payment
	Refunds []Refund // every refund of the booking, oldest first
}

// BookingMoney returns the money side of a booking.
func (s *Store) BookingMoney(ctx context.Context, code string) (BookingMoney, error) {
	var m BookingMoney
	var id int64
	err := s.rc.QueryRowContext(ctx, `SELECT id, paid FROM bookings WHERE code = $1`, booking.NormalizeCode(code)).Scan(&id, &m.Paid)
	if errors.Is(err, sql.ErrNoRows) {
		return m, errAssignNoBooking
	}
	if err != nil {
		return m, err
	}
	rows, err := s.rc.QueryContext(ctx, `SELECT r.id, r.provider, r.amount, r.reason, r.status, r.account, r.provider_ref, r.created_at
		FROM refunds r WHERE r.booking_id = $1 ORDER BY r.id`, id)
	if err != nil {
		return m, err
	}
	defer rows.Close()
	for rows.Next() {
		r := Refund{BookingCode: booking.NormalizeCode(code)}
		var created int64
		if err := rows.Scan(&r.ID, &r.Provider, &r.Amount, &r.Reason, &r.Status, &r.Account, &r.ProviderRef, &created); err != nil {
			return m, err
		}
		r.CreatedAt = at(created)
		m.Refunds = append(m.Refunds, r)
	}
	return m, rows.Err()
}

var errRefundNotFound = apperr.New(apperr.NotFound, "refund_not_found", "refund_id",
	"Không tìm thấy khoản hoàn tiền.", "No such refund.")

// Refund returns one refund.
func (s *Store) Refund(ctx context.Context, id int64) (Refund, error) {
	var r Refund
	var created int64
	err := s.rc.QueryRowContext(ctx, `SELECT r.id, coalesce(b.code, ''), r.provider, r.amount, r.reason, r.status, r.account, r.provider_ref, r.created_at
		FROM refunds r LEFT JOIN bookings b ON b.id = r.booking_id WHERE r.id = $1`, id).
		Scan(&r.ID, &r.BookingCode, &r.Provider, &r.Amount, &r.Reason, &r.Status, &r.Account, &r.ProviderRef, &created)
	if errors.Is(err, sql.ErrNoRows) {
		return r, errRefundNotFound
	}
	r.CreatedAt = at(created)
	return r, err
}

var errNoRefundOwed = apperr.New(apperr.Conflict, "no_refund_owed", "",
	"Đơn đặt vé này không có khoản hoàn tiền nào đang chờ.", "This booking has no refund waiting to be paid.")

// SetBookingRefundAccount records, on every pending refund of a booking at
// once, the bank account it is to be paid to. It returns how many refunds
// it updated; none pending is an error.
func (s *Store) SetBookingRefundAccount(ctx context.Context, code, account string, now time.Time) (int, error) {
	var n int64
	err := s.tx(ctx, func(tx *wtx) error {
		res, err := tx.ExecContext(ctx, `UPDATE refunds SET account = $1, updated_at = $2
			WHERE status = 'pending' AND booking_id = (SELECT id FROM bookings WHERE code = $3)`,
			account, ms(now), booking.NormalizeCode(code))
		if err != nil {
			return err
		}
		if n, _ = res.RowsAffected(); n == 0 {
			return errNoRefundOwed
		}
		return nil
	})
	return int(n), err
}

// Reconciliation is one provider's money for one Vietnam day. Of the
// payments received that day (their outcome as it is now):
//
//	PaymentsIn        all of them
//	OwedFromPayments  refunds owed from them (surplus, late or unneeded
//	                  money), whatever the refund's status
//	Unmatched         those no booking has claimed yet
//	PartsOutstanding  part-payments not applied to a booking these
//	                  payments settled: still waiting for the rest, paid
//	                  off another day or by another provider, or owed back
//	                  once the booking expired
//	PartsCarriedIn    part-payments from other days or providers that
//	                  completed a booking these payments settled
//	BookingsSettled   the totals of the bookings these payments settled
//
// Balanced is PaymentsIn − OwedFromPayments − Unmatched − PartsOutstanding
// == BookingsSettled − PartsCarriedIn: every đồng received is in a
// booking's total, owed back, or waiting. (Without part-payments that span
// days or providers, PartsCarriedIn is 0.) RefundsOut and RefundsPending
// are refunds paid out that day and refunds created that day that are still
// owed, whichever payment they came from.
type Reconciliation struct {
	Provider         string
	Payments         int // how many payments
	PaymentsIn       int64
	OwedFromPayments int64
	Unmatched        int64
	UnmatchedCount   int
	PartsOutstanding int64
	PartsCarriedIn   int64
	BookingsSettled  int64
	BookingsCount    int
	RefundsOut       int64
	RefundsPending   int64
	Balanced         bool
}

// reconcileSQL sums each quantity as (provider, kind) rows; one statement
// for both engines.
const reconcileSQL = `WITH dp AS (
	SELECT id, provider, booking_id, amount, outcome FROM payments WHERE received_at >= $1 AND received_at < $2
)
SELECT provider, kind, count(*), CAST(sum(amount) AS BIGINT) FROM (
	SELECT provider, 'payments_in' AS kind, amount FROM dp
	UNION ALL
	SELECT provider, 'unmatched', amount FROM dp WHERE outcome = 'unmatched'
	UNION ALL
	SELECT dp.provider, 'owed_from_payments', r.amount FROM dp JOIN refunds r ON r.payment_id = dp.id
	UNION ALL
	SELECT dp.provider, 'bookings_settled', b.total FROM dp JOIN bookings b ON b.id = dp.booking_id
	 WHERE dp.outcome IN ('paid', 'overpaid', 'late_accepted')
	UNION ALL
	SELECT q.provider, 'parts_outstanding', q.amount FROM dp q
	 WHERE q.outcome = 'partial' AND NOT EXISTS (SELECT 1 FROM dp s
	   WHERE s.booking_id = q.booking_id AND s.provider = q.provider AND s.outcome IN ('paid', 'overpaid'))
	UNION ALL
	SELECT s.provider, 'parts_carried_in', q.amount FROM dp s JOIN payments q ON q.booking_id = s.booking_id AND q.outcome = 'partial'
	 WHERE s.outcome IN ('paid', 'overpaid') AND NOT EXISTS (SELECT 1 FROM dp d WHERE d.id = q.id AND d.provider = s.provider)
	UNION ALL
	SELECT provider, 'refunds_out', amount FROM refunds WHERE status = 'done' AND updated_at >= $1 AND updated_at < $2
	UNION ALL
	SELECT provider, 'refunds_pending', amount FROM refunds WHERE status = 'pending' AND created_at >= $1 AND created_at < $2
) x GROUP BY provider, kind ORDER BY provider, kind`

// Reconcile returns the books of the Vietnam calendar day that day falls
// on, one entry per provider with money that day, by provider name.
func (s *Store) Reconcile(ctx context.Context, day time.Time) ([]Reconciliation, error) {
	d := day.In(vn.Zone)
	start := time.Date(d.Year(), d.Month(), d.Day(), 0, 0, 0, 0, vn.Zone)
	rows, err := s.rc.QueryContext(ctx, reconcileSQL, ms(start), ms(start.AddDate(0, 0, 1)))
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []Reconciliation
	for rows.Next() {
		var provider, kind string
		var n int
		var sum int64
		if err := rows.Scan(&provider, &kind, &n, &sum); err != nil {
			return nil, err
		}
		if len(out) == 0 || out[len(out)-1].Provider != provider {
			out = append(out, Reconciliation{Provider: provider})
		}
		r := &out[len(out)-1]
		switch kind {
		case "payments_in":
			r.Payments, r.PaymentsIn = n, sum
		case "unmatched":
			r.UnmatchedCount, r.Unmatched = n, sum
		case "owed_from_payments":
			r.OwedFromPayments = sum
		case "bookings_settled":
			r.BookingsCount, r.BookingsSettled = n, sum
		case "parts_outstanding":
			r.PartsOutstanding = sum
		case "parts_carried_in":
			r.PartsCarriedIn = sum
		case "refunds_out":
			r.RefundsOut = sum
		case "refunds_pending":
			r.RefundsPending = sum
		}
	}
	for i := range out {
		r := &out[i]
		r.Balanced = r.PaymentsIn-r.OwedFromPayments-r.Unmatched-r.PartsOutstanding == r.BookingsSettled-r.PartsCarriedIn
	}
	return out, rows.Err()
}

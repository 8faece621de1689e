package storetest

import (
	"context"
	"database/sql"
	"testing"
	"time"

	"github.com/benxe/benxe/internal/store"
)

// invariantQueries each count rows that break a promise of DOMAIN.md; every
// count must be zero whatever happened before: races, killed processes,
// clients that hung up mid-request.
var invariantQueries = []struct{ name, sql string }{
	{"a booking's total differs from the sum of its lines",
		`SELECT count(*) FROM bookings b
		 WHERE b.total <> (SELECT coalesce(sum(l.amount), 0) FROM booking_lines l WHERE l.booking_id = b.id)`},
	{"a discount exceeds the fares",
		`SELECT count(*) FROM bookings b
		 WHERE (SELECT coalesce(sum(l.amount), 0) FROM booking_lines l WHERE l.booking_id = b.id AND l.kind = 'fare') <
		       -(SELECT coalesce(sum(l.amount), 0) FROM booking_lines l WHERE l.booking_id = b.id AND l.kind = 'discount')`},
	{"a ledger whose payments in differ from the payments recorded",
		`SELECT count(*) FROM payments p
		 WHERE p.amount <> (SELECT coalesce(sum(l.amount), 0) FROM ledger l WHERE l.payment_id = p.id AND l.kind = 'payment_in')`},
	{"a booking without tickets",
		`SELECT count(*) FROM bookings b WHERE NOT EXISTS (SELECT 1 FROM tickets t WHERE t.booking_id = b.id)`},
	{"a booking without its creation in the history",
		`SELECT count(*) FROM bookings b
		 WHERE NOT EXISTS (SELECT 1 FROM booking_history h WHERE h.booking_id = b.id AND h.from_status = '')`},
	{"a booking whose status is not the last one its history records",
		`SELECT count(*) FROM bookings b
		 WHERE b.status <> (SELECT h.to_status FROM booking_history h WHERE h.booking_id = b.id ORDER BY h.id DESC LIMIT 1)`},
	{"a live booking (pending, awaiting, confirmed) missing seat-legs of its tickets",
		`SELECT count(*) FROM bookings b
		 WHERE b.status IN ('pending_payment', 'awaiting_operator', 'confirmed', 'boarded')
		   AND (SELECT count(*) FROM occupancy o WHERE o.booking_id = b.id) <>
		       (SELECT count(*) FROM tickets t WHERE t.booking_id = b.id AND t.status <> 'cancelled') * (b.to_idx - b.from_idx)`},
	{"a refund owed larger than the money received for its booking",
		`SELECT count(*) FROM bookings b
		 WHERE (SELECT coalesce(sum(r.amount), 0) FROM refunds r WHERE r.booking_id = b.id AND r.status <> 'failed') >
		       (SELECT coalesce(sum(p.amount), 0) FROM payments p WHERE p.booking_id = b.id)
		   AND EXISTS (SELECT 1 FROM payments p WHERE p.booking_id = b.id)`},
	{"a paid booking whose seats can still expire",
		`SELECT count(*) FROM occupancy o JOIN bookings b ON b.id = o.booking_id
		 WHERE b.status IN ('awaiting_operator', 'confirmed', 'boarded') AND o.expires_at IS NOT NULL`},
	{"seats held by a dead booking",
		`SELECT count(*) FROM occupancy o JOIN bookings b ON b.id = o.booking_id
		 WHERE b.status IN ('expired', 'cancelled', 'cancelled_by_operator')`},
	{"seats held by a released or booked hold",
		`SELECT count(*) FROM occupancy o JOIN holds h ON h.id = o.hold_id WHERE h.status <> 'active'`},
	{"a booked hold without its booking",
		`SELECT count(*) FROM holds h WHERE h.status = 'booked' AND NOT EXISTS (SELECT 1 FROM bookings b WHERE b.hold_id = h.id)`},
	{"a promo used more often than its limit",
		`SELECT count(*) FROM promos WHERE total_limit > 0 AND used > total_limit`},
}

// CheckInvariants fails t for every invariant the data breaks.
func CheckInvariants(t *testing.T, st *store.Store) {
	t.Helper()
	ctx := context.Background()
	err := st.Tx(ctx, func(tx *sql.Tx) error {
		for _, q := range invariantQueries {
			var n int
			if err := tx.QueryRowContext(ctx, q.sql).Scan(&n); err != nil {
				return err
			}
			if n > 0 {
				t.Errorf("%d × %s", n, q.name)
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}

// LiveHoldSeats counts the seat-legs live holds own at now: after every
// process that made holds has died, it must fall to zero once their time
// is up.
func LiveHoldSeats(t *testing.T, st *store.Store, now time.Time) int {
	t.Helper()
	var n int
	err := st.Tx(context.Background(), func(tx *sql.Tx) error {
		return tx.QueryRow(`SELECT count(*) FROM occupancy WHERE hold_id IS NOT NULL AND expires_at > $1`, now.UnixMilli()).Scan(&n)
	})
	if err != nil {
		t.Fatal(err)
	}
	return n
}

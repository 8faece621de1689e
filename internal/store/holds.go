package store

import (
	"context"
	"crypto/rand"
	"database/sql"
	"encoding/hex"
	"encoding/json"
	"errors"
	"slices"
	"sort"
	"time"

	"github.com/benxe/benxe/internal/apperr"
	"github.com/benxe/benxe/internal/booking"
	"github.com/benxe/benxe/internal/catalog"
)

// HoldRequest asks for seats on one trip for one segment.
type HoldRequest struct {
	TripID   int64
	From, To int
	Seats    []string
}

var (
	errHoldNotFound = apperr.New(apperr.NotFound, "hold_not_found", "hold_id", "Không tìm thấy lượt giữ chỗ.", "No such hold.")
	errHoldExpired  = apperr.New(apperr.Gone, "hold_expired", "hold_id",
		"Thời gian giữ chỗ đã hết, vui lòng chọn lại ghế.", "The hold has expired; please pick your seats again.")
)

// SeatsTaken is the error of a hold that lost a race: it names the seats.
func SeatsTaken(seats []string) error {
	e := apperr.New(apperr.Conflict, "seat_unavailable", "seats",
		"Ghế đã có người đặt: vui lòng chọn ghế khác.", "These seats are no longer available: please pick others.")
	e.Seats = seats
	return e
}

func newHoldID() string {
	b := make([]byte, 16)
	rand.Read(b)
	return hex.EncodeToString(b)
}

// CreateHold takes all the seats asked for, or none. Expired rows on those
// seats are cleared first, in the same transaction, so an expired hold
// never blocks a sale; the UNIQUE key on (trip, seat, leg) decides every
// race.
func (s *Store) CreateHold(ctx context.Context, req HoldRequest, ttl time.Duration, now time.Time) (booking.Hold, error) {
	// The catalog is read before the write transaction, from the cache
	// or the read pool: on SQLite the write lock is the scarce resource at
	// a sale opening, so only the writes happen under it.
	h, err := prepareHold(ctx, s.catalogOf, req, ttl, now)
	if err != nil {
		return h, err
	}
	err = s.tx(ctx, func(tx *wtx) error { return takeSeats(ctx, tx, h, now) })
	return h, err
}

// Hold is CreateHold inside the Writer's transaction.
func (w *Writer) Hold(req HoldRequest, ttl time.Duration, now time.Time) (booking.Hold, error) {
	h, err := prepareHold(w.ctx, w.catalog, req, ttl, now)
	if err != nil {
		return h, err
	}
	return h, takeSeats(w.ctx, w.tx, h, now)
}

// prepareHold checks a hold request against the catalog and prices it.
func prepareHold(ctx context.Context, cat catalogSource, req HoldRequest, ttl time.Duration, now time.Time) (booking.Hold, error) {
	h := booking.Hold{ID: newHoldID(), TripID: req.TripID, From: req.From, To: req.To, Seats: req.Seats,
		CreatedAt: now, ExpiresAt: now.Add(ttl), Status: booking.HoldActive}
	if err := checkSeatList(req.Seats); err != nil {
		return h, err
	}
	c, err := cat(ctx, req.TripID, req.From, req.To)
	if err != nil {
		return h, err
	}
	if err := c.trip.Sellable(req.From, now); err != nil {
		return h, err
	}
	h.Amount, err = seatsAmount(c.layout, c.fares, req.Seats)
	return h, err
}

// takeSeats writes a prepared hold: all its seats on all its legs, or none.
// Expired rows on those seats are cleared first, in the same transaction,
// so an expired hold never blocks a sale; the UNIQUE key on (trip, seat,
// leg) decides every race.
func takeSeats(ctx context.Context, tx *wtx, h booking.Hold, now time.Time) error {
	// The trip may have been cancelled or taken off sale since it was read.
	var status string
	var online bool
	if err := tx.QueryRowContext(ctx, `SELECT status, online FROM trips WHERE id = $1`, h.TripID).Scan(&status, &online); err != nil {
		return err
	}
	if err := catalog.OnSale(status == "cancelled", online); err != nil {
		return err
	}
	args := []any{h.TripID, h.From, h.To, ms(now)}
	for _, seat := range h.Seats {
		args = append(args, seat)
	}
	if _, err := tx.ExecContext(ctx, `DELETE FROM occupancy
		WHERE trip_id = $1 AND leg >= $2 AND leg < $3 AND expires_at IS NOT NULL AND expires_at <= $4
		  AND seat IN (`+placeholders(5, len(h.Seats))+`)`, args...); err != nil {
		return err
	}
	seats, _ := json.Marshal(h.Seats)
	if _, err := tx.ExecContext(ctx, `INSERT INTO holds (id, trip_id, from_idx, to_idx, seats, amount, created_at, expires_at, status)
		VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
		h.ID, h.TripID, h.From, h.To, string(seats), h.Amount, ms(now), ms(h.ExpiresAt), h.Status); err != nil {
		return err
	}
	return occupy(ctx, tx, h.TripID, h.Seats, catalog.Legs(h.From, h.To), "hold_id", h.ID, h.ExpiresAt)
}

// occupy inserts the rows for seats × legs, owned by owner, or fails
// naming the seats another owner has.
func occupy(ctx context.Context, tx *wtx, tripID int64, seats []string, legs []int, ownerCol string, owner any, expires time.Time) error {
	var exp any
	if !expires.IsZero() {
		exp = ms(expires)
	}
	stmt, err := tx.PrepareContext(ctx, `INSERT INTO occupancy (trip_id, seat, leg, `+ownerCol+`, expires_at)
		VALUES ($1, $2, $3, $4, $5) ON CONFLICT (trip_id, seat, leg) DO NOTHING`)
	if err != nil {
		return err
	}
	defer stmt.Close()
	// Every transaction takes seat-legs in one order, the UNIQUE key's
	// (seat, leg), as the DELETE of expired rows before it does: two holds
	// on the same seats then wait for each other instead of deadlocking.
	seats = slices.Sorted(slices.Values(seats))
	var taken []string
	for _, seat := range seats {
		for _, leg := range legs {
			res, err := stmt.ExecContext(ctx, tripID, seat, leg, owner, exp)
			if err != nil {
				return err
			}
			if n, _ := res.RowsAffected(); n == 0 {
				taken = append(taken, seat)
				break
			}
		}
	}
	if len(taken) > 0 {
		return SeatsTaken(taken)
	}
	return nil
}

func checkSeatList(seats []string) error {
	if len(seats) == 0 {
		return apperr.Field("seats", "required", "Vui lòng chọn ít nhất một ghế.", "Please pick at least one seat.")
	}
	if len(seats) > booking.MaxSeats {
		return apperr.Field("seats", "too_many_seats", "Mỗi lần chỉ đặt tối đa 10 ghế.", "At most 10 seats can be booked at once.")
	}
	seen := map[string]bool{}
	for _, s := range seats {
		if seen[s] {
			return apperr.Field("seats", "duplicate_seat", "Một ghế được chọn hai lần: "+s+".", "Seat "+s+" is listed twice.")
		}
		seen[s] = true
	}
	return nil
}

// seatsAmount prices the seats for the segment, checking each exists, is
// not blocked and has a fare.
func seatsAmount(layout catalog.Layout, fares map[string]int64, seats []string) (int64, error) {
	var total int64
	var bad []string
	for _, label := range seats {
		c, ok := layout.Seat(label)
		if !ok || c.Blocked || fares[c.Kind] == 0 {
			bad = append(bad, label)
			continue
		}
		total += fares[c.Kind]
	}
	if len(bad) > 0 {
		sort.Strings(bad)
		e := apperr.Field("seats", "unknown_seat", "Ghế không tồn tại hoặc không bán trên chuyến này.", "These seats do not exist or are not sold on this trip.")
		e.Seats = bad
		return 0, e
	}
	return total, nil
}

// Hold returns a hold.
func (s *Store) Hold(ctx context.Context, id string) (booking.Hold, error) {
	return loadHold(ctx, s.rc, id)
}

func loadHold(ctx context.Context, q querier, id string) (booking.Hold, error) {
	h := booking.Hold{ID: id}
	var seats string
	var created, expires int64
	err := q.QueryRowContext(ctx, `SELECT trip_id, from_idx, to_idx, seats, amount, created_at, expires_at, status FROM holds WHERE id = $1`, id).
		Scan(&h.TripID, &h.From, &h.To, &seats, &h.Amount, &created, &expires, &h.Status)
	if errors.Is(err, sql.ErrNoRows) {
		return h, errHoldNotFound
	}
	if err != nil {
		return h, err
	}
	h.CreatedAt, h.ExpiresAt = at(created), at(expires)
	return h, json.Unmarshal([]byte(seats), &h.Seats)
}

// ReleaseHold gives a hold's seats back. Releasing twice is not an error.
func (s *Store) ReleaseHold(ctx context.Context, id string) error {
	return s.tx(ctx, func(tx *wtx) error {
		h, err := loadHold(ctx, tx, id)
		if err != nil {
			return err
		}
		switch h.Status {
		case booking.HoldReleased:
			return nil
		case booking.HoldBooked:
			return apperr.New(apperr.Conflict, "hold_booked", "hold_id", "Lượt giữ chỗ đã được đặt vé.", "This hold has already been booked.")
		}
		if _, err := tx.ExecContext(ctx, `DELETE FROM occupancy WHERE hold_id = $1`, id); err != nil {
			return err
		}
		_, err = tx.ExecContext(ctx, `UPDATE holds SET status = $1 WHERE id = $2`, booking.HoldReleased, id)
		return err
	})
}

// ExtendHold keeps a live hold's seats longer, never past the policy's cap.
func (s *Store) ExtendHold(ctx context.Context, id string, p booking.HoldPolicy, now time.Time) (booking.Hold, error) {
	var h booking.Hold
	err := s.tx(ctx, func(tx *wtx) error {
		var err error
		if h, err = loadHold(ctx, tx, id); err != nil {
			return err
		}
		if !h.Live(now) {
			return errHoldExpired
		}
		h.ExpiresAt = p.Extended(h, now)
		if _, err := tx.ExecContext(ctx, `UPDATE holds SET expires_at = $1 WHERE id = $2`, ms(h.ExpiresAt), id); err != nil {
			return err
		}
		_, err = tx.ExecContext(ctx, `UPDATE occupancy SET expires_at = $1 WHERE hold_id = $2`, ms(h.ExpiresAt), id)
		return err
	})
	return h, err
}

// SweepHolds removes the occupancy rows of expired holds. Correctness does
// not depend on it (expired rows never block a sale); it keeps the table
// small. Safe in several processes: each statement only deletes rows that
// are expired at now.
func (s *Store) SweepHolds(ctx context.Context, now time.Time) (int64, error) {
	var n int64
	err := s.tx(ctx, func(tx *wtx) error {
		res, err := tx.ExecContext(ctx, `DELETE FROM occupancy WHERE hold_id IS NOT NULL AND expires_at <= $1`, ms(now))
		if err != nil {
			return err
		}
		n, _ = res.RowsAffected()
		return nil
	})
	return n, err
}

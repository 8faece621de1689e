package store

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"strings"
	"time"

	"github.com/benxe/benxe/internal/apperr"
	"github.com/benxe/benxe/internal/catalog"
)

// querier is what reads need, from the pool or inside a transaction.
type querier interface {
	QueryContext(context.Context, string, ...any) (*sql.Rows, error)
	QueryRowContext(context.Context, string, ...any) *sql.Row
}

var errTripNotFound = apperr.New(apperr.NotFound, "trip_not_found", "trip_id", "Không tìm thấy chuyến xe.", "No such trip.")

// Trip returns a trip with its operator and stops.
func (s *Store) Trip(ctx context.Context, id int64) (catalog.Trip, error) {
	return loadTrip(ctx, s.rc, id)
}

func loadTrip(ctx context.Context, q querier, id int64) (catalog.Trip, error) {
	var t catalog.Trip
	var dep int64
	var policy, status, methods string
	err := q.QueryRowContext(ctx, `SELECT t.id, t.timetable_id, t.route_id, r.name, t.layout_id, l.vehicle, t.departs_at, t.status, t.online,
			o.id, o.slug, o.name, o.phone, o.rating, o.confirmation, o.policy, o.bank_bin, o.bank_account, o.bank_account_name,
			o.transfer_minutes, o.counter_minutes, o.online_minutes, o.methods
		FROM trips t
		JOIN routes r ON r.id = t.route_id
		JOIN layouts l ON l.id = t.layout_id
		JOIN operators o ON o.id = t.operator_id
		WHERE t.id = $1`, id).Scan(&t.ID, &t.TimetableID, &t.RouteID, &t.RouteName, &t.LayoutID, &t.Vehicle, &dep, &status, &t.Online,
		&t.Operator.ID, &t.Operator.Slug, &t.Operator.Name, &t.Operator.Phone, &t.Operator.Rating, &t.Operator.Confirmation,
		&policy, &t.Operator.BankBIN, &t.Operator.BankAccount, &t.Operator.BankAccountName,
		&t.Operator.TransferMinutes, &t.Operator.CounterMinutes, &t.Operator.OnlineMinutes, &methods)
	if errors.Is(err, sql.ErrNoRows) {
		return t, errTripNotFound
	}
	if err != nil {
		return t, err
	}
	t.DepartsAt = at(dep)
	t.Cancelled = status == "cancelled"
	t.Operator.Methods = strings.Split(methods, ",")
	if err := json.Unmarshal([]byte(policy), &t.Operator.Policy); err != nil {
		return t, err
	}
	rows, err := q.QueryContext(ctx, `SELECT s.idx, s.place_id, p.name, s.name, s.offset_min
		FROM stops s JOIN places p ON p.id = s.place_id WHERE s.route_id = $1 ORDER BY s.idx`, t.RouteID)
	if err != nil {
		return t, err
	}
	defer rows.Close()
	for rows.Next() {
		var st catalog.Stop
		var off int
		if err := rows.Scan(&st.Index, &st.PlaceID, &st.Place, &st.Name, &off); err != nil {
			return t, err
		}
		st.Offset = time.Duration(off) * time.Minute
		t.Stops = append(t.Stops, st)
	}
	return t, rows.Err()
}

// Layout returns a seat layout.
func (s *Store) Layout(ctx context.Context, id int64) (catalog.Layout, error) {
	return loadLayout(ctx, s.rc, id)
}

func loadLayout(ctx context.Context, q querier, id int64) (catalog.Layout, error) {
	l := catalog.Layout{ID: id}
	var decks string
	if err := q.QueryRowContext(ctx, `SELECT slug, name, vehicle, decks FROM layouts WHERE id = $1`, id).
		Scan(&l.Slug, &l.Name, &l.Vehicle, &decks); err != nil {
		return l, err
	}
	var err error
	l.Decks, err = catalog.DecodeDecks(decks)
	return l, err
}

// Fares returns the fares of a segment by seat kind.
func (s *Store) Fares(ctx context.Context, timetableID int64, from, to int) (map[string]int64, error) {
	return loadFares(ctx, s.rc, timetableID, from, to)
}

func loadFares(ctx context.Context, q querier, timetableID int64, from, to int) (map[string]int64, error) {
	rows, err := q.QueryContext(ctx, `SELECT seat_kind, amount FROM fares WHERE timetable_id = $1 AND from_idx = $2 AND to_idx = $3`,
		timetableID, from, to)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	fares := map[string]int64{}
	for rows.Next() {
		var kind string
		var amount int64
		if err := rows.Scan(&kind, &amount); err != nil {
			return nil, err
		}
		fares[kind] = amount
	}
	return fares, rows.Err()
}

// Points returns the pickup and drop-off points of a route.
func (s *Store) Points(ctx context.Context, routeID int64) ([]catalog.Point, error) {
	return loadPoints(ctx, s.rc, routeID)
}

func loadPoints(ctx context.Context, q querier, routeID int64) ([]catalog.Point, error) {
	rows, err := q.QueryContext(ctx, `SELECT id, stop_idx, name, address, offset_min, pickup, dropoff, note
		FROM points WHERE route_id = $1 ORDER BY stop_idx, offset_min, id`, routeID)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []catalog.Point
	for rows.Next() {
		var p catalog.Point
		var off int
		if err := rows.Scan(&p.ID, &p.StopIdx, &p.Name, &p.Address, &off, &p.Pickup, &p.Dropoff, &p.Note); err != nil {
			return nil, err
		}
		p.Offset = time.Duration(off) * time.Minute
		out = append(out, p)
	}
	return out, rows.Err()
}

// Seat states for one segment.
const (
	SeatAvailable = "available"
	SeatHeld      = "held"
	SeatSold      = "sold"
	SeatBlocked   = "blocked"
)

// SeatStates says, for each seat taken on any leg of from→to at now,
// whether a hold or a booking has it. Seats not in the map are free.
func (s *Store) SeatStates(ctx context.Context, tripID int64, from, to int, now time.Time) (map[string]string, error) {
	rows, err := s.rc.QueryContext(ctx, `SELECT seat, max(CASE WHEN booking_id IS NULL THEN 0 ELSE 1 END)
		FROM occupancy
		WHERE trip_id = $1 AND leg >= $2 AND leg < $3 AND (expires_at IS NULL OR expires_at > $4)
		GROUP BY seat`, tripID, from, to, ms(now))
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	states := map[string]string{}
	for rows.Next() {
		var seat string
		var booked int
		if err := rows.Scan(&seat, &booked); err != nil {
			return nil, err
		}
		states[seat] = SeatHeld
		if booked == 1 {
			states[seat] = SeatSold
		}
	}
	return states, rows.Err()
}

// TripIDs lists the trips departing in [from, to).
func (s *Store) TripIDs(ctx context.Context, from, to time.Time) ([]int64, error) {
	rows, err := s.rc.QueryContext(ctx, `SELECT id FROM trips WHERE departs_at >= $1 AND departs_at < $2 ORDER BY id`, ms(from), ms(to))
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var ids []int64
	for rows.Next() {
		var id int64
		if err := rows.Scan(&id); err != nil {
			return nil, err
		}
		ids = append(ids, id)
	}
	return ids, rows.Err()
}

// catalogSource reads what selling a segment of a trip needs from the
// catalog: through the cache (Store.catalogOf) or inside a transaction
// (Writer.catalog).
type catalogSource func(ctx context.Context, tripID int64, from, to int) (tripCatalog, error)

type segmentKey struct {
	trip     int64
	from, to int
}

// catalogOf is loadCatalog from the read pool, through the process's
// cache: a hold then reads one row, the catalog's version, before it
// writes. What it returns is shared: read it only.
func (s *Store) catalogOf(ctx context.Context, tripID int64, from, to int) (tripCatalog, error) {
	version, err := s.catalogVersion(ctx)
	if err != nil {
		return tripCatalog{}, err
	}
	return s.trips.through(ctx, segmentKey{tripID, from, to}, version, func(ctx context.Context) (tripCatalog, int, error) {
		c, err := loadCatalog(ctx, s.rc, tripID, from, to)
		return c, 1, err
	})
}

func (w *Writer) catalog(ctx context.Context, tripID int64, from, to int) (tripCatalog, error) {
	return loadCatalog(ctx, w.tx, tripID, from, to)
}

// tripCatalog is what selling a segment of a trip reads from the catalog.
type tripCatalog struct {
	trip   catalog.Trip
	layout catalog.Layout
	fares  map[string]int64
	points []catalog.Point
}

func loadCatalog(ctx context.Context, q querier, tripID int64, from, to int) (tripCatalog, error) {
	var c tripCatalog
	var err error
	if c.trip, err = loadTrip(ctx, q, tripID); err != nil {
		return c, err
	}
	if err := c.trip.Segment(from, to); err != nil {
		return c, err
	}
	if c.layout, err = loadLayout(ctx, q, c.trip.LayoutID); err != nil {
		return c, err
	}
	if c.fares, err = loadFares(ctx, q, c.trip.TimetableID, from, to); err != nil {
		return c, err
	}
	c.points, err = loadPoints(ctx, q, c.trip.RouteID)
	return c, err
}

package store

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"time"

	"github.com/benxe/benxe/internal/apperr"
	"github.com/benxe/benxe/internal/catalog"
	"github.com/benxe/benxe/internal/vn"
)

// Writer adds to the catalog inside one transaction, so a whole network
// loads in one commit.
type Writer struct {
	ctx context.Context
	tx  *sql.Tx
}

// Write runs fn with a Writer in one transaction.
func (s *Store) Write(ctx context.Context, fn func(*Writer) error) error {
	return s.Tx(ctx, func(tx *sql.Tx) error { return fn(&Writer{ctx: ctx, tx: tx}) })
}

// Operator adds an operator and sets its ID.
func (w *Writer) Operator(op *catalog.Operator) error {
	policy, err := json.Marshal(op.Policy)
	if err != nil {
		return err
	}
	return w.tx.QueryRowContext(w.ctx, `INSERT INTO operators
		(slug, name, phone, rating, confirmation, policy, bank_bin, bank_account, bank_account_name, transfer_minutes, counter_minutes)
		VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11) RETURNING id`,
		op.Slug, op.Name, op.Phone, op.Rating, op.Confirmation, string(policy), op.BankBIN, op.BankAccount,
		op.BankAccountName, op.TransferMinutes, op.CounterMinutes).Scan(&op.ID)
}

// Place adds a place searchable by its name and its aliases.
func (w *Writer) Place(p *catalog.Place, aliases []string) error {
	if err := w.tx.QueryRowContext(w.ctx, `INSERT INTO places (slug, name, province, kind) VALUES ($1, $2, $3, $4) RETURNING id`,
		p.Slug, p.Name, p.Province, p.Kind).Scan(&p.ID); err != nil {
		return err
	}
	for _, name := range append([]string{p.Name}, aliases...) {
		if _, err := w.tx.ExecContext(w.ctx, `INSERT INTO place_names (place_id, name, key) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING`,
			p.ID, name, vn.Key(name)); err != nil {
			return err
		}
	}
	return nil
}

// Layout adds a seat layout.
func (w *Writer) Layout(l *catalog.Layout) error {
	if err := l.Validate(); err != nil {
		return err
	}
	decks, err := l.EncodeDecks()
	if err != nil {
		return err
	}
	return w.tx.QueryRowContext(w.ctx, `INSERT INTO layouts (slug, name, vehicle, decks, seats) VALUES ($1, $2, $3, $4, $5) RETURNING id`,
		l.Slug, l.Name, l.Vehicle, decks, l.Sellable()).Scan(&l.ID)
}

// RouteStop is a stop of a new route with its points.
type RouteStop struct {
	PlaceID int64
	Name    string
	Offset  time.Duration
	Points  []catalog.Point
}

// Route adds a route with its stops and points and returns its ID.
func (w *Writer) Route(slug string, operatorID int64, name string, stops []RouteStop) (int64, error) {
	if len(stops) < 2 {
		return 0, fmt.Errorf("route %s: %d stops, want at least 2", slug, len(stops))
	}
	var id int64
	if err := w.tx.QueryRowContext(w.ctx, `INSERT INTO routes (slug, operator_id, name) VALUES ($1, $2, $3) RETURNING id`,
		slug, operatorID, name).Scan(&id); err != nil {
		return 0, err
	}
	for i, st := range stops {
		if i > 0 && st.Offset <= stops[i-1].Offset {
			return 0, fmt.Errorf("route %s: stop %d is not after stop %d", slug, i, i-1)
		}
		if _, err := w.tx.ExecContext(w.ctx, `INSERT INTO stops (route_id, idx, place_id, name, offset_min) VALUES ($1, $2, $3, $4, $5)`,
			id, i, st.PlaceID, st.Name, int(st.Offset/time.Minute)); err != nil {
			return 0, err
		}
		for _, p := range st.Points {
			if _, err := w.tx.ExecContext(w.ctx, `INSERT INTO points (route_id, stop_idx, name, address, offset_min, pickup, dropoff, note)
				VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
				id, i, p.Name, p.Address, int(p.Offset/time.Minute), p.Pickup, p.Dropoff, p.Note); err != nil {
				return 0, err
			}
		}
	}
	_, err := w.tx.ExecContext(w.ctx, `UPDATE places SET rank = rank + 1 WHERE id IN (SELECT place_id FROM stops WHERE route_id = $1)`, id)
	return id, err
}

// Fare is the price of a segment in one seat kind.
type Fare struct {
	From, To int
	Kind     string
	Amount   int64
}

// Timetable is a departure time of a route that repeats on some weekdays.
type Timetable struct {
	RouteID   int64
	LayoutID  int64
	Depart    string // HH:MM, Vietnam time
	Weekdays  uint8  // bit 0 = Sunday; 0 means every day
	ValidFrom string // YYYY-MM-DD
	ValidTo   string // YYYY-MM-DD or "" for open-ended
	Fares     []Fare
}

// Timetable adds a timetable with its fares and returns its ID.
func (w *Writer) Timetable(t Timetable) (int64, error) {
	if _, err := time.Parse("15:04", t.Depart); err != nil {
		return 0, fmt.Errorf("timetable depart %q: %w", t.Depart, err)
	}
	if t.Weekdays == 0 {
		t.Weekdays = 127
	}
	var id int64
	if err := w.tx.QueryRowContext(w.ctx, `INSERT INTO timetables (route_id, layout_id, depart, weekdays, valid_from, valid_to)
		VALUES ($1, $2, $3, $4, $5, $6) RETURNING id`,
		t.RouteID, t.LayoutID, t.Depart, t.Weekdays, t.ValidFrom, t.ValidTo).Scan(&id); err != nil {
		return 0, err
	}
	for _, f := range t.Fares {
		if _, err := w.tx.ExecContext(w.ctx, `INSERT INTO fares (timetable_id, from_idx, to_idx, seat_kind, amount) VALUES ($1, $2, $3, $4, $5)`,
			id, f.From, f.To, f.Kind, f.Amount); err != nil {
			return 0, err
		}
	}
	return id, nil
}

// GenerateTrips creates the trips of every timetable for the Vietnam dates
// first…last; trips that exist already are left as they are, so it can run
// again every day to roll the horizon forward.
func (s *Store) GenerateTrips(ctx context.Context, first, last time.Time) (int, error) {
	created := 0
	err := s.Tx(ctx, func(tx *sql.Tx) error {
		rows, err := tx.QueryContext(ctx, `SELECT tt.id, tt.route_id, r.operator_id, tt.layout_id, tt.depart, tt.weekdays, tt.valid_from, tt.valid_to
			FROM timetables tt JOIN routes r ON r.id = tt.route_id`)
		if err != nil {
			return err
		}
		type tt struct {
			id, route, op, layout int64
			depart, from, to      string
			weekdays              int
		}
		var tts []tt
		for rows.Next() {
			var t tt
			if err := rows.Scan(&t.id, &t.route, &t.op, &t.layout, &t.depart, &t.weekdays, &t.from, &t.to); err != nil {
				rows.Close()
				return err
			}
			tts = append(tts, t)
		}
		if err := rows.Close(); err != nil {
			return err
		}
		ins, err := tx.PrepareContext(ctx, `INSERT INTO trips (timetable_id, route_id, operator_id, layout_id, departs_at)
			VALUES ($1, $2, $3, $4, $5) ON CONFLICT (timetable_id, departs_at) DO NOTHING`)
		if err != nil {
			return err
		}
		defer ins.Close()
		for _, t := range tts {
			hm, _ := time.Parse("15:04", t.depart)
			for d := first; !d.After(last); d = d.AddDate(0, 0, 1) {
				date := d.Format("2006-01-02")
				if date < t.from || (t.to != "" && date > t.to) || t.weekdays&(1<<int(d.Weekday())) == 0 {
					continue
				}
				dep := time.Date(d.Year(), d.Month(), d.Day(), hm.Hour(), hm.Minute(), 0, 0, vn.Zone)
				res, err := ins.ExecContext(ctx, t.id, t.route, t.op, t.layout, ms(dep))
				if err != nil {
					return err
				}
				n, _ := res.RowsAffected()
				created += int(n)
			}
		}
		return nil
	})
	return created, err
}

// Empty reports whether no operator exists yet.
func (s *Store) Empty(ctx context.Context) (bool, error) {
	var n int
	err := s.r.QueryRowContext(ctx, `SELECT count(*) FROM operators`).Scan(&n)
	return n == 0, err
}

// PlaceHit is a place found by a search.
type PlaceHit struct {
	catalog.Place
	Matched string // the name or alias that matched
}

// SearchPlaces finds places whose name or alias contains q, ignoring
// accents, case and spaces. Prefix matches and busy places come first.
func (s *Store) SearchPlaces(ctx context.Context, q string, limit int) ([]PlaceHit, error) {
	// Keys are [a-z0-9] only, so they carry no LIKE wildcards.
	key := vn.Key(q)
	if key == "" {
		return nil, nil
	}
	rows, err := s.r.QueryContext(ctx, `SELECT p.id, p.slug, p.name, p.province, p.kind, min(n.name),
			min(CASE WHEN n.key LIKE CAST($1 AS TEXT) || '%' THEN 0 ELSE 1 END) AS prefix
		FROM place_names n JOIN places p ON p.id = n.place_id
		WHERE n.key LIKE '%' || CAST($1 AS TEXT) || '%'
		GROUP BY p.id, p.slug, p.name, p.province, p.kind, p.rank
		ORDER BY prefix, p.rank DESC, p.name
		LIMIT $2`, key, limit)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var hits []PlaceHit
	for rows.Next() {
		var h PlaceHit
		var prefix int
		if err := rows.Scan(&h.ID, &h.Slug, &h.Name, &h.Province, &h.Kind, &h.Matched, &prefix); err != nil {
			return nil, err
		}
		hits = append(hits, h)
	}
	return hits, rows.Err()
}

// Place returns one place.
func (s *Store) Place(ctx context.Context, id int64) (catalog.Place, error) {
	var p catalog.Place
	err := s.r.QueryRowContext(ctx, `SELECT id, slug, name, province, kind FROM places WHERE id = $1`, id).
		Scan(&p.ID, &p.Slug, &p.Name, &p.Province, &p.Kind)
	if errors.Is(err, sql.ErrNoRows) {
		return p, apperr.New(apperr.NotFound, "place_not_found", "", "Không tìm thấy địa điểm.", "No such place.")
	}
	return p, err
}

// PlaceBySlug returns one place by its slug.
func (s *Store) PlaceBySlug(ctx context.Context, slug string) (catalog.Place, error) {
	var id int64
	err := s.r.QueryRowContext(ctx, `SELECT id FROM places WHERE slug = $1`, slug).Scan(&id)
	if errors.Is(err, sql.ErrNoRows) {
		return catalog.Place{}, apperr.New(apperr.NotFound, "place_not_found", "", "Không tìm thấy địa điểm.", "No such place.")
	}
	if err != nil {
		return catalog.Place{}, err
	}
	return s.Place(ctx, id)
}

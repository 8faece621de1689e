package store

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"maps"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/benxe/benxe/internal/apperr"
	"github.com/benxe/benxe/internal/catalog"
	"github.com/benxe/benxe/internal/vn"
)

// Writer adds to the catalog inside one transaction, so a whole network
// loads in one commit.
type Writer struct {
	ctx context.Context
	tx  *wtx
}

// Write runs fn with a Writer in one transaction. fn runs once (loaders
// draw from random sources as they go, so a second run would differ).
func (s *Store) Write(ctx context.Context, fn func(*Writer) error) error {
	return s.txOnce(ctx, func(tx *wtx) error {
		if err := fn(&Writer{ctx: ctx, tx: tx}); err != nil {
			return err
		}
		return bumpCatalog(ctx, tx)
	})
}

// batchParams caps the parameters of one multi-row statement, under
// SQLite's 32766 and PostgreSQL's 65535: past a few hundred rows a statement
// its fixed cost (a round trip on PostgreSQL, a call through database/sql
// on both) no longer shows, while a longer statement only costs more to
// build.
const batchParams = 256

// insertRows writes n rows of cols values each with multi-row INSERT
// statements: query is "INSERT INTO t (…) VALUES " and suffix what follows
// the rows. row appends row i's values to args. When scan is not nil the
// statement must return rows, and scan sees every one of them. Full batches
// share one prepared statement: SQLite would parse each one again.
func (w *Writer) insertRows(query, suffix string, cols, n int, row func(i int, args []any) []any, scan func(*sql.Rows) error) error {
	per := max(1, batchParams/cols)
	var full *sql.Stmt
	defer func() {
		if full != nil {
			full.Close()
		}
	}()
	args := make([]any, 0, min(n, per)*cols)
	for lo := 0; lo < n; lo += per {
		hi := min(n, lo+per)
		args = args[:0]
		for i := lo; i < hi; i++ {
			args = row(i, args)
		}
		if hi-lo == per && n > per && full == nil {
			var err error
			if full, err = w.tx.PrepareContext(w.ctx, query+valuesList(cols, per)+suffix); err != nil {
				return err
			}
		}
		var err error
		if hi-lo == per && full != nil {
			err = w.run(full, "", args, scan)
		} else {
			err = w.run(nil, query+valuesList(cols, hi-lo)+suffix, args, scan)
		}
		if err != nil {
			return err
		}
	}
	return nil
}

// run executes stmt, or query when stmt is nil, scanning its rows if asked.
func (w *Writer) run(stmt *sql.Stmt, query string, args []any, scan func(*sql.Rows) error) error {
	if scan == nil {
		var err error
		if stmt != nil {
			_, err = stmt.ExecContext(w.ctx, args...)
		} else {
			_, err = w.tx.ExecContext(w.ctx, query, args...)
		}
		return err
	}
	var rows *sql.Rows
	var err error
	if stmt != nil {
		rows, err = stmt.QueryContext(w.ctx, args...)
	} else {
		rows, err = w.tx.QueryContext(w.ctx, query, args...)
	}
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		if err := scan(rows); err != nil {
			return err
		}
	}
	return rows.Err()
}

// insertIDs is insertRows for a table with a generated id, returning the
// ids in the order of the rows. Neither engine promises the order of
// RETURNING rows, but both insert VALUES rows in order and give each a
// higher id than the one before, within a statement and across the
// statements of a transaction, so the sorted ids match the rows.
func (w *Writer) insertIDs(query string, cols, n int, row func(i int, args []any) []any) ([]int64, error) {
	ids := make([]int64, 0, n)
	err := w.insertRows(query, " RETURNING id", cols, n, row, func(rows *sql.Rows) error {
		var id int64
		err := rows.Scan(&id)
		ids = append(ids, id)
		return err
	})
	if err == nil && len(ids) != n {
		err = fmt.Errorf("insert returned %d ids for %d rows", len(ids), n)
	}
	slices.Sort(ids)
	return ids, err
}

// valuesList is "($1, $2), ($3, $4)" for rows rows of cols values.
func valuesList(cols, rows int) string {
	var b strings.Builder
	b.Grow(rows * cols * 7)
	n := 1
	for r := 0; r < rows; r++ {
		if r > 0 {
			b.WriteString(", ")
		}
		b.WriteByte('(')
		for c := 0; c < cols; c++ {
			if c > 0 {
				b.WriteString(", ")
			}
			b.WriteByte('$')
			b.WriteString(strconv.Itoa(n))
			n++
		}
		b.WriteByte(')')
	}
	return b.String()
}

// Operator adds an operator and sets its ID.
func (w *Writer) Operator(op *catalog.Operator) error {
	ops := []catalog.Operator{*op}
	if err := w.Operators(ops); err != nil {
		return err
	}
	op.ID = ops[0].ID
	return nil
}

// Operators adds operators and sets their IDs.
func (w *Writer) Operators(ops []catalog.Operator) error {
	policies := make([]string, len(ops))
	for i, op := range ops {
		b, err := json.Marshal(op.Policy)
		if err != nil {
			return err
		}
		policies[i] = string(b)
	}
	ids, err := w.insertIDs(`INSERT INTO operators
		(slug, name, phone, rating, confirmation, policy, bank_bin, bank_account, bank_account_name, transfer_minutes, counter_minutes)
		VALUES `, 11, len(ops), func(i int, a []any) []any {
		op := ops[i]
		return append(a, op.Slug, op.Name, op.Phone, op.Rating, op.Confirmation, policies[i], op.BankBIN, op.BankAccount,
			op.BankAccountName, op.TransferMinutes, op.CounterMinutes)
	})
	if err != nil {
		return err
	}
	for i, id := range ids {
		ops[i].ID = id
	}
	return nil
}

// NewPlace is a place to add with the other names it is searched by.
type NewPlace struct {
	Place   catalog.Place
	Aliases []string
}

// Place adds a place searchable by its name and its aliases.
func (w *Writer) Place(p *catalog.Place, aliases []string) error {
	ps := []NewPlace{{Place: *p, Aliases: aliases}}
	if err := w.Places(ps); err != nil {
		return err
	}
	p.ID = ps[0].Place.ID
	return nil
}

// Places adds places searchable by their names and aliases, and sets their
// IDs.
func (w *Writer) Places(ps []NewPlace) error {
	ids, err := w.insertIDs(`INSERT INTO places (slug, name, province, kind) VALUES `, 4, len(ps), func(i int, a []any) []any {
		p := ps[i].Place
		return append(a, p.Slug, p.Name, p.Province, p.Kind)
	})
	if err != nil {
		return err
	}
	type name struct {
		place int64
		name  string
	}
	var names []name
	for i, id := range ids {
		ps[i].Place.ID = id
		for _, n := range append([]string{ps[i].Place.Name}, ps[i].Aliases...) {
			names = append(names, name{id, n})
		}
	}
	return w.insertRows(`INSERT INTO place_names (place_id, name, key) VALUES `, ` ON CONFLICT DO NOTHING`, 3, len(names),
		func(i int, a []any) []any { return append(a, names[i].place, names[i].name, vn.Key(names[i].name)) }, nil)
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

// NewRoute is a route to add.
type NewRoute struct {
	Slug       string
	OperatorID int64
	Name       string
	Stops      []RouteStop
}

// Route adds a route with its stops and points and returns its ID.
func (w *Writer) Route(slug string, operatorID int64, name string, stops []RouteStop) (int64, error) {
	ids, err := w.Routes([]NewRoute{{Slug: slug, OperatorID: operatorID, Name: name, Stops: stops}})
	if err != nil {
		return 0, err
	}
	return ids[0], nil
}

// Routes adds routes with their stops and points and returns their IDs.
func (w *Writer) Routes(rs []NewRoute) ([]int64, error) {
	type stop struct{ route, stop int }
	type point struct{ route, stop, point int }
	var stops []stop
	var points []point
	for r, rt := range rs {
		if len(rt.Stops) < 2 {
			return nil, fmt.Errorf("route %s: %d stops, want at least 2", rt.Slug, len(rt.Stops))
		}
		for i, st := range rt.Stops {
			if i > 0 && st.Offset <= rt.Stops[i-1].Offset {
				return nil, fmt.Errorf("route %s: stop %d is not after stop %d", rt.Slug, i, i-1)
			}
			stops = append(stops, stop{r, i})
			for p := range st.Points {
				points = append(points, point{r, i, p})
			}
		}
	}
	ids, err := w.insertIDs(`INSERT INTO routes (slug, operator_id, name) VALUES `, 3, len(rs), func(i int, a []any) []any {
		return append(a, rs[i].Slug, rs[i].OperatorID, rs[i].Name)
	})
	if err != nil {
		return nil, err
	}
	if err := w.insertRows(`INSERT INTO stops (route_id, idx, place_id, name, offset_min) VALUES `, "", 5, len(stops), func(i int, a []any) []any {
		s := stops[i]
		st := rs[s.route].Stops[s.stop]
		return append(a, ids[s.route], s.stop, st.PlaceID, st.Name, int(st.Offset/time.Minute))
	}, nil); err != nil {
		return nil, err
	}
	if err := w.insertRows(`INSERT INTO points (route_id, stop_idx, name, address, offset_min, pickup, dropoff, note) VALUES `, "", 8, len(points),
		func(i int, a []any) []any {
			p := points[i]
			pt := rs[p.route].Stops[p.stop].Points[p.point]
			return append(a, ids[p.route], p.stop, pt.Name, pt.Address, int(pt.Offset/time.Minute), pt.Pickup, pt.Dropoff, pt.Note)
		}, nil); err != nil {
		return nil, err
	}
	return ids, w.rankPlaces(rs)
}

// rankPlaces counts each new route once for every place it serves. Places
// gaining the same count share a statement, so a whole network costs a
// handful of them.
func (w *Writer) rankPlaces(rs []NewRoute) error {
	gain := map[int64]int{}
	for _, r := range rs {
		seen := map[int64]bool{}
		for _, st := range r.Stops {
			if !seen[st.PlaceID] {
				seen[st.PlaceID] = true
				gain[st.PlaceID]++
			}
		}
	}
	byGain := map[int][]int64{}
	for id, n := range gain {
		byGain[n] = append(byGain[n], id)
	}
	// A fixed order of rows keeps two loading transactions from deadlocking.
	for _, n := range slices.Sorted(maps.Keys(byGain)) {
		ids := byGain[n]
		slices.Sort(ids)
		for lo := 0; lo < len(ids); lo += batchParams - 1 {
			chunk := ids[lo:min(len(ids), lo+batchParams-1)]
			args := []any{n}
			for _, id := range chunk {
				args = append(args, id)
			}
			if _, err := w.tx.ExecContext(w.ctx, `UPDATE places SET rank = rank + $1 WHERE id IN (`+placeholders(2, len(chunk))+`)`, args...); err != nil {
				return err
			}
		}
	}
	return nil
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
	ids, err := w.Timetables([]Timetable{t})
	if err != nil {
		return 0, err
	}
	return ids[0], nil
}

// Timetables adds timetables with their fares and returns their IDs.
func (w *Writer) Timetables(ts []Timetable) ([]int64, error) {
	type fare struct{ tt, fare int }
	var fares []fare
	for i, t := range ts {
		if _, err := time.Parse("15:04", t.Depart); err != nil {
			return nil, fmt.Errorf("timetable depart %q: %w", t.Depart, err)
		}
		for f := range t.Fares {
			fares = append(fares, fare{i, f})
		}
	}
	ids, err := w.insertIDs(`INSERT INTO timetables (route_id, layout_id, depart, weekdays, valid_from, valid_to) VALUES `, 6, len(ts),
		func(i int, a []any) []any {
			t := ts[i]
			if t.Weekdays == 0 {
				t.Weekdays = 127
			}
			return append(a, t.RouteID, t.LayoutID, t.Depart, t.Weekdays, t.ValidFrom, t.ValidTo)
		})
	if err != nil {
		return nil, err
	}
	return ids, w.insertRows(`INSERT INTO fares (timetable_id, from_idx, to_idx, seat_kind, amount) VALUES `, "", 5, len(fares),
		func(i int, a []any) []any {
			f := ts[fares[i].tt].Fares[fares[i].fare]
			return append(a, ids[fares[i].tt], f.From, f.To, f.Kind, f.Amount)
		}, nil)
}

// GenerateTrips creates the trips of every timetable for the Vietnam dates
// first…last; trips that exist already are left as they are, so it can run
// again every day to roll the horizon forward.
//
// The database makes the trips from the timetables itself, so a national
// network's million trips never cross the wire. They are inserted timetable
// by timetable and date by date, the order of the unique index, so that on
// SQLite each index page is written once rather than once a date. A
// timetable's depart passed time.Parse("15:04") when written, so it is H:MM
// or HH:MM: the minutes are its last two characters, the hour what comes
// before the colon.
func (s *Store) GenerateTrips(ctx context.Context, first, last time.Time) (int, error) {
	type date struct {
		day      string
		midnight int64
		weekday  int
	}
	var dates []date
	for d := first; !d.After(last); d = d.AddDate(0, 0, 1) {
		dates = append(dates, date{d.Format("2006-01-02"), ms(time.Date(d.Year(), d.Month(), d.Day(), 0, 0, 0, 0, vn.Zone)), 1 << int(d.Weekday())})
	}
	created := 0
	err := s.tx(ctx, func(tx *wtx) error {
		created = 0
		// A year a statement keeps the parameters far below both engines' limits.
		for lo := 0; lo < len(dates); lo += 366 {
			chunk := dates[lo:min(len(dates), lo+366)]
			var values strings.Builder
			args := make([]any, 0, 3*len(chunk))
			for i, d := range chunk {
				if i > 0 {
					values.WriteString(", ")
				}
				fmt.Fprintf(&values, "(CAST($%d AS TEXT), CAST($%d AS BIGINT), CAST($%d AS INTEGER))", 3*i+1, 3*i+2, 3*i+3)
				args = append(args, d.day, d.midnight, d.weekday)
			}
			res, err := tx.ExecContext(ctx, `INSERT INTO trips (timetable_id, route_id, operator_id, layout_id, departs_at)
				SELECT tt.id, tt.route_id, r.operator_id, tt.layout_id, d.column2
					+ (CAST(substr(tt.depart, 1, length(tt.depart) - 3) AS INTEGER) * 60 + CAST(substr(tt.depart, length(tt.depart) - 1) AS INTEGER)) * 60000
				FROM timetables tt JOIN routes r ON r.id = tt.route_id, (VALUES `+values.String()+`) AS d
				WHERE d.column1 >= tt.valid_from AND (tt.valid_to = '' OR d.column1 <= tt.valid_to) AND (tt.weekdays & d.column3) <> 0
				ORDER BY tt.id, d.column2
				ON CONFLICT (timetable_id, departs_at) DO NOTHING`, args...)
			if err != nil {
				return err
			}
			n, _ := res.RowsAffected()
			created += int(n)
		}
		if created == 0 {
			return nil
		}
		return bumpCatalog(ctx, tx)
	})
	return created, err
}

// Empty reports whether no operator exists yet.
func (s *Store) Empty(ctx context.Context) (bool, error) {
	var n int
	err := s.rc.QueryRowContext(ctx, `SELECT count(*) FROM operators`).Scan(&n)
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
	rows, err := s.rc.QueryContext(ctx, `SELECT p.id, p.slug, p.name, p.province, p.kind, min(n.name),
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
	err := s.rc.QueryRowContext(ctx, `SELECT id, slug, name, province, kind FROM places WHERE id = $1`, id).
		Scan(&p.ID, &p.Slug, &p.Name, &p.Province, &p.Kind)
	if errors.Is(err, sql.ErrNoRows) {
		return p, apperr.New(apperr.NotFound, "place_not_found", "", "Không tìm thấy địa điểm.", "No such place.")
	}
	return p, err
}

// PlaceBySlug returns one place by its slug.
func (s *Store) PlaceBySlug(ctx context.Context, slug string) (catalog.Place, error) {
	var id int64
	err := s.rc.QueryRowContext(ctx, `SELECT id FROM places WHERE slug = $1`, slug).Scan(&id)
	if errors.Is(err, sql.ErrNoRows) {
		return catalog.Place{}, apperr.New(apperr.NotFound, "place_not_found", "", "Không tìm thấy địa điểm.", "No such place.")
	}
	if err != nil {
		return catalog.Place{}, err
	}
	return s.Place(ctx, id)
}

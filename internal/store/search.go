package store

import (
	"cmp"
	"context"
	"slices"
	"time"

	"github.com/benxe/benxe/internal/apperr"
)

// TripQuery is a search for trips serving a segment on a date.
type TripQuery struct {
	From, To     int64     // place ids
	Day          time.Time // midnight of the Vietnam date
	Now          time.Time
	OperatorID   int64
	Vehicle      string
	DepartAfter  time.Duration // since midnight; 0 = no bound
	DepartBefore time.Duration // since midnight; 0 = no bound
	MinPrice     int64
	MaxPrice     int64
	Sort         string // departure, price, rating
	Limit        int
}

// TripHit is one trip found by a search, for the segment searched.
type TripHit struct {
	TripID         int64
	OperatorID     int64
	OperatorName   string
	Rating         int
	Vehicle        string
	FromIdx, ToIdx int
	FromName       string
	ToName         string
	FromPlace      int64
	ToPlace        int64
	Departure      time.Time
	Arrival        time.Time
	PriceFrom      int64
	SeatsAvailable int
	seats          int // sellable seats of the layout
}

// SearchTrips finds the trips that stop at place From and later at place
// To, leaving From on the day asked, with the cheapest fare and the seats
// free for that very segment. A night bus that left its first stop the day
// before is found from a later stop.
//
// A search has a catalog part — which trips serve the pair that day, when,
// by whom, from what price — that changes only when the catalog does, and
// a live part, the seats free, that changes with every hold. At a sale
// opening thousands of passengers ask the same few pairs and days, so the
// catalog part is kept per (from, to, day) and checked against the
// catalog's version, one indexed read; the live part is read every time,
// for the trips shown only.
func (s *Store) SearchTrips(ctx context.Context, q TripQuery) ([]TripHit, error) {
	day, err := s.dayTrips(ctx, q.From, q.To, q.Day)
	if err != nil {
		return nil, err
	}
	lo, hi := q.Day, q.Day.AddDate(0, 0, 1)
	if q.DepartAfter > 0 {
		lo = q.Day.Add(q.DepartAfter)
	}
	if q.DepartBefore > 0 && q.Day.Add(q.DepartBefore).Before(hi) {
		hi = q.Day.Add(q.DepartBefore)
	}
	if q.Now.After(lo) {
		lo = q.Now
	}
	var hits []TripHit
	for _, h := range day {
		if h.Departure.Before(lo) || !h.Departure.Before(hi) ||
			(q.OperatorID != 0 && h.OperatorID != q.OperatorID) || (q.Vehicle != "" && h.Vehicle != q.Vehicle) ||
			(q.MinPrice != 0 && h.PriceFrom < q.MinPrice) || (q.MaxPrice != 0 && h.PriceFrom > q.MaxPrice) {
			continue
		}
		hits = append(hits, h)
	}
	// The day's list is in departure order already.
	switch q.Sort {
	case "price":
		slices.SortStableFunc(hits, func(a, b TripHit) int { return cmp.Compare(a.PriceFrom, b.PriceFrom) })
	case "rating":
		slices.SortStableFunc(hits, func(a, b TripHit) int { return cmp.Compare(b.Rating, a.Rating) })
	}
	if q.Limit > 0 && len(hits) > q.Limit {
		hits = hits[:q.Limit]
	}
	return hits, s.countFreeSeats(ctx, hits, q.Now)
}

// dayTrips is the catalog part of a search: every trip on sale leaving
// place from for place to on day, in departure order, from the cache when
// the catalog has not changed since it was read. The hits are shared: read
// them only.
func (s *Store) dayTrips(ctx context.Context, from, to int64, day time.Time) ([]TripHit, error) {
	version, err := s.catalogVersion(ctx)
	if err != nil {
		return nil, err
	}
	return s.search.through(ctx, searchKey{from, to, ms(day)}, version, func(ctx context.Context) ([]TripHit, int, error) {
		hits, err := s.readDayTrips(ctx, from, to, day)
		// An empty answer costs one too, or searches that find nothing
		// could fill the cache without bound.
		return hits, max(1, len(hits)), err
	})
}

func (s *Store) readDayTrips(ctx context.Context, from, to int64, day time.Time) ([]TripHit, error) {
	// CROSS JOIN fixes SQLite's join order (PostgreSQL plans it as usual):
	// routes through both places first, then their trips — not the trips of
	// every route through the origin.
	rows, err := s.rc.QueryContext(ctx, `SELECT t.id, o.id, o.name, o.rating, l.vehicle, l.seats, s1.idx, s2.idx,
			s1.name, s2.name, s1.place_id, s2.place_id,
			t.departs_at + s1.offset_min * 60000 AS dep, t.departs_at + s2.offset_min * 60000,
			(SELECT min(f.amount) FROM fares f
				WHERE f.timetable_id = t.timetable_id AND f.from_idx = s1.idx AND f.to_idx = s2.idx) AS price_from
		FROM stops s1
		CROSS JOIN stops s2
		CROSS JOIN trips t
		CROSS JOIN operators o
		CROSS JOIN layouts l
		WHERE s1.place_id = $1 AND s2.place_id = $2 AND s2.route_id = s1.route_id AND s2.idx > s1.idx
		  AND t.route_id = s1.route_id AND o.id = t.operator_id AND l.id = t.layout_id
		  AND t.departs_at >= CAST($3 AS BIGINT) - s1.offset_min * 60000 AND t.departs_at < CAST($4 AS BIGINT) - s1.offset_min * 60000
		  AND t.status = 'scheduled' AND t.online
		ORDER BY dep, t.id`, from, to, ms(day), ms(day.AddDate(0, 0, 1)))
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var hits []TripHit
	for rows.Next() {
		var h TripHit
		var dep, arr int64
		var price *int64
		if err := rows.Scan(&h.TripID, &h.OperatorID, &h.OperatorName, &h.Rating, &h.Vehicle, &h.seats, &h.FromIdx, &h.ToIdx,
			&h.FromName, &h.ToName, &h.FromPlace, &h.ToPlace, &dep, &arr, &price); err != nil {
			return nil, err
		}
		if price == nil {
			continue // no fare for this segment: not sold
		}
		h.Departure, h.Arrival, h.PriceFrom = at(dep), at(arr), *price
		hits = append(hits, h)
	}
	if err := rows.Err(); err != nil {
		return nil, err
	}
	if len(hits) == 0 {
		// Only now is it worth asking whether the places exist: a search
		// that finds trips needs no such check.
		if err := s.knownPlaces(ctx, from, to); err != nil {
			return nil, err
		}
	}
	return hits, nil
}

type searchKey struct {
	from, to int64
	day      int64
}

// knownPlaces says which of a search's places does not exist.
func (s *Store) knownPlaces(ctx context.Context, from, to int64) error {
	for _, p := range []struct {
		field string
		id    int64
	}{{"from", from}, {"to", to}} {
		var n int
		if err := s.rc.QueryRowContext(ctx, `SELECT count(*) FROM places WHERE id = $1`, p.id).Scan(&n); err != nil {
			return err
		}
		if n == 0 {
			return apperr.Field(p.field, "unknown_place", "Không có địa điểm này.", "There is no such place.")
		}
	}
	return nil
}

// countFreeSeats sets each hit's SeatsAvailable: the layout's sellable
// seats less those with a live row on any leg of the hit's segment. One
// query reads the live rows of all the trips.
func (s *Store) countFreeSeats(ctx context.Context, hits []TripHit, now time.Time) error {
	if len(hits) == 0 {
		return nil
	}
	ids := make([]int64, len(hits))
	index := make(map[int64]int, len(hits))
	for i, h := range hits {
		ids[i] = h.TripID
		index[h.TripID] = i
	}
	in, list := s.oneOf("trip_id", 2, ids)
	rows, err := s.rc.QueryContext(ctx, `SELECT trip_id, seat, leg FROM occupancy
		WHERE `+in+` AND (expires_at IS NULL OR expires_at > $1)`, ms(now), list)
	if err != nil {
		return err
	}
	defer rows.Close()
	taken := make(map[int64]map[string]bool)
	for rows.Next() {
		var trip int64
		var seat string
		var leg int
		if err := rows.Scan(&trip, &seat, &leg); err != nil {
			return err
		}
		if h := hits[index[trip]]; leg >= h.FromIdx && leg < h.ToIdx {
			if taken[trip] == nil {
				taken[trip] = map[string]bool{}
			}
			taken[trip][seat] = true
		}
	}
	for i := range hits {
		hits[i].SeatsAvailable = hits[i].seats - len(taken[hits[i].TripID])
	}
	return rows.Err()
}

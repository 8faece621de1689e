package rush

import (
	"cmp"
	"context"
	"fmt"
	"net/http"
	"slices"
	"time"
)

// Sale is a booking the server answered 201 to: these seats of a trip
// from stop From to stop To (legs From…To-1), held by the booking from
// Created until its payment deadline (both by the server's clock).
type Sale struct {
	Code     string    `json:"code"`
	TripID   int64     `json:"trip_id"`
	From     int       `json:"from"`
	To       int       `json:"to"`
	Seats    []string  `json:"seats"`
	Created  time.Time `json:"created_at"`
	Deadline time.Time `json:"deadline"`
}

// overlaps reports whether two sales of one trip share a leg while both
// are alive. An unpaid booking frees its seats at its deadline, so a seat
// sold again after that is no double sale.
func (a Sale) overlaps(b Sale) bool {
	legs := a.From < b.To && b.From < a.To
	return legs && a.Created.Before(b.Deadline) && b.Created.Before(a.Deadline)
}

// DoubleSale is one seat that two bookings own on a common leg at once.
type DoubleSale struct {
	TripID int64  `json:"trip_id"`
	Seat   string `json:"seat"`
	A      Sale   `json:"a"`
	B      Sale   `json:"b"`
}

func (d DoubleSale) String() string {
	return fmt.Sprintf("trip %d seat %s: booking %s (stops %d→%d) and booking %s (stops %d→%d)",
		d.TripID, d.Seat, d.A.Code, d.A.From, d.A.To, d.B.Code, d.B.From, d.B.To)
}

// FindDoubleSales checks every pair of sales of the same seat on the same
// trip. A booking answered twice (an idempotent replay) has one code and
// is one sale.
func FindDoubleSales(sales []Sale) []DoubleSale {
	type seatKey struct {
		trip int64
		seat string
	}
	bySeat := map[seatKey][]Sale{}
	var keys []seatKey
	for _, s := range sales {
		for _, seat := range s.Seats {
			k := seatKey{s.TripID, seat}
			if bySeat[k] == nil {
				keys = append(keys, k)
			}
			bySeat[k] = append(bySeat[k], s)
		}
	}
	var out []DoubleSale
	for _, k := range keys {
		ss := bySeat[k]
		for i := range ss {
			for j := i + 1; j < len(ss); j++ {
				if ss[i].Code != ss[j].Code && ss[i].overlaps(ss[j]) {
					out = append(out, DoubleSale{TripID: k.trip, Seat: k.seat, A: ss[i], B: ss[j]})
				}
			}
		}
	}
	return out
}

// SegmentCheck is the seat map of one trip segment this rush sold on.
type SegmentCheck struct {
	TripID int64 `json:"trip_id"`
	From   int   `json:"from"`
	To     int   `json:"to"`
	Booked int   `json:"booked"` // seats this rush booked on overlapping legs, still unpaid-alive
	Sold   int   `json:"sold"`   // seats the map shows sold
}

// Verification is what the API says after the rush.
type Verification struct {
	Bookings    int            `json:"bookings"`
	SeatsBooked int            `json:"seats_booked"`
	Segments    []SegmentCheck `json:"segments"`
	DoubleSales []DoubleSale   `json:"double_sales"`
	// Missing: seats of a live booking that the seat map does not show sold.
	Missing []string `json:"missing"`
	// Errors: seat maps that could not be read, so the check is incomplete.
	Errors []string `json:"errors"`
}

// OK reports whether nothing was found wrong and everything was checked.
func (v Verification) OK() bool {
	return len(v.DoubleSales) == 0 && len(v.Missing) == 0 && len(v.Errors) == 0
}

// verify looks for double sales among the rush's own bookings, then reads
// the seat map of every segment it booked to see that each seat of a live
// booking shows sold there.
func (r *runner) verify(ctx context.Context, sales []Sale) Verification {
	// Empty lists rather than nulls, for whoever reads the JSON.
	v := Verification{Bookings: len(sales), DoubleSales: FindDoubleSales(sales), Segments: []SegmentCheck{}, Missing: []string{}, Errors: []string{}}
	if v.DoubleSales == nil {
		v.DoubleSales = []DoubleSale{}
	}
	for _, s := range sales {
		v.SeatsBooked += len(s.Seats)
	}
	type segment struct {
		trip     int64
		from, to int
	}
	seen := map[segment]bool{}
	var segs []segment
	for _, s := range sales {
		if g := (segment{s.TripID, s.From, s.To}); !seen[g] {
			seen[g] = true
			segs = append(segs, g)
		}
	}
	slices.SortFunc(segs, func(a, b segment) int {
		return cmp.Or(cmp.Compare(a.trip, b.trip), cmp.Compare(a.from, b.from), cmp.Compare(a.to, b.to))
	})
	for _, g := range segs {
		var view tripView
		path := fmt.Sprintf("/api/v1/trips/%d?from=%d&to=%d", g.trip, g.from, g.to)
		status, _, err := r.call(ctx, http.MethodGet, path, "", nil, &view)
		if err != nil || status != http.StatusOK {
			v.Errors = append(v.Errors, fmt.Sprintf("GET %s: status %d %v", path, status, err))
			continue
		}
		// A booking whose deadline passed by now may rightly show free.
		now := time.Now()
		states := view.seatStates()
		check := SegmentCheck{TripID: g.trip, From: g.from, To: g.to}
		booked := map[string]bool{}
		for _, s := range sales {
			if s.TripID != g.trip || s.From >= g.to || g.from >= s.To || !s.Deadline.After(now) {
				continue
			}
			for _, seat := range s.Seats {
				booked[seat] = true
				if st := states[seat]; st != "sold" {
					v.Missing = append(v.Missing, fmt.Sprintf("trip %d seat %s of booking %s shows %q on stops %d→%d", g.trip, seat, s.Code, st, g.from, g.to))
				}
			}
		}
		check.Booked = len(booked)
		for _, st := range states {
			if st == "sold" {
				check.Sold++
			}
		}
		v.Segments = append(v.Segments, check)
	}
	return v
}

package demo

import (
	"context"
	"fmt"
	"math/rand/v2"
	"strconv"
	"time"

	"github.com/benxe/benxe/internal/booking"
	"github.com/benxe/benxe/internal/catalog"
	"github.com/benxe/benxe/internal/pricing"
	"github.com/benxe/benxe/internal/store"
	"github.com/benxe/benxe/internal/vn"
)

// Load puts the demo network into an empty store: trips from the day
// before today (night buses still on the road) for days days, and some
// seats already sold on the trips of the first half of them, a week at most. The same today gives the
// same data.
func Load(ctx context.Context, st *store.Store, today time.Time, days int) error {
	places := map[string]int64{}
	operators := map[string]int64{}
	layouts := map[string]int64{}
	err := st.Write(ctx, func(w *store.Writer) error {
		for _, p := range Places {
			cp := catalog.Place{Slug: p.Key, Name: p.Name, Province: p.Province, Kind: p.Kind}
			if err := w.Place(&cp, p.Aliases); err != nil {
				return fmt.Errorf("place %s: %w", p.Key, err)
			}
			places[p.Key] = cp.ID
		}
		for _, o := range Operators {
			op := catalog.Operator{Slug: o.Key, Name: o.Name, Phone: o.Phone, Rating: o.Rating, Confirmation: catalog.Instant,
				BankBIN: o.BankBIN, BankAccount: o.BankAccount, BankAccountName: o.AccountName,
				TransferMinutes: 30, CounterMinutes: 120}
			if o.Manual {
				op.Confirmation = catalog.Manual
			}
			for _, t := range o.Policy {
				op.Policy = append(op.Policy, catalog.Tier{HoursBefore: t.HoursBefore, FeePercent: t.FeePercent})
			}
			if err := w.Operator(&op); err != nil {
				return fmt.Errorf("operator %s: %w", o.Key, err)
			}
			operators[o.Key] = op.ID
		}
		for _, v := range []string{catalog.Coach45, catalog.Sleeper40, catalog.Limo9, catalog.Cabin22} {
			l, err := catalog.StandardLayout(v)
			if err != nil {
				return err
			}
			if err := w.Layout(&l); err != nil {
				return err
			}
			layouts[v] = l.ID
		}
		from := today.AddDate(0, 0, -1).Format("2006-01-02")
		for _, r := range Routes {
			var stops []store.RouteStop
			for _, s := range r.Stops {
				rs := store.RouteStop{PlaceID: places[s.Place], Name: s.Station, Offset: time.Duration(s.Offset) * time.Minute}
				for _, p := range s.Points {
					rs.Points = append(rs.Points, catalog.Point{Name: p.Name, Address: p.Address,
						Offset: time.Duration(p.Offset) * time.Minute, Pickup: p.Pickup, Dropoff: p.Dropoff, Note: p.Note})
				}
				stops = append(stops, rs)
			}
			name := placeName(r.Stops[0].Place) + " – " + placeName(r.Stops[len(r.Stops)-1].Place)
			id, err := w.Route(r.Key, operators[r.Operator], name, stops)
			if err != nil {
				return err
			}
			for _, dep := range r.Departures {
				if _, err := w.Timetable(store.Timetable{RouteID: id, LayoutID: layouts[r.Vehicle], Depart: dep,
					ValidFrom: from, Fares: Fares(r)}); err != nil {
					return fmt.Errorf("route %s: %w", r.Key, err)
				}
			}
		}
		return nil
	})
	if err != nil {
		return err
	}
	for _, p := range Promos {
		pr := pricing.Promo{Code: p.Code, Percent: p.Percent, Fixed: p.Fixed, MaxDiscount: p.MaxDiscount, MinOrder: p.MinOrder,
			ValidFrom: today, ValidUntil: today.AddDate(0, 0, p.DaysValid), TotalLimit: p.TotalLimit, PerPhone: p.PerPhone,
			OperatorID: operators[p.Operator]}
		if err := st.CreatePromo(ctx, pr); err != nil {
			return fmt.Errorf("promo %s: %w", p.Code, err)
		}
	}
	if _, err := st.GenerateTrips(ctx, today.AddDate(0, 0, -1), today.AddDate(0, 0, days-1)); err != nil {
		return err
	}
	return sellSome(ctx, st, today, min(days/2, 7))
}

func placeName(key string) string {
	for _, p := range Places {
		if p.Key == key {
			return p.Name
		}
	}
	return key
}

// Fares prices every segment of a route in proportion to its share of the
// whole route's time, rounded to 1.000đ, for each seat kind the route's
// vehicle has.
func Fares(r Route) []store.Fare {
	total := r.Stops[len(r.Stops)-1].Offset
	kinds := map[string]int64{catalog.KindSeat: 100, catalog.KindBerth: 100, catalog.KindCabin: 100, catalog.KindVIP: 100}
	if r.Vehicle == catalog.Limo9 {
		kinds[catalog.KindSeat] = 85 // the back bench sells for less
	}
	l, _ := catalog.StandardLayout(r.Vehicle)
	has := map[string]bool{}
	for _, c := range l.Seats() {
		has[c.Kind] = true
	}
	var out []store.Fare
	for a := 0; a < len(r.Stops); a++ {
		for b := a + 1; b < len(r.Stops); b++ {
			share := int64(r.Stops[b].Offset - r.Stops[a].Offset)
			for kind, pct := range kinds {
				if !has[kind] {
					continue
				}
				amount := (r.Fare*pct/100*share/int64(total) + 500) / 1000 * 1000
				out = append(out, store.Fare{From: a, To: b, Kind: kind, Amount: max(amount, 30000)})
			}
		}
	}
	return out
}

// sellSome books and pays for a few seats on the coming days' trips, so
// the demo's seat maps are not empty. The trips, seats and passengers come
// from a fixed seed; all of it is one transaction, which keeps the first
// start quick.
func sellSome(ctx context.Context, st *store.Store, today time.Time, days int) error {
	rng := rand.New(rand.NewPCG(2027, 1))
	now := today.Add(-12 * time.Hour)
	ids, err := st.TripIDs(ctx, today, today.AddDate(0, 0, days))
	if err != nil {
		return err
	}
	return st.Write(ctx, func(w *store.Writer) error {
		for _, id := range ids {
			trip, err := st.Trip(ctx, id)
			if err != nil {
				return err
			}
			layout, err := st.Layout(ctx, trip.LayoutID)
			if err != nil {
				return err
			}
			points, err := st.Points(ctx, trip.RouteID)
			if err != nil {
				return err
			}
			seats := layout.Seats()
			// A seat is picked at most once per trip, so no pick can clash.
			taken := map[string]bool{}
			for n := rng.IntN(4); n > 0; n-- {
				from := rng.IntN(len(trip.Stops) - 1)
				to := from + 1 + rng.IntN(len(trip.Stops)-1-from)
				var pick []string
				for k := 1 + rng.IntN(3); k > 0; k-- {
					c := seats[rng.IntN(len(seats))]
					if !c.Blocked && !taken[c.Label] {
						taken[c.Label] = true
						pick = append(pick, c.Label)
					}
				}
				if len(pick) == 0 {
					continue
				}
				h, err := w.Hold(store.HoldRequest{TripID: id, From: from, To: to, Seats: pick}, 10*time.Minute, now)
				if err != nil {
					return fmt.Errorf("demo hold on trip %d: %w", id, err)
				}
				req := booking.Request{HoldID: h.ID, PickupPointID: pointAt(points, from, true), DropoffPointID: pointAt(points, to, false),
					Contact:       booking.Contact{Name: names[rng.IntN(len(names))], Phone: "0912" + strconv.Itoa(100000+rng.IntN(900000))},
					PaymentMethod: booking.Counter}
				b, err := w.Book(req, now)
				if err != nil {
					return fmt.Errorf("demo booking on trip %d: %w", id, err)
				}
				if _, err := w.MarkPaid(b.Code, "system", now); err != nil {
					return err
				}
			}
		}
		return nil
	})
}

var names = []string{"Nguyễn Văn An", "Trần Thị Bình", "Lê Minh Châu", "Phạm Quốc Dũng", "Hoàng Thu Hà", "Võ Thanh Hải", "Đặng Ngọc Lan", "Bùi Đức Long"}

func pointAt(points []catalog.Point, stop int, pickup bool) int64 {
	for _, p := range points {
		if p.StopIdx == stop && ((pickup && p.Pickup) || (!pickup && p.Dropoff)) {
			return p.ID
		}
	}
	return 0
}

// Today is the Vietnam date of now, at midnight.
func Today(now time.Time) time.Time {
	n := now.In(vn.Zone)
	return time.Date(n.Year(), n.Month(), n.Day(), 0, 0, 0, 0, vn.Zone)
}

// Package catalog is what is for sale: operators, places, routes and their
// stops, seat layouts, and trips. It holds the rules of segments and legs.
package catalog

import (
	"time"

	"github.com/benxe/benxe/internal/apperr"
)

// Operator is a bus company (nhà xe).
type Operator struct {
	ID              int64
	Slug            string
	Name            string
	Phone           string
	Rating          int    // tenths of a star
	Confirmation    string // "instant" or "manual"
	Policy          Policy
	BankBIN         string
	BankAccount     string
	BankAccountName string
	TransferMinutes int // a bank transfer is due this long after booking
	CounterMinutes  int // a counter payment is due this long before departure
	OnlineMinutes   int // a VNPay or MoMo payment is due this long after booking
	Methods         []string
}

// Confirmation modes.
const (
	Instant = "instant"
	Manual  = "manual"
)

// Place is a city or town people search for.
type Place struct {
	ID       int64
	Slug     string
	Name     string
	Province string
	Kind     string
}

// Stop is one stop of a route, as seen on one trip.
type Stop struct {
	Index   int
	PlaceID int64
	Place   string // the place's name
	Name    string // the station or landmark
	Offset  time.Duration
}

// Point is a pickup or drop-off point at a stop.
type Point struct {
	ID      int64
	StopIdx int
	Name    string
	Address string
	Offset  time.Duration // relative to the stop's own time
	Pickup  bool
	Dropoff bool
	Note    string
}

// Trip is one run of a route.
type Trip struct {
	ID          int64
	TimetableID int64
	RouteID     int64
	RouteName   string
	Operator    Operator
	Vehicle     string
	LayoutID    int64
	DepartsAt   time.Time
	Cancelled   bool
	Online      bool
	Stops       []Stop
}

// StopTime is when the trip is at stop i.
func (t Trip) StopTime(i int) time.Time {
	return t.DepartsAt.Add(t.Stops[i].Offset)
}

// Segment checks that from→to is a segment of the trip.
func (t Trip) Segment(from, to int) error {
	return CheckSegment(from, to, len(t.Stops))
}

// Sellable says why a trip cannot be sold online now, or nil.
func (t Trip) Sellable(from int, now time.Time) error {
	if err := OnSale(t.Cancelled, t.Online); err != nil {
		return err
	}
	if !t.StopTime(from).After(now) {
		return apperr.New(apperr.Conflict, "trip_departed", "trip_id",
			"Xe đã khởi hành từ điểm đi này.", "The bus has already left this stop.")
	}
	return nil
}

// OnSale says why a trip in this state is not sold online, or nil.
func OnSale(cancelled, online bool) error {
	switch {
	case cancelled:
		return apperr.New(apperr.Conflict, "trip_cancelled", "trip_id",
			"Chuyến xe đã bị hủy.", "This trip has been cancelled.")
	case !online:
		return apperr.New(apperr.Conflict, "trip_not_on_sale", "trip_id",
			"Chuyến xe không bán vé trực tuyến.", "This trip is not sold online.")
	}
	return nil
}

// CheckSegment checks stop indexes from and to on a route of n stops.
func CheckSegment(from, to, n int) error {
	if from < 0 || from >= n-1 {
		return apperr.Field("from", "invalid_stop", "Điểm đi không thuộc chuyến xe.", "from is not a stop of this trip where one can board.")
	}
	if to <= from || to >= n {
		return apperr.Field("to", "invalid_stop", "Điểm đến phải là một điểm dừng sau điểm đi.", "to must be a stop of this trip after from.")
	}
	return nil
}

// Legs are the legs a ticket from stop from to stop to occupies: a trip
// with n stops has n-1 legs, and leg i runs from stop i to stop i+1.
func Legs(from, to int) []int {
	legs := make([]int, 0, to-from)
	for l := from; l < to; l++ {
		legs = append(legs, l)
	}
	return legs
}

package storetest

import (
	"context"
	"testing"
	"time"

	"github.com/benxe/benxe/internal/catalog"
	"github.com/benxe/benxe/internal/store"
	"github.com/benxe/benxe/internal/vn"
)

// SearchAcrossStores takes two stores on one database, as two processes
// would have: what one writes — a new departure, a hold — the other's
// next search shows, although it keeps the catalog part of searches.
func SearchAcrossStores(t *testing.T, a, b *store.Store) {
	f := NewFixture(t, a)
	ctx := context.Background()
	day := time.Date(2027, 1, 21, 0, 0, 0, 0, vn.Zone)
	search := func(st *store.Store) []store.TripHit {
		t.Helper()
		hits, err := st.SearchTrips(ctx, store.TripQuery{From: f.Places[0], To: f.Places[2], Day: day, Now: f.Now, Limit: 10})
		if err != nil {
			t.Fatal(err)
		}
		return hits
	}
	if hits := search(a); len(hits) != 1 || hits[0].SeatsAvailable != 40 {
		t.Fatalf("before: %+v", hits)
	}
	search(a) // now from a's cache
	// b holds a seat: a's next search counts it, with no catalog change.
	if _, err := b.CreateHold(ctx, store.HoldRequest{TripID: f.TripID, From: 0, To: 2, Seats: []string{"A01", "B01"}}, 10*time.Minute, f.Now); err != nil {
		t.Fatal(err)
	}
	if hits := search(a); len(hits) != 1 || hits[0].SeatsAvailable != 38 {
		t.Fatalf("after b's hold: %+v, want 38 seats free", hits)
	}
	// b adds an evening departure: a finds it.
	trip, err := b.Trip(ctx, f.TripID)
	if err != nil {
		t.Fatal(err)
	}
	err = b.Write(ctx, func(w *store.Writer) error {
		_, err := w.Timetable(store.Timetable{RouteID: f.RouteID, LayoutID: trip.LayoutID, Depart: "20:00", ValidFrom: "2027-01-01",
			Fares: []store.Fare{{From: 0, To: 2, Kind: catalog.KindBerth, Amount: 320000}}})
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	if n, err := b.GenerateTrips(ctx, day, day); err != nil || n != 1 {
		t.Fatalf("GenerateTrips = %d, %v", n, err)
	}
	hits := search(a)
	if len(hits) != 2 || hits[1].PriceFrom != 320000 || hits[1].SeatsAvailable != 40 {
		t.Fatalf("after b's new departure: %+v", hits)
	}
}

package demo_test

import (
	"context"
	"path/filepath"
	"testing"
	"time"

	"github.com/benxe/benxe/internal/demo"
	"github.com/benxe/benxe/internal/store"
	"github.com/benxe/benxe/internal/vn"
)

func TestLoad(t *testing.T) {
	ctx := context.Background()
	st, err := store.Open(ctx, filepath.Join(t.TempDir(), "demo.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	if err := st.Migrate(ctx); err != nil {
		t.Fatal(err)
	}
	today := time.Date(2027, 1, 20, 0, 0, 0, 0, vn.Zone)
	start := time.Now()
	if err := demo.Load(ctx, st, today, 16); err != nil {
		t.Fatal(err)
	}
	t.Logf("loaded in %s", time.Since(start))
	ids, err := st.TripIDs(ctx, today, today.AddDate(0, 0, 15))
	if err != nil || len(ids) < 15*len(demo.Routes) {
		t.Fatalf("%d trips over 15 days, %v", len(ids), err)
	}
	place := func(q string) int64 {
		hits, err := st.SearchPlaces(ctx, q, 1)
		if err != nil || len(hits) == 0 {
			t.Fatalf("SearchPlaces(%q) = %v, %v", q, hits, err)
		}
		return hits[0].ID
	}
	if place("sai gon") != place("tp hcm") || place("SAIGON") != place("Sài Gòn") {
		t.Error("Sài Gòn aliases find different places")
	}
	day := today.AddDate(0, 0, 7)
	for _, c := range [][2]string{{"sai gon", "da lat"}, {"bao loc", "da lat"}, {"ha noi", "sapa"}, {"da nang", "hue"}} {
		hits, err := st.SearchTrips(ctx, store.TripQuery{From: place(c[0]), To: place(c[1]), Day: day, Now: today, Limit: 100})
		if err != nil || len(hits) == 0 {
			t.Errorf("%s → %s: %d trips, %v", c[0], c[1], len(hits), err)
		}
	}
	// Some seats of the first week are sold.
	sold := 0
	for _, id := range ids[:200] {
		trip, _ := st.Trip(ctx, id)
		states, err := st.SeatStates(ctx, id, 0, len(trip.Stops)-1, today)
		if err != nil {
			t.Fatal(err)
		}
		sold += len(states)
	}
	if sold == 0 {
		t.Error("no seat sold in the demo data")
	}
}

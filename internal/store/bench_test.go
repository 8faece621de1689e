package store_test

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"sync"
	"testing"
	"time"

	"github.com/benxe/benxe/internal/demo"
	"github.com/benxe/benxe/internal/store"
)

var benchData struct {
	once  sync.Once
	st    *store.Store
	today time.Time
	err   error
}

// demoStore is the demo network with 90 days of trips, loaded once per
// benchmark binary into a temporary directory.
func demoStore(b *testing.B) (*store.Store, time.Time) {
	b.Helper()
	benchData.once.Do(func() {
		ctx := context.Background()
		dir, err := tempDir()
		if err != nil {
			benchData.err = err
			return
		}
		st, err := store.Open(ctx, filepath.Join(dir, "bench.db"))
		if err == nil {
			err = st.Migrate(ctx)
		}
		benchData.today = demo.Today(time.Now())
		if err == nil {
			err = demo.Load(ctx, st, benchData.today, 90)
		}
		benchData.st, benchData.err = st, err
	})
	if benchData.err != nil {
		b.Fatal(benchData.err)
	}
	return benchData.st, benchData.today
}

func placeID(b *testing.B, st *store.Store, q string) int64 {
	hits, err := st.SearchPlaces(context.Background(), q, 1)
	if err != nil || len(hits) == 0 {
		b.Fatalf("place %q: %v", q, err)
	}
	return hits[0].ID
}

// BenchmarkSearchTrips: Sài Gòn → Đà Lạt next week, with the seats free
// for the segment counted per trip.
func BenchmarkSearchTrips(b *testing.B) {
	st, today := demoStore(b)
	q := store.TripQuery{From: placeID(b, st, "sai gon"), To: placeID(b, st, "da lat"), Day: today.AddDate(0, 0, 7), Now: today, Limit: 200}
	ctx := context.Background()
	b.ReportAllocs()
	b.ResetTimer()
	b.RunParallel(func(pb *testing.PB) {
		for pb.Next() {
			hits, err := st.SearchTrips(ctx, q)
			if err != nil || len(hits) == 0 {
				b.Fatalf("%d hits, %v", len(hits), err)
			}
		}
	})
}

// BenchmarkSearchPlaces: the autocomplete query.
func BenchmarkSearchPlaces(b *testing.B) {
	st, _ := demoStore(b)
	ctx := context.Background()
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if _, err := st.SearchPlaces(ctx, "da l", 10); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkHold: a hold of two seats and its release, each a durable write
// transaction, spread over the trips of next month so seats stay free.
func BenchmarkHold(b *testing.B) {
	st, today := demoStore(b)
	ctx := context.Background()
	ids, err := st.TripIDs(ctx, today.AddDate(0, 0, 20), today.AddDate(0, 0, 30))
	if err != nil || len(ids) == 0 {
		b.Fatal(err)
	}
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		trip, err := st.Trip(ctx, ids[i%len(ids)])
		if err != nil {
			b.Fatal(err)
		}
		h, err := st.CreateHold(ctx, store.HoldRequest{TripID: trip.ID, From: 0, To: len(trip.Stops) - 1, Seats: []string{"A02", "A03"}},
			10*time.Minute, time.Now())
		if err != nil {
			b.Fatal(err)
		}
		if err := st.ReleaseHold(ctx, h.ID); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkInsertCeiling is the durable-commit limit of the same database
// in the same run: one-row INSERT transactions. Hold throughput is read as
// a ratio to it.
func BenchmarkInsertCeiling(b *testing.B) {
	st, _ := demoStore(b)
	ctx := context.Background()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if _, err := st.InitSetting(ctx, fmt.Sprint("bench-", time.Now().UnixNano(), "-", i), "x"); err != nil {
			b.Fatal(err)
		}
	}
}

func tempDir() (string, error) { return os.MkdirTemp("", "benxe-bench") }

package store_test

import (
	"context"
	"fmt"
	"github.com/benxe/benxe/internal/booking"
	"github.com/benxe/benxe/internal/catalog"
	"os"
	"path/filepath"
	"sync"
	"sync/atomic"
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

// demoStore is the database the benchmarks read: BENXE_BENCH_DSN (an
// SQLite file or a postgres:// URL seeded beforehand, e.g. with
// "benxe seed --scale national"), or else the demo network with 90 days of
// trips loaded once into a temporary SQLite file.
func demoStore(b *testing.B) (*store.Store, time.Time) {
	b.Helper()
	benchData.once.Do(func() {
		ctx := context.Background()
		benchData.today = demo.Today(time.Now())
		if dsn := os.Getenv("BENXE_BENCH_DSN"); dsn != "" {
			benchData.st, benchData.err = store.Open(ctx, dsn)
			return
		}
		dir, err := os.MkdirTemp("", "benxe-bench")
		if err != nil {
			benchData.err = err
			return
		}
		st, err := store.Open(ctx, filepath.Join(dir, "bench.db"))
		if err == nil {
			err = st.Migrate(ctx)
		}
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
// for the segment counted per trip: "warm" with the day's trips kept from
// an earlier search, "cold" reading them from the database every time (a
// pair and day no one asked for since the catalog last changed).
func BenchmarkSearchTrips(b *testing.B) {
	st, today := demoStore(b)
	q := store.TripQuery{From: placeID(b, st, "sai gon"), To: placeID(b, st, "da lat"), Day: today.AddDate(0, 0, 7), Now: today, Limit: 200}
	ctx := context.Background()
	for _, cold := range []bool{false, true} {
		b.Run(map[bool]string{false: "warm", true: "cold"}[cold], func(b *testing.B) {
			b.ReportAllocs()
			b.RunParallel(func(pb *testing.PB) {
				for pb.Next() {
					if cold {
						st.ForgetCatalog()
					}
					hits, err := st.SearchTrips(ctx, q)
					if err != nil || len(hits) == 0 {
						b.Fatalf("%d hits, %v", len(hits), err)
					}
				}
			})
		})
	}
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

// BenchmarkHoldBookHot: 16 clients hold and book seats on the same few hot
// trips, as at a Tết sale opening. Its throughput is reported as a ratio
// to the durable-commit ceiling measured just before in the same run (one
// one-row INSERT transaction at a time), since absolute figures on a
// shared machine mean little.
func BenchmarkHoldBookHot(b *testing.B) {
	st, today := demoStore(b)
	ctx := context.Background()
	// A benchmark run sells what it holds: a day picked by the clock keeps
	// a later run on a seeded database (BENXE_BENCH_DSN) off sold-out trips.
	day := today.AddDate(0, 0, 20+int(time.Now().Unix()%60))
	ids, err := st.TripIDs(ctx, day, day.AddDate(0, 0, 1))
	if err != nil || len(ids) < 8 {
		b.Fatalf("%d trips, %v", len(ids), err)
	}
	type target struct {
		trip   catalog.Trip
		seats  []string
		pickup int64
		drop   int64
	}
	var hot []target
	for _, id := range ids[:8] {
		trip, _ := st.Trip(ctx, id)
		layout, _ := st.Layout(ctx, trip.LayoutID)
		points, _ := st.Points(ctx, trip.RouteID)
		tg := target{trip: trip}
		for _, c := range layout.Seats() {
			if !c.Blocked {
				tg.seats = append(tg.seats, c.Label)
			}
		}
		for _, p := range points {
			if p.StopIdx == 0 && p.Pickup && tg.pickup == 0 {
				tg.pickup = p.ID
			}
			if p.StopIdx == len(trip.Stops)-1 && p.Dropoff && tg.drop == 0 {
				tg.drop = p.ID
			}
		}
		hot = append(hot, tg)
	}
	ceilingStart := time.Now()
	const ceilingN = 300
	for i := 0; i < ceilingN; i++ {
		if _, err := st.InitSetting(ctx, fmt.Sprint("ceiling-", time.Now().UnixNano(), "-", i), "x"); err != nil {
			b.Fatal(err)
		}
	}
	ceiling := ceilingN / time.Since(ceilingStart).Seconds()

	var next atomic.Int64
	var sold, conflicts atomic.Int64
	b.SetParallelism(8) // 16 clients on 2 cores
	b.ResetTimer()
	start := time.Now()
	b.RunParallel(func(pb *testing.PB) {
		for pb.Next() {
			n := next.Add(1)
			tg := hot[n%int64(len(hot))]
			seat := tg.seats[(n/int64(len(hot)))%int64(len(tg.seats))]
			h, err := st.CreateHold(ctx, store.HoldRequest{TripID: tg.trip.ID, From: 0, To: len(tg.trip.Stops) - 1, Seats: []string{seat}},
				10*time.Minute, time.Now())
			if err != nil {
				conflicts.Add(1)
				continue
			}
			if _, err := st.CreateBooking(ctx, booking.Request{HoldID: h.ID, PickupPointID: tg.pickup, DropoffPointID: tg.drop,
				Contact: booking.Contact{Name: "Khách", Phone: "0912345678"}, PaymentMethod: booking.BankTransfer}, time.Now()); err != nil {
				b.Fatal(err)
			}
			sold.Add(1)
		}
	})
	// Every attempt is a write transaction, a refused hold included, and
	// every sale one more: that is the work to compare with the ceiling.
	elapsed := time.Since(start).Seconds()
	txs := float64(int64(b.N)+sold.Load()) / elapsed
	b.ReportMetric(float64(sold.Load())/elapsed, "bookings/s")
	b.ReportMetric(txs, "write-tx/s")
	b.ReportMetric(ceiling, "ceiling-tx/s")
	b.ReportMetric(txs/ceiling, "ratio")
	b.ReportMetric(float64(conflicts.Load())/float64(b.N), "conflict-share")
}

package web

import (
	"context"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"sort"
	"sync"
	"testing"
	"time"

	"github.com/benxe/benxe/internal/booking"
	"github.com/benxe/benxe/internal/demo"
	"github.com/benxe/benxe/internal/store"
)

// serverTimes records how long the server itself took per request, from
// the handler's start to its return: the clients' latency less the
// network and the clients' own work.
type serverTimes struct {
	mu sync.Mutex
	d  []time.Duration
}

func (st *serverTimes) wrap(h http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		t0 := time.Now()
		h.ServeHTTP(w, r)
		d := time.Since(t0)
		st.mu.Lock()
		st.d = append(st.d, d)
		st.mu.Unlock()
	})
}

// benchServer serves BENXE_BENCH_DSN (an SQLite file or postgres:// URL
// seeded beforehand, e.g. by "benxe seed --scale national") or, without
// it, a demo network of its own.
func benchServer(b *testing.B) (string, *store.Store, *serverTimes) {
	dsn := os.Getenv("BENXE_BENCH_DSN")
	if dsn == "" {
		dsn = filepath.Join(b.TempDir(), "bench.db")
	}
	st, err := store.Open(context.Background(), dsn)
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { st.Close() })
	if os.Getenv("BENXE_BENCH_DSN") == "" {
		if err := st.Migrate(context.Background()); err != nil {
			b.Fatal(err)
		}
		if err := demo.Load(context.Background(), st, demo.Today(time.Now()), 30); err != nil {
			b.Fatal(err)
		}
	}
	log := slog.New(slog.NewTextHandler(io.Discard, nil))
	times := &serverTimes{}
	srv := httptest.NewServer(times.wrap(NewServer(Deps{Store: st, Log: log, Now: time.Now, Holds: booking.DefaultHoldPolicy, Secret: []byte("bench")})))
	b.Cleanup(srv.Close)
	return srv.URL, st, times
}

// BenchmarkSearchHTTP: GET /api/v1/trips from 16 concurrent clients over
// loopback, between the busiest places, on dates over the next month. It
// reports searches/s and latency percentiles as the clients see them and
// as the server does (handler start to return).
func BenchmarkSearchHTTP(b *testing.B) { searchHTTP(b, 8) }

// BenchmarkSearchHTTPOneClient: the same, one client at a time.
func BenchmarkSearchHTTPOneClient(b *testing.B) { searchHTTP(b, 0) }

// searchHTTP runs GOMAXPROCS × parallelism clients, or one when it is 0.
func searchHTTP(b *testing.B, parallelism int) {
	url, st, times := benchServer(b)
	ctx := context.Background()
	var pairs [][2]int64
	for _, q := range [][2]string{{"sai gon", "da lat"}, {"ha noi", "hai phong"}, {"sai gon", "nha trang"}, {"da nang", "hue"},
		{"sai gon", "can tho"}, {"ha noi", "sapa"}, {"bao loc", "da lat"}, {"ha noi", "vinh"}} {
		from, err1 := st.SearchPlaces(ctx, q[0], 1)
		to, err2 := st.SearchPlaces(ctx, q[1], 1)
		if err1 != nil || err2 != nil || len(from) == 0 || len(to) == 0 {
			b.Fatalf("places %v: %v %v", q, err1, err2)
		}
		pairs = append(pairs, [2]int64{from[0].ID, to[0].ID})
	}
	today := demo.Today(time.Now())
	client := &http.Client{Transport: &http.Transport{MaxIdleConnsPerHost: 32}}
	// One search of each pair and day first, as a second into a sale
	// opening: the day's trips are then in the server's catalog cache, and
	// what is measured is the steady state. BenchmarkSearchTrips/cold in
	// the store measures a first search.
	for _, p := range pairs {
		for d := 1; d <= 28; d++ {
			resp, err := client.Get(fmt.Sprintf("%s/api/v1/trips?from=%d&to=%d&date=%s", url, p[0], p[1], today.AddDate(0, 0, d).Format("2006-01-02")))
			if err != nil {
				b.Fatal(err)
			}
			io.Copy(io.Discard, resp.Body)
			resp.Body.Close()
		}
	}
	var mu sync.Mutex
	var lat []time.Duration
	var n int64
	times.mu.Lock()
	times.d = nil
	times.mu.Unlock()
	b.ResetTimer()
	start := time.Now()
	run := func(next func() bool) {
		var mine []time.Duration
		i := 0
		for next() {
			i++
			p := pairs[i%len(pairs)]
			day := today.AddDate(0, 0, 1+i%28).Format("2006-01-02")
			t0 := time.Now()
			resp, err := client.Get(fmt.Sprintf("%s/api/v1/trips?from=%d&to=%d&date=%s", url, p[0], p[1], day))
			if err != nil {
				b.Error(err)
				return
			}
			io.Copy(io.Discard, resp.Body)
			resp.Body.Close()
			if resp.StatusCode != 200 {
				b.Errorf("status %d", resp.StatusCode)
				return
			}
			mine = append(mine, time.Since(t0))
		}
		mu.Lock()
		lat = append(lat, mine...)
		n += int64(len(mine))
		mu.Unlock()
	}
	if parallelism == 0 {
		i := 0
		run(func() bool { i++; return i <= b.N })
	} else {
		b.SetParallelism(parallelism)
		b.RunParallel(func(pb *testing.PB) { run(pb.Next) })
	}
	elapsed := time.Since(start)
	if len(lat) == 0 {
		return
	}
	b.ReportMetric(float64(n)/elapsed.Seconds(), "searches/s")
	b.ReportMetric(percentile(lat, 0.50), "p50-ms")
	b.ReportMetric(percentile(lat, 0.99), "p99-ms")
	times.mu.Lock()
	defer times.mu.Unlock()
	b.ReportMetric(percentile(times.d, 0.50), "server-p50-ms")
	b.ReportMetric(percentile(times.d, 0.99), "server-p99-ms")
}

// percentile sorts d and returns its p-quantile in milliseconds.
func percentile(d []time.Duration, p float64) float64 {
	if len(d) == 0 {
		return 0
	}
	sort.Slice(d, func(i, j int) bool { return d[i] < d[j] })
	return float64(d[int(p*float64(len(d)-1))].Microseconds()) / 1000
}

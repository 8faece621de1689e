package web

import (
	"context"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"os"
	"sort"
	"sync"
	"testing"
	"time"

	"github.com/benxe/benxe/internal/booking"
	"github.com/benxe/benxe/internal/demo"
	"github.com/benxe/benxe/internal/store"
)

// benchServer serves BENXE_BENCH_DSN (an SQLite file or postgres:// URL
// seeded beforehand, e.g. by "benxe seed --scale national") or, without
// it, the shared test server's demo network.
func benchServer(b *testing.B) (string, *store.Store) {
	dsn := os.Getenv("BENXE_BENCH_DSN")
	if dsn == "" {
		return startTestServer(b)
	}
	st, err := store.Open(context.Background(), dsn)
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { st.Close() })
	log := slog.New(slog.NewTextHandler(io.Discard, nil))
	srv := httptest.NewServer(NewServer(Deps{Store: st, Log: log, Now: time.Now, Holds: booking.DefaultHoldPolicy, Secret: []byte("bench")}))
	b.Cleanup(srv.Close)
	return srv.URL, st
}

// BenchmarkSearchHTTP: GET /api/v1/trips from 16 concurrent clients over
// loopback, between the busiest places, on dates over the next month. It
// reports searches/s and latency percentiles as the clients see them (an
// upper bound of the server's own time).
func BenchmarkSearchHTTP(b *testing.B) { searchHTTP(b, 8) }

// BenchmarkSearchHTTPOneClient: the same, one client at a time.
func BenchmarkSearchHTTPOneClient(b *testing.B) { searchHTTP(b, 0) }

// searchHTTP runs GOMAXPROCS × parallelism clients, or one when it is 0.
func searchHTTP(b *testing.B, parallelism int) {
	url, st := benchServer(b)
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
	var mu sync.Mutex
	var lat []time.Duration
	var n int64
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
	sort.Slice(lat, func(i, j int) bool { return lat[i] < lat[j] })
	if len(lat) == 0 {
		return
	}
	pct := func(p float64) float64 { return float64(lat[int(p*float64(len(lat)-1))].Microseconds()) / 1000 }
	b.ReportMetric(float64(n)/elapsed.Seconds(), "searches/s")
	b.ReportMetric(pct(0.50), "p50-ms")
	b.ReportMetric(pct(0.95), "p95-ms")
	b.ReportMetric(pct(0.99), "p99-ms")
}

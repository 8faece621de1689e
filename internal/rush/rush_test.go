package rush

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"
	"time"
)

func ms(n int) time.Duration { return time.Duration(n) * time.Millisecond }

func TestPercentile(t *testing.T) {
	var hundred []time.Duration
	for i := 1; i <= 100; i++ {
		hundred = append(hundred, ms(i))
	}
	ten := hundred[:10]
	cases := []struct {
		samples []time.Duration
		p       float64
		want    time.Duration
	}{
		{nil, 50, 0},
		{[]time.Duration{ms(7)}, 50, ms(7)},
		{[]time.Duration{ms(7)}, 99, ms(7)},
		{hundred, 50, ms(50)},
		{hundred, 95, ms(95)},
		{hundred, 99, ms(99)},
		{hundred, 100, ms(100)},
		{hundred, 0.1, ms(1)},
		// Nearest rank rounds up: 95 % of 10 is 9.5 → the 10th sample.
		{ten, 95, ms(10)},
		{ten, 50, ms(5)},
		{ten, 51, ms(6)},
	}
	for _, c := range cases {
		if got := percentile(c.samples, c.p); got != c.want {
			t.Errorf("p%v of %d samples = %v, want %v", c.p, len(c.samples), got, c.want)
		}
	}
}

func TestStatsReport(t *testing.T) {
	var s, other stats
	for _, st := range []int{201, 201, 409, 409, 409, 400, 503} {
		s.record(st, ms(st))
	}
	other.record(0, 0)
	other.record(204, ms(1))
	s.merge(&other)
	// 8 answered samples: 1 201 201 400 409 409 409 503 (ms).
	r := s.report("hold", 2*time.Second)
	want := StepReport{Name: "hold", Count: 9, PerSecond: 4.5, P50: Latency(ms(400)), P95: Latency(ms(503)), P99: Latency(ms(503)),
		Max: Latency(ms(503)), OK: 3, Conflict: 3, Client: 1, Server: 1, Transport: 1}
	if r != want {
		t.Errorf("report = %+v\nwant %+v", r, want)
	}
	b, _ := json.Marshal(StepReport{P50: Latency(1234567 * time.Nanosecond)})
	if !strings.Contains(string(b), `"p50_ms":1.235`) {
		t.Errorf("latency JSON %s: want milliseconds", b)
	}
}

func TestFindDoubleSales(t *testing.T) {
	t0 := time.Date(2027, 1, 20, 9, 0, 0, 0, vietnam)
	sale := func(code string, trip int64, from, to int, seats ...string) Sale {
		return Sale{Code: code, TripID: trip, From: from, To: to, Seats: seats, Created: t0, Deadline: t0.Add(30 * time.Minute)}
	}
	late := sale("LATE", 1, 0, 4, "A01")
	late.Created, late.Deadline = t0.Add(31*time.Minute), t0.Add(61*time.Minute)

	cases := []struct {
		name  string
		sales []Sale
		want  []string // "seat A-B"
	}{
		{"the same seat sold twice on the same legs", []Sale{sale("AAA", 1, 0, 4, "A01", "A02"), sale("BBB", 1, 0, 4, "A02", "A03")}, []string{"A02 AAA-BBB"}},
		{"legs that share one leg", []Sale{sale("AAA", 1, 0, 3, "B05"), sale("BBB", 1, 2, 4, "B05")}, []string{"B05 AAA-BBB"}},
		{"a segment inside another", []Sale{sale("AAA", 1, 0, 4, "B05"), sale("BBB", 1, 1, 2, "B05")}, []string{"B05 AAA-BBB"}},
		{"three buyers of one seat", []Sale{sale("AAA", 1, 0, 1, "A01"), sale("BBB", 1, 0, 1, "A01"), sale("CCC", 1, 0, 1, "A01")},
			[]string{"A01 AAA-BBB", "A01 AAA-CCC", "A01 BBB-CCC"}},
		{"adjacent segments", []Sale{sale("AAA", 1, 0, 2, "A01"), sale("BBB", 1, 2, 4, "A01")}, nil},
		{"adjacent the other way round", []Sale{sale("AAA", 1, 2, 4, "A01"), sale("BBB", 1, 0, 2, "A01")}, nil},
		{"other trips", []Sale{sale("AAA", 1, 0, 4, "A01"), sale("BBB", 2, 0, 4, "A01")}, nil},
		{"other seats", []Sale{sale("AAA", 1, 0, 4, "A01"), sale("BBB", 1, 0, 4, "A02")}, nil},
		{"one booking answered twice", []Sale{sale("AAA", 1, 0, 4, "A01"), sale("AAA", 1, 0, 4, "A01")}, nil},
		{"sold again after the first booking expired", []Sale{sale("AAA", 1, 0, 4, "A01"), late}, nil},
	}
	for _, c := range cases {
		var got []string
		for _, d := range FindDoubleSales(c.sales) {
			got = append(got, fmt.Sprintf("%s %s-%s", d.Seat, d.A.Code, d.B.Code))
		}
		if fmt.Sprint(got) != fmt.Sprint(c.want) {
			t.Errorf("%s: found %v, want %v", c.name, got, c.want)
		}
	}
}

func TestCheckTarget(t *testing.T) {
	for _, ok := range []string{"http://127.0.0.1:8080", "http://127.9.9.9", "http://localhost:8080/", "http://LOCALHOST.:1",
		"http://[::1]:8080", "https://127.0.0.1"} {
		if _, err := CheckTarget(ok, false); err != nil {
			t.Errorf("%s refused: %v", ok, err)
		}
	}
	for _, bad := range []string{"http://10.0.0.1:8080", "http://192.168.1.2", "http://example.com", "http://localhost.example.com",
		"http://[::2]:80", "http://0.0.0.0:8080", "ftp://127.0.0.1", "127.0.0.1:8080", "http://"} {
		if _, err := CheckTarget(bad, false); err == nil {
			t.Errorf("%s accepted", bad)
		}
	}
	if _, err := CheckTarget("http://example.com", true); err != nil {
		t.Errorf("remote refused with allowRemote: %v", err)
	}
}

// TestClientStaysHome: even a request that slips past the target check
// cannot leave the machine.
func TestClientStaysHome(t *testing.T) {
	// 192.0.2.0/24 is reserved for documentation: nothing answers there.
	_, err := NewClient(1, false).Get("http://192.0.2.1:9/")
	if !errors.Is(err, errRemote) {
		t.Errorf("GET to 192.0.2.1: %v, want %v", err, errRemote)
	}
}

// oversellingServer is a broken benxe that sells every seat to everyone.
func oversellingServer(t *testing.T) *httptest.Server {
	var mu sync.Mutex
	holds := map[string][]string{}
	n := 0
	mux := http.NewServeMux()
	reply := func(w http.ResponseWriter, status int, v any) {
		w.Header().Set("Content-Type", "application/json")
		w.WriteHeader(status)
		json.NewEncoder(w).Encode(v)
	}
	mux.HandleFunc("GET /api/v1/places", func(w http.ResponseWriter, r *http.Request) {
		reply(w, 200, []map[string]any{{"id": len(r.URL.Query().Get("q")), "name": r.URL.Query().Get("q")}})
	})
	mux.HandleFunc("GET /api/v1/trips", func(w http.ResponseWriter, r *http.Request) {
		reply(w, 200, []map[string]any{{"id": 7, "from_stop": map[string]int{"index": 0}, "to_stop": map[string]int{"index": 2}, "seats_available": 4}})
	})
	mux.HandleFunc("GET /api/v1/trips/7", func(w http.ResponseWriter, r *http.Request) {
		seat := func(l string) map[string]string { return map[string]string{"label": l, "status": "available"} }
		reply(w, 200, map[string]any{"id": 7, "from": 0, "to": 2,
			"pickup_points": []map[string]int{{"id": 1}}, "dropoff_points": []map[string]int{{"id": 2}},
			"seat_map": map[string]any{"decks": []any{map[string]any{"rows": [][]any{{seat("A01"), nil, seat("A02")}, {seat("A03"), nil, seat("A04")}}}}}})
	})
	mux.HandleFunc("POST /api/v1/holds", func(w http.ResponseWriter, r *http.Request) {
		var req holdRequest
		json.NewDecoder(r.Body).Decode(&req)
		mu.Lock()
		n++
		id := fmt.Sprint("h", n)
		holds[id] = req.Seats
		mu.Unlock()
		reply(w, 201, map[string]any{"id": id})
	})
	mux.HandleFunc("POST /api/v1/bookings", func(w http.ResponseWriter, r *http.Request) {
		var req bookingRequest
		json.NewDecoder(r.Body).Decode(&req)
		mu.Lock()
		n++
		code := fmt.Sprint("B", n)
		var tickets []map[string]string
		for _, s := range holds[req.HoldID] {
			tickets = append(tickets, map[string]string{"seat": s})
		}
		mu.Unlock()
		now := time.Now()
		reply(w, 201, map[string]any{"code": code, "tickets": tickets, "created_at": now.Format(time.RFC3339),
			"payment": map[string]any{"deadline": now.Add(30 * time.Minute).Format(time.RFC3339)},
			"trip":    map[string]any{"id": 7, "from_stop": map[string]int{"index": 0}, "to_stop": map[string]int{"index": 2}}})
	})
	mux.HandleFunc("DELETE /api/v1/holds/{id}", func(w http.ResponseWriter, r *http.Request) { w.WriteHeader(204) })
	srv := httptest.NewServer(mux)
	t.Cleanup(srv.Close)
	return srv
}

func TestRunCatchesOverselling(t *testing.T) {
	srv := oversellingServer(t)
	cfg := Config{Target: srv.URL, Users: 3, Duration: 300 * time.Millisecond, MaxRequests: 200, Mode: ModeHot, HotTrips: 1,
		From: "a", To: "bb", Seats: 2, BookFraction: 1}
	rep, err := Run(context.Background(), cfg, NewClient(cfg.Users, false))
	if !errors.Is(err, ErrVerification) {
		t.Fatalf("Run = %v, want %v", err, ErrVerification)
	}
	if len(rep.Verify.DoubleSales) == 0 || rep.Bookings < 2 {
		t.Fatalf("%d bookings, double sales %v", rep.Bookings, rep.Verify.DoubleSales)
	}
	var out strings.Builder
	rep.Print(&out)
	if !strings.Contains(out.String(), "DOUBLE SALE: trip 7 seat A01") || !strings.Contains(out.String(), "FAILED") {
		t.Errorf("report does not show the double sale:\n%s", out.String())
	}
	if rep.StopReason != "max-requests" && rep.StopReason != "duration" || rep.Requests > cfg.MaxRequests {
		t.Errorf("stopped by %s after %d requests", rep.StopReason, rep.Requests)
	}
}

func TestRunRefusesBadConfig(t *testing.T) {
	good := Config{Target: "http://127.0.0.1:1", Users: 1, Duration: time.Second, MaxRequests: 10, Mode: ModeRandom,
		From: "a", To: "b", Seats: 2, BookFraction: 0.5}
	for name, change := range map[string]func(*Config){
		"remote target":  func(c *Config) { c.Target = "http://203.0.113.5:8080" },
		"no users":       func(c *Config) { c.Users = 0 },
		"too long":       func(c *Config) { c.Duration = MaxDuration + time.Second },
		"no requests":    func(c *Config) { c.MaxRequests = 0 },
		"unknown mode":   func(c *Config) { c.Mode = "chaos" },
		"hot, no trips":  func(c *Config) { c.Mode, c.HotTrips = ModeHot, 0 },
		"five seats":     func(c *Config) { c.Seats = 5 },
		"fraction > 1":   func(c *Config) { c.ReleaseFraction = 1.5 },
		"bad date":       func(c *Config) { c.Date = "20/01/2027" },
		"no destination": func(c *Config) { c.To = " " },
	} {
		c := good
		change(&c)
		if _, err := Run(context.Background(), c, http.DefaultClient); err == nil || errors.Is(err, ErrVerification) {
			t.Errorf("%s: Run = %v", name, err)
		}
	}
}

package main

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"github.com/benxe/benxe/internal/store"
	"github.com/benxe/benxe/internal/store/storetest"
	"io"
	"net/http"
	"os"
	"regexp"
	"strings"
	"sync"
	"testing"
	"time"
)

// syncBuffer is written by the server goroutine and read by the test.
type syncBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *syncBuffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}

// inproc is one "benxe serve" run in this process, shared by the tests of
// an engine: the demo network takes seconds to load, more under -race.
type inproc struct {
	once   sync.Once
	url    string
	err    error
	cancel context.CancelFunc
	done   chan error
	drop   func() // removes the PostgreSQL schema after the server stops
}

var servers = map[string]*inproc{store.SQLite: {}, store.Postgres: {}}

// TestMain stops the shared servers after the tests through their context,
// as a signal would, so a graceful shutdown is checked too.
func TestMain(m *testing.M) {
	code := m.Run()
	for engine, s := range servers {
		if s.cancel == nil {
			continue
		}
		s.cancel()
		select {
		case err := <-s.done:
			if err != nil {
				fmt.Fprintln(os.Stderr, engine, "serve returned", err)
				code = 1
			}
		case <-time.After(30 * time.Second):
			fmt.Fprintln(os.Stderr, engine, "serve did not shut down in 30 s")
			code = 1
		}
		if s.drop != nil {
			s.drop()
		}
	}
	os.Exit(code)
}

// eachEngine runs fn against a server on SQLite and one on PostgreSQL.
func eachEngine(t *testing.T, fn func(t *testing.T, base string)) {
	t.Run(store.SQLite, func(t *testing.T) { fn(t, startServer(t, store.SQLite)) })
	t.Run(store.Postgres, func(t *testing.T) { fn(t, startServer(t, store.Postgres)) })
}

// startServer runs "benxe serve" in-process on port 0 with a fresh
// database and waits for /healthz.
func startServer(t *testing.T, engine string) string {
	t.Helper()
	s := servers[engine]
	if engine == store.Postgres {
		storetest.PostgresURL(t)
	}
	s.once.Do(func() {
		var db []string
		if engine == store.Postgres {
			var dsn string
			dsn, s.drop = postgresSchema(t)
			db = []string{"--db", dsn}
		}
		s.url, s.err = s.start(db)
	})
	if s.err != nil {
		t.Fatal(s.err)
	}
	return s.url
}

func (s *inproc) start(db []string) (string, error) {
	dir, err := os.MkdirTemp("", "benxe-e2e")
	if err != nil {
		return "", err
	}
	ctx, cancel := context.WithCancel(context.Background())
	s.cancel, s.done = cancel, make(chan error, 1)
	var stdout, stderr syncBuffer
	getenv := func(string) string { return "" }
	args := append([]string{"benxe", "serve", "--addr", "127.0.0.1:0", "--data", dir, "--days", "10"}, db...)
	go func() { s.done <- run(ctx, args, getenv, strings.NewReader(""), &stdout, &stderr) }()
	re := regexp.MustCompile(`serving on (http://\S+)/`)
	deadline := time.Now().Add(3 * time.Minute)
	for time.Now().Before(deadline) {
		if m := re.FindStringSubmatch(stdout.String()); m != nil {
			if resp, err := http.Get(m[1] + "/healthz"); err == nil {
				resp.Body.Close()
				if resp.StatusCode == http.StatusOK {
					return m[1], nil
				}
			}
		}
		select {
		case err := <-s.done:
			s.cancel = nil
			return "", fmt.Errorf("serve exited: %v\n%s", err, stderr.String())
		case <-time.After(50 * time.Millisecond):
		}
	}
	return "", fmt.Errorf("server not ready; stdout:\n%s\nstderr:\n%s", stdout.String(), stderr.String())
}

type client struct {
	t    *testing.T
	base string
}

// do sends a request and decodes the JSON answer into out (if not nil),
// failing the test unless the status is want.
func (c client) do(method, path string, body any, want int, out any, header ...string) http.Header {
	c.t.Helper()
	status, raw, h, err := send(context.Background(), c.base, method, path, body, header...)
	if err != nil {
		c.t.Fatal(err)
	}
	if status != want {
		c.t.Fatalf("%s %s: status %d, want %d: %s", method, path, status, want, raw)
	}
	if out != nil {
		if err := json.Unmarshal(raw, out); err != nil {
			c.t.Fatalf("%s %s: %v in %s", method, path, err, raw)
		}
	}
	return h
}

// tryDo sends a request from any goroutine: the status (0 on a transport
// error) and the raw body, decoded into out on a 2xx.
func tryDo(ctx context.Context, base, method, path string, body, out any) (int, string) {
	status, raw, _, err := send(ctx, base, method, path, body)
	if err != nil {
		return 0, err.Error()
	}
	if status/100 == 2 && out != nil {
		json.Unmarshal(raw, out)
	}
	return status, string(raw)
}

func send(ctx context.Context, base, method, path string, body any, header ...string) (int, []byte, http.Header, error) {
	var rd io.Reader
	if body != nil {
		b, _ := json.Marshal(body)
		rd = bytes.NewReader(b)
	}
	req, err := http.NewRequestWithContext(ctx, method, base+path, rd)
	if err != nil {
		return 0, nil, nil, err
	}
	req.Header.Set("Content-Type", "application/json")
	for i := 0; i+1 < len(header); i += 2 {
		req.Header.Set(header[i], header[i+1])
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		return 0, nil, nil, err
	}
	defer resp.Body.Close()
	raw, err := io.ReadAll(resp.Body)
	return resp.StatusCode, raw, resp.Header, err
}

type apiError struct {
	Error struct {
		Code, Message, MessageVI, Field string
		Seats                           []string
	}
}

func (e *apiError) UnmarshalJSON(b []byte) error {
	var raw struct {
		Error struct {
			Code      string   `json:"code"`
			Message   string   `json:"message"`
			MessageVI string   `json:"message_vi"`
			Field     string   `json:"field"`
			Seats     []string `json:"seats"`
		} `json:"error"`
	}
	if err := json.Unmarshal(b, &raw); err != nil {
		return err
	}
	e.Error.Code, e.Error.Message, e.Error.MessageVI, e.Error.Field, e.Error.Seats =
		raw.Error.Code, raw.Error.Message, raw.Error.MessageVI, raw.Error.Field, raw.Error.Seats
	return nil
}

type seat struct {
	Label  string `json:"label"`
	Kind   string `json:"kind"`
	Price  int64  `json:"price"`
	Status string `json:"status"`
}

type tripDetail struct {
	ID           int64 `json:"id"`
	From, To     int
	PickupPoints []struct {
		ID int64 `json:"id"`
	} `json:"pickup_points"`
	DropoffPoints []struct {
		ID int64 `json:"id"`
	} `json:"dropoff_points"`
	SeatMap struct {
		Decks []struct {
			Name string    `json:"name"`
			Rows [][]*seat `json:"rows"`
		} `json:"decks"`
	} `json:"seat_map"`
}

// TestBookingFlowAPI walks the five steps of a booking through API v1 on
// the real server: search Sài Gòn → Đà Lạt next week, take upper-deck
// berths on a sleeper, apply a promo code, book by bank transfer.
func TestBookingFlowAPI(t *testing.T) {
	eachEngine(t, testBookingFlow)
}

func testBookingFlow(t *testing.T, base string) {
	c := client{t, base}

	// 1. Places, accent-insensitive, with aliases.
	var places []struct {
		ID       int64  `json:"id"`
		Name     string `json:"name"`
		Province string `json:"province"`
	}
	c.do("GET", "/api/v1/places?q=sai+gon", nil, 200, &places)
	if len(places) == 0 || places[0].Name != "TP Hồ Chí Minh" {
		t.Fatalf("sai gon → %+v", places)
	}
	hcm := places[0].ID
	c.do("GET", "/api/v1/places?q=da%20lat", nil, 200, &places)
	if len(places) == 0 || places[0].Name != "Đà Lạt" || places[0].Province != "Lâm Đồng" {
		t.Fatalf("da lat → %+v", places)
	}
	dalat := places[0].ID

	// 2. Trips next week, sleepers only, cheapest first.
	date := time.Now().AddDate(0, 0, 7).Format("2006-01-02")
	var trips []struct {
		ID             int64 `json:"id"`
		Vehicle        string
		PriceFrom      int64               `json:"price_from"`
		SeatsAvailable int                 `json:"seats_available"`
		DepartureTime  string              `json:"departure_time"`
		FromStop       struct{ Index int } `json:"from_stop"`
		ToStop         struct{ Index int } `json:"to_stop"`
	}
	c.do("GET", fmt.Sprintf("/api/v1/trips?from=%d&to=%d&date=%s&vehicle=sleeper40&sort=price", hcm, dalat, date), nil, 200, &trips)
	if len(trips) == 0 {
		t.Fatal("no sleeper Sài Gòn → Đà Lạt next week")
	}
	for i := 1; i < len(trips); i++ {
		if trips[i].PriceFrom < trips[i-1].PriceFrom {
			t.Errorf("sort=price not sorted: %d after %d", trips[i].PriceFrom, trips[i-1].PriceFrom)
		}
	}
	if !strings.HasSuffix(trips[0].DepartureTime, "+07:00") || !strings.HasPrefix(trips[0].DepartureTime, date) {
		t.Errorf("departure_time %q: want %s…+07:00", trips[0].DepartureTime, date)
	}
	tr := trips[0]

	// 3. The seat map for the segment: two decks, upper B berths.
	var detail tripDetail
	c.do("GET", fmt.Sprintf("/api/v1/trips/%d?from=%d&to=%d", tr.ID, tr.FromStop.Index, tr.ToStop.Index), nil, 200, &detail)
	if len(detail.SeatMap.Decks) != 2 {
		t.Fatalf("sleeper with %d decks", len(detail.SeatMap.Decks))
	}
	var upper []string
	available := 0
	for d, deck := range detail.SeatMap.Decks {
		for _, row := range deck.Rows {
			for _, s := range row {
				if s != nil && s.Status == "available" {
					available++
					if d == 1 && len(upper) < 2 {
						upper = append(upper, s.Label)
					}
				}
			}
		}
	}
	if len(upper) != 2 || upper[0][0] != 'B' || available != tr.SeatsAvailable {
		t.Fatalf("upper deck free berths %v; %d available in the map, %d in the search", upper, available, tr.SeatsAvailable)
	}

	// 4. Hold, with an Idempotency-Key: a replay gets the same hold.
	holdReq := map[string]any{"trip_id": tr.ID, "from": tr.FromStop.Index, "to": tr.ToStop.Index, "seats": upper}
	var hold, again struct {
		ID        string   `json:"id"`
		Seats     []string `json:"seats"`
		Amount    int64    `json:"amount"`
		ExpiresAt string   `json:"expires_at"`
	}
	c.do("POST", "/api/v1/holds", holdReq, 201, &hold, "Idempotency-Key", "hold-1")
	h := c.do("POST", "/api/v1/holds", holdReq, 201, &again, "Idempotency-Key", "hold-1")
	if again.ID != hold.ID || h.Get("Idempotent-Replayed") != "true" {
		t.Errorf("replay gave hold %s, first was %s", again.ID, hold.ID)
	}
	var e apiError
	c.do("POST", "/api/v1/holds", map[string]any{"trip_id": tr.ID, "from": 0, "to": 1, "seats": upper}, 400, &e, "Idempotency-Key", "hold-1")
	if e.Error.Code != "idempotency_key_reused" {
		t.Errorf("same key, other body: %+v", e)
	}
	// Someone else wants one of these berths: 409 naming it.
	c.do("POST", "/api/v1/holds", map[string]any{"trip_id": tr.ID, "from": tr.FromStop.Index, "to": tr.ToStop.Index, "seats": []string{upper[1]}}, 409, &e)
	if e.Error.Code != "seat_unavailable" || len(e.Error.Seats) != 1 || e.Error.Seats[0] != upper[1] {
		t.Errorf("conflict: %+v", e)
	}

	// 5. Quote with a promo code ("Áp dụng"), then book by bank transfer.
	var quote struct {
		Lines []struct {
			Kind   string `json:"kind"`
			Amount int64  `json:"amount"`
		} `json:"lines"`
		Total int64 `json:"total"`
	}
	c.do("POST", "/api/v1/quotes", map[string]any{"hold_id": hold.ID, "promo_code": "tet2027"}, 200, &quote)
	if quote.Total >= hold.Amount || quote.Total < hold.Amount-50000 {
		t.Errorf("TET2027 on %d gives %d", hold.Amount, quote.Total)
	}
	c.do("POST", "/api/v1/quotes", map[string]any{"hold_id": hold.ID, "promo_code": "NOPE"}, 400, &e)
	if e.Error.Code != "promo_not_found" || e.Error.Field != "promo_code" {
		t.Errorf("unknown promo: %+v", e)
	}
	bookReq := map[string]any{"hold_id": hold.ID, "pickup_point_id": detail.PickupPoints[0].ID,
		"dropoff_point_id": detail.DropoffPoints[0].ID, "contact": map[string]string{"name": "Nguyễn Văn An", "phone": "+84 912 345 678"},
		"payment_method": "bank_transfer", "promo_code": "TET2027",
		"passengers": []map[string]string{{"seat": upper[0], "name": "Nguyễn Văn An"}}}
	bad := map[string]any{}
	for k, v := range bookReq {
		bad[k] = v
	}
	bad["contact"] = map[string]string{"name": "A", "phone": "0241234567"}
	c.do("POST", "/api/v1/bookings", bad, 400, &e)
	if e.Error.Field != "contact.phone" || e.Error.MessageVI == "" {
		t.Errorf("landline: %+v", e)
	}
	var b struct {
		Code    string `json:"code"`
		Status  string `json:"status"`
		Total   int64  `json:"total"`
		Payment struct {
			Method       string `json:"method"`
			Deadline     string `json:"deadline"`
			Instructions struct {
				Content string `json:"content"`
				VietQR  string `json:"vietqr"`
				QRImage string `json:"qr_image"`
				Amount  int64  `json:"amount"`
			} `json:"instructions"`
		} `json:"payment"`
		Tickets []struct {
			Seat string `json:"seat"`
		} `json:"tickets"`
	}
	c.do("POST", "/api/v1/bookings", bookReq, 201, &b, "Idempotency-Key", "book-1")
	if b.Status != "pending_payment" || b.Total != quote.Total || len(b.Tickets) != 2 || b.Payment.Instructions.Content != b.Code ||
		!strings.Contains(b.Payment.Instructions.VietQR, b.Code) || b.Payment.Instructions.Amount != b.Total {
		t.Errorf("booking = %+v", b)
	}
	deadline, err := time.Parse(time.RFC3339, b.Payment.Deadline)
	if err != nil || time.Until(deadline) < 25*time.Minute || time.Until(deadline) > 31*time.Minute {
		t.Errorf("deadline %q: want about 30 minutes from now", b.Payment.Deadline)
	}
	resp, err := http.Get(c.base + b.Payment.Instructions.QRImage)
	if err != nil || resp.StatusCode != 200 || resp.Header.Get("Content-Type") != "image/png" {
		t.Errorf("QR image: %v %v", resp, err)
	}
	resp.Body.Close()
	var replay struct{ Code string }
	c.do("POST", "/api/v1/bookings", bookReq, 201, &replay, "Idempotency-Key", "book-1")
	if replay.Code != b.Code {
		t.Errorf("booking replay gave %s, want %s", replay.Code, b.Code)
	}
	c.do("POST", "/api/v1/bookings", bookReq, 409, &e)
	if e.Error.Code != "hold_booked" {
		t.Errorf("booking a booked hold again: %+v", e)
	}

	// Look-up needs the code and the phone.
	var got struct{ Code, Status string }
	c.do("GET", "/api/v1/bookings/"+strings.ToLower(b.Code)+"?phone=0912345678", nil, 200, &got)
	c.do("GET", "/api/v1/bookings/"+b.Code+"?phone=0987654321", nil, 404, &e)
	// The berths are sold for this segment now.
	c.do("GET", fmt.Sprintf("/api/v1/trips/%d?from=%d&to=%d", tr.ID, tr.FromStop.Index, tr.ToStop.Index), nil, 200, &detail)
	if st := seatStatus(detail, upper[0]); st != "sold" {
		t.Errorf("booked berth shows %q", st)
	}
	// The passenger cancels the unpaid booking: the berths are free again.
	var cancelled struct {
		Status string `json:"status"`
		Refund struct {
			Amount int64 `json:"amount"`
		} `json:"refund"`
	}
	c.do("POST", "/api/v1/bookings/"+b.Code+"/cancel?phone=0912345678", nil, 200, &cancelled)
	if cancelled.Status != "cancelled" || cancelled.Refund.Amount != 0 {
		t.Errorf("cancel: %+v", cancelled)
	}
	c.do("GET", fmt.Sprintf("/api/v1/trips/%d?from=%d&to=%d", tr.ID, tr.FromStop.Index, tr.ToStop.Index), nil, 200, &detail)
	if st := seatStatus(detail, upper[0]); st != "available" {
		t.Errorf("cancelled berth shows %q", st)
	}

	// What happened shows in /metrics.
	_, raw, _, err := send(context.Background(), c.base, "GET", "/metrics", nil)
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{`benxe_http_request_duration_seconds_count{route="POST /api/v1/holds",code="2xx"}`,
		`benxe_http_request_duration_seconds_count{route="POST /api/v1/holds",code="4xx"}`,
		"benxe_hold_conflicts_total ", "benxe_bookings_created_total ", `benxe_db_connections_open{pool="write"}`} {
		if !strings.Contains(string(raw), want) {
			t.Errorf("/metrics lacks %s", want)
		}
	}
}

func seatStatus(d tripDetail, label string) string {
	for _, deck := range d.SeatMap.Decks {
		for _, row := range deck.Rows {
			for _, s := range row {
				if s != nil && s.Label == label {
					return s.Status
				}
			}
		}
	}
	return ""
}

// TestBadInput: every malformed, out-of-range or unknown value gets a 4xx
// with the error shape, naming the field, in both languages.
func TestBadInput(t *testing.T) {
	eachEngine(t, testBadInput)
}

func testBadInput(t *testing.T, base string) {
	c := client{t, base}
	tomorrow := time.Now().AddDate(0, 0, 1).Format("2006-01-02")
	cases := []struct {
		method, path string
		body         any
		status       int
		field        string
	}{
		{"GET", "/api/v1/places", nil, 400, "q"},
		{"GET", "/api/v1/trips?to=2&date=" + tomorrow, nil, 400, "from"},
		{"GET", "/api/v1/trips?from=x&to=2&date=" + tomorrow, nil, 400, "from"},
		{"GET", "/api/v1/trips?from=1&to=1&date=" + tomorrow, nil, 400, "to"},
		{"GET", "/api/v1/trips?from=1&to=99999&date=" + tomorrow, nil, 400, "to"},
		{"GET", "/api/v1/trips?from=99999&to=2&date=" + tomorrow, nil, 400, "from"},
		{"GET", "/api/v1/trips?from=1&to=2&date=2020-01-01", nil, 400, "date"},
		{"GET", "/api/v1/trips?from=1&to=2&date=20-1-1", nil, 400, "date"},
		{"GET", "/api/v1/trips?from=1&to=2&date=" + tomorrow + "&sort=fast", nil, 400, "sort"},
		{"GET", "/api/v1/trips?from=1&to=2&date=" + tomorrow + "&depart_after=25:00", nil, 400, "depart_after"},
		{"GET", "/api/v1/trips?from=1&to=2&date=" + tomorrow + "&min_price=-5", nil, 400, "min_price"},
		{"GET", "/api/v1/trips?from=1&to=2&date=" + tomorrow + "&vehicle=tank", nil, 400, "vehicle"},
		{"GET", "/api/v1/trips/1?from=5&to=1", nil, 400, "from"},
		{"GET", "/api/v1/trips/abc", nil, 404, "id"},
		{"GET", "/api/v1/trips/999999999", nil, 404, "trip_id"},
		{"POST", "/api/v1/holds", "not an object", 400, "body"},
		{"POST", "/api/v1/holds", map[string]any{"trip_id": 1, "from": 0, "to": 1, "seats": []string{"A01"}, "extra": 1}, 400, "extra"},
		{"POST", "/api/v1/holds", map[string]any{"trip_id": "1"}, 400, "trip_id"},
		{"POST", "/api/v1/holds", map[string]any{"trip_id": 1, "to": 1, "seats": []string{"A01"}}, 400, "from"},
		{"POST", "/api/v1/holds", map[string]any{"trip_id": 1, "from": 0, "to": 1, "seats": []string{}}, 400, "seats"},
		{"POST", "/api/v1/quotes", map[string]any{}, 400, "hold_id"},
		{"POST", "/api/v1/quotes", map[string]any{"hold_id": "nope"}, 404, "hold_id"},
		{"POST", "/api/v1/bookings", map[string]any{"hold_id": "x", "pickup_point_id": 1, "dropoff_point_id": 2,
			"contact": map[string]string{"name": "A", "phone": "0912345678"}, "payment_method": "cash"}, 400, "payment_method"},
		{"GET", "/api/v1/bookings/ABCDEFGH?phone=abc", nil, 400, "phone"},
		{"GET", "/api/v1/nothing", nil, 404, ""},
	}
	for _, tc := range cases {
		var e apiError
		c.do(tc.method, tc.path, tc.body, tc.status, &e)
		if e.Error.Code == "" || e.Error.Message == "" || e.Error.MessageVI == "" || e.Error.Field != tc.field {
			t.Errorf("%s %s: %+v, want field %q", tc.method, tc.path, e.Error, tc.field)
		}
	}
}

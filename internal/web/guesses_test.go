package web

import (
	"fmt"
	"net/http"
	"testing"
	"time"
)

func TestGuessesForgiveWithTime(t *testing.T) {
	g := newGuesses()
	now := time.Date(2027, 1, 20, 8, 0, 0, 0, time.UTC)
	for i := 0; i < g.burst; i++ {
		if g.blocked(now, "code:A") {
			t.Fatalf("blocked after %d wrong tries, allowed %d", i, g.burst)
		}
		g.missed(now, "code:A", fmt.Sprint("phone:", i))
	}
	if !g.blocked(now, "code:A") || !g.blocked(now, "phone:0", "code:A") {
		t.Fatal("not blocked after the burst")
	}
	if g.blocked(now, "code:B", "phone:0") {
		t.Error("another code with a phone tried once is blocked")
	}
	if !g.blocked(now.Add(g.every/2), "code:A") {
		t.Error("forgiven before a whole interval")
	}
	if g.blocked(now.Add(g.every), "code:A") {
		t.Error("still blocked after an interval forgave one try")
	}
	// Targets forgiven entirely are forgotten once the map is full.
	g.max = 2
	g.missed(now.Add(time.Duration(g.burst)*g.every), "code:C")
	if _, ok := g.targets["code:A"]; ok {
		t.Error("a forgiven target was kept past max")
	}
	// Full of targets none of which is forgiven yet: all are dropped,
	// rather than scanned again on every wrong try.
	later := now.Add(time.Duration(g.burst) * g.every)
	g.missed(later, "code:D")
	g.missed(later, "code:E")
	if len(g.targets) != 1 {
		t.Errorf("%d targets kept past max, want only the new one", len(g.targets))
	}
}

// TestLookupGuessesRefused: wrong phones tried against one booking code
// lock its code-and-phone lookups, the right phone included, with a 429
// in both languages; a wrong phone looks like a wrong code.
func TestLookupGuessesRefused(t *testing.T) {
	_, st := startTestServer(t)
	_, tripID, pickup, drop := settingsOperator(t, st)
	code, _ := settingsBooked(t, tripID, pickup, drop, "A09", "counter")
	path := "/api/v1/bookings/" + code + "?phone="
	opCall(t, "GET", path+"0912345678", "", nil).wantStatus(t, http.StatusOK)
	for i := 0; i < 10; i++ {
		opCall(t, "GET", path+fmt.Sprintf("09870%05d", i), "", nil).want(t, http.StatusNotFound, "booking_not_found")
	}
	opCall(t, "GET", path+"0912345678", "", nil).want(t, http.StatusTooManyRequests, "too_many_attempts")
	opCall(t, "POST", "/api/v1/bookings/"+code+"/cancel?phone=0912345678", "", nil).want(t, http.StatusTooManyRequests, "too_many_attempts")
	opCall(t, "GET", "/api/v1/bookings/ZZZZZZZZ?phone=0987600001", "", nil).want(t, http.StatusNotFound, "booking_not_found")
}

func (a opAnswer) wantStatus(t *testing.T, status int) {
	t.Helper()
	if a.status != status {
		t.Fatalf("status %d %s, want %d", a.status, a.body, status)
	}
}

// Package storetest is the conformance suite of the data layer: every
// promise the store keeps, run against every engine.
package storetest

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"sync"
	"testing"
	"time"

	"github.com/benxe/benxe/internal/apperr"
	"github.com/benxe/benxe/internal/booking"
	"github.com/benxe/benxe/internal/catalog"
	"github.com/benxe/benxe/internal/pricing"
	"github.com/benxe/benxe/internal/store"
	"github.com/benxe/benxe/internal/vn"
)

// Opener opens a fresh, migrated, empty store for one test.
type Opener func(t *testing.T) *store.Store

// Run runs the whole suite.
func Run(t *testing.T, open Opener) {
	tests := []struct {
		name string
		fn   func(*testing.T, Opener)
	}{
		{"TimeRoundTrip", testTimeRoundTrip},
		{"HoldAllOrNothing", testHoldAllOrNothing},
		{"Segments", testSegments},
		{"ExpiredHoldNeverBlocks", testExpiredHoldNeverBlocks},
		{"ExtendAndRelease", testExtendAndRelease},
		{"BookingLifecycle", testBookingLifecycle},
		{"PromoLimits", testPromoLimits},
		{"HistoryAppendOnly", testHistoryAppendOnly},
		{"Idempotency", testIdempotency},
		{"SearchSegments", testSearchSegments},
		{"RaceForSeats", testRaceForSeats},
		{"ConcurrentExpiry", testConcurrentExpiry},
		{"PaymentRacesExpiry", testPaymentRacesExpiry},
		{"ErrorTranslation", testErrorTranslation},
		{"MigrateConcurrently", testMigrateConcurrently},
	}
	for _, tc := range append(tests, paymentTests...) {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			tc.fn(t, open)
		})
	}
}

// Fixture is a small network: one operator, a sleeper on the route
// Sài Gòn (0) → Bảo Lộc (1) → Đà Lạt (2), one trip a day.
type Fixture struct {
	Store         *store.Store
	Now           time.Time // tomorrow's trip leaves at Now + 24h
	TripID        int64
	Places        [3]int64
	Pickup, Drop  [3]int64 // point ids per stop
	OperatorID    int64
	RouteID       int64
	FullFareBerth int64
}

// NewFixture builds the network in st.
func NewFixture(t *testing.T, st *store.Store) *Fixture {
	t.Helper()
	ctx := context.Background()
	f := &Fixture{Store: st, Now: time.Date(2027, 1, 20, 8, 0, 0, 0, vn.Zone), FullFareBerth: 300000}
	err := st.Write(ctx, func(w *store.Writer) error {
		for i, name := range []string{"TP Hồ Chí Minh", "Bảo Lộc", "Đà Lạt"} {
			p := catalog.Place{Slug: fmt.Sprint("p", i), Name: name, Province: "Lâm Đồng", Kind: "city"}
			aliases := map[int][]string{0: {"Sài Gòn", "TP HCM"}, 2: {"Dalat"}}[i]
			if err := w.Place(&p, aliases); err != nil {
				return err
			}
			f.Places[i] = p.ID
		}
		op := catalog.Operator{Slug: "op", Name: "Nhà xe Thử", Phone: "19001234", Rating: 45, Confirmation: catalog.Instant,
			Policy:  catalog.Policy{{HoursBefore: 24, FeePercent: 0}, {HoursBefore: 0, FeePercent: 100}},
			BankBIN: "970436", BankAccount: "0123456789", BankAccountName: "NHA XE THU", TransferMinutes: 30, CounterMinutes: 60}
		if err := w.Operator(&op); err != nil {
			return err
		}
		f.OperatorID = op.ID
		l, _ := catalog.StandardLayout(catalog.Sleeper40)
		if err := w.Layout(&l); err != nil {
			return err
		}
		var stops []store.RouteStop
		for i, off := range []time.Duration{0, 3 * time.Hour, 7 * time.Hour} {
			stops = append(stops, store.RouteStop{PlaceID: f.Places[i], Name: fmt.Sprint("Bến ", i), Offset: off,
				Points: []catalog.Point{{Name: "Bến", Address: "1 Đường", Pickup: i < 2, Dropoff: i > 0}}})
		}
		var err error
		if f.RouteID, err = w.Route("r", op.ID, "Sài Gòn – Đà Lạt", stops); err != nil {
			return err
		}
		fares := []store.Fare{{From: 0, To: 1, Kind: catalog.KindBerth, Amount: 150000},
			{From: 1, To: 2, Kind: catalog.KindBerth, Amount: 180000}, {From: 0, To: 2, Kind: catalog.KindBerth, Amount: 300000}}
		_, err = w.Timetable(store.Timetable{RouteID: f.RouteID, LayoutID: l.ID, Depart: "08:00", ValidFrom: "2027-01-01", Fares: fares})
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	if n, err := st.GenerateTrips(ctx, f.Now, f.Now.AddDate(0, 0, 2)); err != nil || n != 3 {
		t.Fatalf("GenerateTrips = %d, %v; want 3 trips", n, err)
	}
	if n, _ := st.GenerateTrips(ctx, f.Now, f.Now.AddDate(0, 0, 2)); n != 0 {
		t.Fatalf("GenerateTrips again created %d trips, want 0", n)
	}
	ids, err := st.TripIDs(ctx, f.Now.Add(time.Hour), f.Now.Add(25*time.Hour))
	if err != nil || len(ids) != 1 {
		t.Fatalf("TripIDs = %v, %v", ids, err)
	}
	f.TripID = ids[0]
	points, err := st.Points(ctx, f.RouteID)
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range points {
		if p.Pickup {
			f.Pickup[p.StopIdx] = p.ID
		}
		if p.Dropoff {
			f.Drop[p.StopIdx] = p.ID
		}
	}
	return f
}

// Hold holds seats for a segment at f.Now + after.
func (f *Fixture) Hold(t *testing.T, from, to int, after time.Duration, seats ...string) (booking.Hold, error) {
	t.Helper()
	return f.Store.CreateHold(context.Background(), store.HoldRequest{TripID: f.TripID, From: from, To: to, Seats: seats},
		10*time.Minute, f.Now.Add(after))
}

// Book books a hold by bank transfer.
func (f *Fixture) Book(t *testing.T, h booking.Hold, phone, promo string, at time.Time) (booking.Booking, error) {
	t.Helper()
	return f.Store.CreateBooking(context.Background(), booking.Request{HoldID: h.ID, PickupPointID: f.Pickup[h.From],
		DropoffPointID: f.Drop[h.To], Contact: booking.Contact{Name: "Nguyễn Văn A", Phone: phone},
		PaymentMethod: booking.BankTransfer, PromoCode: promo}, at)
}

func code(err error) string {
	if e, ok := apperr.As(err); ok {
		return e.Code
	}
	if err != nil {
		return err.Error()
	}
	return ""
}

func testTimeRoundTrip(t *testing.T, open Opener) {
	f := NewFixture(t, open(t))
	trip, err := f.Store.Trip(context.Background(), f.TripID)
	if err != nil {
		t.Fatal(err)
	}
	want := time.Date(2027, 1, 21, 8, 0, 0, 0, vn.Zone)
	if !trip.DepartsAt.Equal(want) || trip.DepartsAt.Location() != time.UTC {
		t.Errorf("departs_at = %v, want %v in UTC", trip.DepartsAt, want)
	}
	h, err := f.Hold(t, 0, 1, 1234567*time.Microsecond, "A01")
	if err != nil {
		t.Fatal(err)
	}
	got, err := f.Store.Hold(context.Background(), h.ID)
	if err != nil {
		t.Fatal(err)
	}
	if !got.ExpiresAt.Equal(h.ExpiresAt.Truncate(time.Millisecond)) {
		t.Errorf("expires_at %v came back as %v", h.ExpiresAt, got.ExpiresAt)
	}
}

func testHoldAllOrNothing(t *testing.T, open Opener) {
	f := NewFixture(t, open(t))
	if _, err := f.Hold(t, 0, 2, 0, "A01"); err != nil {
		t.Fatal(err)
	}
	_, err := f.Hold(t, 0, 2, 0, "A02", "A01", "B01")
	if code(err) != "seat_unavailable" {
		t.Fatalf("hold over a taken seat: %v, want seat_unavailable", err)
	}
	if e, _ := apperr.As(err); len(e.Seats) != 1 || e.Seats[0] != "A01" {
		t.Errorf("taken seats named %v, want [A01]", e.Seats)
	}
	// Nothing of the failed hold remains: A02 and B01 are free.
	if _, err := f.Hold(t, 0, 2, 0, "A02", "B01"); err != nil {
		t.Fatalf("A02, B01 should be free after a failed hold: %v", err)
	}
	for _, c := range []struct {
		seats []string
		want  string
	}{{nil, "required"}, {[]string{"Z99"}, "unknown_seat"}, {[]string{"A03", "A03"}, "duplicate_seat"},
		{[]string{"A1", "A2", "A3", "A4", "A5", "A6", "A7", "A8", "A9", "A10", "A11"}, "too_many_seats"}} {
		if _, err := f.Hold(t, 0, 2, 0, c.seats...); code(err) != c.want {
			t.Errorf("hold %v: %v, want %s", c.seats, err, c.want)
		}
	}
	if _, err := f.Hold(t, 2, 2, 0, "A05"); code(err) != "invalid_stop" {
		t.Errorf("empty segment: %v", err)
	}
	if _, err := f.Hold(t, 0, 1, 25*time.Hour, "A05"); code(err) != "trip_departed" {
		t.Errorf("hold after departure: %v", err)
	}
}

func testSegments(t *testing.T, open Opener) {
	f := NewFixture(t, open(t))
	ctx := context.Background()
	if _, err := f.Hold(t, 0, 1, 0, "B01"); err != nil {
		t.Fatal(err)
	}
	// The same berth from Bảo Lộc to Đà Lạt does not overlap.
	h, err := f.Hold(t, 1, 2, 0, "B01")
	if err != nil {
		t.Fatalf("non-overlapping segment refused: %v", err)
	}
	if h.Amount != 180000 {
		t.Errorf("Bảo Lộc → Đà Lạt berth costs %d, want 180000", h.Amount)
	}
	if _, err := f.Hold(t, 0, 2, 0, "B01"); code(err) != "seat_unavailable" {
		t.Errorf("overlapping whole-route hold: %v", err)
	}
	states, err := f.Store.SeatStates(ctx, f.TripID, 1, 2, f.Now)
	if err != nil || states["B01"] != store.SeatHeld || len(states) != 1 {
		t.Errorf("states for 1→2 = %v, %v", states, err)
	}
}

func testExpiredHoldNeverBlocks(t *testing.T, open Opener) {
	f := NewFixture(t, open(t))
	ctx := context.Background()
	if _, err := f.Hold(t, 0, 2, 0, "A01", "A02"); err != nil {
		t.Fatal(err)
	}
	if _, err := f.Hold(t, 0, 2, 9*time.Minute, "A01"); code(err) != "seat_unavailable" {
		t.Fatalf("live hold did not block: %v", err)
	}
	// Ten minutes later, with no sweeper run, the seats are free again.
	states, _ := f.Store.SeatStates(ctx, f.TripID, 0, 2, f.Now.Add(10*time.Minute))
	if len(states) != 0 {
		t.Errorf("expired hold still shows: %v", states)
	}
	if _, err := f.Hold(t, 1, 2, 10*time.Minute, "A01"); err != nil {
		t.Fatalf("expired hold blocked a sale: %v", err)
	}
	// Left: A01's first leg and A02's two legs.
	if n, err := f.Store.SweepHolds(ctx, f.Now.Add(11*time.Minute)); err != nil || n != 3 {
		t.Errorf("sweep removed %d rows, %v; want 3", n, err)
	}
}

func testExtendAndRelease(t *testing.T, open Opener) {
	f := NewFixture(t, open(t))
	ctx := context.Background()
	p := booking.HoldPolicy{TTL: 10 * time.Minute, Cap: 15 * time.Minute}
	h, err := f.Hold(t, 0, 2, 0, "A01")
	if err != nil {
		t.Fatal(err)
	}
	h, err = f.Store.ExtendHold(ctx, h.ID, p, f.Now.Add(8*time.Minute))
	if err != nil || !h.ExpiresAt.Equal(f.Now.Add(15*time.Minute)) {
		t.Fatalf("extend: %v, %v; want capped at +15m", h.ExpiresAt, err)
	}
	if _, err := f.Hold(t, 0, 2, 12*time.Minute, "A01"); code(err) != "seat_unavailable" {
		t.Errorf("extended hold did not block at +12m: %v", err)
	}
	if _, err := f.Store.ExtendHold(ctx, h.ID, p, f.Now.Add(16*time.Minute)); code(err) != "hold_expired" {
		t.Errorf("extending an expired hold: %v", err)
	}
	h2, err := f.Hold(t, 0, 2, 0, "A02")
	if err != nil {
		t.Fatal(err)
	}
	if err := f.Store.ReleaseHold(ctx, h2.ID); err != nil {
		t.Fatal(err)
	}
	if err := f.Store.ReleaseHold(ctx, h2.ID); err != nil {
		t.Errorf("second release: %v", err)
	}
	if _, err := f.Hold(t, 0, 2, time.Minute, "A02"); err != nil {
		t.Errorf("released seat not free: %v", err)
	}
	if err := f.Store.ReleaseHold(ctx, "nope"); code(err) != "hold_not_found" {
		t.Errorf("release unknown: %v", err)
	}
}

func testBookingLifecycle(t *testing.T, open Opener) {
	f := NewFixture(t, open(t))
	ctx := context.Background()
	h, err := f.Hold(t, 0, 2, 0, "A01", "B01")
	if err != nil {
		t.Fatal(err)
	}
	if _, err := f.Store.CreateBooking(ctx, booking.Request{HoldID: h.ID, PickupPointID: f.Pickup[1], DropoffPointID: f.Drop[2],
		Contact: booking.Contact{Name: "A", Phone: "0912345678"}, PaymentMethod: booking.BankTransfer}, f.Now); code(err) != "invalid_point" {
		t.Errorf("pickup at another stop: %v", err)
	}
	b, err := f.Book(t, h, "0912345678", "", f.Now.Add(time.Minute))
	if err != nil {
		t.Fatal(err)
	}
	if b.Status != booking.PendingPayment || b.Total != 600000 || len(b.Tickets) != 2 {
		t.Errorf("booking = %+v", b)
	}
	var sum int64
	for _, l := range b.Lines {
		sum += l.Amount
	}
	if sum != b.Total {
		t.Errorf("lines sum to %d, total is %d", sum, b.Total)
	}
	if !b.PaymentDeadline.Equal(f.Now.Add(31 * time.Minute)) {
		t.Errorf("deadline %v, want 30 minutes after booking", b.PaymentDeadline)
	}
	if _, err := f.Book(t, h, "0912345678", "", f.Now.Add(2*time.Minute)); code(err) != "hold_booked" {
		t.Errorf("booking a hold twice: %v", err)
	}
	// The hold's 10 minutes no longer matter: the booking keeps the seats
	// until its deadline…
	if _, err := f.Hold(t, 0, 1, 20*time.Minute, "A01"); code(err) != "seat_unavailable" {
		t.Errorf("pending booking's seat sold again: %v", err)
	}
	// …and not after it, even before the expiry job runs.
	if _, err := f.Hold(t, 0, 1, 32*time.Minute, "A01"); err != nil {
		t.Errorf("seat of an overdue booking still blocked: %v", err)
	}
	n, err := f.Store.ExpireBookings(ctx, f.Now.Add(32*time.Minute), 100)
	if err != nil || n != 1 {
		t.Fatalf("expired %d, %v", n, err)
	}
	got, err := f.Store.Booking(ctx, b.Code)
	if err != nil || got.Status != booking.Expired || len(got.History) != 2 {
		t.Fatalf("after expiry: %+v, %v", got, err)
	}
	if _, err := f.Store.MarkPaid(ctx, b.Code, "test", f.Now.Add(33*time.Minute)); code(err) != "not_payable" {
		t.Errorf("paying an expired booking: %v", err)
	}
	// Cancel an unpaid booking: seats free at once.
	h2, _ := f.Hold(t, 0, 2, 40*time.Minute, "A05")
	b2, err := f.Book(t, h2, "0912345678", "", f.Now.Add(41*time.Minute))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := f.Store.CancelUnpaid(ctx, b2.Code, "0987654321", f.Now.Add(42*time.Minute)); code(err) != "booking_not_found" {
		t.Errorf("cancel with the wrong phone: %v", err)
	}
	if c, err := f.Store.CancelUnpaid(ctx, b2.Code, "0912345678", f.Now.Add(42*time.Minute)); err != nil || c.Status != booking.Cancelled {
		t.Fatalf("cancel: %v, %v", c.Status, err)
	}
	if _, err := f.Hold(t, 0, 2, 43*time.Minute, "A05"); err != nil {
		t.Errorf("cancelled booking's seat not free: %v", err)
	}
	// A paid booking keeps its seats for good.
	h3, _ := f.Hold(t, 0, 2, 50*time.Minute, "A06")
	b3, _ := f.Book(t, h3, "0912345678", "", f.Now.Add(50*time.Minute))
	if p, err := f.Store.MarkPaid(ctx, b3.Code, "test", f.Now.Add(55*time.Minute)); err != nil || p.Status != booking.Confirmed {
		t.Fatalf("mark paid: %v, %v", p.Status, err)
	}
	if _, err := f.Hold(t, 0, 2, 3*time.Hour, "A06"); code(err) != "seat_unavailable" {
		t.Errorf("paid seat sold again: %v", err)
	}
	CheckInvariants(t, f.Store)
}

func testPromoLimits(t *testing.T, open Opener) {
	f := NewFixture(t, open(t))
	ctx := context.Background()
	other := catalog.Operator{Slug: "other", Name: "Khác", Phone: "19000000", Confirmation: catalog.Instant, Policy: catalog.Policy{},
		BankBIN: "970436", BankAccount: "1", BankAccountName: "KHAC", TransferMinutes: 30}
	if err := f.Store.Write(ctx, func(w *store.Writer) error { return w.Operator(&other) }); err != nil {
		t.Fatal(err)
	}
	for _, p := range []pricing.Promo{
		{Code: "ONCE", Fixed: 50000, TotalLimit: 1, ValidFrom: f.Now, ValidUntil: f.Now.AddDate(0, 1, 0)},
		{Code: "PHONE", Percent: 50, MaxDiscount: 1000000, PerPhone: 1, ValidFrom: f.Now, ValidUntil: f.Now.AddDate(0, 1, 0)},
		{Code: "OTHEROP", Percent: 10, OperatorID: other.ID, ValidFrom: f.Now, ValidUntil: f.Now.AddDate(0, 1, 0)},
		{Code: "OLD", Percent: 10, ValidFrom: f.Now.AddDate(0, -2, 0), ValidUntil: f.Now.AddDate(0, -1, 0)},
		{Code: "HUGE", Fixed: 10_000_000, ValidFrom: f.Now, ValidUntil: f.Now.AddDate(0, 1, 0)},
	} {
		if err := f.Store.CreatePromo(ctx, p); err != nil {
			t.Fatal(err)
		}
	}
	hold := func(seat string) booking.Hold {
		h, err := f.Hold(t, 0, 2, 0, seat)
		if err != nil {
			t.Fatal(err)
		}
		return h
	}
	for promo, want := range map[string]string{"nope": "promo_not_found", "OTHEROP": "promo_not_applicable", "OLD": "promo_expired"} {
		if _, err := f.Store.Quote(ctx, hold("A0"+fmt.Sprint(len(promo))).ID, promo, "", f.Now); code(err) != want {
			t.Errorf("quote %s: %v, want %s", promo, err, want)
		}
	}
	q, err := f.Store.Quote(ctx, hold("B10").ID, "huge", "", f.Now)
	if err != nil || q.Quote.Total != 0 {
		t.Errorf("a discount above the fare: total %d, %v; want 0", q.Quote.Total, err)
	}
	if _, err := f.Book(t, hold("B01"), "0912345678", "once", f.Now); err != nil {
		t.Fatal(err)
	}
	if _, err := f.Book(t, hold("B02"), "0987654321", "ONCE", f.Now); code(err) != "promo_exhausted" {
		t.Errorf("second use of ONCE: %v", err)
	}
	b, err := f.Book(t, hold("B03"), "0912345678", "PHONE", f.Now)
	if err != nil || b.Total != 150000 {
		t.Fatalf("PHONE: %d, %v", b.Total, err)
	}
	if _, err := f.Book(t, hold("B04"), "0912345678", "PHONE", f.Now); code(err) != "promo_phone_limit" {
		t.Errorf("same phone twice: %v", err)
	}
	// The failed bookings changed nothing: their holds are still live.
	if _, err := f.Book(t, hold("B05"), "0987654321", "PHONE", f.Now); err != nil {
		t.Errorf("another phone: %v", err)
	}
}

func testHistoryAppendOnly(t *testing.T, open Opener) {
	f := NewFixture(t, open(t))
	h, _ := f.Hold(t, 0, 2, 0, "A01")
	b, err := f.Book(t, h, "0912345678", "", f.Now)
	if err != nil {
		t.Fatal(err)
	}
	err = f.Store.Tx(context.Background(), func(tx *sql.Tx) error {
		_, err := tx.ExecContext(context.Background(), `UPDATE booking_history SET note = 'x'`)
		return err
	})
	if err == nil {
		t.Error("booking_history was updated")
	}
	err = f.Store.Tx(context.Background(), func(tx *sql.Tx) error {
		_, err := tx.ExecContext(context.Background(), `DELETE FROM bookings WHERE code = $1`, b.Code)
		return err
	})
	if err == nil {
		t.Error("a booking was deleted")
	}
}

func testIdempotency(t *testing.T, open Opener) {
	st := open(t)
	ctx := context.Background()
	now := time.Now()
	r, err := st.ClaimKey(ctx, "holds", "k1", "h1", now)
	if err != nil || r != nil {
		t.Fatalf("first claim: %v, %v", r, err)
	}
	if _, err := st.ClaimKey(ctx, "holds", "k1", "h1", now); code(err) != "request_in_progress" {
		t.Errorf("claim while running: %v", err)
	}
	if err := st.FinishKey(ctx, "holds", "k1", 201, []byte(`{"id":"x"}`)); err != nil {
		t.Fatal(err)
	}
	r, err = st.ClaimKey(ctx, "holds", "k1", "h1", now)
	if err != nil || r == nil || r.Status != 201 || string(r.Body) != `{"id":"x"}` {
		t.Errorf("replay: %+v, %v", r, err)
	}
	if _, err := st.ClaimKey(ctx, "holds", "k1", "other", now); code(err) != "idempotency_key_reused" {
		t.Errorf("other body: %v", err)
	}
	if r, err := st.ClaimKey(ctx, "bookings", "k1", "other", now); err != nil || r != nil {
		t.Errorf("same key in another scope: %v, %v", r, err)
	}
	if err := st.ReleaseKey(ctx, "bookings", "k1"); err != nil {
		t.Fatal(err)
	}
	if r, err := st.ClaimKey(ctx, "bookings", "k1", "again", now); err != nil || r != nil {
		t.Errorf("claim after release: %v, %v", r, err)
	}
}

func testSearchSegments(t *testing.T, open Opener) {
	f := NewFixture(t, open(t))
	ctx := context.Background()
	for _, q := range []string{"sai gon", "Sài Gòn", "SAIGON", "tp hcm", "TP. HCM", "Sa\u0300i Go\u0300n"} {
		hits, err := f.Store.SearchPlaces(ctx, q, 5)
		if err != nil || len(hits) == 0 || hits[0].ID != f.Places[0] {
			t.Errorf("SearchPlaces(%q) = %v, %v", q, hits, err)
		}
	}
	day := time.Date(2027, 1, 21, 0, 0, 0, 0, vn.Zone)
	search := func(from, to int) []store.TripHit {
		hits, err := f.Store.SearchTrips(ctx, store.TripQuery{From: f.Places[from], To: f.Places[to], Day: day, Now: f.Now, Limit: 10})
		if err != nil {
			t.Fatal(err)
		}
		return hits
	}
	if _, err := f.Hold(t, 0, 1, 0, "A01"); err != nil {
		t.Fatal(err)
	}
	whole, tail := search(0, 2), search(1, 2)
	if len(whole) != 1 || len(tail) != 1 || len(search(2, 0)) != 0 {
		t.Fatalf("whole %v, tail %v", whole, tail)
	}
	if whole[0].SeatsAvailable != 39 || tail[0].SeatsAvailable != 40 {
		t.Errorf("seats available: whole %d (want 39), Bảo Lộc→Đà Lạt %d (want 40)", whole[0].SeatsAvailable, tail[0].SeatsAvailable)
	}
	if tail[0].PriceFrom != 180000 || !tail[0].Departure.Equal(day.Add(11*time.Hour)) {
		t.Errorf("tail: price %d, departs %v", tail[0].PriceFrom, tail[0].Departure)
	}
}

// testRaceForSeats: many goroutines race for the same few seats on
// overlapping and disjoint segments. Exactly one winner per seat and leg,
// and the seats held equal the seats won.
func testRaceForSeats(t *testing.T, open Opener) {
	f := NewFixture(t, open(t))
	ctx := context.Background()
	segs := [][2]int{{0, 2}, {0, 1}, {1, 2}}
	seats := []string{"A01", "A02", "B01", "B02"}
	var mu sync.Mutex
	won := map[string][]booking.Hold{}
	var wg sync.WaitGroup
	for i := 0; i < 48; i++ {
		wg.Add(1)
		go func(i int) {
			defer wg.Done()
			seg := segs[i%len(segs)]
			pick := []string{seats[i%len(seats)], seats[(i/4)%len(seats)]}
			if pick[0] == pick[1] {
				pick = pick[:1]
			}
			h, err := f.Store.CreateHold(ctx, store.HoldRequest{TripID: f.TripID, From: seg[0], To: seg[1], Seats: pick}, 10*time.Minute, f.Now)
			if err != nil {
				if code(err) != "seat_unavailable" && !errors.Is(err, store.ErrBusy) {
					t.Errorf("hold: %v", err)
				}
				return
			}
			mu.Lock()
			defer mu.Unlock()
			for _, s := range h.Seats {
				won[s] = append(won[s], h)
			}
		}(i)
	}
	wg.Wait()
	occupied := 0
	for _, s := range seats {
		legs := map[int]bool{}
		for _, h := range won[s] {
			for _, l := range catalog.Legs(h.From, h.To) {
				if legs[l] {
					t.Errorf("seat %s leg %d held twice", s, l)
				}
				legs[l] = true
				occupied++
			}
		}
	}
	if occupied == 0 {
		t.Fatal("no hold succeeded")
	}
	var rows int
	if err := f.Store.Tx(ctx, func(tx *sql.Tx) error {
		return tx.QueryRowContext(ctx, `SELECT count(*) FROM occupancy WHERE trip_id = $1`, f.TripID).Scan(&rows)
	}); err != nil {
		t.Fatal(err)
	}
	if rows != occupied {
		t.Errorf("occupancy has %d rows, successful holds took %d seat-legs", rows, occupied)
	}
	CheckInvariants(t, f.Store)
}

// testConcurrentExpiry: several expiry runs at once expire each booking
// exactly once and record it once.
func testConcurrentExpiry(t *testing.T, open Opener) {
	f := NewFixture(t, open(t))
	ctx := context.Background()
	var codes []string
	for _, s := range []string{"A01", "A02", "A03", "B01", "B02"} {
		h, err := f.Hold(t, 0, 2, 0, s)
		if err != nil {
			t.Fatal(err)
		}
		b, err := f.Book(t, h, "0912345678", "", f.Now)
		if err != nil {
			t.Fatal(err)
		}
		codes = append(codes, b.Code)
	}
	var wg sync.WaitGroup
	var mu sync.Mutex
	total := 0
	for i := 0; i < 6; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			n, err := f.Store.ExpireBookings(ctx, f.Now.Add(time.Hour), 2)
			if err != nil && !errors.Is(err, store.ErrBusy) {
				t.Error(err)
			}
			mu.Lock()
			total += n
			mu.Unlock()
		}()
	}
	wg.Wait()
	n, _ := f.Store.ExpireBookings(ctx, f.Now.Add(time.Hour), 100)
	if total+n != len(codes) {
		t.Errorf("expired %d+%d bookings, want %d", total, n, len(codes))
	}
	for _, c := range codes {
		b, err := f.Store.Booking(ctx, c)
		if err != nil || b.Status != booking.Expired || len(b.History) != 2 {
			t.Errorf("%s: %s with %d history entries, %v", c, b.Status, len(b.History), err)
		}
	}
}

// testPaymentRacesExpiry: a payment and the expiry job racing at the
// deadline end either paid with its seats or expired without them, never
// paid without seats nor seats without a live booking.
func testPaymentRacesExpiry(t *testing.T, open Opener) {
	f := NewFixture(t, open(t))
	ctx := context.Background()
	seats := []string{"A01", "A02", "A03", "A04", "A05", "B01", "B02", "B03"}
	var codes []string
	for _, s := range seats {
		h, err := f.Hold(t, 0, 2, 0, s)
		if err != nil {
			t.Fatal(err)
		}
		b, err := f.Book(t, h, "0912345678", "", f.Now)
		if err != nil {
			t.Fatal(err)
		}
		codes = append(codes, b.Code)
	}
	// Both act a moment before the deadline as each sees it: the job with
	// its clock a little ahead.
	deadline := f.Now.Add(30 * time.Minute)
	var wg sync.WaitGroup
	for _, c := range codes {
		wg.Add(1)
		go func(c string) {
			defer wg.Done()
			if _, err := f.Store.MarkPaid(ctx, c, "test", deadline.Add(-time.Millisecond)); err != nil && code(err) != "not_payable" && !errors.Is(err, store.ErrBusy) {
				t.Errorf("pay %s: %v", c, err)
			}
		}(c)
	}
	wg.Add(1)
	go func() {
		defer wg.Done()
		if _, err := f.Store.ExpireBookings(ctx, deadline, 3); err != nil && !errors.Is(err, store.ErrBusy) {
			t.Error(err)
		}
	}()
	wg.Wait()
	later := deadline.Add(time.Hour)
	states, err := f.Store.SeatStates(ctx, f.TripID, 0, 2, later)
	if err != nil {
		t.Fatal(err)
	}
	for i, c := range codes {
		b, err := f.Store.Booking(ctx, c)
		if err != nil {
			t.Fatal(err)
		}
		switch b.Status {
		case booking.Confirmed:
			if states[seats[i]] != store.SeatSold {
				t.Errorf("%s paid but seat %s is %q", c, seats[i], states[seats[i]])
			}
		case booking.Expired, booking.PendingPayment:
			if states[seats[i]] != "" {
				t.Errorf("%s %s but seat %s is %q", c, b.Status, seats[i], states[seats[i]])
			}
		default:
			t.Errorf("%s: status %s", c, b.Status)
		}
	}
	CheckInvariants(t, f.Store)
}

func testErrorTranslation(t *testing.T, open Opener) {
	st := open(t)
	ctx := context.Background()
	p := pricing.Promo{Code: "DUP", Fixed: 1, ValidFrom: time.Now(), ValidUntil: time.Now().Add(time.Hour)}
	if err := st.CreatePromo(ctx, p); err != nil {
		t.Fatal(err)
	}
	if err := st.CreatePromo(ctx, p); !errors.Is(err, store.ErrUnique) {
		t.Errorf("duplicate promo code: %v, want ErrUnique", err)
	}
	if _, err := st.Booking(ctx, "NOSUCH22"); code(err) != "booking_not_found" {
		t.Errorf("unknown booking: %v", err)
	}
	if _, err := st.Trip(ctx, 424242); code(err) != "trip_not_found" {
		t.Errorf("unknown trip: %v", err)
	}
}

// testMigrateConcurrently: processes starting together all migrate.
func testMigrateConcurrently(t *testing.T, open Opener) {
	st := open(t)
	var wg sync.WaitGroup
	for i := 0; i < 4; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			if err := st.Migrate(context.Background()); err != nil {
				t.Error(err)
			}
		}()
	}
	wg.Wait()
}

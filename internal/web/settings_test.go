package web

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/benxe/benxe/internal/catalog"
	"github.com/benxe/benxe/internal/demo"
	"github.com/benxe/benxe/internal/store"
)

// settingsOperator adds an operator of its own to the shared test store,
// with one route and a trip a day, so that changing its settings touches
// no other test. It returns the operator, a trip in three days and the
// trip's pickup and drop-off points.
func settingsOperator(t *testing.T, st *store.Store) (opID, tripID, pickup, drop int64) {
	t.Helper()
	ctx := context.Background()
	slug := fmt.Sprint("settings-", time.Now().UnixNano())
	var routeID int64
	err := st.Write(ctx, func(w *store.Writer) error {
		op := catalog.Operator{Slug: slug, Name: "Nhà xe Cài Đặt", Phone: "19005555", Rating: 40, Confirmation: catalog.Instant,
			Policy:  catalog.Policy{{HoursBefore: 0, FeePercent: 100}},
			BankBIN: "970436", BankAccount: "0011223344", BankAccountName: "NHA XE CAI DAT", TransferMinutes: 30, CounterMinutes: 120, OnlineMinutes: 15,
			Methods: []string{"bank_transfer", "counter", "vnpay", "momo"}}
		if err := w.Operator(&op); err != nil {
			return err
		}
		opID = op.ID
		l, _ := catalog.StandardLayout(catalog.Limo9)
		l.Slug += "-" + slug
		if err := w.Layout(&l); err != nil {
			return err
		}
		var stops []store.RouteStop
		for i, q := range []string{"sai gon", "vung tau"} {
			hits, err := st.SearchPlaces(ctx, q, 1)
			if err != nil || len(hits) == 0 {
				return fmt.Errorf("place %q: %v", q, err)
			}
			stops = append(stops, store.RouteStop{PlaceID: hits[0].ID, Name: fmt.Sprint("Bến ", i), Offset: time.Duration(i) * 2 * time.Hour,
				Points: []catalog.Point{{Name: "Văn phòng", Address: "1 Đường", Pickup: i == 0, Dropoff: i == 1}}})
		}
		var err error
		if routeID, err = w.Route(slug, op.ID, "Sài Gòn – Vũng Tàu", stops); err != nil {
			return err
		}
		_, err = w.Timetable(store.Timetable{RouteID: routeID, LayoutID: l.ID, Depart: "09:00", ValidFrom: "2020-01-01",
			Fares: []store.Fare{{From: 0, To: 1, Kind: catalog.KindSeat, Amount: 250000}}})
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	day := demo.Today(time.Now()).AddDate(0, 0, 3)
	if _, err := st.GenerateTrips(ctx, day, day); err != nil {
		t.Fatal(err)
	}
	ids, err := st.TripIDs(ctx, day, day.AddDate(0, 0, 1))
	if err != nil {
		t.Fatal(err)
	}
	for _, id := range ids {
		if trip, _ := st.Trip(ctx, id); trip.Operator.ID == opID {
			tripID = id
		}
	}
	points, err := st.Points(ctx, routeID)
	if err != nil || tripID == 0 {
		t.Fatalf("trip %d, points %v, %v", tripID, points, err)
	}
	for _, p := range points {
		if p.Pickup {
			pickup = p.ID
		} else {
			drop = p.ID
		}
	}
	return opID, tripID, pickup, drop
}

// settingsBook holds seat on the trip and books it with method.
func settingsBook(t *testing.T, tripID, pickup, drop int64, seat, method string) opAnswer {
	t.Helper()
	var h struct {
		ID string `json:"id"`
	}
	a := opCall(t, "POST", "/api/v1/holds", "", map[string]any{"trip_id": tripID, "from": 0, "to": 1, "seats": []string{seat}})
	if a.status != http.StatusCreated || json.Unmarshal(a.body, &h) != nil {
		t.Fatalf("hold %s: %d %s", seat, a.status, a.body)
	}
	return opCall(t, "POST", "/api/v1/bookings", "", map[string]any{"hold_id": h.ID, "pickup_point_id": pickup, "dropoff_point_id": drop,
		"contact": map[string]string{"name": "Khách", "phone": "0912345678"}, "payment_method": method})
}

// settingsBooked is settingsBook that must succeed: the booking's code and
// total.
func settingsBooked(t *testing.T, tripID, pickup, drop int64, seat, method string) (string, int64) {
	t.Helper()
	a := settingsBook(t, tripID, pickup, drop, seat, method)
	var b struct {
		Code  string `json:"code"`
		Total int64  `json:"total"`
	}
	if a.status != http.StatusCreated || json.Unmarshal(a.body, &b) != nil {
		t.Fatalf("booking: %d %s", a.status, a.body)
	}
	return b.Code, b.Total
}

// TestCounterPayment: staff record money taken at the counter; a short
// payment leaves the booking pending with what is missing, the rest pays
// it, a repeated receipt changes nothing, and a mistyped code records
// nothing.
func TestCounterPayment(t *testing.T) {
	_, st := startTestServer(t)
	_, tripID, pickup, drop := settingsOperator(t, st)
	code, total := settingsBooked(t, tripID, pickup, drop, "A08", "counter")
	path := "/api/v1/operator/bookings/" + code + "/counter-payments"
	receipt := fmt.Sprint("BL-", time.Now().UnixNano())
	var first, again, rest paymentOutcomeJSON
	opOK(t, "POST", path, map[string]any{"receipt": receipt, "amount": total - 50000}, &first)
	if first.Result != store.PaidPart || first.Missing != 50000 || first.Status != "pending_payment" || first.PaymentID == 0 {
		t.Fatalf("part payment: %+v", first)
	}
	opOK(t, "POST", path, map[string]any{"receipt": receipt, "amount": total - 50000}, &again)
	if again.PaymentID != first.PaymentID || again.Result != store.PaidPart {
		t.Fatalf("repeated receipt: %+v, first %+v", again, first)
	}
	opOK(t, "POST", path, map[string]any{"receipt": receipt + "-2", "amount": 50000}, &rest)
	if rest.Result != store.PaidInFull || rest.Status != "confirmed" {
		t.Fatalf("the rest: %+v", rest)
	}
	booked, err := st.Booking(context.Background(), code)
	if err != nil || booked.Status != "confirmed" {
		t.Fatalf("booking after payment: %+v, %v", booked.Status, err)
	}

	for _, c := range []struct {
		body  any
		field string
	}{
		{map[string]any{"receipt": "", "amount": 1000}, "receipt"},
		{map[string]any{"receipt": "BL 1", "amount": 1000}, "receipt"},
		{map[string]any{"receipt": "BL-1", "amount": 0}, "amount"},
		{map[string]any{"receipt": "BL-1", "amount": 200_000_000}, "amount"},
	} {
		var e errorBody
		a := opCall(t, "POST", path, testOperatorToken, c.body)
		a.want(t, http.StatusBadRequest, "")
		if json.Unmarshal(a.body, &e); e.Error.Field != c.field {
			t.Errorf("%v: field %q, want %q", c.body, e.Error.Field, c.field)
		}
	}
	lost := fmt.Sprint("BL-LOST-", time.Now().UnixNano())
	opCall(t, "POST", "/api/v1/operator/bookings/ZZZZZZZZ/counter-payments", testOperatorToken,
		map[string]any{"receipt": lost, "amount": 1000}).want(t, http.StatusNotFound, "booking_not_found")
	var unmatched []opUnmatchedOut
	opOK(t, "GET", "/api/v1/operator/payments/unmatched", nil, &unmatched)
	for _, u := range unmatched {
		if strings.Contains(u.Content, lost) {
			t.Errorf("a payment for a mistyped code was recorded: %+v", u)
		}
	}
}

// TestOperatorPaymentSettings: an operator changes its payment settings;
// checkout offers only the methods it takes, with its deadlines, and bad
// settings are refused naming the field, changing nothing.
func TestOperatorPaymentSettings(t *testing.T) {
	_, st := startTestServer(t)
	opID, tripID, pickup, drop := settingsOperator(t, st)
	path := fmt.Sprintf("/api/v1/operator/operators/%d/payment-settings", opID)
	book := func(seat, method string) opAnswer { return settingsBook(t, tripID, pickup, drop, seat, method) }

	var got paymentSettingsJSON
	opOK(t, "GET", path, nil, &got)
	if got.TransferMinutes != 30 || got.BankAccount != "0011223344" || len(got.Methods) != 4 {
		t.Fatalf("settings as created: %+v", got)
	}
	// Counter and e-wallets only; the holder's name is stored as banks print it.
	next := paymentSettingsJSON{Methods: []string{"counter", "momo"}, BankBIN: "970422", BankAccount: "9988776655",
		BankAccountName: "  nha xe   cai dat ", TransferMinutes: 15, CounterMinutes: 60, OnlineMinutes: 10}
	opOK(t, "PUT", path, next, &got)
	opOK(t, "GET", path, nil, &got)
	next.BankAccountName = "NHA XE CAI DAT"
	if !reflect.DeepEqual(got, next) {
		t.Fatalf("read back %+v, want %+v", got, next)
	}
	book("A06", "bank_transfer").want(t, http.StatusBadRequest, "payment_method_not_offered")

	// Transfers back on, due 15 minutes after booking, to the new account.
	next.Methods = []string{"bank_transfer", "counter"}
	opOK(t, "PUT", path, next, &got)
	a := book("A07", "bank_transfer")
	var b struct {
		Payment struct {
			Deadline     time.Time `json:"deadline"`
			Instructions struct {
				BankBIN string `json:"bank_bin"`
				Account string `json:"account"`
			} `json:"instructions"`
		} `json:"payment"`
	}
	if a.status != http.StatusCreated || json.Unmarshal(a.body, &b) != nil {
		t.Fatalf("booking: %d %s", a.status, a.body)
	}
	if left := time.Until(b.Payment.Deadline); left < 14*time.Minute || left > 15*time.Minute {
		t.Errorf("deadline in %v, want 15 minutes", left)
	}
	if in := b.Payment.Instructions; in.BankBIN != "970422" || in.Account != "9988776655" {
		t.Errorf("instructions %+v do not name the new account", in)
	}

	// Bad settings: refused naming the field; nothing changes.
	bad := func(field string, mutate func(*paymentSettingsJSON)) {
		t.Helper()
		p := next
		p.Methods = append([]string(nil), next.Methods...)
		mutate(&p)
		var e errorBody
		a := opCall(t, "PUT", path, testOperatorToken, p)
		a.want(t, http.StatusBadRequest, "")
		if json.Unmarshal(a.body, &e); e.Error.Field != field {
			t.Errorf("%s: field %q in %s", field, e.Error.Field, a.body)
		}
	}
	bad("methods", func(p *paymentSettingsJSON) { p.Methods = nil })
	bad("methods", func(p *paymentSettingsJSON) { p.Methods = []string{"cash"} })
	bad("methods", func(p *paymentSettingsJSON) { p.Methods = []string{"momo", "momo"} })
	bad("bank_bin", func(p *paymentSettingsJSON) { p.BankBIN = "9704" })
	bad("bank_bin", func(p *paymentSettingsJSON) { p.BankBIN = "123456" })
	bad("bank_account", func(p *paymentSettingsJSON) { p.BankAccount = "12-34" })
	bad("bank_account_name", func(p *paymentSettingsJSON) { p.BankAccountName = " " })
	bad("transfer_minutes", func(p *paymentSettingsJSON) { p.TransferMinutes = 5 })
	bad("counter_minutes", func(p *paymentSettingsJSON) { p.CounterMinutes = -1 })
	bad("online_minutes", func(p *paymentSettingsJSON) { p.OnlineMinutes = 61 })
	opCall(t, "PUT", path, testOperatorToken, `{"methods":["counter"],"colour":"red"}`).want(t, http.StatusBadRequest, "unknown_field")
	opCall(t, "PUT", "/api/v1/operator/operators/999999999/payment-settings", testOperatorToken, next).want(t, http.StatusNotFound, "operator_not_found")
	opCall(t, "GET", path, "", nil).want(t, http.StatusUnauthorized, "")
	opOK(t, "GET", path, nil, &got)
	if !reflect.DeepEqual(got, next) {
		t.Errorf("refused changes changed the settings: %+v, want %+v", got, next)
	}
}

package web

import (
	"net/http/httptest"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/benxe/benxe/internal/apperr"
	"github.com/benxe/benxe/internal/catalog"
)

// FuzzBookingRequest: any body gives a booking request or an error that
// names a field in both languages, never a panic.
func FuzzBookingRequest(f *testing.F) {
	f.Add(`{"hold_id":"h","pickup_point_id":1,"dropoff_point_id":2,"contact":{"name":"A","phone":"0912345678"},"payment_method":"counter"}`)
	f.Add(`{"hold_id":"h","passengers":[{"seat":"a01","name":"  B  "}],"contact":{"email":"x@y"}}`)
	f.Add(`[]`)
	f.Add(`{"contact":null}`)
	f.Fuzz(func(t *testing.T, body string) {
		r := httptest.NewRequest("POST", "/api/v1/bookings", strings.NewReader(body))
		b, err := decode[bookingRequest](r)
		if err == nil {
			_, err = b.request()
		}
		if err != nil {
			e, ok := apperr.As(err)
			if !ok || e.Field == "" || e.Message == "" || e.MessageVI == "" {
				t.Fatalf("%q: unexplained error %v", body, err)
			}
		}
	})
}

// FuzzQueryParams: the query-string parsers answer every value with a
// result in range or a field error.
func FuzzQueryParams(f *testing.F) {
	f.Add("from=0&to=2", "2027-01-20", "07:30")
	f.Add("from=-1&to=99999999999999999999", "2027-02-30", "24:00")
	f.Add("from=%zz", "", "7:3")
	trip := catalog.Trip{Stops: make([]catalog.Stop, 3)}
	now := time.Date(2027, 1, 19, 12, 0, 0, 0, time.UTC)
	f.Fuzz(func(t *testing.T, query, date, clock string) {
		v, err := url.ParseQuery(query)
		if err != nil {
			return
		}
		if from, to, err := segment(v, trip); err == nil && (from < 0 || to > 2 || from >= to) {
			t.Fatalf("segment(%q) = %d, %d", query, from, to)
		} else if err != nil {
			mustExplain(t, err)
		}
		if d, err := parseDate(date, now); err == nil && d.Before(now.Add(-24*time.Hour)) {
			t.Fatalf("parseDate(%q) = %v, before today", date, d)
		} else if err != nil {
			mustExplain(t, err)
		}
		if d, err := clockParam(url.Values{"depart_after": {clock}}, "depart_after"); err == nil && (d < 0 || d >= 24*time.Hour) {
			t.Fatalf("clockParam(%q) = %v", clock, d)
		} else if err != nil {
			mustExplain(t, err)
		}
	})
}

func mustExplain(t *testing.T, err error) {
	t.Helper()
	if e, ok := apperr.As(err); !ok || e.Field == "" || e.Message == "" || e.MessageVI == "" {
		t.Fatalf("unexplained error %v", err)
	}
}

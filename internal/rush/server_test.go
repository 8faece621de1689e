package rush_test

import (
	"context"
	"io"
	"log/slog"
	"net/http/httptest"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/benxe/benxe/internal/booking"
	"github.com/benxe/benxe/internal/demo"
	"github.com/benxe/benxe/internal/rush"
	"github.com/benxe/benxe/internal/store"
	"github.com/benxe/benxe/internal/web"
)

// TestRushRealServer runs random-mode rushes against the real handler and
// store with the demo network, where nothing may be sold twice.
func TestRushRealServer(t *testing.T) {
	if testing.Short() {
		t.Skip("loads the demo network")
	}
	ctx := context.Background()
	st, err := store.Open(ctx, filepath.Join(t.TempDir(), "benxe.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	if err := st.Migrate(ctx); err != nil {
		t.Fatal(err)
	}
	if err := demo.Load(ctx, st, demo.Today(time.Now()), 10); err != nil {
		t.Fatal(err)
	}
	log := slog.New(slog.NewTextHandler(io.Discard, nil))
	srv := httptest.NewServer(web.NewServer(web.Deps{Store: st, Log: log, Now: time.Now, Holds: booking.DefaultHoldPolicy, Secret: []byte("test")}))
	t.Cleanup(srv.Close)

	cfg := rush.Config{Target: srv.URL, Users: 6, Duration: 2 * time.Second, MaxRequests: 5000, Mode: rush.ModeRandom,
		From: "Sài Gòn", To: "dalat", Seats: 3, BookFraction: 0.6, ReleaseFraction: 0.5, Seed: 42}
	rep, err := rush.Run(ctx, cfg, rush.NewClient(cfg.Users, false))
	if err != nil {
		t.Fatal(err)
	}
	defer func() {
		if t.Failed() {
			var sb strings.Builder
			rep.Print(&sb)
			t.Log(sb.String())
		}
	}()
	if rep.FromPlace != "TP Hồ Chí Minh" || rep.ToPlace != "Đà Lạt" || rep.Config.Date == "" {
		t.Errorf("rush %s → %s on %q", rep.FromPlace, rep.ToPlace, rep.Config.Date)
	}
	if rep.StopReason != "duration" || rep.Bookings == 0 || rep.Released == 0 {
		t.Errorf("stopped by %s with %d bookings, %d released", rep.StopReason, rep.Bookings, rep.Released)
	}
	if rep.Verify.SeatsBooked != 3*rep.Bookings || len(rep.Verify.Segments) == 0 {
		t.Errorf("verification %+v after %d bookings of 3 seats", rep.Verify, rep.Bookings)
	}
	for _, s := range rep.Verify.Segments {
		if s.Sold < s.Booked {
			t.Errorf("trip %d: %d sold < %d booked", s.TripID, s.Sold, s.Booked)
		}
	}
	for _, s := range rep.Steps {
		if s.Count == 0 || s.Server+s.Transport > 0 {
			t.Errorf("step %+v", s)
		}
	}

	// The request budget ends a rush before its time does.
	cfg.MaxRequests, cfg.Duration = 40, time.Minute
	rep, err = rush.Run(ctx, cfg, rush.NewClient(cfg.Users, false))
	if err != nil {
		t.Fatal(err)
	}
	if rep.StopReason != "max-requests" || rep.Requests > 40 || time.Duration(rep.Elapsed) > 30*time.Second {
		t.Errorf("budget of 40: stopped by %s after %d requests in %s", rep.StopReason, rep.Requests, time.Duration(rep.Elapsed))
	}
}

package jobs_test

import (
	"context"
	"io"
	"log/slog"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/benxe/benxe/internal/booking"
	"github.com/benxe/benxe/internal/jobs"
	"github.com/benxe/benxe/internal/metrics"
	"github.com/benxe/benxe/internal/store"
	"github.com/benxe/benxe/internal/store/storetest"
)

// TestOnceExpires: with the clock past the deadline, one run of the jobs
// expires the booking, frees its seat and counts it.
func TestOnceExpires(t *testing.T) {
	ctx := context.Background()
	st, err := store.Open(ctx, filepath.Join(t.TempDir(), "jobs.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	if err := st.Migrate(ctx); err != nil {
		t.Fatal(err)
	}
	f := storetest.NewFixture(t, st)
	h, err := f.Hold(t, 0, 2, 0, "A01")
	if err != nil {
		t.Fatal(err)
	}
	b, err := f.Book(t, h, "0912345678", "", f.Now)
	if err != nil {
		t.Fatal(err)
	}
	reg := metrics.New()
	expired := reg.Counter("expired", "")
	log := slog.New(slog.NewTextHandler(io.Discard, nil))
	jobs.Once(ctx, st, log, f.Now.Add(29*time.Minute), expired)
	if got, _ := st.Booking(ctx, b.Code); got.Status != booking.PendingPayment {
		t.Fatalf("expired before the deadline: %s", got.Status)
	}
	jobs.Once(ctx, st, log, f.Now.Add(30*time.Minute), expired)
	if got, _ := st.Booking(ctx, b.Code); got.Status != booking.Expired {
		t.Fatalf("not expired at the deadline: %s", got.Status)
	}
	var out strings.Builder
	reg.Write(&out)
	if !strings.Contains(out.String(), "expired 1\n") {
		t.Errorf("metrics: %s", out.String())
	}
	if states, _ := st.SeatStates(ctx, f.TripID, 0, 2, f.Now.Add(30*time.Minute)); len(states) != 0 {
		t.Errorf("seats still taken: %v", states)
	}
}

// Package jobs is benxe's background work: payment deadlines, hold sweeps,
// the rolling trip horizon. Every job is safe when several processes run
// it at once, because each step is one transaction that re-checks the
// state it changes.
package jobs

import (
	"context"
	"github.com/benxe/benxe/internal/metrics"
	"log/slog"
	"time"

	"github.com/benxe/benxe/internal/store"
	"github.com/benxe/benxe/internal/vn"
)

// Config says how often the jobs run.
type Config struct {
	Every       time.Duration // expiry and sweeps
	HorizonDays int           // trips are generated this many days ahead
	Expired     *metrics.Counter
}

// Run runs the jobs until ctx is done.
func Run(ctx context.Context, st *store.Store, log *slog.Logger, now func() time.Time, cfg Config) {
	tick := time.NewTicker(cfg.Every)
	defer tick.Stop()
	var lastHorizon time.Time
	for {
		Once(ctx, st, log, now(), cfg.Expired)
		if t := now(); t.Sub(lastHorizon) >= 6*time.Hour {
			lastHorizon = t
			today := time.Date(t.In(vn.Zone).Year(), t.In(vn.Zone).Month(), t.In(vn.Zone).Day(), 0, 0, 0, 0, vn.Zone)
			if n, err := st.GenerateTrips(ctx, today, today.AddDate(0, 0, cfg.HorizonDays)); err != nil {
				log.Error("generate trips", "err", err)
			} else if n > 0 {
				log.Info("generated trips", "count", n)
			}
		}
		select {
		case <-ctx.Done():
			return
		case <-tick.C:
		}
	}
}

// Once expires unpaid bookings past their deadline and sweeps expired holds
// and old idempotency keys.
func Once(ctx context.Context, st *store.Store, log *slog.Logger, now time.Time, expired *metrics.Counter) {
	for {
		n, err := st.ExpireBookings(ctx, now, 200)
		if err != nil {
			if ctx.Err() == nil {
				log.Error("expire bookings", "err", err)
			}
			return
		}
		if n > 0 {
			expired.Add(int64(n))
			log.Info("expired bookings", "count", n)
		}
		if n < 200 {
			break
		}
	}
	if _, err := st.SweepHolds(ctx, now); err != nil && ctx.Err() == nil {
		log.Error("sweep holds", "err", err)
	}
	if err := st.SweepKeys(ctx, now.Add(-24*time.Hour)); err != nil && ctx.Err() == nil {
		log.Error("sweep idempotency keys", "err", err)
	}
}

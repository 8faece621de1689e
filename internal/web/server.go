// Package web serves benxe over HTTP: the passenger pages and the JSON API
// v1. routes.go lists every URL.
package web

import (
	"context"
	"crypto/hmac"
	"crypto/rand"
	"crypto/sha256"
	"database/sql"
	"encoding/hex"
	"github.com/benxe/benxe/internal/metrics"
	"log/slog"
	"net/http"
	"runtime/debug"
	"strconv"
	"time"

	"github.com/benxe/benxe/internal/booking"
	"github.com/benxe/benxe/internal/store"
	"github.com/benxe/benxe/internal/ticket"
)

// Deps is what the server needs; cmd/benxe wires it.
type Deps struct {
	Store  *store.Store
	Log    *slog.Logger
	Now    func() time.Time
	Holds  booking.HoldPolicy
	Secret []byte // signs links to booking pages
	// Tickets signs e-ticket tokens; its public key is served at /tickets/public-key.
	Tickets *ticket.Signer
	// Metrics receives the server's series; Pprof serves /debug/pprof/.
	Metrics *metrics.Registry
	Pprof   bool
	// Gateways configures the payment providers (and the sandbox).
	Gateways Gateways
	// OperatorToken is the bearer token of the operator API and pages
	// (operator.go); empty turns them off (404).
	OperatorToken string
}

// Server is the HTTP face of benxe.
type Server struct {
	Deps
	mux   *http.ServeMux
	pages *pages

	latency                        *metrics.Histogram
	holds, holdConflicts, bookings *metrics.Counter
	guesses                        *guesses
}

// NewServer builds the handler serving every route.
func NewServer(d Deps) http.Handler {
	if d.Metrics == nil {
		d.Metrics = metrics.New()
	}
	s := &Server{Deps: d, mux: http.NewServeMux(), pages: loadPages(), guesses: newGuesses()}
	s.latency = d.Metrics.Histogram("benxe_http_request_duration_seconds",
		"Time to answer HTTP requests, by route and status class.", metrics.LatencyBuckets)
	s.holds = d.Metrics.Counter("benxe_holds_created_total", "Holds created.")
	s.holdConflicts = d.Metrics.Counter("benxe_hold_conflicts_total", "Holds refused because a seat was taken.")
	s.bookings = d.Metrics.Counter("benxe_bookings_created_total", "Bookings created.")
	write := func(f func(w, r sql.DBStats) float64) func() float64 {
		return func() float64 { w, r := d.Store.Stats(); return f(w, r) }
	}
	pools := []string{`pool="write"`, `pool="read"`}
	d.Metrics.GaugeFunc("benxe_db_connections_open", "Open database connections.", pools, []func() float64{
		write(func(w, _ sql.DBStats) float64 { return float64(w.OpenConnections) }),
		write(func(_, r sql.DBStats) float64 { return float64(r.OpenConnections) })})
	d.Metrics.GaugeFunc("benxe_db_connections_in_use", "Database connections in use.", pools, []func() float64{
		write(func(w, _ sql.DBStats) float64 { return float64(w.InUse) }),
		write(func(_, r sql.DBStats) float64 { return float64(r.InUse) })})
	d.Metrics.CounterFunc("benxe_db_wait_seconds_total", "Time spent waiting for a free database connection.", pools, []func() float64{
		write(func(w, _ sql.DBStats) float64 { return w.WaitDuration.Seconds() }),
		write(func(_, r sql.DBStats) float64 { return r.WaitDuration.Seconds() })})
	addRoutes(s.mux, s)
	return s.middleware(s.mux)
}

// metricsPage serves /metrics in the Prometheus text format.
func (s *Server) metricsPage(w http.ResponseWriter, r *http.Request) {
	w.Header().Set("Content-Type", "text/plain; version=0.0.4; charset=utf-8")
	s.Metrics.Write(w)
}

type ctxKey int

const requestIDKey ctxKey = 0

// middleware gives every request an id, a log line and a recovery from
// panics, so one bad request never takes the process down.
func (s *Server) middleware(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		id := r.Header.Get("X-Request-Id")
		if id == "" || len(id) > 64 {
			b := make([]byte, 8)
			rand.Read(b)
			id = hex.EncodeToString(b)
		}
		w.Header().Set("X-Request-Id", id)
		rw := &statusWriter{ResponseWriter: w, status: http.StatusOK}
		start := time.Now()
		ctx := context.WithValue(r.Context(), requestIDKey, id)
		defer func() {
			if v := recover(); v != nil {
				s.Log.ErrorContext(ctx, "panic", "request_id", id, "panic", v, "stack", string(debug.Stack()))
				if !rw.wrote {
					http.Error(rw, "internal error", http.StatusInternalServerError)
				}
			}
			d := time.Since(start)
			// The route pattern, not the path, keeps the series few.
			_, pattern := s.mux.Handler(r)
			s.latency.Observe(metrics.Label("route", pattern)+","+metrics.Label("code", strconv.Itoa(rw.status/100)+"xx"), d.Seconds())
			s.Log.InfoContext(ctx, "request", "request_id", id, "method", r.Method, "path", r.URL.Path,
				"status", rw.status, "duration_ms", float64(d.Microseconds())/1000)
		}()
		next.ServeHTTP(rw, r.WithContext(ctx))
	})
}

type statusWriter struct {
	http.ResponseWriter
	status int
	wrote  bool
}

func (w *statusWriter) WriteHeader(code int) {
	if !w.wrote {
		w.status, w.wrote = code, true
	}
	w.ResponseWriter.WriteHeader(code)
}

func (w *statusWriter) Write(b []byte) (int, error) {
	w.wrote = true
	return w.ResponseWriter.Write(b)
}

func requestID(ctx context.Context) string {
	id, _ := ctx.Value(requestIDKey).(string)
	return id
}

// bookingToken lets whoever holds a booking's link see it without typing
// the phone number again; it cannot be guessed from the code.
func (s *Server) bookingToken(code string) string {
	m := hmac.New(sha256.New, s.Secret)
	m.Write([]byte("booking:" + code))
	return hex.EncodeToString(m.Sum(nil))[:24]
}

func (s *Server) validToken(code, token string) bool {
	return hmac.Equal([]byte(s.bookingToken(code)), []byte(token))
}

func (s *Server) healthz(w http.ResponseWriter, r *http.Request) {
	if _, err := s.Store.Empty(r.Context()); err != nil {
		http.Error(w, "database unavailable", http.StatusServiceUnavailable)
		return
	}
	w.Header().Set("Content-Type", "text/plain; charset=utf-8")
	w.Write([]byte("ok\n"))
}

package web

import (
	"context"
	"github.com/benxe/benxe/internal/metrics"
	"io"
	"log/slog"
	"net/http/httptest"
	"os"
	"path/filepath"
	"sync"
	"testing"
	"time"

	"github.com/benxe/benxe/internal/booking"
	"github.com/benxe/benxe/internal/demo"
	"github.com/benxe/benxe/internal/store"
	"github.com/benxe/benxe/internal/ticket"
)

// testTicketSigner signs the test server's e-tickets.
var testTicketSigner = func() *ticket.Signer {
	s, err := ticket.NewSigner([]byte("benxe test ticket seed, 32 bytes"))
	if err != nil {
		panic(err)
	}
	return s
}()

var shared struct {
	once sync.Once
	url  string
	st   *store.Store
	err  error
}

// startTestServer serves the demo network on a real HTTP server. Loading
// the network takes seconds, so the tests of this package share one; each
// test picks its own trips or seats.
func startTestServer(t testing.TB) (string, *store.Store) {
	t.Helper()
	shared.once.Do(func() {
		ctx := context.Background()
		dir, err := os.MkdirTemp("", "benxe-web-test")
		if err != nil {
			shared.err = err
			return
		}
		st, err := store.Open(ctx, filepath.Join(dir, "benxe.db"))
		if err == nil {
			err = st.Migrate(ctx)
		}
		if err == nil {
			err = demo.Load(ctx, st, demo.Today(time.Now()), 9)
		}
		if err != nil {
			shared.err = err
			return
		}
		log := slog.New(slog.NewTextHandler(io.Discard, nil))
		// Unstarted, so that the sandbox knows the server's own address
		// (its listener exists already) before the server starts.
		srv := httptest.NewUnstartedServer(nil)
		srv.Config.Handler = NewServer(Deps{Store: st, Log: log, Now: time.Now, Holds: booking.DefaultHoldPolicy, Secret: []byte("test secret"), Metrics: metrics.New(), Tickets: testTicketSigner,
			Gateways: SandboxGateways("http://" + srv.Listener.Addr().String()), OperatorToken: testOperatorToken})
		srv.Start()
		shared.url, shared.st = srv.URL, st
	})
	if shared.err != nil {
		t.Fatal(shared.err)
	}
	return shared.url, shared.st
}

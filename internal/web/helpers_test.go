package web

import (
	"context"
	"errors"
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
	"github.com/benxe/benxe/internal/metrics"
	"github.com/benxe/benxe/internal/store"
	"github.com/benxe/benxe/internal/store/storetest"
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
// test picks its own trips or seats. The database is SQLite, or with
// BENXE_WEB_TEST_ENGINE=postgres a schema of its own on
// BENXE_TEST_POSTGRES: CI runs the package once on each engine.
func startTestServer(t testing.TB) (string, *store.Store) {
	t.Helper()
	shared.once.Do(func() {
		ctx := context.Background()
		dsn, err := testDSN()
		if err != nil {
			shared.err = err
			return
		}
		st, err := store.Open(ctx, dsn)
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

// dropSchema removes the PostgreSQL schema of the shared server, if any.
var dropSchema = func() {}

// TestMain drops the shared server's PostgreSQL schema after the tests.
func TestMain(m *testing.M) {
	code := m.Run()
	dropSchema()
	os.Exit(code)
}

// testDSN is a fresh SQLite file or, when asked, a fresh PostgreSQL schema.
func testDSN() (string, error) {
	if os.Getenv("BENXE_WEB_TEST_ENGINE") != store.Postgres {
		dir, err := os.MkdirTemp("", "benxe-web-test")
		return filepath.Join(dir, "benxe.db"), err
	}
	base := os.Getenv("BENXE_TEST_POSTGRES")
	if base == "" {
		return "", errors.New("BENXE_WEB_TEST_ENGINE=postgres needs BENXE_TEST_POSTGRES")
	}
	dsn, drop, err := storetest.NewSchema(base, "web")
	if err != nil {
		return "", err
	}
	dropSchema = func() {
		if shared.st != nil {
			shared.st.Close()
		}
		drop()
	}
	return dsn, nil
}

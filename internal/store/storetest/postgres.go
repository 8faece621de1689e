package storetest

import (
	"context"
	"crypto/rand"
	"database/sql"
	"encoding/hex"
	"net/url"
	"os"
	"testing"

	"github.com/benxe/benxe/internal/store"
	_ "github.com/jackc/pgx/v5/stdlib" // the "pgx" driver
)

// PostgresURL is BENXE_TEST_POSTGRES. Without it the test is skipped —
// except in CI, which must test PostgreSQL and fails instead.
func PostgresURL(t testing.TB) string {
	t.Helper()
	u := os.Getenv("BENXE_TEST_POSTGRES")
	if u == "" {
		if os.Getenv("CI") != "" {
			t.Fatal("BENXE_TEST_POSTGRES is not set: CI must test PostgreSQL")
		}
		t.Skip("BENXE_TEST_POSTGRES not set")
	}
	return u
}

// NewSchema creates an empty schema named prefix_<random> on the server at
// base and returns a URL whose search_path is that schema, so tests run in
// parallel on one database, and the function that drops it.
func NewSchema(base, prefix string) (dsn string, drop func(), err error) {
	admin, err := sql.Open("pgx", base)
	if err != nil {
		return "", nil, err
	}
	b := make([]byte, 6)
	rand.Read(b)
	schema := prefix + "_" + hex.EncodeToString(b)
	u, err := url.Parse(base)
	if err == nil {
		_, err = admin.Exec(`CREATE SCHEMA ` + schema)
	}
	if err != nil {
		admin.Close()
		return "", nil, err
	}
	q := u.Query()
	q.Set("search_path", schema)
	u.RawQuery = q.Encode()
	return u.String(), func() {
		admin.Exec(`DROP SCHEMA ` + schema + ` CASCADE`)
		admin.Close()
	}, nil
}

// PostgresSchema is NewSchema for one test, dropped when it ends.
func PostgresSchema(t testing.TB, prefix string) string {
	t.Helper()
	base := PostgresURL(t)
	dsn, drop, err := NewSchema(base, prefix)
	if err != nil {
		t.Fatalf("postgres at %s: %v", base, err)
	}
	t.Cleanup(drop)
	return dsn
}

// Open opens and migrates the store at dsn (an SQLite file or a postgres://
// URL) for one test, closed when it ends.
func Open(t testing.TB, dsn string) *store.Store {
	t.Helper()
	st, err := store.Open(context.Background(), dsn)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	if err := st.Migrate(context.Background()); err != nil {
		t.Fatal(err)
	}
	return st
}

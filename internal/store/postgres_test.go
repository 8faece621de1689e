package store_test

import (
	"context"
	"testing"

	"github.com/benxe/benxe/internal/store"
	"github.com/benxe/benxe/internal/store/storetest"
)

// openPostgres gives each test a schema of its own, so tests run in
// parallel on one database and leave nothing behind.
func openPostgres(t *testing.T) *store.Store {
	t.Helper()
	st, err := store.Open(context.Background(), storetest.PostgresSchema(t, "t"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	if err := st.Migrate(context.Background()); err != nil {
		t.Fatal(err)
	}
	return st
}

func TestPostgres(t *testing.T) {
	storetest.PostgresURL(t)
	storetest.Run(t, openPostgres)
}

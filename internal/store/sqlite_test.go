package store_test

import (
	"context"
	"path/filepath"
	"testing"

	"github.com/benxe/benxe/internal/store"
	"github.com/benxe/benxe/internal/store/storetest"
)

func openSQLite(t *testing.T) *store.Store {
	t.Helper()
	st, err := store.Open(context.Background(), filepath.Join(t.TempDir(), "benxe.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	if err := st.Migrate(context.Background()); err != nil {
		t.Fatal(err)
	}
	return st
}

func TestSQLite(t *testing.T) {
	storetest.Run(t, openSQLite)
}

func TestMigrateTwice(t *testing.T) {
	st := openSQLite(t)
	if err := st.Migrate(context.Background()); err != nil {
		t.Fatalf("second migrate: %v", err)
	}
}

func TestSQLiteSearchAcrossStores(t *testing.T) {
	file := filepath.Join(t.TempDir(), "benxe.db")
	var sts [2]*store.Store
	for i := range sts {
		st, err := store.Open(context.Background(), file)
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { st.Close() })
		if err := st.Migrate(context.Background()); err != nil {
			t.Fatal(err)
		}
		sts[i] = st
	}
	storetest.SearchAcrossStores(t, sts[0], sts[1])
}

package store_test

import (
	"context"
	"path/filepath"
	"testing"

	"github.com/benxe/benxe/internal/store"
	"github.com/benxe/benxe/internal/store/storetest"
)

func openSQLite(t *testing.T) *store.Store {
	return storetest.Open(t, filepath.Join(t.TempDir(), "benxe.db"))
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
	storetest.SearchAcrossStores(t, storetest.Open(t, file), storetest.Open(t, file))
}

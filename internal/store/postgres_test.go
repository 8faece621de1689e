package store_test

import (
	"context"
	"database/sql"
	"sync"
	"sync/atomic"
	"testing"

	"github.com/benxe/benxe/internal/store"
	"github.com/benxe/benxe/internal/store/storetest"
)

// openPostgres gives each test a schema of its own, so tests run in
// parallel on one database and leave nothing behind.
func openPostgres(t *testing.T) *store.Store {
	return storetest.Open(t, storetest.PostgresSchema(t, "t"))
}

func TestPostgres(t *testing.T) {
	storetest.PostgresURL(t)
	storetest.Run(t, openPostgres)
}

// TestDeadlockRetried makes two transactions lock two rows in opposite
// orders. PostgreSQL aborts one of them; the store runs it again, so both
// succeed and the caller never sees the deadlock.
func TestDeadlockRetried(t *testing.T) {
	st := openPostgres(t)
	ctx := context.Background()
	if err := st.Tx(ctx, func(tx *sql.Tx) error {
		_, err := tx.Exec(`CREATE TABLE pair (id INT PRIMARY KEY, n INT NOT NULL); INSERT INTO pair VALUES (1, 0), (2, 0)`)
		return err
	}); err != nil {
		t.Fatal(err)
	}
	var runs atomic.Int32
	var both sync.WaitGroup // both transactions hold their first row
	both.Add(2)
	first := [2]sync.Once{}
	errs := make(chan error, 2)
	for i, order := range [2][2]int{{1, 2}, {2, 1}} {
		go func() {
			errs <- st.Tx(ctx, func(tx *sql.Tx) error {
				runs.Add(1)
				if _, err := tx.Exec(`UPDATE pair SET n = n + 1 WHERE id = $1`, order[0]); err != nil {
					return err
				}
				first[i].Do(func() { both.Done(); both.Wait() })
				_, err := tx.Exec(`UPDATE pair SET n = n + 1 WHERE id = $1`, order[1])
				return err
			})
		}()
	}
	for range 2 {
		if err := <-errs; err != nil {
			t.Fatalf("a transaction failed: %v", err)
		}
	}
	if n := runs.Load(); n != 3 {
		t.Errorf("transactions ran %d times, want 3 (one deadlock victim run again)", n)
	}
	var sum int
	if err := st.Tx(ctx, func(tx *sql.Tx) error { return tx.QueryRow(`SELECT sum(n) FROM pair`).Scan(&sum) }); err != nil {
		t.Fatal(err)
	}
	if sum != 4 {
		t.Errorf("sum = %d, want 4: each transaction's two updates exactly once", sum)
	}
}

func TestPostgresSearchAcrossStores(t *testing.T) {
	dsn := storetest.PostgresSchema(t, "t")
	storetest.SearchAcrossStores(t, storetest.Open(t, dsn), storetest.Open(t, dsn))
}

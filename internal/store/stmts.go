package store

import (
	"context"
	"database/sql"
	"sync"
)

// stmtCache keeps one prepared statement per query text and pool. SQLite
// spends much of a short transaction parsing SQL; preparing each query
// once per connection takes that off the hot path. (pgx caches its own
// statements; the cache costs PostgreSQL nothing.)
type stmtCache struct {
	db      *sql.DB
	m       sync.Map // query → *sql.Stmt
	pending sync.Map // queries a transaction ran unprepared, to prepare after it
}

func (c *stmtCache) prep(ctx context.Context, query string) (*sql.Stmt, error) {
	if st, ok := c.m.Load(query); ok {
		return st.(*sql.Stmt), nil
	}
	st, err := c.db.PrepareContext(ctx, query)
	if err != nil {
		return nil, err
	}
	if prev, loaded := c.m.LoadOrStore(query, st); loaded {
		st.Close()
		return prev.(*sql.Stmt), nil
	}
	return st, nil
}

func (c *stmtCache) close() {
	c.m.Range(func(_, v any) bool {
		v.(*sql.Stmt).Close()
		return true
	})
}

// QueryContext makes the cache a querier for reads outside transactions.
func (c *stmtCache) QueryContext(ctx context.Context, query string, args ...any) (*sql.Rows, error) {
	st, err := c.prep(ctx, query)
	if err != nil {
		return nil, err
	}
	return st.QueryContext(ctx, args...)
}

// QueryRowContext: see QueryContext. A failed prepare surfaces from Scan.
func (c *stmtCache) QueryRowContext(ctx context.Context, query string, args ...any) *sql.Row {
	st, err := c.prep(ctx, query)
	if err != nil {
		return c.db.QueryRowContext(ctx, query, args...)
	}
	return st.QueryRowContext(ctx, args...)
}

// prepPending prepares the queries transactions ran unprepared. It runs
// after a transaction has given its connection back: preparing during one
// would wait for a second connection, which SQLite's single writer never
// has.
func (c *stmtCache) prepPending(ctx context.Context) {
	c.pending.Range(func(k, _ any) bool {
		c.pending.Delete(k)
		c.prep(ctx, k.(string))
		return true
	})
}

// wtx is a write transaction whose statements come from the cache once
// they are there.
type wtx struct {
	*sql.Tx
	c *stmtCache
}

func (t *wtx) stmt(ctx context.Context, query string) *sql.Stmt {
	if st, ok := t.c.m.Load(query); ok {
		return t.StmtContext(ctx, st.(*sql.Stmt))
	}
	t.c.pending.Store(query, true)
	return nil
}

func (t *wtx) ExecContext(ctx context.Context, query string, args ...any) (sql.Result, error) {
	if st := t.stmt(ctx, query); st != nil {
		return st.ExecContext(ctx, args...)
	}
	return t.Tx.ExecContext(ctx, query, args...)
}

func (t *wtx) QueryContext(ctx context.Context, query string, args ...any) (*sql.Rows, error) {
	if st := t.stmt(ctx, query); st != nil {
		return st.QueryContext(ctx, args...)
	}
	return t.Tx.QueryContext(ctx, query, args...)
}

func (t *wtx) QueryRowContext(ctx context.Context, query string, args ...any) *sql.Row {
	if st := t.stmt(ctx, query); st != nil {
		return st.QueryRowContext(ctx, args...)
	}
	return t.Tx.QueryRowContext(ctx, query, args...)
}

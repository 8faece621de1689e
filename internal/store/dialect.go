package store

import (
	"context"
	"database/sql"
	"database/sql/driver"
	"errors"
	"fmt"
	"io"
	"net"
	"net/url"
	"path/filepath"
	"runtime"
	"strconv"

	"github.com/jackc/pgx/v5/pgconn"
	_ "github.com/jackc/pgx/v5/stdlib" // registers the "pgx" driver
	"modernc.org/sqlite"
	sqlite3 "modernc.org/sqlite/lib"
)

// This file is the only engine-specific code besides the migrations:
// opening, the migration lock and error translation. Queries are shared.

func openSQLite(ctx context.Context, file string) (*Store, error) {
	abs, err := filepath.Abs(file)
	if err != nil {
		return nil, err
	}
	// busy_timeout comes first so that the other pragmas wait for a lock
	// held by another process instead of failing (PocketBase's order).
	pragmas := url.Values{"_pragma": {
		"busy_timeout(10000)", "journal_mode(WAL)", "synchronous(NORMAL)", "foreign_keys(ON)",
	}}
	dsn := "file:" + abs + "?"
	// Write transactions begin IMMEDIATE: the write lock is taken up
	// front, so no read-then-write upgrade can deadlock.
	w, err := sql.Open("sqlite", dsn+pragmas.Encode()+"&_txlock=immediate")
	if err != nil {
		return nil, err
	}
	w.SetMaxOpenConns(1)
	w.SetConnMaxIdleTime(0)
	// Readers get a larger page cache and memory-mapped reads: a search
	// touches thousands of index pages, and pread per page costs more
	// than the search itself.
	pragmas["_pragma"] = append(pragmas["_pragma"], "query_only(ON)", "cache_size(-32000)", "mmap_size(268435456)")
	r, err := sql.Open("sqlite", dsn+pragmas.Encode())
	if err != nil {
		w.Close()
		return nil, err
	}
	r.SetMaxOpenConns(max(4, runtime.NumCPU()))
	r.SetMaxIdleConns(max(4, runtime.NumCPU()))
	s := newStore(w, r, SQLite)
	if err := w.PingContext(ctx); err != nil {
		s.Close()
		return nil, fmt.Errorf("open %s: %w", abs, err)
	}
	return s, nil
}

// PoolSize is the PostgreSQL pool size of one process: a few connections
// per core keep the server busy without queueing inside it.
const PoolSize = 16

func openPostgres(ctx context.Context, dsn string) (*Store, error) {
	db, err := sql.Open("pgx", dsn)
	if err != nil {
		return nil, err
	}
	db.SetMaxOpenConns(PoolSize)
	db.SetMaxIdleConns(PoolSize)
	s := newStore(db, db, Postgres)
	if err := db.PingContext(ctx); err != nil {
		db.Close()
		return nil, fmt.Errorf("open postgres: %w", err)
	}
	return s, nil
}

// Close closes the pools.
func (s *Store) Close() error {
	s.wc.close()
	s.rc.close()
	if s.r == s.w {
		return s.w.Close()
	}
	return errors.Join(s.r.Close(), s.w.Close())
}

// lockMigrations serialises migrating processes. SQLite's IMMEDIATE
// transaction already holds the database's write lock.
func lockMigrations(ctx context.Context, tx *sql.Tx, engine string) error {
	if engine != Postgres {
		return nil
	}
	_, err := tx.ExecContext(ctx, `SELECT pg_advisory_xact_lock(727001)`)
	return err
}

// translate turns engine errors into the store's own, in the one place
// that knows both engines.
func translate(err error) error {
	if err == nil {
		return nil
	}
	var se *sqlite.Error
	if errors.As(err, &se) {
		switch se.Code() {
		case sqlite3.SQLITE_CONSTRAINT_UNIQUE, sqlite3.SQLITE_CONSTRAINT_PRIMARYKEY:
			return fmt.Errorf("%w: %w", ErrUnique, err)
		case sqlite3.SQLITE_BUSY, sqlite3.SQLITE_LOCKED:
			return fmt.Errorf("%w: %w", ErrBusy, err)
		}
		return err
	}
	var pe *pgconn.PgError
	if errors.As(err, &pe) {
		switch {
		case pe.Code == "23505":
			return fmt.Errorf("%w: %w", ErrUnique, err)
		// serialization_failure, deadlock_detected, lock_not_available, the
		// server shutting down or not yet accepting connections.
		case pe.Code == "40001", pe.Code == "40P01", pe.Code == "55P03", pe.Code[:2] == "57", pe.Code[:2] == "08":
			return fmt.Errorf("%w: %w", ErrBusy, err)
		}
		return err
	}
	var ne net.Error
	if errors.Is(err, driver.ErrBadConn) || errors.Is(err, io.ErrUnexpectedEOF) || errors.As(err, &ne) || pgconn.SafeToRetry(err) ||
		errors.As(err, new(*pgconn.ConnectError)) {
		return fmt.Errorf("%w: %w", ErrBusy, err)
	}
	return err
}

// oneOf is the condition "col is one of ids", with ids passed as the one
// parameter $n, and that parameter. A list of parameters would be the
// same on both engines, but PostgreSQL's generic plan for "IN ($2, …,
// $257)" scans the whole table, and SQLite's driver binds long lists in
// quadratic time: an array on PostgreSQL and a JSON array on SQLite keep
// both on the index.
func (s *Store) oneOf(col string, n int, ids []int64) (cond string, param string) {
	open, end := byte('['), byte(']')
	cond = col + ` IN (SELECT value FROM json_each($` + strconv.Itoa(n) + `))`
	if s.engine == Postgres {
		open, end = '{', '}'
		cond = col + ` = ANY(CAST($` + strconv.Itoa(n) + ` AS BIGINT[]))`
	}
	b := make([]byte, 0, 2+8*len(ids))
	b = append(b, open)
	for i, id := range ids {
		if i > 0 {
			b = append(b, ',')
		}
		b = strconv.AppendInt(b, id, 10)
	}
	return cond, string(append(b, end))
}

// retryable reports whether err aborted a PostgreSQL transaction that may
// succeed if run again: deadlock_detected or serialization_failure.
func retryable(err error) bool {
	var pe *pgconn.PgError
	return errors.As(err, &pe) && (pe.Code == "40P01" || pe.Code == "40001")
}

// Unavailable reports whether err means the database could not answer now
// (ErrBusy), for errors from reads too, which do not pass through Tx.
func Unavailable(err error) bool {
	return errors.Is(translate(err), ErrBusy)
}

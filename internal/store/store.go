// Package store is benxe's one database/sql implementation. Every SQL
// statement of the product is in this package, written by hand.
package store

import (
	"context"
	"database/sql"
	"embed"
	"errors"
	"fmt"
	"io/fs"
	"log/slog"
	"math/rand/v2"
	"path"
	"runtime"
	"sort"
	"strconv"
	"strings"
	"time"
)

//go:embed migrations
var migrations embed.FS

// Store is the database. On SQLite, writes go through one connection so
// that SQLite never sees two writers from one process, and reads use a
// pool; on PostgreSQL both are the same pool.
type Store struct {
	w, r   *sql.DB
	wc, rc *stmtCache // prepared statements of each pool
	engine string
	slow   slowLog
	// What the catalog said, per process; see cache.go.
	search *versionCache[searchKey, []TripHit]
	trips  *versionCache[segmentKey, tripCatalog]
}

// Bounds of the catalog caches, so that they stay within tens of
// megabytes: a search keeps about 250 bytes a trip found, a trip's catalog
// about 5 kB (its layout's seats, its route's stops and points). A sale
// opening is a few hundred hot trips; the rest is read again when asked.
const (
	searchCacheTrips = 100_000
	tripCacheTrips   = 2_000
)

func newStore(w, r *sql.DB, engine string) *Store {
	return &Store{w: w, r: r, wc: &stmtCache{db: w}, rc: &stmtCache{db: r}, engine: engine,
		search: &versionCache[searchKey, []TripHit]{max: searchCacheTrips},
		trips:  &versionCache[segmentKey, tripCatalog]{max: tripCacheTrips}}
}

// slowLog logs write transactions that take longer than a threshold.
type slowLog struct {
	log       *slog.Logger
	threshold time.Duration
}

// LogSlow makes the store log every write transaction slower than
// threshold, naming the store method that ran it.
func (s *Store) LogSlow(log *slog.Logger, threshold time.Duration) {
	s.slow = slowLog{log: log, threshold: threshold}
}

// Stats are the connection pools' statistics: the writer's and the
// readers' (the same pool on PostgreSQL).
func (s *Store) Stats() (write, read sql.DBStats) {
	return s.w.Stats(), s.r.Stats()
}

// Engines.
const (
	SQLite   = "sqlite"
	Postgres = "postgres"
)

// Open opens the database named by dsn: a postgres:// URL, or else the
// path of an SQLite file (created if needed).
func Open(ctx context.Context, dsn string) (*Store, error) {
	if strings.HasPrefix(dsn, "postgres://") || strings.HasPrefix(dsn, "postgresql://") {
		return openPostgres(ctx, dsn)
	}
	return openSQLite(ctx, dsn)
}

// Engine names the database engine.
func (s *Store) Engine() string { return s.engine }

// Migrate applies the embedded migrations not yet applied, each in its own
// transaction. Several processes may migrate at once: each transaction
// takes the engine's write lock first and checks the version under it.
func (s *Store) Migrate(ctx context.Context) error {
	names, err := fs.Glob(migrations, "migrations/"+s.engine+"/*.sql")
	if err != nil {
		return err
	}
	sort.Strings(names)
	for _, name := range names {
		base := path.Base(name)
		version, err := strconv.Atoi(strings.SplitN(base, "_", 2)[0])
		if err != nil {
			return fmt.Errorf("migration %s: name must start with a number", base)
		}
		body, err := migrations.ReadFile(name)
		if err != nil {
			return err
		}
		err = s.Tx(ctx, func(tx *sql.Tx) error {
			if err := lockMigrations(ctx, tx, s.engine); err != nil {
				return err
			}
			if _, err := tx.ExecContext(ctx, `CREATE TABLE IF NOT EXISTS schema_migrations (
				version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at BIGINT NOT NULL)`); err != nil {
				return err
			}
			var n int
			if err := tx.QueryRowContext(ctx, `SELECT count(*) FROM schema_migrations WHERE version = $1`, version).Scan(&n); err != nil || n > 0 {
				return err
			}
			if _, err := tx.ExecContext(ctx, string(body)); err != nil {
				return err
			}
			_, err := tx.ExecContext(ctx, `INSERT INTO schema_migrations (version, name, applied_at) VALUES ($1, $2, $3)`,
				version, base, time.Now().UnixMilli())
			return err
		})
		if err != nil {
			return fmt.Errorf("migration %s: %w", base, err)
		}
	}
	return nil
}

// Tx runs fn in a write transaction (BEGIN IMMEDIATE on SQLite, so the
// write lock is taken up front and no read-then-write upgrade can deadlock),
// again if PostgreSQL aborts it for a deadlock (see tx).
func (s *Store) Tx(ctx context.Context, fn func(*sql.Tx) error) error {
	return s.tx(ctx, func(tx *wtx) error { return fn(tx.Tx) })
}

// txAttempts bounds how often tx runs a transaction that PostgreSQL chose
// as a deadlock victim or failed to serialise.
const txAttempts = 4

// tx is Tx with statements prepared once and cached, and run again when
// PostgreSQL aborted it for a deadlock or a serialisation failure: the
// whole transaction was rolled back, and running it again is what the
// server asks for. Rows locked in different orders by concurrent holds,
// the hold sweep and the expiry job can form such a cycle under load;
// without the retry a passenger would see "busy" for a seat that was
// free. So fn must be safe to run twice: it may set variables outside it,
// never accumulate into them.
func (s *Store) tx(ctx context.Context, fn func(*wtx) error) error {
	for attempt := 1; ; attempt++ {
		err := s.txOnce(ctx, fn)
		if attempt == txAttempts || !retryable(err) || ctx.Err() != nil {
			return err
		}
		// A short random pause, growing with each attempt, so the
		// transactions of the cycle do not meet again at once.
		pause := time.Duration(attempt) * time.Duration(1+rand.IntN(10)) * time.Millisecond
		select {
		case <-ctx.Done():
			return err
		case <-time.After(pause):
		}
	}
}

func (s *Store) txOnce(ctx context.Context, fn func(*wtx) error) error {
	if s.slow.log != nil {
		defer s.timeTx(ctx, time.Now())
	}
	tx, err := s.w.BeginTx(ctx, nil)
	if err != nil {
		return translate(err)
	}
	defer s.wc.prepPending(context.WithoutCancel(ctx))
	if err := fn(&wtx{Tx: tx, c: s.wc}); err != nil {
		tx.Rollback()
		return translate(err)
	}
	return translate(tx.Commit())
}

func (s *Store) timeTx(ctx context.Context, start time.Time) {
	d := time.Since(start)
	if d < s.slow.threshold {
		return
	}
	// The first caller outside Tx, tx and closures is the store method.
	name := "?"
	for skip := 2; skip < 6; skip++ {
		pc, _, _, ok := runtime.Caller(skip)
		if !ok {
			break
		}
		name = path.Base(runtime.FuncForPC(pc).Name())
		if !strings.Contains(name, ".func") && !strings.HasSuffix(name, ".Tx") && !strings.HasSuffix(name, ".tx") {
			break
		}
	}
	s.slow.log.WarnContext(ctx, "slow transaction", "op", name, "duration_ms", float64(d.Microseconds())/1000)
}

// ErrUnique is a unique-constraint violation: the database said no.
var ErrUnique = errors.New("unique constraint violated")

// ErrBusy means the database could not do the work now — locked for
// longer than the busy timeout, a serialisation failure or deadlock, a
// lost connection — and the caller may retry later.
var ErrBusy = errors.New("database busy or unreachable")

// ms is the stored form of a time.
func ms(t time.Time) int64 { return t.UnixMilli() }

// at reads a stored time back, in UTC.
func at(v int64) time.Time { return time.UnixMilli(v).UTC() }

// Setting reads a named setting, "" when unset.
func (s *Store) Setting(ctx context.Context, name string) (string, error) {
	var v string
	err := s.rc.QueryRowContext(ctx, `SELECT value FROM settings WHERE name = $1`, name).Scan(&v)
	if errors.Is(err, sql.ErrNoRows) {
		return "", nil
	}
	return v, err
}

// InitSetting stores value under name unless one is there already, and
// returns the value that is there: processes starting together agree.
func (s *Store) InitSetting(ctx context.Context, name, value string) (string, error) {
	err := s.tx(ctx, func(tx *wtx) error {
		_, err := tx.ExecContext(ctx, `INSERT INTO settings (name, value) VALUES ($1, $2) ON CONFLICT (name) DO NOTHING`, name, value)
		return err
	})
	if err != nil {
		return "", err
	}
	return s.Setting(ctx, name)
}

// placeholders returns "$from, $from+1, …" for n values.
func placeholders(from, n int) string {
	var b strings.Builder
	for i := 0; i < n; i++ {
		if i > 0 {
			b.WriteString(", ")
		}
		b.WriteString("$" + strconv.Itoa(from+i))
	}
	return b.String()
}

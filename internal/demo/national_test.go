package demo_test

import (
	"context"
	"database/sql"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/benxe/benxe/internal/catalog"
	"github.com/benxe/benxe/internal/demo"
	"github.com/benxe/benxe/internal/store"
	"github.com/benxe/benxe/internal/store/storetest"
	"github.com/benxe/benxe/internal/vn"
)

// engine opens a fresh, migrated store and a plain connection to the same
// database, for the checks no store method answers.
type engine struct {
	name string
	open func(t *testing.T) (*store.Store, *sql.DB)
}

func engines(t *testing.T) []engine {
	es := []engine{{"sqlite", openSQLite}}
	if os.Getenv("BENXE_TEST_POSTGRES") != "" {
		es = append(es, engine{"postgres", openPostgres})
	}
	return es
}

func openSQLite(t *testing.T) (*store.Store, *sql.DB) {
	t.Helper()
	file := filepath.Join(t.TempDir(), "national.db")
	st := storetest.Open(t, file)
	db, err := sql.Open("sqlite", file)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	return st, db
}

// openPostgres gives the test a schema of its own, dropped after it.
func openPostgres(t *testing.T) (*store.Store, *sql.DB) {
	t.Helper()
	dsn := storetest.PostgresSchema(t, "national")
	st := storetest.Open(t, dsn)
	db, err := sql.Open("pgx", dsn)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	return st, db
}

var nationalToday = time.Date(2027, 1, 20, 0, 0, 0, 0, vn.Zone)

// dump is the text of the first rows of a query, one line a row.
func dump(t *testing.T, db *sql.DB, query string) string {
	t.Helper()
	rows, err := db.Query(query)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	cols, _ := rows.Columns()
	var b strings.Builder
	vals := make([]any, len(cols))
	ptrs := make([]any, len(cols))
	for i := range vals {
		ptrs[i] = &vals[i]
	}
	for rows.Next() {
		if err := rows.Scan(ptrs...); err != nil {
			t.Fatal(err)
		}
		for _, v := range vals {
			if s, ok := v.([]byte); ok {
				v = string(s)
			}
			fmt.Fprintf(&b, "%v\t", v)
		}
		b.WriteByte('\n')
	}
	if err := rows.Err(); err != nil {
		t.Fatal(err)
	}
	return b.String()
}

// samples are the rows two loads with one seed must agree on: the first
// routes with their stops, trips and sold seats.
var samples = []string{
	`SELECT r.slug, r.name, o.slug, s.idx, p.slug, s.name, s.offset_min
		FROM routes r JOIN operators o ON o.id = r.operator_id JOIN stops s ON s.route_id = r.id JOIN places p ON p.id = s.place_id
		ORDER BY r.id, s.idx LIMIT 300`,
	`SELECT id, timetable_id, route_id, layout_id, departs_at FROM trips ORDER BY id LIMIT 300`,
	`SELECT b.trip_id, b.from_idx, b.to_idx, t.seat, t.fare FROM tickets t JOIN bookings b ON b.id = t.booking_id
		ORDER BY b.trip_id, t.seat LIMIT 300`,
}

func TestLoadNational(t *testing.T) {
	cfg := demo.NationalConfig{Operators: 50, Routes: 120, Days: 10, Towns: 60, SoldShare: 0.02, Seed: 7}
	for _, e := range engines(t) {
		t.Run(e.name, func(t *testing.T) {
			t.Parallel()
			ctx := context.Background()
			var stats [2]demo.NationalStats
			var dumps [2][]string
			var dbs [2]*sql.DB
			var sts [2]*store.Store
			for i := range stats {
				sts[i], dbs[i] = e.open(t)
				var err error
				if stats[i], err = demo.LoadNational(ctx, sts[i], nationalToday, cfg); err != nil {
					t.Fatal(err)
				}
				for _, q := range samples {
					dumps[i] = append(dumps[i], dump(t, dbs[i], q))
				}
				if i == 0 {
					t.Logf("\n%s", stats[i])
				}
				stats[i].Phases = nil
			}
			if !reflect.DeepEqual(stats[0], stats[1]) {
				t.Errorf("two loads with one seed differ:\n%+v\n%+v", stats[0], stats[1])
			}
			for i := range samples {
				if dumps[0][i] != dumps[1][i] {
					t.Errorf("two loads with one seed differ in %s", samples[i])
				}
			}
			s := stats[0]
			if s.Operators != cfg.Operators || s.Routes != cfg.Routes || s.Places != len(demo.Places)+cfg.Towns {
				t.Errorf("%d operators, %d routes, %d places; want %d, %d, %d", s.Operators, s.Routes, s.Places,
					cfg.Operators, cfg.Routes, len(demo.Places)+cfg.Towns)
			}
			if s.Bookings == 0 || s.SoldSeats < s.Bookings {
				t.Errorf("%d bookings of %d seats", s.Bookings, s.SoldSeats)
			}
			checkIntegrity(t, dbs[0], s, cfg.Days)
			checkSearch(t, sts[0])
		})
	}
}

func count(t *testing.T, db *sql.DB, query string) int {
	t.Helper()
	var n int
	if err := db.QueryRow(query).Scan(&n); err != nil {
		t.Fatalf("%s: %v", query, err)
	}
	return n
}

func checkIntegrity(t *testing.T, db *sql.DB, s demo.NationalStats, days int) {
	t.Helper()
	for _, c := range []struct {
		what  string
		query string
		want  int
	}{
		{"operators", `SELECT count(*) FROM operators`, s.Operators},
		{"routes", `SELECT count(*) FROM routes`, s.Routes},
		{"stops", `SELECT count(*) FROM stops`, s.Stops},
		{"points", `SELECT count(*) FROM points`, s.Points},
		{"timetables", `SELECT count(*) FROM timetables`, s.Timetables},
		{"fares", `SELECT count(*) FROM fares`, s.Fares},
		{"trips", `SELECT count(*) FROM trips`, s.Trips},
		{"tickets", `SELECT count(*) FROM tickets`, s.SoldSeats},
		{"operators without routes", `SELECT count(*) FROM operators o WHERE NOT EXISTS (SELECT 1 FROM routes r WHERE r.operator_id = o.id)`, 0},
		{"operators with more than 10 routes", `SELECT count(*) FROM (SELECT operator_id FROM routes GROUP BY operator_id HAVING count(*) > 10) x`, 0},
		{"routes with fewer than 2 stops or a gap in their indexes", `SELECT count(*) FROM (SELECT route_id FROM stops GROUP BY route_id
			HAVING count(*) < 2 OR min(idx) <> 0 OR max(idx) <> count(*) - 1) x`, 0},
		{"stops not after the stop before", `SELECT count(*) FROM stops s JOIN stops p ON p.route_id = s.route_id AND p.idx = s.idx - 1
			WHERE s.offset_min <= p.offset_min OR (p.idx = 0 AND p.offset_min <> 0)`, 0},
		{"stops one cannot board at", `SELECT count(*) FROM stops s WHERE s.idx < (SELECT max(idx) FROM stops x WHERE x.route_id = s.route_id)
			AND NOT EXISTS (SELECT 1 FROM points p WHERE p.route_id = s.route_id AND p.stop_idx = s.idx AND p.pickup)`, 0},
		{"stops one cannot get off at", `SELECT count(*) FROM stops s WHERE s.idx > 0
			AND NOT EXISTS (SELECT 1 FROM points p WHERE p.route_id = s.route_id AND p.stop_idx = s.idx AND p.dropoff)`, 0},
		{"fares past the last stop", `SELECT count(*) FROM fares f JOIN timetables tt ON tt.id = f.timetable_id
			WHERE NOT EXISTS (SELECT 1 FROM stops s WHERE s.route_id = tt.route_id AND s.idx = f.to_idx)`, 0},
		{"trips before the horizon", fmt.Sprintf(`SELECT count(*) FROM trips WHERE departs_at < %d`, nationalToday.AddDate(0, 0, -1).UnixMilli()), 0},
		{"trips after the horizon", fmt.Sprintf(`SELECT count(*) FROM trips WHERE departs_at >= %d`, nationalToday.AddDate(0, 0, days).UnixMilli()), 0},
		{"bookings not paid", `SELECT count(*) FROM bookings WHERE status NOT IN ('confirmed', 'awaiting_operator')`, 0},
		{"seats not sold for good", `SELECT count(*) FROM occupancy WHERE expires_at IS NOT NULL OR booking_id IS NULL`, 0},
	} {
		if got := count(t, db, c.query); got != c.want {
			t.Errorf("%s: %d, want %d", c.what, got, c.want)
		}
	}

	// Every segment has a fare in every seat kind of the vehicle.
	kinds := map[string]int{}
	for _, v := range []string{catalog.Coach45, catalog.Sleeper40, catalog.Limo9, catalog.Cabin22} {
		l, _ := catalog.StandardLayout(v)
		has := map[string]bool{}
		for _, c := range l.Seats() {
			has[c.Kind] = true
		}
		kinds[v] = len(has)
	}
	rows, err := db.Query(`SELECT tt.id, l.vehicle, tt.weekdays, (SELECT count(*) FROM stops s WHERE s.route_id = tt.route_id),
			(SELECT count(*) FROM fares f WHERE f.timetable_id = tt.id)
		FROM timetables tt JOIN layouts l ON l.id = tt.layout_id`)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	trips := 0
	for rows.Next() {
		var id, weekdays, stops, fares int
		var vehicle string
		if err := rows.Scan(&id, &vehicle, &weekdays, &stops, &fares); err != nil {
			t.Fatal(err)
		}
		if want := stops * (stops - 1) / 2 * kinds[vehicle]; fares != want {
			t.Errorf("timetable %d (%s, %d stops): %d fares, want %d", id, vehicle, stops, fares, want)
		}
		for d := nationalToday.AddDate(0, 0, -1); d.Before(nationalToday.AddDate(0, 0, days)); d = d.AddDate(0, 0, 1) {
			if weekdays&(1<<int(d.Weekday())) != 0 {
				trips++
			}
		}
	}
	if err := rows.Err(); err != nil {
		t.Fatal(err)
	}
	if trips != s.Trips {
		t.Errorf("%d trips, the timetables make %d", s.Trips, trips)
	}
}

// checkSearch finds tomorrow's trips between two hubs with seats left.
func checkSearch(t *testing.T, st *store.Store) {
	t.Helper()
	ctx := context.Background()
	place := func(q string) int64 {
		hits, err := st.SearchPlaces(ctx, q, 1)
		if err != nil || len(hits) == 0 {
			t.Fatalf("SearchPlaces(%q) = %v, %v", q, hits, err)
		}
		return hits[0].ID
	}
	start := time.Now()
	hits, err := st.SearchTrips(ctx, store.TripQuery{From: place("sai gon"), To: place("can tho"), Day: nationalToday.AddDate(0, 0, 1),
		Now: nationalToday, Limit: 100})
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("Sài Gòn → Cần Thơ tomorrow: %d trips in %s", len(hits), time.Since(start))
	free := 0
	for _, h := range hits {
		free += h.SeatsAvailable
	}
	if len(hits) == 0 || free == 0 {
		t.Errorf("Sài Gòn → Cần Thơ tomorrow: %d trips, %d seats free", len(hits), free)
	}
}

// TestLoadNationalFull loads the default, VeXeRe-sized network on every
// engine and logs the timings and the size of the database.
//
//	BENXE_NATIONAL=1 go test -run TestLoadNationalFull -v -timeout 60m ./internal/demo/
func TestLoadNationalFull(t *testing.T) {
	if os.Getenv("BENXE_NATIONAL") != "1" {
		t.Skip("BENXE_NATIONAL=1 loads the national network")
	}
	for _, e := range engines(t) {
		t.Run(e.name, func(t *testing.T) {
			st, db := e.open(t)
			stats, err := demo.LoadNational(context.Background(), st, nationalToday, demo.NationalConfig{})
			if err != nil {
				t.Fatal(err)
			}
			t.Logf("%s\n%s", e.name, stats)
			hubs := count(t, db, `SELECT count(*) FROM routes r WHERE EXISTS (SELECT 1 FROM stops s JOIN places p ON p.id = s.place_id
				WHERE s.route_id = r.id AND p.slug IN ('hcm', 'hanoi', 'danang', 'cantho'))`)
			t.Logf("routes serving TP Hồ Chí Minh, Hà Nội, Đà Nẵng or Cần Thơ: %d of %d", hubs, stats.Routes)
			checkSearch(t, st)
			// What the horizon job costs at this size: every trip is there already.
			start := time.Now()
			again, err := st.GenerateTrips(context.Background(), nationalToday.AddDate(0, 0, -1), nationalToday.AddDate(0, 0, 89))
			if err != nil || again != 0 {
				t.Errorf("GenerateTrips again = %d, %v; want 0", again, err)
			}
			t.Logf("GenerateTrips again over the whole horizon: %s", time.Since(start))
			t.Logf("database size: %s", size(t, e.name, st, db))
		})
	}
}

// size is the space the database takes on disk: the SQLite file once the
// WAL is checkpointed into it, or the PostgreSQL tables with their indexes
// and TOAST.
func size(t *testing.T, engine string, st *store.Store, db *sql.DB) string {
	t.Helper()
	if engine == "sqlite" {
		st.Close()
		var file string
		if err := db.QueryRow(`SELECT file FROM pragma_database_list WHERE name = 'main'`).Scan(&file); err != nil {
			t.Fatal(err)
		}
		if _, err := db.Exec(`PRAGMA wal_checkpoint(TRUNCATE)`); err != nil {
			t.Fatal(err)
		}
		fi, err := os.Stat(file)
		if err != nil {
			t.Fatal(err)
		}
		return fmt.Sprintf("%.1f MB", float64(fi.Size())/1e6)
	}
	rows, err := db.Query(`SELECT c.relname, pg_total_relation_size(c.oid) FROM pg_class c
		JOIN pg_namespace n ON n.oid = c.relnamespace
		WHERE n.nspname = current_schema() AND c.relkind = 'r' ORDER BY 2 DESC`)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	var total int64
	var parts []string
	for rows.Next() {
		var name string
		var n int64
		if err := rows.Scan(&name, &n); err != nil {
			t.Fatal(err)
		}
		total += n
		if n > 1e6 {
			parts = append(parts, fmt.Sprintf("%s %.1f MB", name, float64(n)/1e6))
		}
	}
	return fmt.Sprintf("%.1f MB (%s)", float64(total)/1e6, strings.Join(parts, ", "))
}

package main

import (
	"bufio"
	"context"
	"database/sql"
	"fmt"
	"github.com/benxe/benxe/internal/store/storetest"
	"math/rand/v2"
	"os"
	"os/exec"
	"os/signal"
	"path/filepath"
	"regexp"
	"sync"
	"sync/atomic"
	"syscall"
	"testing"
	"time"

	"github.com/benxe/benxe/internal/catalog"
	"github.com/benxe/benxe/internal/store"
)

// When the test binary runs with BENXE_TEST_MAIN set, it is benxe itself:
// the multi-process tests start copies of it as real server processes.
func init() {
	if os.Getenv("BENXE_TEST_MAIN") == "" {
		return
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	if err := run(ctx, os.Args, os.Getenv, os.Stdin, os.Stdout, os.Stderr); err != nil {
		fmt.Fprintln(os.Stderr, "benxe:", err)
		os.Exit(1)
	}
	os.Exit(0)
}

// proc is one benxe process started by a test.
type proc struct {
	cmd  *exec.Cmd
	url  string
	dead atomic.Bool
}

// startProcs seeds the database once, then starts n "benxe serve"
// processes on it, with short holds and expiry jobs running often in all.
func startProcs(t *testing.T, n int, dbArgs ...string) []*proc {
	t.Helper()
	exe, err := os.Executable()
	if err != nil {
		t.Fatal(err)
	}
	seed := exec.Command(exe, append([]string{"seed", "--days", "10"}, dbArgs...)...)
	seed.Env = append(os.Environ(), "BENXE_TEST_MAIN=1")
	if out, err := seed.CombinedOutput(); err != nil {
		t.Fatalf("seed: %v\n%s", err, out)
	}
	var procs []*proc
	re := regexp.MustCompile(`serving on (http://\S+)/`)
	for i := 0; i < n; i++ {
		args := append([]string{"serve", "--addr", "127.0.0.1:0", "--days", "10", "--hold-ttl", "2s", "--jobs-every", "200ms"}, dbArgs...)
		cmd := exec.Command(exe, args...)
		cmd.Env = append(os.Environ(), "BENXE_TEST_MAIN=1")
		stdout, err := cmd.StdoutPipe()
		if err != nil {
			t.Fatal(err)
		}
		logf, err := os.Create(filepath.Join(t.TempDir(), fmt.Sprintf("serve-%d.log", i)))
		if err != nil {
			t.Fatal(err)
		}
		cmd.Stderr = logf
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		p := &proc{cmd: cmd}
		t.Cleanup(func() { cmd.Process.Kill(); cmd.Wait() })
		sc := bufio.NewScanner(stdout)
		for sc.Scan() {
			if m := re.FindStringSubmatch(sc.Text()); m != nil {
				p.url = m[1]
				break
			}
		}
		if p.url == "" {
			t.Fatalf("process %d printed no URL (log %s)", i, logf.Name())
		}
		go func() {
			for sc.Scan() {
			}
		}()
		procs = append(procs, p)
	}
	return procs
}

// stopProcs sends SIGTERM and expects a clean exit from each process.
func stopProcs(t *testing.T, procs []*proc) {
	t.Helper()
	for _, p := range procs {
		p.cmd.Process.Signal(syscall.SIGTERM)
	}
	for i, p := range procs {
		done := make(chan error, 1)
		go func() { done <- p.cmd.Wait() }()
		select {
		case err := <-done:
			if err != nil {
				t.Errorf("process %d exited with %v", i, err)
			}
		case <-time.After(30 * time.Second):
			t.Errorf("process %d did not stop on SIGTERM", i)
		}
	}
}

// sale is a booking a client got 201 for.
type sale struct {
	code     string
	trip     int64
	from, to int
	seats    []string
}

// raceProcs sends many clients through all processes for the same seats on
// one sleeper trip, over overlapping and disjoint segments, and checks that
// no seat was sold twice and that every sale holds its seats.
//
// Some clients hang up mid-request, and with kill set the last process is
// killed with SIGKILL halfway through: whatever they left behind must still
// keep every invariant, and the dead process's holds must run out.
func raceProcs(t *testing.T, procs []*proc, st *store.Store, kill bool) {
	c0 := client{t, procs[0].url}
	var places []struct {
		ID int64 `json:"id"`
	}
	c0.do("GET", "/api/v1/places?q=sai+gon", nil, 200, &places)
	hcm := places[0].ID
	c0.do("GET", "/api/v1/places?q=da+lat", nil, 200, &places)
	dalat := places[0].ID
	var trips []struct {
		ID       int64               `json:"id"`
		FromStop struct{ Index int } `json:"from_stop"`
		ToStop   struct{ Index int } `json:"to_stop"`
	}
	date := time.Now().AddDate(0, 0, 3).Format("2006-01-02")
	c0.do("GET", fmt.Sprintf("/api/v1/trips?from=%d&to=%d&date=%s&vehicle=sleeper40", hcm, dalat, date), nil, 200, &trips)
	if len(trips) == 0 {
		t.Fatal("no sleeper trip to race for")
	}
	trip, err := st.Trip(context.Background(), trips[0].ID)
	if err != nil {
		t.Fatal(err)
	}
	var detail tripDetail
	c0.do("GET", fmt.Sprintf("/api/v1/trips/%d", trip.ID), nil, 200, &detail)
	var free []string
	for _, d := range detail.SeatMap.Decks {
		for _, row := range d.Rows {
			for _, s := range row {
				if s != nil && s.Status == "available" && len(free) < 12 {
					free = append(free, s.Label)
				}
			}
		}
	}
	points, err := st.Points(context.Background(), trip.RouteID)
	if err != nil {
		t.Fatal(err)
	}
	point := func(stop int, pickup bool) int64 {
		for _, p := range points {
			if p.StopIdx == stop && ((pickup && p.Pickup) || (!pickup && p.Dropoff)) {
				return p.ID
			}
		}
		return 0
	}
	n := len(trip.Stops)
	var mu sync.Mutex
	var sales []sale
	holds, conflicts, lost := 0, 0, 0
	var wg sync.WaitGroup
	start := time.Now()
	deadline := start.Add(6 * time.Second)
	if kill {
		victim := procs[len(procs)-1]
		time.AfterFunc(3*time.Second, func() {
			victim.dead.Store(true)
			victim.cmd.Process.Kill()
		})
	}
	for w := 0; w < 24; w++ {
		wg.Add(1)
		go func(w int) {
			defer wg.Done()
			rng := rand.New(rand.NewPCG(uint64(w), 7))
			pick := func(i int) *proc {
				for k := 0; ; k++ {
					if p := procs[(w+i+k)%len(procs)]; !p.dead.Load() {
						return p
					}
				}
			}
			// One request in six comes from a client that gives up after
			// at most 3 ms, often while the server is still working.
			ctxFor := func() (context.Context, context.CancelFunc) {
				if rng.IntN(6) == 0 {
					return context.WithTimeout(context.Background(), time.Duration(rng.IntN(3000))*time.Microsecond)
				}
				return context.WithCancel(context.Background())
			}
			for i := 0; time.Now().Before(deadline) && i < 200; i++ {
				p := pick(i)
				from := rng.IntN(n - 1)
				to := from + 1 + rng.IntN(n-1-from)
				seats := []string{free[rng.IntN(len(free))]}
				if s := free[rng.IntN(len(free))]; s != seats[0] && rng.IntN(2) == 0 {
					seats = append(seats, s)
				}
				var h struct {
					ID string `json:"id"`
				}
				ctx, cancel := ctxFor()
				status, body := tryDo(ctx, p.url, "POST", "/api/v1/holds", map[string]any{"trip_id": trip.ID, "from": from, "to": to, "seats": seats}, &h)
				cancel()
				mu.Lock()
				switch {
				case status == 201:
					holds++
				case status == 409:
					conflicts++
				case status == 0 && (ctx.Err() != nil || p.dead.Load()):
					lost++
				default:
					t.Errorf("hold: status %d: %s", status, body)
				}
				mu.Unlock()
				if status != 201 || rng.IntN(4) != 0 {
					continue // most holds are left to expire and be taken again
				}
				var b struct {
					Code string `json:"code"`
				}
				q := pick(rng.IntN(len(procs)))
				ctx, cancel = ctxFor()
				status, body = tryDo(ctx, q.url, "POST", "/api/v1/bookings", map[string]any{"hold_id": h.ID,
					"pickup_point_id": point(from, true), "dropoff_point_id": point(to, false),
					"contact": map[string]string{"name": "Khách", "phone": "0912345678"}, "payment_method": "bank_transfer"}, &b)
				cancel()
				switch {
				case status == 201:
					mu.Lock()
					sales = append(sales, sale{b.Code, trip.ID, from, to, seats})
					mu.Unlock()
				case status == 410: // the 2 s hold ran out first
				case status == 0 && (ctx.Err() != nil || q.dead.Load()):
					mu.Lock()
					lost++
					mu.Unlock()
				default:
					t.Errorf("book: status %d: %s", status, body)
				}
			}
		}(w)
	}
	wg.Wait()
	t.Logf("%d processes: %d holds, %d conflicts (409), %d bookings, %d answers lost to hang-ups or the kill",
		len(procs), holds, conflicts, len(sales), lost)
	if holds == 0 || conflicts == 0 || len(sales) == 0 {
		t.Fatalf("the race did not race: %d holds, %d conflicts, %d sales", holds, conflicts, len(sales))
	}
	// No two sales share a seat on a leg.
	owner := map[string]string{}
	for _, s := range sales {
		for _, seat := range s.seats {
			for _, leg := range catalog.Legs(s.from, s.to) {
				k := fmt.Sprint(seat, "/", leg)
				if o, ok := owner[k]; ok {
					t.Errorf("seat %s leg %d sold to %s and %s", seat, leg, o, s.code)
				}
				owner[k] = s.code
			}
		}
	}
	// Every sale answered 201 holds all its seat-legs.
	for _, s := range sales {
		var rows int
		if err := st.Tx(context.Background(), func(tx *sql.Tx) error {
			return tx.QueryRow(`SELECT count(*) FROM occupancy o JOIN bookings b ON b.id = o.booking_id WHERE b.code = $1 AND b.status = 'pending_payment'`,
				s.code).Scan(&rows)
		}); err != nil {
			t.Fatal(err)
		}
		if want := len(s.seats) * (s.to - s.from); rows != want {
			t.Errorf("booking %s owns %d seat-legs, sold %d", s.code, rows, want)
		}
	}
	storetest.CheckInvariants(t, st)
	// Holds last 2 s: once that has passed since the last request, no hold
	// of any process, dead or alive, keeps a seat.
	time.Sleep(2100 * time.Millisecond)
	if n := storetest.LiveHoldSeats(t, st, time.Now()); n != 0 {
		t.Errorf("%d seat-legs still held after every hold's time ran out", n)
	}
}

func TestMultiProcessSQLite(t *testing.T) {
	if testing.Short() {
		t.Skip("starts server processes")
	}
	dir := t.TempDir()
	procs := startProcs(t, 2, "--data", dir)
	st, err := store.Open(context.Background(), filepath.Join(dir, "benxe.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	raceProcs(t, procs, st, true)
	stopProcs(t, procs[:len(procs)-1])
}

func TestMultiProcessPostgres(t *testing.T) {
	if testing.Short() {
		t.Skip("starts server processes")
	}
	dsn, drop := postgresSchema(t)
	defer drop()
	procs := startProcs(t, 3, "--db", dsn)
	st, err := store.Open(context.Background(), dsn)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	raceProcs(t, procs, st, true)
	stopProcs(t, procs[:len(procs)-1])
}

// postgresSchema is a URL of BENXE_TEST_POSTGRES whose search_path is a
// schema of its own, and the function that drops it (a server shared by
// several tests outlives any one of them, so the caller drops it).
func postgresSchema(t *testing.T) (string, func()) {
	t.Helper()
	dsn, drop, err := storetest.NewSchema(storetest.PostgresURL(t), "mp")
	if err != nil {
		t.Fatal(err)
	}
	return dsn, drop
}

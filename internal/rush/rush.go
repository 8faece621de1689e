package rush

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"errors"
	"fmt"
	mrand "math/rand/v2"
	"net/http"
	"net/url"
	"sync"
	"sync/atomic"
	"time"
)

// ErrVerification is returned (wrapped) by Run when the API shows a seat
// sold twice, or a booked seat not sold, or could not be checked.
var ErrVerification = errors.New("verification failed")

// errStop ends a user's visit: the rush is over.
var errStop = errors.New("rush over")

// Report is the outcome of a rush.
type Report struct {
	Config     Config       `json:"config"`
	FromPlace  string       `json:"from_place"`
	ToPlace    string       `json:"to_place"`
	Elapsed    Latency      `json:"elapsed_ms"`
	StopReason string       `json:"stop_reason"` // duration, max-requests or interrupted
	Requests   int          `json:"requests"`
	Steps      []StepReport `json:"steps"`
	// What the users did with the answers.
	Holds       int          `json:"holds"`         // 201 holds
	SeatsHeld   int          `json:"seats_held"`    // seats in them
	Bookings    int          `json:"bookings"`      // 201 bookings
	Released    int          `json:"released"`      // holds given back with DELETE
	Abandoned   int          `json:"abandoned"`     // holds left to expire
	SoldOutSeen int          `json:"sold_out_seen"` // visits that found too few seats left
	Verify      Verification `json:"verification"`
}

// runner is the state shared by the users of one rush.
type runner struct {
	cfg       Config
	client    *http.Client
	base      string
	runID     string // keeps Idempotency-Keys of different rushes apart
	deadline  time.Time
	sent      atomic.Int64
	budgetHit atomic.Bool
	from, to  place
}

// user is one virtual passenger; nothing in it is shared.
type user struct {
	r     *runner
	n     int
	rng   *mrand.Rand
	steps [numSteps]stats
	seq   int
	// Outcomes, as in Report.
	holds, seatsHeld, released, abandoned, soldOut int
	sales                                          []Sale
}

// Run runs one rush against cfg.Target with client (see NewClient) until
// cfg.Duration passes, cfg.MaxRequests have been sent or ctx is cancelled,
// then verifies what was sold. The error wraps ErrVerification when the
// check fails; the report is complete then too.
func Run(ctx context.Context, cfg Config, client *http.Client) (Report, error) {
	base, err := cfg.check(time.Now())
	if err != nil {
		return Report{Config: cfg}, err
	}
	r := &runner{cfg: cfg, client: client, base: base.String(), runID: newRunID()}
	rep := Report{Config: cfg}
	start := time.Now()
	r.deadline = start.Add(cfg.Duration)

	// Resolving the places and looking once for trips happen before the
	// crowd arrives, so that a typo in a name or a date without trips
	// fails at once instead of as thousands of identical errors.
	setup := &user{r: r}
	if err := setup.prepare(ctx); err != nil {
		return rep, err
	}
	rep.FromPlace, rep.ToPlace = r.from.Name, r.to.Name

	users := make([]*user, cfg.Users)
	var wg sync.WaitGroup
	for i := range users {
		u := &user{r: r, n: i + 1, rng: mrand.New(mrand.NewPCG(cfg.Seed, uint64(i+1)))}
		users[i] = u
		wg.Go(func() { u.run(ctx) })
	}
	wg.Wait()
	elapsed := time.Since(start)

	var all [numSteps]stats
	var sales []Sale
	for _, u := range append(users, setup) {
		for i := range all {
			all[i].merge(&u.steps[i])
		}
		rep.Holds += u.holds
		rep.SeatsHeld += u.seatsHeld
		rep.Released += u.released
		rep.Abandoned += u.abandoned
		rep.SoldOutSeen += u.soldOut
		sales = append(sales, u.sales...)
	}
	rep.Elapsed = Latency(elapsed)
	for i := range all {
		s := all[i].report(stepNames[i], elapsed)
		rep.Steps = append(rep.Steps, s)
		rep.Requests += s.Count
	}
	rep.Bookings = len(sales)
	switch {
	case ctx.Err() != nil:
		rep.StopReason = "interrupted"
	case r.budgetHit.Load():
		rep.StopReason = "max-requests"
	default:
		rep.StopReason = "duration"
	}

	// The check runs even after an interrupt, briefly: a rush that stops
	// half way is when a double sale is most worth knowing about.
	vctx, cancel := context.WithTimeout(context.WithoutCancel(ctx), 30*time.Second)
	defer cancel()
	rep.Verify = r.verify(vctx, sales)
	if !rep.Verify.OK() {
		return rep, fmt.Errorf("%w: %d double sales, %d booked seats not shown sold, %d seat maps unread",
			ErrVerification, len(rep.Verify.DoubleSales), len(rep.Verify.Missing), len(rep.Verify.Errors))
	}
	return rep, nil
}

func newRunID() string {
	b := make([]byte, 6)
	rand.Read(b)
	return hex.EncodeToString(b)
}

// do sends one load request, counting it under step. It returns errStop
// without sending when the rush is over, and the transport error when no
// answer came.
func (u *user) do(ctx context.Context, step int, method, path, key string, body, out any) (int, string, error) {
	r := u.r
	if ctx.Err() != nil || !time.Now().Before(r.deadline) {
		return 0, "", errStop
	}
	if r.sent.Add(1) > int64(r.cfg.MaxRequests) {
		r.budgetHit.Store(true)
		return 0, "", errStop
	}
	start := time.Now()
	status, code, err := r.call(ctx, method, path, key, body, out)
	if status == 0 && ctx.Err() != nil {
		// Cut off by the interrupt: not the server's failure.
		return 0, "", errStop
	}
	u.steps[step].record(status, time.Since(start))
	return status, code, err
}

// backoff pauses a user after the server failed it, so a struggling
// server is not hammered harder; jitter keeps users from returning in step.
func (u *user) backoff(ctx context.Context) error {
	return u.pause(ctx, 100*time.Millisecond+time.Duration(u.rng.Int64N(int64(200*time.Millisecond))))
}

// pause sleeps for d, but not past the end of the rush.
func (u *user) pause(ctx context.Context, d time.Duration) error {
	t := time.NewTimer(min(d, max(time.Until(u.r.deadline), 0)))
	defer t.Stop()
	select {
	case <-ctx.Done():
		return errStop
	case <-t.C:
		return nil
	}
}

func (u *user) prepare(ctx context.Context) error {
	r := u.r
	var err error
	if r.from, err = u.place(ctx, r.cfg.From); err != nil {
		return err
	}
	if r.to, err = u.place(ctx, r.cfg.To); err != nil {
		return err
	}
	var hits []tripHit
	status, code, err := u.do(ctx, stepSearch, http.MethodGet, r.searchPath(), "", nil, &hits)
	switch {
	case err != nil:
		return fmt.Errorf("searching trips: %w", err)
	case status != http.StatusOK:
		return fmt.Errorf("searching trips %s → %s on %s: status %d %s", r.from.Name, r.to.Name, r.cfg.Date, status, code)
	case len(hits) == 0:
		return fmt.Errorf("no trips %s → %s on %s", r.from.Name, r.to.Name, r.cfg.Date)
	}
	return nil
}

func (r *runner) searchPath() string {
	return fmt.Sprintf("/api/v1/trips?from=%d&to=%d&date=%s", r.from.ID, r.to.ID, r.cfg.Date)
}

func (u *user) place(ctx context.Context, name string) (place, error) {
	var hits []place
	status, code, err := u.do(ctx, stepSearch, http.MethodGet, "/api/v1/places?q="+url.QueryEscape(name), "", nil, &hits)
	switch {
	case err != nil:
		return place{}, fmt.Errorf("looking up %q: %w", name, err)
	case status != http.StatusOK:
		return place{}, fmt.Errorf("looking up %q: status %d %s", name, status, code)
	case len(hits) == 0:
		return place{}, fmt.Errorf("no place matches %q", name)
	}
	return hits[0], nil
}

func (u *user) run(ctx context.Context) {
	for u.visit(ctx) == nil {
	}
}

// failed handles a request that did not get the answer the visit needed:
// after a transport error or a 5xx the user backs off before trying again.
func (u *user) failed(ctx context.Context, status int, err error) error {
	if errors.Is(err, errStop) {
		return errStop
	}
	if status == 0 || status >= 500 {
		return u.backoff(ctx)
	}
	return nil
}

// visit is one passenger's attempt: search, open a trip, hold seats, then
// book, release or walk away. A nil error means "go again".
func (u *user) visit(ctx context.Context) error {
	r := u.r
	var hits []tripHit
	status, _, err := u.do(ctx, stepSearch, http.MethodGet, r.searchPath(), "", nil, &hits)
	if err != nil || status != http.StatusOK {
		return u.failed(ctx, status, err)
	}
	hit, ok := u.pickTrip(hits)
	if !ok {
		u.soldOut++
		// Everything is gone: a person would refresh now and then, not
		// hundreds of times a second.
		return u.pause(ctx, 200*time.Millisecond)
	}

	var view tripView
	path := fmt.Sprintf("/api/v1/trips/%d?from=%d&to=%d", hit.ID, hit.FromStop.Index, hit.ToStop.Index)
	status, _, err = u.do(ctx, stepTrip, http.MethodGet, path, "", nil, &view)
	if err != nil || status != http.StatusOK {
		return u.failed(ctx, status, err)
	}
	seats, ok := u.pickSeats(view.available())
	if !ok {
		u.soldOut++
		return nil
	}

	u.seq++
	var h hold
	req := holdRequest{TripID: hit.ID, From: hit.FromStop.Index, To: hit.ToStop.Index, Seats: seats}
	status, err = u.post(ctx, stepHold, "/api/v1/holds", fmt.Sprintf("rush-%s-%d-%d-hold", r.runID, u.n, u.seq), req, &h)
	if err != nil || status != http.StatusCreated {
		return u.failed(ctx, status, err)
	}
	u.holds++
	u.seatsHeld += len(seats)

	switch {
	case u.rng.Float64() < r.cfg.BookFraction:
		return u.book(ctx, h, view)
	case u.rng.Float64() < r.cfg.ReleaseFraction:
		return u.release(ctx, h)
	}
	u.abandoned++
	return nil
}

// pickTrip chooses among the trips with enough seats left. In hot mode
// everyone takes one of the first few in the server's order, as a crowd
// does with the trips at the top of the list; when those sell out the
// crowd moves on to the next ones together.
func (u *user) pickTrip(hits []tripHit) (tripHit, bool) {
	var open []tripHit
	for _, h := range hits {
		if h.SeatsAvailable >= u.r.cfg.Seats {
			open = append(open, h)
		}
	}
	if len(open) == 0 {
		return tripHit{}, false
	}
	if u.r.cfg.Mode == ModeHot {
		open = open[:min(len(open), u.r.cfg.HotTrips)]
	}
	return open[u.rng.IntN(len(open))], true
}

// pickSeats takes the first free seats in hot mode, so that users collide
// on them, and random free seats otherwise.
func (u *user) pickSeats(free []string) ([]string, bool) {
	n := u.r.cfg.Seats
	if len(free) < n {
		return nil, false
	}
	if u.r.cfg.Mode == ModeHot {
		return free[:n], true
	}
	u.rng.Shuffle(len(free), func(i, j int) { free[i], free[j] = free[j], free[i] })
	return free[:n], true
}

// post sends a POST that creates something, with an Idempotency-Key. When
// no answer came or the server failed, it retries with the same key, so a
// hold or booking made by a request whose answer was lost is answered
// again rather than made twice, and is counted in the verification.
func (u *user) post(ctx context.Context, step int, path, key string, body, out any) (int, error) {
	for attempt := 1; ; attempt++ {
		status, code, err := u.do(ctx, step, http.MethodPost, path, key, body, out)
		retry := status == 0 || status >= 500 || status == http.StatusConflict && code == "request_in_progress"
		if errors.Is(err, errStop) || !retry || attempt == 3 {
			return status, err
		}
		if err := u.backoff(ctx); err != nil {
			return 0, err
		}
	}
}

func (u *user) book(ctx context.Context, h hold, view tripView) error {
	if len(view.PickupPoints) == 0 || len(view.DropoffPoints) == 0 {
		return u.release(ctx, h)
	}
	method := "bank_transfer"
	if u.rng.IntN(2) == 1 {
		method = "counter"
	}
	req := bookingRequest{HoldID: h.ID,
		PickupPointID:  view.PickupPoints[u.rng.IntN(len(view.PickupPoints))].ID,
		DropoffPointID: view.DropoffPoints[u.rng.IntN(len(view.DropoffPoints))].ID,
		// 0912 is Vinaphone; 09120 + 5 digits gives each user its own number.
		Contact:       contact{Name: fmt.Sprintf("Khách Tết %d", u.n), Phone: fmt.Sprintf("09120%05d", u.n)},
		PaymentMethod: method}
	var b bookingAnswer
	status, err := u.post(ctx, stepBook, "/api/v1/bookings", fmt.Sprintf("rush-%s-%d-%d-book", u.r.runID, u.n, u.seq), req, &b)
	if status == http.StatusCreated && err == nil {
		u.sales = append(u.sales, b.sale())
		return nil
	}
	if errors.Is(err, errStop) || status == 0 || status >= 500 {
		return u.failed(ctx, status, err)
	}
	// Refused (say the counter closed for this trip): give the seats back
	// as a person who gives up would.
	return u.release(ctx, h)
}

func (u *user) release(ctx context.Context, h hold) error {
	status, _, err := u.do(ctx, stepRelease, http.MethodDelete, "/api/v1/holds/"+url.PathEscape(h.ID), "", nil, nil)
	if err != nil || status != http.StatusNoContent {
		return u.failed(ctx, status, err)
	}
	u.released++
	return nil
}

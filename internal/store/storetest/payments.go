package storetest

import (
	"context"
	"errors"
	"github.com/benxe/benxe/internal/payment/match"
	"sync"
	"testing"
	"time"

	"github.com/benxe/benxe/internal/booking"
	"github.com/benxe/benxe/internal/store"
)

// paymentTests are the money promises: each payment counted once, applied
// to the right booking, and never a paid booking without seats.
var paymentTests = []struct {
	name string
	fn   func(*testing.T, Opener)
}{
	{"PaymentOnceInFull", testPaymentOnceInFull},
	{"PaymentPartsAndSurplus", testPaymentPartsAndSurplus},
	{"PaymentUnmatchedAndLate", testPaymentUnmatchedAndLate},
	{"PaymentsRaceTheExpiryJob", testPaymentsRaceTheExpiryJob},
	{"CancelSeatsByPolicy", testCancelSeatsByPolicy},
	{"RefundsSettleOnce", testRefundsSettleOnce},
	{"OperatorDecides", testOperatorDecides},
	{"Reconcile", testReconcile},
}

func (f *Fixture) booked(t *testing.T, at time.Duration, seats ...string) booking.Booking {
	t.Helper()
	h, err := f.Hold(t, 0, 2, at, seats...)
	if err != nil {
		t.Fatal(err)
	}
	b, err := f.Book(t, h, "0912345678", "", f.Now.Add(at))
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func (f *Fixture) pay(t *testing.T, ref, content string, amount int64, at time.Duration) store.Outcome {
	t.Helper()
	out, err := f.Store.ReceivePayment(context.Background(), store.Incoming{Provider: "sepay", Ref: ref,
		Candidates: match.Candidates(content), Amount: amount, Content: content}, f.Now.Add(at))
	if err != nil {
		t.Fatal(err)
	}
	return out
}

func testPaymentOnceInFull(t *testing.T, open Opener) {
	f := NewFixture(t, open(t))
	b := f.booked(t, 0, "A01")
	out := f.pay(t, "tx1", b.Code, b.Total, time.Minute)
	if out.Result != store.PaidInFull || out.Status != booking.Confirmed || out.Duplicate {
		t.Fatalf("payment: %+v", out)
	}
	again := f.pay(t, "tx1", b.Code, b.Total, 2*time.Minute)
	if !again.Duplicate || again.Result != store.PaidInFull || again.Owed != 0 {
		t.Errorf("replayed callback: %+v", again)
	}
	// A second, genuine transfer for a paid booking is owed back.
	if dup := f.pay(t, "tx2", b.Code, b.Total, 3*time.Minute); dup.Result != store.RefundOwed || dup.Owed != b.Total {
		t.Errorf("second transfer: %+v", dup)
	}
	if rs, _ := f.Store.Refunds(context.Background(), store.RefundPending, 10); len(rs) != 1 {
		t.Errorf("refunds owed: %+v", rs)
	}
	CheckInvariants(t, f.Store)
}

func testPaymentPartsAndSurplus(t *testing.T, open Opener) {
	f := NewFixture(t, open(t))
	b := f.booked(t, 0, "A01")
	part := f.pay(t, "p1", "ck "+b.Code, 100000, time.Minute)
	if part.Result != store.PaidPart || part.Missing != b.Total-100000 || part.Status != booking.PendingPayment {
		t.Fatalf("part payment: %+v", part)
	}
	rest := f.pay(t, "p2", b.Code, b.Total-100000+20000, 2*time.Minute)
	if rest.Result != store.Overpaid || rest.Owed != 20000 || rest.Status != booking.Confirmed {
		t.Fatalf("rest with surplus: %+v", rest)
	}
	// An underpaid booking that expires owes its part back.
	b2 := f.booked(t, 0, "A02")
	f.pay(t, "p3", b2.Code, 50000, time.Minute)
	if _, err := f.Store.ExpireBookings(context.Background(), f.Now.Add(time.Hour), 10); err != nil {
		t.Fatal(err)
	}
	rs, _ := f.Store.Refunds(context.Background(), store.RefundPending, 10)
	if len(rs) != 2 || rs[1].Amount != 50000 || rs[1].BookingCode != b2.Code {
		t.Errorf("refunds: %+v", rs)
	}
	CheckInvariants(t, f.Store)
}

func testPaymentUnmatchedAndLate(t *testing.T, open Opener) {
	f := NewFixture(t, open(t))
	if out := f.pay(t, "u1", "chuyen tien an trua", 300000, 0); out.Result != store.Unmatched {
		t.Errorf("no code: %+v", out)
	}
	// Late, seats still free: accepted, seats taken back for good.
	b := f.booked(t, 0, "A01", "A02")
	late := f.pay(t, "l1", b.Code, b.Total, 45*time.Minute)
	if late.Result != store.LateAccepted || late.Status != booking.Confirmed {
		t.Fatalf("late with free seats: %+v", late)
	}
	if _, err := f.Hold(t, 0, 1, 50*time.Minute, "A01"); code(err) != "seat_unavailable" {
		t.Errorf("revived seat sold again: %v", err)
	}
	// Late, a seat resold meanwhile: refused and owed back whole.
	b2 := f.booked(t, 0, "B01")
	if _, err := f.Store.ExpireBookings(context.Background(), f.Now.Add(31*time.Minute), 10); err != nil {
		t.Fatal(err)
	}
	if _, err := f.Hold(t, 1, 2, 32*time.Minute, "B01"); err != nil {
		t.Fatal(err)
	}
	refused := f.pay(t, "l2", b2.Code, b2.Total, 33*time.Minute)
	if refused.Result != store.LateRefused || refused.Owed != b2.Total || refused.Status != booking.Expired {
		t.Errorf("late with a seat gone: %+v", refused)
	}
	CheckInvariants(t, f.Store)
}

// testPaymentsRaceTheExpiryJob: transfers arriving just around the deadline
// while expiry jobs run: whatever wins, no paid booking lacks seats and no
// money is lost (paid, or owed back).
func testPaymentsRaceTheExpiryJob(t *testing.T, open Opener) {
	f := NewFixture(t, open(t))
	ctx := context.Background()
	var bs []booking.Booking
	for _, s := range []string{"A01", "A02", "A03", "A04", "A05", "A06"} {
		bs = append(bs, f.booked(t, 0, s))
	}
	var wg sync.WaitGroup
	outs := make([]store.Outcome, len(bs))
	for i, b := range bs {
		wg.Add(1)
		go func(i int, b booking.Booking) {
			defer wg.Done()
			at := 30*time.Minute - time.Duration(i%2)*time.Millisecond
			out, err := f.Store.ReceivePayment(ctx, store.Incoming{Provider: "casso", Ref: b.Code, Candidates: []string{b.Code}, Amount: b.Total}, f.Now.Add(at))
			if err != nil && !errors.Is(err, store.ErrBusy) {
				t.Error(err)
			}
			outs[i] = out
		}(i, b)
	}
	for j := 0; j < 3; j++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			if _, err := f.Store.ExpireBookings(ctx, f.Now.Add(30*time.Minute), 2); err != nil && !errors.Is(err, store.ErrBusy) {
				t.Error(err)
			}
		}()
	}
	wg.Wait()
	for i, out := range outs {
		switch out.Result {
		case store.PaidInFull, store.LateAccepted:
		default:
			// Every seat is free again after expiry, so late money must
			// have been accepted.
			t.Errorf("%s: %+v", bs[i].Code, out)
		}
	}
	CheckInvariants(t, f.Store)
}

func testCancelSeatsByPolicy(t *testing.T, open Opener) {
	f := NewFixture(t, open(t))
	ctx := context.Background()
	b := f.booked(t, 0, "A01", "A02", "A03")
	f.pay(t, "c1", b.Code, b.Total, time.Minute)
	// The trip leaves at Now+24h; the policy: free from 24 h before, else 100 %.
	if n, err := f.Store.CancelSeats(ctx, b.Code, "0912345678", []string{"A01"}, f.Now.Add(-time.Minute)); err != nil || n != 300000 {
		t.Errorf("free cancellation: refund %d, %v", n, err)
	}
	if err := f.Store.Board(ctx, b.Code, "A02", f.Now.Add(24*time.Hour)); err != nil {
		t.Fatal(err)
	}
	if _, err := f.Store.CancelSeats(ctx, b.Code, "0912345678", []string{"A02"}, f.Now.Add(24*time.Hour)); code(err) != "seat_boarded" {
		t.Errorf("cancelling a boarded seat: %v", err)
	}
	if _, err := f.Store.CancelSeats(ctx, b.Code, "0900000000", []string{"A03"}, f.Now); code(err) != "booking_not_found" {
		t.Errorf("wrong phone: %v", err)
	}
	if _, err := f.Hold(t, 0, 2, time.Hour, "A01"); err != nil {
		t.Errorf("cancelled seat not free: %v", err)
	}
	CheckInvariants(t, f.Store)
}

func testRefundsSettleOnce(t *testing.T, open Opener) {
	f := NewFixture(t, open(t))
	ctx := context.Background()
	b := f.booked(t, 0, "A01")
	f.pay(t, "r1", b.Code, b.Total+10000, time.Minute)
	rs, _ := f.Store.Refunds(ctx, store.RefundPending, 10)
	if len(rs) != 1 || rs[0].Amount != 10000 {
		t.Fatalf("refunds: %+v", rs)
	}
	if err := f.Store.SetRefundAccount(ctx, rs[0].ID, "970436 0123456789", f.Now); err != nil {
		t.Fatal(err)
	}
	var wg sync.WaitGroup
	oks := make(chan bool, 4)
	for i := 0; i < 4; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			oks <- f.Store.SettleRefund(ctx, rs[0].ID, true, "payout-1", f.Now.Add(time.Hour)) == nil
		}()
	}
	wg.Wait()
	close(oks)
	n := 0
	for ok := range oks {
		if ok {
			n++
		}
	}
	if n != 1 {
		t.Errorf("refund settled %d times", n)
	}
	if err := f.Store.SettleRefund(ctx, rs[0].ID, false, "", f.Now.Add(2*time.Hour)); code(err) != "refund_not_pending" {
		t.Errorf("failing a done refund: %v", err)
	}
}

func testOperatorDecides(t *testing.T, open Opener) {
	f := NewFixture(t, open(t))
	ctx := context.Background()
	b := f.booked(t, 0, "A01")
	if _, err := f.Store.Decide(ctx, b.Code, true, "operator:1", f.Now); code(err) != "not_awaiting_operator" {
		t.Errorf("deciding an unpaid booking: %v", err)
	}
	f.pay(t, "d1", b.Code, b.Total, time.Minute)
	// The fixture's operator confirms instantly: nothing awaits.
	if _, err := f.Store.Decide(ctx, b.Code, false, "operator:1", f.Now); code(err) != "not_awaiting_operator" {
		t.Errorf("rejecting a confirmed booking: %v", err)
	}
}

package storetest

import (
	"context"
	"errors"
	"sync"
	"testing"
	"time"

	"github.com/benxe/benxe/internal/booking"
	"github.com/benxe/benxe/internal/payment/match"
	"github.com/benxe/benxe/internal/store"
)

func (f *Fixture) payVia(t *testing.T, provider, ref, content string, amount int64, at time.Duration) store.Outcome {
	t.Helper()
	out, err := f.Store.ReceivePayment(context.Background(), store.Incoming{Provider: provider, Ref: ref,
		Candidates: match.Candidates(content), Amount: amount, Content: content}, f.Now.Add(at))
	if err != nil {
		t.Fatal(err)
	}
	return out
}

// testReconcile: a day of transfers through two providers — paid in full,
// in parts, with a surplus, twice, unmatched then assigned by hand, and a
// booking paid across midnight — reconciles per provider and balances.
func testReconcile(t *testing.T, open Opener) {
	f := NewFixture(t, open(t))
	ctx := context.Background()

	b1 := f.booked(t, 0, "A01")
	b2 := f.booked(t, 0, "A02")
	b3 := f.booked(t, 0, "A03")
	b4 := f.booked(t, 0, "A04")
	f.payVia(t, "sepay", "s1", "ck "+b1.Code, b1.Total, time.Minute)
	if out := f.payVia(t, "sepay", "s2", b2.Code, 100000, 2*time.Minute); out.Result != store.PaidPart || out.Missing != b2.Total-100000 {
		t.Fatalf("part payment: %+v", out)
	}
	// The part-payment names its booking, and a replay says so.
	if out := f.payVia(t, "sepay", "s2", b2.Code, 100000, 3*time.Minute); !out.Duplicate || out.Result != store.PaidPart || out.Code != b2.Code {
		t.Errorf("replayed part payment: %+v", out)
	}
	if p, err := f.Store.PaymentByRef(ctx, "sepay", "s2"); err != nil || p.Outcome != store.PaidPart || p.BookingCode != b2.Code || p.Amount != 100000 {
		t.Errorf("PaymentByRef: %+v, %v", p, err)
	}
	if m, err := f.Store.BookingMoney(ctx, b2.Code); err != nil || m.Paid != 100000 || len(m.Refunds) != 0 {
		t.Errorf("BookingMoney after a part: %+v, %v", m, err)
	}
	f.payVia(t, "sepay", "s3", b2.Code, b2.Total-100000+20000, 4*time.Minute) // 20 000 too much
	f.payVia(t, "sepay", "u1", "chuyen tien an trua", 77000, 5*time.Minute)
	f.payVia(t, "sepay", "s4", b1.Code, 10000, 6*time.Minute) // b1 is paid already: owed back
	f.payVia(t, "casso", "c1", b3.Code, 50000, 7*time.Minute)
	f.payVia(t, "casso", "u2", "thanh toan ve xe", b4.Total, 8*time.Minute)

	// Only the two transfers without a code are unmatched: part-payments are not.
	un, err := f.Store.UnmatchedPayments(ctx, 10)
	if err != nil || len(un) != 2 || un[0].Ref != "u1" || un[1].Ref != "u2" || un[1].Amount != b4.Total || un[1].BookingCode != "" {
		t.Fatalf("unmatched: %+v, %v", un, err)
	}
	if _, err := f.Store.AssignPayment(ctx, un[1].ID, "ZZZZZZZZ", "operator:test", f.Now.Add(9*time.Minute)); code(err) != "booking_not_found" {
		t.Errorf("assigning to an unknown code: %v", err)
	}
	// Operators clicking at once apply the transfer once.
	var wg sync.WaitGroup
	results := make(chan error, 4)
	for range 4 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			out, err := f.Store.AssignPayment(ctx, un[1].ID, b4.Code, "operator:test", f.Now.Add(10*time.Minute))
			if err == nil && (out.Result != store.PaidInFull || out.Status != booking.Confirmed || out.Code != b4.Code) {
				t.Errorf("assigned: %+v", out)
			}
			results <- err
		}()
	}
	wg.Wait()
	close(results)
	ok := 0
	for err := range results {
		switch {
		case err == nil:
			ok++
		case code(err) == "payment_not_unmatched", errors.Is(err, store.ErrBusy):
		default:
			t.Errorf("assign: %v", err)
		}
	}
	if ok != 1 {
		t.Fatalf("the transfer was assigned %d times", ok)
	}
	if un, _ := f.Store.UnmatchedPayments(ctx, 10); len(un) != 1 || un[0].Ref != "u1" {
		t.Errorf("unmatched after assigning: %+v", un)
	}
	if _, err := f.Store.AssignPayment(ctx, 999999, b4.Code, "operator:test", f.Now); code(err) != "payment_not_found" {
		t.Errorf("assigning an unknown payment: %v", err)
	}

	// Refunds: b1's 10 000 paid out, b2's 20 000 still owed with an account.
	rs, err := f.Store.Refunds(ctx, store.RefundPending, 10)
	if err != nil || len(rs) != 2 {
		t.Fatalf("pending refunds: %+v, %v", rs, err)
	}
	for _, r := range rs {
		if r.BookingCode == b1.Code {
			if err := f.Store.SettleRefund(ctx, r.ID, true, "payout-1", f.Now.Add(time.Hour)); err != nil {
				t.Fatal(err)
			}
		}
	}
	if n, err := f.Store.SetBookingRefundAccount(ctx, b2.Code, "970436 0123456789 NGUYEN VAN A", f.Now.Add(time.Hour)); err != nil || n != 1 {
		t.Errorf("refund account: %d, %v", n, err)
	}
	if _, err := f.Store.SetBookingRefundAccount(ctx, b1.Code, "970436 0123456789 NGUYEN VAN A", f.Now.Add(time.Hour)); code(err) != "no_refund_owed" {
		t.Errorf("refund account without a refund owed: %v", err)
	}
	if m, err := f.Store.BookingMoney(ctx, b2.Code); err != nil || len(m.Refunds) != 1 || m.Refunds[0].Account != "970436 0123456789 NGUYEN VAN A" ||
		m.Refunds[0].Amount != 20000 || m.Refunds[0].Status != store.RefundPending {
		t.Errorf("BookingMoney with a refund: %+v, %v", m, err)
	}

	// A booking made before midnight, paid half then and half after.
	b5 := f.booked(t, 15*time.Hour+50*time.Minute, "B01")
	f.payVia(t, "casso", "c2", b5.Code, 100000, 15*time.Hour+55*time.Minute)
	if out := f.payVia(t, "sepay", "s5", b5.Code, b5.Total-100000, 16*time.Hour+5*time.Minute); out.Result != store.PaidInFull {
		t.Fatalf("paying off after midnight: %+v", out)
	}

	day, err := f.Store.Reconcile(ctx, f.Now)
	if err != nil {
		t.Fatal(err)
	}
	want := []store.Reconciliation{
		{Provider: "casso", Payments: 3, PaymentsIn: 50000 + b4.Total + 100000, PartsOutstanding: 150000,
			BookingsSettled: b4.Total, BookingsCount: 1, Balanced: true},
		{Provider: "sepay", Payments: 5, PaymentsIn: b1.Total + b2.Total + 20000 + 77000 + 10000, OwedFromPayments: 30000,
			Unmatched: 77000, UnmatchedCount: 1, BookingsSettled: b1.Total + b2.Total, BookingsCount: 2,
			RefundsOut: 10000, RefundsPending: 20000, Balanced: true},
	}
	if len(day) != len(want) || day[0] != want[0] || day[1] != want[1] {
		t.Errorf("reconciliation of the day:\n got %+v\nwant %+v", day, want)
	}
	next, err := f.Store.Reconcile(ctx, f.Now.AddDate(0, 0, 1))
	if err != nil {
		t.Fatal(err)
	}
	wantNext := store.Reconciliation{Provider: "sepay", Payments: 1, PaymentsIn: b5.Total - 100000, PartsCarriedIn: 100000,
		BookingsSettled: b5.Total, BookingsCount: 1, Balanced: true}
	if len(next) != 1 || next[0] != wantNext {
		t.Errorf("reconciliation of the next day:\n got %+v\nwant %+v", next, wantNext)
	}
	if empty, err := f.Store.Reconcile(ctx, f.Now.AddDate(0, 0, -1)); err != nil || len(empty) != 0 {
		t.Errorf("a day without money: %+v, %v", empty, err)
	}
	CheckInvariants(t, f.Store)
}

package web

import (
	"net/url"
	"testing"

	"github.com/benxe/benxe/internal/booking"
)

// TestVNPayCallbacksReordered: the gateway's callbacks arrive out of order —
// a failure notice after the success, the success twice with the failure
// between. The booking ends paid once and the late failure changes nothing.
func TestVNPayCallbacksReordered(t *testing.T) {
	b := newBrowser(t)
	base, _ := startTestServer(t)
	secret := SandboxGateways(base).VNPay.HashSecret
	code, token, bk := gwBook(t, b, "sai gon", "vung tau", 4, "", booking.VNPay, 1)
	query := gwStart(t, b, booking.VNPay, code, token, "/sandbox/vnpay/pay")
	q, err := url.ParseQuery(query)
	if err != nil {
		t.Fatal(err)
	}
	txnRef := q.Get("vnp_TxnRef")

	paid := gwVNPayParams(txnRef, bk.Total)
	failed := gwVNPayParams(txnRef, bk.Total, "vnp_ResponseCode", "24", "vnp_TransactionStatus", "02",
		"vnp_TransactionNo", paid["vnp_TransactionNo"]+"9")
	if got := gwVNPayIPN(t, vnpSignedQuery(secret, paid)); got != "00" {
		t.Fatalf("success IPN: RspCode %s", got)
	}
	after := gwStatus(t, code)
	if after.Status != booking.Confirmed {
		t.Fatalf("after the success IPN the booking is %s", after.Status)
	}
	// The failure notice, late: answered, nothing changes.
	if got := gwVNPayIPN(t, vnpSignedQuery(secret, failed)); got != "02" && got != "00" {
		t.Errorf("late failure IPN: RspCode %s", got)
	}
	// The success again, after the failure.
	if got := gwVNPayIPN(t, vnpSignedQuery(secret, paid)); got != "02" {
		t.Errorf("success replayed after the failure: RspCode %s, want 02", got)
	}
	if got := gwStatus(t, code); got.Status != booking.Confirmed || len(got.History) != len(after.History) {
		t.Fatalf("after reordered callbacks the booking is %s with %d events, want confirmed with %d", got.Status, len(got.History), len(after.History))
	}
	if rs := gwRefunds(t, code); len(rs) != 0 {
		t.Errorf("reordered callbacks made refunds: %+v", rs)
	}
}

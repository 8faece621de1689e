package booking

import (
	"strings"
	"testing"
	"time"

	"github.com/benxe/benxe/internal/apperr"
	"github.com/benxe/benxe/internal/catalog"
)

func TestHoldPolicy(t *testing.T) {
	t0 := time.Date(2027, 1, 20, 8, 0, 0, 0, time.UTC)
	p := HoldPolicy{TTL: 10 * time.Minute, Cap: 20 * time.Minute}
	h := Hold{CreatedAt: t0, ExpiresAt: t0.Add(10 * time.Minute), Status: HoldActive}
	if got := p.Extended(h, t0.Add(5*time.Minute)); !got.Equal(t0.Add(15 * time.Minute)) {
		t.Errorf("extend at +5m = %v", got)
	}
	if got := p.Extended(h, t0.Add(15*time.Minute)); !got.Equal(t0.Add(20 * time.Minute)) {
		t.Errorf("extend at +15m = %v, want the cap", got)
	}
	if !h.Live(t0.Add(9*time.Minute)) || h.Live(t0.Add(10*time.Minute)) {
		t.Error("a hold is live until, not at, its expiry")
	}
	if (Hold{Status: HoldReleased, ExpiresAt: t0.Add(time.Hour)}).Live(t0) {
		t.Error("a released hold is live")
	}
}

func TestContact(t *testing.T) {
	c, err := Contact{Name: "  Nguyễn   Văn A ", Phone: "+84 912.345.678", Email: " a@b.vn "}.Normalize()
	if err != nil || c.Name != "Nguyễn Văn A" || c.Phone != "0912345678" || c.Email != "a@b.vn" {
		t.Errorf("Normalize = %+v, %v", c, err)
	}
	for _, c := range []struct {
		in    Contact
		field string
	}{
		{Contact{Phone: "0912345678"}, "contact.name"},
		{Contact{Name: strings.Repeat("a", 101), Phone: "0912345678"}, "contact.name"},
		{Contact{Name: "A"}, "contact.phone"},
		{Contact{Name: "A", Phone: "0241234567"}, "contact.phone"},
		{Contact{Name: "A", Phone: "12345"}, "contact.phone"},
		{Contact{Name: "A", Phone: "0912345678", Email: "not-an-email"}, "contact.email"},
		{Contact{Name: "A", Phone: "0912345678", Email: "A <a@b.vn>"}, "contact.email"},
	} {
		_, err := c.in.Normalize()
		e, ok := apperr.As(err)
		if !ok || e.Field != c.field || e.MessageVI == "" || e.Message == "" {
			t.Errorf("%+v: %v, want an error on %s", c.in, err, c.field)
		}
	}
}

func TestDeadline(t *testing.T) {
	now := time.Date(2027, 1, 20, 8, 0, 0, 0, time.UTC)
	op := catalog.Operator{TransferMinutes: 30, CounterMinutes: 120}
	if d, err := Deadline(BankTransfer, op, now.Add(24*time.Hour), now); err != nil || !d.Equal(now.Add(30*time.Minute)) {
		t.Errorf("transfer: %v, %v", d, err)
	}
	if d, err := Deadline(BankTransfer, op, now.Add(20*time.Minute), now); err != nil || !d.Equal(now.Add(20*time.Minute)) {
		t.Errorf("transfer before a close departure: %v, %v", d, err)
	}
	if d, err := Deadline(Counter, op, now.Add(24*time.Hour), now); err != nil || !d.Equal(now.Add(22*time.Hour)) {
		t.Errorf("counter: %v, %v", d, err)
	}
	if _, err := Deadline(Counter, op, now.Add(time.Hour), now); err == nil {
		t.Error("counter payment allowed after its deadline")
	}
	if CheckMethod("cash") == nil || CheckMethod(BankTransfer) != nil {
		t.Error("CheckMethod")
	}
}

func TestNewCode(t *testing.T) {
	seen := map[string]bool{}
	for i := 0; i < 1000; i++ {
		c := NewCode()
		if len(c) != 8 || strings.ContainsAny(c, "01OI") || seen[c] {
			t.Fatalf("bad or repeated code %q", c)
		}
		seen[c] = true
	}
	if NormalizeCode(" abcd efgh ") != "ABCDEFGH" {
		t.Error("NormalizeCode")
	}
}

func TestDue(t *testing.T) {
	for _, c := range []struct {
		b    Booking
		want int64
	}{
		{Booking{Status: PendingPayment, Total: 300000}, 300000},
		{Booking{Status: PendingPayment, Total: 300000, Paid: 100000}, 200000},
		{Booking{Status: Confirmed, Total: 300000, Paid: 330000}, 300000},
		{Booking{Status: Expired, Total: 300000, Paid: 100000}, 300000},
	} {
		if got := c.b.Due(); got != c.want {
			t.Errorf("%+v: Due = %d, want %d", c.b, got, c.want)
		}
	}
}

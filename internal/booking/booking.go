// Package booking holds the rules of holds and bookings: their lifecycle,
// codes, contacts and payment deadlines.
package booking

import (
	"crypto/rand"
	"net/mail"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/benxe/benxe/internal/apperr"
	"github.com/benxe/benxe/internal/catalog"
	"github.com/benxe/benxe/internal/pricing"
	"github.com/benxe/benxe/internal/vn"
)

// Statuses of a booking (DOMAIN.md, booking lifecycle).
const (
	PendingPayment      = "pending_payment"
	AwaitingOperator    = "awaiting_operator"
	Confirmed           = "confirmed"
	Expired             = "expired"
	Cancelled           = "cancelled"
	CancelledByOperator = "cancelled_by_operator"
	Boarded             = "boarded"
)

// Payment methods.
const (
	BankTransfer = "bank_transfer"
	Counter      = "counter"
	VNPay        = "vnpay"
	MoMo         = "momo"
)

// Hold statuses.
const (
	HoldActive   = "active"
	HoldReleased = "released"
	HoldBooked   = "booked"
)

// MaxSeats is how many seats one hold may take: enough for a family, not
// enough to corner a trip.
const MaxSeats = 10

// Hold is seats on one trip for one segment, kept for a while.
type Hold struct {
	ID        string
	TripID    int64
	From, To  int
	Seats     []string
	Amount    int64
	CreatedAt time.Time
	ExpiresAt time.Time
	Status    string
}

// Live says whether the hold still keeps its seats at now.
func (h Hold) Live(now time.Time) bool {
	return h.Status == HoldActive && now.Before(h.ExpiresAt)
}

// HoldPolicy is how long holds last.
type HoldPolicy struct {
	TTL time.Duration // a new hold, and each extension, lasts this long
	Cap time.Duration // no hold outlives its creation by more than this
}

// DefaultHoldPolicy: 10 minutes, extendable to 20.
var DefaultHoldPolicy = HoldPolicy{TTL: 10 * time.Minute, Cap: 20 * time.Minute}

// Extended is the new expiry of h extended at now.
func (p HoldPolicy) Extended(h Hold, now time.Time) time.Time {
	return minTime(now.Add(p.TTL), h.CreatedAt.Add(p.Cap))
}

// Contact is who to reach about a booking.
type Contact struct {
	Name  string `json:"name"`
	Phone string `json:"phone"`
	Email string `json:"email,omitempty"`
}

// Normalize validates c and returns it in its stored form.
func (c Contact) Normalize() (Contact, error) {
	c.Name = strings.Join(strings.Fields(c.Name), " ")
	if c.Name == "" {
		return c, apperr.Field("contact.name", "required", "Vui lòng nhập họ tên.", "Please enter your name.")
	}
	if utf8.RuneCountInString(c.Name) > 100 {
		return c, apperr.Field("contact.name", "too_long", "Họ tên tối đa 100 ký tự.", "The name can have at most 100 characters.")
	}
	phone, err := vn.NormalizePhone(c.Phone)
	if err != nil {
		return c, PhoneError("contact.phone", err)
	}
	c.Phone = phone
	c.Email = strings.TrimSpace(c.Email)
	if c.Email != "" {
		a, err := mail.ParseAddress(c.Email)
		if err != nil || a.Address != c.Email || len(c.Email) > 254 {
			return c, apperr.Field("contact.email", "invalid_email", "Email không hợp lệ.", "This is not a valid email address.")
		}
	}
	return c, nil
}

// PhoneError explains a vn.NormalizePhone error for field.
func PhoneError(field string, err error) error {
	switch err {
	case vn.ErrPhoneEmpty:
		return apperr.Field(field, "required", "Vui lòng nhập số điện thoại.", "Please enter a phone number.")
	case vn.ErrPhonePrefix:
		return apperr.Field(field, "invalid_phone", "Số điện thoại không phải số di động Việt Nam.", "This is not a Vietnamese mobile number.")
	}
	return apperr.Field(field, "invalid_phone", "Số điện thoại phải có 10 chữ số, ví dụ 0912345678.", "A phone number has 10 digits, e.g. 0912345678.")
}

// Booking is an order (đơn đặt vé).
type Booking struct {
	ID              int64
	Code            string
	TripID          int64
	HoldID          string
	From, To        int
	PickupPointID   int64
	DropoffPointID  int64
	Contact         Contact
	PaymentMethod   string
	PromoID         int64
	Lines           []pricing.Line
	Total           int64
	Paid            int64 // received so far towards the total, while pending
	Status          string
	PaymentDeadline time.Time
	CreatedAt       time.Time
	Tickets         []Ticket
	History         []Event
}

// Due is what is still to pay: the whole total, or what a part-payment
// left while the booking waits for the rest.
func (b Booking) Due() int64 {
	if b.Status == PendingPayment && b.Paid > 0 && b.Paid < b.Total {
		return b.Total - b.Paid
	}
	return b.Total
}

// Ticket is one seat of a booking.
type Ticket struct {
	Seat      string `json:"seat"`
	SeatKind  string `json:"seat_kind"`
	Passenger string `json:"passenger,omitempty"`
	Fare      int64  `json:"fare"`
	Status    string `json:"status"` // active, cancelled or boarded
}

// Event is one entry of a booking's history.
type Event struct {
	At   time.Time
	From string
	To   string
	By   string
	Note string
}

// Request is what a passenger submits to book held seats.
type Request struct {
	HoldID         string
	PickupPointID  int64
	DropoffPointID int64
	Contact        Contact
	Passengers     map[string]string // seat → name
	PaymentMethod  string
	PromoCode      string
}

// CheckMethod validates a payment method name.
func CheckMethod(m string) error {
	switch m {
	case BankTransfer, Counter, VNPay, MoMo:
		return nil
	}
	return apperr.Field("payment_method", "invalid_payment_method",
		"Phương thức thanh toán không hợp lệ (bank_transfer, counter, vnpay hoặc momo).",
		"Unknown payment method (bank_transfer, counter, vnpay or momo).")
}

// CheckOffered refuses a method the operator does not take.
func CheckOffered(m string, op catalog.Operator) error {
	for _, x := range op.Methods {
		if x == m {
			return nil
		}
	}
	return apperr.Field("payment_method", "payment_method_not_offered",
		"Nhà xe không nhận phương thức thanh toán này.", "This operator does not take this payment method.")
}

// Deadline is when an unpaid booking expires. Money must arrive before the
// bus leaves the passenger's stop whatever the operator's settings say.
func Deadline(method string, op catalog.Operator, departs, now time.Time) (time.Time, error) {
	var d time.Time
	switch method {
	case BankTransfer:
		d = minTime(now.Add(time.Duration(op.TransferMinutes)*time.Minute), departs)
	case Counter:
		d = departs.Add(-time.Duration(op.CounterMinutes) * time.Minute)
	case VNPay, MoMo:
		d = minTime(now.Add(time.Duration(op.OnlineMinutes)*time.Minute), departs)
	}
	if d.Sub(now) < 5*time.Minute {
		return d, apperr.Field("payment_method", "payment_method_closed",
			"Đã quá hạn để thanh toán bằng phương thức này cho chuyến xe, vui lòng chọn cách khác.",
			"It is too late to pay for this trip by this method; please choose another.")
	}
	return d, nil
}

// codeAlphabet leaves out 0/O and 1/I, which people misread over the phone.
const codeAlphabet = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"

// NewCode makes a booking code.
func NewCode() string {
	b := make([]byte, 8)
	rand.Read(b)
	for i := range b {
		b[i] = codeAlphabet[int(b[i])%len(codeAlphabet)]
	}
	return string(b)
}

// NormalizeCode is how booking codes are compared: codes people type come
// with spaces and lower case.
func NormalizeCode(s string) string {
	return strings.ToUpper(strings.Join(strings.Fields(s), ""))
}

func minTime(a, b time.Time) time.Time {
	if a.Before(b) {
		return a
	}
	return b
}

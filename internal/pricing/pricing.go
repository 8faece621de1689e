// Package pricing turns fares and promo codes into a price breakdown. Money
// is int64 đồng throughout; a breakdown's total is the sum of its lines and
// a discount never exceeds the fare.
package pricing

import (
	"strings"
	"time"

	"github.com/benxe/benxe/internal/apperr"
	"github.com/benxe/benxe/internal/vn"
)

// Line kinds.
const (
	Fare     = "fare"
	Discount = "discount"
	Fee      = "fee"
)

// Line is one line of a price breakdown; discounts are negative.
type Line struct {
	Kind   string `json:"kind"`
	Label  string `json:"label"`
	Amount int64  `json:"amount"`
}

// Quote is a price breakdown.
type Quote struct {
	Lines []Line `json:"lines"`
	Total int64  `json:"total"`
}

// Promo is a promo code (mã giảm giá).
type Promo struct {
	ID          int64
	Code        string
	Percent     int
	Fixed       int64
	MaxDiscount int64 // cap for percent codes, 0 = none
	MinOrder    int64
	ValidFrom   time.Time
	ValidUntil  time.Time
	TotalLimit  int // 0 = unlimited
	PerPhone    int // 0 = unlimited
	OperatorID  int64
	RouteID     int64
	Used        int
}

// Order is what a promo is checked against.
type Order struct {
	Subtotal   int64
	OperatorID int64
	RouteID    int64
	Now        time.Time
	PhoneUses  int // bookings this phone already made with the code; -1 when no phone is known yet
}

// NormalizeCode is how codes are compared: upper case, no spaces.
func NormalizeCode(s string) string {
	return strings.ToUpper(strings.Join(strings.Fields(s), ""))
}

func promoErr(code, vi, en string) error {
	return apperr.New(apperr.Invalid, code, "promo_code", vi, en)
}

// Discount is what p takes off o, or why it cannot be used.
func (p Promo) Discount(o Order) (int64, error) {
	switch {
	case o.Now.Before(p.ValidFrom):
		return 0, promoErr("promo_not_started", "Mã giảm giá chưa đến thời gian áp dụng.", "This promo code is not valid yet.")
	case !o.Now.Before(p.ValidUntil):
		return 0, promoErr("promo_expired", "Mã giảm giá đã hết hạn.", "This promo code has expired.")
	case p.TotalLimit > 0 && p.Used >= p.TotalLimit:
		return 0, promoErr("promo_exhausted", "Mã giảm giá đã hết lượt sử dụng.", "This promo code has been used up.")
	case p.PerPhone > 0 && o.PhoneUses >= p.PerPhone:
		return 0, promoErr("promo_phone_limit", "Số điện thoại này đã dùng hết lượt của mã giảm giá.", "This phone number has already used this promo code as often as allowed.")
	case p.OperatorID != 0 && p.OperatorID != o.OperatorID, p.RouteID != 0 && p.RouteID != o.RouteID:
		return 0, promoErr("promo_not_applicable", "Mã giảm giá không áp dụng cho chuyến xe này.", "This promo code does not apply to this trip.")
	case o.Subtotal < p.MinOrder:
		return 0, promoErr("promo_min_order",
			"Mã giảm giá chỉ áp dụng cho đơn từ "+vn.FormatVND(p.MinOrder)+".",
			"This promo code needs an order of at least "+vn.FormatVND(p.MinOrder)+".")
	}
	d := p.Fixed
	if p.Percent > 0 {
		d = o.Subtotal * int64(p.Percent) / 100
		if p.MaxDiscount > 0 && d > p.MaxDiscount {
			d = p.MaxDiscount
		}
	}
	return min(d, o.Subtotal), nil
}

// Build makes a breakdown of fare lines and an optional discount.
func Build(fares []Line, promo *Promo, discount int64) Quote {
	q := Quote{Lines: append([]Line(nil), fares...)}
	if promo != nil && discount > 0 {
		q.Lines = append(q.Lines, Line{Kind: Discount, Label: "Mã giảm giá " + promo.Code, Amount: -discount})
	}
	for _, l := range q.Lines {
		q.Total += l.Amount
	}
	return q
}

// Subtotal sums the fare lines.
func Subtotal(lines []Line) int64 {
	var s int64
	for _, l := range lines {
		if l.Kind == Fare {
			s += l.Amount
		}
	}
	return s
}

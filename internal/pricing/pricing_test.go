package pricing

import (
	"testing"
	"time"

	"github.com/benxe/benxe/internal/apperr"
)

func TestDiscount(t *testing.T) {
	now := time.Date(2027, 1, 20, 12, 0, 0, 0, time.UTC)
	base := Promo{Code: "X", ValidFrom: now.Add(-time.Hour), ValidUntil: now.Add(time.Hour)}
	order := Order{Subtotal: 400000, OperatorID: 1, RouteID: 2, Now: now}
	with := func(f func(*Promo)) Promo { p := base; f(&p); return p }
	cases := []struct {
		name  string
		promo Promo
		order Order
		want  int64
		code  string
	}{
		{"percent", with(func(p *Promo) { p.Percent = 10 }), order, 40000, ""},
		{"percent capped", with(func(p *Promo) { p.Percent = 50; p.MaxDiscount = 50000 }), order, 50000, ""},
		{"fixed", with(func(p *Promo) { p.Fixed = 30000 }), order, 30000, ""},
		{"never above the fare", with(func(p *Promo) { p.Fixed = 900000 }), order, 400000, ""},
		{"100 percent", with(func(p *Promo) { p.Percent = 100 }), order, 400000, ""},
		{"min order", with(func(p *Promo) { p.Fixed = 1; p.MinOrder = 400001 }), order, 0, "promo_min_order"},
		{"min order met exactly", with(func(p *Promo) { p.Fixed = 1; p.MinOrder = 400000 }), order, 1, ""},
		{"not started", with(func(p *Promo) { p.Fixed = 1; p.ValidFrom = now.Add(time.Minute) }), order, 0, "promo_not_started"},
		{"expired at the second", with(func(p *Promo) { p.Fixed = 1; p.ValidUntil = now }), order, 0, "promo_expired"},
		{"exhausted", with(func(p *Promo) { p.Fixed = 1; p.TotalLimit = 3; p.Used = 3 }), order, 0, "promo_exhausted"},
		{"per phone", with(func(p *Promo) { p.Fixed = 1; p.PerPhone = 1 }), Order{Subtotal: 1, Now: now, PhoneUses: 1}, 0, "promo_phone_limit"},
		{"phone unknown yet", with(func(p *Promo) { p.Fixed = 1; p.PerPhone = 1 }), Order{Subtotal: 1, Now: now}, 1, ""},
		{"other operator", with(func(p *Promo) { p.Fixed = 1; p.OperatorID = 9 }), order, 0, "promo_not_applicable"},
		{"other route", with(func(p *Promo) { p.Fixed = 1; p.RouteID = 9 }), order, 0, "promo_not_applicable"},
		{"own operator and route", with(func(p *Promo) { p.Fixed = 1; p.OperatorID = 1; p.RouteID = 2 }), order, 1, ""},
	}
	for _, c := range cases {
		got, err := c.promo.Discount(c.order)
		code := ""
		if e, ok := apperr.As(err); ok {
			code = e.Code
			if e.Field != "promo_code" || e.Message == "" || e.MessageVI == "" {
				t.Errorf("%s: error lacks field or messages: %+v", c.name, e)
			}
		}
		if got != c.want || code != c.code {
			t.Errorf("%s: Discount = %d, %q; want %d, %q", c.name, got, code, c.want, c.code)
		}
	}
}

func TestBuild(t *testing.T) {
	fares := []Line{{Fare, "Vé A01", 300000}, {Fare, "Vé A02", 300000}}
	q := Build(fares, &Promo{Code: "TET"}, 50000)
	if q.Total != 550000 || len(q.Lines) != 3 || q.Lines[2].Amount != -50000 {
		t.Errorf("Build = %+v", q)
	}
	if q := Build(fares, nil, 0); q.Total != 600000 || len(q.Lines) != 2 {
		t.Errorf("Build without promo = %+v", q)
	}
	if NormalizeCode(" tet 2027 ") != "TET2027" {
		t.Error("NormalizeCode")
	}
}

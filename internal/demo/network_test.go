package demo

import (
	"regexp"
	"strings"
	"testing"
	"time"
	"unicode"
)

// The 34 provinces and centrally-run cities since 1 July 2025.
var provinces34 = []string{
	"Hà Nội", "Huế", "Hải Phòng", "Đà Nẵng", "TP Hồ Chí Minh", "Cần Thơ",
	"Cao Bằng", "Tuyên Quang", "Điện Biên", "Lai Châu", "Sơn La", "Lào Cai",
	"Thái Nguyên", "Lạng Sơn", "Quảng Ninh", "Bắc Ninh", "Phú Thọ", "Hưng Yên",
	"Ninh Bình", "Thanh Hóa", "Nghệ An", "Hà Tĩnh", "Quảng Trị", "Quảng Ngãi",
	"Gia Lai", "Khánh Hòa", "Đắk Lắk", "Lâm Đồng", "Đồng Nai", "Tây Ninh",
	"Đồng Tháp", "Vĩnh Long", "An Giang", "Cà Mau",
}

var vehicles = map[string]bool{"coach45": true, "sleeper40": true, "limo9": true, "cabin22": true}

// VietQR BINs listed in VIETNAM.md.
var bins = map[string]bool{
	"970436": true, "970418": true, "970415": true, "970407": true,
	"970422": true, "970416": true, "970432": true, "970405": true,
}

var (
	mobileRe  = regexp.MustCompile(`^(?:\+?84|0)(3[2-9]|5[25689]|7[06-9]|8[1-9]|9[0-46-9])\d{7}$`)
	hotlineRe = regexp.MustCompile(`^1900 \d{4}$`)
	keyRe     = regexp.MustCompile(`^[a-z0-9]+(-[a-z0-9]+)*$`)
	codeRe    = regexp.MustCompile(`^[A-Z0-9]{4,16}$`)
	accountRe = regexp.MustCompile(`^\d{6,19}$`)
	acctName  = regexp.MustCompile(`^[A-Z ]+$`)
)

func placesByKey(t *testing.T) map[string]Place {
	t.Helper()
	m := map[string]Place{}
	for _, p := range Places {
		if _, dup := m[p.Key]; dup {
			t.Errorf("duplicate place key %q", p.Key)
		}
		m[p.Key] = p
	}
	return m
}

func operatorsByKey(t *testing.T) map[string]Operator {
	t.Helper()
	m := map[string]Operator{}
	for _, o := range Operators {
		if _, dup := m[o.Key]; dup {
			t.Errorf("duplicate operator key %q", o.Key)
		}
		m[o.Key] = o
	}
	return m
}

func parseHHMM(s string) (int, bool) {
	if len(s) != 5 {
		return 0, false
	}
	tm, err := time.Parse("15:04", s)
	if err != nil {
		return 0, false
	}
	return tm.Hour()*60 + tm.Minute(), true
}

func TestPlaces(t *testing.T) {
	if len(Places) < 40 {
		t.Errorf("%d places, want at least 40", len(Places))
	}
	valid := map[string]bool{}
	for _, p := range provinces34 {
		valid[p] = true
	}
	if len(valid) != 34 {
		t.Fatalf("province list has %d distinct names, want 34", len(valid))
	}
	names := map[string]string{}
	owner := map[string]string{} // every name and alias finds one place
	for _, p := range Places {
		for _, a := range append([]string{p.Name}, p.Aliases...) {
			k := strings.ToLower(a)
			if other, dup := owner[k]; dup && other != p.Key {
				t.Errorf("%q names both %s and %s", a, other, p.Key)
			}
			owner[k] = p.Key
		}
	}
	for key, p := range placesByKey(t) {
		if !keyRe.MatchString(key) {
			t.Errorf("place key %q is not a lower-case slug", key)
		}
		if !valid[p.Province] {
			t.Errorf("place %s: province %q is not one of the 34", key, p.Province)
		}
		if p.Kind != "city" && p.Kind != "town" {
			t.Errorf("place %s: kind %q", key, p.Kind)
		}
		if strings.TrimSpace(p.Name) == "" {
			t.Errorf("place %s has no name", key)
		}
		if other, dup := names[p.Name]; dup {
			t.Errorf("places %s and %s share the name %q", other, key, p.Name)
		}
		names[p.Name] = key
		seen := map[string]bool{}
		for _, a := range p.Aliases {
			if strings.TrimSpace(a) == "" || a == p.Name || seen[a] {
				t.Errorf("place %s: empty, redundant or duplicate alias %q", key, a)
			}
			seen[a] = true
		}
	}
}

func TestRequiredAliasesAndProvinces(t *testing.T) {
	places := placesByKey(t)
	aliases := map[string][]string{
		"hcm":       {"Sài Gòn", "Saigon", "TP HCM", "HCM", "Hồ Chí Minh", "Thành phố Hồ Chí Minh", "Miền Đông", "Miền Tây", "An Sương"},
		"hanoi":     {"Hanoi", "Mỹ Đình", "Giáp Bát", "Nước Ngầm", "Gia Lâm", "Yên Nghĩa"},
		"dalat":     {"Dalat"},
		"sapa":      {"Sa Pa"},
		"hue":       {"Hue"},
		"bmt":       {"Ban Mê Thuột", "BMT"},
		"vungtau":   {"Bà Rịa - Vũng Tàu"},
		"thudaumot": {"Bình Dương"},
	}
	for key, want := range aliases {
		p, ok := places[key]
		if !ok {
			t.Errorf("missing place %q", key)
			continue
		}
		have := map[string]bool{}
		for _, a := range p.Aliases {
			have[a] = true
		}
		for _, a := range want {
			if !have[a] {
				t.Errorf("place %s lacks alias %q", key, a)
			}
		}
	}
	// A sample of the 2025 mergers that are easy to get wrong.
	provinces := map[string]string{
		"dalat": "Lâm Đồng", "baoloc": "Lâm Đồng", "phanthiet": "Lâm Đồng",
		"vungtau": "TP Hồ Chí Minh", "nhatrang": "Khánh Hòa", "phanrang": "Khánh Hòa",
		"quynhon": "Gia Lai", "tuyhoa": "Đắk Lắk", "sapa": "Lào Cai", "yenbai": "Lào Cai",
		"hoian": "Đà Nẵng", "soctrang": "Cần Thơ", "rachgia": "An Giang", "mytho": "Đồng Tháp",
		"hagiang": "Tuyên Quang", "donghoi": "Quảng Trị", "kontum": "Quảng Ngãi",
		"baclieu": "Cà Mau", "mocchau": "Sơn La", "bienhoa": "Đồng Nai", "mongcai": "Quảng Ninh",
	}
	for key, want := range provinces {
		if p, ok := places[key]; !ok || p.Province != want {
			t.Errorf("place %s: province %q, want %q", key, p.Province, want)
		}
	}
}

func TestOperators(t *testing.T) {
	if len(Operators) < 20 {
		t.Errorf("%d operators, want at least 20", len(Operators))
	}
	manual := 0
	for key, o := range operatorsByKey(t) {
		if !keyRe.MatchString(key) {
			t.Errorf("operator key %q is not a lower-case slug", key)
		}
		if o.Name == "" {
			t.Errorf("operator %s has no name", key)
		}
		if phone := strings.ReplaceAll(o.Phone, " ", ""); !hotlineRe.MatchString(o.Phone) && !mobileRe.MatchString(phone) {
			t.Errorf("operator %s: phone %q is neither a 1900 hotline nor a mobile", key, o.Phone)
		}
		if o.Rating < 38 || o.Rating > 49 {
			t.Errorf("operator %s: rating %d outside 38..49", key, o.Rating)
		}
		if o.Manual {
			manual++
		}
		if !bins[o.BankBIN] {
			t.Errorf("operator %s: unknown bank BIN %q", key, o.BankBIN)
		}
		if !accountRe.MatchString(o.BankAccount) {
			t.Errorf("operator %s: account %q", key, o.BankAccount)
		}
		if !acctName.MatchString(o.AccountName) {
			t.Errorf("operator %s: account name %q must be upper-case ASCII", key, o.AccountName)
		}
		checkPolicy(t, key, o.Policy)
	}
	if manual == 0 || manual == len(Operators) {
		t.Errorf("%d manual operators of %d, want a few", manual, len(Operators))
	}
}

func checkPolicy(t *testing.T, key string, p []Tier) {
	t.Helper()
	if len(p) == 0 {
		t.Errorf("operator %s has no cancellation policy", key)
		return
	}
	for i, tier := range p {
		if tier.FeePercent < 0 || tier.FeePercent > 100 {
			t.Errorf("operator %s: tier %d fee %d%%", key, i, tier.FeePercent)
		}
		if i > 0 {
			prev := p[i-1]
			if tier.HoursBefore >= prev.HoursBefore {
				t.Errorf("operator %s: tiers not sorted by hours descending: %v", key, p)
			}
			if tier.FeePercent < prev.FeePercent {
				t.Errorf("operator %s: cancelling later costs less: %v", key, p)
			}
		}
	}
	if last := p[len(p)-1]; last.HoursBefore != 0 {
		t.Errorf("operator %s: last tier starts at %d h, want 0 so every time is covered", key, last.HoursBefore)
	}
}

func TestRoutes(t *testing.T) {
	places := placesByKey(t)
	ops := operatorsByKey(t)
	if len(Routes) < 40 {
		t.Errorf("%d routes, want at least 40", len(Routes))
	}
	keys := map[string]bool{}
	kinds := map[string]int{}
	served := map[string]bool{}
	var multiStop, overnight, negative, shuttle int
	for _, r := range Routes {
		if keys[r.Key] {
			t.Errorf("duplicate route key %q", r.Key)
		}
		keys[r.Key] = true
		if !keyRe.MatchString(r.Key) {
			t.Errorf("route key %q is not a lower-case slug", r.Key)
		}
		if _, ok := ops[r.Operator]; !ok {
			t.Errorf("route %s: unknown operator %q", r.Key, r.Operator)
		}
		served[r.Operator] = true
		if !vehicles[r.Vehicle] {
			t.Errorf("route %s: unknown vehicle %q", r.Key, r.Vehicle)
		}
		kinds[r.Vehicle]++
		if r.Fare <= 0 || r.Fare%1000 != 0 {
			t.Errorf("route %s: fare %d is not a positive multiple of 1000", r.Key, r.Fare)
		}
		if r.Fare < 50000 || r.Fare > 1000000 {
			t.Errorf("route %s: fare %d is implausible", r.Key, r.Fare)
		}
		n := len(r.Stops)
		if n < 2 || n > 6 {
			t.Errorf("route %s: %d stops, want 2..6", r.Key, n)
			continue
		}
		if n >= 3 {
			multiStop++
		}
		if r.Stops[0].Offset != 0 {
			t.Errorf("route %s: first stop offset %d, want 0", r.Key, r.Stops[0].Offset)
		}
		visited := map[string]bool{}
		for i, s := range r.Stops {
			if _, ok := places[s.Place]; !ok {
				t.Errorf("route %s stop %d: unknown place %q", r.Key, i, s.Place)
			}
			if visited[s.Place] {
				t.Errorf("route %s visits %s twice", r.Key, s.Place)
			}
			visited[s.Place] = true
			if s.Station == "" {
				t.Errorf("route %s stop %d has no station", r.Key, i)
			}
			if i > 0 && s.Offset <= r.Stops[i-1].Offset {
				t.Errorf("route %s: stop %d offset %d not after %d", r.Key, i, s.Offset, r.Stops[i-1].Offset)
			}
			if len(s.Points) < 1 || len(s.Points) > 3 {
				t.Errorf("route %s stop %d: %d points, want 1..3", r.Key, i, len(s.Points))
			}
			var pickup, dropoff bool
			for _, p := range s.Points {
				if p.Name == "" || p.Address == "" {
					t.Errorf("route %s stop %d: point without name or address", r.Key, i)
				}
				if !p.Pickup && !p.Dropoff {
					t.Errorf("route %s stop %d: point %q is neither pickup nor drop-off", r.Key, i, p.Name)
				}
				if i == 0 && p.Dropoff || i == n-1 && p.Pickup {
					t.Errorf("route %s stop %d: point %q: drop-off at the origin or pickup at the end", r.Key, i, p.Name)
				}
				pickup = pickup || p.Pickup
				dropoff = dropoff || p.Dropoff
				// A point's time stays between the neighbouring stops.
				at := s.Offset + p.Offset
				if i > 0 && at <= r.Stops[i-1].Offset || i < n-1 && at >= r.Stops[i+1].Offset {
					t.Errorf("route %s stop %d: point %q at %+d min leaves the stop's window", r.Key, i, p.Name, p.Offset)
				}
				if p.Offset < 0 && i == 0 {
					negative++
				}
				if strings.Contains(p.Note, "trung chuyển") {
					shuttle++
				}
			}
			if i == 0 && !pickup {
				t.Errorf("route %s: first stop has no pickup point", r.Key)
			}
			if i == n-1 && !dropoff {
				t.Errorf("route %s: last stop has no drop-off point", r.Key)
			}
			if i > 0 && i < n-1 && !(pickup && dropoff) {
				t.Errorf("route %s stop %d: intermediate stop needs pickup and drop-off", r.Key, i)
			}
		}
		if len(r.Departures) == 0 {
			t.Errorf("route %s has no departures", r.Key)
		}
		duration := r.Stops[n-1].Offset
		prev := -1
		for _, d := range r.Departures {
			m, ok := parseHHMM(d)
			if !ok {
				t.Errorf("route %s: departure %q is not HH:MM", r.Key, d)
				continue
			}
			if m <= prev {
				t.Errorf("route %s: departures not in increasing order: %v", r.Key, r.Departures)
			}
			prev = m
			if m+duration >= 24*60 {
				overnight++
			}
		}
	}
	for _, o := range Operators {
		if !served[o.Key] {
			t.Errorf("operator %s runs no route", o.Key)
		}
	}
	if len(kinds) < 3 {
		t.Errorf("vehicle kinds %v, want at least 3", kinds)
	}
	for kind, min := range map[string]int{"sleeper40": 10, "coach45": 10, "limo9": 8, "cabin22": 2} {
		if kinds[kind] < min {
			t.Errorf("%d %s routes, want at least %d", kinds[kind], kind, min)
		}
	}
	if multiStop < 10 {
		t.Errorf("%d routes with 3+ stops, want at least 10", multiStop)
	}
	if overnight < 10 {
		t.Errorf("%d departures arrive after midnight, want at least 10", overnight)
	}
	if negative == 0 || shuttle == 0 {
		t.Errorf("%d early pickups and %d shuttle notes, want some of each", negative, shuttle)
	}
	t.Logf("%d places, %d operators, %d routes %v, %d multi-stop, %d overnight departures",
		len(Places), len(Operators), len(Routes), kinds, multiStop, overnight)
}

// The corridors the demo must cover, as (first place, last place) pairs or
// (place, place) pairs that some route visits in that order.
func TestCorridors(t *testing.T) {
	has := func(from, to string) bool {
		for _, r := range Routes {
			i := -1
			for j, s := range r.Stops {
				if s.Place == from {
					i = j
				}
				if s.Place == to && i >= 0 {
					return true
				}
			}
		}
		return false
	}
	both := [][2]string{
		{"hcm", "dalat"}, {"hcm", "nhatrang"}, {"hcm", "vungtau"}, {"hcm", "cantho"},
		{"hcm", "bmt"}, {"hcm", "camau"}, {"hcm", "quynhon"}, {"hanoi", "sapa"},
		{"hanoi", "haiphong"}, {"hanoi", "ninhbinh"}, {"hanoi", "vinh"}, {"hanoi", "halong"},
		{"hanoi", "hagiang"}, {"hanoi", "dienbien"}, {"hanoi", "caobang"}, {"hanoi", "hue"},
		{"danang", "hue"}, {"danang", "hoian"}, {"danang", "quynhon"}, {"danang", "pleiku"},
		{"nhatrang", "dalat"}, {"dalat", "bmt"}, {"hcm", "chaudoc"}, {"hcm", "rachgia"},
	}
	for _, c := range both {
		if !has(c[0], c[1]) || !has(c[1], c[0]) {
			t.Errorf("corridor %s ⇄ %s is not served both ways", c[0], c[1])
		}
	}
	for _, c := range [][2]string{{"hcm", "baoloc"}, {"baoloc", "dalat"}, {"hcm", "phanthiet"}, {"hanoi", "laocai"}, {"laocai", "sapa"}, {"hanoi", "mocchau"}, {"danang", "kontum"}, {"cantho", "soctrang"}, {"soctrang", "baclieu"}, {"hcm", "mytho"}} {
		if !has(c[0], c[1]) {
			t.Errorf("no route goes %s → %s", c[0], c[1])
		}
	}
}

func TestFares(t *testing.T) {
	fare := func(key string) int64 {
		for _, r := range Routes {
			if r.Key == key {
				return r.Fare
			}
		}
		t.Fatalf("no route %q", key)
		return 0
	}
	for key, band := range map[string][2]int64{
		"phuongnam-hcm-dalat":           {250000, 350000},
		"langbiang-hcm-dalat":           {350000, 450000},
		"cangxanh-hanoi-haiphong":       {120000, 180000},
		"cangxanh-hanoi-haiphong-coach": {120000, 180000},
	} {
		if f := fare(key); f < band[0] || f > band[1] {
			t.Errorf("route %s: fare %d outside %d..%d", key, f, band[0], band[1])
		}
	}
}

func TestPromos(t *testing.T) {
	if len(Promos) < 4 || len(Promos) > 6 {
		t.Errorf("%d promos, want 4..6", len(Promos))
	}
	ops := operatorsByKey(t)
	codes := map[string]bool{}
	var scoped, exhausted bool
	for _, p := range Promos {
		if codes[p.Code] {
			t.Errorf("duplicate promo %q", p.Code)
		}
		codes[p.Code] = true
		if !codeRe.MatchString(p.Code) {
			t.Errorf("promo %q: code must be upper-case letters and digits", p.Code)
		}
		switch {
		case p.Percent > 0 && p.Fixed == 0:
			if p.Percent > 100 {
				t.Errorf("promo %s: %d%%", p.Code, p.Percent)
			}
		case p.Percent == 0 && p.Fixed > 0:
			if p.MaxDiscount != 0 {
				t.Errorf("promo %s: a fixed discount has no cap", p.Code)
			}
			if p.Fixed%1000 != 0 || p.MinOrder > 0 && p.Fixed > p.MinOrder {
				t.Errorf("promo %s: fixed %d vs minimum order %d", p.Code, p.Fixed, p.MinOrder)
			}
		default:
			t.Errorf("promo %s: exactly one of Percent and Fixed must be set", p.Code)
		}
		if p.MaxDiscount < 0 || p.MinOrder < 0 || p.TotalLimit < 0 || p.PerPhone < 0 || p.DaysValid <= 0 {
			t.Errorf("promo %s has a negative limit or no validity", p.Code)
		}
		if p.Operator != "" {
			scoped = true
			if _, ok := ops[p.Operator]; !ok {
				t.Errorf("promo %s: unknown operator %q", p.Code, p.Operator)
			}
		}
		if p.TotalLimit == 1 {
			exhausted = true
		}
	}
	if !scoped || !exhausted {
		t.Errorf("want an operator-scoped promo (%v) and one with a single use (%v)", scoped, exhausted)
	}
	for _, c := range []string{"TET2027", "BENXE50K", "CHAOBAN"} {
		if !codes[c] {
			t.Errorf("missing promo %s", c)
		}
	}
}

// Names shown to passengers carry diacritics; account names never do.
func TestText(t *testing.T) {
	for _, o := range Operators {
		for _, r := range o.AccountName {
			if r > unicode.MaxASCII {
				t.Errorf("operator %s: account name %q has accents", o.Key, o.AccountName)
				break
			}
		}
	}
	for _, p := range Places {
		if strings.TrimSpace(p.Name) != p.Name {
			t.Errorf("place %s: name %q has stray spaces", p.Key, p.Name)
		}
	}
}

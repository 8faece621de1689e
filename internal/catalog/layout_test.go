package catalog

import "testing"

func TestStandardLayouts(t *testing.T) {
	for vehicle, want := range map[string]int{Coach45: 45, Sleeper40: 40, Cabin22: 22, Limo9: 9} {
		l, err := StandardLayout(vehicle)
		if err != nil {
			t.Fatal(err)
		}
		if err := l.Validate(); err != nil {
			t.Fatal(err)
		}
		if got := len(l.Seats()); got != want {
			t.Errorf("%s: %d seats, want %d", vehicle, got, want)
		}
	}
	s, _ := StandardLayout(Sleeper40)
	if len(s.Decks) != 2 || s.Decks[0].Rows[0][0].Label != "A01" || s.Decks[1].Rows[0][0].Label != "B01" {
		t.Errorf("sleeper decks: lower must start A01, upper B01: %+v", s.Decks)
	}
	if _, err := StandardLayout("tank"); err == nil {
		t.Error("unknown vehicle accepted")
	}
}

func TestLegsAndSegments(t *testing.T) {
	if got := Legs(1, 3); len(got) != 2 || got[0] != 1 || got[1] != 2 {
		t.Errorf("Legs(1,3) = %v", got)
	}
	for _, c := range []struct {
		from, to, n int
		ok          bool
	}{{0, 2, 3, true}, {1, 2, 3, true}, {0, 1, 2, true}, {2, 3, 3, false}, {1, 1, 3, false}, {-1, 1, 3, false}, {0, 3, 3, false}, {2, 1, 3, false}} {
		if err := CheckSegment(c.from, c.to, c.n); (err == nil) != c.ok {
			t.Errorf("CheckSegment(%d,%d,%d) = %v", c.from, c.to, c.n, err)
		}
	}
}

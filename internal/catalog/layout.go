package catalog

import (
	"encoding/json"
	"fmt"
)

// Seat kinds.
const (
	KindSeat  = "seat"
	KindBerth = "berth"
	KindCabin = "cabin"
	KindVIP   = "vip"
)

// Cell is a seat in a layout grid; a nil *Cell is an aisle or empty space.
type Cell struct {
	Label   string `json:"label"`
	Kind    string `json:"kind"`
	Blocked bool   `json:"blocked,omitempty"`
}

// Deck is one floor of a vehicle, as rows of cells seen from the front.
type Deck struct {
	Name string    `json:"name"`
	Rows [][]*Cell `json:"rows"`
}

// Layout is a vehicle's seat plan.
type Layout struct {
	ID      int64  `json:"-"`
	Slug    string `json:"-"`
	Name    string `json:"-"`
	Vehicle string `json:"-"`
	Decks   []Deck `json:"decks"`
}

// Seats lists the layout's cells in reading order, deck by deck.
func (l Layout) Seats() []Cell {
	var out []Cell
	for _, d := range l.Decks {
		for _, r := range d.Rows {
			for _, c := range r {
				if c != nil {
					out = append(out, *c)
				}
			}
		}
	}
	return out
}

// Seat finds a seat by label.
func (l Layout) Seat(label string) (Cell, bool) {
	for _, c := range l.Seats() {
		if c.Label == label {
			return c, true
		}
	}
	return Cell{}, false
}

// Sellable counts the seats that are not blocked.
func (l Layout) Sellable() int {
	n := 0
	for _, c := range l.Seats() {
		if !c.Blocked {
			n++
		}
	}
	return n
}

// Validate checks what the seat map and the occupancy table rely on.
func (l Layout) Validate() error {
	if len(l.Decks) < 1 || len(l.Decks) > 2 {
		return fmt.Errorf("layout %q: %d decks, want 1 or 2", l.Slug, len(l.Decks))
	}
	seen := map[string]bool{}
	for _, c := range l.Seats() {
		if c.Label == "" || len(c.Label) > 8 {
			return fmt.Errorf("layout %q: bad seat label %q", l.Slug, c.Label)
		}
		if seen[c.Label] {
			return fmt.Errorf("layout %q: seat %s twice", l.Slug, c.Label)
		}
		seen[c.Label] = true
		switch c.Kind {
		case KindSeat, KindBerth, KindCabin, KindVIP:
		default:
			return fmt.Errorf("layout %q: seat %s has unknown kind %q", l.Slug, c.Label, c.Kind)
		}
	}
	if len(seen) == 0 {
		return fmt.Errorf("layout %q has no seats", l.Slug)
	}
	return nil
}

// EncodeDecks is the stored form of a layout's decks.
func (l Layout) EncodeDecks() (string, error) {
	b, err := json.Marshal(l.Decks)
	return string(b), err
}

// DecodeDecks reads the stored form back.
func DecodeDecks(s string) ([]Deck, error) {
	var d []Deck
	err := json.Unmarshal([]byte(s), &d)
	return d, err
}

// Vehicle kinds of the standard layouts.
const (
	Coach45   = "coach45"
	Sleeper40 = "sleeper40"
	Limo9     = "limo9"
	Cabin22   = "cabin22"
)

// VehicleNames are the names passengers see, Vietnamese then English.
var VehicleNames = map[string][2]string{
	Coach45:   {"Ghế ngồi 45 chỗ", "45-seat coach"},
	Sleeper40: {"Giường nằm 40 chỗ", "40-berth sleeper"},
	Limo9:     {"Limousine 9 chỗ", "9-seat limousine"},
	Cabin22:   {"Limousine phòng nằm 22 chỗ", "22-cabin limousine"},
}

// StandardLayout returns the layout of a standard vehicle kind.
func StandardLayout(vehicle string) (Layout, error) {
	switch vehicle {
	case Coach45:
		return coach45(), nil
	case Sleeper40:
		return sleeper(Sleeper40, "Giường nằm 40 chỗ", KindBerth, 6, 3, 2), nil
	case Cabin22:
		return sleeper(Cabin22, "Limousine phòng nằm 22 chỗ", KindCabin, 5, 2, 1), nil
	case Limo9:
		return limo9(), nil
	}
	return Layout{}, fmt.Errorf("unknown vehicle kind %q", vehicle)
}

func seat(label, kind string) *Cell { return &Cell{Label: label, Kind: kind} }

// coach45: 2+2 seats in 10 rows with the aisle in the middle, and a back
// row of 5; the seat next to the driver is kept for the crew.
func coach45() Layout {
	var rows [][]*Cell
	n := 0
	next := func() *Cell { n++; return seat(fmt.Sprintf("A%02d", n), KindSeat) }
	for r := 0; r < 10; r++ {
		rows = append(rows, []*Cell{next(), next(), nil, next(), next()})
	}
	rows = append(rows, []*Cell{next(), next(), next(), next(), next()})
	rows[0][0].Blocked = true
	return Layout{Slug: Coach45, Name: "Ghế ngồi 45 chỗ", Vehicle: Coach45,
		Decks: []Deck{{Name: "Tầng dưới", Rows: rows}}}
}

// sleeper: two decks, lower A.. and upper B.., rows of cols berths split
// by aisles, plus a back row of extra berths on each deck.
func sleeper(vehicle, name, kind string, rowsPerDeck, cols, back int) Layout {
	var decks []Deck
	for d, prefix := range []string{"A", "B"} {
		n := 0
		next := func() *Cell { n++; return seat(fmt.Sprintf("%s%02d", prefix, n), kind) }
		var rows [][]*Cell
		for r := 0; r < rowsPerDeck; r++ {
			var row []*Cell
			for c := 0; c < cols; c++ {
				if c > 0 {
					row = append(row, nil)
				}
				row = append(row, next())
			}
			rows = append(rows, row)
		}
		// The back row fills berth columns from both ends inwards.
		w := 2*cols - 1
		row := make([]*Cell, w)
		for i := 0; i < back; i++ {
			c := (i / 2) * 2
			if i%2 == 1 {
				c = w - 1 - c
			}
			row[c] = next()
		}
		rows = append(rows, row)
		deck := Deck{Name: "Tầng dưới", Rows: rows}
		if d == 1 {
			deck.Name = "Tầng trên"
		}
		decks = append(decks, deck)
	}
	return Layout{Slug: vehicle, Name: name, Vehicle: vehicle, Decks: decks}
}

// limo9: one VIP seat beside the driver, two rows of captain seats and a
// bench of four at the back.
func limo9() Layout {
	n := 0
	next := func(kind string) *Cell { n++; return seat(fmt.Sprintf("A%02d", n), kind) }
	rows := [][]*Cell{
		{nil, nil, nil, next(KindVIP)},
		{next(KindVIP), nil, nil, next(KindVIP)},
		{next(KindVIP), nil, nil, next(KindVIP)},
		{next(KindSeat), next(KindSeat), next(KindSeat), next(KindSeat)},
	}
	return Layout{Slug: Limo9, Name: "Limousine 9 chỗ", Vehicle: Limo9,
		Decks: []Deck{{Name: "Tầng dưới", Rows: rows}}}
}

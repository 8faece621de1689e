package rush

import (
	"bytes"
	"context"
	"encoding/json"
	"io"
	"net/http"
	"time"
)

// The parts of API v1's answers a rush reads (API.md).

type place struct {
	ID   int64  `json:"id"`
	Name string `json:"name"`
}

type stopRef struct {
	Index int `json:"index"`
}

type tripHit struct {
	ID             int64   `json:"id"`
	FromStop       stopRef `json:"from_stop"`
	ToStop         stopRef `json:"to_stop"`
	SeatsAvailable int     `json:"seats_available"`
}

type point struct {
	ID int64 `json:"id"`
}

type seatCell struct {
	Label  string `json:"label"`
	Status string `json:"status"`
}

type tripView struct {
	ID            int64   `json:"id"`
	From          int     `json:"from"`
	To            int     `json:"to"`
	PickupPoints  []point `json:"pickup_points"`
	DropoffPoints []point `json:"dropoff_points"`
	SeatMap       struct {
		Decks []struct {
			Rows [][]*seatCell `json:"rows"`
		} `json:"decks"`
	} `json:"seat_map"`
}

// available lists the free seats in seat map order: lower deck first,
// front to back, as a person scanning the map sees them.
func (v tripView) available() []string {
	var out []string
	for _, d := range v.SeatMap.Decks {
		for _, row := range d.Rows {
			for _, c := range row {
				if c != nil && c.Status == "available" {
					out = append(out, c.Label)
				}
			}
		}
	}
	return out
}

func (v tripView) seatStates() map[string]string {
	out := map[string]string{}
	for _, d := range v.SeatMap.Decks {
		for _, row := range d.Rows {
			for _, c := range row {
				if c != nil {
					out[c.Label] = c.Status
				}
			}
		}
	}
	return out
}

type holdRequest struct {
	TripID int64    `json:"trip_id"`
	From   int      `json:"from"`
	To     int      `json:"to"`
	Seats  []string `json:"seats"`
}

type hold struct {
	ID string `json:"id"`
}

type contact struct {
	Name  string `json:"name"`
	Phone string `json:"phone"`
}

type bookingRequest struct {
	HoldID         string  `json:"hold_id"`
	PickupPointID  int64   `json:"pickup_point_id"`
	DropoffPointID int64   `json:"dropoff_point_id"`
	Contact        contact `json:"contact"`
	PaymentMethod  string  `json:"payment_method"`
}

type bookingAnswer struct {
	Code    string `json:"code"`
	Tickets []struct {
		Seat string `json:"seat"`
	} `json:"tickets"`
	Payment struct {
		Deadline time.Time `json:"deadline"`
	} `json:"payment"`
	Trip struct {
		ID       int64   `json:"id"`
		FromStop stopRef `json:"from_stop"`
		ToStop   stopRef `json:"to_stop"`
	} `json:"trip"`
	CreatedAt time.Time `json:"created_at"`
}

func (b bookingAnswer) sale() Sale {
	s := Sale{Code: b.Code, TripID: b.Trip.ID, From: b.Trip.FromStop.Index, To: b.Trip.ToStop.Index,
		Created: b.CreatedAt, Deadline: b.Payment.Deadline}
	for _, t := range b.Tickets {
		s.Seats = append(s.Seats, t.Seat)
	}
	return s
}

type apiError struct {
	Error struct {
		Code string `json:"code"`
	} `json:"error"`
}

// call sends one request to the target and decodes a 2xx answer into out.
// status is 0 when no answer came; code is the error code of a 4xx/5xx.
func (r *runner) call(ctx context.Context, method, path, key string, body, out any) (status int, code string, err error) {
	var rd io.Reader
	if body != nil {
		b, err := json.Marshal(body)
		if err != nil {
			return 0, "", err
		}
		rd = bytes.NewReader(b)
	}
	req, err := http.NewRequestWithContext(ctx, method, r.base+path, rd)
	if err != nil {
		return 0, "", err
	}
	req.Header.Set("Accept", "application/json")
	if body != nil {
		req.Header.Set("Content-Type", "application/json")
	}
	if key != "" {
		req.Header.Set("Idempotency-Key", key)
	}
	resp, err := r.client.Do(req)
	if err != nil {
		return 0, "", err
	}
	defer resp.Body.Close()
	raw, err := io.ReadAll(io.LimitReader(resp.Body, 4<<20))
	if err != nil {
		return 0, "", err
	}
	if resp.StatusCode >= 300 {
		var e apiError
		json.Unmarshal(raw, &e)
		return resp.StatusCode, e.Error.Code, nil
	}
	if out != nil {
		if err := json.Unmarshal(raw, out); err != nil {
			return resp.StatusCode, "", err
		}
	}
	return resp.StatusCode, "", nil
}

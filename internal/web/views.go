package web

import (
	"context"
	"time"

	"github.com/benxe/benxe/internal/booking"
	"github.com/benxe/benxe/internal/catalog"
	"github.com/benxe/benxe/internal/pricing"
	"github.com/benxe/benxe/internal/store"
	"github.com/benxe/benxe/internal/vietqr"
	"github.com/benxe/benxe/internal/vn"
)

// The JSON shapes of API v1 (API.md). The pages render the same values.

// rfc3339 writes times as API.md fixes them: RFC 3339 in Vietnam time.
type rfc3339 time.Time

// MarshalText rather than MarshalJSON: encoding/json re-parses what a
// MarshalJSON returns, and a search answer holds hundreds of times.
func (t rfc3339) MarshalText() ([]byte, error) {
	return time.Time(t).In(vn.Zone).AppendFormat(make([]byte, 0, len(time.RFC3339)), time.RFC3339), nil
}

type placeJSON struct {
	ID       int64  `json:"id"`
	Name     string `json:"name"`
	Province string `json:"province"`
	Kind     string `json:"kind"`
}

type operatorJSON struct {
	ID     int64   `json:"id"`
	Name   string  `json:"name"`
	Rating float64 `json:"rating"`
	Phone  string  `json:"phone,omitempty"`
}

type stopJSON struct {
	Index   int      `json:"index"`
	PlaceID int64    `json:"place_id"`
	Name    string   `json:"name"`
	Place   string   `json:"place,omitempty"`
	Time    *rfc3339 `json:"time,omitempty"`
}

type tripHitJSON struct {
	ID             int64        `json:"id"`
	Operator       operatorJSON `json:"operator"`
	Vehicle        string       `json:"vehicle"`
	VehicleName    string       `json:"vehicle_name"`
	DepartureTime  rfc3339      `json:"departure_time"`
	ArrivalTime    rfc3339      `json:"arrival_time"`
	FromStop       stopJSON     `json:"from_stop"`
	ToStop         stopJSON     `json:"to_stop"`
	PriceFrom      int64        `json:"price_from"`
	SeatsAvailable int          `json:"seats_available"`
}

func rating(tenths int) float64 { return float64(tenths) / 10 }

func tripHitView(h store.TripHit) tripHitJSON {
	return tripHitJSON{
		ID:            h.TripID,
		Operator:      operatorJSON{ID: h.OperatorID, Name: h.OperatorName, Rating: rating(h.Rating)},
		Vehicle:       h.Vehicle,
		VehicleName:   catalog.VehicleNames[h.Vehicle][0],
		DepartureTime: rfc3339(h.Departure), ArrivalTime: rfc3339(h.Arrival),
		FromStop:  stopJSON{Index: h.FromIdx, PlaceID: h.FromPlace, Name: h.FromName},
		ToStop:    stopJSON{Index: h.ToIdx, PlaceID: h.ToPlace, Name: h.ToName},
		PriceFrom: h.PriceFrom, SeatsAvailable: h.SeatsAvailable,
	}
}

type pointJSON struct {
	ID      int64   `json:"id"`
	Name    string  `json:"name"`
	Address string  `json:"address"`
	Time    rfc3339 `json:"time"`
	Note    string  `json:"note,omitempty"`
}

type seatJSON struct {
	Label  string `json:"label"`
	Kind   string `json:"kind"`
	Price  int64  `json:"price"`
	Status string `json:"status"`
}

type deckJSON struct {
	Name string        `json:"name"`
	Rows [][]*seatJSON `json:"rows"`
}

type seatMapJSON struct {
	Decks []deckJSON `json:"decks"`
}

type windowJSON struct {
	Until      rfc3339 `json:"until"`
	FeePercent int     `json:"fee_percent"`
}

type tripJSON struct {
	ID                 int64        `json:"id"`
	Operator           operatorJSON `json:"operator"`
	Vehicle            string       `json:"vehicle"`
	VehicleName        string       `json:"vehicle_name"`
	Route              string       `json:"route"`
	From               int          `json:"from"`
	To                 int          `json:"to"`
	DepartureTime      rfc3339      `json:"departure_time"`
	ArrivalTime        rfc3339      `json:"arrival_time"`
	Stops              []stopJSON   `json:"stops"`
	PickupPoints       []pointJSON  `json:"pickup_points"`
	DropoffPoints      []pointJSON  `json:"dropoff_points"`
	SeatMap            seatMapJSON  `json:"seat_map"`
	SeatsAvailable     int          `json:"seats_available"`
	CancellationPolicy []windowJSON `json:"cancellation_policy"`
}

// tripView is a trip as seen for one segment: the seat map shows each
// seat's price and status for those legs only.
func (s *Server) tripView(ctx context.Context, trip catalog.Trip, from, to int) (tripJSON, error) {
	layout, err := s.Store.Layout(ctx, trip.LayoutID)
	if err != nil {
		return tripJSON{}, err
	}
	fares, err := s.Store.Fares(ctx, trip.TimetableID, from, to)
	if err != nil {
		return tripJSON{}, err
	}
	states, err := s.Store.SeatStates(ctx, trip.ID, from, to, s.Now())
	if err != nil {
		return tripJSON{}, err
	}
	points, err := s.Store.Points(ctx, trip.RouteID)
	if err != nil {
		return tripJSON{}, err
	}
	v := tripJSON{
		ID: trip.ID, Operator: operatorJSON{ID: trip.Operator.ID, Name: trip.Operator.Name, Rating: rating(trip.Operator.Rating), Phone: trip.Operator.Phone},
		Vehicle: trip.Vehicle, VehicleName: catalog.VehicleNames[trip.Vehicle][0], Route: trip.RouteName,
		From: from, To: to, DepartureTime: rfc3339(trip.StopTime(from)), ArrivalTime: rfc3339(trip.StopTime(to)),
		PickupPoints: []pointJSON{}, DropoffPoints: []pointJSON{},
	}
	for _, st := range trip.Stops {
		t := rfc3339(trip.StopTime(st.Index))
		v.Stops = append(v.Stops, stopJSON{Index: st.Index, PlaceID: st.PlaceID, Name: st.Name, Place: st.Place, Time: &t})
	}
	for _, p := range points {
		pj := pointJSON{ID: p.ID, Name: p.Name, Address: p.Address, Time: rfc3339(trip.StopTime(p.StopIdx).Add(p.Offset)), Note: p.Note}
		if p.StopIdx == from && p.Pickup {
			v.PickupPoints = append(v.PickupPoints, pj)
		}
		if p.StopIdx == to && p.Dropoff {
			v.DropoffPoints = append(v.DropoffPoints, pj)
		}
	}
	for _, d := range layout.Decks {
		dj := deckJSON{Name: d.Name}
		for _, row := range d.Rows {
			rj := make([]*seatJSON, len(row))
			for i, c := range row {
				if c == nil {
					continue
				}
				st := store.SeatAvailable
				switch {
				case c.Blocked || fares[c.Kind] == 0:
					st = store.SeatBlocked
				case states[c.Label] != "":
					st = states[c.Label]
				}
				if st == store.SeatAvailable {
					v.SeatsAvailable++
				}
				rj[i] = &seatJSON{Label: c.Label, Kind: c.Kind, Price: fares[c.Kind], Status: st}
			}
			dj.Rows = append(dj.Rows, rj)
		}
		v.SeatMap.Decks = append(v.SeatMap.Decks, dj)
	}
	for _, w := range trip.Operator.Policy.Windows(trip.StopTime(from)) {
		v.CancellationPolicy = append(v.CancellationPolicy, windowJSON{Until: rfc3339(w.Until), FeePercent: w.FeePercent})
	}
	return v, nil
}

type holdJSON struct {
	ID        string   `json:"id"`
	TripID    int64    `json:"trip_id"`
	From      int      `json:"from"`
	To        int      `json:"to"`
	Seats     []string `json:"seats"`
	ExpiresAt rfc3339  `json:"expires_at"`
	Amount    int64    `json:"amount"`
}

func holdView(h booking.Hold) holdJSON {
	return holdJSON{ID: h.ID, TripID: h.TripID, From: h.From, To: h.To, Seats: h.Seats, ExpiresAt: rfc3339(h.ExpiresAt), Amount: h.Amount}
}

type quoteJSON struct {
	Lines []pricing.Line `json:"lines"`
	Total int64          `json:"total"`
}

type instructionsJSON struct {
	BankBIN     string `json:"bank_bin,omitempty"`
	BankName    string `json:"bank_name,omitempty"`
	Account     string `json:"account,omitempty"`
	AccountName string `json:"account_name,omitempty"`
	Amount      int64  `json:"amount"`
	Content     string `json:"content,omitempty"`
	VietQR      string `json:"vietqr,omitempty"`
	QRImage     string `json:"qr_image,omitempty"`
	PayURL      string `json:"pay_url,omitempty"`
	Text        string `json:"text"`
	TextEN      string `json:"text_en"`
}

type paymentJSON struct {
	Method       string           `json:"method"`
	Deadline     rfc3339          `json:"deadline"`
	Instructions instructionsJSON `json:"instructions"`
}

type bookingJSON struct {
	Code         string           `json:"code"`
	Status       string           `json:"status"`
	Total        int64            `json:"total"`
	Lines        []pricing.Line   `json:"lines"`
	Payment      paymentJSON      `json:"payment"`
	Tickets      []booking.Ticket `json:"tickets"`
	Contact      booking.Contact  `json:"contact"`
	Trip         tripSummaryJSON  `json:"trip"`
	PickupPoint  pointJSON        `json:"pickup_point"`
	DropoffPoint pointJSON        `json:"dropoff_point"`
	CreatedAt    rfc3339          `json:"created_at"`
	URL          string           `json:"url"`
}

type tripSummaryJSON struct {
	ID            int64        `json:"id"`
	Operator      operatorJSON `json:"operator"`
	Vehicle       string       `json:"vehicle"`
	FromStop      stopJSON     `json:"from_stop"`
	ToStop        stopJSON     `json:"to_stop"`
	DepartureTime rfc3339      `json:"departure_time"`
	ArrivalTime   rfc3339      `json:"arrival_time"`
}

// Bank names by VietQR BIN, for the instructions people read.
var bankNames = map[string]string{
	"970436": "Vietcombank", "970418": "BIDV", "970415": "VietinBank", "970407": "Techcombank",
	"970422": "MB Bank", "970416": "ACB", "970432": "VPBank", "970405": "Agribank", "970423": "TPBank",
	"970403": "Sacombank", "970448": "OCB", "970437": "HDBank",
}

// bookingView is a booking with everything its owner needs to pay and go.
func (s *Server) bookingView(ctx context.Context, b booking.Booking) (bookingJSON, error) {
	trip, err := s.Store.Trip(ctx, b.TripID)
	if err != nil {
		return bookingJSON{}, err
	}
	points, err := s.Store.Points(ctx, trip.RouteID)
	if err != nil {
		return bookingJSON{}, err
	}
	token := s.bookingToken(b.Code)
	v := bookingJSON{Code: b.Code, Status: b.Status, Total: b.Total, Lines: b.Lines, Tickets: b.Tickets, Contact: b.Contact,
		CreatedAt: rfc3339(b.CreatedAt), URL: "/bookings/" + b.Code + "?t=" + token}
	from, to := trip.Stops[b.From], trip.Stops[b.To]
	v.Trip = tripSummaryJSON{ID: trip.ID, Operator: operatorJSON{ID: trip.Operator.ID, Name: trip.Operator.Name, Rating: rating(trip.Operator.Rating), Phone: trip.Operator.Phone},
		Vehicle: trip.Vehicle, FromStop: stopJSON{Index: from.Index, PlaceID: from.PlaceID, Name: from.Name, Place: from.Place},
		ToStop:        stopJSON{Index: to.Index, PlaceID: to.PlaceID, Name: to.Name, Place: to.Place},
		DepartureTime: rfc3339(trip.StopTime(b.From)), ArrivalTime: rfc3339(trip.StopTime(b.To))}
	for _, p := range points {
		pj := pointJSON{ID: p.ID, Name: p.Name, Address: p.Address, Time: rfc3339(trip.StopTime(p.StopIdx).Add(p.Offset)), Note: p.Note}
		switch p.ID {
		case b.PickupPointID:
			v.PickupPoint = pj
		case b.DropoffPointID:
			v.DropoffPoint = pj
		}
	}
	v.Payment = paymentJSON{Method: b.PaymentMethod, Deadline: rfc3339(b.PaymentDeadline)}
	in := &v.Payment.Instructions
	due := b.Due()
	in.Amount = due
	deadline := vn.FormatDateTime(b.PaymentDeadline)
	switch b.PaymentMethod {
	case booking.BankTransfer:
		op := trip.Operator
		in.BankBIN, in.BankName, in.Account, in.AccountName, in.Content = op.BankBIN, bankNames[op.BankBIN], op.BankAccount, op.BankAccountName, b.Code
		in.VietQR, err = vietqr.Payload{BankBIN: op.BankBIN, Account: op.BankAccount, Amount: due, Content: b.Code}.Encode()
		if err != nil {
			return v, err
		}
		in.QRImage = "/bookings/" + b.Code + "/qr.png?t=" + token
		in.Text = "Chuyển khoản " + vn.FormatVND(due) + " đến " + in.BankName + " " + op.BankAccount + " (" + op.BankAccountName +
			"), nội dung " + b.Code + ", trước " + deadline + ". Quá hạn, đơn sẽ tự hủy."
		in.TextEN = "Transfer " + vn.FormatVND(due) + " to " + in.BankName + " " + op.BankAccount + " (" + op.BankAccountName +
			") with the content " + b.Code + " before " + deadline + ". After that the booking is cancelled."
	case booking.Counter:
		in.Text = "Thanh toán " + vn.FormatVND(b.Total) + " tại quầy vé của " + trip.Operator.Name + " (" + from.Name + ") trước " + deadline +
			", đọc mã đặt chỗ " + b.Code + ". Hotline " + trip.Operator.Phone + "."
		in.TextEN = "Pay " + vn.FormatVND(b.Total) + " at the ticket counter of " + trip.Operator.Name + " (" + from.Name + ") before " + deadline +
			", quoting booking code " + b.Code + ". Hotline " + trip.Operator.Phone + "."
	case booking.VNPay, booking.MoMo:
		// The link starts a payment at the gateway (gateway_pages.go).
		name := map[string]string{booking.VNPay: "VNPay", booking.MoMo: "MoMo"}[b.PaymentMethod]
		in.PayURL = "/payments/" + b.PaymentMethod + "/start/" + b.Code + "?t=" + token
		in.Text = "Thanh toán " + vn.FormatVND(b.Total) + " qua " + name + " trước " + deadline + ". Quá hạn, đơn sẽ tự hủy."
		in.TextEN = "Pay " + vn.FormatVND(b.Total) + " with " + name + " before " + deadline + ". After that the booking is cancelled."
	}
	return v, nil
}

package web

import (
	"crypto/x509"
	"encoding/base64"
	"encoding/pem"
	"net/http"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/benxe/benxe/internal/apperr"
	"github.com/benxe/benxe/internal/booking"
	"github.com/benxe/benxe/internal/catalog"
	"github.com/benxe/benxe/internal/ticket"
	"github.com/benxe/benxe/internal/vietqr"
)

// E-tickets: a confirmed booking has one ticket page per seat, reached
// from the booking page with the booking's link token. Its QR code holds a
// token signed with the ticket key (package ticket); a boarding scanner
// fetches the public key from /tickets/public-key once and checks tickets
// offline.

// ticketed says whether a booking in status has tickets: once paid and
// confirmed, and still after boarding.
func ticketed(status string) bool {
	return status == booking.Confirmed || status == booking.Boarded
}

var (
	errTicketNotFound = apperr.New(apperr.NotFound, "ticket_not_found", "seat",
		"Đơn đặt vé không có vé cho ghế này.", "This booking has no ticket for this seat.")
	errTicketsOff = apperr.New(apperr.Unavailable, "tickets_unavailable", "",
		"Vé điện tử tạm thời chưa phát hành được, vui lòng thử lại sau.", "E-tickets cannot be issued right now; please try again later.")
)

// ticketPassengerRunes caps the name in a token, so that the QR code stays
// coarse enough for a phone camera; the page shows the full name.
const ticketPassengerRunes = 40

// seatTicket is one seat's ticket and the booking it belongs to.
type seatTicket struct {
	b      booking.Booking
	trip   catalog.Trip
	t      booking.Ticket
	claims ticket.Claims
}

// loadTicket finds the ticket of the URL for a holder of the booking link.
// A wrong token looks like an unknown booking, an unknown seat is 404.
func (s *Server) loadTicket(r *http.Request) (seatTicket, error) {
	var st seatTicket
	b, err := s.tokenBooking(r, r.URL.Query().Get("t"))
	if err != nil {
		return st, err
	}
	seat := strings.ToUpper(strings.TrimSpace(r.PathValue("seat")))
	found := false
	for _, t := range b.Tickets {
		// A seat cancelled on its own has no ticket any more.
		if t.Seat == seat && t.Status != "cancelled" {
			st.t, found = t, true
		}
	}
	if !found {
		return st, errTicketNotFound
	}
	st.b = b
	if st.trip, err = s.Store.Trip(r.Context(), b.TripID); err != nil {
		return st, err
	}
	st.claims = ticket.Claims{Booking: b.Code, Seat: st.t.Seat, Trip: b.TripID, From: b.From, To: b.To,
		Departs: st.trip.StopTime(b.From), Passenger: shorten(passengerOf(b, st.t), ticketPassengerRunes), Issued: issuedAt(b)}
	return st, nil
}

func passengerOf(b booking.Booking, t booking.Ticket) string {
	if t.Passenger != "" {
		return t.Passenger
	}
	return b.Contact.Name
}

// issuedAt is when a booking was confirmed, so that its tokens are the same
// every time they are shown: the page and its QR image agree.
func issuedAt(b booking.Booking) time.Time {
	for _, e := range b.History {
		if e.To == booking.Confirmed {
			return e.At
		}
	}
	return b.CreatedAt
}

// shorten keeps the first n characters of s, marking a cut with "…".
func shorten(s string, n int) string {
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	return string([]rune(s)[:n-1]) + "…"
}

func (s *Server) signTicket(c ticket.Claims) (string, error) {
	if s.Tickets == nil {
		return "", errTicketsOff
	}
	return s.Tickets.Sign(c)
}

type seatLink struct{ Seat, URL string }

type ticketPage struct {
	base
	B          bookingJSON
	Seat       booking.Ticket
	Deck       string
	Kind       string
	Passenger  string
	Token      string
	QR         string
	Policy     []string
	BookingURL string
	Tel        string     // the hotline as a tel: link takes it
	Others     []seatLink // the booking's other tickets
	NotReady   string     // why there is no ticket yet, when there is none
	LD         busReservation
}

func (s *Server) pageTicket(w http.ResponseWriter, r *http.Request) {
	st, err := s.loadTicket(r)
	if err != nil {
		s.pageError(w, r, err)
		return
	}
	b := st.b
	v, err := s.bookingView(r.Context(), b)
	if err != nil {
		s.pageError(w, r, err)
		return
	}
	token := s.bookingToken(b.Code)
	self := "/bookings/" + b.Code + "/tickets/" + st.t.Seat + "?t=" + token
	pg := ticketPage{base: s.base(r, self), B: v, Seat: st.t, Passenger: passengerOf(b, st.t), BookingURL: v.URL}
	if !ticketed(b.Status) {
		status := http.StatusOK
		switch b.Status {
		case booking.PendingPayment:
			pg.NotReady = tr(pg.Lang, "ticket_not_paid")
		case booking.AwaitingOperator:
			pg.NotReady = tr(pg.Lang, "ticket_awaiting_operator")
		default:
			pg.NotReady, status = tr(pg.Lang, "ticket_void"), http.StatusGone
		}
		s.render(w, r, status, "ticket", pg)
		return
	}
	if pg.Token, err = s.signTicket(st.claims); err != nil {
		s.pageError(w, r, err)
		return
	}
	pg.QR = "/bookings/" + b.Code + "/tickets/" + st.t.Seat + "/qr.png?t=" + token
	layout, err := s.Store.Layout(r.Context(), st.trip.LayoutID)
	if err != nil {
		s.pageError(w, r, err)
		return
	}
	pg.Deck, pg.Kind = seatPlace(pg.Lang, layout, st.t.Seat)
	if pg.Kind == "" {
		pg.Kind = tr(pg.Lang, "kind_"+st.t.SeatKind)
	}
	pg.Tel = strings.ReplaceAll(st.trip.Operator.Phone, " ", "")
	pg.Policy = policyLines(pg.Lang, st.trip.Operator.Policy.Windows(st.trip.StopTime(b.From)), s.Now())
	for _, t := range b.Tickets {
		if t.Seat != st.t.Seat {
			pg.Others = append(pg.Others, seatLink{Seat: t.Seat, URL: "/bookings/" + b.Code + "/tickets/" + t.Seat + "?t=" + token})
		}
	}
	pg.LD = reservationLD(v, st, pg.Passenger, pg.Token, tr(langVI, deckKey(layout, st.t.Seat)), st.trip.Operator.Phone)
	s.render(w, r, http.StatusOK, "ticket", pg)
}

// deckKey is the message key naming the deck of seat, "" on a one-deck bus.
func deckKey(l catalog.Layout, seat string) string {
	if len(l.Decks) < 2 {
		return ""
	}
	for i, d := range l.Decks {
		for _, row := range d.Rows {
			for _, c := range row {
				if c != nil && c.Label == seat {
					if i == 0 {
						return "deck_lower"
					}
					return "deck_upper"
				}
			}
		}
	}
	return ""
}

// seatPlace says where a seat is and what it is, in lang.
func seatPlace(lang string, l catalog.Layout, seat string) (deck, kind string) {
	if k := deckKey(l, seat); k != "" {
		deck = tr(lang, k)
	}
	if c, ok := l.Seat(seat); ok {
		kind = tr(lang, "kind_"+c.Kind)
	}
	return deck, kind
}

// ticketQR is the QR code of a ticket's token.
func (s *Server) ticketQR(w http.ResponseWriter, r *http.Request) {
	st, err := s.loadTicket(r)
	if err != nil || !ticketed(st.b.Status) {
		http.NotFound(w, r)
		return
	}
	token, err := s.signTicket(st.claims)
	if err != nil {
		s.apiError(w, r, err)
		return
	}
	png, err := vietqr.PNG(token, 360)
	if err != nil {
		s.apiError(w, r, err)
		return
	}
	w.Header().Set("Content-Type", "image/png")
	// A cancelled ticket must not linger in a cache.
	w.Header().Set("Cache-Control", "no-store")
	w.Header().Set("X-Content-Type-Options", "nosniff")
	w.Write(png)
}

// publicKeyJSON is what a scanner needs to check tickets offline.
type publicKeyJSON struct {
	Algorithm string `json:"alg"`
	PublicKey string `json:"public_key"` // the 32 raw bytes, standard base64
	PEM       string `json:"pem"`        // SubjectPublicKeyInfo, "PUBLIC KEY"
	Format    string `json:"token_format"`
}

// ticketPublicKey serves the key that verifies ticket tokens: JSON by
// default, the PEM file alone with ?format=pem.
func (s *Server) ticketPublicKey(w http.ResponseWriter, r *http.Request) {
	if s.Tickets == nil {
		s.apiError(w, r, errTicketsOff)
		return
	}
	pub := s.Tickets.PublicKey()
	der, err := x509.MarshalPKIXPublicKey(pub)
	if err != nil {
		s.apiError(w, r, err)
		return
	}
	p := string(pem.EncodeToMemory(&pem.Block{Type: "PUBLIC KEY", Bytes: der}))
	w.Header().Set("Cache-Control", "public, max-age=3600")
	if r.URL.Query().Get("format") == "pem" {
		w.Header().Set("Content-Type", "application/x-pem-file")
		w.Write([]byte(p))
		return
	}
	encode(w, http.StatusOK, publicKeyJSON{Algorithm: "Ed25519", PublicKey: base64.StdEncoding.EncodeToString(pub), PEM: p,
		Format: ticket.Prefix + "<base64url JSON claims>.<base64url Ed25519 signature of the text before the last dot>"})
}

// --- schema.org BusReservation (https://schema.org/BusReservation) ---

type busReservation struct {
	Context           string    `json:"@context"`
	Type              string    `json:"@type"`
	ReservationNumber string    `json:"reservationNumber"`
	ReservationStatus string    `json:"reservationStatus"`
	UnderName         ldThing   `json:"underName"`
	ReservationFor    ldBusTrip `json:"reservationFor"`
	ReservedTicket    ldTicket  `json:"reservedTicket"`
	Provider          ldThing   `json:"provider"`
	BookingTime       string    `json:"bookingTime"`
}

type ldThing struct {
	Type      string `json:"@type"`
	Name      string `json:"name,omitempty"`
	Telephone string `json:"telephone,omitempty"`
}

type ldAddress struct {
	Type     string `json:"@type"`
	Street   string `json:"streetAddress,omitempty"`
	Locality string `json:"addressLocality,omitempty"`
	Country  string `json:"addressCountry"`
}

type ldStation struct {
	Type    string    `json:"@type"`
	Name    string    `json:"name"`
	Address ldAddress `json:"address"`
}

type ldBusTrip struct {
	Type          string    `json:"@type"`
	Name          string    `json:"name,omitempty"`
	BusName       string    `json:"busName,omitempty"`
	BusCompany    ldThing   `json:"busCompany"`
	Provider      ldThing   `json:"provider"`
	Departure     ldStation `json:"departureBusStop"`
	Arrival       ldStation `json:"arrivalBusStop"`
	DepartureTime string    `json:"departureTime"`
	ArrivalTime   string    `json:"arrivalTime"`
}

type ldSeat struct {
	Type    string `json:"@type"`
	Number  string `json:"seatNumber"`
	Section string `json:"seatSection,omitempty"`
}

type ldTicket struct {
	Type          string `json:"@type"`
	TicketNumber  string `json:"ticketNumber"`
	TicketToken   string `json:"ticketToken"`
	TicketedSeat  ldSeat `json:"ticketedSeat"`
	TotalPrice    int64  `json:"totalPrice"`
	PriceCurrency string `json:"priceCurrency"`
}

// reservationLD describes one seat's ticket for mail clients, calendars
// and assistants. Times are the pickup and drop-off points', in Vietnam
// time: where and when the passenger gets on and off.
func reservationLD(v bookingJSON, st seatTicket, passenger, token, deck, hotline string) busReservation {
	op := ldThing{Type: "Organization", Name: v.Trip.Operator.Name, Telephone: hotline}
	iso := func(t rfc3339) string { b, _ := t.MarshalText(); return string(b) }
	station := func(p pointJSON, stop stopJSON) ldStation {
		return ldStation{Type: "BusStation", Name: p.Name, Address: ldAddress{Type: "PostalAddress", Street: p.Address, Locality: stop.Place, Country: "VN"}}
	}
	return busReservation{
		Context: "https://schema.org", Type: "BusReservation",
		ReservationNumber: v.Code, ReservationStatus: "https://schema.org/ReservationConfirmed",
		UnderName: ldThing{Type: "Person", Name: passenger},
		ReservationFor: ldBusTrip{Type: "BusTrip", Name: v.Trip.FromStop.Place + " → " + v.Trip.ToStop.Place,
			BusName: catalog.VehicleNames[v.Trip.Vehicle][0], BusCompany: op, Provider: op,
			Departure: station(v.PickupPoint, v.Trip.FromStop), Arrival: station(v.DropoffPoint, v.Trip.ToStop),
			DepartureTime: iso(v.PickupPoint.Time), ArrivalTime: iso(v.DropoffPoint.Time)},
		ReservedTicket: ldTicket{Type: "Ticket", TicketNumber: v.Code + "-" + st.t.Seat, TicketToken: "qrCode:" + token,
			TicketedSeat: ldSeat{Type: "Seat", Number: st.t.Seat, Section: deck}, TotalPrice: st.t.Fare, PriceCurrency: "VND"},
		Provider: op, BookingTime: iso(v.CreatedAt),
	}
}

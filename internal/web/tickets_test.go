package web

import (
	"bytes"
	"context"
	"crypto/ed25519"
	"crypto/x509"
	"encoding/base64"
	"encoding/json"
	"encoding/pem"
	"html"
	"image/png"
	"io"
	"net/http"
	"net/url"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"github.com/benxe/benxe/internal/booking"
	"github.com/benxe/benxe/internal/ticket"
)

var (
	ticketTokenRE = regexp.MustCompile(`id="ticket-token"[^>]*>([^<]+)<`)
	jsonLDRE      = regexp.MustCompile(`(?s)<script type="application/ld\+json">(.*?)</script>`)
)

// bookSeats books n free seats of the first trip from→to in days days
// through the pages, with a passenger name per seat, and returns the
// booking code, its link token and the seats. pay marks it paid and, for
// an operator who confirms by hand, confirms it.
func bookSeats(t *testing.T, b *browser, from, to string, days, n int, pay bool) (code, token string, seats []string) {
	t.Helper()
	tripURL := b.findTrip(from, to, daysAhead(days), "sleeper40")
	a := b.get(tripURL)
	a.want(t, http.StatusOK, `name="seats"`)
	var lower, upper []string
	for _, m := range seatRE.FindAllStringSubmatch(a.body, -1) {
		if strings.Contains(m[0], "disabled") {
			continue
		}
		if m[1][0] == 'B' {
			upper = append(upper, m[1])
		} else {
			lower = append(lower, m[1])
		}
	}
	// One of each deck when there are two.
	for len(seats) < n && (len(lower) > 0 || len(upper) > 0) {
		if len(upper) > 0 && (len(seats)%2 == 0 || len(lower) == 0) {
			seats, upper = append(seats, upper[0]), upper[1:]
		} else {
			seats, lower = append(seats, lower[0]), lower[1:]
		}
	}
	if len(seats) < n {
		t.Fatalf("only %d free seats on %s", len(seats), tripURL)
	}
	form := formOf(tripURL)
	form["seats"] = seats
	a = b.post(strings.SplitN(tripURL, "?", 2)[0]+"/hold", form)
	if a.status != http.StatusSeeOther {
		t.Fatalf("hold: %d:\n%s", a.status, excerpt(a.body))
	}
	f := fillCheckout(t, b.get(a.loc).body, "Đặng Minh Khôi", uniquePhone())
	f.Set("action", "book")
	names := []string{"Nguyễn Thị Phương Thảo", "Lê Văn Tám"}
	for i, s := range seats {
		f.Set("passenger_"+s, names[i%len(names)])
	}
	a = b.post(a.loc, f)
	m := bookingRE.FindStringSubmatch(a.loc)
	if m == nil {
		t.Fatalf("book: %d to %q:\n%s", a.status, a.loc, excerpt(a.body))
	}
	code, token = m[1], m[2]
	if pay {
		_, st := startTestServer(t)
		ctx := context.Background()
		bk, err := st.MarkPaid(ctx, code, "test", time.Now())
		if err == nil && bk.Status == booking.AwaitingOperator {
			_, err = st.Decide(ctx, code, true, "test", time.Now())
		}
		if err != nil {
			t.Fatal(err)
		}
	}
	return code, token, seats
}

func ticketURL(code, seat, token string) string {
	return "/bookings/" + code + "/tickets/" + seat + "?t=" + token
}

// fetchPublicKey reads the ticket key as a scanner does, from the PEM.
func fetchPublicKey(t *testing.T, b *browser) ed25519.PublicKey {
	t.Helper()
	res, err := b.c.Get(b.base + "/tickets/public-key")
	if err != nil {
		t.Fatal(err)
	}
	defer res.Body.Close()
	var k struct {
		Alg       string `json:"alg"`
		PublicKey string `json:"public_key"`
		PEM       string `json:"pem"`
	}
	if err := json.NewDecoder(res.Body).Decode(&k); err != nil || res.StatusCode != http.StatusOK {
		t.Fatalf("public key: %d, %v", res.StatusCode, err)
	}
	block, _ := pem.Decode([]byte(k.PEM))
	if block == nil || block.Type != "PUBLIC KEY" {
		t.Fatalf("public key PEM %q", k.PEM)
	}
	parsed, err := x509.ParsePKIXPublicKey(block.Bytes)
	if err != nil {
		t.Fatal(err)
	}
	pub, ok := parsed.(ed25519.PublicKey)
	if !ok || k.Alg != "Ed25519" {
		t.Fatalf("public key is %T, alg %q", parsed, k.Alg)
	}
	if raw, err := base64.StdEncoding.DecodeString(k.PublicKey); err != nil || !bytes.Equal(raw, pub) {
		t.Fatalf("the base64 key %q is not the PEM key", k.PublicKey)
	}

	// ?format=pem is the PEM file alone.
	res, err = b.c.Get(b.base + "/tickets/public-key?format=pem")
	if err != nil {
		t.Fatal(err)
	}
	body, _ := io.ReadAll(res.Body)
	res.Body.Close()
	if res.StatusCode != http.StatusOK || string(body) != k.PEM || res.Header.Get("Content-Type") != "application/x-pem-file" {
		t.Fatalf("PEM file: %d %q:\n%s", res.StatusCode, res.Header.Get("Content-Type"), body)
	}
	return pub
}

func TestTicketPage(t *testing.T) {
	b := newBrowser(t)
	_, st := startTestServer(t)
	ctx := context.Background()
	code, token, seats := bookSeats(t, b, "sai gon", "da lat", 6, 2, true)
	bk, err := st.Booking(ctx, code)
	if err != nil {
		t.Fatal(err)
	}
	trip, err := st.Trip(ctx, bk.TripID)
	if err != nil {
		t.Fatal(err)
	}
	hotline := trip.Operator.Phone
	seat := seats[0]

	// The booking page links every seat's ticket.
	a := b.get("/bookings/" + code + "?t=" + token)
	a.want(t, http.StatusOK, "Đã xác nhận")
	for _, s := range seats {
		if !strings.Contains(a.body, `href="`+html.EscapeString(ticketURL(code, s, token))+`"`) {
			t.Fatalf("the booking page does not link the ticket of %s:\n%s", s, excerpt(a.body))
		}
	}

	a = b.get(ticketURL(code, seat, token))
	a.want(t, http.StatusOK, "Vé điện tử · Ghế "+seat, bk.Tickets[0].Passenger, hotline, `href="tel:`+strings.ReplaceAll(hotline, " ", "")+`"`,
		trip.Operator.Name, "Điểm đón", "Điểm trả", "Chính sách hủy vé", code,
		`<img src="`+html.EscapeString("/bookings/"+code+"/tickets/"+seat+"/qr.png?t="+token)+`"`,
		`href="`+html.EscapeString(ticketURL(code, seats[1], token))+`"`)
	if seat[0] == 'B' && !strings.Contains(a.body, "Tầng trên") {
		t.Fatalf("seat %s is on the upper deck; the page does not say so:\n%s", seat, excerpt(a.body))
	}

	// The token on the page verifies offline with the served public key.
	m := ticketTokenRE.FindStringSubmatch(a.body)
	if m == nil {
		t.Fatalf("no token on the ticket page:\n%s", excerpt(a.body))
	}
	tok := html.UnescapeString(m[1])
	if len(tok) >= 300 {
		t.Errorf("the token has %d characters; the QR code gets too dense", len(tok))
	}
	pub := fetchPublicKey(t, b)
	c, err := ticket.Verify(pub, tok)
	if err != nil {
		t.Fatalf("verify %q: %v", tok, err)
	}
	if c.Booking != code || c.Seat != seat || c.Trip != bk.TripID || c.From != bk.From || c.To != bk.To ||
		!c.Departs.Equal(trip.StopTime(bk.From)) || c.Passenger != bk.Tickets[0].Passenger || c.Issued.IsZero() {
		t.Fatalf("claims %+v for booking %+v", c, bk)
	}
	// The page shows the same token every time, so it matches its QR code.
	if again := ticketTokenRE.FindStringSubmatch(b.get(ticketURL(code, seat, token)).body); again == nil || again[1] != m[1] {
		t.Fatal("the token changed between two views of the page")
	}

	// schema.org BusReservation.
	ld := jsonLDRE.FindStringSubmatch(a.body)
	if ld == nil {
		t.Fatal("no JSON-LD on the ticket page")
	}
	var r struct {
		Context           string `json:"@context"`
		Type              string `json:"@type"`
		ReservationNumber string `json:"reservationNumber"`
		ReservationStatus string `json:"reservationStatus"`
		UnderName         struct{ Type, Name string }
		ReservationFor    struct {
			Type                             string `json:"@type"`
			BusCompany, Provider             struct{ Name, Telephone string }
			DepartureBusStop, ArrivalBusStop struct{ Type, Name string }
			DepartureTime, ArrivalTime       string
		}
		ReservedTicket struct {
			TicketToken  string
			TicketedSeat struct {
				Type       string `json:"@type"`
				SeatNumber string
			}
		}
	}
	if err := json.Unmarshal([]byte(ld[1]), &r); err != nil {
		t.Fatalf("JSON-LD does not parse: %v\n%s", err, ld[1])
	}
	rf := r.ReservationFor
	if r.Context != "https://schema.org" || r.Type != "BusReservation" || r.ReservationNumber != code ||
		r.ReservationStatus != "https://schema.org/ReservationConfirmed" || r.UnderName.Name != bk.Tickets[0].Passenger ||
		rf.Type != "BusTrip" || rf.BusCompany.Name != trip.Operator.Name || rf.Provider.Telephone != hotline ||
		rf.DepartureBusStop.Name == "" || !strings.Contains(a.body, rf.DepartureBusStop.Name) || rf.ArrivalBusStop.Name == "" ||
		r.ReservedTicket.TicketToken != "qrCode:"+tok || r.ReservedTicket.TicketedSeat.SeatNumber != seat ||
		r.ReservedTicket.TicketedSeat.Type != "Seat" {
		t.Fatalf("JSON-LD %+v\n%s", r, ld[1])
	}
	for _, ts := range []string{rf.DepartureTime, rf.ArrivalTime} {
		if tm, err := time.Parse(time.RFC3339, ts); err != nil || !strings.HasSuffix(ts, "+07:00") || tm.Before(time.Now()) {
			t.Fatalf("JSON-LD time %q: %v", ts, err)
		}
	}
	if dep, _ := time.Parse(time.RFC3339, rf.DepartureTime); dep.Sub(trip.StopTime(bk.From)).Abs() > 3*time.Hour {
		t.Fatalf("JSON-LD departure %s, the bus leaves at %s", rf.DepartureTime, trip.StopTime(bk.From))
	}

	// The QR code is a PNG.
	res, err := b.c.Get(b.base + "/bookings/" + code + "/tickets/" + seat + "/qr.png?t=" + token)
	if err != nil {
		t.Fatal(err)
	}
	img, err := png.Decode(res.Body)
	res.Body.Close()
	if err != nil || res.StatusCode != http.StatusOK || res.Header.Get("Content-Type") != "image/png" || img.Bounds().Dx() < 200 {
		t.Fatalf("QR image: %d %q %v", res.StatusCode, res.Header.Get("Content-Type"), err)
	}

	// Lower-case seat in the URL is the same ticket; the other seat has its own token.
	b.get(ticketURL(code, strings.ToLower(seat), token)).want(t, http.StatusOK, m[1])
	other := ticketTokenRE.FindStringSubmatch(b.get(ticketURL(code, seats[1], token)).body)
	if other == nil || other[1] == m[1] {
		t.Fatal("the second seat has no token of its own")
	}
	if c2, err := ticket.Verify(pub, html.UnescapeString(other[1])); err != nil || c2.Seat != seats[1] || c2.Passenger != bk.Tickets[1].Passenger {
		t.Fatalf("second seat: %+v, %v", c2, err)
	}

	// In English.
	back := ticketURL(code, seat, token)
	b.get("/lang/en?back="+url.QueryEscape(back)).want(t, http.StatusSeeOther)
	b.get(back).want(t, http.StatusOK, `<html lang="en">`, "E-ticket · Seat "+seat, "Operator hotline", "Pickup point",
		"Cancellation policy", "View the booking", m[1])
	b.get("/lang/vi?back=/").want(t, http.StatusSeeOther)

	// Wrong token, unknown seat, unknown booking: not found, and no QR.
	for _, u := range []string{ticketURL(code, seat, "0000"), ticketURL(code, seat, ""), ticketURL(code, "Z99", token),
		ticketURL("ZZZZZZZZ", seat, token)} {
		a := b.get(u)
		a.want(t, http.StatusNotFound, "Không tìm thấy")
		if strings.Contains(a.body, "BX1.") {
			t.Fatalf("%s shows a token", u)
		}
		q := strings.Replace(u, "?", "/qr.png?", 1)
		res, err := b.c.Get(b.base + q)
		if err != nil {
			t.Fatal(err)
		}
		res.Body.Close()
		if res.StatusCode != http.StatusNotFound {
			t.Fatalf("GET %s: %d, want 404", q, res.StatusCode)
		}
	}
}

func TestTicketNotYetIssued(t *testing.T) {
	b := newBrowser(t)
	code, token, seats := bookSeats(t, b, "ha noi", "sapa", 7, 1, false)
	a := b.get("/bookings/" + code + "?t=" + token)
	a.want(t, http.StatusOK, "Chờ thanh toán")
	if strings.Contains(a.body, "/tickets/") {
		t.Fatal("an unpaid booking links to tickets")
	}
	a = b.get(ticketURL(code, seats[0], token))
	a.want(t, http.StatusOK, "Chưa có vé điện tử", "thanh toán và xác nhận", `href="`+html.EscapeString("/bookings/"+code+"?t="+token)+`"`)
	for _, s := range []string{"BX1.", `id="ticket-token"`, "ld+json", "qr.png"} {
		if strings.Contains(a.body, s) {
			t.Fatalf("the ticket page of an unpaid booking contains %q:\n%s", s, excerpt(a.body))
		}
	}
	res, err := b.c.Get(b.base + "/bookings/" + code + "/tickets/" + seats[0] + "/qr.png?t=" + token)
	if err != nil {
		t.Fatal(err)
	}
	res.Body.Close()
	if res.StatusCode != http.StatusNotFound {
		t.Fatalf("QR of an unpaid ticket: %d, want 404", res.StatusCode)
	}

	// Cancelled: no ticket ever.
	b.post("/bookings/"+code+"/cancel", url.Values{"t": {token}}).want(t, http.StatusSeeOther)
	a = b.get(ticketURL(code, seats[0], token))
	a.want(t, http.StatusGone, "không còn hiệu lực")
	if strings.Contains(a.body, "BX1.") {
		t.Fatal("a cancelled booking shows a token")
	}
}

func TestTicketPublicKey(t *testing.T) {
	b := newBrowser(t)
	if pub := fetchPublicKey(t, b); !pub.Equal(testTicketSigner.PublicKey()) {
		t.Fatal("the served key is not the signer's")
	}
}

// TestBrowserTicket opens a ticket in Chromium on a phone-sized screen: the
// QR image loads and nothing is refused by the page's CSP (the JSON-LD
// block is data, not script). It leaves 6-ticket-phone.png in
// $BENXE_ARTIFACTS.
func TestBrowserTicket(t *testing.T) {
	if _, err := os.Stat(chromiumPath); err != nil {
		if os.Getenv("CI") != "" {
			t.Fatalf("the browser test needs %s: %v", chromiumPath, err)
		}
		t.Skipf("no %s; install chromium to run the browser test", chromiumPath)
	}
	b := newBrowser(t)
	code, token, seats := bookSeats(t, b, "sai gon", "nha trang", 6, 1, true)
	artifacts := os.Getenv("BENXE_ARTIFACTS")
	if artifacts == "" {
		artifacts = filepath.Join(os.TempDir(), "benxe-artifacts")
	}
	if err := os.MkdirAll(artifacts, 0o755); err != nil {
		t.Fatal(err)
	}
	alloc, cancelAlloc := chromedp.NewExecAllocator(context.Background(), chromedp.ExecPath(chromiumPath),
		chromedp.Headless, chromedp.NoSandbox, chromedp.DisableGPU, chromedp.NoFirstRun,
		chromedp.Flag("disable-background-networking", true), chromedp.Flag("disable-component-update", true),
		chromedp.UserDataDir(t.TempDir()), chromedp.WindowSize(390, 844))
	defer cancelAlloc()
	tab, cancelTab := chromedp.NewContext(alloc, chromedp.WithLogf(t.Logf))
	defer cancelTab()
	ctx, cancel := context.WithTimeout(tab, 60*time.Second)
	defer cancel()
	var mu sync.Mutex
	var problems []string
	messages := chromedp.Console(ctx)
	collected := make(chan struct{})
	go func() {
		defer close(collected)
		for m, err := range messages {
			if err != nil {
				return
			}
			if m.IsException() || m.Type == chromedp.ConsoleError {
				mu.Lock()
				problems = append(problems, m.URL+": "+m.String())
				mu.Unlock()
			}
		}
	}()
	if err := chromedp.Do(ctx, chromedp.EmulateViewport(390, 844, chromedp.EmulateMobile),
		chromedp.Navigate(b.base+ticketURL(code, seats[0], token)), chromedp.WaitVisible(chromedp.ID("ticket-token"))); err != nil {
		t.Fatal(err)
	}
	width, err := chromedp.Run(ctx, chromedp.Poll[int](
		`(() => { const i = document.querySelector(".ticket-qr img"); return i && i.complete ? i.naturalWidth : 0 })()`,
		chromedp.WithPollingTimeout(20*time.Second)))
	if err != nil || width == 0 {
		t.Fatalf("the ticket QR image did not load: width %d, %v", width, err)
	}
	ld, err := chromedp.Run(ctx, chromedp.Evaluate[string](
		`JSON.parse(document.querySelector('script[type="application/ld+json"]').textContent)["@type"]`))
	if err != nil || ld != "BusReservation" {
		t.Fatalf("JSON-LD in the browser: %q, %v", ld, err)
	}
	png, err := chromedp.Run(ctx, chromedp.FullScreenshot(100))
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(artifacts, "6-ticket-phone.png"), png, 0o644); err != nil {
		t.Fatal(err)
	}
	cancel()
	<-collected
	mu.Lock()
	defer mu.Unlock()
	for _, p := range problems {
		t.Errorf("browser console: %s", p)
	}
}

package web

import (
	"context"
	"fmt"
	"html"
	"io"
	"io/fs"
	"math/rand/v2"
	"net/http"
	"net/http/cookiejar"
	"net/url"
	"os"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/benxe/benxe/internal/booking"
	"github.com/benxe/benxe/internal/store"
	"github.com/benxe/benxe/internal/vn"
)

// The pages are tested as a browser without JavaScript uses them: plain
// GETs and form POSTs, with cookies, not following redirects so that each
// step's answer can be checked.

type browser struct {
	t    *testing.T
	base string
	c    *http.Client
}

type answer struct {
	status int
	body   string
	loc    string
}

func newBrowser(t *testing.T) *browser {
	t.Helper()
	base, _ := startTestServer(t)
	jar, err := cookiejar.New(nil)
	if err != nil {
		t.Fatal(err)
	}
	return &browser{t: t, base: base, c: &http.Client{Jar: jar, Timeout: 30 * time.Second,
		CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}}
}

func (b *browser) do(method, path string, form url.Values) answer {
	b.t.Helper()
	req, err := http.NewRequest(method, b.base+path, strings.NewReader(form.Encode()))
	if err != nil {
		b.t.Fatal(err)
	}
	if form != nil {
		req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	}
	res, err := b.c.Do(req)
	if err != nil {
		b.t.Fatal(err)
	}
	defer res.Body.Close()
	body, err := io.ReadAll(res.Body)
	if err != nil {
		b.t.Fatal(err)
	}
	if ct := res.Header.Get("Content-Type"); res.StatusCode != http.StatusSeeOther && !strings.HasPrefix(ct, "text/html") {
		b.t.Fatalf("%s %s: Content-Type %q", method, path, ct)
	}
	return answer{status: res.StatusCode, body: string(body), loc: res.Header.Get("Location")}
}

func (b *browser) get(path string) answer { return b.do(http.MethodGet, path, nil) }

func (b *browser) post(path string, form url.Values) answer {
	return b.do(http.MethodPost, path, form)
}

// want fails unless the answer has the status and every text.
func (a answer) want(t *testing.T, status int, texts ...string) {
	t.Helper()
	if a.status != status {
		t.Fatalf("status %d, want %d; body:\n%s", a.status, status, excerpt(a.body))
	}
	for _, s := range texts {
		if !strings.Contains(a.body, s) {
			t.Fatalf("page lacks %q:\n%s", s, excerpt(a.body))
		}
	}
}

// excerpt is the main part of a page, enough to see what went wrong.
func excerpt(body string) string {
	if i := strings.Index(body, `<main`); i >= 0 {
		body = body[i:]
	}
	if len(body) > 4000 {
		body = body[:4000] + "…"
	}
	return body
}

func daysAhead(n int) string {
	return demoToday().AddDate(0, 0, n).Format(time.DateOnly)
}

func demoToday() time.Time {
	n := time.Now().In(vn.Zone)
	return time.Date(n.Year(), n.Month(), n.Day(), 0, 0, 0, 0, vn.Zone)
}

// uniquePhone gives each booking its own number: demo promo codes allow
// one use per phone, and other tests share the server.
func uniquePhone() string {
	return fmt.Sprintf("0386%06d", rand.IntN(1_000_000))
}

var (
	tripLinkRE = regexp.MustCompile(`<li class="card trip" data-vehicle="([a-z0-9]+)">(?s:.*?)href="(/trips/\d+\?from=\d+&(?:amp;)?to=\d+)"`)
	seatRE     = regexp.MustCompile(`<input type="checkbox" name="seats" value="([A-Z]\d+)"[^>]*>`)
	pointRE    = regexp.MustCompile(`name="(pickup|dropoff)_point_id" value="(\d+)"`)
	bookingRE  = regexp.MustCompile(`^/bookings/([A-Z2-9]{8})\?t=([0-9a-f]+)$`)
)

// findTrip searches from→to on a day and returns the link of the first
// trip, preferring a vehicle kind when one is there.
func (b *browser) findTrip(from, to, date, prefer string) string {
	b.t.Helper()
	a := b.get("/search?" + url.Values{"from": {from}, "to": {to}, "date": {date}}.Encode())
	a.want(b.t, http.StatusOK)
	found := tripLinkRE.FindAllStringSubmatch(a.body, -1)
	if len(found) == 0 {
		b.t.Fatalf("no trips %s → %s on %s:\n%s", from, to, date, excerpt(a.body))
	}
	for _, m := range found {
		if m[1] == prefer {
			return html.UnescapeString(m[2])
		}
	}
	return html.UnescapeString(found[0][2])
}

// freeSeat is a seat the trip page offers, from the upper deck if it can.
func freeSeat(t *testing.T, page string) string {
	t.Helper()
	var free []string
	for _, m := range seatRE.FindAllStringSubmatch(page, -1) {
		if !strings.Contains(m[0], "disabled") {
			free = append(free, m[1])
		}
	}
	if len(free) == 0 {
		t.Fatal("no free seat on the trip page")
	}
	for _, s := range free {
		if s[0] == 'B' {
			return s
		}
	}
	return free[0]
}

func formOf(tripURL string) url.Values {
	u, _ := url.Parse(tripURL)
	return url.Values{"from": {u.Query().Get("from")}, "to": {u.Query().Get("to")}}
}

// holdSeat ticks one free seat of a trip and holds it; it returns the
// checkout path.
func (b *browser) holdSeat(tripURL string) (checkout, seat string) {
	b.t.Helper()
	a := b.get(tripURL)
	a.want(b.t, http.StatusOK, `name="seats"`)
	seat = freeSeat(b.t, a.body)
	form := formOf(tripURL)
	form.Set("seats", seat)
	a = b.post(strings.SplitN(tripURL, "?", 2)[0]+"/hold", form)
	if a.status != http.StatusSeeOther || !strings.HasPrefix(a.loc, "/holds/") {
		b.t.Fatalf("hold: status %d, Location %q:\n%s", a.status, a.loc, excerpt(a.body))
	}
	return a.loc, seat
}

// fillCheckout fills the checkout as a person would, taking the first
// pickup and drop-off points.
func fillCheckout(t *testing.T, page, name, phone string) url.Values {
	t.Helper()
	f := url.Values{"contact_name": {name}, "contact_phone": {phone}, "payment_method": {booking.BankTransfer}}
	for _, m := range pointRE.FindAllStringSubmatch(page, -1) {
		if f.Get(m[1]+"_point_id") == "" {
			f.Set(m[1]+"_point_id", m[2])
		}
	}
	if f.Get("pickup_point_id") == "" || f.Get("dropoff_point_id") == "" {
		t.Fatalf("checkout lacks pickup or drop-off points:\n%s", excerpt(page))
	}
	return f
}

func TestHomePage(t *testing.T) {
	b := newBrowser(t)
	a := b.get("/")
	a.want(t, http.StatusOK, `<html lang="vi">`, "Tìm vé xe", `action="/search"`, `<label for="f-from">Điểm đi</label>`,
		`<label for="f-to">Điểm đến</label>`, `type="date" name="date" value="`+daysAhead(1)+`"`, `href="/lookup"`,
		`href="/lang/en?back=%2f"`, "<datalist")
	res, err := b.c.Get(b.base + assetURLs["app.css"])
	if err != nil {
		t.Fatal(err)
	}
	res.Body.Close()
	if res.StatusCode != http.StatusOK || !strings.HasPrefix(res.Header.Get("Content-Type"), "text/css") ||
		!strings.Contains(res.Header.Get("Cache-Control"), "immutable") {
		t.Fatalf("app.css: %d %q %q", res.StatusCode, res.Header.Get("Content-Type"), res.Header.Get("Cache-Control"))
	}
}

func TestSearchByFreeText(t *testing.T) {
	b := newBrowser(t)
	date := daysAhead(3)
	a := b.get("/search?" + url.Values{"from": {"sai gon"}, "to": {"da lat"}, "date": {date}}.Encode())
	a.want(t, http.StatusOK, `value="TP Hồ Chí Minh"`, `value="Đà Lạt"`, "chuyến xe", "Chọn ghế", "Ngày sau")
	if n := len(tripLinkRE.FindAllString(a.body, -1)); n < 3 {
		t.Fatalf("%d trips found, want several:\n%s", n, excerpt(a.body))
	}
	// Filters narrow the same search; the menus still offer every operator.
	all := len(tripLinkRE.FindAllString(a.body, -1))
	u := "/search?" + url.Values{"from": {"sai gon"}, "to": {"da lat"}, "date": {date}, "vehicle": {"sleeper40"}, "sort": {"price"}}.Encode()
	f := b.get(u)
	f.want(t, http.StatusOK, `<option value="sleeper40" selected>`, "Bỏ lọc", "Langbiang Limousine")
	for _, m := range tripLinkRE.FindAllStringSubmatch(f.body, -1) {
		if m[1] != "sleeper40" {
			t.Fatalf("vehicle filter let a %s through", m[1])
		}
	}
	if n := len(tripLinkRE.FindAllString(f.body, -1)); n == 0 || n >= all {
		t.Fatalf("filtered search found %d of %d trips", n, all)
	}
}

func TestSearchUnknownPlace(t *testing.T) {
	b := newBrowser(t)
	a := b.get("/search?" + url.Values{"from": {"sai gon"}, "to": {"Atlantis"}, "date": {daysAhead(2)}}.Encode())
	a.want(t, http.StatusBadRequest, `id="err-to"`, "Không tìm thấy địa điểm “Atlantis”", `aria-describedby="err-to"`, `value="Atlantis"`)
	a = b.get("/search?" + url.Values{"from": {"sai gon"}, "to": {"da lat"}, "date": {"2001-01-01"}}.Encode())
	a.want(t, http.StatusBadRequest, `id="err-date"`, "Ngày đi đã qua.")
}

func TestEnglish(t *testing.T) {
	b := newBrowser(t)
	back := "/search?" + url.Values{"from": {"sai gon"}, "to": {"da lat"}, "date": {daysAhead(3)}}.Encode()
	a := b.get("/lang/en?back=" + url.QueryEscape(back))
	if a.status != http.StatusSeeOther || a.loc != back {
		t.Fatalf("switch: %d to %q, want 303 to %q", a.status, a.loc, back)
	}
	a = b.get(back)
	a.want(t, http.StatusOK, `<html lang="en">`, "Find tickets", "Choose seats", "Tiếng Việt", "40-berth sleeper")
	if strings.Contains(a.body, "Tìm vé xe") {
		t.Fatal("English page still says Tìm vé xe")
	}
	a = b.get("/trips/999999999")
	a.want(t, http.StatusNotFound, "Not found", "No such trip.")
	b.get("/lang/vi?back=/").want(t, http.StatusSeeOther)
	b.get("/").want(t, http.StatusOK, `<html lang="vi">`, "Tìm vé xe")
}

func TestLangRefusesOpenRedirect(t *testing.T) {
	b := newBrowser(t)
	for _, back := range []string{"//evil.example/x", "https://evil.example/", "/\\evil.example", "\\\\evil.example",
		"/\t/evil.example", "evil.example", "javascript:alert(1)", ""} {
		a := b.get("/lang/en?back=" + url.QueryEscape(back))
		if a.status != http.StatusSeeOther || a.loc != "/" {
			t.Errorf("back=%q: %d to %q, want 303 to /", back, a.status, a.loc)
		}
	}
	a := b.get("/lang/xx?back=/")
	a.want(t, http.StatusNotFound)
}

// TestBookingFlow walks the five steps without JavaScript: search, seat,
// hold, checkout with a promo code and a mistake, booking page.
func TestBookingFlow(t *testing.T) {
	b := newBrowser(t)
	_, st := startTestServer(t)
	ctx := context.Background()
	tripURL := b.findTrip("sai gon", "da lat", daysAhead(3), "sleeper40")
	checkout, seat := b.holdSeat(tripURL)
	holdID := strings.TrimPrefix(checkout, "/holds/")

	a := b.get(checkout)
	a.want(t, http.StatusOK, "Hoàn tất đặt vé", seat, "Điểm đón", "Điểm trả", `name="contact_phone"`,
		`value="bank_transfer" checked`, `value="counter"`, `name="action" value="apply"`, "Áp dụng", `name="action" value="book"`,
		"Chuyển khoản ngân hàng (VietQR)", "Thanh toán tại quầy", "Hủy giữ chỗ", "data-expires=")
	phone := uniquePhone()
	f := fillCheckout(t, a.body, "Nguyễn Văn An", phone)

	// Áp dụng: a wrong code is shown on its field, a good one changes the total.
	f.Set("promo_code", "KHONGCO")
	f.Set("action", "apply")
	a = b.post(checkout, f)
	a.want(t, http.StatusBadRequest, `id="err-promo_code"`, "Mã giảm giá không tồn tại.", `value="KHONGCO"`, `value="Nguyễn Văn An"`)
	f.Set("promo_code", "chaoban")
	a = b.post(checkout, f)
	a.want(t, http.StatusOK, "Mã giảm giá CHAOBAN", "-30.000đ", `value="chaoban"`, `value="`+phone+`"`)
	if strings.Contains(a.body, `id="err-promo_code"`) {
		t.Fatal("a valid promo code is shown as an error")
	}

	// A bad phone comes back next to the phone field and books nothing.
	f.Set("action", "book")
	f.Set("contact_phone", "12345")
	a = b.post(checkout, f)
	a.want(t, http.StatusBadRequest, `id="err-contact-phone"`, `aria-describedby="err-contact-phone hint-phone"`,
		`value="12345"`, `href="#f-contact-phone"`, "Mã giảm giá CHAOBAN")
	if h, err := st.Hold(ctx, holdID); err != nil || h.Status != booking.HoldActive {
		t.Fatalf("after a bad phone the hold is %+v, %v; want it still active", h, err)
	}

	f.Set("contact_phone", phone)
	f.Set("passenger_"+seat, "Trần Thị Bình")
	a = b.post(checkout, f)
	m := bookingRE.FindStringSubmatch(a.loc)
	if a.status != http.StatusSeeOther || m == nil {
		t.Fatalf("book: %d to %q:\n%s", a.status, a.loc, excerpt(a.body))
	}
	code := m[1]
	bk, err := st.Booking(ctx, code)
	if err != nil {
		t.Fatal(err)
	}
	if bk.Contact.Phone != phone || len(bk.Tickets) != 1 || bk.Tickets[0].Passenger != "Trần Thị Bình" || bk.Status != booking.PendingPayment {
		t.Fatalf("booking %+v", bk)
	}

	a = b.get(a.loc)
	a.want(t, http.StatusOK, `id="booking-code">`+code+`<`, "Chờ thanh toán", "Vui lòng thanh toán trước",
		vn.FormatDateTime(bk.PaymentDeadline), `<img src="/bookings/`+code+`/qr.png?t=`, "Nội dung chuyển khoản",
		vn.FormatVND(bk.Total), seat, "Trần Thị Bình", "Hủy đơn đặt vé", "Chính sách hủy vé")
	qr := regexp.MustCompile(`<img src="([^"]+)"`).FindAllStringSubmatch(a.body, -1)
	res, err := b.c.Get(b.base + html.UnescapeString(qr[len(qr)-1][1]))
	if err != nil {
		t.Fatal(err)
	}
	res.Body.Close()
	if res.StatusCode != http.StatusOK || res.Header.Get("Content-Type") != "image/png" {
		t.Fatalf("QR image: %d %s", res.StatusCode, res.Header.Get("Content-Type"))
	}

	// The checkout of a booked hold says so; a wrong token finds nothing.
	b.get(checkout).want(t, http.StatusConflict, "đã được đặt vé")
	b.get("/bookings/"+code+"?t=0000").want(t, http.StatusNotFound, "Không tìm thấy")

	// Cancelling an unpaid booking frees the seat.
	a = b.post("/bookings/"+code+"/cancel", url.Values{"t": {m[2]}})
	if a.status != http.StatusSeeOther {
		t.Fatalf("cancel: %d:\n%s", a.status, excerpt(a.body))
	}
	b.get(a.loc).want(t, http.StatusOK, "Đã hủy")
	if strings.Contains(b.get(a.loc).body, "Hủy đơn đặt vé") {
		t.Fatal("a cancelled booking still offers to cancel")
	}
}

func TestSeatTakenMeanwhile(t *testing.T) {
	b := newBrowser(t)
	_, st := startTestServer(t)
	tripURL := b.findTrip("sai gon", "nha trang", daysAhead(5), "sleeper40")
	a := b.get(tripURL)
	a.want(t, http.StatusOK)
	seat := freeSeat(t, a.body)
	u, _ := url.Parse(tripURL)
	var id int64
	var from, to int
	fmt.Sscanf(u.Path, "/trips/%d", &id)
	fmt.Sscanf(u.Query().Get("from")+" "+u.Query().Get("to"), "%d %d", &from, &to)
	// Someone else takes the seat while the page is open.
	if _, err := st.CreateHold(context.Background(), store.HoldRequest{TripID: id, From: from, To: to, Seats: []string{seat}},
		10*time.Minute, time.Now()); err != nil {
		t.Fatal(err)
	}
	form := formOf(tripURL)
	form.Set("seats", seat)
	a = b.post(u.Path+"/hold", form)
	a.want(t, http.StatusConflict, "Ghế đã có người đặt", "Ghế: "+seat+".", `value="`+seat+`" id="seat-`+seat+`" data-price="`)
	if !regexp.MustCompile(`value="` + seat + `"[^>]* disabled`).MatchString(a.body) {
		t.Fatal("the taken seat is not disabled on the re-rendered map")
	}

	// Continuing without a seat is explained in place.
	a = b.post(u.Path+"/hold", formOf(tripURL))
	a.want(t, http.StatusBadRequest, `id="err-seats"`, "Vui lòng chọn ít nhất một ghế.", `aria-describedby="err-seats"`)
}

func TestReleaseHold(t *testing.T) {
	b := newBrowser(t)
	tripURL := b.findTrip("ha noi", "sapa", daysAhead(4), "sleeper40")
	checkout, _ := b.holdSeat(tripURL)
	a := b.post(checkout+"/release", url.Values{})
	if a.status != http.StatusSeeOther || a.loc != tripURL {
		t.Fatalf("release: %d to %q, want the trip %q", a.status, a.loc, tripURL)
	}
	b.get(checkout).want(t, http.StatusGone, "Bạn đã hủy giữ chỗ này.", `href="`+html.EscapeString(tripURL)+`"`)
}

func TestLookup(t *testing.T) {
	b := newBrowser(t)
	b.get("/lookup").want(t, http.StatusOK, "Tra cứu vé", `name="code"`, `name="phone"`)
	tripURL := b.findTrip("sai gon", "vung tau", daysAhead(2), "")
	checkout, _ := b.holdSeat(tripURL)
	phone := uniquePhone()
	f := fillCheckout(t, b.get(checkout).body, "Lê Văn Cường", phone)
	f.Set("payment_method", booking.Counter)
	a := b.post(checkout, f)
	m := bookingRE.FindStringSubmatch(a.loc)
	if m == nil {
		t.Fatalf("book: %d to %q:\n%s", a.status, a.loc, excerpt(a.body))
	}
	b.get(a.loc).want(t, http.StatusOK, "Thanh toán tại quầy", "tại quầy vé")

	// A wrong code and a wrong phone get the same answer, in place.
	otherPhone := "0912345678"
	if otherPhone == phone {
		otherPhone = "0912345679"
	}
	wrongCode := b.post("/lookup", url.Values{"code": {"ZZZZZZZZ"}, "phone": {phone}})
	wrongPhone := b.post("/lookup", url.Values{"code": {m[1]}, "phone": {otherPhone}})
	for _, a := range []answer{wrongCode, wrongPhone} {
		a.want(t, http.StatusNotFound, `role="alert" id="alert"`, "Không tìm thấy đơn đặt vé với mã và số điện thoại này.",
			`aria-describedby="alert"`, `name="code"`)
	}
	if alert := regexp.MustCompile(`(?s)<div class="alert".*?</div>`); alert.FindString(wrongCode.body) != alert.FindString(wrongPhone.body) {
		t.Fatal("a wrong code and a wrong phone are told apart")
	}
	b.post("/lookup", url.Values{"code": {m[1]}, "phone": {"123"}}).want(t, http.StatusBadRequest, `id="err-phone"`)

	a = b.post("/lookup", url.Values{"code": {strings.ToLower(m[1][:4] + " " + m[1][4:])}, "phone": {"+84 " + phone[1:]}})
	if a.status != http.StatusSeeOther || a.loc != "/bookings/"+m[1]+"?t="+m[2] {
		t.Fatalf("lookup: %d to %q", a.status, a.loc)
	}
}

// TestBadInputNever500 sends what a hand-edited URL or a stale form sends.
func TestBadInputNever500(t *testing.T) {
	b := newBrowser(t)
	gets := []string{"/search", "/search?from=&to=", "/search?from=1&to=1&date=" + daysAhead(1),
		"/search?from=sai+gon&to=da+lat&date=tomorrow", "/search?from=99999999999&to=da+lat",
		"/search?from=sai+gon&to=da+lat&max_price=abc&operator=-1&sort=x&time=noon",
		"/search?from=" + strings.Repeat("a", 500) + "&to=b", "/trips/abc", "/trips/0", "/trips/1?from=9&to=1",
		"/trips/1?from=x", "/holds/nope", "/bookings/NOPE", "/bookings/NOPE?t=abc", "/lang/de", "/static/", "/static/nope.css"}
	for _, p := range gets {
		res, err := b.c.Get(b.base + p)
		if err != nil {
			t.Fatal(err)
		}
		res.Body.Close()
		if res.StatusCode >= 500 {
			t.Errorf("GET %s: %d", p, res.StatusCode)
		}
	}
	posts := map[string]url.Values{
		"/trips/1/hold":         {"from": {"0"}, "to": {"1"}, "seats": {"ZZ99", "ZZ99"}},
		"/trips/abc/hold":       {},
		"/trips/1/hold?x":       {"from": {"a"}},
		"/holds/nope":           {"action": {"book"}},
		"/holds/nope/release":   {},
		"/bookings/NOPE/cancel": {"t": {"x"}},
		"/lookup":               {"code": {""}, "phone": {""}},
	}
	for p, f := range posts {
		a := b.post(p, f)
		if a.status >= 500 {
			t.Errorf("POST %s: %d", p, a.status)
		}
	}
	b.get("/bookings/NOPE?t=abc").want(t, http.StatusNotFound, "Không tìm thấy", "Về trang chủ")
}

// TestMessages checks the word list: every key the templates use exists,
// and every text has both languages with the same fmt verbs.
func TestMessages(t *testing.T) {
	verbs := regexp.MustCompile(`%[-+# 0-9.]*[a-zA-Z%]`)
	for k, m := range messages {
		if m[0] == "" || m[1] == "" {
			t.Errorf("message %q lacks a language", k)
		}
		if a, b := verbs.FindAllString(m[0], -1), verbs.FindAllString(m[1], -1); strings.Join(a, "") != strings.Join(b, "") {
			t.Errorf("message %q: verbs %v in Vietnamese, %v in English", k, a, b)
		}
	}
	used := regexp.MustCompile(`\{\{-?\s*t "([a-z0-9_]+)"|\(t "([a-z0-9_]+)"`)
	err := fs.WalkDir(templateFS, "templates", func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		src, err := templateFS.ReadFile(path)
		for _, m := range used.FindAllStringSubmatch(string(src), -1) {
			if _, ok := messages[m[1]+m[2]]; !ok {
				t.Errorf("%s uses unknown message %q", path, m[1]+m[2])
			}
		}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	src, err := os.ReadFile("pages.go")
	if err != nil {
		t.Fatal(err)
	}
	for _, m := range regexp.MustCompile(`tr\([a-zA-Z.]+, "([a-z0-9_]+)"[,)]`).FindAllStringSubmatch(string(src), -1) {
		if _, ok := messages[m[1]]; !ok {
			t.Errorf("pages.go uses unknown message %q", m[1])
		}
	}
	var keys []string
	for _, s := range []string{booking.PendingPayment, booking.AwaitingOperator, booking.Confirmed, booking.Expired,
		booking.Cancelled, booking.CancelledByOperator, booking.Boarded} {
		keys = append(keys, "status_"+s)
	}
	for _, s := range []string{store.SeatAvailable, store.SeatHeld, store.SeatSold, store.SeatBlocked} {
		keys = append(keys, "seat_"+s)
	}
	for _, tod := range timesOfDay {
		keys = append(keys, "time_"+tod.key)
	}
	for i := range 7 {
		keys = append(keys, fmt.Sprintf("weekday_%d", i))
	}
	keys = append(keys, "sort_departure", "sort_price", "sort_rating", "method_"+booking.BankTransfer, "method_"+booking.Counter)
	for _, k := range keys {
		if _, ok := messages[k]; !ok {
			t.Errorf("no message %q", k)
		}
	}
}

func TestLocalPath(t *testing.T) {
	for in, want := range map[string]string{
		"/": "/", "/search?from=1&to=2": "/search?from=1&to=2", "/bookings/ABCDEFGH?t=12": "/bookings/ABCDEFGH?t=12",
		"//evil.example": "/", "/\\evil.example": "/", "https://evil.example": "/", "/a\nb": "/", "": "/", "search": "/",
	} {
		if got := localPath(in); got != want {
			t.Errorf("localPath(%q) = %q, want %q", in, got, want)
		}
	}
}

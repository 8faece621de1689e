package web

import (
	"bytes"
	"context"
	"crypto/sha256"
	"embed"
	"encoding/hex"
	"fmt"
	"html/template"
	"io/fs"
	"maps"
	"net/http"
	"net/url"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/benxe/benxe/internal/apperr"
	"github.com/benxe/benxe/internal/booking"
	"github.com/benxe/benxe/internal/catalog"
	"github.com/benxe/benxe/internal/pricing"
	"github.com/benxe/benxe/internal/store"
	"github.com/benxe/benxe/internal/vn"
)

// The passenger pages: server-rendered, complete without JavaScript.
// Handlers reuse the API's parsing and views, so a page and the API
// accept and show the same things.

//go:embed templates/*.html
var templateFS embed.FS

//go:embed static
var staticFS embed.FS

// pageNames are the templates; each is parsed with layout.html and
// parts.html.
var pageNames = []string{"home", "search", "trip", "checkout", "booking", "lookup", "error", "ticket", "sandbox_bank", "reconciliation"}

// pages holds one template set per language, so that templates call
// {{t "key"}} without passing the language around.
type pages struct {
	sets map[string]map[string]*template.Template
}

// loadPages parses the embedded templates. They ship inside the binary,
// so a parse error is a bug that the tests catch: panic.
func loadPages() *pages {
	p := &pages{sets: map[string]map[string]*template.Template{}}
	for _, lang := range []string{langVI, langEN} {
		set := map[string]*template.Template{}
		for _, name := range pageNames {
			set[name] = template.Must(template.New(name).Funcs(funcs(lang)).
				ParseFS(templateFS, "templates/layout.html", "templates/parts.html", "templates/"+name+".html"))
		}
		p.sets[lang] = set
	}
	return p
}

// assetURLs maps each static file to a URL carrying a hash of its content,
// so browsers may cache it for good and still see a new version at once.
var assetURLs = func() map[string]string {
	m := map[string]string{}
	err := fs.WalkDir(staticFS, "static", func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		b, err := staticFS.ReadFile(path)
		if err != nil {
			return err
		}
		sum := sha256.Sum256(b)
		name := strings.TrimPrefix(path, "static/")
		m[name] = "/static/" + name + "?v=" + hex.EncodeToString(sum[:6])
		return nil
	})
	if err != nil {
		panic(err)
	}
	return m
}()

func staticFiles() http.Handler {
	sub, err := fs.Sub(staticFS, "static")
	if err != nil {
		panic(err)
	}
	files := http.StripPrefix("/static/", http.FileServerFS(sub))
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if strings.HasSuffix(r.URL.Path, "/") {
			http.NotFound(w, r)
			return
		}
		if r.URL.Query().Get("v") != "" {
			w.Header().Set("Cache-Control", "public, max-age=31536000, immutable")
		} else {
			w.Header().Set("Cache-Control", "public, max-age=300")
		}
		w.Header().Set("X-Content-Type-Options", "nosniff")
		files.ServeHTTP(w, r)
	})
}

// pageCSP allows nothing but this site: no inline script or style, so an
// injected tag does nothing, and forms only post here.
const pageCSP = "default-src 'self'; img-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'"

// render runs a page template into a buffer first, so that a template
// error becomes a clean 500 and never half a page.
func (s *Server) render(w http.ResponseWriter, r *http.Request, status int, name string, data any) {
	var buf bytes.Buffer
	if err := s.pages.sets[langOf(r)][name].ExecuteTemplate(&buf, "layout", data); err != nil {
		s.Log.ErrorContext(r.Context(), "render page", "request_id", requestID(r.Context()), "page", name, "err", err)
		http.Error(w, "internal error", http.StatusInternalServerError)
		return
	}
	h := w.Header()
	h.Set("Content-Type", "text/html; charset=utf-8")
	h.Set("Content-Security-Policy", pageCSP)
	h.Set("X-Content-Type-Options", "nosniff")
	// Booking links carry their token in the query string.
	h.Set("Referrer-Policy", "same-origin")
	// Seat maps go stale in seconds and booking pages hold personal data.
	h.Set("Cache-Control", "no-store")
	w.WriteHeader(status)
	w.Write(buf.Bytes())
}

// base is what every page template needs.
type base struct {
	Lang  string
	Back  string            // this page's address, where the language switch returns to
	Alert string            // an error about the whole page, in Lang
	Errs  map[string]string // errors by form field, in Lang
}

// base starts a page's data; back is the GET address of the page, which
// for a form re-rendered after a POST is not the request's URL.
func (s *Server) base(r *http.Request, back string) base {
	if back == "" {
		back = "/"
		if r.Method == http.MethodGet {
			back = r.URL.RequestURI()
		}
	}
	return base{Lang: langOf(r), Back: back}
}

// showError puts err on the page: next to its field when the page has that
// field, else at the top. It returns the status to answer with.
func (s *Server) showError(r *http.Request, b *base, err error, fields ...string) int {
	status, d := s.errorOf(r, err)
	msg := pick(b.Lang, d.MessageVI, d.Message)
	if len(d.Seats) > 0 {
		msg += " " + tr(b.Lang, "seats_named", strings.Join(d.Seats, ", "))
	}
	if d.Field != "" && slices.Contains(fields, d.Field) {
		if b.Errs == nil {
			b.Errs = map[string]string{}
		}
		b.Errs[d.Field] = msg
	} else {
		b.Alert = msg
	}
	return status
}

type errorPage struct {
	base
	Status    int
	Message   string
	Link      string
	LinkLabel string
}

// pageError answers with a page explaining err, in the reader's language.
func (s *Server) pageError(w http.ResponseWriter, r *http.Request, err error) {
	pg := errorPage{base: s.base(r, "")}
	pg.Status = s.showError(r, &pg.base, err)
	pg.Message, pg.Alert = pg.Alert, ""
	s.render(w, r, pg.Status, "error", pg)
}

// parseForm reads a posted form, refusing bodies no form of ours needs.
func parseForm(w http.ResponseWriter, r *http.Request) error {
	r.Body = http.MaxBytesReader(w, r.Body, maxBody)
	if err := r.ParseForm(); err != nil {
		return apperr.Field("body", "invalid_form", "Dữ liệu gửi lên không hợp lệ.", "The form data is not valid.")
	}
	return nil
}

// --- language ---

func langOf(r *http.Request) string {
	if c, err := r.Cookie("lang"); err == nil && c.Value == langEN {
		return langEN
	}
	return langVI
}

func (s *Server) setLang(w http.ResponseWriter, r *http.Request) {
	lang := r.PathValue("lang")
	if lang != langVI && lang != langEN {
		s.pageError(w, r, errPageNotFound)
		return
	}
	http.SetCookie(w, &http.Cookie{Name: "lang", Value: lang, Path: "/", MaxAge: 365 * 24 * 3600,
		HttpOnly: true, SameSite: http.SameSiteLaxMode})
	http.Redirect(w, r, localPath(r.URL.Query().Get("back")), http.StatusSeeOther)
}

// localPath returns back if it is a path on this site, else "/". Browsers
// read "//host", "/\host" and paths with tabs or newlines in them as
// another site.
func localPath(back string) string {
	if len(back) < 1 || back[0] != '/' || strings.ContainsAny(back, "\\") || strings.HasPrefix(back, "//") {
		return "/"
	}
	for _, c := range []byte(back) {
		if c < 0x20 || c == 0x7f {
			return "/"
		}
	}
	if u, err := url.Parse(back); err != nil || u.Scheme != "" || u.Host != "" {
		return "/"
	}
	return back
}

var errPageNotFound = apperr.New(apperr.NotFound, "not_found", "", "Không tìm thấy trang này.", "There is no such page.")

// --- 1. home ---

// popularPlaces are offered while typing before any script has run.
var popularPlaces = []string{"TP Hồ Chí Minh", "Hà Nội", "Đà Lạt", "Nha Trang", "Đà Nẵng", "Huế", "Hải Phòng",
	"Sapa", "Vũng Tàu", "Cần Thơ", "Buôn Ma Thuột", "Quy Nhơn", "Phan Thiết", "Mũi Né", "Ninh Bình", "Hạ Long",
	"Hà Giang", "Cà Mau", "Bảo Lộc", "Hội An"}

// popularRoutes are the shortcuts on the home page, as people type them.
var popularRoutes = [][2]string{{"Sài Gòn", "Đà Lạt"}, {"Sài Gòn", "Nha Trang"}, {"Hà Nội", "Sapa"},
	{"Hà Nội", "Hải Phòng"}, {"Sài Gòn", "Vũng Tàu"}, {"Đà Nẵng", "Huế"}}

type searchForm struct {
	From, To, Date   string
	MinDate, MaxDate string
	Places           []string
}

type routeLink struct {
	From, To, URL string
}

type homePage struct {
	base
	Form        searchForm
	Routes      []routeLink
	HoldMinutes int
}

// searchForm fills the search form; an empty date means tomorrow, the
// most common choice.
func (s *Server) searchForm(from, to, date string) searchForm {
	n := s.Now().In(vn.Zone)
	today := time.Date(n.Year(), n.Month(), n.Day(), 0, 0, 0, 0, vn.Zone)
	if date == "" {
		date = today.AddDate(0, 0, 1).Format(time.DateOnly)
	}
	return searchForm{From: from, To: to, Date: date, MinDate: today.Format(time.DateOnly),
		MaxDate: today.AddDate(0, 0, searchHorizonDays).Format(time.DateOnly), Places: popularPlaces}
}

func (s *Server) pageHome(w http.ResponseWriter, r *http.Request) {
	pg := homePage{base: s.base(r, ""), Form: s.searchForm("", "", ""), HoldMinutes: int(s.Holds.TTL / time.Minute)}
	for _, rt := range popularRoutes {
		q := url.Values{"from": {rt[0]}, "to": {rt[1]}, "date": {pg.Form.Date}}
		pg.Routes = append(pg.Routes, routeLink{From: rt[0], To: rt[1], URL: "/search?" + q.Encode()})
	}
	s.render(w, r, http.StatusOK, "home", pg)
}

// --- 2. search ---

type option struct {
	Value, Label, Hint string
	Selected           bool
}

type searchPage struct {
	base
	Form      searchForm
	Searched  bool
	FromName  string
	ToName    string
	Day       rfc3339
	Trips     []tripHitJSON
	FromID    int64 // the filter form searches the same places again
	ToID      int64
	Sorts     []option
	Times     []option
	Operators []option
	Vehicles  []option
	Prices    []option
	Filtered  bool
	ClearURL  string
	PrevDay   string
	NextDay   string
}

// timesOfDay are the departure-time filters, as depart_after and
// depart_before of the API.
var timesOfDay = []struct{ key, after, before string }{
	{"early", "", "06:00"}, {"morning", "06:00", "12:00"}, {"afternoon", "12:00", "18:00"}, {"evening", "18:00", ""},
}

var priceSteps = []int64{200_000, 300_000, 400_000, 500_000, 700_000, 1_000_000}

// searchFilters are the query parameters that narrow a search.
var searchFilters = []string{"operator", "vehicle", "time", "depart_after", "depart_before", "min_price", "max_price"}

// resolvePlace reads a from/to search value: a place id from one of our
// links, or what a person typed, taken as the best match of a place search.
func (s *Server) resolvePlace(ctx context.Context, field, value string) (catalog.Place, error) {
	value = strings.TrimSpace(value)
	if value == "" {
		if field == "from" {
			return catalog.Place{}, apperr.Field(field, "required", "Vui lòng nhập điểm đi.", "Please enter where you leave from.")
		}
		return catalog.Place{}, apperr.Field(field, "required", "Vui lòng nhập điểm đến.", "Please enter where you are going.")
	}
	if len(value) > 100 {
		return catalog.Place{}, apperr.Field(field, "too_long", "Tên địa điểm quá dài.", "The place name is too long.")
	}
	notFound := apperr.Field(field, "unknown_place", "Không tìm thấy địa điểm “"+value+"”.", "No place called “"+value+"” was found.")
	if id, err := strconv.ParseInt(value, 10, 64); err == nil {
		p, err := s.Store.Place(ctx, id)
		if apperr.KindOf(err) == apperr.NotFound {
			return p, notFound
		}
		return p, err
	}
	hits, err := s.Store.SearchPlaces(ctx, value, 10)
	if err != nil {
		return catalog.Place{}, err
	}
	if len(hits) == 0 {
		return catalog.Place{}, notFound
	}
	// "Vinh" must find Vinh, not a busier place whose name contains it.
	key := vn.Key(value)
	for _, h := range hits {
		if vn.Key(h.Name) == key || vn.Key(h.Matched) == key {
			return h.Place, nil
		}
	}
	return hits[0].Place, nil
}

func (s *Server) pageSearch(w http.ResponseWriter, r *http.Request) {
	ctx := r.Context()
	v := r.URL.Query()
	pg := searchPage{base: s.base(r, ""), Form: s.searchForm(v.Get("from"), v.Get("to"), v.Get("date"))}
	if v.Get("date") == "" {
		// A search without a date is a bookmark or a hand-typed URL: the
		// form shows tomorrow, and so do the results.
		v.Set("date", pg.Form.Date)
	}
	status := http.StatusOK
	from, err := s.resolvePlace(ctx, "from", v.Get("from"))
	if err != nil {
		status = s.showError(r, &pg.base, err, "from")
	}
	to, err := s.resolvePlace(ctx, "to", v.Get("to"))
	if err != nil {
		status = max(status, s.showError(r, &pg.base, err, "to"))
	}
	if status != http.StatusOK {
		s.render(w, r, status, "search", pg)
		return
	}
	pg.Form.From, pg.Form.To, pg.FromName, pg.ToName = from.Name, to.Name, from.Name, to.Name
	v.Set("from", strconv.FormatInt(from.ID, 10))
	v.Set("to", strconv.FormatInt(to.ID, 10))
	qv := maps.Clone(v)
	for _, tod := range timesOfDay {
		if v.Get("time") == tod.key {
			qv.Set("depart_after", tod.after)
			qv.Set("depart_before", tod.before)
		}
	}
	q, err := s.tripQuery(qv, from.ID, to.ID)
	if err != nil {
		status := s.showError(r, &pg.base, err, "to", "date", "operator", "vehicle", "max_price", "sort")
		s.render(w, r, status, "search", pg)
		return
	}
	hits, err := s.Store.SearchTrips(ctx, q)
	if err != nil {
		s.pageError(w, r, err)
		return
	}
	pg.Searched, pg.Day = true, rfc3339(q.Day)
	for _, h := range hits {
		pg.Trips = append(pg.Trips, tripHitView(h))
	}
	pg.FromID, pg.ToID = from.ID, to.ID
	for _, f := range searchFilters {
		pg.Filtered = pg.Filtered || v.Get(f) != ""
	}
	// The filter menus offer what the unfiltered search found, so that
	// choosing one operator does not hide the others.
	all := hits
	if pg.Filtered {
		bare := store.TripQuery{From: q.From, To: q.To, Day: q.Day, Now: q.Now, Limit: q.Limit}
		if all, err = s.Store.SearchTrips(ctx, bare); err != nil {
			s.pageError(w, r, err)
			return
		}
	}
	searchOptions(&pg, v, all)
	link := func(day time.Time, keepFilters bool) string {
		l := url.Values{}
		for k, vals := range v {
			if keepFilters || !slices.Contains(searchFilters, k) {
				l[k] = vals
			}
		}
		l.Set("date", day.Format(time.DateOnly))
		return "/search?" + l.Encode()
	}
	if today, _ := vn.ParseDate(pg.Form.MinDate); q.Day.After(today) {
		pg.PrevDay = link(q.Day.AddDate(0, 0, -1), true)
	}
	if last, _ := vn.ParseDate(pg.Form.MaxDate); q.Day.Before(last) {
		pg.NextDay = link(q.Day.AddDate(0, 0, 1), true)
	}
	pg.ClearURL = link(q.Day, false)
	s.render(w, r, http.StatusOK, "search", pg)
}

// searchOptions fills the sort and filter menus of a search page.
func searchOptions(pg *searchPage, v url.Values, all []store.TripHit) {
	lang := pg.Lang
	for _, o := range []string{"departure", "price", "rating"} {
		pg.Sorts = append(pg.Sorts, option{Value: o, Label: tr(lang, "sort_"+o), Selected: v.Get("sort") == o})
	}
	pg.Times = []option{{Value: "", Label: tr(lang, "time_any"), Selected: v.Get("time") == ""}}
	for _, tod := range timesOfDay {
		pg.Times = append(pg.Times, option{Value: tod.key, Label: tr(lang, "time_"+tod.key), Selected: v.Get("time") == tod.key})
	}
	pg.Operators = []option{{Value: "", Label: tr(lang, "all_operators")}}
	pg.Vehicles = []option{{Value: "", Label: tr(lang, "all_vehicles")}}
	seen := map[string]bool{}
	for _, h := range all {
		id := strconv.FormatInt(h.OperatorID, 10)
		if !seen["o"+id] {
			seen["o"+id] = true
			pg.Operators = append(pg.Operators, option{Value: id, Label: h.OperatorName, Selected: v.Get("operator") == id})
		}
		if !seen["v"+h.Vehicle] {
			seen["v"+h.Vehicle] = true
			pg.Vehicles = append(pg.Vehicles, option{Value: h.Vehicle, Label: pick(lang, catalog.VehicleNames[h.Vehicle][0], catalog.VehicleNames[h.Vehicle][1]),
				Selected: v.Get("vehicle") == h.Vehicle})
		}
	}
	slices.SortFunc(pg.Operators[1:], func(a, b option) int { return strings.Compare(a.Label, b.Label) })
	pg.Prices = []option{{Value: "", Label: tr(lang, "any_price")}}
	cur := v.Get("max_price")
	found := cur == ""
	for _, p := range priceSteps {
		val := strconv.FormatInt(p, 10)
		found = found || val == cur
		pg.Prices = append(pg.Prices, option{Value: val, Label: tr(lang, "up_to", vn.FormatVND(p)), Selected: val == cur})
	}
	if n, err := strconv.ParseInt(cur, 10, 64); !found && err == nil {
		pg.Prices = append(pg.Prices, option{Value: cur, Label: tr(lang, "up_to", vn.FormatVND(n)), Selected: true})
	}
}

// --- 3. trip and seat map ---

type tripPage struct {
	base
	Trip     tripJSON
	FromStop stopJSON
	ToStop   stopJSON
	Policy   []string
	Selected map[string]bool
	Closed   bool // not for sale now: the seat map is shown, nothing can be held
}

func tripURL(id int64, from, to int) string {
	return "/trips/" + strconv.FormatInt(id, 10) + "?from=" + strconv.Itoa(from) + "&to=" + strconv.Itoa(to)
}

func (s *Server) pageTrip(w http.ResponseWriter, r *http.Request) {
	trip, err := s.pathTrip(r)
	if err != nil {
		s.pageError(w, r, err)
		return
	}
	from, to, err := segment(r.URL.Query(), trip)
	if err != nil {
		s.pageError(w, r, err)
		return
	}
	s.renderTrip(w, r, trip, from, to, nil, nil)
}

func (s *Server) pathTrip(r *http.Request) (catalog.Trip, error) {
	id, err := pathID(r, "id")
	if err != nil {
		return catalog.Trip{}, err
	}
	return s.Store.Trip(r.Context(), id)
}

// renderTrip shows a trip's seat map for a segment, with the seats the
// passenger had ticked still ticked when they are still free, and holdErr
// when taking them failed.
func (s *Server) renderTrip(w http.ResponseWriter, r *http.Request, trip catalog.Trip, from, to int, ticked []string, holdErr error) {
	v, err := s.tripView(r.Context(), trip, from, to)
	if err != nil {
		s.pageError(w, r, err)
		return
	}
	pg := tripPage{base: s.base(r, tripURL(trip.ID, from, to)), Trip: v, FromStop: v.Stops[from], ToStop: v.Stops[to],
		Selected: map[string]bool{}}
	pg.Policy = policyLines(pg.Lang, trip.Operator.Policy.Windows(trip.StopTime(from)), s.Now())
	free := map[string]bool{}
	for _, d := range v.SeatMap.Decks {
		for _, row := range d.Rows {
			for _, c := range row {
				if c != nil && c.Status == store.SeatAvailable {
					free[c.Label] = true
				}
			}
		}
	}
	for _, label := range ticked {
		pg.Selected[label] = free[label]
	}
	status := http.StatusOK
	if err := trip.Sellable(from, s.Now()); err != nil {
		pg.Closed = true
		if holdErr == nil {
			s.showError(r, &pg.base, err)
		}
	}
	if holdErr != nil {
		status = s.showError(r, &pg.base, holdErr, "seats")
	}
	s.render(w, r, status, "trip", pg)
}

// policyLines says a cancellation policy as times a passenger can act on
// ("Miễn phí hủy trước 14:00 26/01/2026"), leaving out tiers already past.
func policyLines(lang string, ws []catalog.Window, now time.Time) []string {
	var out []string
	var prev time.Time
	for _, w := range ws {
		if !w.Until.After(now) {
			continue
		}
		var fee string
		switch w.FeePercent {
		case 0:
			fee = tr(lang, "policy_free")
		case 100:
			fee = tr(lang, "policy_no_refund")
		default:
			fee = tr(lang, "policy_fee", w.FeePercent)
		}
		if prev.IsZero() {
			out = append(out, tr(lang, "policy_before", fee, vn.FormatDateTime(w.Until)))
		} else {
			out = append(out, tr(lang, "policy_between", fee, vn.FormatDateTime(prev), vn.FormatDateTime(w.Until)))
		}
		prev = w.Until
	}
	return out
}

func (s *Server) pageHold(w http.ResponseWriter, r *http.Request) {
	trip, err := s.pathTrip(r)
	if err == nil {
		err = parseForm(w, r)
	}
	if err != nil {
		s.pageError(w, r, err)
		return
	}
	from, to, err := segment(r.PostForm, trip)
	if err != nil {
		s.pageError(w, r, err)
		return
	}
	req, err := holdRequest{TripID: trip.ID, From: &from, To: &to, Seats: r.PostForm["seats"]}.validate()
	var h booking.Hold
	if err == nil {
		h, err = s.createHold(r.Context(), req)
	}
	if err != nil {
		s.renderTrip(w, r, trip, from, to, req.Seats, err)
		return
	}
	http.Redirect(w, r, "/holds/"+h.ID, http.StatusSeeOther)
}

// --- 4. checkout ---

// checkoutFields are the form fields errors can be shown next to.
var checkoutFields = []string{"pickup_point_id", "dropoff_point_id", "contact.name", "contact.phone", "contact.email",
	"passengers", "payment_method", "promo_code"}

type checkoutForm struct {
	Pickup, Dropoff int64
	Name            string
	Phone           string
	Email           string
	Method          string
	Promo           string
	Passengers      map[string]string
}

type checkoutPage struct {
	base
	Hold     holdJSON
	Trip     tripJSON
	FromStop stopJSON
	ToStop   stopJSON
	Quote    quoteJSON
	Form     checkoutForm
	Methods  []option
	Policy   []string
}

// liveHold loads the hold of the URL, answering for the caller with a
// page when it cannot be used any more.
func (s *Server) liveHold(w http.ResponseWriter, r *http.Request) (booking.Hold, bool) {
	h, err := s.Store.Hold(r.Context(), r.PathValue("id"))
	if err != nil {
		s.pageError(w, r, err)
		return h, false
	}
	if !h.Live(s.Now()) {
		s.holdGone(w, r, h)
		return h, false
	}
	return h, true
}

// holdGone explains that a hold can no longer be booked and where to go.
func (s *Server) holdGone(w http.ResponseWriter, r *http.Request, h booking.Hold) {
	pg := errorPage{base: s.base(r, "/holds/"+h.ID), Status: http.StatusGone}
	pg.Message, pg.Link, pg.LinkLabel = tr(pg.Lang, "hold_expired"), tripURL(h.TripID, h.From, h.To), tr(pg.Lang, "pick_again")
	switch h.Status {
	case booking.HoldBooked:
		pg.Status = http.StatusConflict
		pg.Message, pg.Link, pg.LinkLabel = tr(pg.Lang, "hold_booked"), "/lookup", tr(pg.Lang, "nav_lookup")
	case booking.HoldReleased:
		pg.Message = tr(pg.Lang, "hold_released")
	}
	s.render(w, r, pg.Status, "error", pg)
}

// isHoldGone says whether err means the hold cannot be booked any more, as
// opposed to something the passenger can fix on the form.
func isHoldGone(err error) bool {
	e, ok := apperr.As(err)
	return ok && (e.Code == "hold_expired" || e.Code == "hold_booked" || e.Code == "hold_not_found")
}

func (s *Server) pageCheckout(w http.ResponseWriter, r *http.Request) {
	h, ok := s.liveHold(w, r)
	if !ok {
		return
	}
	pg, err := s.checkoutPage(r, h, checkoutForm{Method: booking.BankTransfer})
	if err != nil {
		s.checkoutFailed(w, r, h, err)
		return
	}
	// With one choice there is nothing to choose.
	if len(pg.Trip.PickupPoints) == 1 {
		pg.Form.Pickup = pg.Trip.PickupPoints[0].ID
	}
	if len(pg.Trip.DropoffPoints) == 1 {
		pg.Form.Dropoff = pg.Trip.DropoffPoints[0].ID
	}
	s.render(w, r, http.StatusOK, "checkout", pg)
}

func (s *Server) checkoutFailed(w http.ResponseWriter, r *http.Request, h booking.Hold, err error) {
	if isHoldGone(err) {
		if h, herr := s.Store.Hold(r.Context(), h.ID); herr == nil {
			s.holdGone(w, r, h)
			return
		}
	}
	s.pageError(w, r, err)
}

// checkoutPage builds the checkout for a hold and what was typed so far.
// A promo code that does not apply is shown next to its field and the
// price is given without it.
func (s *Server) checkoutPage(r *http.Request, h booking.Hold, f checkoutForm) (checkoutPage, error) {
	ctx := r.Context()
	pg := checkoutPage{base: s.base(r, "/holds/"+h.ID), Hold: holdView(h), Form: f}
	phone, _ := vn.NormalizePhone(f.Phone)
	p, err := s.Store.Quote(ctx, h.ID, f.Promo, phone, s.Now())
	if err != nil && f.Promo != "" && !isHoldGone(err) {
		s.showError(r, &pg.base, err, "promo_code")
		p, err = s.Store.Quote(ctx, h.ID, "", "", s.Now())
	}
	if err != nil {
		return pg, err
	}
	pg.Quote = quoteJSON{Lines: p.Quote.Lines, Total: p.Quote.Total}
	if pg.Trip, err = s.tripView(ctx, p.Trip, h.From, h.To); err != nil {
		return pg, err
	}
	pg.FromStop, pg.ToStop = pg.Trip.Stops[h.From], pg.Trip.Stops[h.To]
	pg.Policy = policyLines(pg.Lang, p.Trip.Operator.Policy.Windows(p.Trip.StopTime(h.From)), s.Now())
	op := p.Trip.Operator
	online := minutes(pg.Lang, time.Duration(op.OnlineMinutes)*time.Minute)
	for _, m := range []option{
		{Value: booking.BankTransfer, Label: tr(pg.Lang, "method_bank_transfer"), Selected: f.Method == booking.BankTransfer,
			Hint: tr(pg.Lang, "method_hint_bank_transfer", minutes(pg.Lang, time.Duration(op.TransferMinutes)*time.Minute))},
		{Value: booking.Counter, Label: tr(pg.Lang, "method_counter"), Selected: f.Method == booking.Counter,
			Hint: tr(pg.Lang, "method_hint_counter", minutes(pg.Lang, time.Duration(op.CounterMinutes)*time.Minute))},
		{Value: booking.VNPay, Label: tr(pg.Lang, "method_vnpay"), Selected: f.Method == booking.VNPay,
			Hint: tr(pg.Lang, "method_hint_vnpay", online)},
		{Value: booking.MoMo, Label: tr(pg.Lang, "method_momo"), Selected: f.Method == booking.MoMo,
			Hint: tr(pg.Lang, "method_hint_momo", online)},
	} {
		// Only the methods this operator takes.
		if slices.Contains(op.Methods, m.Value) {
			pg.Methods = append(pg.Methods, m)
		}
	}
	return pg, nil
}

func (s *Server) pageCheckoutSubmit(w http.ResponseWriter, r *http.Request) {
	h, ok := s.liveHold(w, r)
	if !ok {
		return
	}
	if err := parseForm(w, r); err != nil {
		s.pageError(w, r, err)
		return
	}
	pf := r.PostForm
	f := checkoutForm{Name: pf.Get("contact_name"), Phone: pf.Get("contact_phone"), Email: pf.Get("contact_email"),
		Method: pf.Get("payment_method"), Promo: strings.TrimSpace(pf.Get("promo_code")), Passengers: map[string]string{}}
	// A point id that is not a number is the same as none chosen.
	f.Pickup, _ = strconv.ParseInt(pf.Get("pickup_point_id"), 10, 64)
	f.Dropoff, _ = strconv.ParseInt(pf.Get("dropoff_point_id"), 10, 64)
	req := bookingRequest{HoldID: h.ID, PickupPointID: f.Pickup, DropoffPointID: f.Dropoff,
		Contact: booking.Contact{Name: f.Name, Phone: f.Phone, Email: f.Email}, PaymentMethod: f.Method, PromoCode: f.Promo}
	for _, seat := range h.Seats {
		f.Passengers[seat] = pf.Get("passenger_" + seat)
		if f.Passengers[seat] != "" {
			req.Passengers = append(req.Passengers, passengerJSON{Seat: seat, Name: f.Passengers[seat]})
		}
	}
	var bookErr error
	if pf.Get("action") != "apply" {
		var b booking.Booking
		breq, err := req.request()
		if err == nil {
			b, err = s.createBooking(r.Context(), breq)
		}
		if err == nil {
			http.Redirect(w, r, "/bookings/"+b.Code+"?t="+s.bookingToken(b.Code), http.StatusSeeOther)
			return
		}
		if isHoldGone(err) {
			s.checkoutFailed(w, r, h, err)
			return
		}
		bookErr = err
	}
	pg, err := s.checkoutPage(r, h, f)
	if err != nil {
		s.checkoutFailed(w, r, h, err)
		return
	}
	status := http.StatusOK
	if bookErr != nil {
		status = s.showError(r, &pg.base, bookErr, checkoutFields...)
	} else if msg := pg.Errs["promo_code"]; msg != "" {
		status = http.StatusBadRequest
	}
	s.render(w, r, status, "checkout", pg)
}

func (s *Server) pageRelease(w http.ResponseWriter, r *http.Request) {
	h, err := s.Store.Hold(r.Context(), r.PathValue("id"))
	if err == nil {
		err = s.Store.ReleaseHold(r.Context(), h.ID)
	}
	if err != nil {
		s.pageError(w, r, err)
		return
	}
	http.Redirect(w, r, tripURL(h.TripID, h.From, h.To), http.StatusSeeOther)
}

// --- 5. booking ---

type bookingPage struct {
	base
	B           bookingJSON
	Token       string
	Policy      []string
	Pending     bool
	Instruction string
	Bank        bankPart // money received, the sandbox, a refund owed (bank.go)

	// Cancelling seats of a paid booking, and its refunds (refunds.go).
	Cancel  *cancelView
	Refunds []refundView
}

// tokenBooking loads the booking of a link; a wrong token looks exactly
// like an unknown code.
func (s *Server) tokenBooking(r *http.Request, token string) (booking.Booking, error) {
	code := booking.NormalizeCode(r.PathValue("code"))
	if !s.validToken(code, token) {
		return booking.Booking{}, apperr.New(apperr.NotFound, "booking_not_found", "code",
			"Không tìm thấy đơn đặt vé.", "No such booking.")
	}
	return s.Store.Booking(r.Context(), code)
}

func (s *Server) pageBooking(w http.ResponseWriter, r *http.Request) {
	b, err := s.tokenBooking(r, r.URL.Query().Get("t"))
	if err != nil {
		s.pageError(w, r, err)
		return
	}
	s.renderBooking(w, r, b, nil)
}

func (s *Server) renderBooking(w http.ResponseWriter, r *http.Request, b booking.Booking, cancelErr error) {
	v, err := s.bookingView(r.Context(), b)
	var trip catalog.Trip
	if err == nil {
		trip, err = s.Store.Trip(r.Context(), b.TripID)
	}
	if err != nil {
		s.pageError(w, r, err)
		return
	}
	pg := bookingPage{base: s.base(r, v.URL), B: v, Token: s.bookingToken(b.Code), Pending: b.Status == booking.PendingPayment}
	pg.Instruction = pick(pg.Lang, v.Payment.Instructions.Text, v.Payment.Instructions.TextEN)
	pg.Policy = policyLines(pg.Lang, trip.Operator.Policy.Windows(trip.StopTime(b.From)), s.Now())
	s.addBankPart(r, b, &pg)
	s.addCancelPart(r, b, trip, &pg)
	status := http.StatusOK
	if cancelErr != nil {
		status = s.showError(r, &pg.base, cancelErr)
	}
	s.render(w, r, status, "booking", pg)
}

func (s *Server) pageCancel(w http.ResponseWriter, r *http.Request) {
	err := parseForm(w, r)
	var b booking.Booking
	if err == nil {
		b, err = s.tokenBooking(r, r.PostForm.Get("t"))
	}
	if err != nil {
		s.pageError(w, r, err)
		return
	}
	if _, err := s.Store.CancelUnpaid(r.Context(), b.Code, b.Contact.Phone, s.Now()); err != nil {
		s.renderBooking(w, r, b, err)
		return
	}
	http.Redirect(w, r, "/bookings/"+b.Code+"?t="+s.bookingToken(b.Code), http.StatusSeeOther)
}

// --- 6. lookup ---

type lookupPage struct {
	base
	Code, Phone string
}

func (s *Server) pageLookup(w http.ResponseWriter, r *http.Request) {
	s.render(w, r, http.StatusOK, "lookup", lookupPage{base: s.base(r, "")})
}

func (s *Server) pageLookupSubmit(w http.ResponseWriter, r *http.Request) {
	if err := parseForm(w, r); err != nil {
		s.pageError(w, r, err)
		return
	}
	pg := lookupPage{base: s.base(r, "/lookup"), Code: strings.TrimSpace(r.PostForm.Get("code")), Phone: strings.TrimSpace(r.PostForm.Get("phone"))}
	var err error
	var b booking.Booking
	if booking.NormalizeCode(pg.Code) == "" {
		err = apperr.Field("code", "required", "Vui lòng nhập mã đặt chỗ.", "Please enter the booking code.")
	} else {
		b, err = s.ownBooking(r, pg.Code, pg.Phone)
	}
	if err != nil {
		// A booking not found is not put on the code field: the phone may be
		// what is wrong, and the message must not say which.
		fields := []string{"code", "phone"}
		if apperr.KindOf(err) == apperr.NotFound {
			fields = nil
		}
		s.render(w, r, s.showError(r, &pg.base, err, fields...), "lookup", pg)
		return
	}
	http.Redirect(w, r, "/bookings/"+b.Code+"?t="+s.bookingToken(b.Code), http.StatusSeeOther)
}

// --- template functions ---

func funcs(lang string) template.FuncMap {
	return template.FuncMap{
		"t":        func(key string, args ...any) string { return tr(lang, key, args...) },
		"money":    vn.FormatVND,
		"clock":    func(t rfc3339) string { return vn.FormatTime(time.Time(t)) },
		"datetime": func(t rfc3339) string { return vn.FormatDateTime(time.Time(t)) },
		"day": func(t rfc3339) string {
			return tr(lang, "weekday_"+strconv.Itoa(int(time.Time(t).In(vn.Zone).Weekday()))) + ", " + vn.FormatDate(time.Time(t))
		},
		"iso":   func(t rfc3339) string { return time.Time(t).In(vn.Zone).Format(time.RFC3339) },
		"deref": func(t *rfc3339) rfc3339 { return *t },
		// dict passes several values to a shared template.
		"dict": func(kv ...any) (map[string]any, error) {
			if len(kv)%2 != 0 {
				return nil, fmt.Errorf("dict: odd number of arguments")
			}
			m := make(map[string]any, len(kv)/2)
			for i := 0; i < len(kv); i += 2 {
				k, ok := kv[i].(string)
				if !ok {
					return nil, fmt.Errorf("dict: key %v is not a string", kv[i])
				}
				m[k] = kv[i+1]
			}
			return m, nil
		},
		"duration": func(a, b rfc3339) string { return minutes(lang, time.Time(b).Sub(time.Time(a))) },
		// dayShift is how many calendar days after a the time b falls, for
		// the "+1" of night buses.
		"dayShift": func(a, b rfc3339) int {
			da, db := time.Time(a).In(vn.Zone), time.Time(b).In(vn.Zone)
			ya, yb := time.Date(da.Year(), da.Month(), da.Day(), 0, 0, 0, 0, time.UTC), time.Date(db.Year(), db.Month(), db.Day(), 0, 0, 0, 0, time.UTC)
			return int(yb.Sub(ya) / (24 * time.Hour))
		},
		"vehicle": func(kind string) string {
			n := catalog.VehicleNames[kind]
			return pick(lang, n[0], n[1])
		},
		"deck": func(name string, decks int) string {
			switch {
			case decks == 1:
				return tr(lang, "seat_map")
			case name == "Tầng dưới":
				return tr(lang, "deck_lower")
			case name == "Tầng trên":
				return tr(lang, "deck_upper")
			}
			return name
		},
		// aisles marks the columns empty in every row, drawn narrow; other
		// empty cells keep a seat's width so the columns line up.
		"aisles": func(rows [][]*seatJSON) []bool {
			var a []bool
			for _, row := range rows {
				for len(a) < len(row) {
					a = append(a, true)
				}
				for i, c := range row {
					a[i] = a[i] && c == nil
				}
			}
			return a
		},
		"seatStatus": func(status string) string { return tr(lang, "seat_"+status) },
		"status":     func(status string) string { return tr(lang, "status_"+status) },
		"rating": func(r float64) string {
			s := strconv.FormatFloat(r, 'f', 1, 64)
			if lang == langVI {
				s = strings.Replace(s, ".", ",", 1)
			}
			return s
		},
		"line":  func(l pricing.Line) string { return lineLabel(lang, l) },
		"asset": func(name string) string { return assetURLs[name] },
		// fid turns a field name into an id for its input and error.
		"fid": func(field string) string { return strings.ReplaceAll(field, ".", "-") },
	}
}

// minutes says a duration as people do: "7 giờ 30 phút", "45 phút".
func minutes(lang string, d time.Duration) string {
	d = d.Round(time.Minute)
	h, m := int(d/time.Hour), int(d%time.Hour/time.Minute)
	switch {
	case h == 0:
		return tr(lang, "dur_m", m)
	case m == 0:
		return tr(lang, "dur_h", h)
	}
	return tr(lang, "dur_h", h) + " " + tr(lang, "dur_m", m)
}

// lineLabel translates the labels pricing writes in Vietnamese.
func lineLabel(lang string, l pricing.Line) string {
	if lang != langEN {
		return l.Label
	}
	for vi, en := range map[string]string{"Vé ": "Ticket ", "Mã giảm giá ": "Promo code "} {
		if rest, ok := strings.CutPrefix(l.Label, vi); ok {
			return en + rest
		}
	}
	return l.Label
}

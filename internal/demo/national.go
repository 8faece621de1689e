package demo

import (
	"cmp"
	"context"
	"fmt"
	"math"
	"math/rand/v2"
	"slices"
	"strconv"
	"strings"
	"text/tabwriter"
	"time"

	"github.com/benxe/benxe/internal/booking"
	"github.com/benxe/benxe/internal/catalog"
	"github.com/benxe/benxe/internal/store"
	"github.com/benxe/benxe/internal/vn"
)

// NationalConfig sizes the national network. Zero fields take the
// defaults: a network the size of VeXeRe's.
type NationalConfig struct {
	Operators int // default 2000
	Routes    int // default 5000; every operator runs 1 to 10 of them
	Days      int // days of trips from today, default 90
	Towns     int // generated towns besides the real places, default 300
	// SoldShare is the share of the next two weeks' trips on which seats
	// are sold, default 0.002; below 0 nothing is sold. Every sale goes
	// through the store's own hold, booking and payment, some forty
	// statements, so selling on every trip would take longer than all the
	// rest of the load.
	SoldShare float64
	Seed      uint64 // the same seed, config and today give the same network
}

func (c NationalConfig) withDefaults() (NationalConfig, error) {
	def := func(v *int, d int) {
		if *v == 0 {
			*v = d
		}
	}
	def(&c.Operators, 2000)
	def(&c.Routes, 5000)
	def(&c.Days, 90)
	def(&c.Towns, 300)
	if c.SoldShare == 0 {
		c.SoldShare = 0.002
	}
	switch {
	case c.Operators < 1 || c.Days < 1 || c.Towns < 0 || c.SoldShare > 1:
		return c, fmt.Errorf("national config %+v: operators and days must be positive, towns not negative, the sold share at most 1", c)
	case c.Routes < c.Operators || c.Routes > 10*c.Operators:
		return c, fmt.Errorf("national config: %d routes for %d operators, want 1 to 10 each", c.Routes, c.Operators)
	}
	return c, nil
}

// NationalStats counts what LoadNational wrote and times each phase.
type NationalStats struct {
	Operators, Places, Routes, Stops, Points, Timetables, Fares, Trips int
	SoldTrips, Bookings, SoldSeats                                     int
	Phases                                                             []Phase
}

// Phase is one step of the load: building its rows in memory, then
// writing them in one transaction.
type Phase struct {
	Name     string
	Rows     int
	Generate time.Duration
	Load     time.Duration
}

// String is a table of the phases and the counts.
func (s NationalStats) String() string {
	var b strings.Builder
	tw := tabwriter.NewWriter(&b, 0, 0, 2, ' ', tabwriter.AlignRight)
	fmt.Fprintln(tw, "phase\trows\tgenerate\tload\trows/s\t")
	var gen, load time.Duration
	rows := 0
	line := func(name string, rows int, gen, load time.Duration) {
		rate := "-"
		if rows > 0 && load > 0 {
			rate = strconv.Itoa(int(float64(rows) / load.Seconds()))
		}
		fmt.Fprintf(tw, "%s\t%d\t%s\t%s\t%s\t\n", name, rows, gen.Round(time.Millisecond), load.Round(time.Millisecond), rate)
	}
	for _, p := range s.Phases {
		line(p.Name, p.Rows, p.Generate, p.Load)
		gen, load, rows = gen+p.Generate, load+p.Load, rows+p.Rows
	}
	line("total", rows, gen, load)
	tw.Flush()
	fmt.Fprintf(&b, "%d operators, %d places, %d routes, %d stops, %d points, %d timetables, %d fares, %d trips; "+
		"%d bookings sold %d seats on %d trips\n", s.Operators, s.Places, s.Routes, s.Stops, s.Points, s.Timetables, s.Fares,
		s.Trips, s.Bookings, s.SoldSeats, s.SoldTrips)
	return b.String()
}

// LoadNational puts a generated national network into an empty store: the
// real places of the demo and towns around them, operators running 1–10
// routes each mostly out of the big hubs, timetables with trips from the
// day before today (night buses still on the road) for cfg.Days days, and
// seats sold on a sample of the next two weeks' trips. The same cfg and
// today give the same network, trip ids included; booking and hold codes
// are random, as the store makes them.
//
// Each phase is one transaction, so a failure leaves the phases before it
// in place.
func LoadNational(ctx context.Context, st *store.Store, today time.Time, cfg NationalConfig) (NationalStats, error) {
	cfg, err := cfg.withDefaults()
	if err != nil {
		return NationalStats{}, err
	}
	n := &national{ctx: ctx, st: st, today: today, cfg: cfg, rng: rand.New(rand.NewPCG(cfg.Seed, 0x62656e7865))}
	phases := []struct {
		name string
		gen  func() error
		load func() (int, error)
	}{
		{"places", n.genPlaces, n.loadPlaces},
		{"operators", n.genOperators, n.loadOperators},
		{"routes", n.genRoutes, n.loadRoutes},
		{"timetables", n.genTimetables, n.loadTimetables},
		{"trips", func() error { return nil }, n.loadTrips},
		{"sales", n.genSales, n.loadSales},
	}
	for _, p := range phases {
		t0 := time.Now()
		if err := p.gen(); err != nil {
			return n.stats, fmt.Errorf("national %s: %w", p.name, err)
		}
		t1 := time.Now()
		rows, err := p.load()
		n.stats.Phases = append(n.stats.Phases, Phase{Name: p.name, Rows: rows, Generate: t1.Sub(t0), Load: time.Since(t1)})
		if err != nil {
			return n.stats, fmt.Errorf("national %s: %w", p.name, err)
		}
	}
	return n.stats, nil
}

// national is one load in progress: each phase generates from what the
// ones before it wrote.
type national struct {
	ctx   context.Context
	st    *store.Store
	today time.Time
	cfg   NationalConfig
	rng   *rand.Rand
	stats NationalStats

	places    []nplace
	dist      []float64 // km between places a and b at a*len(places)+b
	newPlaces []store.NewPlace
	operators []catalog.Operator
	layouts   map[string]int64
	routes    []nroute
	newRoutes []store.NewRoute
	tts       []store.Timetable
	sales     []sale
}

type nplace struct {
	key, name, short, province string
	lat, lon, weight           float64
	city                       bool
	aliases                    []string
	stations                   []string
	points                     []Point // pickup and drop-off addresses, roles assigned per route
	id                         int64
}

// nroute is a planned route; a return route mirrors its outbound stops.
type nroute struct {
	op       int
	stops    []int // place indexes
	stations []string
	offsets  []int // minutes from departure
	vehicle  string
	fare     int64
	id       int64
}

type sale struct {
	trip            int64
	from, to        int
	seats           []string
	pickup, dropoff int64
	contact         booking.Contact
	method          string
	at              time.Time
}

func (n *national) pick(list []string) string { return list[n.rng.IntN(len(list))] }

// weighted picks an index with probability proportional to w(i).
func (n *national) weighted(count int, w func(i int) float64) int {
	total := 0.0
	for i := 0; i < count; i++ {
		total += w(i)
	}
	x := n.rng.Float64() * total
	for i := 0; i < count; i++ {
		if x -= w(i); x < 0 {
			return i
		}
	}
	return count - 1
}

// coords are the real places' latitude and longitude: distances set the
// stop times, fares and which pairs of places get a route.
var coords = map[string][2]float64{
	"hcm": {10.78, 106.70}, "hanoi": {21.03, 105.85}, "haiphong": {20.86, 106.68}, "danang": {16.05, 108.20},
	"hue": {16.46, 107.59}, "cantho": {10.03, 105.78}, "sapa": {22.34, 103.84}, "laocai": {22.49, 103.97},
	"yenbai": {21.72, 104.90}, "hagiang": {22.82, 104.98}, "tuyenquang": {21.82, 105.21}, "caobang": {22.67, 106.26},
	"langson": {21.85, 106.76}, "bacgiang": {21.27, 106.19}, "thainguyen": {21.59, 105.85}, "backan": {22.15, 105.83},
	"halong": {20.95, 107.08}, "mongcai": {21.52, 107.97}, "haiduong": {20.94, 106.33}, "ninhbinh": {20.25, 105.97},
	"namdinh": {20.42, 106.17}, "hoabinh": {20.82, 105.34}, "mocchau": {20.85, 104.63}, "sonla": {21.33, 103.91},
	"dienbien": {21.39, 103.02}, "thanhhoa": {19.81, 105.78}, "vinh": {18.67, 105.69}, "hatinh": {18.34, 105.91},
	"donghoi": {17.47, 106.60}, "dongha": {16.82, 107.10}, "hoian": {15.88, 108.33}, "tamky": {15.57, 108.47},
	"quangngai": {15.12, 108.80}, "kontum": {14.35, 108.00}, "pleiku": {13.98, 108.00}, "quynhon": {13.78, 109.22},
	"tuyhoa": {13.09, 109.30}, "bmt": {12.67, 108.04}, "gianghia": {12.00, 107.69}, "nhatrang": {12.24, 109.19},
	"camranh": {11.92, 109.16}, "phanrang": {11.57, 108.99}, "dalat": {11.94, 108.44}, "baoloc": {11.55, 107.81},
	"phanthiet": {10.93, 108.10}, "muine": {10.95, 108.29}, "vungtau": {10.35, 107.08}, "thudaumot": {10.98, 106.65},
	"bienhoa": {10.95, 106.82}, "dongxoai": {11.53, 106.89}, "tayninh": {11.31, 106.10}, "mytho": {10.36, 106.36},
	"bentre": {10.24, 106.38}, "vinhlong": {10.25, 105.97}, "soctrang": {9.60, 105.97}, "baclieu": {9.29, 105.72},
	"camau": {9.18, 105.15}, "longxuyen": {10.39, 105.44}, "chaudoc": {10.71, 105.12}, "rachgia": {10.01, 105.08},
}

// provinceCentres place the towns of the provinces that have no real place
// of the demo to gather around.
var provinceCentres = map[string][2]float64{"Lai Châu": {22.40, 103.46}, "Hưng Yên": {20.65, 106.05}}

// hubWeights: how much of the network starts or ends at a place. The four
// hubs carry most of it; other real places 4, generated towns 1.
var hubWeights = map[string]float64{
	"hcm": 120, "hanoi": 100, "danang": 45, "cantho": 40, "haiphong": 18, "nhatrang": 18, "dalat": 22, "hue": 14,
	"vinh": 12, "bmt": 12, "quynhon": 10, "vungtau": 14, "thanhhoa": 10, "ninhbinh": 8, "halong": 10, "sapa": 10,
	"pleiku": 8, "phanthiet": 8, "bienhoa": 10, "thudaumot": 8, "longxuyen": 8, "camau": 8, "rachgia": 8, "mytho": 6,
}

// trunks are the first routes generated, so that a network of any size
// serves the busiest corridors.
var trunks = [][2]string{{"hcm", "cantho"}, {"hcm", "dalat"}, {"hanoi", "haiphong"}, {"hcm", "nhatrang"},
	{"danang", "hue"}, {"hanoi", "sapa"}, {"hcm", "vungtau"}, {"hanoi", "ninhbinh"}, {"danang", "hcm"}, {"hanoi", "vinh"}}

var (
	townFirst = []string{"An", "Bình", "Phú", "Tân", "Long", "Hòa", "Thạnh", "Vĩnh", "Phước", "Đức", "Hưng", "Xuân", "Thanh",
		"Mỹ", "Cẩm", "Quỳnh", "Yên", "Kim", "Hải", "Tam", "Đông", "Tây", "Nam", "Bắc", "Trung", "Quảng", "Hương", "Lạc", "Ngọc", "Thái"}
	townSecond = []string{"Phú", "Lợi", "Thành", "Hòa", "An", "Bình", "Sơn", "Giang", "Lâm", "Hưng", "Khánh", "Điền", "Thuận",
		"Lộc", "Xuyên", "Mỹ", "Hà", "Ninh", "Tiến", "Phong", "Trạch", "Định", "Thủy", "Lương", "Quang", "Châu", "Minh", "Tân"}
	highways = []string{"Quốc lộ 1", "Quốc lộ 14", "Quốc lộ 20", "Quốc lộ 27", "Quốc lộ 19", "Quốc lộ 6", "Quốc lộ 3",
		"Quốc lộ 5", "Quốc lộ 10", "Quốc lộ 18", "Quốc lộ 51", "Quốc lộ 13", "Quốc lộ 22", "Quốc lộ 80", "Quốc lộ 91"}
	streets = []string{"Trần Hưng Đạo", "Lê Lợi", "Nguyễn Huệ", "Hùng Vương", "Quang Trung", "Lê Duẩn", "Hai Bà Trưng",
		"Nguyễn Trãi", "Lý Thường Kiệt", "Phan Chu Trinh", "Điện Biên Phủ", "Nguyễn Văn Linh"}
)

// genPlaces takes the demo's real places, with the stations and points its
// routes use there, and adds towns around them, spread over the 34
// provinces.
func (n *national) genPlaces() error {
	taken := map[string]bool{}
	harvest := map[string]int{}
	for _, p := range Places {
		c, ok := coords[p.Key]
		if !ok {
			return fmt.Errorf("place %s has no coordinates", p.Key)
		}
		w := hubWeights[p.Key]
		if w == 0 {
			w = 4
		}
		n.places = append(n.places, nplace{key: p.Key, name: p.Name, short: p.Name, province: p.Province, lat: c[0], lon: c[1],
			weight: w, city: p.Kind == "city", aliases: p.Aliases})
		harvest[p.Key] = len(n.places) - 1
		for _, name := range append([]string{p.Name}, p.Aliases...) {
			taken[vn.Key(name)] = true
		}
	}
	for _, r := range Routes {
		for _, s := range r.Stops {
			p := &n.places[harvest[s.Place]]
			if !slices.Contains(p.stations, s.Station) {
				p.stations = append(p.stations, s.Station)
			}
			for _, pt := range s.Points {
				if !slices.ContainsFunc(p.points, func(q Point) bool { return q.Name == pt.Name }) {
					p.points = append(p.points, Point{Name: pt.Name, Address: pt.Address, Note: pt.Note})
				}
			}
		}
	}
	anchors := map[string][][2]float64{}
	for _, p := range n.places {
		anchors[p.province] = append(anchors[p.province], [2]float64{p.lat, p.lon})
	}
	for prov, c := range provinceCentres {
		anchors[prov] = append(anchors[prov], c)
	}
	for i := 0; i < n.cfg.Towns; i++ {
		prov := vn.Provinces[i%len(vn.Provinces)].Name
		short := ""
		for tries := 0; short == "" || taken[vn.Key(short)]; tries++ {
			short = n.pick(townFirst) + " " + n.pick(townSecond)
			if tries > 20 {
				short += " " + strconv.Itoa(i)
			}
		}
		taken[vn.Key(short)] = true
		a := anchors[prov][n.rng.IntN(len(anchors[prov]))]
		n.places = append(n.places, nplace{key: "thi-tran-" + slug(short), name: "Thị trấn " + short, short: short, province: prov,
			lat: a[0] + (n.rng.Float64()-0.5)*0.6, lon: a[1] + (n.rng.Float64()-0.5)*0.6, weight: 1,
			aliases: []string{short, "TT " + short}})
	}
	for i := range n.places {
		p := &n.places[i]
		if len(p.stations) == 0 {
			p.stations = []string{"Bến xe " + p.short}
			p.points = append(p.points, Point{Name: "Bến xe " + p.short, Address: n.pick(highways) + ", " + p.short + ", " + p.province})
		}
		if p.city || len(p.points) < 2 {
			street := n.pick(streets)
			p.points = append(p.points, Point{Name: "Văn phòng " + street,
				Address: strconv.Itoa(1+n.rng.IntN(400)) + " " + street + ", " + p.short + ", " + p.province,
				Note:    "Xe trung chuyển miễn phí"})
		}
		np := store.NewPlace{Place: catalog.Place{Slug: p.key, Name: p.name, Province: p.province, Kind: "town"}, Aliases: p.aliases}
		if p.city {
			np.Place.Kind = "city"
		}
		n.newPlaces = append(n.newPlaces, np)
	}
	return nil
}

func (n *national) loadPlaces() (int, error) {
	err := n.st.Write(n.ctx, func(w *store.Writer) error { return w.Places(n.newPlaces) })
	rows := 0
	for i, p := range n.newPlaces {
		n.places[i].id = p.Place.ID
		rows += 2 + len(p.Aliases)
	}
	n.stats.Places = len(n.newPlaces)
	return rows, err
}

var (
	opFirst = []string{"Phương", "Hoàng", "Thành", "Minh", "Tuấn", "Hùng", "Kim", "Thanh", "Quốc", "Hải", "Văn", "Đức", "Ngọc",
		"Phúc", "Hưng", "Tiến", "Toàn", "Thắng", "Hạnh", "Cúc", "Mai", "Lan", "Huy", "Long", "Bảo", "Anh", "Hà", "Sơn", "Trung", "Việt"}
	opSecond = []string{"Nam", "Long", "Phát", "Thịnh", "Anh", "Hà", "Lộc", "Tâm", "Trang", "Hiếu", "Hưng", "Dũng", "Nga", "Vy",
		"Linh", "Khoa", "Sang", "Tài", "Đạt", "Quang", "Mạnh", "Hoa", "Thủy", "Hải", "Tín", "Nhân", "Nghĩa", "Phong", "Lâm", "Duy"}
	mobilePrefixes = []string{"090", "091", "093", "094", "096", "097", "098", "086", "088", "089", "032", "033", "035", "037",
		"038", "039", "070", "077", "079", "081", "083", "085"}
)

func (n *national) mobile() string {
	return n.pick(mobilePrefixes) + fmt.Sprintf("%07d", n.rng.IntN(10_000_000))
}

func (n *national) genOperators() error {
	taken := map[string]bool{}
	for i := 0; i < n.cfg.Operators; i++ {
		short := n.pick(opFirst) + " " + n.pick(opSecond)
		var name string
		switch x := n.rng.IntN(20); {
		case x < 12:
			name = "Nhà xe " + short
		case x < 15:
			name = short + " Limousine"
		case x < 18:
			name = short + " Express"
		default:
			name = "Xe khách " + short
		}
		if taken[slug(name)] {
			name += " " + strconv.Itoa(i)
		}
		taken[slug(name)] = true
		model := Operators[n.rng.IntN(len(Operators))]
		op := catalog.Operator{Slug: slug(name), Name: name, Rating: 35 + n.rng.IntN(16), Confirmation: catalog.Instant,
			BankBIN: model.BankBIN, BankAccount: strconv.FormatInt(1e9+n.rng.Int64N(9e12), 10),
			BankAccountName: "CONG TY TNHH VAN TAI " + strings.ToUpper(vn.Fold(short)),
			TransferMinutes: []int{15, 30, 60}[n.rng.IntN(3)], CounterMinutes: []int{60, 120}[n.rng.IntN(2)]}
		if n.rng.IntN(10) == 0 {
			op.Confirmation = catalog.Manual
		}
		if n.rng.IntN(3) == 0 {
			op.Phone = fmt.Sprintf("1900 %04d", n.rng.IntN(10000))
		} else {
			m := n.mobile()
			op.Phone = m[:4] + " " + m[4:7] + " " + m[7:]
		}
		for _, t := range model.Policy {
			op.Policy = append(op.Policy, catalog.Tier{HoursBefore: t.HoursBefore, FeePercent: t.FeePercent})
		}
		n.operators = append(n.operators, op)
	}
	return nil
}

func (n *national) loadOperators() (int, error) {
	n.layouts = map[string]int64{}
	err := n.st.Write(n.ctx, func(w *store.Writer) error {
		for _, v := range []string{catalog.Coach45, catalog.Sleeper40, catalog.Limo9, catalog.Cabin22} {
			l, err := catalog.StandardLayout(v)
			if err != nil {
				return err
			}
			if err := w.Layout(&l); err != nil {
				return err
			}
			n.layouts[v] = l.ID
		}
		return w.Operators(n.operators)
	})
	n.stats.Operators = len(n.operators)
	return len(n.operators) + len(n.layouts), err
}

// km is the distance as the crow flies between two places.
func (n *national) km(a, b int) float64 { return n.dist[a*len(n.places)+b] }

// measure fills the distances between all places once: planning a route
// looks at every place, and there are thousands of routes.
func (n *national) measure() {
	const r = 6371
	n.dist = make([]float64, len(n.places)*len(n.places))
	for a, pa := range n.places {
		for b, pb := range n.places {
			la1, la2 := pa.lat*math.Pi/180, pb.lat*math.Pi/180
			dla, dlo := la2-la1, (pb.lon-pa.lon)*math.Pi/180
			h := math.Sin(dla/2)*math.Sin(dla/2) + math.Cos(la1)*math.Cos(la2)*math.Sin(dlo/2)*math.Sin(dlo/2)
			n.dist[a*len(n.places)+b] = 2 * r * math.Asin(math.Sqrt(h))
		}
	}
}

// reach is how likely a bus route spans a distance: most run 80–600 km,
// a few the length of the country.
func reach(km float64) float64 {
	switch {
	case km < 40:
		return 0
	case km < 80:
		return 0.3
	case km <= 600:
		return 1
	case km <= 1000:
		return 0.35
	case km <= 1300:
		return 0.12
	}
	return 0.03
}

// routeCounts gives every operator 1 to 10 routes, cfg.Routes in all, the
// first operators the biggest.
func (n *national) routeCounts() []int {
	counts := make([]int, n.cfg.Operators)
	for i := range counts {
		counts[i] = 1
	}
	for extra := n.cfg.Routes - n.cfg.Operators; extra > 0; {
		u := n.rng.Float64()
		if i := int(u * u * float64(len(counts))); counts[i] < 10 {
			counts[i]++
			extra--
		}
	}
	return counts
}

func (n *national) placeIndex(key string) int {
	return slices.IndexFunc(n.places, func(p nplace) bool { return p.key == key })
}

// genRoutes plans routes in pairs, out from an operator's home place and
// back, with the places close to the way as intermediate stops.
func (n *national) genRoutes() error {
	n.measure()
	weight := func(i int) float64 { return n.places[i].weight }
	pairs := 0
	for op, count := range n.routeCounts() {
		home := n.weighted(len(n.places), weight)
		for j := 0; j < count; j += 2 {
			var a, b int
			if pairs < len(trunks) {
				a, b = n.placeIndex(trunks[pairs][0]), n.placeIndex(trunks[pairs][1])
			} else {
				a = home
				if n.rng.IntN(10) < 3 {
					a = n.weighted(len(n.places), weight)
				}
				b = n.weighted(len(n.places), func(i int) float64 { return n.places[i].weight * reach(n.km(a, i)) })
			}
			pairs++
			out := n.planRoute(op, a, b)
			n.routes = append(n.routes, out)
			if j+1 < count {
				n.routes = append(n.routes, out.reversed())
			}
		}
	}
	seen := map[string]int{}
	for i := range n.routes {
		r := &n.routes[i]
		first, last := n.places[r.stops[0]], n.places[r.stops[len(r.stops)-1]]
		key := n.operators[r.op].Slug + "-" + first.key + "-" + last.key
		if seen[key]++; seen[key] > 1 {
			key += "-" + strconv.Itoa(seen[key])
		}
		nr := store.NewRoute{Slug: key, OperatorID: n.operators[r.op].ID, Name: first.name + " – " + last.name}
		for s, p := range r.stops {
			nr.Stops = append(nr.Stops, store.RouteStop{PlaceID: n.places[p].id, Name: r.stations[s],
				Offset: time.Duration(r.offsets[s]) * time.Minute, Points: n.points(p, s, len(r.stops))})
		}
		n.newRoutes = append(n.newRoutes, nr)
	}
	return nil
}

// planRoute picks up to four places near the way from a to b as stops, and
// times the stops from road distance (1.3 × as the crow flies) at 45 km/h
// with 10 minutes at each stop.
func (n *national) planRoute(op, a, b int) nroute {
	direct := n.km(a, b)
	var near []int
	for i := range n.places {
		if i != a && i != b && n.km(a, i) > 20 && n.km(i, b) > 20 && n.km(a, i)+n.km(i, b) < 1.12*direct {
			near = append(near, i)
		}
	}
	want := []int{0, 1, 1, 1, 2, 2, 2, 3, 3, 4}[n.rng.IntN(10)]
	stops := []int{a}
	for len(near) > 0 && len(stops) <= want {
		k := n.weighted(len(near), func(i int) float64 { return n.places[near[i]].weight })
		stops = append(stops, near[k])
		near = slices.Delete(near, k, k+1)
	}
	slices.SortFunc(stops[1:], func(x, y int) int { return cmp.Compare(n.km(a, x), n.km(a, y)) })
	stops = append(stops, b)
	r := nroute{op: op, stops: stops, offsets: []int{0}}
	for i := 1; i < len(stops); i++ {
		leg := int(n.km(stops[i-1], stops[i])*1.3/45*60/5) * 5
		r.offsets = append(r.offsets, r.offsets[i-1]+max(30, leg)+10)
	}
	r.offsets[len(stops)-1] -= 10
	for _, p := range stops {
		r.stations = append(r.stations, n.pick(n.places[p].stations))
	}
	hours := float64(r.offsets[len(stops)-1]) / 60
	switch x := n.rng.IntN(20); {
	case hours < 5 && x < 9:
		r.vehicle = catalog.Limo9
	case hours < 5 && x < 17, hours >= 5 && hours < 10 && x < 3:
		r.vehicle = catalog.Coach45
	case hours >= 5 && x >= 15:
		r.vehicle = catalog.Cabin22
	default:
		r.vehicle = catalog.Sleeper40
	}
	// Past 500 km a kilometre costs less: long routes compete with trains
	// and planes.
	km := direct * 1.3
	if km > 500 {
		km = 500 + (km-500)*0.7
	}
	r.fare = max(60000, int64(km*farePerKm[r.vehicle]/10000+0.5)*10000)
	return r
}

// farePerKm is the đồng per road kilometre of a whole route, by vehicle.
var farePerKm = map[string]float64{catalog.Coach45: 750, catalog.Sleeper40: 950, catalog.Limo9: 1400, catalog.Cabin22: 1600}

func (r nroute) reversed() nroute {
	back := nroute{op: r.op, vehicle: r.vehicle, fare: r.fare}
	last := r.offsets[len(r.offsets)-1]
	for i := len(r.stops) - 1; i >= 0; i-- {
		back.stops = append(back.stops, r.stops[i])
		back.stations = append(back.stations, r.stations[i])
		back.offsets = append(back.offsets, last-r.offsets[i])
	}
	return back
}

// points gives stop s of n its points: pickups before the first stop's
// departure, one point both ways on the way, drop-offs after arrival.
func (n *national) points(place, s, count int) []catalog.Point {
	pool := n.places[place].points
	var k int
	switch s {
	case 0:
		k = 1 + n.rng.IntN(min(3, len(pool)))
	case count - 1:
		k = 1 + n.rng.IntN(min(2, len(pool)))
	default:
		k = 1
	}
	var out []catalog.Point
	for _, i := range n.rng.Perm(len(pool))[:k] {
		out = append(out, catalog.Point{Name: pool[i].Name, Address: pool[i].Address, Note: pool[i].Note,
			Pickup: s < count-1, Dropoff: s > 0})
	}
	for i := range out {
		switch s {
		case 0:
			out[i].Offset = time.Duration(30*(i-len(out)+1)) * time.Minute
		case count - 1:
			out[i].Offset = time.Duration(20*i) * time.Minute
		}
	}
	return out
}

func (n *national) loadRoutes() (int, error) {
	err := n.st.Write(n.ctx, func(w *store.Writer) error {
		ids, err := w.Routes(n.newRoutes)
		for i, id := range ids {
			n.routes[i].id = id
		}
		return err
	})
	n.stats.Routes = len(n.newRoutes)
	for _, r := range n.newRoutes {
		n.stats.Stops += len(r.Stops)
		for _, s := range r.Stops {
			n.stats.Points += len(s.Points)
		}
	}
	return n.stats.Routes + n.stats.Stops + n.stats.Points, err
}

// genTimetables gives each route 1 to 4 departures, three on average: long
// routes leave mostly in the evening and run through the night. One
// departure in ten runs only from Friday to Sunday.
func (n *national) genTimetables() error {
	from := n.today.AddDate(0, 0, -1).Format("2006-01-02")
	for _, r := range n.routes {
		demoRoute := Route{Vehicle: r.vehicle, Fare: r.fare}
		for _, off := range r.offsets {
			demoRoute.Stops = append(demoRoute.Stops, Stop{Offset: off})
		}
		fares := Fares(demoRoute)
		night := r.offsets[len(r.offsets)-1] >= 8*60
		var departs []int
		for k := []int{1, 2, 2, 3, 3, 3, 4, 4, 4, 4}[n.rng.IntN(10)]; len(departs) < k; {
			slot := 5*4 + n.rng.IntN(15*4) // 05:00–19:45
			if night && n.rng.IntN(10) < 7 {
				slot = 17*4 + n.rng.IntN(7*4) // 17:00–23:45
			}
			if !slices.Contains(departs, slot) {
				departs = append(departs, slot)
			}
		}
		slices.Sort(departs)
		for _, slot := range departs {
			tt := store.Timetable{RouteID: r.id, LayoutID: n.layouts[r.vehicle], Depart: fmt.Sprintf("%02d:%02d", slot/4, slot%4*15),
				ValidFrom: from, Fares: fares}
			if n.rng.IntN(10) == 0 {
				tt.Weekdays = 1<<time.Friday | 1<<time.Saturday | 1<<time.Sunday
			}
			n.tts = append(n.tts, tt)
		}
	}
	return nil
}

func (n *national) loadTimetables() (int, error) {
	err := n.st.Write(n.ctx, func(w *store.Writer) error {
		_, err := w.Timetables(n.tts)
		return err
	})
	n.stats.Timetables = len(n.tts)
	for _, t := range n.tts {
		n.stats.Fares += len(t.Fares)
	}
	return n.stats.Timetables + n.stats.Fares, err
}

func (n *national) loadTrips() (int, error) {
	var err error
	n.stats.Trips, err = n.st.GenerateTrips(n.ctx, n.today.AddDate(0, 0, -1), n.today.AddDate(0, 0, n.cfg.Days-1))
	return n.stats.Trips, err
}

var (
	familyNames = []string{"Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Huỳnh", "Phan", "Vũ", "Võ", "Đặng", "Bùi", "Đỗ", "Hồ", "Ngô", "Dương", "Lý"}
	middleNames = []string{"Văn", "Thị", "Minh", "Ngọc", "Thanh", "Đức", "Quốc", "Thu", "Hoàng", "Gia"}
	givenNames  = []string{"An", "Bình", "Châu", "Dũng", "Hà", "Hải", "Lan", "Long", "Mai", "Nam", "Phúc", "Quân", "Tâm", "Thảo",
		"Trang", "Tuấn", "Vy", "Yến", "Khánh", "Linh"}
)

// genSales plans the bookings of a sample of the next two weeks' trips:
// tomorrow's are three quarters full, a fortnight out one seat in five is
// gone. Passengers book 1 to 4 seats, most for the whole route, in the
// days before today.
func (n *national) genSales() error {
	if n.cfg.SoldShare <= 0 {
		return nil
	}
	ids, err := n.st.TripIDs(n.ctx, n.today, n.today.AddDate(0, 0, 14))
	if err != nil {
		return err
	}
	layouts := map[int64][]catalog.Cell{}
	points := map[int64][]catalog.Point{}
	for _, id := range ids {
		if n.rng.Float64() >= n.cfg.SoldShare {
			continue
		}
		trip, err := n.st.Trip(n.ctx, id)
		if err != nil {
			return err
		}
		seats, ok := layouts[trip.LayoutID]
		if !ok {
			l, err := n.st.Layout(n.ctx, trip.LayoutID)
			if err != nil {
				return err
			}
			seats = slices.DeleteFunc(l.Seats(), func(c catalog.Cell) bool { return c.Blocked })
			layouts[trip.LayoutID] = seats
		}
		pts, ok := points[trip.RouteID]
		if !ok {
			if pts, err = n.st.Points(n.ctx, trip.RouteID); err != nil {
				return err
			}
			points[trip.RouteID] = pts
		}
		days := trip.DepartsAt.Sub(n.today).Hours() / 24
		share := min(0.95, max(0.05, 0.8-0.045*days+(n.rng.Float64()-0.5)*0.2))
		free := n.rng.Perm(len(seats))
		stops := len(trip.Stops)
		for sold := 0; float64(sold) < share*float64(len(seats)) && len(free) > 0; {
			s := sale{trip: id, from: 0, to: stops - 1, method: booking.Counter,
				at:      n.today.Add(-time.Duration(12*60+n.rng.IntN(4*24*60)) * time.Minute),
				contact: booking.Contact{Name: n.pick(familyNames) + " " + n.pick(middleNames) + " " + n.pick(givenNames), Phone: n.mobile()}}
			if n.rng.IntN(10) < 3 {
				s.from = n.rng.IntN(stops - 1)
				s.to = s.from + 1 + n.rng.IntN(stops-1-s.from)
			}
			if n.rng.IntN(5) < 2 {
				s.method = booking.BankTransfer
			}
			k := min(len(free), []int{1, 1, 1, 2, 2, 2, 2, 3, 3, 4}[n.rng.IntN(10)])
			for _, i := range free[:k] {
				s.seats = append(s.seats, seats[i].Label)
			}
			free = free[k:]
			sold += k
			s.pickup, s.dropoff = pointAt(pts, s.from, true), pointAt(pts, s.to, false)
			n.sales = append(n.sales, s)
		}
		n.stats.SoldTrips++
	}
	return nil
}

func (n *national) loadSales() (int, error) {
	rows := 0
	err := n.st.Write(n.ctx, func(w *store.Writer) error {
		for _, s := range n.sales {
			h, err := w.Hold(store.HoldRequest{TripID: s.trip, From: s.from, To: s.to, Seats: s.seats}, 10*time.Minute, s.at)
			if err != nil {
				return fmt.Errorf("hold on trip %d: %w", s.trip, err)
			}
			b, err := w.Book(booking.Request{HoldID: h.ID, PickupPointID: s.pickup, DropoffPointID: s.dropoff, Contact: s.contact,
				PaymentMethod: s.method}, s.at)
			if err != nil {
				return fmt.Errorf("booking on trip %d: %w", s.trip, err)
			}
			if _, err := w.MarkPaid(b.Code, "system", s.at); err != nil {
				return err
			}
			n.stats.Bookings++
			n.stats.SoldSeats += len(s.seats)
			// A hold, a booking, its history of two, and per seat a
			// ticket, a price line and a row per leg.
			rows += 4 + len(s.seats)*(2+s.to-s.from)
		}
		return nil
	})
	return rows, err
}

// slug is s folded to lower-case ASCII words joined by dashes.
func slug(s string) string {
	return strings.Join(strings.FieldsFunc(vn.Fold(s), func(r rune) bool {
		return (r < 'a' || r > 'z') && (r < '0' || r > '9')
	}), "-")
}

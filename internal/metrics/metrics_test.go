package metrics

import (
	"strings"
	"testing"
)

func TestWrite(t *testing.T) {
	r := New()
	c := r.Counter("benxe_holds_total", "Holds created.")
	c.Inc()
	c.Add(2)
	h := r.Histogram("benxe_http_seconds", "Latency.", []float64{0.1, 1})
	h.Observe(Label("route", `GET /a "b"`), 0.05)
	h.Observe(Label("route", `GET /a "b"`), 0.5)
	h.Observe(Label("route", `GET /a "b"`), 5)
	r.GaugeFunc("benxe_pool_open", "Open connections.", []string{`pool="write"`}, []func() float64{func() float64 { return 1 }})
	var b strings.Builder
	r.Write(&b)
	want := `# HELP benxe_holds_total Holds created.
# TYPE benxe_holds_total counter
benxe_holds_total 3
# HELP benxe_http_seconds Latency.
# TYPE benxe_http_seconds histogram
benxe_http_seconds_bucket{route="GET /a \"b\"",le="0.1"} 1
benxe_http_seconds_bucket{route="GET /a \"b\"",le="1"} 2
benxe_http_seconds_bucket{route="GET /a \"b\"",le="+Inf"} 3
benxe_http_seconds_sum{route="GET /a \"b\""} 5.55
benxe_http_seconds_count{route="GET /a \"b\""} 3
# HELP benxe_pool_open Open connections.
# TYPE benxe_pool_open gauge
benxe_pool_open{pool="write"} 1
`
	if b.String() != want {
		t.Errorf("got\n%s\nwant\n%s", b.String(), want)
	}
}

func TestDuplicatePanics(t *testing.T) {
	defer func() {
		if recover() == nil {
			t.Error("registering a name twice did not panic")
		}
	}()
	r := New()
	r.Counter("x", "")
	r.Counter("x", "")
}

// Package metrics keeps counters, gauges and latency histograms and writes
// them in the Prometheus text format. It is small on purpose: the few
// series benxe exports do not need a client library.
package metrics

import (
	"fmt"
	"io"
	"math"
	"sort"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
)

// Registry holds every series of one process.
type Registry struct {
	mu     sync.Mutex
	series map[string]writer
	help   map[string]string
	kinds  map[string]string
}

type writer interface {
	write(w io.Writer, name string)
}

// New returns an empty registry.
func New() *Registry {
	return &Registry{series: map[string]writer{}, help: map[string]string{}, kinds: map[string]string{}}
}

func (r *Registry) add(name, kind, help string, s writer) {
	r.mu.Lock()
	defer r.mu.Unlock()
	if _, dup := r.series[name]; dup {
		panic("metrics: " + name + " registered twice")
	}
	r.series[name], r.help[name], r.kinds[name] = s, help, kind
}

// Counter only goes up.
type Counter struct{ v atomic.Int64 }

// Add adds n.
func (c *Counter) Add(n int64) { c.v.Add(n) }

// Inc adds one.
func (c *Counter) Inc() { c.v.Add(1) }

func (c *Counter) write(w io.Writer, name string) { fmt.Fprintf(w, "%s %d\n", name, c.v.Load()) }

// Counter registers a counter.
func (r *Registry) Counter(name, help string) *Counter {
	c := &Counter{}
	r.add(name, "counter", help, c)
	return c
}

type gaugeFunc struct {
	labels []string // label sets, each like `pool="write"`
	fns    []func() float64
}

func (g *gaugeFunc) write(w io.Writer, name string) {
	for i, fn := range g.fns {
		fmt.Fprintf(w, "%s%s %s\n", name, braces(g.labels[i]), num(fn()))
	}
}

// GaugeFunc registers gauges read when scraped, one per label set.
func (r *Registry) GaugeFunc(name, help string, labels []string, fns []func() float64) {
	r.add(name, "gauge", help, &gaugeFunc{labels: labels, fns: fns})
}

// CounterFunc registers counters read when scraped (e.g. totals kept by
// database/sql), one per label set.
func (r *Registry) CounterFunc(name, help string, labels []string, fns []func() float64) {
	r.add(name, "counter", help, &gaugeFunc{labels: labels, fns: fns})
}

// Histogram counts observations into buckets, per label set.
type Histogram struct {
	bounds []float64
	mu     sync.Mutex
	byKey  map[string]*hist
}

type hist struct {
	counts []uint64 // per bucket, not cumulative; the last is +Inf
	sum    float64
	n      uint64
}

// LatencyBuckets suit HTTP and database latencies in seconds.
var LatencyBuckets = []float64{.0005, .001, .0025, .005, .01, .025, .05, .1, .25, .5, 1, 2.5, 5, 10}

// Histogram registers a histogram with the given upper bounds.
func (r *Registry) Histogram(name, help string, bounds []float64) *Histogram {
	h := &Histogram{bounds: bounds, byKey: map[string]*hist{}}
	r.add(name, "histogram", help, h)
	return h
}

// Observe records v under a label set such as `route="GET /x",code="2xx"`.
func (h *Histogram) Observe(labels string, v float64) {
	i := sort.SearchFloat64s(h.bounds, v)
	h.mu.Lock()
	defer h.mu.Unlock()
	e := h.byKey[labels]
	if e == nil {
		e = &hist{counts: make([]uint64, len(h.bounds)+1)}
		h.byKey[labels] = e
	}
	e.counts[i]++
	e.sum += v
	e.n++
}

func (h *Histogram) write(w io.Writer, name string) {
	h.mu.Lock()
	defer h.mu.Unlock()
	keys := make([]string, 0, len(h.byKey))
	for k := range h.byKey {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		e := h.byKey[k]
		var cum uint64
		for i, b := range h.bounds {
			cum += e.counts[i]
			fmt.Fprintf(w, "%s_bucket%s %d\n", name, braces(join(k, `le="`+num(b)+`"`)), cum)
		}
		fmt.Fprintf(w, "%s_bucket%s %d\n", name, braces(join(k, `le="+Inf"`)), e.n)
		fmt.Fprintf(w, "%s_sum%s %s\n", name, braces(k), num(e.sum))
		fmt.Fprintf(w, "%s_count%s %d\n", name, braces(k), e.n)
	}
}

// Write writes every series in the Prometheus text format, sorted by name.
func (r *Registry) Write(w io.Writer) {
	r.mu.Lock()
	names := make([]string, 0, len(r.series))
	for n := range r.series {
		names = append(names, n)
	}
	r.mu.Unlock()
	sort.Strings(names)
	for _, n := range names {
		r.mu.Lock()
		s, help, kind := r.series[n], r.help[n], r.kinds[n]
		r.mu.Unlock()
		fmt.Fprintf(w, "# HELP %s %s\n# TYPE %s %s\n", n, help, n, kind)
		s.write(w, n)
	}
}

// Label quotes a label value as the text format wants it.
func Label(name, value string) string {
	r := strings.NewReplacer(`\`, `\\`, `"`, `\"`, "\n", `\n`)
	return name + `="` + r.Replace(value) + `"`
}

func join(a, b string) string {
	if a == "" {
		return b
	}
	return a + "," + b
}

func braces(s string) string {
	if s == "" {
		return ""
	}
	return "{" + s + "}"
}

func num(f float64) string {
	if math.IsInf(f, 1) {
		return "+Inf"
	}
	return strconv.FormatFloat(f, 'g', -1, 64)
}

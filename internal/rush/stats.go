package rush

import (
	"fmt"
	"math"
	"slices"
	"strconv"
	"time"
)

// The steps of a passenger's visit, in the order they happen.
const (
	stepSearch = iota
	stepTrip
	stepHold
	stepBook
	stepRelease
	numSteps
)

var stepNames = [numSteps]string{"search", "trip", "hold", "book", "release"}

// stats counts the requests of one step. Each user keeps its own, merged
// at the end, so users never wait on each other to record a sample.
type stats struct {
	latencies []time.Duration // of every request that got an answer
	ok        int             // 2xx
	conflict  int             // 409: seats taken under contention, expected
	client    int             // other 4xx
	server    int             // 5xx
	transport int             // no answer at all
}

func (s *stats) record(status int, d time.Duration) {
	if status == 0 {
		s.transport++
		return
	}
	s.latencies = append(s.latencies, d)
	switch {
	case status < 300:
		s.ok++
	case status == 409:
		s.conflict++
	case status < 500:
		s.client++
	default:
		s.server++
	}
}

func (s *stats) merge(o *stats) {
	s.latencies = append(s.latencies, o.latencies...)
	s.ok += o.ok
	s.conflict += o.conflict
	s.client += o.client
	s.server += o.server
	s.transport += o.transport
}

// Latency is a duration that JSON shows in milliseconds.
type Latency time.Duration

// MarshalJSON writes milliseconds with microsecond precision.
func (l Latency) MarshalJSON() ([]byte, error) {
	return strconv.AppendFloat(nil, math.Round(float64(l)/1e3)/1e3, 'f', -1, 64), nil
}

func (l Latency) String() string {
	return strconv.FormatFloat(float64(l)/1e6, 'f', 2, 64) + "ms"
}

// StepReport is what one step did over the whole rush.
type StepReport struct {
	Name      string  `json:"name"`
	Count     int     `json:"count"` // requests sent, answered or not
	PerSecond float64 `json:"per_second"`
	P50       Latency `json:"p50_ms"`
	P95       Latency `json:"p95_ms"`
	P99       Latency `json:"p99_ms"`
	Max       Latency `json:"max_ms"`
	OK        int     `json:"ok"`
	Conflict  int     `json:"conflict_409"`
	Client    int     `json:"other_4xx"`
	Server    int     `json:"server_5xx"`
	Transport int     `json:"transport_errors"`
}

func (s *stats) report(name string, elapsed time.Duration) StepReport {
	slices.Sort(s.latencies)
	r := StepReport{Name: name, Count: len(s.latencies) + s.transport,
		P50: Latency(percentile(s.latencies, 50)), P95: Latency(percentile(s.latencies, 95)), P99: Latency(percentile(s.latencies, 99)),
		OK: s.ok, Conflict: s.conflict, Client: s.client, Server: s.server, Transport: s.transport}
	if n := len(s.latencies); n > 0 {
		r.Max = Latency(s.latencies[n-1])
	}
	if elapsed > 0 {
		r.PerSecond = float64(r.Count) / elapsed.Seconds()
	}
	return r
}

// percentile is the nearest-rank percentile p (0 < p ≤ 100) of sorted
// samples: the smallest sample that at least p % of the samples do not
// exceed. It never interpolates, so it is always a latency that happened.
func percentile(sorted []time.Duration, p float64) time.Duration {
	n := len(sorted)
	if n == 0 {
		return 0
	}
	rank := int(math.Ceil(p / 100 * float64(n)))
	rank = max(1, min(rank, n))
	return sorted[rank-1]
}

func (r StepReport) row() []string {
	// Padded so that the names read left-aligned in a right-aligned table.
	return []string{fmt.Sprintf("%-7s", r.Name), strconv.Itoa(r.Count), fmt.Sprintf("%.1f", r.PerSecond),
		r.P50.String(), r.P95.String(), r.P99.String(), r.Max.String(),
		strconv.Itoa(r.OK), strconv.Itoa(r.Conflict), strconv.Itoa(r.Client), strconv.Itoa(r.Server), strconv.Itoa(r.Transport)}
}

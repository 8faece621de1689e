// Package rush simulates a Tết sale opening against a running benxe over
// API v1: many virtual passengers search, open a trip, hold seats and book
// or let go of them, all at once. It measures each step and then checks
// through the API that no seat was sold twice.
package rush

import (
	"errors"
	"fmt"
	"net"
	"net/http"
	"net/url"
	"strings"
	"syscall"
	"time"
)

// Limits that keep a rush bounded whatever the flags say.
const (
	MaxDuration = 10 * time.Minute
	MaxUsers    = 1000
	// Every latency is kept for exact percentiles; this many stay cheap.
	MaxRequests = 500_000
)

// Modes.
const (
	ModeRandom = "random" // users spread over every trip with seats left
	ModeHot    = "hot"    // users crowd the first few trips and the first free seats
)

// Config is one rush.
type Config struct {
	Target      string        `json:"target"` // base URL of a running benxe
	AllowRemote bool          `json:"allow_remote"`
	Users       int           `json:"users"`
	Duration    time.Duration `json:"duration_ns"`
	MaxRequests int           `json:"max_requests"`
	Mode        string        `json:"mode"`
	HotTrips    int           `json:"hot_trips"`
	From        string        `json:"from"` // place names as a passenger types them
	To          string        `json:"to"`
	Date        string        `json:"date"`  // YYYY-MM-DD; empty means a week from today in Vietnam
	Seats       int           `json:"seats"` // per hold, 1–4
	// BookFraction of successful holds go on to book; ReleaseFraction of
	// the others are released, the rest are abandoned to expire, as people
	// who close the tab do.
	BookFraction    float64 `json:"book_fraction"`
	ReleaseFraction float64 `json:"release_fraction"`
	Seed            uint64  `json:"seed"`
}

// vietnam has had no daylight saving since 1975, so a fixed zone needs no
// tz database on the machine running the rush.
var vietnam = time.FixedZone("ICT", 7*3600)

// check validates c and fills in the date; it returns the target as a URL.
func (c *Config) check(now time.Time) (*url.URL, error) {
	u, err := CheckTarget(c.Target, c.AllowRemote)
	if err != nil {
		return nil, err
	}
	switch {
	case c.Users < 1 || c.Users > MaxUsers:
		return nil, fmt.Errorf("users must be from 1 to %d", MaxUsers)
	case c.Duration <= 0 || c.Duration > MaxDuration:
		return nil, fmt.Errorf("duration must be positive and at most %s", MaxDuration)
	case c.MaxRequests < 1 || c.MaxRequests > MaxRequests:
		return nil, fmt.Errorf("max-requests must be from 1 to %d", MaxRequests)
	case c.Mode != ModeRandom && c.Mode != ModeHot:
		return nil, fmt.Errorf("mode must be %s or %s, not %q", ModeRandom, ModeHot, c.Mode)
	case c.Mode == ModeHot && c.HotTrips < 1:
		return nil, errors.New("hot-trips must be at least 1")
	case strings.TrimSpace(c.From) == "" || strings.TrimSpace(c.To) == "":
		return nil, errors.New("from and to are required")
	case c.Seats < 1 || c.Seats > 4:
		return nil, errors.New("seats must be from 1 to 4")
	case c.BookFraction < 0 || c.BookFraction > 1 || c.ReleaseFraction < 0 || c.ReleaseFraction > 1:
		return nil, errors.New("book-fraction and release-fraction must be from 0 to 1")
	}
	if c.Date == "" {
		c.Date = now.In(vietnam).AddDate(0, 0, 7).Format(time.DateOnly)
	}
	if _, err := time.Parse(time.DateOnly, c.Date); err != nil {
		return nil, fmt.Errorf("date %q: want YYYY-MM-DD", c.Date)
	}
	return u, nil
}

// CheckTarget parses a target URL and, unless allowRemote, refuses any
// host but this machine: a load generator must not be pointed at someone
// else's server by a typo.
func CheckTarget(target string, allowRemote bool) (*url.URL, error) {
	u, err := url.Parse(target)
	if err != nil {
		return nil, fmt.Errorf("target: %w", err)
	}
	if u.Scheme != "http" && u.Scheme != "https" || u.Host == "" {
		return nil, fmt.Errorf("target %q: want http(s)://host:port", target)
	}
	if !allowRemote && !loopbackHost(u.Hostname()) {
		return nil, fmt.Errorf("target %q is not this machine (127.0.0.0/8, ::1, localhost); pass --allow-remote to load another host", target)
	}
	u.Path, u.RawQuery, u.Fragment = strings.TrimSuffix(u.Path, "/"), "", ""
	return u, nil
}

func loopbackHost(h string) bool {
	if strings.EqualFold(strings.TrimSuffix(h, "."), "localhost") {
		return true
	}
	ip := net.ParseIP(h)
	return ip != nil && ip.IsLoopback()
}

var errRemote = errors.New("refusing to connect to a host that is not this machine")

// NewClient is the HTTP client for a rush of users virtual users. Unless
// allowRemote, it can only connect to loopback addresses: the check on the
// target's name is not enough when "localhost" resolves elsewhere.
func NewClient(users int, allowRemote bool) *http.Client {
	d := &net.Dialer{Timeout: 5 * time.Second, KeepAlive: 30 * time.Second}
	if !allowRemote {
		d.Control = func(_, address string, _ syscall.RawConn) error {
			host, _, err := net.SplitHostPort(address)
			if ip := net.ParseIP(host); err != nil || ip == nil || !ip.IsLoopback() {
				return errRemote
			}
			return nil
		}
	}
	return &http.Client{
		Transport: &http.Transport{
			// No proxy from the environment: a proxy would carry the load
			// off this machine.
			Proxy:                 nil,
			DialContext:           d.DialContext,
			MaxIdleConns:          users,
			MaxIdleConnsPerHost:   users,
			IdleConnTimeout:       90 * time.Second,
			TLSHandshakeTimeout:   5 * time.Second,
			ResponseHeaderTimeout: 20 * time.Second,
		},
		Timeout: 30 * time.Second,
		// API v1 never redirects; following one could leave this machine.
		CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse },
	}
}

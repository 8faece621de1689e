package web

import (
	"sync"
	"time"
)

// A booking found by code and phone shows the passenger's name, phone and
// trip. Codes are eight characters and phones follow known prefixes, so
// either can be guessed when the other is known. guesses counts the wrong
// pairs tried against each code and each phone — the targets, not the
// clients, which can be many addresses or share one behind a proxy — and
// refuses lookups of a target that had too many of them until time has
// passed. The booking's own link (with its token) is never refused.
type guesses struct {
	burst int           // wrong tries allowed at once
	every time.Duration // one more allowed after each
	max   int           // targets remembered; past it, the forgiven are dropped, or all

	mu      sync.Mutex
	targets map[string]guessCount
}

type guessCount struct {
	n  float64 // wrong tries, forgiven at one per every
	at time.Time
}

func newGuesses() *guesses {
	return &guesses{burst: 10, every: 3 * time.Minute, max: 100_000, targets: map[string]guessCount{}}
}

// left is c's count at now, after what time has forgiven.
func (g *guesses) left(c guessCount, now time.Time) float64 {
	return max(0, c.n-float64(now.Sub(c.at))/float64(g.every))
}

// blocked reports whether any of keys has had too many wrong tries.
func (g *guesses) blocked(now time.Time, keys ...string) bool {
	g.mu.Lock()
	defer g.mu.Unlock()
	for _, k := range keys {
		// Blocked until a whole try has been forgiven since the last one.
		if c, ok := g.targets[k]; ok && g.left(c, now) > float64(g.burst-1) {
			return true
		}
	}
	return false
}

// missed counts a wrong try against each of keys.
func (g *guesses) missed(now time.Time, keys ...string) {
	g.mu.Lock()
	defer g.mu.Unlock()
	if len(g.targets) >= g.max {
		for k, c := range g.targets {
			if g.left(c, now) == 0 {
				delete(g.targets, k)
			}
		}
		// A flood of made-up codes fills the map with targets not yet
		// forgiven; scanning them on every wrong try would make each one
		// slow, so they are all forgiven at once instead.
		if len(g.targets) >= g.max {
			clear(g.targets)
		}
	}
	for _, k := range keys {
		g.targets[k] = guessCount{n: g.left(g.targets[k], now) + 1, at: now}
	}
}

package catalog

import (
	"sort"
	"time"
)

// Tier: cancelling at least HoursBefore hours before departure costs
// FeePercent of the fare.
type Tier struct {
	HoursBefore int `json:"hours_before"`
	FeePercent  int `json:"fee_percent"`
}

// Policy is an operator's cancellation policy, tiers by hours descending.
type Policy []Tier

// Window is one tier seen from the passenger's side: until Until (zero for
// the last tier) cancelling costs FeePercent.
type Window struct {
	Until      time.Time
	FeePercent int
}

// FeePercent is the fee for cancelling at now a seat departing at dep.
// Without a matching tier, nothing is refunded.
func (p Policy) FeePercent(dep, now time.Time) int {
	left := dep.Sub(now)
	for _, t := range p {
		if left >= time.Duration(t.HoursBefore)*time.Hour {
			return t.FeePercent
		}
	}
	return 100
}

// Windows turns the tiers into absolute times for a departure, because
// "free until 14:00 26/01" is what a passenger can act on.
func (p Policy) Windows(dep time.Time) []Window {
	tiers := append(Policy(nil), p...)
	sort.Slice(tiers, func(i, j int) bool { return tiers[i].HoursBefore > tiers[j].HoursBefore })
	ws := make([]Window, 0, len(tiers))
	for _, t := range tiers {
		ws = append(ws, Window{Until: dep.Add(-time.Duration(t.HoursBefore) * time.Hour), FeePercent: t.FeePercent})
	}
	return ws
}

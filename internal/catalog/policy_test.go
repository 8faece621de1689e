package catalog

import (
	"testing"
	"time"
)

func TestPolicy(t *testing.T) {
	p := Policy{{24, 0}, {12, 50}, {0, 100}}
	dep := time.Date(2027, 1, 26, 14, 0, 0, 0, time.UTC)
	for _, c := range []struct {
		before time.Duration
		want   int
	}{{48 * time.Hour, 0}, {24 * time.Hour, 0}, {23 * time.Hour, 50}, {12 * time.Hour, 50}, {time.Hour, 100}, {-time.Hour, 100}} {
		if got := p.FeePercent(dep, dep.Add(-c.before)); got != c.want {
			t.Errorf("%v before: fee %d%%, want %d%%", c.before, got, c.want)
		}
	}
	w := Policy{{12, 50}, {24, 0}}.Windows(dep)
	if len(w) != 2 || !w[0].Until.Equal(dep.Add(-24*time.Hour)) || w[0].FeePercent != 0 || w[1].FeePercent != 50 {
		t.Errorf("Windows = %+v", w)
	}
}

package main

import (
	"context"
	"encoding/json"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/benxe/benxe/internal/store"
)

// rushDate is a day the other tests of this package leave alone (they
// book 1–7 days ahead), so the seats the rush sells do not change what
// they see; it must stay inside the days of trips startServer generates.
func rushDate() string {
	return time.Now().In(time.FixedZone("ICT", 7*3600)).AddDate(0, 0, 8).Format(time.DateOnly)
}

// TestRushHot opens a Tết sale on the real server, on each engine: eight
// users fight for the first free seats of the same three trips.
func TestRushHot(t *testing.T) { eachEngine(t, testRushHot) }

func testRushHot(t *testing.T, url string) {
	var out, errOut strings.Builder
	noenv := func(string) string { return "" }
	err := rushCommand(context.Background(), []string{"--target", url, "--users", "8", "--duration", "5s", "--mode", "hot",
		"--date", rushDate(), "--seed", "7"}, noenv, &out, &errOut)
	table := out.String()
	if err != nil {
		t.Fatalf("rush: %v\n%s%s", err, table, errOut.String())
	}
	rows := map[string][]string{}
	for line := range strings.Lines(table) {
		if f := strings.Fields(line); len(f) == 12 {
			rows[f[0]] = f
		}
	}
	for _, step := range []string{"search", "trip", "hold", "book", "release"} {
		if rows[step] == nil {
			t.Errorf("no %s row in the table", step)
		}
	}
	col := func(step string, i int) int {
		if rows[step] == nil {
			return -1
		}
		n, _ := strconv.Atoi(rows[step][i])
		return n
	}
	// Columns: step requests per-s p50 p95 p99 max 2xx 409 4xx 5xx no-answer.
	if holds, conflicts := col("hold", 7), col("hold", 8); holds < 1 || conflicts < 1 {
		t.Errorf("hot rush: %d holds made, %d refused with 409; want some of each", holds, conflicts)
	}
	if books := col("book", 7); books < 1 {
		t.Errorf("hot rush booked %d times", books)
	}
	if !strings.Contains(table, "OK: no seat sold twice") || strings.Contains(table, "DOUBLE SALE") {
		t.Errorf("verification:\n%s", table)
	}
	if t.Failed() {
		t.Log("\n" + table)
	}
}

// TestRushJSON: --json is a report a machine can read.
func TestRushJSON(t *testing.T) {
	url := startServer(t, store.SQLite)
	var out, errOut strings.Builder
	err := rushCommand(context.Background(), []string{"--target", url, "--users", "3", "--duration", "1s", "--date", rushDate(), "--json"},
		func(string) string { return "" }, &out, &errOut)
	if err != nil {
		t.Fatalf("rush: %v\n%s", err, errOut.String())
	}
	var rep struct {
		Config struct {
			Mode string `json:"mode"`
		} `json:"config"`
		Steps []struct {
			Name  string  `json:"name"`
			Count int     `json:"count"`
			P95   float64 `json:"p95_ms"`
		} `json:"steps"`
		Verification struct {
			DoubleSales []any `json:"double_sales"`
			Missing     []any `json:"missing"`
		} `json:"verification"`
	}
	if err := json.Unmarshal([]byte(out.String()), &rep); err != nil {
		t.Fatalf("%v in %s", err, out.String())
	}
	if rep.Config.Mode != "random" || len(rep.Steps) != 5 || rep.Steps[0].Name != "search" || rep.Steps[0].Count == 0 || rep.Steps[0].P95 <= 0 {
		t.Errorf("report %+v", rep)
	}
	if len(rep.Verification.DoubleSales)+len(rep.Verification.Missing) > 0 {
		t.Errorf("verification %+v", rep.Verification)
	}
}

// TestRushStaysHome: no load leaves this machine unless asked for.
func TestRushStaysHome(t *testing.T) {
	for _, env := range []string{"", "http://203.0.113.9:8080"} {
		getenv := func(k string) string {
			if k == "BENXE_RUSH_TARGET" {
				return env
			}
			return ""
		}
		args := []string{"--users", "1", "--duration", "1s"}
		if env == "" {
			args = append(args, "--target", "http://example.com:8080")
		}
		var out, errOut strings.Builder
		err := rushCommand(context.Background(), args, getenv, &out, &errOut)
		if err == nil || !strings.Contains(err.Error(), "not this machine") || out.Len() > 0 {
			t.Errorf("target %v %q: err %v, output %q", args, env, err, out.String())
		}
	}
	for _, args := range [][]string{{"--duration", "11m"}, {"--users", "0"}, {"--seats", "5"}, {"--mode", "chaos"}, {"extra"}} {
		var out, errOut strings.Builder
		if err := rushCommand(context.Background(), args, func(string) string { return "" }, &out, &errOut); err == nil {
			t.Errorf("%v accepted", args)
		}
	}
}

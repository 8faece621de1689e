package main

import (
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"time"

	"github.com/benxe/benxe/internal/rush"
)

// rushCommand runs "benxe rush": a Tết sale opening simulated against a
// running benxe (see internal/rush). It needs no database of its own.
func rushCommand(ctx context.Context, args []string, getenv func(string) string, stdout, stderr io.Writer) error {
	target := "http://127.0.0.1:8080"
	if v := getenv("BENXE_RUSH_TARGET"); v != "" {
		target = v
	}
	var c rush.Config
	var asJSON bool
	fs := flag.NewFlagSet("benxe rush", flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.StringVar(&c.Target, "target", target, "base URL of the running benxe (env BENXE_RUSH_TARGET); only this machine unless --allow-remote")
	fs.BoolVar(&c.AllowRemote, "allow-remote", false, "allow a target that is not this machine")
	fs.IntVar(&c.Users, "users", 50, fmt.Sprintf("virtual users (at most %d)", rush.MaxUsers))
	fs.DurationVar(&c.Duration, "duration", 30*time.Second, fmt.Sprintf("how long the rush lasts (at most %s)", rush.MaxDuration))
	fs.IntVar(&c.MaxRequests, "max-requests", 20000, fmt.Sprintf("stop after this many requests (at most %d)", rush.MaxRequests))
	fs.StringVar(&c.Mode, "mode", rush.ModeRandom, "random: users spread over all trips; hot: everyone wants the same few trips and seats")
	fs.IntVar(&c.HotTrips, "hot-trips", 3, "in hot mode, how many trips the crowd goes for")
	fs.StringVar(&c.From, "from", "sai gon", "where the passengers leave from, as typed")
	fs.StringVar(&c.To, "to", "da lat", "where they go, as typed")
	fs.StringVar(&c.Date, "date", "", "travel date YYYY-MM-DD (default: 7 days from today in Vietnam)")
	fs.IntVar(&c.Seats, "seats", 2, "seats per hold, 1–4")
	fs.Float64Var(&c.BookFraction, "book-fraction", 0.8, "fraction of successful holds that go on to book")
	fs.Float64Var(&c.ReleaseFraction, "release-fraction", 0.5, "fraction of the holds not booked that are released; the rest expire")
	fs.Uint64Var(&c.Seed, "seed", 1, "seed for the users' choices")
	fs.BoolVar(&asJSON, "json", false, "print the report as JSON")
	if err := fs.Parse(args); err != nil {
		return err
	}
	if fs.NArg() > 0 {
		return fmt.Errorf("unexpected argument %q", fs.Arg(0))
	}
	client := rush.NewClient(c.Users, c.AllowRemote)
	defer client.CloseIdleConnections()
	rep, err := rush.Run(ctx, c, client)
	if rep.Steps == nil {
		// The rush never started: nothing to report but why.
		return err
	}
	if asJSON {
		enc := json.NewEncoder(stdout)
		enc.SetIndent("", "  ")
		enc.SetEscapeHTML(false)
		if perr := enc.Encode(rep); perr != nil {
			return errors.Join(err, perr)
		}
	} else if perr := rep.Print(stdout); perr != nil {
		return errors.Join(err, perr)
	}
	return err
}

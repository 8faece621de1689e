package rush

import (
	"fmt"
	"io"
	"strings"
	"text/tabwriter"
	"time"
)

// Print writes the report as a table for people.
func (r Report) Print(w io.Writer) error {
	c := r.Config
	var b strings.Builder
	fmt.Fprintf(&b, "benxe rush: %s mode, %d users, %s against %s\n", c.Mode, c.Users, c.Duration, c.Target)
	fmt.Fprintf(&b, "%s → %s on %s, %d seats per hold, seed %d\n", r.FromPlace, r.ToPlace, c.Date, c.Seats, c.Seed)
	fmt.Fprintf(&b, "stopped after %s (%s), %d requests\n\n", time.Duration(r.Elapsed).Round(time.Millisecond), r.StopReason, r.Requests)

	tw := tabwriter.NewWriter(&b, 0, 0, 2, ' ', tabwriter.AlignRight)
	fmt.Fprintln(tw, "step   \trequests\tper s\tp50\tp95\tp99\tmax\t2xx\t409\tother 4xx\t5xx\tno answer\t")
	for _, s := range r.Steps {
		fmt.Fprintln(tw, strings.Join(s.row(), "\t")+"\t")
	}
	tw.Flush()

	fmt.Fprintf(&b, "\nholds: %d made (%d seats); of them %d booked, %d released, %d abandoned to expire\n",
		r.Holds, r.SeatsHeld, r.Bookings, r.Released, r.Abandoned)
	fmt.Fprintf(&b, "visits that found too few seats left: %d\n", r.SoldOutSeen)

	v := r.Verify
	fmt.Fprintf(&b, "\nverification: %d bookings, %d seats, %d segments read back\n", v.Bookings, v.SeatsBooked, len(v.Segments))
	for _, s := range v.Segments {
		fmt.Fprintf(&b, "  trip %d stops %d→%d: %d seats sold in the seat map, %d booked by this rush\n",
			s.TripID, s.From, s.To, s.Sold, s.Booked)
	}
	for _, d := range v.DoubleSales {
		fmt.Fprintf(&b, "  DOUBLE SALE: %s\n", d)
	}
	for _, m := range v.Missing {
		fmt.Fprintf(&b, "  NOT SOLD: %s\n", m)
	}
	for _, e := range v.Errors {
		fmt.Fprintf(&b, "  UNCHECKED: %s\n", e)
	}
	if v.OK() {
		fmt.Fprintf(&b, "OK: no seat sold twice; every booked seat shows sold\n")
	} else {
		fmt.Fprintf(&b, "FAILED: %d double sales, %d booked seats not sold, %d seat maps unread\n",
			len(v.DoubleSales), len(v.Missing), len(v.Errors))
	}
	_, err := io.WriteString(w, b.String())
	return err
}

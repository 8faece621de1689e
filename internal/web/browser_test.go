package web

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"github.com/benxe/benxe/internal/pricing"
)

const chromiumPath = "/usr/bin/chromium"

// TestBrowserBooking books a seat in a real Chromium on a phone-sized
// screen, as a person would: type the places, pick a sleeper, tick an
// upper-deck berth, hold it, fill the form, apply a promo code and book.
// It leaves screenshots of each step in $BENXE_ARTIFACTS.
func TestBrowserBooking(t *testing.T) {
	if _, err := os.Stat(chromiumPath); err != nil {
		if os.Getenv("CI") != "" {
			t.Fatalf("the browser test needs %s: %v", chromiumPath, err)
		}
		t.Skipf("no %s; install chromium to run the browser test", chromiumPath)
	}
	base, st := startTestServer(t)
	artifacts := os.Getenv("BENXE_ARTIFACTS")
	if artifacts == "" {
		artifacts = filepath.Join(os.TempDir(), "benxe-artifacts")
	}
	if err := os.MkdirAll(artifacts, 0o755); err != nil {
		t.Fatal(err)
	}

	alloc, cancelAlloc := chromedp.NewExecAllocator(context.Background(),
		chromedp.ExecPath(chromiumPath),
		chromedp.Headless,
		chromedp.NoSandbox,
		chromedp.DisableGPU,
		chromedp.NoFirstRun,
		chromedp.Flag("disable-quic", true),
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true),
		chromedp.UserDataDir(t.TempDir()),
		chromedp.WindowSize(390, 844),
	)
	defer cancelAlloc()
	tab, cancelTab := chromedp.NewContext(alloc, chromedp.WithLogf(t.Logf))
	defer cancelTab()
	ctx, cancel := context.WithTimeout(tab, 90*time.Second)
	defer cancel()

	// Any script error or refused resource (a CSP violation, a 404) fails
	// the test: the pages must run clean.
	var mu sync.Mutex
	var problems []string
	messages := chromedp.Console(ctx)
	collected := make(chan struct{})
	go func() {
		defer close(collected)
		for m, err := range messages {
			if err != nil {
				return
			}
			if m.IsException() || m.Type == chromedp.ConsoleError {
				mu.Lock()
				problems = append(problems, m.URL+": "+m.String())
				mu.Unlock()
			}
		}
	}()

	phone := chromedp.EmulateViewport(390, 844, chromedp.EmulateMobile)
	shot := func(name string) {
		t.Helper()
		png, err := chromedp.Run(ctx, chromedp.FullScreenshot(100))
		if err != nil {
			t.Fatalf("screenshot %s: %v", name, err)
		}
		path := filepath.Join(artifacts, name)
		if err := os.WriteFile(path, png, 0o644); err != nil {
			t.Fatal(err)
		}
		t.Logf("screenshot: %s", path)
	}
	do := func(step string, actions ...chromedp.Action[chromedp.Void]) {
		t.Helper()
		if err := chromedp.Do(ctx, actions...); err != nil {
			t.Fatalf("%s: %v", step, err)
		}
	}
	eval := func(step, js string) string {
		t.Helper()
		v, err := chromedp.Run(ctx, chromedp.Evaluate[string](js))
		if err != nil {
			t.Fatalf("%s: %v", step, err)
		}
		return v
	}

	do("open the home page", phone,
		chromedp.Navigate(base+"/"),
		chromedp.WaitVisible(chromedp.ID("f-from")),
		chromedp.SendKeys(chromedp.ID("f-from"), "sai gon"),
		chromedp.SendKeys(chromedp.ID("f-to"), "da lat"),
		chromedp.SetValue(chromedp.ID("f-date"), daysAhead(4)),
	)
	shot("1-home.png")
	do("search", chromedp.Click(chromedp.CSS(`form.search button[type=submit]`)), chromedp.WaitVisible(chromedp.CSS(`ol.trips`)))
	shot("2-search.png")

	// The first sleeper, for its upper deck; else the first trip.
	link := eval("find a trip", `(document.querySelector('li.trip[data-vehicle="sleeper40"] a.trip-link') ||
		document.querySelector('li.trip a.trip-link')).getAttribute('href')`)
	do("open the trip", chromedp.Click(chromedp.CSS(`a.trip-link[href="`+link+`"]`)), chromedp.WaitVisible(chromedp.CSS(`form.seatform`)))
	seat := eval("find a seat", `(document.querySelector('input[name=seats][value^="B"]:not(:disabled)') ||
		document.querySelector('input[name=seats]:not(:disabled)')).value`)
	do("tick seat "+seat, chromedp.Click(chromedp.ID("seat-"+seat)))
	if eval("read the seat", `String(document.getElementById("seat-`+seat+`").checked)`) != "true" {
		t.Fatalf("clicking seat %s did not tick it", seat)
	}
	if s := eval("read the summary", `document.querySelector("[data-seat-summary]").textContent`); !strings.Contains(s, seat) {
		t.Errorf("the seat summary says %q, want it to name %s", s, seat)
	}
	shot("3-seatmap-phone.png")
	do("widen the window", chromedp.EmulateViewport(1280, 900))
	shot("3-seatmap-desktop.png")
	do("narrow the window", phone)

	do("hold", chromedp.Click(chromedp.ID("hold-submit")), chromedp.WaitVisible(chromedp.ID("f-contact-name")))
	if s := eval("read the countdown", `document.querySelector("[data-left]").textContent`); !strings.Contains(s, ":") {
		t.Errorf("the countdown shows %q", s)
	}
	tel := uniquePhone()
	do("fill the form",
		chromedp.Click(chromedp.CSS(`input[name=pickup_point_id]`)),
		chromedp.Click(chromedp.CSS(`input[name=dropoff_point_id]`)),
		chromedp.SendKeys(chromedp.ID("f-contact-name"), "Phạm Thu Hà"),
		chromedp.SendKeys(chromedp.ID("f-contact-phone"), tel),
		chromedp.SendKeys(chromedp.ID("f-promo_code"), "CHAOBAN"),
		chromedp.Click(chromedp.CSS(`button[name=action][value=apply]`)),
		chromedp.WaitVisible(chromedp.CSS(`tr.line-discount`)),
	)
	if s := eval("read the name", `document.getElementById("f-contact-name").value`); s != "Phạm Thu Hà" {
		t.Fatalf("after Áp dụng the name field holds %q", s)
	}
	shot("4-checkout-phone.png")
	do("widen the window", chromedp.EmulateViewport(1280, 900))
	shot("4-checkout-desktop.png")
	do("narrow the window", phone)

	do("book", chromedp.Click(chromedp.ID("book-submit")), chromedp.WaitVisible(chromedp.ID("booking-code")))
	code := eval("read the code", `document.getElementById("booking-code").textContent`)
	width, err := chromedp.Run(ctx, chromedp.Poll[int](
		`(() => { const i = document.querySelector(".qr img"); return i && i.complete ? i.naturalWidth : 0 })()`,
		chromedp.WithPollingTimeout(20*time.Second)))
	if err != nil || width == 0 {
		t.Fatalf("the VietQR image did not load: width %d, %v", width, err)
	}
	shot("5-confirmation-phone.png")
	do("widen the window", chromedp.EmulateViewport(1280, 900))
	shot("5-confirmation-desktop.png")

	b, err := st.Booking(context.Background(), code)
	if err != nil {
		t.Fatalf("booking %q: %v", code, err)
	}
	discounted := false
	for _, l := range b.Lines {
		discounted = discounted || l.Kind == pricing.Discount
	}
	if len(b.Tickets) != 1 || b.Tickets[0].Seat != seat || b.Contact.Phone != tel || !discounted {
		t.Fatalf("booking %+v; want seat %s for %s with the promo discount", b, seat, tel)
	}

	cancel()
	<-collected
	mu.Lock()
	defer mu.Unlock()
	for _, p := range problems {
		t.Errorf("browser console: %s", p)
	}
	t.Logf("booked %s, seat %s; screenshots in %s", code, seat, artifacts)
}

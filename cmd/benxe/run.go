package main

import (
	"context"
	"crypto/ed25519"
	"crypto/rand"
	"encoding/hex"
	"errors"
	"flag"
	"fmt"
	"github.com/benxe/benxe/internal/metrics"
	"github.com/benxe/benxe/internal/payment/momo"
	"github.com/benxe/benxe/internal/payment/sepay"
	"github.com/benxe/benxe/internal/payment/vnpay"
	"io"
	"log/slog"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"time"

	"github.com/benxe/benxe/internal/booking"
	"github.com/benxe/benxe/internal/demo"
	"github.com/benxe/benxe/internal/jobs"
	"github.com/benxe/benxe/internal/store"
	"github.com/benxe/benxe/internal/ticket"
	"github.com/benxe/benxe/internal/web"
)

const usage = `benxe — intercity bus tickets

Usage:
  benxe serve   [flags]   migrate, load the demo network if empty, serve the site and API
  benxe migrate [flags]   apply database migrations
  benxe seed    [flags]   load the demo network into an empty database
  benxe rush    [flags]   simulate a Tết sale opening against a running benxe (API v1)

Run "benxe <command> -h" for the flags of a command.
`

// config is every setting, from flags with environment defaults.
type config struct {
	addr      string
	data      string
	db        string
	holdTTL   time.Duration
	holdCap   time.Duration
	jobsEvery time.Duration
	days      int
	pprof     bool
	slow      time.Duration
	sandbox   bool
	baseURL   string
	// operatorToken guards the operator API and pages; "" turns them off.
	operatorToken string
	scale         string
}

func parse(name string, args []string, getenv func(string) string, stderr io.Writer) (config, error) {
	env := func(k, def string) string {
		if v := getenv(k); v != "" {
			return v
		}
		return def
	}
	var c config
	fs := flag.NewFlagSet("benxe "+name, flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.StringVar(&c.addr, "addr", env("BENXE_ADDR", "127.0.0.1:8080"), "address to listen on (env BENXE_ADDR)")
	fs.StringVar(&c.data, "data", env("BENXE_DATA", "./benxe-data"), "data directory holding the SQLite database (env BENXE_DATA)")
	fs.StringVar(&c.db, "db", env("BENXE_DATABASE_URL", ""), "a postgres:// URL to use PostgreSQL instead of SQLite (env BENXE_DATABASE_URL)")
	ttl, err := time.ParseDuration(env("BENXE_HOLD_TTL", "10m"))
	if err != nil {
		return c, fmt.Errorf("BENXE_HOLD_TTL: %w", err)
	}
	fs.DurationVar(&c.holdTTL, "hold-ttl", ttl, "how long a hold keeps its seats, and each extension (env BENXE_HOLD_TTL)")
	fs.DurationVar(&c.holdCap, "hold-cap", 2*ttl, "no hold lasts longer than this after it is made")
	fs.DurationVar(&c.jobsEvery, "jobs-every", 15*time.Second, "how often payment deadlines are enforced")
	fs.IntVar(&c.days, "days", 90, "days of trips to generate ahead")
	fs.StringVar(&c.scale, "scale", "demo", "seed: demo (29 operators, 81 routes) or national (2,000 operators, 5,000 routes)")
	fs.BoolVar(&c.pprof, "pprof", false, "serve Go profiles at /debug/pprof/")
	fs.BoolVar(&c.sandbox, "sandbox", false,
		"play the payment providers locally (env BENXE_SANDBOX=1|0; default: on for the embedded SQLite demo, off with --db)")
	fs.StringVar(&c.baseURL, "base-url", env("BENXE_BASE_URL", ""), "the public URL of the site, for payment callbacks (default: http://<addr>)")
	fs.DurationVar(&c.slow, "slow", 100*time.Millisecond, "log write transactions slower than this")
	fs.StringVar(&c.operatorToken, "operator-token", env("BENXE_OPERATOR_TOKEN", ""),
		"bearer token of the operator API and pages; unset turns them off (env BENXE_OPERATOR_TOKEN, preferred: flags show in ps)")
	if err := fs.Parse(args); err != nil {
		return c, err
	}
	if fs.NArg() > 0 {
		return c, fmt.Errorf("unexpected argument %q", fs.Arg(0))
	}
	if !flagSet(fs, "sandbox") {
		// The embedded database is the demo; a PostgreSQL deployment takes
		// real money and must ask for the sandbox.
		c.sandbox = env("BENXE_SANDBOX", "") == "1" || (env("BENXE_SANDBOX", "") == "" && c.db == "")
	}
	if c.operatorToken != "" && len(c.operatorToken) < 16 {
		return c, errors.New("--operator-token must be at least 16 characters")
	}
	if c.holdTTL <= 0 || c.holdCap < c.holdTTL {
		return c, errors.New("--hold-ttl must be positive and --hold-cap at least as long")
	}
	return c, nil
}

func run(ctx context.Context, args []string, getenv func(string) string, stdin io.Reader, stdout, stderr io.Writer) error {
	if len(args) < 2 {
		fmt.Fprint(stderr, usage)
		return errors.New("no command given")
	}
	cmd := args[1]
	switch cmd {
	case "rush":
		return rushCommand(ctx, args[2:], getenv, stdout, stderr)
	case "serve", "migrate", "seed":
	case "-h", "--help", "help":
		fmt.Fprint(stdout, usage)
		return nil
	default:
		fmt.Fprint(stderr, usage)
		return fmt.Errorf("unknown command %q", cmd)
	}
	cfg, err := parse(cmd, args[2:], getenv, stderr)
	if err != nil {
		return err
	}
	log := slog.New(slog.NewJSONHandler(stderr, &slog.HandlerOptions{Level: slog.LevelInfo}))
	st, err := openStore(ctx, cfg)
	if err != nil {
		return err
	}
	defer st.Close()
	switch cmd {
	case "migrate":
		fmt.Fprintln(stdout, "migrated the", st.Engine(), "database")
		return nil
	case "seed":
		return seed(ctx, st, cfg, stdout)
	}
	return serve(ctx, st, cfg, log, getenv, stdout)
}

func openStore(ctx context.Context, cfg config) (*store.Store, error) {
	dsn := cfg.db
	if dsn == "" {
		if err := os.MkdirAll(cfg.data, 0o750); err != nil {
			return nil, err
		}
		dsn = filepath.Join(cfg.data, "benxe.db")
	}
	st, err := store.Open(ctx, dsn)
	if err != nil {
		return nil, err
	}
	if err := st.Migrate(ctx); err != nil {
		st.Close()
		return nil, err
	}
	return st, nil
}

// seed loads a network unless the database already has operators.
func seed(ctx context.Context, st *store.Store, cfg config, stdout io.Writer) error {
	empty, err := st.Empty(ctx)
	if err != nil || !empty {
		if err == nil {
			fmt.Fprintln(stdout, "database not empty: nothing loaded")
		}
		return err
	}
	start := time.Now()
	today := demo.Today(time.Now())
	switch cfg.scale {
	case "demo":
		if err := demo.Load(ctx, st, today, cfg.days); err != nil {
			return fmt.Errorf("seed: %w", err)
		}
		fmt.Fprintf(stdout, "loaded the demo network (%d days of trips) in %s\n", cfg.days, time.Since(start).Round(time.Millisecond))
	case "national":
		stats, err := demo.LoadNational(ctx, st, today, demo.NationalConfig{Days: cfg.days})
		if err != nil {
			return fmt.Errorf("seed: %w", err)
		}
		fmt.Fprintf(stdout, "loaded the national network in %s\n%s\n", time.Since(start).Round(time.Millisecond), stats)
	default:
		return fmt.Errorf("--scale %q: want demo or national", cfg.scale)
	}
	return nil
}

func serve(ctx context.Context, st *store.Store, cfg config, log *slog.Logger, getenv func(string) string, stdout io.Writer) error {
	if err := seed(ctx, st, cfg, stdout); err != nil {
		return err
	}
	secret, err := linkSecret(ctx, st)
	if err != nil {
		return err
	}
	tickets, err := ticketKey(ctx, st)
	if err != nil {
		return err
	}
	st.LogSlow(log, cfg.slow)
	reg := metrics.New()
	expired := reg.Counter("benxe_bookings_expired_total", "Unpaid bookings expired at their deadline by this process.")
	ln, err := net.Listen("tcp", cfg.addr)
	if err != nil {
		return err
	}
	baseURL := cfg.baseURL
	if baseURL == "" {
		baseURL = "http://" + ln.Addr().String()
	}
	gateways := liveGateways(baseURL, getenv)
	if cfg.sandbox {
		gateways = web.SandboxGateways(baseURL)
	}
	srv := &http.Server{
		Handler: web.NewServer(web.Deps{Store: st, Log: log, Now: time.Now,
			Holds: booking.HoldPolicy{TTL: cfg.holdTTL, Cap: cfg.holdCap}, Secret: secret, Tickets: tickets, Metrics: reg, Pprof: cfg.pprof, Gateways: gateways,
			OperatorToken: cfg.operatorToken}),
		ReadHeaderTimeout: 10 * time.Second,
		ReadTimeout:       30 * time.Second,
		WriteTimeout:      60 * time.Second,
		IdleTimeout:       120 * time.Second,
	}
	jobsCtx, stopJobs := context.WithCancel(ctx)
	jobsDone := make(chan struct{})
	go func() {
		defer close(jobsDone)
		// VNPay and MoMo refunds the gateway did not take yet, retried.
		refundsDone := make(chan struct{})
		go func() {
			defer close(refundsDone)
			web.RunRefunds(jobsCtx, web.Deps{Store: st, Log: log, Now: time.Now, Gateways: gateways}, cfg.jobsEvery)
		}()
		jobs.Run(jobsCtx, st, log, time.Now, jobs.Config{Every: cfg.jobsEvery, HorizonDays: cfg.days, Expired: expired})
		<-refundsDone
	}()
	errc := make(chan error, 1)
	go func() { errc <- srv.Serve(ln) }()
	if cfg.sandbox {
		log.Warn("payment sandbox ON: benxe plays VNPay, MoMo and the bank itself; no real money moves", "sandbox", baseURL+"/sandbox/bank")
	} else {
		log.Info("payment sandbox off")
	}
	log.Info("operator API", "enabled", cfg.operatorToken != "")
	fmt.Fprintf(stdout, "benxe is serving on http://%s/\n", ln.Addr())
	log.Info("serving", "addr", ln.Addr().String(), "engine", st.Engine())
	select {
	case err := <-errc:
		stopJobs()
		<-jobsDone
		return err
	case <-ctx.Done():
	}
	log.Info("shutting down")
	shutdownCtx, cancel := context.WithTimeout(context.Background(), 20*time.Second)
	defer cancel()
	err = srv.Shutdown(shutdownCtx)
	stopJobs()
	<-jobsDone
	return err
}

// linkSecret is the key that signs booking links; the first process makes
// it and every other process of the same database reads the same one.
func linkSecret(ctx context.Context, st *store.Store) ([]byte, error) {
	b := make([]byte, 32)
	rand.Read(b)
	v, err := st.InitSetting(ctx, "link_secret", hex.EncodeToString(b))
	if err != nil {
		return nil, err
	}
	return hex.DecodeString(v)
}

// ticketKey is the Ed25519 key that signs e-tickets, made once like
// linkSecret so that every process of a database signs with the same key
// and a scanner needs one public key.
func ticketKey(ctx context.Context, st *store.Store) (*ticket.Signer, error) {
	b := make([]byte, ed25519.SeedSize)
	rand.Read(b)
	v, err := st.InitSetting(ctx, "ticket_ed25519_seed", hex.EncodeToString(b))
	if err != nil {
		return nil, err
	}
	seed, err := hex.DecodeString(v)
	if err != nil {
		return nil, fmt.Errorf("setting ticket_ed25519_seed: %w", err)
	}
	return ticket.NewSigner(seed)
}

// liveGateways reads the providers' credentials from the environment, not
// from flags, which other users of the machine can read in the process
// list. A provider without credentials stays off.
func liveGateways(baseURL string, getenv func(string) string) web.Gateways {
	or := func(k, def string) string {
		if v := getenv(k); v != "" {
			return v
		}
		return def
	}
	return web.Gateways{
		BaseURL: baseURL,
		VNPay: vnpay.Config{TmnCode: getenv("BENXE_VNPAY_TMN_CODE"), HashSecret: getenv("BENXE_VNPAY_HASH_SECRET"),
			PayURL: or("BENXE_VNPAY_PAY_URL", vnpay.SandboxPayURL), ReturnURL: baseURL + "/payments/vnpay/return"},
		VNPayAPIURL: or("BENXE_VNPAY_API_URL", vnpay.SandboxAPIURL),
		MoMo: momo.Config{PartnerCode: getenv("BENXE_MOMO_PARTNER_CODE"), AccessKey: getenv("BENXE_MOMO_ACCESS_KEY"),
			SecretKey: getenv("BENXE_MOMO_SECRET_KEY"), Endpoint: or("BENXE_MOMO_ENDPOINT", momo.SandboxEndpoint)},
		SePay:       sepay.Auth{APIKey: getenv("BENXE_SEPAY_API_KEY"), HMACSecret: getenv("BENXE_SEPAY_HMAC_SECRET")},
		CassoSecret: getenv("BENXE_CASSO_SECRET"),
	}
}

func flagSet(fs *flag.FlagSet, name string) bool {
	set := false
	fs.Visit(func(f *flag.Flag) { set = set || f.Name == name })
	return set
}

package web

import (
	"net/http"
	"net/http/pprof"
)

// addRoutes lists every URL benxe serves.
func addRoutes(mux *http.ServeMux, s *Server) {
	mux.HandleFunc("GET /healthz", s.healthz)
	mux.HandleFunc("GET /metrics", s.metricsPage)
	if s.Pprof {
		mux.HandleFunc("GET /debug/pprof/", pprof.Index)
		mux.HandleFunc("GET /debug/pprof/cmdline", pprof.Cmdline)
		mux.HandleFunc("GET /debug/pprof/profile", pprof.Profile)
		mux.HandleFunc("GET /debug/pprof/symbol", pprof.Symbol)
		mux.HandleFunc("GET /debug/pprof/trace", pprof.Trace)
	}

	// JSON API v1 (docs: /api/v1/openapi.json).
	mux.HandleFunc("GET /api/v1/openapi.json", s.openAPI)
	mux.HandleFunc("GET /api/v1/places", s.apiPlaces)
	mux.HandleFunc("GET /api/v1/trips", s.apiTrips)
	mux.HandleFunc("GET /api/v1/trips/{id}", s.apiTrip)
	mux.HandleFunc("POST /api/v1/holds", s.apiCreateHold)
	mux.HandleFunc("DELETE /api/v1/holds/{id}", s.apiReleaseHold)
	mux.HandleFunc("POST /api/v1/holds/{id}/extend", s.apiExtendHold)
	mux.HandleFunc("POST /api/v1/quotes", s.apiQuote)
	mux.HandleFunc("POST /api/v1/bookings", s.apiCreateBooking)
	mux.HandleFunc("GET /api/v1/bookings/{code}", s.apiBooking)
	mux.HandleFunc("POST /api/v1/bookings/{code}/cancel", s.apiCancelBooking)
	mux.HandleFunc("/api/", s.apiNotFound)

	// Passenger pages: the five steps of a booking, then looking it up.
	mux.HandleFunc("GET /{$}", s.pageHome)
	mux.HandleFunc("GET /search", s.pageSearch)
	mux.HandleFunc("GET /trips/{id}", s.pageTrip)
	mux.HandleFunc("POST /trips/{id}/hold", s.pageHold)
	mux.HandleFunc("GET /holds/{id}", s.pageCheckout)
	mux.HandleFunc("POST /holds/{id}", s.pageCheckoutSubmit)
	mux.HandleFunc("POST /holds/{id}/release", s.pageRelease)
	mux.HandleFunc("GET /bookings/{code}", s.pageBooking)
	mux.HandleFunc("GET /bookings/{code}/qr.png", s.bookingQR)
	mux.HandleFunc("POST /bookings/{code}/cancel", s.pageCancel)
	mux.HandleFunc("GET /lookup", s.pageLookup)
	mux.HandleFunc("POST /lookup", s.pageLookupSubmit)
	mux.HandleFunc("GET /lang/{lang}", s.setLang)
	mux.Handle("GET /static/", staticFiles())
	mux.HandleFunc("/", func(w http.ResponseWriter, r *http.Request) { s.pageError(w, r, errPageNotFound) })
}

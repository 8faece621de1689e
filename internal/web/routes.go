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

	// Payment webhooks: SePay and Casso report bank transfers (bank.go).
	mux.HandleFunc("POST /webhooks/sepay", s.webhookSePay)
	mux.HandleFunc("POST /webhooks/casso", s.webhookCasso)

	// Sandbox bank: plays the bank and SePay/Casso; 404 unless the
	// sandbox is on (bank.go).
	mux.HandleFunc("GET /sandbox/bank", s.pageSandboxBank)
	mux.HandleFunc("POST /sandbox/bank", s.pageSandboxBankSubmit)

	// Bank transfers, the passenger's side: where a refund is paid (bank.go).
	mux.HandleFunc("POST /bookings/{code}/refund-account", s.pageRefundAccount)

	// VNPay and MoMo: the passenger goes to the gateway (start) and comes
	// back (return: shows the result, changes nothing); the gateway reports
	// server to server (IPN), the only thing that marks a booking paid
	// (gateway_pages.go). Paid bookings are cancelled seat by seat, and
	// refunds go back through the gateway (refunds.go).
	mux.HandleFunc("GET /payments/vnpay/start/{code}", s.vnpayStart)
	mux.HandleFunc("GET /payments/vnpay/return", s.vnpayReturn)
	mux.HandleFunc("GET /payments/vnpay/ipn", s.vnpayIPN)
	mux.HandleFunc("GET /payments/momo/start/{code}", s.momoStart)
	mux.HandleFunc("GET /payments/momo/return", s.momoReturn)
	mux.HandleFunc("POST /payments/momo/ipn", s.momoIPN)
	mux.HandleFunc("POST /bookings/{code}/cancel-seats", s.pageCancelSeats)

	// Sandbox gateways: play VNPay and MoMo — payment pages, MoMo's create
	// API, both refund APIs; 404 unless the sandbox is on (gateway_pages.go).
	mux.HandleFunc("GET /sandbox/vnpay/pay", s.sandboxOnly(s.sandboxVNPayPage))
	mux.HandleFunc("POST /sandbox/vnpay/pay", s.sandboxOnly(s.sandboxVNPayPay))
	mux.HandleFunc("POST /sandbox/vnpay/api/transaction", s.sandboxOnly(s.sandboxVNPayAPI))
	mux.HandleFunc("POST /sandbox/momo/v2/gateway/api/create", s.sandboxOnly(s.sandboxMoMoCreate))
	mux.HandleFunc("POST /sandbox/momo/v2/gateway/api/refund", s.sandboxOnly(s.sandboxMoMoRefund))
	mux.HandleFunc("GET /sandbox/momo/pay", s.sandboxOnly(s.sandboxMoMoPage))
	mux.HandleFunc("POST /sandbox/momo/pay", s.sandboxOnly(s.sandboxMoMoPay))

	// Operator API and pages, behind the operator token; 404 when none is
	// configured (operator.go).
	mux.HandleFunc("GET /api/v1/operator/payments/unmatched", s.operatorAPI(s.apiUnmatched))
	mux.HandleFunc("POST /api/v1/operator/payments/{id}/assign", s.operatorAPI(s.apiAssignPayment))
	mux.HandleFunc("GET /api/v1/operator/refunds", s.operatorAPI(s.apiOperatorRefunds))
	mux.HandleFunc("POST /api/v1/operator/refunds/{id}/settle", s.operatorAPI(s.apiSettleRefund))
	mux.HandleFunc("POST /api/v1/operator/bookings/{code}/confirm", s.operatorAPI(s.apiConfirmBooking))
	mux.HandleFunc("POST /api/v1/operator/bookings/{code}/reject", s.operatorAPI(s.apiRejectBooking))
	mux.HandleFunc("POST /api/v1/operator/bookings/{code}/counter-payments", s.operatorAPI(s.apiCounterPayment))
	mux.HandleFunc("GET /api/v1/operator/reconciliation", s.operatorAPI(s.apiReconciliation))
	mux.HandleFunc("GET /api/v1/operator/operators/{id}/payment-settings", s.operatorAPI(s.apiPaymentSettings))
	mux.HandleFunc("PUT /api/v1/operator/operators/{id}/payment-settings", s.operatorAPI(s.apiSetPaymentSettings))
	mux.HandleFunc("GET /operator/reconciliation", s.pageReconciliation)
	mux.HandleFunc("POST /operator/login", s.pageOperatorLogin)
	mux.HandleFunc("POST /operator/logout", s.pageOperatorLogout)

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
	mux.HandleFunc("GET /bookings/{code}/tickets/{seat}", s.pageTicket)
	mux.HandleFunc("GET /bookings/{code}/tickets/{seat}/qr.png", s.ticketQR)
	mux.HandleFunc("GET /tickets/public-key", s.ticketPublicKey)
	mux.HandleFunc("GET /lookup", s.pageLookup)
	mux.HandleFunc("POST /lookup", s.pageLookupSubmit)
	mux.HandleFunc("GET /lang/{lang}", s.setLang)
	mux.Handle("GET /static/", staticFiles())
	mux.HandleFunc("/", func(w http.ResponseWriter, r *http.Request) { s.pageError(w, r, errPageNotFound) })
}

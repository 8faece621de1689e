package web

import (
	"github.com/benxe/benxe/internal/payment/momo"
	"github.com/benxe/benxe/internal/payment/sepay"
	"github.com/benxe/benxe/internal/payment/vnpay"
)

// Gateways are the payment providers' settings. In sandbox mode they point
// at benxe's own pages that play each provider's part, signed with the
// sandbox's keys, so the whole flow runs offline.
type Gateways struct {
	Sandbox     bool   // serve /sandbox/… and accept its callbacks
	BaseURL     string // where providers send payers back and post IPNs
	VNPay       vnpay.Config
	VNPayAPIURL string // VNPay's transaction API, where refunds go
	MoMo        momo.Config
	SePay       sepay.Auth
	CassoSecret string
}

// SandboxGateways are the settings of sandbox mode for a server reachable
// at baseURL. The keys are public test values: they protect nothing and
// are never valid outside the sandbox.
func SandboxGateways(baseURL string) Gateways {
	return Gateways{
		Sandbox: true,
		BaseURL: baseURL,
		VNPay: vnpay.Config{TmnCode: "BENXE001", HashSecret: "SANDBOXVNPAYSECRETBENXE000000000",
			PayURL: baseURL + "/sandbox/vnpay/pay", ReturnURL: baseURL + "/payments/vnpay/return"},
		VNPayAPIURL: baseURL + "/sandbox/vnpay/api/transaction",
		MoMo: momo.Config{PartnerCode: "MOMOBENXE", AccessKey: "sandboxaccesskey", SecretKey: "sandbox-momo-secret-key",
			Endpoint: baseURL + "/sandbox/momo"},
		SePay:       sepay.Auth{APIKey: "sandbox-sepay-key"},
		CassoSecret: "sandbox-casso-secret",
	}
}

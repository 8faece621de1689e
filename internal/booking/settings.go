package booking

import (
	"strings"
	"unicode/utf8"

	"github.com/benxe/benxe/internal/apperr"
)

// PaymentSettings are what an operator decides about being paid: the
// methods it takes, the account bank transfers go to, and how long each
// method leaves a booking unpaid.
type PaymentSettings struct {
	Methods         []string
	BankBIN         string
	BankAccount     string
	BankAccountName string
	TransferMinutes int // after booking
	CounterMinutes  int // before departure
	OnlineMinutes   int // after booking, for VNPay and MoMo
}

// Normalize trims the text fields and writes the account holder in capitals,
// as banks print it.
func (p *PaymentSettings) Normalize() {
	p.BankBIN = strings.TrimSpace(p.BankBIN)
	p.BankAccount = strings.TrimSpace(p.BankAccount)
	p.BankAccountName = strings.ToUpper(strings.Join(strings.Fields(p.BankAccountName), " "))
}

// Validate checks settings a passenger will be held to. The bounds keep a
// deadline one can meet (a transfer takes minutes, a counter needs the
// passenger to travel to it) and one that does not hold seats for days.
func (p PaymentSettings) Validate() error {
	if len(p.Methods) == 0 {
		return apperr.Field("methods", "required", "Cần ít nhất một phương thức thanh toán.", "At least one payment method is required.")
	}
	seen := map[string]bool{}
	for _, m := range p.Methods {
		if err := CheckMethod(m); err != nil {
			return apperr.Field("methods", "invalid_payment_method",
				"Phương thức thanh toán không hợp lệ: "+m+" (bank_transfer, counter, vnpay, momo).",
				"Unknown payment method: "+m+" (bank_transfer, counter, vnpay, momo).")
		}
		if seen[m] {
			return apperr.Field("methods", "duplicate_method", "Phương thức "+m+" được liệt kê hai lần.", "Method "+m+" is listed twice.")
		}
		seen[m] = true
	}
	if seen[BankTransfer] || p.BankBIN != "" || p.BankAccount != "" {
		if !digits(p.BankBIN, 6, 6) {
			return apperr.Field("bank_bin", "invalid_bank_bin", "Mã ngân hàng (BIN) gồm đúng 6 chữ số, ví dụ 970436.", "The bank BIN is exactly 6 digits, e.g. 970436.")
		}
		if !alnum(p.BankAccount, 1, 19) {
			return apperr.Field("bank_account", "invalid_bank_account", "Số tài khoản gồm 1–19 chữ số hoặc chữ cái.", "The account number is 1–19 digits or letters.")
		}
		if n := utf8.RuneCountInString(p.BankAccountName); n == 0 || n > 50 {
			return apperr.Field("bank_account_name", "invalid_bank_account_name", "Tên chủ tài khoản bắt buộc, tối đa 50 ký tự.", "The account holder's name is required, at most 50 characters.")
		}
	}
	switch {
	case p.TransferMinutes < 10 || p.TransferMinutes > 1440:
		return apperr.Field("transfer_minutes", "out_of_range", "Hạn chuyển khoản từ 10 đến 1440 phút.", "The transfer deadline is 10 to 1440 minutes.")
	case p.CounterMinutes < 0 || p.CounterMinutes > 2880:
		return apperr.Field("counter_minutes", "out_of_range", "Hạn trả tại quầy từ 0 đến 2880 phút trước giờ xe chạy.", "The counter deadline is 0 to 2880 minutes before departure.")
	case p.OnlineMinutes < 5 || p.OnlineMinutes > 60:
		return apperr.Field("online_minutes", "out_of_range", "Hạn thanh toán ví/thẻ từ 5 đến 60 phút.", "The e-wallet and card deadline is 5 to 60 minutes.")
	}
	return nil
}

func digits(s string, lo, hi int) bool {
	if len(s) < lo || len(s) > hi {
		return false
	}
	for _, c := range s {
		if c < '0' || c > '9' {
			return false
		}
	}
	return true
}

func alnum(s string, lo, hi int) bool {
	if len(s) < lo || len(s) > hi {
		return false
	}
	for _, c := range s {
		if (c < '0' || c > '9') && (c < 'A' || c > 'Z') && (c < 'a' || c > 'z') {
			return false
		}
	}
	return true
}

package store

import (
	"context"
	"database/sql"
	"errors"
	"strings"

	"github.com/benxe/benxe/internal/apperr"
	"github.com/benxe/benxe/internal/booking"
)

var errOperatorNotFound = apperr.New(apperr.NotFound, "operator_not_found", "id", "Không tìm thấy nhà xe.", "No such operator.")

// PaymentSettings reads an operator's payment settings.
func (s *Store) PaymentSettings(ctx context.Context, operatorID int64) (booking.PaymentSettings, error) {
	var p booking.PaymentSettings
	var methods string
	err := s.rc.QueryRowContext(ctx, `SELECT methods, bank_bin, bank_account, bank_account_name, transfer_minutes, counter_minutes, online_minutes
		FROM operators WHERE id = $1`, operatorID).
		Scan(&methods, &p.BankBIN, &p.BankAccount, &p.BankAccountName, &p.TransferMinutes, &p.CounterMinutes, &p.OnlineMinutes)
	if errors.Is(err, sql.ErrNoRows) {
		return p, errOperatorNotFound
	}
	if err != nil {
		return p, err
	}
	p.Methods = strings.Split(methods, ",")
	return p, nil
}

// SetPaymentSettings replaces an operator's payment settings, checked by
// the caller. Bookings made from now on follow them; bookings already made
// keep the deadline and account they were given.
func (s *Store) SetPaymentSettings(ctx context.Context, operatorID int64, p booking.PaymentSettings) error {
	return s.tx(ctx, func(tx *wtx) error {
		res, err := tx.ExecContext(ctx, `UPDATE operators SET methods = $1, bank_bin = $2, bank_account = $3, bank_account_name = $4,
				transfer_minutes = $5, counter_minutes = $6, online_minutes = $7
			WHERE id = $8`,
			strings.Join(p.Methods, ","), p.BankBIN, p.BankAccount, p.BankAccountName, p.TransferMinutes, p.CounterMinutes, p.OnlineMinutes, operatorID)
		if err != nil {
			return err
		}
		if n, _ := res.RowsAffected(); n == 0 {
			return errOperatorNotFound
		}
		// Holds and bookings read the operator from the catalog cache.
		return bumpCatalog(ctx, tx)
	})
}

package store

import (
	"context"
	"time"

	"github.com/benxe/benxe/internal/apperr"
)

// Replay is a stored answer to a POST.
type Replay struct {
	Status int
	Body   []byte
}

// ClaimKey claims an Idempotency-Key for a request. It returns nil when the
// caller should do the work (then FinishKey or ReleaseKey), the stored
// answer when the same request was answered before, or an error when the
// key came with another body or its first request is still running.
func (s *Store) ClaimKey(ctx context.Context, scope, key, hash string, now time.Time) (*Replay, error) {
	var replay *Replay
	err := s.tx(ctx, func(tx *wtx) error {
		res, err := tx.ExecContext(ctx, `INSERT INTO idempotency (key, scope, request_hash, created_at) VALUES ($1, $2, $3, $4)
			ON CONFLICT (scope, key) DO NOTHING`, key, scope, hash, ms(now))
		if err != nil {
			return err
		}
		if n, _ := res.RowsAffected(); n == 1 {
			return nil
		}
		var stored string
		var r Replay
		if err := tx.QueryRowContext(ctx, `SELECT request_hash, status, body FROM idempotency WHERE scope = $1 AND key = $2`,
			scope, key).Scan(&stored, &r.Status, &r.Body); err != nil {
			return err
		}
		switch {
		case stored != hash:
			return apperr.New(apperr.Invalid, "idempotency_key_reused", "Idempotency-Key",
				"Idempotency-Key này đã được dùng cho một yêu cầu khác.", "This Idempotency-Key was used with a different request.")
		case r.Status == 0:
			return apperr.New(apperr.Conflict, "request_in_progress", "Idempotency-Key",
				"Yêu cầu với Idempotency-Key này đang được xử lý.", "A request with this Idempotency-Key is still being processed.")
		}
		replay = &r
		return nil
	})
	return replay, err
}

// FinishKey stores the answer to a claimed key.
func (s *Store) FinishKey(ctx context.Context, scope, key string, status int, body []byte) error {
	return s.tx(ctx, func(tx *wtx) error {
		_, err := tx.ExecContext(ctx, `UPDATE idempotency SET status = $1, body = $2 WHERE scope = $3 AND key = $4`, status, body, scope, key)
		return err
	})
}

// ReleaseKey forgets a claimed key whose request failed in a way worth
// retrying (a server error), so the retry is not refused.
func (s *Store) ReleaseKey(ctx context.Context, scope, key string) error {
	return s.tx(ctx, func(tx *wtx) error {
		_, err := tx.ExecContext(ctx, `DELETE FROM idempotency WHERE scope = $1 AND key = $2 AND status = 0`, scope, key)
		return err
	})
}

// SweepKeys forgets answers older than before.
func (s *Store) SweepKeys(ctx context.Context, before time.Time) error {
	return s.tx(ctx, func(tx *wtx) error {
		_, err := tx.ExecContext(ctx, `DELETE FROM idempotency WHERE created_at < $1`, ms(before))
		return err
	})
}

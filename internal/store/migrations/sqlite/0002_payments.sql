-- Money: every payment that arrives, every refund owed, and the ledger of
-- both. None of these rows is ever deleted.

-- Money received for a booking so far (a transfer may come in parts).
ALTER TABLE bookings ADD COLUMN paid INTEGER NOT NULL DEFAULT 0;
-- Which methods an operator takes, and how long e-wallet and card payments
-- may take.
ALTER TABLE operators ADD COLUMN methods TEXT NOT NULL DEFAULT 'bank_transfer,counter,vnpay,momo';
ALTER TABLE operators ADD COLUMN online_minutes INTEGER NOT NULL DEFAULT 15;
-- A ticket is cancelled seat by seat; a boarded one is never refunded.
ALTER TABLE tickets ADD COLUMN status TEXT NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'cancelled', 'boarded'));

-- One row per money event a provider reports; (provider, provider_ref) is
-- the provider's own transaction id, so a replayed callback finds its row.
CREATE TABLE payments (
    id           INTEGER PRIMARY KEY,
    provider     TEXT NOT NULL,
    provider_ref TEXT NOT NULL,
    booking_id   INTEGER REFERENCES bookings (id),
    amount       INTEGER NOT NULL CHECK (amount > 0),
    content      TEXT NOT NULL DEFAULT '',
    outcome      TEXT NOT NULL CHECK (outcome IN ('paid', 'partial', 'overpaid', 'late_accepted', 'late_refused', 'refund_owed', 'unmatched')),
    received_at  INTEGER NOT NULL,
    UNIQUE (provider, provider_ref)
);
CREATE INDEX payments_booking ON payments (booking_id);

CREATE TABLE refunds (
    id           INTEGER PRIMARY KEY,
    booking_id   INTEGER REFERENCES bookings (id),
    payment_id   INTEGER REFERENCES payments (id),
    provider     TEXT NOT NULL,
    amount       INTEGER NOT NULL CHECK (amount > 0),
    reason       TEXT NOT NULL,
    status       TEXT NOT NULL CHECK (status IN ('pending', 'done', 'failed')),
    account      TEXT NOT NULL DEFAULT '',  -- where a bank-transfer refund is paid out
    provider_ref TEXT NOT NULL DEFAULT '',
    created_at   INTEGER NOT NULL,
    updated_at   INTEGER NOT NULL
);
CREATE INDEX refunds_status ON refunds (status, id);

-- Append-only: money in is positive, money out negative; owed amounts are
-- recorded as notes with the amount owed.
CREATE TABLE ledger (
    id         INTEGER PRIMARY KEY,
    at         INTEGER NOT NULL,
    provider   TEXT NOT NULL,
    kind       TEXT NOT NULL CHECK (kind IN ('payment_in', 'refund_out', 'refund_owed', 'underpaid')),
    amount     INTEGER NOT NULL,
    booking_id INTEGER REFERENCES bookings (id),
    payment_id INTEGER REFERENCES payments (id),
    refund_id  INTEGER REFERENCES refunds (id)
);
CREATE INDEX ledger_at ON ledger (provider, at);

CREATE TRIGGER ledger_no_update BEFORE UPDATE ON ledger
BEGIN SELECT RAISE(ABORT, 'ledger is append-only'); END;
CREATE TRIGGER ledger_no_delete BEFORE DELETE ON ledger
BEGIN SELECT RAISE(ABORT, 'ledger is append-only'); END;
CREATE TRIGGER payments_no_delete BEFORE DELETE ON payments
BEGIN SELECT RAISE(ABORT, 'payments are never deleted'); END;
CREATE TRIGGER refunds_no_delete BEFORE DELETE ON refunds
BEGIN SELECT RAISE(ABORT, 'refunds are never deleted'); END;

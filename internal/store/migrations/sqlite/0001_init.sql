-- benxe schema, SQLite dialect. Times are unix milliseconds (UTC) in INTEGER
-- columns, the one representation both engines share; money is INTEGER đồng.

CREATE TABLE settings (
    name  TEXT PRIMARY KEY,
    value TEXT NOT NULL
);

CREATE TABLE operators (
    id                   INTEGER PRIMARY KEY,
    slug                 TEXT NOT NULL UNIQUE,
    name                 TEXT NOT NULL,
    phone                TEXT NOT NULL,
    rating               INTEGER NOT NULL CHECK (rating BETWEEN 0 AND 50), -- tenths of a star
    confirmation         TEXT NOT NULL CHECK (confirmation IN ('instant', 'manual')),
    policy               TEXT NOT NULL,  -- JSON [{hours_before, fee_percent}], hours descending
    bank_bin             TEXT NOT NULL,
    bank_account         TEXT NOT NULL,
    bank_account_name    TEXT NOT NULL,
    transfer_minutes     INTEGER NOT NULL CHECK (transfer_minutes > 0),  -- bank transfer deadline after booking
    counter_minutes      INTEGER NOT NULL CHECK (counter_minutes >= 0)   -- counter payment due this long before departure
);

CREATE TABLE places (
    id       INTEGER PRIMARY KEY,
    slug     TEXT NOT NULL UNIQUE,
    name     TEXT NOT NULL,
    province TEXT NOT NULL,
    kind     TEXT NOT NULL CHECK (kind IN ('city', 'town')),
    rank     INTEGER NOT NULL DEFAULT 0  -- how many routes serve it: busy places sort first
);

-- Every name a place is searched by, its own name included, as a folded key.
CREATE TABLE place_names (
    place_id INTEGER NOT NULL REFERENCES places (id),
    name     TEXT NOT NULL,
    key      TEXT NOT NULL,
    PRIMARY KEY (key, place_id)
);

CREATE TABLE layouts (
    id      INTEGER PRIMARY KEY,
    slug    TEXT NOT NULL UNIQUE,
    name    TEXT NOT NULL,
    vehicle TEXT NOT NULL,
    decks   TEXT NOT NULL,  -- JSON, see catalog.Layout
    seats   INTEGER NOT NULL CHECK (seats > 0)  -- sellable seats, derived from decks on write
);

CREATE TABLE routes (
    id          INTEGER PRIMARY KEY,
    slug        TEXT NOT NULL UNIQUE,
    operator_id INTEGER NOT NULL REFERENCES operators (id),
    name        TEXT NOT NULL
);

CREATE TABLE stops (
    route_id   INTEGER NOT NULL REFERENCES routes (id),
    idx        INTEGER NOT NULL CHECK (idx >= 0),
    place_id   INTEGER NOT NULL REFERENCES places (id),
    name       TEXT NOT NULL,
    offset_min INTEGER NOT NULL CHECK (offset_min >= 0),
    PRIMARY KEY (route_id, idx)
);
CREATE INDEX stops_place ON stops (place_id, route_id, idx);

CREATE TABLE points (
    id         INTEGER PRIMARY KEY,
    route_id   INTEGER NOT NULL,
    stop_idx   INTEGER NOT NULL,
    name       TEXT NOT NULL,
    address    TEXT NOT NULL,
    offset_min INTEGER NOT NULL,  -- relative to the stop's own time
    pickup     INTEGER NOT NULL CHECK (pickup IN (0, 1)),
    dropoff    INTEGER NOT NULL CHECK (dropoff IN (0, 1)),
    note       TEXT NOT NULL DEFAULT '',
    FOREIGN KEY (route_id, stop_idx) REFERENCES stops (route_id, idx)
);
CREATE INDEX points_stop ON points (route_id, stop_idx);

CREATE TABLE timetables (
    id         INTEGER PRIMARY KEY,
    route_id   INTEGER NOT NULL REFERENCES routes (id),
    layout_id  INTEGER NOT NULL REFERENCES layouts (id),
    depart     TEXT NOT NULL,              -- HH:MM, Vietnam time
    weekdays   INTEGER NOT NULL DEFAULT 127, -- bit 0 = Sunday
    valid_from TEXT NOT NULL,              -- YYYY-MM-DD
    valid_to   TEXT NOT NULL DEFAULT ''    -- YYYY-MM-DD, '' = open-ended
);

-- The fare of a segment in one seat kind; a segment without a row is not sold.
CREATE TABLE fares (
    timetable_id INTEGER NOT NULL REFERENCES timetables (id),
    from_idx     INTEGER NOT NULL,
    to_idx       INTEGER NOT NULL,
    seat_kind    TEXT NOT NULL,
    amount       INTEGER NOT NULL CHECK (amount > 0),
    PRIMARY KEY (timetable_id, from_idx, to_idx, seat_kind),
    CHECK (from_idx < to_idx)
);

CREATE TABLE trips (
    id           INTEGER PRIMARY KEY,
    timetable_id INTEGER NOT NULL REFERENCES timetables (id),
    route_id     INTEGER NOT NULL REFERENCES routes (id),
    operator_id  INTEGER NOT NULL REFERENCES operators (id),
    layout_id    INTEGER NOT NULL REFERENCES layouts (id),
    departs_at   INTEGER NOT NULL,
    status       TEXT NOT NULL DEFAULT 'scheduled' CHECK (status IN ('scheduled', 'cancelled')),
    online       INTEGER NOT NULL DEFAULT 1 CHECK (online IN (0, 1)),
    UNIQUE (timetable_id, departs_at)
);
CREATE INDEX trips_route_time ON trips (route_id, departs_at);

CREATE TABLE holds (
    id         TEXT PRIMARY KEY,
    trip_id    INTEGER NOT NULL REFERENCES trips (id),
    from_idx   INTEGER NOT NULL,
    to_idx     INTEGER NOT NULL,
    seats      TEXT NOT NULL,   -- JSON array of labels, in the order asked
    amount     INTEGER NOT NULL CHECK (amount >= 0),
    created_at INTEGER NOT NULL,
    expires_at INTEGER NOT NULL,
    status     TEXT NOT NULL CHECK (status IN ('active', 'released', 'booked'))
);

-- The only thing that decides whether a seat is free: one row per seat and
-- leg, owned by a hold or a booking. A row whose expires_at has passed no
-- longer counts, whether or not a sweeper has removed it yet.
CREATE TABLE occupancy (
    trip_id    INTEGER NOT NULL REFERENCES trips (id),
    seat       TEXT NOT NULL,
    leg        INTEGER NOT NULL,
    hold_id    TEXT REFERENCES holds (id),
    booking_id INTEGER REFERENCES bookings (id),
    expires_at INTEGER,          -- NULL: sold for good
    PRIMARY KEY (trip_id, seat, leg),
    CHECK ((hold_id IS NULL) <> (booking_id IS NULL))
);
CREATE INDEX occupancy_hold ON occupancy (hold_id);
CREATE INDEX occupancy_booking ON occupancy (booking_id);

CREATE TABLE promos (
    id           INTEGER PRIMARY KEY,
    code         TEXT NOT NULL UNIQUE,    -- upper case
    percent      INTEGER NOT NULL DEFAULT 0 CHECK (percent BETWEEN 0 AND 100),
    fixed        INTEGER NOT NULL DEFAULT 0 CHECK (fixed >= 0),
    max_discount INTEGER NOT NULL DEFAULT 0,
    min_order    INTEGER NOT NULL DEFAULT 0,
    valid_from   INTEGER NOT NULL,
    valid_until  INTEGER NOT NULL,
    total_limit  INTEGER NOT NULL DEFAULT 0,  -- 0 = unlimited
    per_phone    INTEGER NOT NULL DEFAULT 0,  -- 0 = unlimited
    operator_id  INTEGER REFERENCES operators (id),
    route_id     INTEGER REFERENCES routes (id),
    used         INTEGER NOT NULL DEFAULT 0 CHECK (used >= 0)
);

CREATE TABLE bookings (
    id               INTEGER PRIMARY KEY,
    code             TEXT NOT NULL UNIQUE,
    trip_id          INTEGER NOT NULL REFERENCES trips (id),
    hold_id          TEXT NOT NULL UNIQUE REFERENCES holds (id),
    from_idx         INTEGER NOT NULL,
    to_idx           INTEGER NOT NULL,
    pickup_point_id  INTEGER NOT NULL REFERENCES points (id),
    dropoff_point_id INTEGER NOT NULL REFERENCES points (id),
    contact_name     TEXT NOT NULL,
    contact_phone    TEXT NOT NULL,
    contact_email    TEXT NOT NULL DEFAULT '',
    payment_method   TEXT NOT NULL CHECK (payment_method IN ('bank_transfer', 'counter', 'vnpay', 'momo')),
    promo_id         INTEGER REFERENCES promos (id),
    total            INTEGER NOT NULL CHECK (total >= 0),
    status           TEXT NOT NULL CHECK (status IN ('pending_payment', 'awaiting_operator', 'confirmed',
                         'expired', 'cancelled', 'cancelled_by_operator', 'boarded')),
    payment_deadline INTEGER NOT NULL,
    created_at       INTEGER NOT NULL,
    updated_at       INTEGER NOT NULL
);
CREATE INDEX bookings_deadline ON bookings (status, payment_deadline);
CREATE INDEX bookings_promo_phone ON bookings (promo_id, contact_phone);

CREATE TABLE booking_lines (
    booking_id INTEGER NOT NULL REFERENCES bookings (id),
    seq        INTEGER NOT NULL,
    kind       TEXT NOT NULL CHECK (kind IN ('fare', 'discount', 'fee')),
    label      TEXT NOT NULL,
    amount     INTEGER NOT NULL,
    PRIMARY KEY (booking_id, seq)
);

CREATE TABLE tickets (
    id         INTEGER PRIMARY KEY,
    booking_id INTEGER NOT NULL REFERENCES bookings (id),
    seat       TEXT NOT NULL,
    seat_kind  TEXT NOT NULL,
    passenger  TEXT NOT NULL DEFAULT '',
    fare       INTEGER NOT NULL CHECK (fare > 0),
    UNIQUE (booking_id, seat)
);

CREATE TABLE booking_history (
    id          INTEGER PRIMARY KEY,
    booking_id  INTEGER NOT NULL REFERENCES bookings (id),
    at          INTEGER NOT NULL,
    from_status TEXT NOT NULL,  -- '' for the booking's creation
    to_status   TEXT NOT NULL,
    actor       TEXT NOT NULL,  -- 'passenger', 'system', 'operator:<id>'
    note        TEXT NOT NULL DEFAULT ''
);
CREATE INDEX booking_history_booking ON booking_history (booking_id, id);

-- History is append-only: the database itself refuses to rewrite it, and
-- bookings are never deleted.
CREATE TRIGGER booking_history_no_update BEFORE UPDATE ON booking_history
BEGIN SELECT RAISE(ABORT, 'booking_history is append-only'); END;
CREATE TRIGGER booking_history_no_delete BEFORE DELETE ON booking_history
BEGIN SELECT RAISE(ABORT, 'booking_history is append-only'); END;
CREATE TRIGGER bookings_no_delete BEFORE DELETE ON bookings
BEGIN SELECT RAISE(ABORT, 'bookings are never deleted'); END;

-- A replayed POST gets the first answer back; a different body under the
-- same key is refused. An entry with status 0 is still being worked on.
CREATE TABLE idempotency (
    key          TEXT NOT NULL,
    scope        TEXT NOT NULL,
    request_hash TEXT NOT NULL,
    status       INTEGER NOT NULL DEFAULT 0,
    body         BLOB,
    created_at   INTEGER NOT NULL,
    PRIMARY KEY (scope, key)
);

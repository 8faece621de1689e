-- benxe schema, PostgreSQL dialect. Times are unix milliseconds (UTC) in BIGINT
-- columns, the one representation both engines share; money is BIGINT đồng.

CREATE TABLE settings (
    name  TEXT PRIMARY KEY,
    value TEXT NOT NULL
);

CREATE TABLE operators (
    id                   BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
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
    id       BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    slug     TEXT NOT NULL UNIQUE,
    name     TEXT NOT NULL,
    province TEXT NOT NULL,
    kind     TEXT NOT NULL CHECK (kind IN ('city', 'town')),
    rank     INTEGER NOT NULL DEFAULT 0  -- how many routes serve it: busy places sort first
);

-- Every name a place is searched by, its own name included, as a folded key.
CREATE TABLE place_names (
    place_id BIGINT NOT NULL REFERENCES places (id),
    name     TEXT NOT NULL,
    key      TEXT NOT NULL,
    PRIMARY KEY (key, place_id)
);

CREATE TABLE layouts (
    id      BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    slug    TEXT NOT NULL UNIQUE,
    name    TEXT NOT NULL,
    vehicle TEXT NOT NULL,
    decks   TEXT NOT NULL,  -- JSON, see catalog.Layout
    seats   INTEGER NOT NULL CHECK (seats > 0)  -- sellable seats, derived from decks on write
);

CREATE TABLE routes (
    id          BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    slug        TEXT NOT NULL UNIQUE,
    operator_id BIGINT NOT NULL REFERENCES operators (id),
    name        TEXT NOT NULL
);

CREATE TABLE stops (
    route_id   BIGINT NOT NULL REFERENCES routes (id),
    idx        INTEGER NOT NULL CHECK (idx >= 0),
    place_id   BIGINT NOT NULL REFERENCES places (id),
    name       TEXT NOT NULL,
    offset_min INTEGER NOT NULL CHECK (offset_min >= 0),
    PRIMARY KEY (route_id, idx)
);
CREATE INDEX stops_place ON stops (place_id, route_id, idx);

CREATE TABLE points (
    id         BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    route_id   BIGINT NOT NULL,
    stop_idx   INTEGER NOT NULL,
    name       TEXT NOT NULL,
    address    TEXT NOT NULL,
    offset_min INTEGER NOT NULL,  -- relative to the stop's own time
    pickup     BOOLEAN NOT NULL,
    dropoff    BOOLEAN NOT NULL,
    note       TEXT NOT NULL DEFAULT '',
    FOREIGN KEY (route_id, stop_idx) REFERENCES stops (route_id, idx)
);
CREATE INDEX points_stop ON points (route_id, stop_idx);

CREATE TABLE timetables (
    id         BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    route_id   BIGINT NOT NULL REFERENCES routes (id),
    layout_id  BIGINT NOT NULL REFERENCES layouts (id),
    depart     TEXT NOT NULL,              -- HH:MM, Vietnam time
    weekdays   INTEGER NOT NULL DEFAULT 127, -- bit 0 = Sunday
    valid_from TEXT NOT NULL,              -- YYYY-MM-DD
    valid_to   TEXT NOT NULL DEFAULT ''    -- YYYY-MM-DD, '' = open-ended
);

-- The fare of a segment in one seat kind; a segment without a row is not sold.
CREATE TABLE fares (
    timetable_id BIGINT NOT NULL REFERENCES timetables (id),
    from_idx     INTEGER NOT NULL,
    to_idx       INTEGER NOT NULL,
    seat_kind    TEXT NOT NULL,
    amount       BIGINT NOT NULL CHECK (amount > 0),
    PRIMARY KEY (timetable_id, from_idx, to_idx, seat_kind),
    CHECK (from_idx < to_idx)
);

CREATE TABLE trips (
    id           BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    timetable_id BIGINT NOT NULL REFERENCES timetables (id),
    route_id     BIGINT NOT NULL REFERENCES routes (id),
    operator_id  BIGINT NOT NULL REFERENCES operators (id),
    layout_id    BIGINT NOT NULL REFERENCES layouts (id),
    departs_at   BIGINT NOT NULL,
    status       TEXT NOT NULL DEFAULT 'scheduled' CHECK (status IN ('scheduled', 'cancelled')),
    online       BOOLEAN NOT NULL DEFAULT TRUE,
    UNIQUE (timetable_id, departs_at)
);
CREATE INDEX trips_route_time ON trips (route_id, departs_at);

CREATE TABLE holds (
    id         TEXT PRIMARY KEY,
    trip_id    BIGINT NOT NULL REFERENCES trips (id),
    from_idx   INTEGER NOT NULL,
    to_idx     INTEGER NOT NULL,
    seats      TEXT NOT NULL,   -- JSON array of labels, in the order asked
    amount     BIGINT NOT NULL CHECK (amount >= 0),
    created_at BIGINT NOT NULL,
    expires_at BIGINT NOT NULL,
    status     TEXT NOT NULL CHECK (status IN ('active', 'released', 'booked'))
);

CREATE TABLE promos (
    id           BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    code         TEXT NOT NULL UNIQUE,    -- upper case
    percent      INTEGER NOT NULL DEFAULT 0 CHECK (percent BETWEEN 0 AND 100),
    fixed        BIGINT NOT NULL DEFAULT 0 CHECK (fixed >= 0),
    max_discount BIGINT NOT NULL DEFAULT 0,
    min_order    BIGINT NOT NULL DEFAULT 0,
    valid_from   BIGINT NOT NULL,
    valid_until  BIGINT NOT NULL,
    total_limit  INTEGER NOT NULL DEFAULT 0,  -- 0 = unlimited
    per_phone    INTEGER NOT NULL DEFAULT 0,  -- 0 = unlimited
    operator_id  BIGINT REFERENCES operators (id),
    route_id     BIGINT REFERENCES routes (id),
    used         INTEGER NOT NULL DEFAULT 0 CHECK (used >= 0)
);

CREATE TABLE bookings (
    id               BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    code             TEXT NOT NULL UNIQUE,
    trip_id          BIGINT NOT NULL REFERENCES trips (id),
    hold_id          TEXT NOT NULL UNIQUE REFERENCES holds (id),
    from_idx         INTEGER NOT NULL,
    to_idx           INTEGER NOT NULL,
    pickup_point_id  BIGINT NOT NULL REFERENCES points (id),
    dropoff_point_id BIGINT NOT NULL REFERENCES points (id),
    contact_name     TEXT NOT NULL,
    contact_phone    TEXT NOT NULL,
    contact_email    TEXT NOT NULL DEFAULT '',
    payment_method   TEXT NOT NULL CHECK (payment_method IN ('bank_transfer', 'counter', 'vnpay', 'momo')),
    promo_id         BIGINT REFERENCES promos (id),
    total            BIGINT NOT NULL CHECK (total >= 0),
    status           TEXT NOT NULL CHECK (status IN ('pending_payment', 'awaiting_operator', 'confirmed',
                         'expired', 'cancelled', 'cancelled_by_operator', 'boarded')),
    payment_deadline BIGINT NOT NULL,
    created_at       BIGINT NOT NULL,
    updated_at       BIGINT NOT NULL
);
CREATE INDEX bookings_deadline ON bookings (status, payment_deadline);
CREATE INDEX bookings_promo_phone ON bookings (promo_id, contact_phone);

-- The only thing that decides whether a seat is free: one row per seat and
-- leg, owned by a hold or a booking. A row whose expires_at has passed no
-- longer counts, whether or not a sweeper has removed it yet.
CREATE TABLE occupancy (
    trip_id    BIGINT NOT NULL REFERENCES trips (id),
    seat       TEXT NOT NULL,
    leg        INTEGER NOT NULL,
    hold_id    TEXT REFERENCES holds (id),
    booking_id BIGINT REFERENCES bookings (id),
    expires_at BIGINT,          -- NULL: sold for good
    PRIMARY KEY (trip_id, seat, leg),
    CHECK ((hold_id IS NULL) <> (booking_id IS NULL))
);
CREATE INDEX occupancy_hold ON occupancy (hold_id);
CREATE INDEX occupancy_booking ON occupancy (booking_id);

CREATE TABLE booking_lines (
    booking_id BIGINT NOT NULL REFERENCES bookings (id),
    seq        INTEGER NOT NULL,
    kind       TEXT NOT NULL CHECK (kind IN ('fare', 'discount', 'fee')),
    label      TEXT NOT NULL,
    amount     BIGINT NOT NULL,
    PRIMARY KEY (booking_id, seq)
);

CREATE TABLE tickets (
    id         BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    booking_id BIGINT NOT NULL REFERENCES bookings (id),
    seat       TEXT NOT NULL,
    seat_kind  TEXT NOT NULL,
    passenger  TEXT NOT NULL DEFAULT '',
    fare       BIGINT NOT NULL CHECK (fare > 0),
    UNIQUE (booking_id, seat)
);

CREATE TABLE booking_history (
    id          BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    booking_id  BIGINT NOT NULL REFERENCES bookings (id),
    at          BIGINT NOT NULL,
    from_status TEXT NOT NULL,  -- '' for the booking's creation
    to_status   TEXT NOT NULL,
    actor       TEXT NOT NULL,  -- 'passenger', 'system', 'operator:<id>'
    note        TEXT NOT NULL DEFAULT ''
);
CREATE INDEX booking_history_booking ON booking_history (booking_id, id);

-- History is append-only: the database itself refuses to rewrite it, and
-- bookings are never deleted.
CREATE FUNCTION benxe_refuse() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION '% on % is not allowed', TG_OP, TG_TABLE_NAME;
END $$;
CREATE TRIGGER booking_history_append_only BEFORE UPDATE OR DELETE ON booking_history
    FOR EACH ROW EXECUTE FUNCTION benxe_refuse();
CREATE TRIGGER bookings_no_delete BEFORE DELETE ON bookings
    FOR EACH ROW EXECUTE FUNCTION benxe_refuse();

-- A replayed POST gets the first answer back; a different body under the
-- same key is refused. An entry with status 0 is still being worked on.
CREATE TABLE idempotency (
    key          TEXT NOT NULL,
    scope        TEXT NOT NULL,
    request_hash TEXT NOT NULL,
    status       INTEGER NOT NULL DEFAULT 0,
    body         BYTEA,
    created_at   BIGINT NOT NULL,
    PRIMARY KEY (scope, key)
);

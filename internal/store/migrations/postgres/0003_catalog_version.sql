-- A counter bumped by every transaction that changes what a search can
-- find (operators, routes, timetables, fares, trips). Each process caches
-- the catalog part of searches and drops its cache when the counter
-- moves, so a change made by any process is seen by all at their next
-- search.
CREATE TABLE catalog_version (
    id      INTEGER PRIMARY KEY CHECK (id = 1),
    version BIGINT NOT NULL
);
INSERT INTO catalog_version (id, version) VALUES (1, 0);

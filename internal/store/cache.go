package store

import (
	"container/list"
	"context"
	"fmt"
	"sync"

	"golang.org/x/sync/singleflight"
)

// The catalog — operators, routes, layouts, timetables, fares, trips —
// changes rarely and is read by every search, seat map, hold and booking.
// Each process keeps what it read of it, tagged with the catalog's version
// (a counter every catalog write bumps in the same transaction), and reads
// the version, one indexed row, before trusting what it kept. A change
// made by any process is so seen by all at their next read.

// catalogVersion is the catalog's current version.
func (s *Store) catalogVersion(ctx context.Context) (int64, error) {
	var v int64
	err := s.rc.QueryRowContext(ctx, `SELECT version FROM catalog_version WHERE id = 1`).Scan(&v)
	return v, err
}

// bumpCatalog marks, inside the transaction that changes the catalog, that
// everything kept from it is out of date.
func bumpCatalog(ctx context.Context, tx *wtx) error {
	_, err := tx.ExecContext(ctx, `UPDATE catalog_version SET version = version + 1 WHERE id = 1`)
	return err
}

// versionCache keeps values read at one catalog version, least recently
// used first out once their total cost passes max.
type versionCache[K comparable, V any] struct {
	max     int
	flight  singleflight.Group
	mu      sync.Mutex
	version int64
	cost    int
	order   list.List // of *cacheEntry[K, V], most recent first
	entries map[K]*list.Element
}

type cacheEntry[K comparable, V any] struct {
	key  K
	val  V
	cost int
}

// through returns the value kept for key at version, or loads it — once,
// however many callers ask at the same time: at a sale opening thousands
// ask for the same trip in the same second, and the catalog changing
// empties every cache at once. The load runs on, uncancelled, if the
// caller that started it goes away, since others are waiting for it.
func (c *versionCache[K, V]) through(ctx context.Context, key K, version int64, load func(context.Context) (V, int, error)) (V, error) {
	if v, ok := c.get(key, version); ok {
		return v, nil
	}
	v, err, _ := c.flight.Do(fmt.Sprint(version, key), func() (any, error) {
		v, cost, err := load(context.WithoutCancel(ctx))
		if err == nil {
			c.put(key, version, v, cost)
		}
		return v, err
	})
	if err != nil {
		var zero V
		return zero, err
	}
	return v.(V), nil
}

// get returns the value kept for key if it was read at version; a newer
// version empties the cache, an older one (a caller that read the version
// just before it moved) only misses. Values are shared: callers only read
// them.
func (c *versionCache[K, V]) get(key K, version int64) (V, bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	var zero V
	if c.entries == nil || version > c.version {
		c.reset(version)
		return zero, false
	}
	if version < c.version {
		return zero, false
	}
	e, ok := c.entries[key]
	if !ok {
		return zero, false
	}
	c.order.MoveToFront(e)
	return e.Value.(*cacheEntry[K, V]).val, true
}

// put keeps val, read at version, which no one may change afterwards. A
// value read at an older version than the cache's is dropped: the catalog
// moved on while it was read.
func (c *versionCache[K, V]) put(key K, version int64, val V, cost int) {
	c.mu.Lock()
	defer c.mu.Unlock()
	switch {
	case version < c.version:
		return
	case version > c.version || c.entries == nil:
		c.reset(version)
	}
	if e, ok := c.entries[key]; ok {
		c.cost -= e.Value.(*cacheEntry[K, V]).cost
		c.order.Remove(e)
	}
	c.entries[key] = c.order.PushFront(&cacheEntry[K, V]{key, val, cost})
	c.cost += cost
	for c.cost > c.max && c.order.Len() > 1 {
		old := c.order.Remove(c.order.Back()).(*cacheEntry[K, V])
		delete(c.entries, old.key)
		c.cost -= old.cost
	}
}

func (c *versionCache[K, V]) reset(version int64) {
	c.version = version
	c.cost = 0
	c.order.Init()
	c.entries = map[K]*list.Element{}
}

package store

import (
	"context"
	"sync"
	"sync/atomic"
	"testing"
	"time"
)

func TestVersionCache(t *testing.T) {
	c := &versionCache[string, int]{max: 3}
	if _, ok := c.get("a", 1); ok {
		t.Fatal("empty cache hit")
	}
	c.put("a", 1, 10, 1)
	c.put("b", 1, 20, 2)
	if v, ok := c.get("a", 1); !ok || v != 10 {
		t.Fatalf("get a = %d, %v", v, ok)
	}
	// Cost 4 > 3: b, the least recently used, goes; a stays.
	c.put("c", 1, 30, 1)
	if _, ok := c.get("b", 1); ok {
		t.Error("b outlived its cost bound")
	}
	if _, ok := c.get("a", 1); !ok {
		t.Error("a, used recently, was evicted")
	}
	// A value read at an older version than the cache's is not kept.
	c.put("d", 0, 40, 1)
	if _, ok := c.get("d", 1); ok {
		t.Error("kept a value read at an older version")
	}
	// An older version misses and leaves the cache as it is.
	if _, ok := c.get("a", 0); ok {
		t.Error("hit at an older version")
	}
	if _, ok := c.get("a", 1); !ok {
		t.Error("a reader of an older version emptied the cache")
	}
	// A newer version empties the cache.
	if _, ok := c.get("a", 2); ok {
		t.Error("a survived a catalog change")
	}
	if _, ok := c.get("c", 2); ok {
		t.Error("c survived a catalog change")
	}
	// One value costlier than the bound is still kept, alone.
	c.put("big", 2, 1, 5)
	if _, ok := c.get("big", 2); !ok {
		t.Error("the only value was evicted")
	}
}

// TestVersionCacheLoadsOnce: callers asking for the same missing value
// at once share one load, which runs on when the caller that started it
// goes away.
func TestVersionCacheLoadsOnce(t *testing.T) {
	c := &versionCache[string, int]{max: 10}
	var loads atomic.Int32
	release := make(chan struct{})
	load := func(ctx context.Context) (int, int, error) {
		loads.Add(1)
		<-release
		if ctx.Err() != nil {
			return 0, 0, ctx.Err()
		}
		return 42, 1, nil
	}
	first, cancel := context.WithCancel(context.Background())
	var wg sync.WaitGroup
	ask := func(i int, ctx context.Context) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			if v, err := c.through(ctx, "trip", 1, load); err != nil || v != 42 {
				t.Errorf("caller %d: %d, %v", i, v, err)
			}
		}()
	}
	// The first caller starts the load; seven more ask while it runs.
	ask(0, first)
	for loads.Load() == 0 {
		time.Sleep(time.Millisecond)
	}
	for i := 1; i < 8; i++ {
		ask(i, context.Background())
	}
	time.Sleep(50 * time.Millisecond) // let them queue behind the load
	cancel()
	close(release)
	wg.Wait()
	if n := loads.Load(); n != 1 {
		t.Errorf("%d loads for one value", n)
	}
	if v, ok := c.get("trip", 1); !ok || v != 42 {
		t.Errorf("not kept: %d, %v", v, ok)
	}
}

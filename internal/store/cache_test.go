package store

import "testing"

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

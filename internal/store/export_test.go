package store

// ForgetCatalog empties the process's catalog caches, for benchmarks of
// the cold path.
func (s *Store) ForgetCatalog() {
	for _, c := range []interface{ forget() }{s.search, s.trips} {
		c.forget()
	}
}

func (c *versionCache[K, V]) forget() {
	c.mu.Lock()
	c.entries = nil
	c.mu.Unlock()
}

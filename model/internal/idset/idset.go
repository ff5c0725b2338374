package idset

import "strconv"

// Set holds the ids given out so far. The zero Set is ready to use.
type Set struct {
	taken map[string]struct{}
	next  map[string]int // base → the next counter to try
}

// Take gives out base, or base-2, base-3… when it is taken.
func (s *Set) Take(base string) string {
	if s.taken == nil {
		s.taken, s.next = map[string]struct{}{}, map[string]int{}
	}
	if _, ok := s.taken[base]; !ok {
		s.taken[base] = struct{}{}
		return base
	}
	for n := max(2, s.next[base]); ; n++ {
		id := base + "-" + strconv.Itoa(n)
		if _, ok := s.taken[id]; !ok {
			s.taken[id] = struct{}{}
			s.next[base] = n + 1
			return id
		}
	}
}

// Grow makes room for n more ids, so that a set about to take a million
// does not rehash as it grows.
func (s *Set) Grow(n int) {
	taken := make(map[string]struct{}, len(s.taken)+n)
	for id := range s.taken {
		taken[id] = struct{}{}
	}
	s.taken = taken
	if s.next == nil {
		s.next = map[string]int{}
	}
}

// Has reports whether id has been given out.
func (s *Set) Has(id string) bool {
	_, ok := s.taken[id]
	return ok
}

package idset

import (
	"hash/maphash"
	"strconv"
	"testing"
)

func TestTake(t *testing.T) {
	var s Set
	for i, want := range []string{"a", "a-2", "a-3"} {
		if got := s.Take("a"); got != want {
			t.Errorf("take %d = %q, want %q", i, got, want)
		}
	}
	if got := s.Take("a-4"); got != "a-4" {
		t.Errorf("a-4 = %q", got)
	}
	if got := s.Take("a"); got != "a-5" {
		t.Errorf("after a-4: %q, want a-5", got)
	}
	if !s.Has("a-2") || s.Has("b") {
		t.Error("Has")
	}
}

// TestTakeMany gives out more ids than Grow made room for, each twice, so
// that the table grows while it holds ids and the second of each is
// renamed.
func TestTakeMany(t *testing.T) {
	var s Set
	s.Grow(10)
	const n = 5000
	for i := range n {
		id := "id-" + strconv.Itoa(i*7919%n)
		if got := s.Take(id); got != id {
			t.Fatalf("first %s = %q", id, got)
		}
	}
	for i := range n {
		id := "id-" + strconv.Itoa(i)
		if got := s.Take(id); got != id+"-2" {
			t.Fatalf("second %s = %q, want %s-2", id, got, id)
		}
		if !s.Has(id) || !s.Has(id+"-2") {
			t.Fatalf("Has(%s) after two takes", id)
		}
	}
	if s.Has("id-" + strconv.Itoa(n)) {
		t.Error("Has an id never given out")
	}
	var zero Set
	if zero.Has("") || zero.Take("") != "" || !zero.Has("") {
		t.Error("the zero Set and the empty id")
	}
}

// BenchmarkTake gives out a million distinct ids in a shuffled order, as
// a load of a million rows with ids of their own does, after Grow.
func BenchmarkTake(b *testing.B) {
	const n = 1 << 20
	ids := make([]string, n)
	for i := range ids {
		ids[i] = "ev-" + strconv.Itoa(int(uint32(i)*2654435761%n)+1000000)
	}
	b.ResetTimer()
	for b.Loop() {
		var s Set
		s.Grow(n)
		for _, id := range ids {
			if s.Take(id) != id {
				b.Fatal("taken")
			}
		}
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*n), "ns/id")
}

// TestTakeValue keeps a value with each id, and gives back the one kept
// with an id taken again, whether or not values were kept before it.
func TestTakeValue(t *testing.T) {
	var s Set
	s.Take("actor") // no value
	for _, c := range []struct {
		base, want string
		v, prev    int32
		taken      bool
	}{
		{"ev", "ev", 7, 0, false},
		{"ev", "ev-2", 9, 7, true},
		{"actor", "actor-2", 11, 0, true},
		{"ev-2", "ev-2-2", 12, 9, true},
		{"ev", "ev-3", 13, 7, true},
	} {
		id, prev, taken := s.TakeValue(c.base, c.v)
		if id != c.want || prev != c.prev || taken != c.taken {
			t.Errorf("TakeValue(%q, %d) = %q, %d, %v; want %q, %d, %v", c.base, c.v, id, prev, taken, c.want, c.prev, c.taken)
		}
	}
}

// TestTakeCollisions makes every id of a length hash alike, so that each
// probe meets slots whose hash says "maybe" and the ids themselves must
// tell them apart.
func TestTakeCollisions(t *testing.T) {
	defer func(was func(maphash.Seed, string) uint64) { hash = was }(hash)
	hash = func(_ maphash.Seed, s string) uint64 { return uint64(len(s)) }
	var s Set
	for i := range 100 {
		id := "id-" + strconv.Itoa(100+i)
		if got := s.Take(id); got != id {
			t.Fatalf("Take(%s) = %q with hashes alike", id, got)
		}
	}
	if got := s.Take("id-150"); got != "id-150-2" {
		t.Errorf("Take of an id given out = %q, want id-150-2", got)
	}
	if !s.Has("id-199") || s.Has("id-200") {
		t.Error("Has with hashes alike")
	}
}

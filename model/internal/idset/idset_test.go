package idset

import "testing"

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

package model

import (
	"encoding/json"
	"slices"
	"strings"
	"testing"

	"github.com/dateline/dateline/model/edtf"
)

// TestEventDateJSON checks the date field's tags: a date round-trips as its
// EDTF string, omitzero drops an undated event's date, and a bad date fails
// the whole event.
func TestEventDateJSON(t *testing.T) {
	ev := Event{ID: "e1", Title: "t", Date: edtf.MustParse("2004-06~/2004-08?")}
	b, err := json.Marshal(ev)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(b), `"date":"2004-06~/2004-08?"`) {
		t.Errorf("Marshal = %s", b)
	}
	var back Event
	if err := json.Unmarshal(b, &back); err != nil {
		t.Fatal(err)
	}
	if back.Date != ev.Date {
		t.Errorf("round trip: %#v, want %#v", back.Date, ev.Date)
	}

	// omitzero drops the zero Date.
	if b, _ := json.Marshal(Event{ID: "e"}); strings.Contains(string(b), "date") {
		t.Errorf("Marshal(undated event) = %s", b)
	}

	var e Event
	err = json.Unmarshal([]byte(`{"id":"x","date":"2023-13-01"}`), &e)
	if err == nil || !strings.Contains(err.Error(), "month 13") {
		t.Errorf("Unmarshal bad event date: %v", err)
	}
}

func TestStanceSymbols(t *testing.T) {
	seen := map[string]Stance{}
	for _, s := range append(slices.Clone(Stances), StanceNone) {
		sym := s.Symbol()
		if sym == "" {
			t.Errorf("%s has no symbol", s)
		}
		if other, dup := seen[sym]; dup {
			t.Errorf("%s and %s share the symbol %q", s, other, sym)
		}
		seen[sym] = s
	}
}

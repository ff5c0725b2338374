package model

import (
	"bytes"
	"math/rand/v2"
	"strings"
	"testing"

	"github.com/dateline/dateline/model/edtf"
)

// writeBoth writes s with the events appended and through encoding/json.
func writeBoth(t testing.TB, s *Story) (fast, slow []byte) {
	t.Helper()
	var a, b bytes.Buffer
	if err := WriteJSON(&a, s); err != nil {
		t.Fatal(err)
	}
	slowEvents = true
	defer func() { slowEvents = false }()
	if err := WriteJSON(&b, s); err != nil {
		t.Fatal(err)
	}
	return a.Bytes(), b.Bytes()
}

// appendEventJSON writes the bytes encoding/json writes for the events:
// every field present and absent, and strings with every character
// encoding/json treats apart (quotes, backslashes, control characters,
// <, > and &, invalid UTF-8, U+2028 and U+2029, and others).
func TestEventJSONAsEncodingJSON(t *testing.T) {
	pieces := []string{"a", "Zé", " ", "\"", "\\", "\n", "\r", "\t", "\b", "\f", "\x00", "\x1b", "\x7f", "<", ">", "&",
		"\xff", "\xe2\x80", "\u2028", "\u2029", "\u00a0", "🙂", "\ufffd", "/", "'"}
	rng := rand.New(rand.NewPCG(1, 2))
	str := func() string {
		var sb strings.Builder
		for range rng.IntN(6) {
			sb.WriteString(pieces[rng.IntN(len(pieces))])
		}
		return sb.String()
	}
	s := &Story{}
	for i := range 3000 {
		e := Event{ID: str(), Title: str(), Summary: str()}
		if i%3 > 0 {
			e.Date = edtf.MustParse([]string{"2023-03-17", "2023", "2023-03/2023-04", "1985~"}[i%4])
		}
		for range rng.IntN(3) {
			e.Actors = append(e.Actors, Role{Actor: str(), Role: str()})
		}
		for range rng.IntN(3) {
			e.Topics = append(e.Topics, str())
		}
		for range rng.IntN(3) {
			e.Citations = append(e.Citations, Citation{Source: str(), Paragraph: rng.IntN(3) * 7, Wording: str()})
		}
		s.Events = append(s.Events, e)
	}
	fast, slow := writeBoth(t, s)
	if !bytes.Equal(fast, slow) {
		i := 0
		for i < len(fast) && i < len(slow) && fast[i] == slow[i] {
			i++
		}
		t.Fatalf("the appended events differ from encoding/json's at byte %d:\n%q\nwant\n%q", i, fast[max(0, i-80):min(len(fast), i+80)], slow[max(0, i-80):min(len(slow), i+80)])
	}
}

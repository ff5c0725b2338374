package model

import (
	"fmt"
	"testing"

	"github.com/dateline/dateline/model/edtf"
)

// wideStory is one event naming n actors and n topics, each twice, and a
// statement with a stance on every topic.
func wideStory(n int) *Story {
	s := &Story{}
	e := Event{ID: "e1", Title: "Wide", Date: edtf.MustParse("2023-03-17")}
	st := Statement{ID: "s1", Speaker: "a0", Quote: "q", Date: edtf.MustParse("2023-03-18")}
	for i := range n {
		a, t := fmt.Sprintf("a%d", i), fmt.Sprintf("t%d", i)
		s.Actors = append(s.Actors, Actor{ID: a, Name: a, Kind: KindPerson})
		s.Topics = append(s.Topics, Topic{ID: t, Title: t})
		e.Topics = append(e.Topics, t)
		st.Stances = append(st.Stances, TopicStance{Topic: t, Stance: "supports"})
	}
	for range 2 {
		for i := range n {
			e.Actors = append(e.Actors, Role{Actor: fmt.Sprintf("a%d", i)})
		}
	}
	e.Topics = append(e.Topics, e.Topics...)
	s.Events, s.Statements = []Event{e}, []Statement{st}
	return s
}

// TestIndexWideItem: an item's actors and topics are each listed once, in
// the order first named, and each actor's and topic's postings hold it once.
func TestIndexWideItem(t *testing.T) {
	ix := NewIndex(wideStory(3))
	for pos := range ix.Len() {
		var ids []string
		for _, a := range ix.ItemActors(pos) {
			ids = append(ids, a.ID)
		}
		for _, tp := range ix.ItemTopics(pos) {
			ids = append(ids, tp.ID)
		}
		want := "[a0 a1 a2 t0 t1 t2]"
		if ix.At(pos).Statement != nil {
			want = "[a0 t0 t1 t2]"
		}
		if got := fmt.Sprint(ids); got != want {
			t.Errorf("item %d: %s, want %s", pos, got, want)
		}
	}
}

// BenchmarkIndexWideItem indexes one event with 100,000 actors and topics
// (issue 10: minutes at a million, while each was checked against the
// item's others).
func BenchmarkIndexWideItem(b *testing.B) {
	s := wideStory(100_000)
	for b.Loop() {
		NewIndex(s)
	}
}

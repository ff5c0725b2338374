package model

import (
	"os"
	"slices"
	"testing"

	"github.com/dateline/dateline/model/edtf"
)

// d parses an EDTF date for a test story; "" is undated.
func testDate(s string) edtf.Date {
	if s == "" {
		return edtf.Date{}
	}
	date, err := edtf.Parse(s)
	if err != nil {
		panic("test date " + s + ": " + err.Error())
	}
	return date
}

// testStory is testdata/index.yaml, small enough to work out every answer
// by hand: a parent chain three deep (united-states > white-house > kirby),
// dates at every precision, open ends, ties, and undated items. The report
// tests read the same file.
func testStory() *Story {
	data, err := os.ReadFile("testdata/index.yaml")
	if err != nil {
		panic(err)
	}
	s, _, err := Load("index.yaml", data)
	if err != nil {
		panic("testdata/index.yaml: " + err.Error())
	}
	return s
}

// timeline is testStory's order, worked out by hand: by the day an item
// sits at (its earliest, or its latest when the start is open), then
// earliest day, latest day and id; undated last.
var testTimeline = []string{
	"e-newyear",  // 2023-01-01
	"e-year",     // 2023: starts 1 Jan too, but ends 31 Dec
	"e-planning", // ../2023-01: open start, sits at 31 Jan
	"e-paper",    // 2023-02-24
	"e-month",    // 2023-03: 1–31 Mar
	"e-warrant",  // 17 Mar
	"s-void",     // 17–19 Mar
	"e-tv",       // 18–19 Mar, three of them: by id
	"e-weekend",
	"s-kirby",
	"s-thanks",  // ../2023-03-19: open start, sits at 19 Mar
	"e-visit",   // 20 Mar
	"e-undated", // undated, by id
	"s-undated",
}

func newTestIndex(t *testing.T) *Index {
	t.Helper()
	s := testStory()
	if ps := Validate("test", s); len(ps) > 0 {
		t.Fatalf("test story is invalid:\n%v", ps)
	}
	return NewIndex(s)
}

// ids names the items at the given timeline positions.
func idsAt[T int | int32](ix *Index, rows []T) []string {
	out := []string{}
	for _, p := range rows {
		out = append(out, ix.At(int(p)).ID())
	}
	return out
}

func TestTimelineOrder(t *testing.T) {
	ix := newTestIndex(t)
	all := make([]int, ix.Len())
	for i := range all {
		all[i] = i
	}
	if got := idsAt(ix, all); !slices.Equal(got, testTimeline) {
		t.Errorf("timeline\n got %v\nwant %v", got, testTimeline)
	}
	for i, id := range testTimeline {
		if p, ok := ix.Lookup(id); !ok || p != i {
			t.Errorf("Lookup(%q) = %d, %v; want %d", id, p, ok, i)
		}
		wantKind := EventItem
		if id[0] == 's' {
			wantKind = StatementItem
		}
		if ix.Kind(i) != wantKind || ix.At(i).Kind() != wantKind {
			t.Errorf("%s: kind %v, want %v", id, ix.Kind(i), wantKind)
		}
	}
	if _, ok := ix.Lookup("russia"); ok {
		t.Errorf("Lookup finds an actor; it is for events and statements")
	}
}

// The order does not depend on the order of the file.
func TestTimelineOrderIgnoresFileOrder(t *testing.T) {
	s := testStory()
	slices.Reverse(s.Events)
	slices.Reverse(s.Statements)
	ix := NewIndex(s)
	got := idsAt(ix, ix.Query(Filter{}))
	if !slices.Equal(got, testTimeline) {
		t.Errorf("timeline of the reversed story\n got %v\nwant %v", got, testTimeline)
	}
}

func TestTitles(t *testing.T) {
	ix := newTestIndex(t)
	cases := map[string]string{
		"e-warrant": "Court issues warrant",
		"s-undated": "Xi speaks",
		"s-void":    "Kremlin: “legally null and void”",
	}
	for id, want := range cases {
		p, _ := ix.Lookup(id)
		if got := ix.Title(p); got != want {
			t.Errorf("Title(%s) = %q, want %q", id, got, want)
		}
	}
}

func TestItemActorsAndTopics(t *testing.T) {
	ix := newTestIndex(t)
	cases := []struct {
		id             string
		actors, topics []string
	}{
		{"e-warrant", []string{"icc", "putin"}, []string{"warrant"}},
		{"e-visit", []string{"xi", "putin"}, []string{"visit", "warrant"}},
		{"s-void", []string{"kremlin"}, []string{"warrant"}},
		{"e-month", []string{}, []string{}},
	}
	for _, c := range cases {
		p, _ := ix.Lookup(c.id)
		var actors, topics []string
		for _, a := range ix.ItemActors(p) {
			actors = append(actors, a.ID)
		}
		for _, tp := range ix.ItemTopics(p) {
			topics = append(topics, tp.ID)
		}
		if !slices.Equal(actors, c.actors) {
			t.Errorf("%s actors = %v, want %v", c.id, actors, c.actors)
		}
		if !slices.Equal(topics, c.topics) {
			t.Errorf("%s topics = %v, want %v", c.id, topics, c.topics)
		}
	}
}

func TestDescendants(t *testing.T) {
	ix := newTestIndex(t)
	cases := map[string][]string{
		"russia":        {"russia", "putin", "kremlin", "russian-state-tv"},
		"united-states": {"united-states", "white-house", "kirby"},
		"white-house":   {"white-house", "kirby"},
		"kirby":         {"kirby"},
		"icc":           {"icc"},
		"nobody":        nil,
	}
	for id, want := range cases {
		got := ix.Descendants(id)
		if !sameSet(got, want) {
			t.Errorf("Descendants(%q) = %v, want %v", id, got, want)
		}
		if len(got) > 0 && got[0] != id {
			t.Errorf("Descendants(%q) = %v, want the actor itself first", id, got)
		}
	}
}

func TestAncestors(t *testing.T) {
	ix := newTestIndex(t)
	cases := map[string][]string{
		"kirby":  {"white-house", "united-states"},
		"putin":  {"russia"},
		"russia": nil,
		"nobody": nil,
	}
	for id, want := range cases {
		var got []string
		for _, a := range ix.Ancestors(id) {
			got = append(got, a.ID)
		}
		if !slices.Equal(got, want) {
			t.Errorf("Ancestors(%q) = %v, want %v", id, got, want)
		}
	}
}

func TestActorTree(t *testing.T) {
	ix := newTestIndex(t)
	// Parents before children, siblings by name.
	want := []struct {
		id    string
		depth int
	}{
		{"china", 0}, {"xi", 1},
		{"icc", 0},
		{"russia", 0}, {"kremlin", 1}, {"putin", 1}, {"russian-state-tv", 1},
		{"united-states", 0}, {"white-house", 1}, {"kirby", 2},
	}
	tree := ix.ActorTree()
	if len(tree) != len(want) {
		t.Fatalf("ActorTree has %d nodes, want %d", len(tree), len(want))
	}
	for i, w := range want {
		if tree[i].Actor.ID != w.id || tree[i].Depth != w.depth {
			t.Errorf("ActorTree[%d] = %s at depth %d, want %s at %d", i, tree[i].Actor.ID, tree[i].Depth, w.id, w.depth)
		}
	}
}

func TestReactions(t *testing.T) {
	ix := newTestIndex(t)
	cases := map[string][]string{
		"e-warrant": {"s-void"},
		"e-paper":   {"s-kirby", "s-thanks"}, // in timeline order
		"e-visit":   {},
	}
	for id, want := range cases {
		p, _ := ix.Lookup(id)
		if got := idsAt(ix, ix.Reactions(p)); !slices.Equal(got, want) {
			t.Errorf("Reactions(%s) = %v, want %v", id, got, want)
		}
	}
}

func TestPosition(t *testing.T) {
	ix := newTestIndex(t)
	cases := []struct {
		actor, topic string
		stance       Stance
		evidence     []string
	}{
		{"russia", "warrant", StanceOpposes, []string{"s-void"}},
		{"united-states", "ceasefire", StanceOpposes, []string{"s-kirby", "e-weekend"}},
		{"china", "visit", StanceSupports, []string{"e-visit"}},
		// Nothing recorded: none, and never inherited from a parent or
		// guessed from a statement.
		{"kremlin", "warrant", StanceNone, nil},
		{"kirby", "ceasefire", StanceNone, nil},
		{"russia", "visit", StanceNone, nil},
		{"putin", "ceasefire", StanceNone, nil},
		{"nobody", "warrant", StanceNone, nil},
		{"russia", "no-topic", StanceNone, nil},
	}
	for _, c := range cases {
		p := ix.Position(c.actor, c.topic)
		if p.Actor != c.actor || p.Topic != c.topic || p.Stance != c.stance || !slices.Equal(p.Evidence, c.evidence) {
			t.Errorf("Position(%s, %s) = %+v, want %s with evidence %v", c.actor, c.topic, p, c.stance, c.evidence)
		}
	}
}

func TestFinders(t *testing.T) {
	ix := newTestIndex(t)
	if a, ok := ix.Actor("kirby"); !ok || a.Name != "Kirby" {
		t.Errorf("Actor(kirby) = %v, %v", a, ok)
	}
	if _, ok := ix.Actor("warrant"); ok {
		t.Errorf("Actor finds a topic")
	}
	if tp, ok := ix.Topic("visit"); !ok || tp.Title != "The visit" {
		t.Errorf("Topic(visit) = %v, %v", tp, ok)
	}
	if s, ok := ix.Source("paper"); !ok || s.ID != "paper" {
		t.Errorf("Source(paper) = %v, %v", s, ok)
	}
	if got := ix.ActorName("xi"); got != "Xi" {
		t.Errorf("ActorName(xi) = %q", got)
	}
	if got := ix.ActorName("ghost"); got != "ghost" {
		t.Errorf("ActorName(ghost) = %q, want the id back", got)
	}
}

func sameSet(a, b []string) bool {
	a, b = slices.Clone(a), slices.Clone(b)
	slices.Sort(a)
	slices.Sort(b)
	return slices.Equal(a, b)
}

// TestOrderBreaksTiesByID: items on the same days are ordered by their
// whole ids, those sharing their first eight bytes and those shorter than
// eight included, on both halves of the parallel sort.
func TestOrderBreaksTiesByID(t *testing.T) {
	s := &Story{}
	ids := []string{"ev-1234567", "ev-1234566", "ev-12345", "ev-1", "ev-10", "a", "ev-123456", "ev-1234", "zz"}
	for i := range 1 << 15 {
		id := ids[i%len(ids)] + "-" + string(rune('a'+i%26)) + string(rune('a'+i/26%26)) + string(rune('a'+i/676%26))
		s.Events = append(s.Events, Event{ID: id, Date: testDate([]string{"2023-03-17", "2023-03", "2023"}[i%3])})
	}
	ix := NewIndex(s)
	for p := 1; p < ix.Len(); p++ {
		a, b := ix.At(p-1), ix.At(p)
		ka := []edtf.Day{ix.SortDay(p - 1), a.Date().Earliest(), a.Date().Latest()}
		kb := []edtf.Day{ix.SortDay(p), b.Date().Earliest(), b.Date().Latest()}
		if c := slices.Compare(ka, kb); c > 0 || c == 0 && a.ID() >= b.ID() {
			t.Fatalf("position %d: %s %v before %s %v", p, a.ID(), ka, b.ID(), kb)
		}
	}
}

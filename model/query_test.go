package model

import (
	"context"
	"fmt"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"

	"github.com/dateline/dateline/model/edtf"
)

// in keeps the ids of timeline that are in keep: the expected answers below
// are sets worked out by hand from testStory, and this puts them in order.
func inTimeline(keep ...string) []string {
	out := []string{}
	for _, id := range testTimeline {
		if slices.Contains(keep, id) {
			out = append(out, id)
		}
	}
	if len(out) != len(keep) {
		panic(fmt.Sprintf("test is wrong: %v names items not in the timeline", keep))
	}
	return out
}

func TestQuery(t *testing.T) {
	ix := newTestIndex(t)
	cases := []struct {
		name string
		f    Filter
		want []string
	}{
		{"everything", Filter{}, testTimeline},

		// Actors take in everyone under them.
		{"russia and those under it", Filter{Actors: []string{"russia"}},
			inTimeline("e-warrant", "e-visit", "e-planning", "e-tv", "e-undated", "s-void", "s-thanks")},
		{"putin alone", Filter{Actors: []string{"putin"}},
			inTimeline("e-warrant", "e-visit", "e-planning", "e-tv", "s-thanks")},
		{"two levels down", Filter{Actors: []string{"united-states"}},
			inTimeline("e-weekend", "s-kirby")},
		{"a leaf", Filter{Actors: []string{"kremlin"}}, inTimeline("s-void")},
		{"any of two actors", Filter{Actors: []string{"icc", "china"}},
			inTimeline("e-warrant", "e-visit", "e-planning", "e-paper", "s-undated")},
		{"an actor and its child, counted once", Filter{Actors: []string{"russia", "putin"}},
			inTimeline("e-warrant", "e-visit", "e-planning", "e-tv", "e-undated", "s-void", "s-thanks")},

		{"topic", Filter{Topics: []string{"warrant"}}, inTimeline("e-warrant", "e-visit", "s-void")},
		{"any of two topics", Filter{Topics: []string{"visit", "ceasefire"}},
			inTimeline("e-visit", "e-planning", "e-paper", "e-weekend", "s-kirby", "s-thanks")},

		// Text: titles, summaries, quotes, actor names and aliases; any case.
		{"text in a quote, any case", Filter{Text: "NULL and Void"}, inTimeline("s-void")},
		{"text in a title", Filter{Text: "footage"}, inTimeline("e-tv")},
		{"text in a summary", Filter{Text: "deportation"}, inTimeline("e-warrant")},
		{"text in an actor's name", Filter{Text: "white house"}, inTimeline()},
		{"text in a speaker's name", Filter{Text: "kirby"}, inTimeline("e-weekend", "s-kirby")},
		{"text in an alias", Filter{Text: "vladimir"}, inTimeline("e-warrant", "e-visit", "e-planning", "e-tv", "s-thanks")},
		{"text in an alias of a participant", Filter{Text: "criminal court"}, inTimeline("e-warrant")},
		{"text found nowhere", Filter{Text: "zebra"}, inTimeline()},

		// Dates: items whose dates overlap the range; undated items have no
		// date to overlap.
		{"since a day", Filter{Since: testDate("2023-03-18")},
			inTimeline("s-thanks", "e-year", "e-month", "s-void", "e-tv", "e-weekend", "s-kirby", "e-visit")},
		{"until a month", Filter{Until: testDate("2023-01")},
			inTimeline("e-planning", "s-thanks", "e-newyear", "e-year")},
		{"one day", Filter{Since: testDate("2023-03-18"), Until: testDate("2023-03-18")},
			inTimeline("s-thanks", "e-year", "e-month", "s-void", "e-tv", "e-weekend", "s-kirby")},
		{"a range given as an interval's ends", Filter{Since: testDate("2023-02"), Until: testDate("2023-03-17")},
			inTimeline("s-thanks", "e-year", "e-paper", "e-month", "e-warrant", "s-void")},
		{"since an open start", Filter{Since: testDate("../2023-01")}, inTimeline(testTimeline[:len(testTimeline)-2]...)},
		{"a range before everything", Filter{Until: testDate("2010")}, inTimeline("e-planning", "s-thanks")},

		// Across dimensions: all of.
		{"actor and topic", Filter{Actors: []string{"russia"}, Topics: []string{"warrant"}},
			inTimeline("e-warrant", "e-visit", "s-void")},
		{"actors and topic", Filter{Actors: []string{"russia", "united-states"}, Topics: []string{"ceasefire"}},
			inTimeline("e-weekend", "s-kirby", "s-thanks")},
		{"actor and text", Filter{Actors: []string{"russia"}, Text: "void"}, inTimeline("s-void")},
		{"actor, topic and dates", Filter{Actors: []string{"putin"}, Topics: []string{"visit"}, Since: testDate("2023-02")},
			inTimeline("e-visit")},
		{"topic and text that never meet", Filter{Topics: []string{"visit"}, Text: "void"}, inTimeline()},

		// Unknown ids match nothing (CheckFilter reports them).
		{"unknown actor", Filter{Actors: []string{"nobody"}}, inTimeline()},
		{"unknown topic", Filter{Topics: []string{"nothing"}}, inTimeline()},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			got := idsAt(ix, ix.Query(c.f))
			if !slices.Equal(got, c.want) {
				t.Errorf("Query(%+v)\n got %v\nwant %v", c.f, got, c.want)
			}
			rows, err := ix.QueryContext(context.Background(), c.f)
			if err != nil || !slices.Equal(idsAt(ix, rows), c.want) {
				t.Errorf("QueryContext = %v, %v", idsAt(ix, rows), err)
			}
		})
	}
}

func TestFilterActive(t *testing.T) {
	cases := []struct {
		f    Filter
		want bool
	}{
		{Filter{}, false},
		{Filter{Actors: []string{}}, false},
		{Filter{Actors: []string{"a"}}, true},
		{Filter{Topics: []string{"t"}}, true},
		{Filter{Text: "x"}, true},
		{Filter{Since: testDate("2023")}, true},
		{Filter{Until: testDate("2023")}, true},
	}
	for _, c := range cases {
		if got := c.f.Active(); got != c.want {
			t.Errorf("%+v.Active() = %v, want %v", c.f, got, c.want)
		}
	}
}

func TestActorCounts(t *testing.T) {
	ix := newTestIndex(t)
	cases := []struct {
		name string
		f    Filter
		want map[string]int // actors not named count 0
	}{
		{"warrant", Filter{Topics: []string{"warrant"}}, map[string]int{
			// e-warrant (icc, putin), e-visit (xi, putin), s-void (kremlin)
			"icc": 1, "putin": 2, "xi": 1, "china": 1, "kremlin": 1, "russia": 3,
		}},
		{"footage", Filter{Text: "footage"}, map[string]int{
			// e-tv names putin and russian-state-tv: russia counts it once.
			"putin": 1, "russian-state-tv": 1, "russia": 1,
		}},
		{"everything", Filter{}, map[string]int{
			"russia": 7, "putin": 5, "kremlin": 1, "russian-state-tv": 1,
			"china": 4, "xi": 3, "united-states": 2, "white-house": 2, "kirby": 2, "icc": 1,
		}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			got := ix.ActorCounts(ix.Query(c.f))
			for _, a := range ix.Story().Actors {
				if got[a.ID] != c.want[a.ID] {
					t.Errorf("count of %s = %d, want %d", a.ID, got[a.ID], c.want[a.ID])
				}
			}
			if len(got) != len(ix.Story().Actors) {
				t.Errorf("%d counts, want one for every actor", len(got))
			}
		})
	}
}

func TestTopicCounts(t *testing.T) {
	ix := newTestIndex(t)
	cases := []struct {
		name string
		f    Filter
		want map[string]int
	}{
		{"russia", Filter{Actors: []string{"russia"}}, map[string]int{"warrant": 3, "visit": 2, "ceasefire": 1}},
		{"everything", Filter{}, map[string]int{"warrant": 3, "visit": 2, "ceasefire": 4}},
		{"nothing", Filter{Text: "zebra"}, map[string]int{}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			got := ix.TopicCounts(ix.Query(c.f))
			for _, tp := range ix.Story().Topics {
				if got[tp.ID] != c.want[tp.ID] {
					t.Errorf("count of %s = %d, want %d", tp.ID, got[tp.ID], c.want[tp.ID])
				}
			}
		})
	}
}

func TestCheckFilter(t *testing.T) {
	ix := newTestIndex(t)
	allActors := []string{"russia", "putin", "kremlin", "russian-state-tv", "china", "xi", "united-states", "white-house", "kirby", "icc"}
	cases := []struct {
		name string
		f    Filter
		has  []string // fragments of the error; nil for no error
		not  []string
	}{
		{"valid", Filter{Actors: []string{"russia", "kirby"}, Topics: []string{"warrant"}, Text: "anything"}, nil, nil},
		{"empty", Filter{}, nil, nil},
		{"typo in an actor", Filter{Actors: []string{"rusia"}},
			append([]string{`unknown actor "rusia"`, `did you mean "russia"?`}, allActors...), nil},
		{"typo after a valid actor", Filter{Actors: []string{"china", "kirbi"}},
			[]string{`"kirbi"`, `did you mean "kirby"?`}, nil},
		{"a prefix", Filter{Actors: []string{"united"}}, []string{`did you mean "united-states"?`}, nil},
		{"nothing near", Filter{Actors: []string{"zzzzzzzz"}}, append([]string{`unknown actor "zzzzzzzz"`}, allActors...),
			[]string{"did you mean"}},
		{"typo in a topic", Filter{Topics: []string{"warant"}},
			[]string{`unknown topic "warant"`, `did you mean "warrant"?`, "visit", "ceasefire"}, nil},
		{"a topic given as an actor", Filter{Actors: []string{"warrant"}}, []string{`unknown actor "warrant"`}, nil},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			err := ix.CheckFilter(c.f)
			if c.has == nil {
				if err != nil {
					t.Fatalf("CheckFilter = %v, want nil", err)
				}
				return
			}
			if err == nil {
				t.Fatal("CheckFilter = nil, want an error")
			}
			for _, h := range c.has {
				if !strings.Contains(err.Error(), h) {
					t.Errorf("error %q lacks %q", err, h)
				}
			}
			for _, n := range c.not {
				if strings.Contains(err.Error(), n) {
					t.Errorf("error %q holds %q", err, n)
				}
			}
		})
	}
}

func TestSuggest(t *testing.T) {
	ids := []string{"russia", "putin", "united-states", "warrant", "visit"}
	cases := map[string]string{
		"rusia":    "russia",
		"Russia":   "russia",
		"putn":     "putin",
		"united":   "united-states",
		"warant":   "warrant",
		"vist":     "visit",
		"zzzzzzzz": "",
		"":         "",
	}
	for word, want := range cases {
		if got := Suggest(word, ids); got != want {
			t.Errorf("Suggest(%q) = %q, want %q", word, got, want)
		}
	}
	if got := Suggest("x", nil); got != "" {
		t.Errorf("Suggest with no candidates = %q", got)
	}
}

// TestQueryMatchesNaiveScan checks Query, on random stories and random
// filters, against a plain reading of the rules written without the
// index: filter every item, then sort.
func TestQueryMatchesNaiveScan(t *testing.T) {
	for seed := range uint64(40) {
		rng := rand.New(rand.NewPCG(seed, 7))
		s := randomStory(rng)
		if ps := Validate("random", s); len(ps) > 0 {
			t.Fatalf("seed %d: random story is invalid:\n%v", seed, ps)
		}
		ix := NewIndex(s)
		for range 60 {
			f := randomFilter(rng, s)
			want := naiveQuery(s, f)
			got := idsAt(ix, ix.Query(f))
			if !slices.Equal(got, want) {
				t.Fatalf("seed %d, filter %+v:\n got %v\nwant %v", seed, f, got, want)
			}
			// Counts: an actor's count is what a filter on it would keep.
			rows := ix.Query(f)
			counts := ix.ActorCounts(rows)
			for _, a := range s.Actors {
				g := Filter{Actors: []string{a.ID}}
				if n := len(intersect(got, naiveQuery(s, g))); counts[a.ID] != n {
					t.Fatalf("seed %d, filter %+v: ActorCounts[%s] = %d, want %d", seed, f, a.ID, counts[a.ID], n)
				}
			}
			tcounts := ix.TopicCounts(rows)
			for _, tp := range s.Topics {
				g := Filter{Topics: []string{tp.ID}}
				if n := len(intersect(got, naiveQuery(s, g))); tcounts[tp.ID] != n {
					t.Fatalf("seed %d, filter %+v: TopicCounts[%s] = %d, want %d", seed, f, tp.ID, tcounts[tp.ID], n)
				}
			}
		}
	}
}

var (
	randomDates = []string{"", "", "2014", "2022-09-30", "2023", "2023-01", "2023-02-24", "2023-03",
		"2023-03-17", "2023-03-18/2023-03-19", "2023-03-20", "../2023-01", "2023-02-24/..", "../2023-03-19"}
	randomWords = []string{"warrant", "visit", "Moscow", "ceasefire", "PEACE", "talks", "court", "void", "children", "paper"}
)

func randomText(rng *rand.Rand) string {
	n := rng.IntN(4)
	words := make([]string, n)
	for i := range words {
		words[i] = randomWords[rng.IntN(len(randomWords))]
	}
	return strings.Join(words, " ")
}

func randomStory(rng *rand.Rand) *Story {
	s := &Story{}
	nActors := 1 + rng.IntN(8)
	for i := range nActors {
		a := Actor{ID: fmt.Sprintf("a%d", i), Name: fmt.Sprintf("Actor %s %d", randomText(rng), i), Kind: KindGroup}
		if i > 0 && rng.IntN(3) > 0 {
			a.Parent = fmt.Sprintf("a%d", rng.IntN(i)) // parents come first: no cycles
		}
		if rng.IntN(3) == 0 {
			a.Aliases = []string{randomText(rng)}
		}
		s.Actors = append(s.Actors, a)
	}
	nTopics := 1 + rng.IntN(4)
	for i := range nTopics {
		s.Topics = append(s.Topics, Topic{ID: fmt.Sprintf("t%d", i), Title: "Topic"})
	}
	actor := func() string { return s.Actors[rng.IntN(nActors)].ID }
	topic := func() string { return s.Topics[rng.IntN(nTopics)].ID }
	for i := range rng.IntN(15) {
		e := Event{ID: fmt.Sprintf("e%d", i), Date: testDate(randomDates[rng.IntN(len(randomDates))]),
			Title: "Event " + randomText(rng), Summary: randomText(rng)}
		for range rng.IntN(3) {
			e.Actors = append(e.Actors, Role{Actor: actor()})
		}
		for range rng.IntN(3) {
			if tp := topic(); !slices.Contains(e.Topics, tp) {
				e.Topics = append(e.Topics, tp)
			}
		}
		s.Events = append(s.Events, e)
	}
	for i := range rng.IntN(15) {
		st := Statement{ID: fmt.Sprintf("s%d", i), Speaker: actor(), Date: testDate(randomDates[rng.IntN(len(randomDates))]),
			Quote: "said " + randomText(rng)}
		if rng.IntN(2) == 0 {
			st.Title = "Statement " + randomText(rng)
		}
		for range rng.IntN(3) {
			if tp := topic(); !slices.ContainsFunc(st.Stances, func(ts TopicStance) bool { return ts.Topic == tp }) {
				st.Stances = append(st.Stances, TopicStance{Topic: tp, Stance: StanceSupports})
			}
		}
		s.Statements = append(s.Statements, st)
	}
	return s
}

func randomFilter(rng *rand.Rand, s *Story) Filter {
	var f Filter
	if rng.IntN(2) == 0 {
		for range 1 + rng.IntN(2) {
			f.Actors = append(f.Actors, s.Actors[rng.IntN(len(s.Actors))].ID)
		}
	}
	if rng.IntN(2) == 0 {
		for range 1 + rng.IntN(2) {
			f.Topics = append(f.Topics, s.Topics[rng.IntN(len(s.Topics))].ID)
		}
	}
	if rng.IntN(3) == 0 {
		w := randomWords[rng.IntN(len(randomWords))]
		if rng.IntN(2) == 0 {
			w = strings.ToUpper(w[:3]) // part of a word, in the other case
		}
		f.Text = w
	}
	if rng.IntN(3) == 0 {
		f.Since = testDate(randomDates[1+rng.IntN(len(randomDates)-1)])
	}
	if rng.IntN(3) == 0 {
		f.Until = testDate(randomDates[1+rng.IntN(len(randomDates)-1)])
	}
	return f
}

// naiveQuery reads the rules of Filter directly: an actor filter keeps
// items naming the actor or anyone under it (found by walking each named
// actor's parents), a topic filter items on the topic, the text filter
// items whose title, summary, quote or actors' names or aliases contain
// it in any case, the dates items whose days overlap the range (undated
// items never); every dimension must hold. Then it sorts by the day an
// item sits at (its earliest, or its latest when the start is open), then
// earliest day, latest day and id, undated last.
func naiveQuery(s *Story, f Filter) []string {
	parent := map[string]string{}
	actorText := map[string]string{}
	for _, a := range s.Actors {
		parent[a.ID] = a.Parent
		actorText[a.ID] = strings.ToLower(a.Name + "\x00" + strings.Join(a.Aliases, "\x00"))
	}
	underWanted := func(id string) bool {
		for x := id; x != ""; x = parent[x] {
			if slices.Contains(f.Actors, x) {
				return true
			}
		}
		return false
	}
	type item struct {
		id     string
		date   edtf.Date
		actors []string
		topics []string
		text   string
	}
	var items []item
	for _, e := range s.Events {
		it := item{id: e.ID, date: e.Date, topics: e.Topics, text: e.Title + "\x00" + e.Summary}
		for _, r := range e.Actors {
			it.actors = append(it.actors, r.Actor)
		}
		items = append(items, it)
	}
	for _, st := range s.Statements {
		it := item{id: st.ID, date: st.Date, actors: []string{st.Speaker}, text: st.Title + "\x00" + st.Quote}
		for _, ts := range st.Stances {
			it.topics = append(it.topics, ts.Topic)
		}
		items = append(items, it)
	}
	needle := strings.ToLower(f.Text)
	var kept []item
	for _, it := range items {
		if len(f.Actors) > 0 && !slices.ContainsFunc(it.actors, underWanted) {
			continue
		}
		if len(f.Topics) > 0 && !slices.ContainsFunc(it.topics, func(tp string) bool { return slices.Contains(f.Topics, tp) }) {
			continue
		}
		if needle != "" {
			hit := strings.Contains(strings.ToLower(it.text), needle)
			for _, a := range it.actors {
				hit = hit || strings.Contains(actorText[a], needle)
			}
			if !hit {
				continue
			}
		}
		if !f.Since.IsZero() || !f.Until.IsZero() {
			if it.date.IsZero() {
				continue
			}
			if !f.Since.IsZero() && it.date.Latest() < f.Since.Earliest() {
				continue
			}
			if !f.Until.IsZero() && it.date.Earliest() > f.Until.Latest() {
				continue
			}
		}
		kept = append(kept, it)
	}
	slices.SortFunc(kept, func(a, b item) int {
		if a.date.IsZero() != b.date.IsZero() {
			if a.date.IsZero() {
				return 1
			}
			return -1
		}
		if !a.date.IsZero() {
			at := func(d edtf.Date) edtf.Day {
				if d.OpenStart() {
					return d.Latest()
				}
				return d.Earliest()
			}
			if at(a.date) != at(b.date) {
				return cmpDay(at(a.date), at(b.date))
			}
			if a.date.Earliest() != b.date.Earliest() {
				return cmpDay(a.date.Earliest(), b.date.Earliest())
			}
			if a.date.Latest() != b.date.Latest() {
				return cmpDay(a.date.Latest(), b.date.Latest())
			}
		}
		return strings.Compare(a.id, b.id)
	})
	out := []string{}
	for _, it := range kept {
		out = append(out, it.id)
	}
	return out
}

func cmpDay(a, b edtf.Day) int {
	if a < b {
		return -1
	}
	return 1
}

func intersect(a, b []string) []string {
	var out []string
	for _, x := range a {
		if slices.Contains(b, x) {
			out = append(out, x)
		}
	}
	return out
}

package model_test

import (
	"cmp"
	"context"
	"slices"
	"strings"
	"testing"

	"github.com/dateline/dateline/model"
	"github.com/dateline/dateline/model/edtf"
	"github.com/dateline/dateline/model/gen"
)

// An index that knows only its order answers what StartIndex lets it
// answer before the rest is built (titles, an item's actors, topics and
// reactions, a text query) as the complete index does.
func TestOrderedIndexAnswersAsComplete(t *testing.T) {
	s := gen.Story(gen.Config{Events: 3000, Seed: 4})
	s.Statements[1].ReactsTo = s.Statements[0].ID // a reaction to a statement
	s.Actors[len(s.Actors)-1].Aliases = append(s.Actors[len(s.Actors)-1].Aliases, "Zqxwv")
	full := model.NewIndex(s)
	part := model.OrderedIndex(s)
	if part.Complete() {
		t.Fatal("an index of the order alone says it is complete")
	}
	ids := func(xs []*model.Actor) []string {
		var out []string
		for _, x := range xs {
			out = append(out, x.ID)
		}
		return out
	}
	tids := func(xs []*model.Topic) []string {
		var out []string
		for _, x := range xs {
			out = append(out, x.ID)
		}
		return out
	}
	reacted := 0
	for pos := range full.Len() {
		if got, want := part.Title(pos), full.Title(pos); got != want {
			t.Fatalf("Title(%d) = %q before the rest is built, %q after", pos, got, want)
		}
		if got, want := ids(part.ItemActors(pos)), ids(full.ItemActors(pos)); !slices.Equal(got, want) {
			t.Fatalf("ItemActors(%d) = %v before, %v after", pos, got, want)
		}
		if got, want := tids(part.ItemTopics(pos)), tids(full.ItemTopics(pos)); !slices.Equal(got, want) {
			t.Fatalf("ItemTopics(%d) = %v before, %v after", pos, got, want)
		}
		got, want := part.Reactions(pos), full.Reactions(pos)
		if !slices.Equal(got, want) {
			t.Fatalf("Reactions(%d) = %v before, %v after", pos, got, want)
		}
		if len(got) > 0 { // asked again, as the detail pane does, after the caller wrote over its answer
			got[0] = -1
			if again := part.Reactions(pos); !slices.Equal(again, want) {
				t.Fatalf("Reactions(%d) asked again = %v, want %v", pos, again, want)
			}
		}
		reacted += len(want)
	}
	if reacted == 0 {
		t.Fatal("no item has reactions, so Reactions was not tried")
	}
	root := full.ActorTree()[0].Actor.ID // with what is under it
	filters := []model.Filter{
		{Text: "ambush"}, {Text: "Government"}, {Text: "zzqq"},
		{Actors: []string{root}}, {Actors: []string{s.Actors[len(s.Actors)-1].ID}, Text: "a"},
		{Topics: []string{s.Topics[0].ID}}, {Actors: []string{root}, Topics: []string{s.Topics[1].ID}},
		// A speaker, and a few actors: compared by id before the index is
		// complete; every actor: too many for that, looked up.
		{Actors: []string{s.Statements[3].Speaker}},
		{Actors: []string{s.Actors[len(s.Actors)-1].ID, s.Actors[len(s.Actors)-2].ID, s.Statements[5].Speaker}},
		{Actors: allActors(s)},
		// A text found only in an actor's alias: the items naming the
		// actor match by it.
		{Text: "zqxwv"},
	}
	ask := func(order string) {
		for _, f := range filters {
			got, err := part.QueryContext(context.Background(), f)
			if err != nil {
				t.Fatal(err)
			}
			first, err := part.QueryFirst(context.Background(), f, 10)
			if err != nil {
				t.Fatal(err)
			}
			want := full.Query(f)
			if f.Text == "zqxwv" && len(want) == 0 {
				t.Errorf("%+v finds nothing, though an actor has it as an alias", f)
			}
			if !slices.Equal(got, want) || !slices.Equal(first, want[:min(10, len(want))]) {
				t.Errorf("%+v read in %s order finds %d items (first %v) before the rest is built, %d (first %v) after",
					f, order, len(got), first, len(want), want[:min(10, len(want))])
			}
		}
	}
	ask("the timeline's")
	restore := model.ScanInStoryOrder() // as a long story is read
	ask("the story's")
	restore()
	if got, ok := part.Lookup(s.Statements[7].ID); !ok || got != mustLookup(t, full, s.Statements[7].ID) {
		t.Errorf("Lookup before the rest is built = %d, %v", got, ok)
	}
	if part.Complete() {
		t.Error("a query or a lookup built the rest of the index; they should not need it")
	}
	// What needs the rest waits for it, as do items with more actors or
	// topics than are worked out on the spot: build it now, from another
	// goroutine, while they wait.
	for i := range 40 {
		s.Events[0].Actors = append(s.Events[0].Actors, model.Role{Actor: s.Actors[i%len(s.Actors)].ID})
		s.Events[1].Topics = append(s.Events[1].Topics, s.Topics[i%len(s.Topics)].ID)
	}
	full, part = model.NewIndex(s), model.OrderedIndex(s)
	type answer struct {
		pos            int
		actors, topics []string
	}
	answers := make(chan answer, 2)
	for _, e := range s.Events[:2] {
		go func() {
			p, _ := part.Lookup(e.ID)
			answers <- answer{p, ids(part.ItemActors(p)), tids(part.ItemTopics(p))}
		}()
	}
	go part.BuildRest()
	for range 2 {
		a := <-answers
		if want := ids(full.ItemActors(a.pos)); !slices.Equal(a.actors, want) {
			t.Errorf("ItemActors(%d) of a long list = %v, want %v", a.pos, a.actors, want)
		}
		if want := tids(full.ItemTopics(a.pos)); !slices.Equal(a.topics, want) {
			t.Errorf("ItemTopics(%d) of a long list = %v, want %v", a.pos, a.topics, want)
		}
	}
	<-part.Ready()
	if !part.Complete() {
		t.Error("Ready is closed but the index is not complete")
	}
}

func mustLookup(t *testing.T, ix *model.Index, id string) int {
	t.Helper()
	p, ok := ix.Lookup(id)
	if !ok {
		t.Fatalf("no item %q", id)
	}
	return p
}

// NewIndex's index is complete when it returns.
func TestNewIndexIsComplete(t *testing.T) {
	ix := model.NewIndex(gen.Story(gen.Config{Events: 50, Seed: 1}))
	select {
	case <-ix.Ready():
	default:
		t.Fatal("NewIndex returned an index whose Ready is not closed")
	}
}

// A big story's order (a counting sort by day, or the comparison sort when
// its days span millennia) is the timeline's: by sort day, then earliest
// and latest day, then id, each item once.
func TestBigOrder(t *testing.T) {
	for _, wide := range []bool{false, true} {
		s := gen.Story(gen.Config{Events: 20_000, Seed: 9})
		if wide {
			s.Events[3].Date = testDay("-5000")
		}
		s.Events[5].Date = edtf.Date{} // undated
		ix := model.NewIndex(s)
		key := func(p int) (edtf.Day, edtf.Day, edtf.Day, string) {
			it := ix.At(p)
			return ix.SortDay(p), it.Date().Earliest(), it.Date().Latest(), it.ID()
		}
		seen := map[string]bool{}
		for p := range ix.Len() {
			d, lo, hi, id := key(p)
			if seen[id] {
				t.Fatalf("wide %v: %s is in the timeline twice", wide, id)
			}
			seen[id] = true
			want := lo // an open start sorts at the end
			if lo == edtf.MinDay {
				want = hi
			}
			if d != want {
				t.Fatalf("wide %v: %s sorts at day %d; its date says %d", wide, id, d, want)
			}
			if p == 0 {
				continue
			}
			pd, plo, phi, pid := key(p - 1)
			if c := cmp.Or(cmp.Compare(pd, d), cmp.Compare(plo, lo), cmp.Compare(phi, hi), strings.Compare(pid, id)); c >= 0 {
				t.Fatalf("wide %v: %s (%d) before %s (%d) at %d", wide, pid, pd, id, d, p)
			}
		}
		if len(seen) != len(s.Events)+len(s.Statements) {
			t.Fatalf("wide %v: %d items in the timeline, want %d", wide, len(seen), len(s.Events)+len(s.Statements))
		}
		if _, _, _, id := key(ix.Len() - 1); id != s.Events[5].ID {
			t.Errorf("wide %v: the undated item is not last; %s is", wide, id)
		}
	}
}

func testDay(s string) edtf.Date {
	d, err := edtf.Parse(s)
	if err != nil {
		panic(err)
	}
	return d
}

// A panic while StartIndex builds the rest behind the rows does not end
// the program from its own goroutine (where nothing could restore the
// terminal): it reaches whoever next waits for the rest.
func TestStartIndexPanicReachesTheWaiter(t *testing.T) {
	defer model.SetRestHook(func() { panic("bug in the index") })()
	ix := model.StartIndex(gen.Story(gen.Config{Events: 200, Seed: 2}))
	got := func() (r any) {
		defer func() { r = recover() }()
		ix.ActorCounts(nil) // waits for the builder, or is it
		return nil
	}()
	if got != "bug in the index" {
		t.Fatalf("the waiter got %v, want the builder's panic", got)
	}
}

func allActors(s *model.Story) []string {
	var out []string
	for _, a := range s.Actors {
		out = append(out, a.ID)
	}
	return out
}

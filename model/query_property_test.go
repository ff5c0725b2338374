package model_test

import (
	"context"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"

	"github.com/dateline/dateline/model"
	"github.com/dateline/dateline/model/edtf"
	"github.com/dateline/dateline/model/gen"
)

// naiveQuery is Query written as plainly as possible: every item, every
// rule, no postings, no candidates, no parallel scan.
func naiveQuery(ix *model.Index, f model.Filter) []int32 {
	wantActor := map[string]bool{}
	for _, id := range f.Actors {
		for _, d := range ix.Descendants(id) {
			wantActor[d] = true
		}
	}
	wantTopic := map[string]bool{}
	for _, id := range f.Topics {
		wantTopic[id] = true
	}
	needle := model.FoldForSearch(f.Text)
	contains := func(s string) bool {
		if needle == "" {
			return true
		}
		for i := 0; i < len(needle); i++ {
			if needle[i] >= 0x80 {
				return strings.Contains(model.FoldForSearch(s), needle)
			}
		}
		return strings.Contains(asciiLower(s), needle)
	}
	rows := []int32{}
	for pos := range ix.Len() {
		it := ix.At(pos)
		d := it.Date()
		if !f.Since.IsZero() && (d.IsZero() || d.Latest() < f.Since.Earliest()) {
			continue
		}
		if !f.Until.IsZero() && (d.IsZero() || d.Earliest() > f.Until.Latest()) {
			continue
		}
		actors := ix.ItemActors(pos)
		if len(f.Actors) > 0 && !slices.ContainsFunc(actors, func(a *model.Actor) bool { return wantActor[a.ID] }) {
			continue
		}
		if len(f.Topics) > 0 && !slices.ContainsFunc(ix.ItemTopics(pos), func(t *model.Topic) bool { return wantTopic[t.ID] }) {
			continue
		}
		if f.Text != "" {
			hit := contains(ix.Title(pos)) || contains(it.Text())
			for _, a := range actors {
				hit = hit || contains(a.Name) || slices.ContainsFunc(a.Aliases, contains)
			}
			if !hit {
				continue
			}
		}
		rows = append(rows, int32(pos))
	}
	return rows
}

func asciiLower(s string) string {
	b := []byte(s)
	for i, c := range b {
		if 'A' <= c && c <= 'Z' {
			b[i] = c + 'a' - 'A'
		}
	}
	return string(b)
}

// Query and QueryFirst give what a plain full scan gives, over random
// actor and topic sets, random pieces of real titles and notes, and dates,
// on a story big enough for the parallel scan.
func TestQueryEqualsFullScan(t *testing.T) {
	events := 40_000
	if testing.Short() {
		events = 4_000
	}
	s := gen.Story(gen.Config{Events: events, Seed: 21})
	ix := model.NewIndex(s)
	r := rand.New(rand.NewPCG(5, 6))
	piece := func() string {
		pos := r.IntN(ix.Len())
		src := ix.Title(pos)
		if r.IntN(2) == 0 {
			src = ix.At(pos).Text()
		}
		if src == "" {
			return "x"
		}
		i := r.IntN(len(src))
		j := min(len(src), i+1+r.IntN(10))
		p := src[i:j]
		switch r.IntN(4) {
		case 0:
			p = strings.ToUpper(p)
		case 1:
			p += "zq" // matches nothing, or nearly
		}
		return p
	}
	day := func() edtf.Date {
		return edtf.MustParse([]string{"2019-06", "2020-02-29", "2021", "2022-11-03", "2024-12"}[r.IntN(5)])
	}
	ctx := context.Background()
	// The first half scans the items (in the story's order from a few
	// on), the second the search text.
	defer model.ScanInStoryOrder()()
	for i := range 150 {
		if i == 75 {
			ix.PrepareSearch()
		}
		var f model.Filter
		for range r.IntN(3) {
			f.Actors = append(f.Actors, s.Actors[r.IntN(len(s.Actors))].ID)
		}
		for range r.IntN(2) {
			f.Topics = append(f.Topics, s.Topics[r.IntN(len(s.Topics))].ID)
		}
		if r.IntN(3) > 0 {
			f.Text = piece()
		}
		if r.IntN(5) == 0 {
			f.Since = day()
		}
		if r.IntN(5) == 0 {
			f.Until = day()
		}
		want := naiveQuery(ix, f)
		got := ix.Query(f)
		if !slices.Equal(got, want) {
			t.Fatalf("query %d %+v: Query gives %d rows, a full scan %d", i, f, len(got), len(want))
		}
		for _, n := range []int{1, 40, 5000} {
			first, err := ix.QueryFirst(ctx, f, n)
			if err != nil || !slices.Equal(first, want[:min(n, len(want))]) {
				t.Fatalf("query %d %+v: QueryFirst(%d) gives %d rows (%v), want the first %d of the full scan", i, f, n, len(first), err, min(n, len(want)))
			}
		}
	}
}

// A cancelled context stops Query and QueryFirst with its error.
func TestQueryCancelled(t *testing.T) {
	ix := model.NewIndex(gen.Story(gen.Config{Events: 50_000, Seed: 2}))
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, err := ix.QueryContext(ctx, model.Filter{Text: "nothing matches this"}); err == nil {
		t.Error("QueryContext ignored a cancelled context")
	}
	if _, err := ix.QueryFirst(ctx, model.Filter{Text: "nothing matches this"}, 40); err == nil {
		t.Error("QueryFirst ignored a cancelled context")
	}
}

// IndexFold finds the first match, as a plain lower-case search does.
func TestIndexFoldFindsTheFirstMatch(t *testing.T) {
	r := rand.New(rand.NewPCG(7, 8))
	alphabet := []string{"a", "A", "b", "B", "k", "K", "z", "Z", " ", ".", "-", "é"}
	rnd := func(n int) string {
		var b strings.Builder
		for range n {
			b.WriteString(alphabet[r.IntN(len(alphabet))])
		}
		return b.String()
	}
	for range 20000 {
		s, needle := rnd(r.IntN(40)), strings.ToLower(rnd(1+r.IntN(4)))
		want := strings.Index(asciiLower(s), needle)
		if got := model.IndexFold(s, needle); got != want {
			t.Fatalf("IndexFold(%q, %q) = %d, want %d", s, needle, got, want)
		}
	}
}

// A statement's made-up title opens its quote as Fields and Join would,
// cut at 59 characters and an ellipsis past 60.
func TestAppendOpening(t *testing.T) {
	r := rand.New(rand.NewPCG(9, 10))
	parts := []string{"a", "bc", " ", "  ", "\n", "\t", "é", "日本", "word", "\u00a0"}
	for range 5000 {
		var b strings.Builder
		for range r.IntN(40) {
			b.WriteString(parts[r.IntN(len(parts))])
		}
		q := b.String()
		want := strings.Join(strings.Fields(q), " ")
		if rs := []rune(want); len(rs) > 60 {
			want = string(rs[:59]) + "…"
		}
		if got := string(model.AppendOpening(nil, q, 60)); got != want {
			t.Fatalf("opening of %q = %q, want %q", q, got, want)
		}
	}
}

// Typing a search a character at a time, with an actor filter or without,
// gives at each step what a full scan gives, though the index narrows each
// step to what the step before it matched.
func TestTypedSearchEqualsFullScan(t *testing.T) {
	s := gen.Story(gen.Config{Events: 5_000, Seed: 8})
	ix := model.NewIndex(s)
	ctx := context.Background()
	for _, typed := range []string{ix.Title(17), "ambush at dawn", strings.ToUpper(ix.At(99).Text()[:12]), "Military"} {
		for _, actors := range [][]string{nil, {s.Actors[0].ID}} {
			for i := 1; i <= len(typed); i++ {
				f := model.Filter{Text: typed[:i], Actors: actors}
				want := naiveQuery(ix, f)
				first, err := ix.QueryFirst(ctx, f, 40)
				if err != nil || !slices.Equal(first, want[:min(40, len(want))]) {
					t.Fatalf("%q: QueryFirst gives %d rows, want %d", f.Text, len(first), min(40, len(want)))
				}
				if got := ix.Query(f); !slices.Equal(got, want) {
					t.Fatalf("%q: Query gives %d rows, want %d", f.Text, len(got), len(want))
				}
			}
		}
	}
}

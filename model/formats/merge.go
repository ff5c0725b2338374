package formats

import (
	"fmt"
	"path/filepath"
	"reflect"
	"slices"
	"strconv"
	"strings"

	"github.com/dateline/dateline/model"
	"github.com/dateline/dateline/model/text"
)

// Merge puts several stories into one, in the order given; names are their
// files, for warnings. Ids are unique across a story, so where a later
// story uses an id an earlier one has:
//
//   - if both name the same thing in the same words (one actor, topic,
//     source, event or statement, equal in every field), it is kept once:
//     two exports of the same data overlap;
//   - otherwise the later one is renamed "stem.id", stem being a slug of
//     its file's name without extension, with every reference to it in its
//     own story, and a warning names both files.
//
// Two positions of one actor on one topic with the same stance become one
// with the evidence of both; with different stances the first is kept and
// a warning says so. The title is the titles joined with " + ".
func Merge(names []string, stories []*model.Story) (*model.Story, model.Problems) {
	if len(stories) == 1 {
		return stories[0], nil
	}
	m := &merger{out: &model.Story{}, owner: map[string]owner{}, position: map[[2]string]int{}}
	var titles, descs []string
	for k, s := range stories {
		if s.Title != "" && !slices.Contains(titles, s.Title) {
			titles = append(titles, s.Title)
		}
		if s.Description != "" {
			descs = append(descs, s.Description)
		}
		m.out.Ranged = m.out.Ranged || s.Ranged
		m.add(k, names, s)
	}
	m.out.Title = strings.Join(titles, " + ")
	m.out.Description = strings.Join(descs, "\n\n")
	return m.out, m.warns
}

// owner is the file and thing an id names in the merged story.
type owner struct {
	kind    string
	file    int
	item    any  // the thing itself, for the equality test and warnings
	renamed bool // the id is a rename's, which no later thing can equal
}

type merger struct {
	out      *model.Story
	owner    map[string]owner
	position map[[2]string]int // actor, topic → index in out.Positions
	warns    model.Problems
}

func (m *merger) warn(file string, format string, args ...any) {
	m.warns = append(m.warns, model.Problem{File: file, Warning: true, Msg: fmt.Sprintf(format, args...)})
}

// add merges story k into the result.
func (m *merger) add(k int, names []string, s *model.Story) {
	name := names[k]
	stem := model.Slug(strings.TrimSuffix(filepath.Base(name), filepath.Ext(name)))
	if stem == "" {
		stem = "file" + strconv.Itoa(k+1)
	}
	own := map[string]bool{} // the ids story k declares
	for _, id := range declared(s) {
		own[id] = true
	}
	// claim decides the id of one thing of story k: its own (new, or shared
	// with an equal thing), or a namespaced one. It reports whether the
	// thing is to be added.
	rename := map[string]string{}
	same := map[int][]string{} // earlier file → ids of equal events and statements
	claim := func(kind, id string, item any) bool {
		o, taken := m.owner[id]
		if !taken {
			m.owner[id] = owner{kind, k, item, false}
			return true
		}
		if o.kind == kind && !o.renamed && reflect.DeepEqual(o.item, item) {
			if kind == "event" || kind == "statement" {
				same[o.file] = append(same[o.file], id)
			}
			return false
		}
		nid := stem + "." + id
		for n := 2; ; n++ {
			if _, clash := m.owner[nid]; !clash && !own[nid] {
				break
			}
			nid = stem + "." + id + "-" + strconv.Itoa(n)
		}
		rename[id] = nid
		m.owner[nid] = owner{kind, k, item, true}
		m.warn(name, "id %q is also used in %s (%s there); this file's %s is %q in the merged story",
			id, text.CleanName(names[o.file]), thing(o.kind, o.item), kind, nid)
		return true
	}

	// Sources, topics and actors first: events and statements are compared
	// after their references to them are renamed.
	var sources []model.Source
	for _, x := range s.Sources {
		if claim("source", x.ID, x) {
			sources = append(sources, x)
		}
	}
	var topics []model.Topic
	for _, x := range s.Topics {
		if claim("topic", x.ID, x) {
			topics = append(topics, x)
		}
	}
	var actors []model.Actor
	for _, x := range s.Actors {
		if claim("actor", x.ID, x) {
			actors = append(actors, x)
		}
	}
	events := slices.Clone(s.Events)
	statements := slices.Clone(s.Statements)
	renameRefs(rename, nil, nil, nil, events, statements, nil)
	firstRound := len(rename)
	keepEvent := make([]bool, len(events))
	for i, x := range events {
		keepEvent[i] = claim("event", x.ID, x)
	}
	keepStatement := make([]bool, len(statements))
	for i, x := range statements {
		keepStatement[i] = claim("statement", x.ID, x)
	}
	for f := range k {
		if ids := same[f]; len(ids) > 0 {
			m.warn(name, "%d %s also in %s, the same in every field, and kept once: %s",
				len(ids), text.Plural(len(ids), "event or statement is", "events and statements are"), names[f], quoteSome(ids, 5))
		}
	}
	positions := slices.Clone(s.Positions)
	renameRefs(rename, sources, topics, actors, nil, nil, positions)
	if len(rename) > firstRound {
		// Statements react to events, and may have been renamed themselves.
		renameRefs(rename, nil, nil, nil, events, statements, nil)
	}
	m.out.Sources = append(m.out.Sources, sources...)
	m.out.Topics = append(m.out.Topics, topics...)
	m.out.Actors = append(m.out.Actors, actors...)
	for i, x := range events {
		if keepEvent[i] {
			m.out.Events = append(m.out.Events, x)
		}
	}
	for i, x := range statements {
		if keepStatement[i] {
			m.out.Statements = append(m.out.Statements, x)
		}
	}
	for _, p := range positions {
		key := [2]string{p.Actor, p.Topic}
		at, dup := m.position[key]
		if !dup {
			m.position[key] = len(m.out.Positions)
			m.out.Positions = append(m.out.Positions, p)
			continue
		}
		q := &m.out.Positions[at]
		if q.Stance != p.Stance {
			m.warn(name, "the position of %q on %q here (%s) differs from an earlier file's (%s); the earlier one is kept", p.Actor, p.Topic, p.Stance, q.Stance)
			continue
		}
		ev := slices.Clone(q.Evidence)
		have := make(map[string]bool, len(ev)+len(p.Evidence)) // constant time a check
		for _, e := range ev {
			have[e] = true
		}
		for _, e := range p.Evidence {
			if !have[e] {
				have[e] = true
				ev = append(ev, e)
			}
		}
		q.Evidence = ev
	}
}

// declared lists every id a story declares.
func declared(s *model.Story) []string {
	var ids []string
	for _, x := range s.Sources {
		ids = append(ids, x.ID)
	}
	for _, x := range s.Actors {
		ids = append(ids, x.ID)
	}
	for _, x := range s.Topics {
		ids = append(ids, x.ID)
	}
	for _, x := range s.Events {
		ids = append(ids, x.ID)
	}
	for _, x := range s.Statements {
		ids = append(ids, x.ID)
	}
	return ids
}

// renamed is xs with the id at id(x) in each element renamed by r: a copy
// when any id changes, xs itself when none does, so that a slice that
// importers share between items is never written to.
func renamed[T any](xs []T, id func(*T) *string, r func(string) string) []T {
	var out []T
	for i := range xs {
		old := *id(&xs[i])
		if n := r(old); n != old {
			if out == nil {
				out = slices.Clone(xs)
			}
			*id(&out[i]) = n
		}
	}
	if out == nil {
		return xs
	}
	return out
}

// renameRefs applies the renames to the ids and references of the things
// given, in place. Slices inside them are replaced, never written to, as
// importers share them between items.
func renameRefs(rename map[string]string, sources []model.Source, topics []model.Topic, actors []model.Actor,
	events []model.Event, statements []model.Statement, positions []model.Position) {
	if len(rename) == 0 {
		return
	}
	r := func(id string) string {
		if n, ok := rename[id]; ok {
			return n
		}
		return id
	}
	for i := range sources {
		sources[i].ID = r(sources[i].ID)
	}
	for i := range topics {
		topics[i].ID = r(topics[i].ID)
	}
	for i := range actors {
		a := &actors[i]
		a.ID, a.Parent = r(a.ID), r(a.Parent)
	}
	ids := func(xs []string) []string { return renamed(xs, func(x *string) *string { return x }, r) }
	for i := range events {
		e := &events[i]
		e.ID = r(e.ID)
		e.Topics = ids(e.Topics)
		e.Citations = renamed(e.Citations, func(c *model.Citation) *string { return &c.Source }, r)
		e.Actors = renamed(e.Actors, func(x *model.Role) *string { return &x.Actor }, r)
	}
	for i := range statements {
		st := &statements[i]
		st.ID, st.Speaker, st.ReactsTo = r(st.ID), r(st.Speaker), r(st.ReactsTo)
		st.Citation.Source = r(st.Citation.Source)
		st.Stances = renamed(st.Stances, func(x *model.TopicStance) *string { return &x.Topic }, r)
	}
	for i := range positions {
		p := &positions[i]
		p.Actor, p.Topic = r(p.Actor), r(p.Topic)
		p.Evidence = ids(p.Evidence)
	}
}

func withArticle(kind string) string {
	if kind != "" && strings.ContainsRune("aeiou", rune(kind[0])) {
		return "an " + kind
	}
	return "a " + kind
}

// thing names a thing of a kind for a warning: an actor "Putin", a
// statement by "putin", or just an actor when it has no name to give.
func thing(kind string, item any) string {
	if d := describe(item); d != "" && d != `""` && d != `by ""` {
		return withArticle(kind) + " " + d
	}
	return withArticle(kind) + " with no name"
}

// describe names a thing briefly for a warning.
func describe(item any) string {
	switch x := item.(type) {
	case model.Actor:
		return strconv.Quote(x.Name)
	case model.Topic:
		return strconv.Quote(x.Title)
	case model.Source:
		return strconv.Quote(strings.TrimSpace(x.Outlet + " " + x.Title))
	case model.Event:
		return strconv.Quote(x.Title)
	case model.Statement:
		return "by " + strconv.Quote(x.Speaker)
	}
	return ""
}

// quoteSome quotes the first n ids and counts the rest.
func quoteSome(ids []string, n int) string {
	var qs []string
	for _, id := range ids[:min(n, len(ids))] {
		qs = append(qs, strconv.Quote(id))
	}
	out := strings.Join(qs, ", ")
	if len(ids) > n {
		out += fmt.Sprintf(" and %d more", len(ids)-n)
	}
	return out
}

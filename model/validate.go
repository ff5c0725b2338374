package model

import (
	"fmt"
	"slices"
	"strings"

	"github.com/dateline/dateline/model/edtf"
)

// validator checks a decoded story's references and rules, collecting
// every issue with the path it concerns.
type validator struct {
	s      *Story
	issues []issue
	// ids maps every id to the path of the thing it names; ids are unique
	// across all kinds so that one id names one thing.
	ids                                         map[string]path
	actors, topics, sources, events, statements []string
	isKind                                      map[string]string
}

func (v *validator) fail(at path, format string, args ...any) {
	v.issues = append(v.issues, issue{at: at, msg: fmt.Sprintf(format, args...)})
}

// validate checks s and returns every issue found.
func validate(s *Story) []issue {
	v := &validator{s: s, ids: map[string]path{}, isKind: map[string]string{}}
	for i, x := range s.Sources {
		v.declare(path{"sources", i}, x.ID, "source", &v.sources)
	}
	for i, x := range s.Actors {
		v.declare(path{"actors", i}, x.ID, "actor", &v.actors)
	}
	for i, x := range s.Topics {
		v.declare(path{"topics", i}, x.ID, "topic", &v.topics)
	}
	for i, x := range s.Events {
		v.declare(path{"events", i}, x.ID, "event", &v.events)
	}
	for i, x := range s.Statements {
		v.declare(path{"statements", i}, x.ID, "statement", &v.statements)
	}
	v.checkActors()
	v.checkTopics()
	v.checkEvents()
	v.checkStatements()
	v.checkPositions()
	return v.issues
}

func (v *validator) declare(at path, id, kind string, list *[]string) {
	switch {
	case id == "":
		v.fail(at, "this %s has no id; give it one, such as %q", kind, "my-"+kind)
		return
	case !ValidID(id):
		v.fail(at.with("id"), "id %q is not valid: use lowercase letters, digits, '.', '_' and '-', starting with a letter or digit", id)
	}
	if first, dup := v.ids[id]; dup {
		v.issues = append(v.issues, issue{at: at.with("id"), also: first,
			msg: fmt.Sprintf("duplicate id %q: ids must be unique across the story; rename this one or the %s it already names", id, v.isKind[id])})
		return
	}
	v.ids[id] = at
	v.isKind[id] = kind
	*list = append(*list, id)
}

// ref checks that id names a thing of the wanted kind.
func (v *validator) ref(at path, field, id, kind string, valid []string) bool {
	if id == "" {
		v.fail(at, "%s is empty; name a %s id", field, kind)
		return false
	}
	if v.isKind[id] == kind {
		return true
	}
	if other, ok := v.isKind[id]; ok {
		v.fail(at, "%s %q names %s, not %s", field, id, withArticle(other), withArticle(kind))
		return false
	}
	if len(valid) == 0 {
		v.fail(at, "%s %q is not %s: the story has no %ss; add one under %ss:", field, id, withArticle(kind), kind, kind)
		return false
	}
	v.fail(at, "%s %q is not %s%s; the %ss are: %s", field, id, withArticle(kind), didYouMean(id, valid), kind, quoteList(valid, 12))
	return false
}

// withArticle puts "a" or "an" before a kind: "an actor", "a topic".
func withArticle(kind string) string {
	if kind != "" && strings.ContainsRune("aeiou", rune(kind[0])) {
		return "an " + kind
	}
	return "a " + kind
}

func (v *validator) required(at path, field, value string) {
	if value == "" {
		v.fail(at, "%s is missing; add %s: to this entry", field, field)
	}
}

func (v *validator) checkActors() {
	for i, a := range v.s.Actors {
		at := path{"actors", i}
		v.required(at, "name", a.Name)
		if a.Kind == "" {
			v.fail(at, "kind is missing; add kind: one of %s", quoteList(kindNames(), 10))
		} else if !slices.Contains(ActorKinds, a.Kind) {
			v.fail(at.with("kind"), "kind %q is not an actor kind%s; use one of %s", a.Kind, didYouMean(string(a.Kind), kindNames()), quoteList(kindNames(), 10))
		}
		if a.Parent != "" {
			v.ref(at.with("parent"), "parent", a.Parent, "actor", v.actors)
		}
	}
	// A parent chain must end; a cycle would make "descendants" endless.
	parent := map[string]string{}
	for _, a := range v.s.Actors {
		parent[a.ID] = a.Parent
	}
	// Only the actors on a cycle are reported: one that merely hangs under
	// a cycle is not its own ancestor.
	for i, a := range v.s.Actors {
		seen := map[string]bool{}
		for p := parent[a.ID]; p != "" && !seen[p]; p = parent[p] {
			if p == a.ID {
				v.fail(path{"actors", i, "parent"}, "actor %q is its own ancestor (a parent cycle through %q); break the cycle", a.ID, a.Parent)
				break
			}
			seen[p] = true
		}
	}
}

func kindNames() []string {
	out := make([]string, len(ActorKinds))
	for i, k := range ActorKinds {
		out[i] = string(k)
	}
	return out
}

func stanceNames() []string {
	out := make([]string, len(Stances))
	for i, s := range Stances {
		out[i] = string(s)
	}
	return out
}

func (v *validator) checkTopics() {
	for i, t := range v.s.Topics {
		v.required(path{"topics", i}, "title", t.Title)
	}
}

func (v *validator) checkCitation(at path, c Citation) {
	v.ref(at.with("source"), "source", c.Source, "source", v.sources)
	if c.Paragraph < 0 {
		v.fail(at.with("paragraph"), "paragraph %d is not a paragraph number; count from 1", c.Paragraph)
	}
}

func (v *validator) checkEvents() {
	for i, e := range v.s.Events {
		at := path{"events", i}
		v.required(at, "title", e.Title)
		for j, r := range e.Actors {
			v.ref(at.with("actors", j, "actor"), "actor", r.Actor, "actor", v.actors)
		}
		for j, t := range e.Topics {
			v.ref(at.with("topics", j), "topic", t, "topic", v.topics)
		}
		for j, c := range e.Citations {
			v.checkCitation(at.with("citations", j), c)
		}
	}
}

func (v *validator) checkStance(at path, s Stance) {
	if s == StanceNone {
		v.fail(at, "stance %q is what dateline shows where nothing is recorded; leave the entry out instead", s)
		return
	}
	if !slices.Contains(Stances, s) {
		v.fail(at, "stance %q is not a stance%s; use one of %s", s, didYouMean(string(s), stanceNames()), quoteList(stanceNames(), 10))
	}
}

func (v *validator) checkStatements() {
	for i, s := range v.s.Statements {
		at := path{"statements", i}
		if s.Speaker == "" {
			v.fail(at, "speaker is missing; add speaker: with the id of the actor who said it")
		} else {
			v.ref(at.with("speaker"), "speaker", s.Speaker, "actor", v.actors)
		}
		v.required(at, "quote", s.Quote)
		for j, ts := range s.Stances {
			if v.ref(at.with("stances", j), "stance on topic", ts.Topic, "topic", v.topics) {
				v.checkStance(at.with("stances", ts.Topic), ts.Stance)
			} else {
				v.issues[len(v.issues)-1].atKey = true // the topic is the key
			}
		}
		if s.ReactsTo != "" {
			v.ref(at.with("reacts_to"), "reacts_to", s.ReactsTo, "event", v.events)
		}
		if s.Citation.Source != "" || s.Citation.Paragraph != 0 || s.Citation.Wording != "" {
			v.checkCitation(at.with("citation"), s.Citation)
		}
	}
}

// pairDay is an actor, a topic and the day a position of theirs takes effect.
type pairDay struct {
	actor, topic string
	day          edtf.Day
}

func (v *validator) checkPositions() {
	seen := map[pairDay]int{}
	dates := make(map[string]edtf.Date, len(v.s.Events)+len(v.s.Statements))
	for _, e := range v.s.Events {
		dates[e.ID] = e.Date
	}
	for _, st := range v.s.Statements {
		dates[st.ID] = st.Date
	}
	dateOf := func(id string) (edtf.Date, bool) { d, ok := dates[id]; return d, ok }
	evidence := slices.Concat(v.events, v.statements)
	for i, p := range v.s.Positions {
		at := path{"positions", i}
		okActor := p.Actor != "" && v.ref(at.with("actor"), "actor", p.Actor, "actor", v.actors)
		okTopic := p.Topic != "" && v.ref(at.with("topic"), "topic", p.Topic, "topic", v.topics)
		if p.Actor == "" {
			v.fail(at, "actor is missing; add actor: with the id of the actor who holds this position")
		}
		if p.Topic == "" {
			v.fail(at, "topic is missing; add topic: with the id of the topic this position is on")
		}
		if p.Stance == "" {
			v.fail(at, "stance is missing; add stance: one of %s", quoteList(stanceNames(), 10))
		} else {
			v.checkStance(at.with("stance"), p.Stance)
		}
		if len(p.Evidence) == 0 {
			v.fail(at, "position of %q on %q has no evidence; list the statement or event ids it rests on under evidence:", p.Actor, p.Topic)
		}
		for j, id := range p.Evidence {
			switch v.isKind[id] {
			case "event", "statement":
			case "":
				v.fail(at.with("evidence", j), "evidence %q is not an event or statement%s; list the ids of the events and statements the position rests on", id, didYouMean(id, evidence))
			default:
				v.fail(at.with("evidence", j), "evidence %q names a %s; evidence must be an event or statement id", id, v.isKind[id])
			}
		}
		if okActor && okTopic {
			// Steps of one pair must differ in date, or "as of" has no answer.
			d := EffectiveDate(&v.s.Positions[i], dateOf)
			k := pairDay{p.Actor, p.Topic, stepDay(d)}
			first, dup := seen[k]
			switch {
			case !dup:
				seen[k] = i
			case d.IsZero():
				v.issues = append(v.issues, issue{at: at, also: path{"positions", first},
					msg: fmt.Sprintf("a second undated position of %q on %q; give each a date: with the day its stance took effect, or merge them", p.Actor, p.Topic)})
			default:
				where := at
				if !p.Date.IsZero() {
					where = at.with("date")
				}
				v.issues = append(v.issues, issue{at: where, also: path{"positions", first},
					msg: fmt.Sprintf("a second position of %q on %q taking effect on %s; give each step its own date: (the day its stance took effect), or merge them", p.Actor, p.Topic, stepDay(d))})
			}
		}
	}
}

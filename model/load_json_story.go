package model

import (
	"github.com/dateline/dateline/model/internal/huge"
)

// The fast path's field decoders: one function a type of the story, each
// reading the fields it knows and marking which it has seen, with no
// reflection (see load_json.go).

// exact copies a list read into scratch space to a slice of its length
// in sl, which stays empty but not nil for an empty list: no growing and
// no spare capacity, which add up over a million events.
func exact[T any](sl *huge.Slab[T], xs []T) []T {
	if len(xs) == 0 {
		return []T{}
	}
	return sl.Keep(xs)
}

// eventBytes is about what an event takes in a file, to size the list of
// events from the size of the file.
const eventBytes = 600

// story reads the whole document. size hints at how many events to expect.
func (r *jsonReader) story(s *Story, size int) {
	r.object(func(key string) uint64 {
		switch key {
		case "title":
			s.Title = r.text(false)
			return 1 << 0
		case "description":
			s.Description = r.text(true)
			return 1 << 1
		case "sources":
			nonNil(r.list(func() { s.Sources = append(s.Sources, Source{}); r.source(&s.Sources[len(s.Sources)-1]) }), &s.Sources)
			return 1 << 2
		case "actors":
			nonNil(r.list(func() { s.Actors = append(s.Actors, Actor{}); r.actor(&s.Actors[len(s.Actors)-1]) }), &s.Actors)
			return 1 << 3
		case "topics":
			nonNil(r.list(func() { s.Topics = append(s.Topics, Topic{}); r.topic(&s.Topics[len(s.Topics)-1]) }), &s.Topics)
			return 1 << 4
		case "events":
			if s.Events == nil && r.peek() == '[' {
				s.Events = make([]Event, 0, size/eventBytes+1)
			}
			nonNil(r.list(func() { s.Events = append(s.Events, Event{}); r.event(&s.Events[len(s.Events)-1]) }), &s.Events)
			return 1 << 5
		case "statements":
			nonNil(r.list(func() {
				s.Statements = append(s.Statements, Statement{})
				r.statement(&s.Statements[len(s.Statements)-1])
			}), &s.Statements)
			return 1 << 6
		case "positions":
			nonNil(r.list(func() { s.Positions = append(s.Positions, Position{}); r.position(&s.Positions[len(s.Positions)-1]) }), &s.Positions)
			return 1 << 7
		}
		return 0
	})
}

func (r *jsonReader) source(x *Source) {
	r.object(func(key string) uint64 { return r.sourceField(x, key) })
}

// sourceField reads the value of field key into x and returns the
// field's bit, or 0 for a key that is not a field.
func (r *jsonReader) sourceField(x *Source, key string) uint64 {
	switch key {
	case "id":
		x.ID = r.ref()
		return 1 << 0
	case "outlet":
		x.Outlet = r.text(false)
		return 1 << 1
	case "title":
		x.Title = r.text(false)
		return 1 << 2
	case "url":
		x.URL = r.text(false)
		return 1 << 3
	case "published":
		x.Published = r.date()
		return 1 << 4
	case "as_of":
		x.AsOf = r.date()
		return 1 << 5
	}
	return 0
}

func (r *jsonReader) actor(x *Actor) {
	r.object(func(key string) uint64 { return r.actorField(x, key) })
}

// actorField reads the value of field key into x and returns the
// field's bit, or 0 for a key that is not a field.
func (r *jsonReader) actorField(x *Actor, key string) uint64 {
	switch key {
	case "id":
		x.ID = r.ref()
		return 1 << 0
	case "name":
		x.Name = r.text(false)
		return 1 << 1
	case "kind":
		x.Kind = ActorKind(r.ref())
		return 1 << 2
	case "parent":
		x.Parent = r.ref()
		return 1 << 3
	case "aliases":
		nonNil(r.list(func() { x.Aliases = append(x.Aliases, r.text(false)) }), &x.Aliases)
		return 1 << 4
	case "description":
		x.Description = r.text(true)
		return 1 << 5
	}
	return 0
}

func (r *jsonReader) topic(x *Topic) {
	r.object(func(key string) uint64 { return r.topicField(x, key) })
}

// topicField reads the value of field key into x and returns the
// field's bit, or 0 for a key that is not a field.
func (r *jsonReader) topicField(x *Topic, key string) uint64 {
	switch key {
	case "id":
		x.ID = r.ref()
		return 1 << 0
	case "title":
		x.Title = r.text(false)
		return 1 << 1
	case "description":
		x.Description = r.text(true)
		return 1 << 2
	}
	return 0
}

func (r *jsonReader) citation(x *Citation) {
	r.object(func(key string) uint64 { return r.citationField(x, key) })
}

// citationField reads the value of field key into x and returns the
// field's bit, or 0 for a key that is not a field.
func (r *jsonReader) citationField(x *Citation, key string) uint64 {
	switch key {
	case "source":
		x.Source = r.ref()
		return 1 << 0
	case "paragraph":
		x.Paragraph = r.integer()
		return 1 << 1
	case "wording":
		x.Wording = r.text(false)
		return 1 << 2
	}
	return 0
}

func (r *jsonReader) event(x *Event) {
	r.object(func(key string) uint64 { return r.eventField(x, key) })
}

// eventField reads the value of field key into x and returns the
// field's bit, or 0 for a key that is not a field.
func (r *jsonReader) eventField(x *Event, key string) uint64 {
	switch key {
	case "id":
		x.ID = r.text(false)
		return 1 << 0
	case "date":
		x.Date = r.date()
		return 1 << 1
	case "title":
		x.Title = r.text(false)
		return 1 << 2
	case "summary":
		x.Summary = r.summary()
		return 1 << 3
	case "actors":
		r.roles = r.roles[:0]
		if r.list(func() {
			r.roles = append(r.roles, Role{})
			role := &r.roles[len(r.roles)-1]
			r.object(func(key string) uint64 {
				switch key {
				case "actor":
					role.Actor = r.ref()
					return 1 << 0
				case "role":
					role.Role = r.ref()
					return 1 << 1
				}
				return 0
			})
		}) {
			x.Actors = exact(&r.roleSlab, r.roles)
		}
		return 1 << 4
	case "topics":
		x.Topics = r.strings()
		return 1 << 5
	case "citations":
		r.cites = r.cites[:0]
		if r.list(func() { r.cites = append(r.cites, Citation{}); r.citation(&r.cites[len(r.cites)-1]) }) {
			x.Citations = exact(&r.citeSlab, r.cites)
		}
		return 1 << 6
	}
	return 0
}

func (r *jsonReader) statement(x *Statement) {
	r.object(func(key string) uint64 { return r.statementField(x, key) })
}

// statementField reads the value of field key into x and returns the
// field's bit, or 0 for a key that is not a field.
func (r *jsonReader) statementField(x *Statement, key string) uint64 {
	switch key {
	case "id":
		x.ID = r.text(false)
		return 1 << 0
	case "speaker":
		x.Speaker = r.ref()
		return 1 << 1
	case "date":
		x.Date = r.date()
		return 1 << 2
	case "title":
		x.Title = r.text(false)
		return 1 << 3
	case "quote":
		x.Quote = r.text(true)
		return 1 << 4
	case "paraphrase":
		x.Paraphrase = r.boolean()
		return 1 << 5
	case "stances":
		if r.literal("null") {
			return 1 << 6
		}
		x.Stances = []TopicStance{}
		var seen []string
		r.object(func(topic string) uint64 {
			t := r.intern([]byte(topic))
			for _, s := range seen {
				if s == t {
					r.fail() // a repeated topic: the slow path says so
				}
			}
			seen = append(seen, t)
			if r.peek() != '"' {
				r.fail() // YAML reads null here as the stance "null"
				return 1
			}
			x.Stances = append(x.Stances, TopicStance{Topic: t, Stance: Stance(r.ref())})
			return 1 << min(len(seen)-1, 63)
		})
		return 1 << 6
	case "reacts_to":
		x.ReactsTo = r.text(false)
		return 1 << 7
	case "citation":
		if !r.literal("null") {
			r.citation(&x.Citation)
		}
		return 1 << 8
	}
	return 0
}

func (r *jsonReader) position(x *Position) {
	r.object(func(key string) uint64 { return r.positionField(x, key) })
}

// positionField reads the value of field key into x and returns the
// field's bit, or 0 for a key that is not a field.
func (r *jsonReader) positionField(x *Position, key string) uint64 {
	switch key {
	case "actor":
		x.Actor = r.ref()
		return 1 << 0
	case "topic":
		x.Topic = r.ref()
		return 1 << 1
	case "stance":
		x.Stance = Stance(r.ref())
		return 1 << 2
	case "summary":
		x.Summary = r.text(true)
		return 1 << 3
	case "evidence":
		nonNil(r.list(func() { x.Evidence = append(x.Evidence, r.text(false)) }), &x.Evidence)
		return 1 << 4
	case "date":
		x.Date = r.date()
		return 1 << 5
	}
	return 0
}

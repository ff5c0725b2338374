package model

import (
	"github.com/dateline/dateline/model/edtf"
	"github.com/dateline/dateline/model/text"
)

// Story is everything dateline knows about one story. Slices keep the order
// of the file; the Index gives time order.
type Story struct {
	Title       string      `json:"title,omitempty" yaml:"title,omitempty"`
	Description string      `json:"description,omitempty" yaml:"description,omitempty"`
	Sources     []Source    `json:"sources,omitempty" yaml:"sources,omitempty"`
	Actors      []Actor     `json:"actors,omitempty" yaml:"actors,omitempty"`
	Topics      []Topic     `json:"topics,omitempty" yaml:"topics,omitempty"`
	Events      []Event     `json:"events,omitempty" yaml:"events,omitempty"`
	Statements  []Statement `json:"statements,omitempty" yaml:"statements,omitempty"`
	Positions   []Position  `json:"positions,omitempty" yaml:"positions,omitempty"`

	// Cleaned notes, by event or statement id, what loading removed or
	// replaced in the item's text to keep the terminal safe, so that the
	// reader can be told. It is not part of the file format.
	Cleaned map[string]text.CleanStats `json:"-" yaml:"-"`

	// Ranged says the reader left rows outside a date range unread
	// (Parquet's row groups and partitions outside --since and --until):
	// an actor or topic not in the story may be in the file, elsewhere.
	Ranged bool `json:"-" yaml:"-"`

	// refill fetches back what a lean load left out (lean.go).
	refill func(events []int32) error
}

// Source is a document the story cites.
type Source struct {
	ID     string `json:"id" yaml:"id"`
	Outlet string `json:"outlet,omitempty" yaml:"outlet,omitempty"`
	Title  string `json:"title,omitempty" yaml:"title,omitempty"`
	URL    string `json:"url,omitempty" yaml:"url,omitempty"`
	// Published is the date the source appeared.
	Published edtf.Date `json:"published,omitzero" yaml:"published,omitempty"`
	// AsOf is the source's reference date: the day its text was written,
	// which resolves words such as "last Friday".
	AsOf edtf.Date `json:"as_of,omitzero" yaml:"as_of,omitempty"`
}

// ActorKind says what sort of actor an actor is.
type ActorKind string

// The kinds of actor.
const (
	KindPerson       ActorKind = "person"
	KindGovernment   ActorKind = "government"
	KindOrganisation ActorKind = "organisation"
	KindMedia        ActorKind = "media"
	KindGroup        ActorKind = "group"
)

// ActorKinds lists every valid ActorKind, in the order help text shows them.
var ActorKinds = []ActorKind{KindPerson, KindGovernment, KindOrganisation, KindMedia, KindGroup}

// Actor is a person, government, organisation, outlet or group that acts or
// speaks in the story.
type Actor struct {
	ID          string    `json:"id" yaml:"id"`
	Name        string    `json:"name" yaml:"name"`
	Kind        ActorKind `json:"kind" yaml:"kind"`
	Parent      string    `json:"parent,omitempty" yaml:"parent,omitempty"`
	Aliases     []string  `json:"aliases,omitempty" yaml:"aliases,omitempty"`
	Description string    `json:"description,omitempty" yaml:"description,omitempty"`
}

// Topic is a question on which actors take positions.
type Topic struct {
	ID          string `json:"id" yaml:"id"`
	Title       string `json:"title" yaml:"title"`
	Description string `json:"description,omitempty" yaml:"description,omitempty"`
}

// Citation points at the passage of a source an item rests on.
type Citation struct {
	Source string `json:"source" yaml:"source"`
	// Paragraph is 1-based; 0 means the whole source.
	Paragraph int `json:"paragraph,omitempty" yaml:"paragraph,omitempty"`
	// Wording is the source's own wording of the date, such as "last Friday".
	Wording string `json:"wording,omitempty" yaml:"wording,omitempty"`
}

// Role is an actor's part in an event.
type Role struct {
	Actor string `json:"actor" yaml:"actor"`
	Role  string `json:"role,omitempty" yaml:"role,omitempty"`
}

// Event is something that happened.
type Event struct {
	ID        string     `json:"id" yaml:"id"`
	Date      edtf.Date  `json:"date,omitzero" yaml:"date,omitempty"`
	Title     string     `json:"title" yaml:"title"`
	Summary   string     `json:"summary,omitempty" yaml:"summary,omitempty"`
	Actors    []Role     `json:"actors,omitempty" yaml:"actors,omitempty"`
	Topics    []string   `json:"topics,omitempty" yaml:"topics,omitempty"`
	Citations []Citation `json:"citations,omitempty" yaml:"citations,omitempty"`
}

// Stance is an actor's attitude to a topic.
type Stance string

// The stances. StanceNone is never written in a file: it is the answer where
// the sources record no position.
const (
	StanceSupports    Stance = "supports"
	StanceOpposes     Stance = "opposes"
	StanceConditional Stance = "conditional"
	StanceNeutral     Stance = "neutral"
	StanceUnclear     Stance = "unclear"
	StanceNone        Stance = "none"
)

// Stances lists the stances a file may record.
var Stances = []Stance{StanceSupports, StanceOpposes, StanceConditional, StanceNeutral, StanceUnclear}

// TopicStances are a statement's stances, in the file's order. Files spell
// them as a mapping of topic id to stance, {warrant: opposes}, which is how
// they marshal (see native.go).
type TopicStances []TopicStance

// TopicStance is a statement's stance on one topic.
type TopicStance struct {
	Topic  string `json:"topic" yaml:"topic"`
	Stance Stance `json:"stance" yaml:"stance"`
}

// Statement is something an actor said, quoted verbatim unless Paraphrase.
type Statement struct {
	ID      string    `json:"id" yaml:"id"`
	Speaker string    `json:"speaker" yaml:"speaker"`
	Date    edtf.Date `json:"date,omitzero" yaml:"date,omitempty"`
	// Title is a one-line heading; when empty, the speaker's name and the
	// start of the quote stand in (see Index.Title).
	Title      string       `json:"title,omitempty" yaml:"title,omitempty"`
	Quote      string       `json:"quote" yaml:"quote"`
	Paraphrase bool         `json:"paraphrase,omitempty" yaml:"paraphrase,omitempty"`
	Stances    TopicStances `json:"stances,omitempty" yaml:"stances,omitempty"`
	// ReactsTo is the id of the event the statement responds to, if any.
	ReactsTo string   `json:"reacts_to,omitempty" yaml:"reacts_to,omitempty"`
	Citation Citation `json:"citation,omitzero" yaml:"citation,omitempty"`
}

// Position is where an actor stands on a topic from a date, and the
// evidence for it. Several positions of one actor on one topic are its
// history, each step dated differently.
type Position struct {
	Actor string `json:"actor" yaml:"actor"`
	Topic string `json:"topic" yaml:"topic"`
	// Date is when the stance took effect; when zero, the earliest date of
	// its evidence (see EffectiveDate).
	Date    edtf.Date `json:"date,omitzero" yaml:"date,omitempty"`
	Stance  Stance    `json:"stance" yaml:"stance"`
	Summary string    `json:"summary,omitempty" yaml:"summary,omitempty"`
	// Evidence holds statement and event ids.
	Evidence []string `json:"evidence,omitempty" yaml:"evidence,omitempty"`
}

// Symbol is the stance as one character, readable without colour.
func (s Stance) Symbol() string {
	switch s {
	case StanceSupports:
		return "✓"
	case StanceOpposes:
		return "✗"
	case StanceConditional:
		return "◐"
	case StanceNeutral:
		return "○"
	case StanceUnclear:
		return "?"
	}
	return "·"
}

package sheet

import (
	"cmp"
	"fmt"
	"net/url"
	"strconv"
	"strings"

	"github.com/dateline/dateline/model"
	"github.com/dateline/dateline/model/edtf"
	"github.com/dateline/dateline/model/internal/huge"
	"github.com/dateline/dateline/model/internal/idset"
	"github.com/dateline/dateline/model/text"
)

// Row is one event's cells by field, as a table reader found them. Strings
// must not alias a buffer the reader reuses.
type Row struct {
	// At is the row's line (CSV) or number (Parquet), for messages.
	At                                            int
	ID, Date, End, Title, Description, URL, Place string
	// Typed, when not zero, is the date from a typed column (Parquet's
	// DATE or TIMESTAMP); Date is then not read.
	Typed edtf.Date
	// TypedEnd is the same for the end.
	TypedEnd       edtf.Date
	Actors, Topics []string
	// Made says the reader made the summary already (Summary): the one
	// Add would make of Description and Place (MakeSummary), with
	// Description cleaned as Add cleans it. A reader that holds the text
	// only for a moment (Parquet's pages) writes it once where it stays,
	// rather than copying it to hold it and Add copying it again.
	Made    bool
	Summary string
}

// maxProblems bounds how many warnings one file reports.
const maxProblems = 200

// Builder turns rows into a story's events, giving actors, topics and
// sources ids by slug. Set its exported fields, then Add rows and Finish.
type Builder struct {
	// Name is the file's name, for messages; Unit what At counts ("line"
	// or "row").
	Name, Unit string
	// Title is the story's title.
	Title string
	// Order reads numeric dates (see ParseDate).
	Order DateOrder
	// DateColumn names the date column in messages.
	DateColumn string
	// Since and Until, when not zero, drop the rows whose dates do not
	// overlap them, and the undated rows, as the --since and --until
	// filters would.
	Since, Until edtf.Date
	// Keep, when not nil, makes the load lean (see model.KeepSummaries):
	// the events' summaries it refuses are left out, each noted in Left
	// (which must then be set too) with its row (At) as the place to read
	// it back from.
	Keep func(summary string) bool
	Left *model.LeftOut

	s       *model.Story
	ids     idset.Set
	actorOf map[string]string
	topicOf map[string]string
	citeOf  map[string][]model.Citation
	dates   map[string]edtf.Date
	roles   []model.Role
	// Blocks the events' summaries and roles are carved from.
	text      huge.Text
	roleBlock huge.Slab[model.Role]
	undated   []int
	nUndated  int
	example   string // an unreadable date, quoted in the warning
	numeric   string // a numeric date only --date-format reads
	dupes     int
	warns     model.Problems
	dropped   int
	first     edtf.Date
	last      edtf.Date
}

func (b *Builder) init() {
	if b.s == nil {
		b.s = &model.Story{}
		b.actorOf, b.topicOf, b.citeOf, b.dates = map[string]string{}, map[string]string{}, map[string][]model.Citation{}, map[string]edtf.Date{}
		b.Unit = cmp.Or(b.Unit, "line")
	}
}

// Warn adds a warning at a row.
func (b *Builder) Warn(at int, format string, args ...any) {
	if len(b.warns) < maxProblems {
		b.warns = append(b.warns, model.Problem{File: b.Name, Line: b.lineOf(at), Warning: true, Msg: fmt.Sprintf(format, args...)})
	}
}

// lineOf is a row's place as a Problem line: CSV lines only.
func (b *Builder) lineOf(at int) int {
	if b.Unit == "line" {
		return at
	}
	return 0
}

// Untitled reports whether a row's title cell makes no title, so that Add
// makes one of its description (or topics, or place): a reader that
// leaves descriptions unread reads those rows'.
func Untitled(title string) bool { return strings.TrimSpace(text.CleanLine(title)) == "" }

// Dropped is how many rows Since and Until left out.
func (b *Builder) Dropped() int { return b.dropped }

// Events is how many events the rows made so far.
func (b *Builder) Events() int {
	b.init()
	return len(b.s.Events)
}

// Grow makes room for n more events, when the reader knows how many rows
// it will add (a Parquet footer's count), so that Add does not copy the
// events as they grow.
func (b *Builder) Grow(n int) {
	b.init()
	events := huge.Slice[model.Event](len(b.s.Events), len(b.s.Events)+n)
	copy(events, b.s.Events)
	b.s.Events = events
	b.ids.Grow(n)
}

// Add makes an event of a row, or drops it when Since or Until leave it
// out.
func (b *Builder) Add(r *Row) {
	b.init()
	date := r.Typed
	if date.IsZero() && r.Date != "" {
		date = b.date(r.Date, r.At)
	} else if date.IsZero() {
		b.noDate(r.At, "")
	}
	end := r.TypedEnd
	if end.IsZero() && r.End != "" && !date.IsZero() {
		if end = b.date(r.End, -1); end.IsZero() {
			b.Warn(r.At, "the end %q is not a date; the row is read as of its start", text.CleanLine(r.End))
		}
	}
	if !end.IsZero() && !date.IsZero() && !date.IsInterval() && !end.IsInterval() && end.Latest() > date.Latest() {
		if d, err := edtf.Parse(date.String() + "/" + end.String()); err == nil {
			date = d
		}
	}
	if !b.Since.IsZero() || !b.Until.IsZero() {
		if date.IsZero() || !b.Since.IsZero() && date.Latest() < b.Since.Earliest() || !b.Until.IsZero() && date.Earliest() > b.Until.Latest() {
			b.dropped++
			return
		}
	}
	if !date.IsZero() {
		if b.first.IsZero() || edtf.Compare(date, b.first) < 0 {
			b.first = date
		}
		if b.last.IsZero() || edtf.Compare(date, b.last) > 0 {
			b.last = date
		}
	}
	ev := model.Event{Date: date}
	roles := b.roles[:0]
	for _, name := range r.Actors {
		if name = text.CleanLine(name); name == "" {
			continue
		}
		id := b.actor(name)
		dup := false
		for _, x := range roles {
			dup = dup || x.Actor == id
		}
		if !dup {
			roles = append(roles, model.Role{Actor: id})
		}
	}
	b.roles = roles
	if len(roles) > 0 {
		ev.Actors = b.roleBlock.Keep(roles)
	}
	var topicNames []string
	for _, name := range r.Topics {
		if name = text.CleanLine(name); name == "" {
			continue
		}
		id := b.topic(name)
		if !containsString(ev.Topics, id) {
			ev.Topics = append(ev.Topics, id)
			topicNames = append(topicNames, name)
		}
	}
	place := text.CleanLine(r.Place)
	ev.Title = strings.TrimSpace(text.CleanLine(r.Title)) // "" when Untitled
	desc := r.Description
	if !r.Made {
		desc = text.Clean(desc)
	}
	if ev.Title == "" {
		ev.Title = b.fallbackTitle(topicNames, place, desc, r.At)
	}
	if r.Made && b.Keep == nil {
		ev.Summary = r.Summary
	} else {
		ev.Summary = b.summary(desc, place, r.At)
	}
	if u := text.CleanLine(strings.TrimSpace(r.URL)); u != "" {
		ev.Citations = b.citations(u)
	}
	ev.ID = b.eventID(r, ev.Title)
	b.s.Events = append(b.s.Events, ev)
}

// summary is an event's summary: its description, and its place. A lean
// load leaves out those Keep refuses, and notes the row (at) in Left.
func (b *Builder) summary(desc, place string, at int) string {
	sum := withPlace(b.text.Join, desc, place)
	if b.Keep == nil || b.Keep(sum) {
		return sum
	}
	if place != "" {
		b.text.Truncate(b.text.Len() - len(sum)) // tested, not kept (the blank lines TrimLeft cut stay)
	}
	b.Left.Add(model.Place{Event: int32(len(b.s.Events)), At: int64(at)})
	return ""
}

// Summary is the summary Builder.Add makes of a row's description and
// place, for a lean load's refill.
func Summary(description, place string) string {
	sum, _ := MakeSummary(func(parts ...string) string { return strings.Join(parts, "") }, description, place)
	return sum
}

// MakeSummary is a row's summary and cleaned description as Builder.Add
// makes them of its description and place, written by join (which must
// copy description: it may be text the reader is about to reuse), for a
// reader that sets Row.Made. The description is a part of the summary
// when it can be.
func MakeSummary(join func(parts ...string) string, description, place string) (summary, desc string) {
	desc = text.Clean(description)
	place = text.CleanLine(place)
	if place == "" {
		desc = join(desc)
		return desc, desc
	}
	summary = withPlace(join, desc, place)
	if strings.HasPrefix(summary, desc) {
		return summary, summary[:len(desc)]
	}
	return summary, join(desc) // it started with blank lines, which the summary leaves out
}

// withPlace is a summary: the cleaned description, then where, when the
// row names a place; join puts the parts together.
func withPlace(join func(parts ...string) string, desc, place string) string {
	if place == "" {
		return desc
	}
	return strings.TrimLeft(join(desc, "\n\nWhere: ", place, "."), "\n")
}

func containsString(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// fallbackTitle titles a row without one: its last topic and place (as
// "Armed clash in Bakhmut"), else its description's start, else its line.
func (b *Builder) fallbackTitle(topics []string, place, desc string, at int) string {
	if len(topics) > 0 {
		t := topics[len(topics)-1]
		if place != "" {
			t += " in " + place
		}
		return t
	}
	for line := range strings.Lines(desc) { // its first line with words
		if line = strings.TrimSpace(line); line != "" {
			if r := []rune(line); len(r) > 80 {
				line = strings.TrimSpace(string(r[:79])) + "…"
			}
			return line
		}
	}
	return fmt.Sprintf("%s %d", strings.ToUpper(b.Unit[:1])+b.Unit[1:], at)
}

// date reads a date cell, remembering cells that are not dates for the
// undated warning (at < 0: an end, not counted).
func (b *Builder) date(raw string, at int) edtf.Date {
	if d, ok := b.dates[raw]; ok {
		if d.IsZero() && at >= 0 {
			b.noDate(at, raw)
		}
		return d
	}
	d, ok := ParseDate(raw, b.Order)
	if len(b.dates) < 1<<16 {
		b.dates[strings.Clone(raw)] = d
	}
	if !ok && at >= 0 {
		b.noDate(at, raw)
	}
	return d
}

func (b *Builder) noDate(at int, raw string) {
	b.nUndated++
	if len(b.undated) < 10 {
		b.undated = append(b.undated, at)
	}
	if raw == "" {
		return
	}
	if b.numeric == "" && b.Order == Unordered && Ambiguous(raw) {
		b.numeric = text.CleanLine(raw)
	} else if b.example == "" {
		b.example = text.CleanLine(raw)
	}
}

func (b *Builder) actor(name string) string {
	if id, ok := b.actorOf[name]; ok {
		return id
	}
	id := b.ids.Take(cmp.Or(model.Slug(name), "actor"))
	b.actorOf[name] = id
	b.s.Actors = append(b.s.Actors, model.Actor{ID: id, Name: name, Kind: model.KindGroup})
	return id
}

func (b *Builder) topic(name string) string {
	if id, ok := b.topicOf[name]; ok {
		return id
	}
	id := b.ids.Take(cmp.Or(model.Slug(name), "topic"))
	b.topicOf[name] = id
	b.s.Topics = append(b.s.Topics, model.Topic{ID: id, Title: name})
	return id
}

// citations gives the shared citation of a url cell: a web address is a
// source with that URL, its outlet the host; anything else an outlet's name.
func (b *Builder) citations(cell string) []model.Citation {
	if cs, ok := b.citeOf[cell]; ok {
		return cs
	}
	src := model.Source{Outlet: cell}
	base := cell
	if u, err := url.Parse(cell); err == nil && (u.Scheme == "http" || u.Scheme == "https") && u.Host != "" {
		src = model.Source{Outlet: strings.TrimPrefix(u.Hostname(), "www."), URL: cell}
		base = src.Outlet
	}
	src.ID = b.ids.Take(cmp.Or(model.Slug(base), "source"))
	b.s.Sources = append(b.s.Sources, src)
	cs := []model.Citation{{Source: src.ID}}
	b.citeOf[cell] = cs
	return cs
}

func (b *Builder) eventID(r *Row, title string) string {
	if raw := strings.TrimSpace(r.ID); raw != "" {
		// Take gives out id itself when it is free: one look-up, not two.
		if id := model.SanitizeID(strings.ToLower(raw)); id != "" {
			got := b.ids.Take(id)
			if got == id {
				return got
			}
			if b.dupes++; b.dupes <= 20 {
				b.Warn(r.At, "the id %q is used already (by an event, actor, topic or source); this row is %q", text.CleanLine(raw), got)
			}
			return got
		}
	}
	return b.ids.Take(cmp.Or(model.Slug(title), b.Unit+"-"+strconv.Itoa(r.At)))
}

// Finish returns the story and the warnings, or the Problems of a story
// that does not validate (dateline's bug).
func (b *Builder) Finish() (*model.Story, model.Problems, error) {
	b.init()
	s := b.s
	s.Title = b.Title
	s.Description = fmt.Sprintf("Imported from %s: %s", b.Name, text.Plural(len(s.Events), "event", "events"))
	if !b.first.IsZero() {
		s.Description += fmt.Sprintf(", from %s to %s", b.first.Display(), b.last.Display())
	}
	s.Description = text.CleanLine(s.Description + ".")
	warns := b.warns
	if b.nUndated > 0 {
		warns = append(warns, b.undatedWarning())
	}
	if b.dupes > 20 {
		warns = append(warns, model.Problem{File: b.Name, Warning: true, Msg: fmt.Sprintf("and %d more ids used again", b.dupes-20)})
	}
	if bad := model.CheckBuilt(b.Name, s, "the import", maxProblems); len(bad) > 0 {
		return nil, warns, bad
	}
	return s, warns, nil
}

// undatedWarning names the rows kept as undated, and how to date them.
func (b *Builder) undatedWarning() model.Problem {
	var at []string
	for _, n := range b.undated {
		at = append(at, strconv.Itoa(n))
	}
	list := strings.Join(at, ", ")
	if b.nUndated > len(b.undated) {
		list += fmt.Sprintf(" and %d more", b.nUndated-len(b.undated))
	}
	col := ""
	if b.DateColumn != "" {
		col = fmt.Sprintf(" in the column %q", text.CleanLine(b.DateColumn))
	}
	n := b.nUndated
	msg := fmt.Sprintf("%s at %s%s %s %s no date dateline can read%s, so %s kept as undated",
		text.Plural(n, "the row", "the rows"), b.Unit, text.Plural(n, "", "s"), list,
		text.Plural(n, "has", "have"), col, text.Plural(n, "it is", "they are"))
	switch {
	case b.numeric != "":
		msg += fmt.Sprintf("; dates such as %q may be day-first or month-first: say which with --date-format day-first or --date-format month-first", b.numeric)
	case b.example != "":
		msg += fmt.Sprintf("; %q is not a date: write dates as 2019-07-14, 14 Jul 2019, July 14, 2019, 2019-07 or 2019 (or any EDTF date)", b.example)
	}
	return model.Problem{File: b.Name, Warning: true, Msg: msg}
}

package sheet

import (
	"encoding/csv"
	"fmt"
	"path/filepath"
	"strconv"
	"strings"

	"github.com/dateline/dateline/model"
	"github.com/dateline/dateline/model/edtf"
	"github.com/dateline/dateline/model/internal/csvtail"
	"github.com/dateline/dateline/model/report"
	"github.com/dateline/dateline/model/text"
)

// The columns of dateline's own list CSV, by their index in
// report.ListCSVHeader.
const (
	ownID = iota
	ownKind
	ownDate
	_ // start
	_ // end
	_ // display
	ownTitle
	ownText
	ownActors
	ownTopics
	ownSpeaker
	ownStances
	ownReactsTo
	ownSources
)

// ownReader reads dateline's own list CSV back into a story with the same
// ids, kinds, dates, titles, actors, topics, speakers and stances. Actors
// and topics are known there only by id, which also names them.
type ownReader struct {
	name     string
	s        *model.Story
	kindOf   map[string]string // id → what it names
	errs     model.Problems
	warns    model.Problems
	events   map[string]bool
	width    int   // fields in the row being read
	reactsAt []int // line of each statement, for its reacts_to
}

func importOwn(name string, src *csvtail.Tail, cr *csv.Reader, columns int) (*model.Story, model.Problems, error) {
	o := &ownReader{name: name, s: &model.Story{}, kindOf: map[string]string{}, events: map[string]bool{}}
	errs := eachRow(name, src, cr, columns, &o.warns, func(rec []string) bool {
		o.row(cr, rec)
		return len(o.errs) < maxProblems
	})
	o.errs = append(errs, o.errs...)
	if len(o.errs) > 0 {
		return nil, o.warns, o.errs
	}
	for i := range o.s.Statements {
		st := &o.s.Statements[i]
		if st.ReactsTo != "" && !o.events[st.ReactsTo] {
			o.warns = append(o.warns, model.Problem{File: name, Line: o.reactsAt[i], Warning: true,
				Msg: fmt.Sprintf("reacts_to %q is not an event in this file, so the link is left out", st.ReactsTo)})
			st.ReactsTo = ""
		}
	}
	s := o.s
	s.Title = strings.TrimSuffix(filepath.Base(name), filepath.Ext(name))
	s.Description = text.CleanLine(fmt.Sprintf("Read back from dateline's list CSV %s: %s and %s.", name,
		text.Plural(len(s.Events), "1 event", strconv.Itoa(len(s.Events))+" events"),
		text.Plural(len(s.Statements), "1 statement", strconv.Itoa(len(s.Statements))+" statements")))
	if bad := model.CheckBuilt(name, s, "reading the list CSV", maxProblems); len(bad) > 0 {
		return nil, o.warns, bad
	}
	return s, o.warns, nil
}

func (o *ownReader) fail(cr *csv.Reader, col int, format string, args ...any) {
	line, c := cr.FieldPos(0)
	if col >= 0 && col < o.width {
		line, c = cr.FieldPos(col)
	}
	o.errs = append(o.errs, model.Problem{File: o.name, Line: line, Col: c, Msg: fmt.Sprintf(format, args...)})
}

// id checks an id read from column col and that it names one kind of
// thing; it reports false (with a problem) otherwise.
func (o *ownReader) id(cr *csv.Reader, col int, id, kind string) bool {
	if !model.ValidID(id) {
		o.fail(cr, col, "%q is not a dateline id (lowercase letters, digits, '.', '_' and '-'); this file is dateline's list CSV, so write the %s's id", text.CleanLine(id), kind)
		return false
	}
	if k, ok := o.kindOf[id]; ok && k != kind {
		o.fail(cr, col, "%q names %s here, but %s earlier; ids are unique across a story: rename one", id, kind, k)
		return false
	}
	if _, ok := o.kindOf[id]; !ok {
		o.kindOf[id] = kind
		switch kind {
		case "actor":
			o.s.Actors = append(o.s.Actors, model.Actor{ID: id, Name: id, Kind: model.KindGroup})
		case "topic":
			o.s.Topics = append(o.s.Topics, model.Topic{ID: id, Title: id})
		case "source":
			o.s.Sources = append(o.s.Sources, model.Source{ID: id})
		}
	}
	return true
}

// list splits a list cell, written joined with "; ".
func list(cell string) []string {
	var out []string
	for part := range strings.SplitSeq(cell, ";") {
		if part = strings.TrimSpace(part); part != "" {
			out = append(out, part)
		}
	}
	return out
}

func (o *ownReader) row(cr *csv.Reader, rec []string) {
	cell := func(i int) string {
		if i < len(rec) {
			return strings.Clone(strings.TrimSpace(report.UnguardCSVCell(rec[i])))
		}
		return ""
	}
	before := len(o.errs)
	o.width = len(rec)
	id, kind := cell(ownID), cell(ownKind)
	if kind != "event" && kind != "statement" {
		o.fail(cr, ownKind, "kind %q is neither event nor statement", text.CleanLine(kind))
		return
	}
	if !o.id(cr, ownID, id, kind) {
		return
	}
	var date edtf.Date
	if raw := cell(ownDate); raw != "" {
		d, err := edtf.Parse(raw)
		if err != nil {
			o.fail(cr, ownDate, "date %v; the list CSV writes EDTF dates", text.CleanLine(err.Error()))
			return
		}
		date = d
	}
	title, body := text.CleanLine(cell(ownTitle)), text.Clean(cell(ownText))
	var topics []string
	for _, t := range list(cell(ownTopics)) {
		if o.id(cr, ownTopics, t, "topic") {
			topics = append(topics, t)
		}
	}
	var cites []model.Citation
	for _, ref := range list(cell(ownSources)) {
		src, para, _ := strings.Cut(ref, "#")
		c := model.Citation{Source: src}
		if para != "" {
			n, err := strconv.Atoi(para)
			if err != nil || n < 1 {
				o.fail(cr, ownSources, "%q is not source#paragraph", text.CleanLine(ref))
				continue
			}
			c.Paragraph = n
		}
		if o.id(cr, ownSources, src, "source") {
			cites = append(cites, c)
		}
	}
	if kind == "event" {
		ev := model.Event{ID: id, Date: date, Title: title, Summary: body, Topics: topics, Citations: cites}
		if ev.Title == "" {
			ev.Title = id
		}
		for _, a := range list(cell(ownActors)) {
			if o.id(cr, ownActors, a, "actor") {
				ev.Actors = append(ev.Actors, model.Role{Actor: a})
			}
		}
		if len(o.errs) == before {
			o.events[id] = true
			o.s.Events = append(o.s.Events, ev)
		}
		return
	}
	st := model.Statement{ID: id, Date: date, Title: title, Quote: body, Speaker: cell(ownSpeaker), ReactsTo: cell(ownReactsTo)}
	if st.Quote == "" {
		st.Quote = title
	}
	if st.Speaker == "" {
		o.fail(cr, ownSpeaker, "a statement needs its speaker's id")
		return
	}
	o.id(cr, ownSpeaker, st.Speaker, "actor")
	for _, pair := range list(cell(ownStances)) {
		t, stance, ok := strings.Cut(pair, "=")
		if !ok || !o.id(cr, ownStances, t, "topic") {
			if !ok {
				o.fail(cr, ownStances, "%q is not topic=stance", text.CleanLine(pair))
			}
			continue
		}
		st.Stances = append(st.Stances, model.TopicStance{Topic: t, Stance: model.Stance(stance)})
		if !validStance(model.Stance(stance)) {
			o.fail(cr, ownStances, "%q is not a stance; use supports, opposes, conditional, neutral or unclear", text.CleanLine(stance))
		}
	}
	if len(cites) > 0 {
		st.Citation = cites[0]
	}
	if len(o.errs) == before {
		line, _ := cr.FieldPos(0)
		o.reactsAt = append(o.reactsAt, line)
		o.s.Statements = append(o.s.Statements, st)
	}
}

func validStance(s model.Stance) bool {
	for _, x := range model.Stances {
		if s == x {
			return true
		}
	}
	return false
}

package model

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"io"

	"github.com/dateline/dateline/model/internal/chunks"

	"go.yaml.in/yaml/v3"
)

// Writing stories back out in the native format.

// WriteYAML writes s in the native YAML format; Load reads it back as the
// same story.
func WriteYAML(w io.Writer, s *Story) error {
	enc := yaml.NewEncoder(w)
	enc.SetIndent(2)
	if err := enc.Encode(s); err != nil {
		return err
	}
	return enc.Close()
}

// slowEvents, set by tests, encodes the events through encoding/json as
// the other lists are, to check appendEventJSON against.
var slowEvents = false

// WriteJSON writes s in the native JSON format (the YAML format's shape, as
// the schema describes it), indented; Load reads it back as the same story.
// It writes the bytes that encoding/json writes for the whole Story, but
// one element of its lists at a time, so that memory does not grow with
// the output.
func WriteJSON(w io.Writer, s *Story) error {
	bw := bufio.NewWriterSize(w, 64<<10)
	// encode appends elements lo to hi of a list (at(i) is element i), each
	// indented as an element of a list in the story object, and separated
	// by commas.
	encode := func(dst []byte, lo, hi int, at func(i int) any) ([]byte, error) {
		buf := bytes.NewBuffer(dst)
		enc := json.NewEncoder(buf)
		enc.SetIndent("    ", "  ")
		enc.SetEscapeHTML(false)
		for i := lo; i < hi; i++ {
			if i > 0 {
				buf.WriteString(",\n    ")
			}
			if err := enc.Encode(at(i)); err != nil {
				return nil, err
			}
			buf.Truncate(buf.Len() - 1) // Encode's new line
		}
		return buf.Bytes(), nil
	}
	fields := 0
	member := func(name string) {
		if fields == 0 {
			bw.WriteString("{\n  ")
		} else {
			bw.WriteString(",\n  ")
		}
		fields++
		bw.WriteString(`"` + name + `": `)
	}
	for _, t := range []struct{ name, v string }{{"title", s.Title}, {"description", s.Description}} {
		if t.v == "" {
			continue
		}
		member(t.name)
		b, err := encode(nil, 0, 1, func(int) any { return t.v })
		if err != nil {
			return err
		}
		bw.Write(b)
	}
	for _, l := range []struct {
		name string
		n    int
		at   func(i int) any
	}{
		{"sources", len(s.Sources), func(i int) any { return &s.Sources[i] }},
		{"actors", len(s.Actors), func(i int) any { return &s.Actors[i] }},
		{"topics", len(s.Topics), func(i int) any { return &s.Topics[i] }},
		{"events", len(s.Events), func(i int) any { return &s.Events[i] }},
		{"statements", len(s.Statements), func(i int) any { return &s.Statements[i] }},
		{"positions", len(s.Positions), func(i int) any { return &s.Positions[i] }},
	} {
		if l.n == 0 {
			continue
		}
		member(l.name)
		bw.WriteString("[\n    ")
		// Each chunk keeps its own encoding error; all are read once every
		// chunk has been written.
		failed := make([]error, (l.n+chunks.Rows-1)/chunks.Rows)
		events := l.name == "events" && !slowEvents
		err := chunks.Write(bw, l.n, func(dst []byte, lo, hi int) []byte {
			if events { // nearly all of the story: appended, not reflected
				for i := lo; i < hi; i++ {
					if i > 0 {
						dst = append(dst, ",\n    "...)
					}
					dst = appendEventJSON(dst, &s.Events[i])
				}
				return dst
			}
			b, err := encode(dst, lo, hi, l.at)
			failed[lo/chunks.Rows] = err
			return b
		})
		if err == nil {
			err = errors.Join(failed...)
		}
		if err != nil {
			return err
		}
		bw.WriteString("\n  ]")
	}
	if fields == 0 {
		bw.WriteString("{}\n")
	} else {
		bw.WriteString("\n}\n")
	}
	return bw.Flush()
}

// MarshalJSON implements json.Marshaler, keeping the stances' order.
func (m TopicStances) MarshalJSON() ([]byte, error) {
	var b bytes.Buffer
	b.WriteByte('{')
	for i, ts := range m {
		if i > 0 {
			b.WriteByte(',')
		}
		k, err := json.Marshal(ts.Topic)
		if err != nil {
			return nil, err
		}
		v, err := json.Marshal(ts.Stance)
		if err != nil {
			return nil, err
		}
		b.Write(k)
		b.WriteByte(':')
		b.Write(v)
	}
	b.WriteByte('}')
	return b.Bytes(), nil
}

// MarshalYAML implements yaml.Marshaler, keeping the stances' order.
func (m TopicStances) MarshalYAML() (any, error) {
	n := &yaml.Node{Kind: yaml.MappingNode, Style: yaml.FlowStyle}
	for _, ts := range m {
		n.Content = append(n.Content,
			&yaml.Node{Kind: yaml.ScalarNode, Tag: "!!str", Value: ts.Topic},
			&yaml.Node{Kind: yaml.ScalarNode, Tag: "!!str", Value: string(ts.Stance)})
	}
	return n, nil
}

// UnmarshalJSON implements json.Unmarshaler: a mapping of topic id to
// stance, read in its order.
func (m *TopicStances) UnmarshalJSON(data []byte) error {
	dec := json.NewDecoder(bytes.NewReader(data))
	if _, err := dec.Token(); err != nil { // {
		return err
	}
	out := TopicStances{}
	for dec.More() {
		key, err := dec.Token()
		if err != nil {
			return err
		}
		topic, _ := key.(string) // object keys are always strings
		var stance Stance
		if err := dec.Decode(&stance); err != nil {
			return err
		}
		out = append(out, TopicStance{Topic: topic, Stance: stance})
	}
	*m = out
	return nil
}

// Subset is the part of the story that the timeline rows show, as a story
// of its own that Validate accepts: the events and statements at rows (in
// the story's order), the actors they name and their ancestors, the topics
// and sources they use, and the positions whose evidence is among them,
// with their evidence cut down to it. When rows hold every item it returns
// the whole story.
func (ix *Index) Subset(rows []int32) *Story {
	s := ix.story
	if len(rows) == len(ix.refs) {
		return s
	}
	keepEvent := make([]bool, len(s.Events))
	keepStatement := make([]bool, len(s.Statements))
	for _, p := range rows {
		r := ix.refs[p]
		if r.kind == StatementItem {
			keepStatement[r.n] = true
		} else {
			keepEvent[r.n] = true
		}
	}
	out := &Story{Title: s.Title, Description: s.Description}
	items := map[string]bool{}
	actors, topics, sources := map[string]bool{}, map[string]bool{}, map[string]bool{}
	for i, e := range s.Events {
		if !keepEvent[i] {
			continue
		}
		out.Events = append(out.Events, e)
		items[e.ID] = true
		for _, r := range e.Actors {
			actors[r.Actor] = true
		}
		for _, t := range e.Topics {
			topics[t] = true
		}
		for _, c := range e.Citations {
			sources[c.Source] = true
		}
	}
	for i, st := range s.Statements {
		if !keepStatement[i] {
			continue
		}
		items[st.ID] = true
		actors[st.Speaker] = true
		for _, ts := range st.Stances {
			topics[ts.Topic] = true
		}
		if st.Citation.Source != "" {
			sources[st.Citation.Source] = true
		}
		out.Statements = append(out.Statements, st)
	}
	// A reaction to an event left out would name nothing.
	for i := range out.Statements {
		if st := &out.Statements[i]; st.ReactsTo != "" && !items[st.ReactsTo] {
			st.ReactsTo = ""
		}
	}
	for _, p := range s.Positions {
		var ev []string
		for _, id := range p.Evidence {
			if items[id] {
				ev = append(ev, id)
			}
		}
		if len(ev) == 0 {
			continue
		}
		// The date stays what it was, though the evidence it came from may
		// be left out.
		p.Date = ix.PositionDate(&p)
		p.Evidence = ev
		out.Positions = append(out.Positions, p)
		actors[p.Actor], topics[p.Topic] = true, true
	}
	for id := range actors {
		for _, a := range ix.Ancestors(id) {
			actors[a.ID] = true
		}
	}
	for _, a := range s.Actors {
		if actors[a.ID] {
			out.Actors = append(out.Actors, a)
		}
	}
	for _, t := range s.Topics {
		if topics[t.ID] {
			out.Topics = append(out.Topics, t)
		}
	}
	for _, src := range s.Sources {
		if sources[src.ID] {
			out.Sources = append(out.Sources, src)
		}
	}
	return out
}

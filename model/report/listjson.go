package report

import (
	"cmp"
	"io"
	"iter"
	"slices"
	"strconv"

	"github.com/dateline/dateline/model"
	"github.com/dateline/dateline/model/edtf"
	"github.com/dateline/dateline/model/internal/chunks"
	"github.com/dateline/dateline/model/internal/jsonstr"
)

// The list as JSON and NDJSON, item by item: each item is appended to a
// buffer as encoding/json would write its ListItem (HTML escaped, and for
// JSON indented as Encoder.SetIndent("", "  ") indents), with no
// reflection and no ListItem, and the buffer written out before the next.
// TestListJSONMatchesEncoding holds it to encoding/json's bytes.

// WriteListJSON writes the rows as one JSON array in timeline order, each
// item shaped as ListItem.
func WriteListJSON(w io.Writer, ix *model.Index, rows []int32) error {
	return writeListJSON(w, ix, rows, true)
}

// WriteListNDJSON writes the rows one JSON object to a line, each shaped as
// in WriteListJSON, for tools that stream.
func WriteListNDJSON(w io.Writer, ix *model.Index, rows []int32) error {
	return writeListJSON(w, ix, rows, false)
}

func writeListJSON(w io.Writer, ix *model.Index, rows []int32, array bool) error {
	if array {
		if _, err := io.WriteString(w, "["); err != nil {
			return err
		}
	}
	err := chunks.Write(w, len(rows), func(dst []byte, lo, hi int) []byte {
		o := &jsonOut{b: dst, indent: array}
		if array {
			o.depth, o.first = 1, lo == 0
		}
		for _, p := range rows[lo:hi] {
			if array {
				o.next()
			}
			o.item(ix, int(p))
			if !array {
				o.b = append(o.b, '\n')
			}
		}
		return o.b
	})
	if err != nil || !array {
		return err
	}
	end := "]\n"
	if len(rows) > 0 {
		end = "\n]\n"
	}
	_, err = io.WriteString(w, end)
	return err
}

// jsonOut appends JSON to b, keeping track of commas and, when indent is
// set, of new lines and indentation.
type jsonOut struct {
	b      []byte
	indent bool
	depth  int
	first  bool // the open object or array has nothing in it yet
	st     []model.TopicStance
	// The last date written and its forms: rows in timeline order share
	// dates in long runs, which then make no garbage.
	date       edtf.Date
	display    string
	start, end *string
	dateSeen   bool
}

func (o *jsonOut) open(c byte) {
	o.b = append(o.b, c)
	o.depth++
	o.first = true
}

// close ends an object or array; an empty one stays on its line, as {} or [].
func (o *jsonOut) close(c byte) {
	o.depth--
	if !o.first {
		o.newline()
	}
	o.b = append(o.b, c)
	o.first = false
}

// next starts a value in the open object or array.
func (o *jsonOut) next() {
	if !o.first {
		o.b = append(o.b, ',')
	}
	o.first = false
	o.newline()
}

func (o *jsonOut) newline() {
	if o.indent {
		o.b = append(o.b, '\n')
		for range o.depth {
			o.b = append(o.b, "  "...)
		}
	}
}

// key starts a member of the open object.
func (o *jsonOut) key(k string) {
	o.next()
	o.b = appendJSONString(o.b, k)
	o.b = append(o.b, ':')
	if o.indent {
		o.b = append(o.b, ' ')
	}
}

func (o *jsonOut) str(k, v string) {
	o.key(k)
	o.b = appendJSONString(o.b, v)
}

// strOmit is str for an omitempty member.
func (o *jsonOut) strOmit(k, v string) {
	if v != "" {
		o.str(k, v)
	}
}

func (o *jsonOut) day(k string, d *string) {
	o.key(k)
	if d == nil {
		o.b = append(o.b, "null"...)
		return
	}
	o.b = appendJSONString(o.b, *d)
}

// item appends the item at pos as ListItemAt describes it.
func (o *jsonOut) item(ix *model.Index, pos int) {
	it := ix.At(pos)
	d := it.Date()
	o.open('{')
	o.str("id", it.ID())
	o.str("kind", it.Kind().String())
	o.str("date", d.String())
	if !o.dateSeen || d != o.date {
		o.date, o.display, o.dateSeen = d, d.Display(), true
		o.start, o.end = nil, nil
		if !d.IsZero() {
			o.start, o.end = dayString(d.Earliest()), dayString(d.Latest())
		}
	}
	o.day("start", o.start)
	o.day("end", o.end)
	o.str("display", o.display)
	o.str("title", ix.Title(pos))
	if e := it.Event; e != nil {
		o.strOmit("summary", e.Summary)
	}
	idList(o, "actors", ix.ItemActorsSeq(pos), func(a *model.Actor) string { return a.ID })
	idList(o, "topics", ix.ItemTopicsSeq(pos), func(t *model.Topic) string { return t.ID })
	if e := it.Event; e != nil {
		o.citations(e.Citations)
	} else {
		st := it.Statement
		o.strOmit("speaker", st.Speaker)
		o.strOmit("quote", st.Quote)
		if st.Paraphrase {
			o.key("paraphrase")
			o.b = append(o.b, "true"...)
		}
		o.stances(st.Stances)
		o.strOmit("reacts_to", st.ReactsTo)
		if st.Citation.Source != "" {
			o.citations([]model.Citation{st.Citation})
		}
	}
	o.close('}')
}

// idList appends the member k: the ids of seq's elements, as an array.
func idList[T any](o *jsonOut, k string, seq iter.Seq[T], id func(T) string) {
	o.key(k)
	o.open('[')
	for x := range seq {
		o.next()
		o.b = appendJSONString(o.b, id(x))
	}
	o.close(']')
}

// stances appends a statement's stances as the map ListItem.Stances is:
// keys sorted, the last stance of a topic named twice kept.
func (o *jsonOut) stances(sts model.TopicStances) {
	o.st = append(o.st[:0], sts...)
	slices.SortStableFunc(o.st, func(a, b model.TopicStance) int { return cmp.Compare(a.Topic, b.Topic) })
	o.key("stances")
	o.open('{')
	for i, ts := range o.st {
		if i+1 < len(o.st) && o.st[i+1].Topic == ts.Topic {
			continue
		}
		o.str(ts.Topic, string(ts.Stance))
	}
	o.close('}')
}

func (o *jsonOut) citations(cs []model.Citation) {
	if len(cs) == 0 {
		return
	}
	o.key("citations")
	o.open('[')
	for _, c := range cs {
		o.next()
		o.open('{')
		o.str("source", c.Source)
		if c.Paragraph != 0 {
			o.key("paragraph")
			o.b = strconv.AppendInt(o.b, int64(c.Paragraph), 10)
		}
		o.strOmit("wording", c.Wording)
		o.close('}')
	}
	o.close(']')
}

// appendJSONString appends s as a JSON string, escaped as encoding/json
// escapes it by default (<, > and & too).
func appendJSONString(b []byte, s string) []byte { return jsonstr.Append(b, s, true) }

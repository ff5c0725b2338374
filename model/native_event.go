package model

import (
	"strconv"

	"github.com/dateline/dateline/model/internal/jsonstr"
)

// appendEventJSON appends e as WriteJSON's encoder writes an element of
// the events list (indented under the prefix "    " by "  "), byte for
// byte, without reflection or a second pass to indent: the events are
// nearly all of a story's JSON.
func appendEventJSON(b []byte, e *Event) []byte {
	const in1, in2, in3 = "\n      ", "\n        ", "\n          "
	b = append(b, '{')
	b = jsonKey(b, true, in1, "id")
	b = jsonstr.Append(b, e.ID, false)
	if !e.Date.IsZero() {
		b = jsonKey(b, false, in1, "date")
		b = jsonstr.Append(b, e.Date.String(), true) // Date.MarshalJSON is json.Marshal's
	}
	b = jsonKey(b, false, in1, "title")
	b = jsonstr.Append(b, e.Title, false)
	if e.Summary != "" {
		b = jsonKey(b, false, in1, "summary")
		b = jsonstr.Append(b, e.Summary, false)
	}
	if len(e.Actors) > 0 {
		b = append(jsonKey(b, false, in1, "actors"), '[')
		for i, r := range e.Actors {
			b = jsonElem(b, i, in2, '{')
			b = jsonKey(b, true, in3, "actor")
			b = jsonstr.Append(b, r.Actor, false)
			if r.Role != "" {
				b = jsonKey(b, false, in3, "role")
				b = jsonstr.Append(b, r.Role, false)
			}
			b = append(append(b, in2...), '}')
		}
		b = append(append(b, in1...), ']')
	}
	if len(e.Topics) > 0 {
		b = append(jsonKey(b, false, in1, "topics"), '[')
		for i, t := range e.Topics {
			b = jsonstr.Append(jsonElem(b, i, in2, 0), t, false)
		}
		b = append(append(b, in1...), ']')
	}
	if len(e.Citations) > 0 {
		b = append(jsonKey(b, false, in1, "citations"), '[')
		for i, c := range e.Citations {
			b = jsonElem(b, i, in2, '{')
			b = jsonKey(b, true, in3, "source")
			b = jsonstr.Append(b, c.Source, false)
			if c.Paragraph != 0 {
				b = jsonKey(b, false, in3, "paragraph")
				b = strconv.AppendInt(b, int64(c.Paragraph), 10)
			}
			if c.Wording != "" {
				b = jsonKey(b, false, in3, "wording")
				b = jsonstr.Append(b, c.Wording, false)
			}
			b = append(append(b, in2...), '}')
		}
		b = append(append(b, in1...), ']')
	}
	b = append(b, "\n    }"...)
	return b
}

// jsonKey appends an object member's start: a comma unless it is the
// first, its line's indent, and its name.
func jsonKey(b []byte, first bool, indent, name string) []byte {
	if !first {
		b = append(b, ',')
	}
	b = append(b, indent...)
	b = append(b, '"')
	b = append(b, name...)
	return append(b, `": `...)
}

// jsonElem appends the start of element i of a list: a comma unless it
// is the first, its line's indent, and open (an object's brace; 0 for
// none).
func jsonElem(b []byte, i int, indent string, open byte) []byte {
	if i > 0 {
		b = append(b, ',')
	}
	b = append(b, indent...)
	if open != 0 {
		b = append(b, open)
	}
	return b
}

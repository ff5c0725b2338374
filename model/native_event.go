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
	b = append(b, in1...)
	b = append(b, `"id": `...)
	b = jsonstr.Append(b, e.ID, false)
	if !e.Date.IsZero() {
		b = append(b, ',')
		b = append(b, in1...)
		b = append(b, `"date": `...)
		b = jsonstr.Append(b, e.Date.String(), true) // Date.MarshalJSON is json.Marshal's
	}
	b = append(b, ',')
	b = append(b, in1...)
	b = append(b, `"title": `...)
	b = jsonstr.Append(b, e.Title, false)
	if e.Summary != "" {
		b = append(b, ',')
		b = append(b, in1...)
		b = append(b, `"summary": `...)
		b = jsonstr.Append(b, e.Summary, false)
	}
	if len(e.Actors) > 0 {
		b = append(b, ',')
		b = append(b, in1...)
		b = append(b, `"actors": [`...)
		for i, r := range e.Actors {
			if i > 0 {
				b = append(b, ',')
			}
			b = append(b, in2...)
			b = append(b, '{')
			b = append(b, in3...)
			b = append(b, `"actor": `...)
			b = jsonstr.Append(b, r.Actor, false)
			if r.Role != "" {
				b = append(b, ',')
				b = append(b, in3...)
				b = append(b, `"role": `...)
				b = jsonstr.Append(b, r.Role, false)
			}
			b = append(b, in2...)
			b = append(b, '}')
		}
		b = append(b, in1...)
		b = append(b, ']')
	}
	if len(e.Topics) > 0 {
		b = append(b, ',')
		b = append(b, in1...)
		b = append(b, `"topics": [`...)
		for i, t := range e.Topics {
			if i > 0 {
				b = append(b, ',')
			}
			b = append(b, in2...)
			b = jsonstr.Append(b, t, false)
		}
		b = append(b, in1...)
		b = append(b, ']')
	}
	if len(e.Citations) > 0 {
		b = append(b, ',')
		b = append(b, in1...)
		b = append(b, `"citations": [`...)
		for i, c := range e.Citations {
			if i > 0 {
				b = append(b, ',')
			}
			b = append(b, in2...)
			b = append(b, '{')
			b = append(b, in3...)
			b = append(b, `"source": `...)
			b = jsonstr.Append(b, c.Source, false)
			if c.Paragraph != 0 {
				b = append(b, ',')
				b = append(b, in3...)
				b = append(b, `"paragraph": `...)
				b = strconv.AppendInt(b, int64(c.Paragraph), 10)
			}
			if c.Wording != "" {
				b = append(b, ',')
				b = append(b, in3...)
				b = append(b, `"wording": `...)
				b = jsonstr.Append(b, c.Wording, false)
			}
			b = append(b, in2...)
			b = append(b, '}')
		}
		b = append(b, in1...)
		b = append(b, ']')
	}
	b = append(b, "\n    }"...)
	return b
}

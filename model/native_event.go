package model

import (
	"strconv"
	"unicode/utf8"
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
	b = appendJSONString(b, e.ID, false)
	if !e.Date.IsZero() {
		b = append(b, ',')
		b = append(b, in1...)
		b = append(b, `"date": `...)
		b = appendJSONString(b, e.Date.String(), true) // Date.MarshalJSON is json.Marshal's
	}
	b = append(b, ',')
	b = append(b, in1...)
	b = append(b, `"title": `...)
	b = appendJSONString(b, e.Title, false)
	if e.Summary != "" {
		b = append(b, ',')
		b = append(b, in1...)
		b = append(b, `"summary": `...)
		b = appendJSONString(b, e.Summary, false)
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
			b = appendJSONString(b, r.Actor, false)
			if r.Role != "" {
				b = append(b, ',')
				b = append(b, in3...)
				b = append(b, `"role": `...)
				b = appendJSONString(b, r.Role, false)
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
			b = appendJSONString(b, t, false)
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
			b = appendJSONString(b, c.Source, false)
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
				b = appendJSONString(b, c.Wording, false)
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

// appendJSONString appends s quoted as encoding/json quotes it: invalid
// UTF-8 as U+FFFD, U+2028 and U+2029 escaped, and with html <, > and &
// escaped too (SetEscapeHTML(true), json.Marshal's default).
func appendJSONString(b []byte, s string, html bool) []byte {
	const hex = "0123456789abcdef"
	b = append(b, '"')
	start := 0
	for i := 0; i < len(s); {
		if c := s[i]; c < utf8.RuneSelf {
			if c >= 0x20 && c != '"' && c != '\\' && (!html || c != '<' && c != '>' && c != '&') {
				i++
				continue
			}
			b = append(b, s[start:i]...)
			switch c {
			case '\\', '"':
				b = append(b, '\\', c)
			case '\b':
				b = append(b, '\\', 'b')
			case '\f':
				b = append(b, '\\', 'f')
			case '\n':
				b = append(b, '\\', 'n')
			case '\r':
				b = append(b, '\\', 'r')
			case '\t':
				b = append(b, '\\', 't')
			default:
				b = append(b, '\\', 'u', '0', '0', hex[c>>4], hex[c&0xF])
			}
			i++
			start = i
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && size == 1 {
			b = append(b, s[start:i]...)
			b = append(b, `\ufffd`...)
			i += size
			start = i
			continue
		}
		if r == '\u2028' || r == '\u2029' {
			b = append(b, s[start:i]...)
			b = append(b, '\\', 'u', '2', '0', '2', hex[r&0xF])
			i += size
			start = i
			continue
		}
		i += size
	}
	b = append(b, s[start:]...)
	return append(b, '"')
}

// Package jsonstr appends strings as encoding/json writes them, for the
// writers that append JSON themselves rather than reflect (the list
// writers, the native events).
package jsonstr

import "unicode/utf8"

// Append appends s as a JSON string, escaped as encoding/json escapes it:
// quotes, backslashes and control characters; U+2028 and U+2029; each
// byte that is not UTF-8 as \ufffd; and, with html (encoding/json's
// default, SetEscapeHTML(true)), <, > and &.
func Append(b []byte, s string, html bool) []byte {
	const hex = "0123456789abcdef"
	plain := &plainText
	if html {
		plain = &plainHTML
	}
	b = append(b, '"')
	start := 0
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			if plain[c] {
				i++
				continue
			}
			b = append(b, s[start:i]...)
			switch c {
			case '"', '\\':
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
		switch {
		case r == utf8.RuneError && size == 1:
			b = append(b, s[start:i]...)
			b = append(b, `\ufffd`...)
		case r == '\u2028' || r == '\u2029':
			b = append(b, s[start:i]...)
			b = append(b, '\\', 'u', '2', '0', '2', hex[r&0xF])
		default:
			i += size
			continue
		}
		i += size
		start = i
	}
	b = append(b, s[start:]...)
	return append(b, '"')
}

// plainText and plainHTML mark the ASCII bytes Append copies as they are,
// without and with html.
var plainText, plainHTML = func() (t, h [utf8.RuneSelf]bool) {
	for c := range t {
		t[c] = c >= 0x20 && c != '"' && c != '\\'
		h[c] = t[c] && c != '<' && c != '>' && c != '&'
	}
	return t, h
}()

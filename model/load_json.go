package model

// The fast path for native JSON (and the line reader of NDJSON): a decoder
// written for the story's own types, with no reflection and no node tree,
// that cleans every string as the YAML-node loader does and interns the
// strings that repeat (ids used as references, roles, dates).
//
// It handles exactly the JSON that the YAML-node loader would accept
// without a single problem and decode to the same story. Anything else (a
// syntax error, an unknown or repeated field, a value of the wrong type,
// a null in a list, a character YAML does not allow, an escaped surrogate
// pair or slash, text whose cleaning earns a warning) makes it give up, and
// the caller falls back to the YAML-node
// loader, whose messages carry line and column. A story that decodes but
// does not validate falls back in the same way.

import (
	"bytes"
	"strconv"
	"unicode/utf8"
	"unsafe"

	"github.com/dateline/dateline/model/edtf"
	"github.com/dateline/dateline/model/internal/huge"
	"github.com/dateline/dateline/model/text"
)

// fastPath turns the fast path off, for tests that compare it with the
// YAML-node loader.
var fastPath = true

// loadQuick is where Load tries the fast paths: NDJSON, which only this
// path reads, and native JSON. ok is false when Load must go on the slow way.
func loadQuick(name string, data []byte) (s *Story, ps Problems, err error, ok bool) {
	if LooksNDJSON(data) {
		s, ps, err = LoadNDJSON(name, bytes.NewReader(data))
		return s, ps, err, true
	}
	if s, ok := loadFast(data); ok {
		return s, nil, nil, true
	}
	return nil, nil, nil, false
}

// loadFast loads a native JSON story through the fast path. ok is false
// when the fast path cannot vouch for the result, and the caller must load
// data the slow way.
func loadFast(data []byte) (s *Story, ok bool) {
	if !fastPath {
		return nil, false
	}
	trimmed := bytes.TrimLeft(data, " \t\r\n")
	if len(trimmed) == 0 || trimmed[0] != '{' {
		return nil, false
	}
	r := newJSONReader(data)
	r.i = len(data) - len(trimmed)
	s = &Story{}
	r.story(s, len(data))
	r.ws()
	if r.bad || r.i != len(data) {
		return nil, false
	}
	if !quickValid(s) {
		return nil, false
	}
	return s, true
}

// jsonReader decodes the story's JSON from b. It never reports what is
// wrong: bad says only that the input is beyond it.
type jsonReader struct {
	b     []byte
	i     int
	bad   bool
	arena huge.Text         // where the strings read are kept
	ids   map[string]string // interned references, roles, kinds, stances
	dates map[string]edtf.Date
	esc   []byte // scratch for strings with escapes
	// keep, when set, is the test of the events' summaries a lean load
	// keeps (see KeepSummaries); dropped says it left out the summary of
	// the line being read.
	keep    func(string) bool
	dropped bool
	// Scratch lists, copied to slices of their exact length once read.
	roles []Role
	cites []Citation
	strs  []string
	// Where the lists are kept once read.
	roleSlab huge.Slab[Role]
	citeSlab huge.Slab[Citation]
	strSlab  huge.Slab[string]
}

func newJSONReader(b []byte) *jsonReader {
	return &jsonReader{b: b, ids: map[string]string{}, dates: map[string]edtf.Date{}}
}

// view is b as a string without copying; it must not outlive b.
func view(b []byte) string {
	if len(b) == 0 {
		return ""
	}
	return unsafe.String(&b[0], len(b))
}

func (r *jsonReader) fail() { r.bad = true }

func (r *jsonReader) ws() {
	for r.i < len(r.b) {
		switch r.b[r.i] {
		case ' ', '\n', '\r':
			r.i++
		case '\t':
			// YAML's reader is particular about tabs; the slow path decides.
			r.fail()
			return
		default:
			return
		}
	}
}

// peek skips white space and returns the next byte, or 0 at the end.
func (r *jsonReader) peek() byte {
	r.ws()
	if r.i < len(r.b) {
		return r.b[r.i]
	}
	return 0
}

func (r *jsonReader) expect(c byte) bool {
	if r.peek() != c {
		r.fail()
		return false
	}
	r.i++
	return true
}

// literal consumes lit (true, false, null) if it is next.
func (r *jsonReader) literal(lit string) bool {
	r.ws()
	if bytes.HasPrefix(r.b[r.i:], []byte(lit)) {
		end := r.i + len(lit)
		if end == len(r.b) || !isWordByte(r.b[end]) {
			r.i = end
			return true
		}
	}
	return false
}

func isWordByte(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_' || c == '.' || c == '-' || c == '+'
}

// object calls field for each key of an object, with the reader at the
// value; field must consume the value. seen catches repeated keys, whose
// number field returns as its bit (0 for keys it does not know, which
// fail).
func (r *jsonReader) object(field func(key string) uint64) {
	if !r.expect('{') {
		return
	}
	if r.peek() == '}' {
		r.i++
		return
	}
	var seen uint64
	for !r.bad {
		key, ok := r.rawString()
		if !ok {
			r.fail()
			return
		}
		// YAML wants a key and its colon on one line.
		for r.i < len(r.b) && r.b[r.i] == ' ' {
			r.i++
		}
		if r.i >= len(r.b) || r.b[r.i] != ':' {
			r.fail()
			return
		}
		r.i++
		bit := field(view(key))
		if bit == 0 || seen&bit != 0 {
			r.fail()
			return
		}
		seen |= bit
		switch r.peek() {
		case ',':
			r.i++
			r.ws()
		case '}':
			r.i++
			return
		default:
			r.fail()
			return
		}
	}
}

// list calls item for each element of a list; item consumes it. A null
// where a list belongs leaves the list out, as the YAML loader does. It
// reports whether there was a list, empty or not, which the YAML loader
// makes a non-nil slice.
func (r *jsonReader) list(item func()) bool {
	if r.literal("null") {
		return false
	}
	if !r.expect('[') {
		return false
	}
	if r.peek() == ']' {
		r.i++
		return true
	}
	for !r.bad {
		if r.peek() == 'n' { // null in a list: the slow path decides
			r.fail()
			return false
		}
		item()
		switch r.peek() {
		case ',':
			r.i++
		case ']':
			r.i++
			return true
		default:
			r.fail()
			return false
		}
	}
	return false
}

// nonNil makes an empty list read from the file an empty slice, not nil.
func nonNil[T any](read bool, xs *[]T) {
	if read && *xs == nil {
		*xs = []T{}
	}
}

// strSpecial finds, eight bytes at a time, the first byte of b that ends
// or escapes a string or needs a closer look: '"', '\\', a control byte,
// DEL or any byte of a non-ASCII character.
func strSpecial(b []byte) int {
	const ones, highs = 0x0101010101010101, 0x8080808080808080
	i := 0
	for ; i+8 <= len(b); i += 8 {
		x := uint64(b[i]) | uint64(b[i+1])<<8 | uint64(b[i+2])<<16 | uint64(b[i+3])<<24 |
			uint64(b[i+4])<<32 | uint64(b[i+5])<<40 | uint64(b[i+6])<<48 | uint64(b[i+7])<<56
		q := x ^ (0x22 * ones)
		bs := x ^ (0x5C * ones)
		del := x ^ (0x7F * ones)
		if (x|(x-0x20*ones)|(q-ones)&^q|(bs-ones)&^bs|(del-ones)&^del)&highs != 0 {
			break
		}
	}
	for ; i < len(b); i++ {
		c := b[i]
		if c < 0x20 || c == '"' || c == '\\' || c >= 0x7F {
			return i
		}
	}
	return i
}

// rawString reads a string and returns its bytes, unescaped: a slice of
// the input when it has no escapes, else of scratch space that the next
// string reuses. ok is false when the string is not one the YAML loader
// reads the same.
func (r *jsonReader) rawString() ([]byte, bool) {
	if r.peek() != '"' {
		return nil, false
	}
	r.i++
	start := r.i
	b := r.b
	for {
		j := r.i + strSpecial(b[r.i:])
		if j >= len(b) {
			return nil, false
		}
		switch c := b[j]; {
		case c == '"':
			r.i = j + 1
			return b[start:j], true
		case c == '\\':
			r.i = j
			return r.escaped(start)
		case c < 0x80:
			return nil, false // a control byte or DEL, which YAML refuses
		default:
			ch, n := utf8.DecodeRune(b[j:])
			if !yamlPrintable(ch, n) {
				return nil, false
			}
			r.i = j + n
		}
	}
}

// yamlPrintable reports whether a non-ASCII character may stand in a YAML
// double-quoted scalar as itself: it must be printable to YAML's reader
// and must not be a line break, which YAML would fold.
func yamlPrintable(r rune, n int) bool {
	switch {
	case r == utf8.RuneError && n <= 1:
		return false
	case r < 0xA0, r == 0x2028, r == 0x2029, r == 0xFEFF, r == 0xFFFE, r == 0xFFFF:
		return false
	}
	return true
}

// escaped finishes a string that holds an escape, from r.i at the first
// backslash, into r.esc.
func (r *jsonReader) escaped(start int) ([]byte, bool) {
	out := append(r.esc[:0], r.b[start:r.i]...)
	defer func() { r.esc = out[:0] }()
	b := r.b
	for r.i < len(b) {
		c := b[r.i]
		switch {
		case c == '"':
			r.i++
			return out, true
		case c == '\\':
			if r.i+1 >= len(b) {
				return nil, false
			}
			e := b[r.i+1]
			r.i += 2
			switch e {
			case '"', '\\':
				out = append(out, e)
			case 'b':
				out = append(out, '\b')
			case 'f':
				out = append(out, '\f')
			case 'n':
				out = append(out, '\n')
			case 'r':
				out = append(out, '\r')
			case 't':
				out = append(out, '\t')
			case 'u':
				if r.i+4 > len(b) {
					return nil, false
				}
				v, err := strconv.ParseUint(string(b[r.i:r.i+4]), 16, 32)
				if err != nil || v >= 0xD800 && v <= 0xDFFF {
					return nil, false // YAML refuses surrogates, even in pairs
				}
				out = utf8.AppendRune(out, rune(v))
				r.i += 4
			default:
				return nil, false
			}
		case c < 0x20 || c == 0x7F:
			return nil, false
		case c < 0x80:
			out = append(out, c)
			r.i++
		default:
			ch, n := utf8.DecodeRune(b[r.i:])
			if !yamlPrintable(ch, n) {
				return nil, false
			}
			out = append(out, b[r.i:r.i+n]...)
			r.i += n
		}
	}
	return nil, false
}

// stringOrNull reads a string's raw bytes. ok is false for a null, and
// for anything else that is not a string, which fails the reader.
func (r *jsonReader) stringOrNull() (raw []byte, ok bool) {
	if r.literal("null") {
		return nil, false
	}
	raw, ok = r.rawString()
	if !ok {
		r.fail()
	}
	return raw, ok
}

// text reads a string field: cleaned as one line, or as paragraphs when
// multi, and copied into the arena. A null leaves the field empty.
func (r *jsonReader) text(multi bool) string { return r.textKept(multi, nil) }

// summary reads an event's summary as text(true) does, leaving it out
// (empty) when a lean load's test refuses it.
func (r *jsonReader) summary() string { return r.textKept(true, r.keep) }

// textKept is text, leaving the field out when keep (if set) refuses its
// cleaned text, and saying so in dropped.
func (r *jsonReader) textKept(multi bool, keep func(string) bool) string {
	raw, ok := r.stringOrNull()
	if !ok {
		return ""
	}
	v := view(raw)
	var c string
	if multi {
		c = text.Clean(v)
	} else {
		c = text.CleanLine(v)
	}
	same := len(c) == len(v) && unsafe.StringData(c) == unsafe.StringData(v)
	if !same && !quietlyCleaned(v) {
		r.fail() // the slow path reads the line, this field and all
	}
	if keep != nil && c != "" && !keep(c) {
		r.dropped = true
		return ""
	}
	if same {
		return r.arena.Copy(raw)
	}
	return c
}

// quietlyCleaned reports whether cleaning s changes only its layout (line
// ends, tabs), which the YAML loader does without a warning. The fast path
// leaves the warnings to it.
func quietlyCleaned(s string) bool {
	_, st := text.CleanWithStats(s)
	return !st.Changed()
}

// ref reads a one-line string that repeats across the story (an id used as
// a reference, a role, a kind, a stance) and interns it.
func (r *jsonReader) ref() string {
	raw, ok := r.stringOrNull()
	if !ok {
		return ""
	}
	return r.intern(raw)
}

func (r *jsonReader) intern(raw []byte) string {
	if s, ok := r.ids[view(raw)]; ok {
		return s
	}
	s := text.CleanLine(string(raw))
	if s != view(raw) && !quietlyCleaned(view(raw)) {
		r.fail()
		return s
	}
	r.ids[s] = s
	if s != view(raw) {
		r.ids[string(raw)] = s
	}
	return s
}

// date reads a date as the YAML loader does: cleaned as one line, then
// parsed; a bad date gives up.
func (r *jsonReader) date() edtf.Date {
	if r.literal("null") {
		return edtf.Date{}
	}
	raw, ok := r.rawString()
	if !ok {
		r.fail()
		return edtf.Date{}
	}
	if d, ok := r.dates[view(raw)]; ok {
		return d
	}
	key := string(raw)
	d, err := edtf.Parse(text.CleanLine(key))
	if err != nil {
		r.fail()
		return edtf.Date{}
	}
	r.dates[key] = d
	return d
}

// integer reads a whole number that YAML also reads as one.
func (r *jsonReader) integer() int {
	if r.literal("null") {
		return 0
	}
	r.ws()
	start := r.i
	if r.i < len(r.b) && r.b[r.i] == '-' {
		r.i++
	}
	digits := r.i
	for r.i < len(r.b) && r.b[r.i] >= '0' && r.b[r.i] <= '9' {
		r.i++
	}
	n := r.i - digits
	if n == 0 || n > 9 || n > 1 && r.b[digits] == '0' || r.i < len(r.b) && isWordByte(r.b[r.i]) {
		r.fail()
		return 0
	}
	v, _ := strconv.Atoi(string(r.b[start:r.i]))
	return v
}

func (r *jsonReader) boolean() bool {
	switch {
	case r.literal("true"):
		return true
	case r.literal("false"), r.literal("null"):
		return false
	}
	r.fail()
	return false
}

// strings reads a list of references into a slice of exactly its length.
func (r *jsonReader) strings() []string {
	r.strs = r.strs[:0]
	if !r.list(func() { r.strs = append(r.strs, r.ref()) }) {
		return nil
	}
	return exact(&r.strSlab, r.strs)
}

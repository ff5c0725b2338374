package timelinejs

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strings"
	"unicode/utf8"

	"github.com/dateline/dateline/model"
	"github.com/dateline/dateline/model/text"
)

// Import reads a TimelineJS JSON timeline, named name in messages, into a
// story. It returns the story and its warnings, or an error: model.Problems
// holding every problem found, each at its line and column.
//
// An empty file (or one holding only white space, or an empty list) is an
// empty story, with a warning. Bytes that are not UTF-8 are shown as
// U+FFFD, and a warning counts them.
func Import(name string, data []byte) (*model.Story, model.Problems, error) {
	if p, ok := model.BinaryProblem(name, data); ok {
		return nil, nil, model.Problems{p}
	}
	if bytes.HasPrefix(data, []byte("\uFEFF")) {
		// A byte order mark is not JSON; spaces in its place keep the offsets.
		data = append([]byte("   "), data[3:]...)
	}
	if emptyJSON(data) {
		return &model.Story{}, model.Problems{{File: name, Warning: true, Msg: "the file is empty, so the story has nothing in it yet"}}, nil
	}
	var warns model.Problems
	if !utf8.Valid(data) {
		// encoding/json reads each such byte in a string as U+FFFD.
		var bad utf8Count
		bad.count(string(data), func() (int, int) {
			for i := 0; ; {
				r, size := utf8.DecodeRune(data[i:])
				if r == utf8.RuneError && size == 1 {
					return model.LineCol(data, i)
				}
				i += size
			}
		})
		w, _ := bad.warning(name)
		warns = append(warns, w)
	}
	doc, err := parseJSON(name, data)
	if err != nil {
		return nil, warns, err
	}
	s, w, err := convert(name, doc)
	return s, append(warns, w...), err
}

// emptyJSON reports whether data is white space, or an empty list.
func emptyJSON(data []byte) bool {
	t := bytes.TrimSpace(data)
	return len(t) == 0 || len(t) >= 2 && t[0] == '[' && t[len(t)-1] == ']' && len(bytes.TrimSpace(t[1:len(t)-1])) == 0
}

// flex is a field TimelineJS files write as a string or a number (and
// sometimes as null or a boolean). A list or object is kept as bad.
type flex struct {
	s   string
	bad string
}

// UnmarshalJSON implements json.Unmarshaler.
func (f *flex) UnmarshalJSON(b []byte) error {
	switch b[0] {
	case '"':
		return json.Unmarshal(b, &f.s)
	case 'n':
		f.s = ""
	case '{':
		f.bad = "an object"
	case '[':
		f.bad = "a list"
	default: // a number, true or false: keep it as written
		f.s = string(b)
	}
	return nil
}

type jsonDate struct {
	Year        flex `json:"year"`
	Month       flex `json:"month"`
	Day         flex `json:"day"`
	Hour        flex `json:"hour"`
	Minute      flex `json:"minute"`
	Second      flex `json:"second"`
	Millisecond flex `json:"millisecond"`
	DisplayDate flex `json:"display_date"`
}

// jsonDateField is a start_date or end_date, which must be an object.
type jsonDateField struct {
	d   *jsonDate
	bad string
}

// UnmarshalJSON implements json.Unmarshaler.
func (f *jsonDateField) UnmarshalJSON(b []byte) error {
	switch b[0] {
	case '{':
		f.d = &jsonDate{}
		return json.Unmarshal(b, f.d)
	case 'n':
	case '"':
		f.bad = "is a string, not an object"
	case '[':
		f.bad = "is a list, not an object"
	default:
		f.bad = "is a number, not an object"
	}
	return nil
}

type jsonSlide struct {
	StartDate jsonDateField `json:"start_date"`
	EndDate   jsonDateField `json:"end_date"`
	Text      struct {
		Headline flex `json:"headline"`
		Text     flex `json:"text"`
	} `json:"text"`
	Media struct {
		URL     flex `json:"url"`
		Caption flex `json:"caption"`
		Credit  flex `json:"credit"`
	} `json:"media"`
	Group       flex `json:"group"`
	DisplayDate flex `json:"display_date"`
	UniqueID    flex `json:"unique_id"`
	EDTF        flex `json:"edtf"`
}

func (j *jsonSlide) raw(at pos) rawSlide {
	r := rawSlide{
		at:       at,
		headline: j.Text.Headline.s, text: j.Text.Text.s,
		media:   rawMedia{url: j.Media.URL.s, caption: j.Media.Caption.s, credit: j.Media.Credit.s},
		group:   j.Group.s,
		display: j.DisplayDate.s, uniqueID: j.UniqueID.s, edtf: j.EDTF.s,
	}
	for _, f := range []struct {
		name string
		v    flex
	}{
		{"text.headline", j.Text.Headline}, {"text.text", j.Text.Text}, {"media.url", j.Media.URL},
		{"media.caption", j.Media.Caption}, {"media.credit", j.Media.Credit}, {"group", j.Group},
		{"display_date", j.DisplayDate}, {"unique_id", j.UniqueID}, {"edtf", j.EDTF},
	} {
		if f.v.bad != "" {
			r.bad = append(r.bad, fmt.Sprintf("%s is %s, not text", f.name, f.v.bad))
		}
	}
	r.start = j.StartDate.raw()
	r.end = j.EndDate.raw()
	return r
}

func (f jsonDateField) raw() *rawDate {
	if f.bad != "" {
		return &rawDate{year: "?", bad: f.bad}
	}
	if f.d == nil {
		return nil
	}
	d := f.d
	return &rawDate{
		year: d.Year.s, month: d.Month.s, day: d.Day.s,
		hour: d.Hour.s, minute: d.Minute.s, second: d.Second.s, millisecond: d.Millisecond.s,
		display: d.DisplayDate.s,
	}
}

// parseJSON walks the top-level object, decoding each slide on its own so
// that every slide knows its line and column.
func parseJSON(name string, data []byte) (*rawDoc, error) {
	if !json.Valid(data) {
		return nil, model.Problems{syntaxProblem(name, data)}
	}
	if p, ok := shapeProblem(name, data); ok {
		return nil, model.Problems{p}
	}
	p := &jsonParser{name: name, data: data, dec: json.NewDecoder(bytes.NewReader(data))}
	doc := &rawDoc{}
	if tok, _ := p.dec.Token(); tok != json.Delim('{') {
		return nil, model.Problems{{File: name, Line: 1, Col: 1,
			Msg: "this is not a TimelineJS timeline: expected a JSON object with an \"events\" list"}}
	}
	sawEvents := false
	for p.dec.More() {
		tok, err := p.dec.Token()
		if err != nil {
			return nil, model.Problems{p.problem(err, 0)}
		}
		key, _ := tok.(string)
		switch key {
		case "title":
			at := p.valueStart()
			var j jsonSlide
			if !p.decode(&j, at, "the title slide") {
				continue
			}
			r := j.raw(p.pos(at))
			doc.title = &r
		case "events", "eras":
			sawEvents = sawEvents || key == "events"
			list := p.slides(key)
			if key == "events" {
				doc.events = list
			} else {
				doc.eras = list
			}
		case "scale":
			at := p.valueStart()
			var f flex
			if p.decode(&f, at, "scale") {
				doc.scale, doc.scaleAt = f.s, p.pos(at)
			}
		default:
			var skip json.RawMessage
			if err := p.dec.Decode(&skip); err != nil {
				return nil, model.Problems{p.problem(err, 0)}
			}
		}
	}
	if len(p.errs) > 0 {
		return nil, capProblems(p.errs)
	}
	if !sawEvents && doc.title == nil && len(doc.eras) == 0 {
		return nil, model.Problems{{File: name, Line: 1, Col: 1,
			Msg: "this is not a TimelineJS timeline: the object has no \"events\" list (nor a title slide or eras)"}}
	}
	return doc, nil
}

type jsonParser struct {
	name string
	data []byte
	dec  *json.Decoder
	errs model.Problems
}

// valueStart is the offset of the next value: past white space, ':' and ','.
func (p *jsonParser) valueStart() int {
	off := int(p.dec.InputOffset())
	for off < len(p.data) {
		switch p.data[off] {
		case ' ', '\t', '\r', '\n', ':', ',':
			off++
			continue
		}
		break
	}
	return off
}

func (p *jsonParser) pos(off int) pos {
	l, c := model.LineCol(p.data, off)
	return pos{l, c}
}

// decode decodes the next value into v, reporting a type error at its
// place. base is the decoder's offset before the value.
func (p *jsonParser) decode(v any, at int, what string) bool {
	base := int(p.dec.InputOffset())
	if err := p.dec.Decode(v); err != nil {
		var te *json.UnmarshalTypeError
		if errors.As(err, &te) {
			l, c := model.LineCol(p.data, base+int(te.Offset)-1)
			field := te.Field
			if field == "" {
				field = what
			}
			p.errs = append(p.errs, model.Problem{File: p.name, Line: l, Col: c,
				Msg: fmt.Sprintf("%s: %s must be %s, not %s", what, text.CleanLine(field), typeName(te), te.Value)})
			return false
		}
		p.errs = append(p.errs, p.problem(err, at))
		return false
	}
	return true
}

func typeName(te *json.UnmarshalTypeError) string {
	if te.Type == nil {
		return "another type"
	}
	switch te.Type.Kind().String() {
	case "struct", "map":
		return "an object"
	case "slice", "array":
		return "a list"
	case "string":
		return "text"
	}
	return "a " + te.Type.String()
}

// slides decodes a list of slides.
func (p *jsonParser) slides(key string) []rawSlide {
	at := p.valueStart()
	if at >= len(p.data) || p.data[at] != '[' {
		var skip json.RawMessage
		_ = p.dec.Decode(&skip)
		l, c := model.LineCol(p.data, at)
		p.errs = append(p.errs, model.Problem{File: p.name, Line: l, Col: c,
			Msg: fmt.Sprintf("%q must be a list of slides ([{…}, …])", key)})
		return nil
	}
	if _, err := p.dec.Token(); err != nil {
		p.errs = append(p.errs, p.problem(err, at))
		return nil
	}
	var out []rawSlide
	what := "event"
	if key == "eras" {
		what = "era"
	}
	for n := 1; p.dec.More(); n++ {
		start := p.valueStart()
		if p.data[start] != '{' {
			var skip json.RawMessage
			_ = p.dec.Decode(&skip)
			l, c := model.LineCol(p.data, start)
			p.errs = append(p.errs, model.Problem{File: p.name, Line: l, Col: c,
				Msg: fmt.Sprintf("%s %d must be an object ({\"start_date\": …, \"text\": …})", what, n)})
			continue
		}
		var j jsonSlide
		if p.decode(&j, start, fmt.Sprintf("%s %d", what, n)) {
			out = append(out, j.raw(p.pos(start)))
		}
	}
	if _, err := p.dec.Token(); err != nil { // ']'
		p.errs = append(p.errs, p.problem(err, at))
	}
	return out
}

func (p *jsonParser) problem(err error, at int) model.Problem {
	l, c := model.LineCol(p.data, at)
	if err == io.EOF {
		err = io.ErrUnexpectedEOF
	}
	return model.Problem{File: p.name, Line: l, Col: c, Msg: "cannot read the JSON here: " + text.CleanLine(err.Error())}
}

// syntaxProblem reports encoding/json's syntax error at its line and column.
func syntaxProblem(name string, data []byte) model.Problem {
	var v any
	err := json.Unmarshal(data, &v)
	var se *json.SyntaxError
	if !errors.As(err, &se) {
		msg := "the file is not valid JSON"
		if err != nil {
			msg += ": " + text.CleanLine(err.Error())
		}
		return model.Problem{File: name, Line: 1, Col: 1, Msg: msg}
	}
	if strings.Contains(se.Error(), "exceeded max depth") {
		if off := model.DeepBracket(data); off >= 0 {
			l, c := model.LineCol(data, off)
			return model.Problem{File: name, Line: l, Col: c, Msg: tooDeepMsg}
		}
	}
	off := int(se.Offset)
	if off > 0 && off <= len(data) && se.Error() != "unexpected end of JSON input" {
		off-- // the offset is just past the offending character
	}
	l, c := model.LineCol(data, off)
	return model.Problem{File: name, Line: l, Col: c, Msg: "the file is not valid JSON: " + text.CleanLine(se.Error()) + "; fix the syntax there"}
}

const tooDeepMsg = "the data is nested more than 1,000 levels deep here, which no timeline needs; look for brackets that never close"

// shapeProblem finds, in valid JSON, what encoding/json lets pass but a
// timeline must not have: nesting more than maxDepth deep, and a key that
// appears twice in one object, where encoding/json would keep the last
// value and lose the first without a word.
func shapeProblem(name string, data []byte) (model.Problem, bool) {
	if off := model.DeepBracket(data); off >= 0 {
		l, c := model.LineCol(data, off)
		return model.Problem{File: name, Line: l, Col: c, Msg: tooDeepMsg}, true
	}
	type object struct {
		keys    map[string]int // key → offset
		wantKey bool
	}
	var stack []*object // nil entries are lists
	dec := json.NewDecoder(bytes.NewReader(data))
	for {
		before := int(dec.InputOffset())
		tok, err := dec.Token()
		if err != nil {
			return model.Problem{}, false // io.EOF; the data is valid JSON
		}
		var top *object
		if len(stack) > 0 {
			top = stack[len(stack)-1]
		}
		if key, ok := tok.(string); ok && top != nil && top.wantKey {
			at := before
			for at < len(data) && data[at] != '"' {
				at++ // past white space and the comma
			}
			if first, dup := top.keys[key]; dup {
				l, c := model.LineCol(data, at)
				fl, _ := model.LineCol(data, first)
				return model.Problem{File: name, Line: l, Col: c,
					Msg: fmt.Sprintf("duplicate key %q (first at line %d): a key may appear once in an object, and one of the values would be lost; remove or rename one of them", text.CleanLine(key), fl)}, true
			}
			top.keys[key] = at
			top.wantKey = false
			continue
		}
		switch tok {
		case json.Delim('{'):
			stack = append(stack, &object{keys: map[string]int{}, wantKey: true})
			continue
		case json.Delim('['):
			stack = append(stack, nil)
			continue
		case json.Delim('}'), json.Delim(']'):
			stack = stack[:len(stack)-1]
			if len(stack) > 0 {
				top = stack[len(stack)-1]
			} else {
				top = nil
			}
		}
		if top != nil {
			top.wantKey = true // a value ended
		}
	}
}

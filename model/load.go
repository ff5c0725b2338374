package model

import (
	"bytes"
	"cmp"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"reflect"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/dateline/dateline/model/text"
	"go.yaml.in/yaml/v3"
)

// UnwrapPathError drops the operation and path an os error repeats, for
// messages that name the path themselves: "cannot read x: no such file".
func UnwrapPathError(err error) error {
	var pe *os.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	var le *os.LinkError
	if errors.As(err, &le) {
		return le.Err
	}
	return err
}

// Load parses a native story file, YAML or JSON of the same shape, named
// name in messages. Every string is cleaned for the terminal. It returns the
// story and any warnings, or an error: Problems holding every problem found,
// each at its line and column, and never just the first.
//
// Bytes that are not UTF-8 do not stop it: each becomes U+FFFD, and one
// warning counts them and points at the first. A NUL byte does: the file
// looks binary (see BinaryProblem).
func Load(name string, data []byte) (*Story, Problems, error) {
	if p, ok := BinaryProblem(name, data); ok {
		return nil, nil, Problems{p}
	}
	if utf8.Valid(data) {
		return load(name, data)
	}
	fixed, w := replaceInvalidUTF8(name, data)
	s, warns, err := load(name, fixed)
	return s, append(Problems{w}, warns...), err
}

// replaceInvalidUTF8 returns data with each byte that is not UTF-8 replaced
// by U+FFFD, and the warning that says so.
func replaceInvalidUTF8(name string, data []byte) ([]byte, Problem) {
	out := make([]byte, 0, len(data)+len(data)/8)
	n, first := 0, -1
	for i := 0; i < len(data); {
		r, size := utf8.DecodeRune(data[i:])
		if r == utf8.RuneError && size == 1 {
			if first < 0 {
				first = i
			}
			n++
			out = utf8.AppendRune(out, utf8.RuneError)
		} else {
			out = append(out, data[i:i+size]...)
		}
		i += size
	}
	line, col := LineCol(data, first)
	what := "1 byte that is not UTF-8 is"
	if n > 1 {
		what = fmt.Sprintf("%d bytes that are not UTF-8 are", n)
	}
	return out, Problem{File: name, Line: line, Col: col, Warning: true,
		Msg: what + " shown as \uFFFD (the first is here); if the file is in another encoding, such as Latin-1 or Windows-1252, save it as UTF-8"}
}

func load(name string, data []byte) (*Story, Problems, error) {
	if len(bytes.TrimSpace(data)) == 0 {
		return &Story{}, Problems{{File: name, Warning: true, Msg: "the file is empty, so the story has nothing in it yet"}}, nil
	}
	if s, ps, err, ok := loadQuick(name, data); ok {
		return s, ps, err
	}
	var root yaml.Node
	docs := yaml.NewDecoder(bytes.NewReader(data))
	if err := docs.Decode(&root); err != nil && err != io.EOF {
		return nil, nil, Problems{syntaxProblem(name, data, err)}
	}
	if p, ok := trailingProblem(name, data, docs); ok {
		return nil, nil, Problems{p}
	}
	doc := &root
	if doc.Kind == yaml.DocumentNode && len(doc.Content) > 0 {
		doc = doc.Content[0]
	}
	if doc.Kind == 0 || doc.Kind == yaml.ScalarNode && doc.Tag == "!!null" {
		// Only comments, or an empty document.
		return &Story{}, Problems{{File: name, Warning: true, Msg: "the file has no story in it yet"}}, nil
	}
	if doc.Kind == yaml.SequenceNode && len(doc.Content) == 0 {
		return &Story{}, Problems{{File: name, Warning: true, Msg: "the file holds an empty list, so the story has nothing in it yet"}}, nil
	}
	if doc.Kind != yaml.MappingNode {
		return nil, nil, Problems{{File: name, Line: doc.Line, Col: doc.Column,
			Msg: "this is not a dateline story: expected a mapping with title, actors, topics, events, statements and positions (see the README for the format)"}}
	}
	s := &Story{}
	dec := &decoder{}
	dec.decode(doc, reflect.ValueOf(s).Elem(), nil, "")
	issues := append(dec.issues, validateAround(s, dec.issues)...)
	for _, c := range dec.cleaned {
		issues = append(issues, issue{at: c.at, warn: true,
			msg: "text cleaned for the terminal: " + c.stats.Describe()})
		s.noteCleaned(c.at, c.stats)
	}
	var errs, warns Problems
	for _, is := range issues {
		p := place(name, &root, is)
		if is.warn {
			warns = append(warns, p)
		} else {
			errs = append(errs, p)
		}
	}
	if len(errs) > 0 {
		slices.SortStableFunc(errs, func(a, b Problem) int {
			return cmp.Or(cmp.Compare(a.Line, b.Line), cmp.Compare(a.Col, b.Col))
		})
		return nil, warns, errs
	}
	return s, warns, nil
}

// validateAround validates a story that decoded with the given issues, so
// that one load reports every problem. It leaves out what the decoding
// problems already explain: a validation issue on a path within, or
// containing, one that failed to decode (a field reported unknown is also
// reported missing, otherwise). When a whole section failed to decode,
// every reference into it would fail too, so it validates nothing.
func validateAround(s *Story, decoded []issue) []issue {
	for _, d := range decoded {
		if len(d.at) == 1 {
			if _, section := d.at[0].(string); section {
				return nil
			}
		}
	}
	var out []issue
next:
	for _, v := range validate(s) {
		for _, d := range decoded {
			if len(d.at) > 0 && d.at.overlaps(v.at) {
				continue next
			}
		}
		out = append(out, v)
	}
	return out
}

// noteCleaned records cleaning against the event or statement whose text it was.
func (s *Story) noteCleaned(at path, st text.CleanStats) {
	if len(at) < 2 {
		return
	}
	i, ok := at[1].(int)
	if !ok {
		return
	}
	var id string
	switch {
	case at[0] == "events" && i < len(s.Events):
		id = s.Events[i].ID
	case at[0] == "statements" && i < len(s.Statements):
		id = s.Statements[i].ID
	default:
		return
	}
	if s.Cleaned == nil {
		s.Cleaned = map[string]text.CleanStats{}
	}
	c := s.Cleaned[id]
	c.Sequences += st.Sequences
	c.Controls += st.Controls
	c.InvalidUTF8 += st.InvalidUTF8
	c.Bidi += st.Bidi
	c.ZeroWidth += st.ZeroWidth
	s.Cleaned[id] = c
}

// CheckBuilt validates a story that code built from valid input, such as
// an importer's or a merge's, where any problem is dateline's bug: it
// returns the errors (warnings left out, at most limit of them), each
// saying that what made the story, what, has a bug to report.
func CheckBuilt(name string, s *Story, what string, limit int) Problems {
	var bad Problems
	for _, p := range Validate(name, s) {
		if p.Warning {
			continue
		}
		if len(bad) == limit {
			break
		}
		p.Msg = what + " made an invalid story, which is a bug in dateline (please report it): " + p.Msg
		bad = append(bad, p)
	}
	return bad
}

// Validate checks a story built in code (or by an importer) by the same rules
// as Load; problems name paths such as events[3].actors[0].actor, since there
// are no lines to point at.
func Validate(name string, s *Story) Problems {
	if quickValid(s) {
		return nil
	}
	var ps Problems
	for _, is := range validate(s) {
		ps = append(ps, place(name, nil, is))
	}
	return ps
}

// place turns an issue's path into a file position.
func place(name string, root *yaml.Node, is issue) Problem {
	p := Problem{File: name, Msg: is.msg, Warning: is.warn}
	if n := locate(root, is.at, is.atKey); root != nil && n != nil {
		p.Line, p.Col = n.Line, n.Column
	} else if len(is.at) > 0 {
		p.Msg = is.at.String() + ": " + p.Msg
	}
	if is.also != nil {
		if n := locate(root, is.also, false); root != nil && n != nil {
			p.Msg += fmt.Sprintf(" (first used at line %d)", n.Line)
		} else {
			p.Msg += fmt.Sprintf(" (first used at %s)", is.also)
		}
	}
	return p
}

// trailingProblem reports data after the story's document, which a
// reader of the first document alone would drop without a word: a second
// YAML document (after "---"), anything after "..." or after the closing
// brace of a JSON story. dec has read the first document. Further
// documents that are empty (a last "---", comments) hold nothing to lose.
func trailingProblem(name string, data []byte, dec *yaml.Decoder) (Problem, bool) {
	for {
		var next yaml.Node
		err := dec.Decode(&next)
		switch {
		case err == io.EOF:
			return Problem{}, false
		case err == nil && (len(next.Content) == 0 || next.Content[0].Kind == yaml.ScalarNode && next.Content[0].Tag == "!!null"):
			continue
		}
		if p, ok := jsonTrailing(name, data); ok {
			return p, true
		}
		if err == nil {
			return Problem{File: name, Line: next.Line, Col: next.Column,
				Msg: "a second YAML document starts here, after the story; a file holds one story, and the rest would be dropped: remove the \"---\" and what follows, or move it to a file of its own"}, true
		}
		p := syntaxProblem(name, data, err)
		if !strings.Contains(err.Error(), "did not find expected <document start>") {
			return p, true // a second document that is not even YAML
		}
		p.Col = firstNonBlank(data, p.Line)
		p.Msg = "data after the end of the story (a \"...\" line, or the end of its last value); a file holds one story, and this would be dropped: remove it, or move it to a file of its own"
		return p, true
	}
}

// jsonTrailing finds data after a JSON story's closing brace, at its
// exact place. ok is false when data does not start with a JSON value.
func jsonTrailing(name string, data []byte) (Problem, bool) {
	trimmed := bytes.TrimLeft(bytes.TrimPrefix(data, []byte("\uFEFF")), " \t\r\n")
	if len(trimmed) == 0 || trimmed[0] != '{' && trimmed[0] != '[' {
		return Problem{}, false
	}
	dec := json.NewDecoder(bytes.NewReader(data))
	var first json.RawMessage
	if dec.Decode(&first) != nil {
		return Problem{}, false
	}
	off := int(dec.InputOffset())
	rest := bytes.TrimLeft(data[off:], " \t\r\n")
	if len(rest) == 0 {
		return Problem{}, false
	}
	off = len(data) - len(rest)
	line, col := LineCol(data, off)
	msg := "data after the story's closing brace; a JSON story is one object, and what follows would be dropped: remove it, or move it to a file of its own"
	if LooksNDJSON(rest) {
		msg = "a line of dateline's NDJSON format follows the story's object here; in that format every line is an object with a \"type\", the story's too: write the first line as {\"type\":\"story\",\"title\":…}"
	}
	return Problem{File: name, Line: line, Col: col, Msg: msg}, true
}

// firstNonBlank is the column of the first character on line (1-based)
// that is not a space or tab, or 1.
func firstNonBlank(data []byte, line int) int {
	for n, l := range bytes.SplitAfter(data, []byte("\n")) {
		if n+1 == line {
			t := bytes.TrimLeft(l, " \t")
			if len(bytes.TrimSpace(t)) == 0 {
				return 1
			}
			return utf8.RuneCount(l[:len(l)-len(t)]) + 1
		}
	}
	return 1
}

var yamlLine = regexp.MustCompile(`^yaml: line (\d+): (.*)$`)

// yamlParserProblems are the messages of go-yaml's parser (as opposed to its
// scanner). For these it names the line before the one it means, since its
// marks count lines from 0, and it leaves the line out on the first line.
var yamlParserProblems = map[string]bool{
	"did not find expected <stream-start>":   true,
	"did not find expected <document start>": true,
	"found incompatible YAML document":       true,
	"found duplicate %YAML directive":        true,
	"found duplicate %TAG directive":         true,
	"found undefined tag handle":             true,
	"did not find expected node content":     true,
	"did not find expected '-' indicator":    true,
	"did not find expected key":              true,
	"did not find expected ',' or ']'":       true,
	"did not find expected ',' or '}'":       true,
}

// syntaxProblem turns the parser's error into a Problem at the line that
// holds the mistake, and its column where that can be found.
func syntaxProblem(name string, data []byte, err error) Problem {
	if p, ok := jsonSyntaxProblem(name, data); ok {
		return p
	}
	p := Problem{File: name}
	msg := strings.TrimPrefix(err.Error(), "yaml: ")
	if m := yamlLine.FindStringSubmatch(err.Error()); m != nil {
		p.Line, _ = strconv.Atoi(m[1])
		msg = m[2]
	}
	switch {
	case strings.Contains(msg, "exceeded max depth"):
		return tooDeepProblem(name, data, p.Line)
	case msg == "control characters are not allowed" || strings.Contains(msg, "UTF-8"):
		// Reader errors carry no line: find the character.
		if off, r := badChar(data); off >= 0 {
			p.Line, p.Col = LineCol(data, off)
			if r == utf8.RuneError {
				msg = "the file is not UTF-8 here; save it as UTF-8"
			} else {
				msg = fmt.Sprintf("the file holds control character %U, which YAML does not allow; remove it, or write it as an escape inside double quotes", r)
			}
			return Problem{File: name, Line: p.Line, Col: p.Col, Msg: msg}
		}
	case strings.Contains(msg, "tab character"):
		// The scanner blames the line of the value the tab would continue.
		if off := tabIndent(data, p.Line); off >= 0 {
			p.Line, p.Col = LineCol(data, off)
		}
		msg += "; indent with spaces"
	case yamlParserProblems[msg]:
		p.Line++
	case p.Line == 0 && !strings.Contains(msg, "anchor") && !strings.Contains(msg, "alias"):
		p.Line = 1 // a scanner error on the first line
	}
	if p.Line > 0 {
		p.Col = yamlErrorCol(data, p.Line, msg)
	}
	p.Msg = "the file is not valid YAML: " + text.CleanLine(msg) + "; fix the syntax there"
	return p
}

// yamlErrorCol finds the column of a go-yaml syntax error, whose messages
// give only the line: the character the message is about where it names
// one, else the first on the line, where the token it blames begins.
func yamlErrorCol(data []byte, line int, msg string) int {
	var l []byte
	for n, x := range bytes.SplitAfter(data, []byte("\n")) {
		if n+1 == line {
			l = x
			break
		}
	}
	at := -1
	switch {
	case strings.Contains(msg, "unknown escape character"):
		at = badEscape(l)
	case strings.Contains(msg, "mapping values are not allowed"):
		// The second "key:" on a line: a colon after the first value.
		if first := bytes.Index(l, []byte(": ")); first >= 0 {
			if i := bytes.Index(l[first+2:], []byte(":")); i >= 0 {
				at = first + 2 + i
			}
		}
	case strings.Contains(msg, "cannot start any token"):
		at = bytes.IndexAny(l, "@`")
	case strings.Contains(msg, "',' or ']'"): // the bracket left open
		at = bytes.LastIndexByte(l, '[')
	case strings.Contains(msg, "',' or '}'"):
		at = bytes.LastIndexByte(l, '{')
	}
	if at >= 0 {
		return utf8.RuneCount(l[:at]) + 1
	}
	return firstNonBlank(data, line)
}

// badEscape finds, in a line, the backslash of the first escape YAML does
// not know inside double quotes, or -1.
func badEscape(l []byte) int {
	quoted := false
	for i := 0; i < len(l); i++ {
		switch c := l[i]; {
		case c == '"':
			quoted = !quoted
		case c == '\\' && quoted && i+1 < len(l):
			if !strings.ContainsRune("0abt\tnvfre \"/\\N_LPxuU", rune(l[i+1])) {
				return i
			}
			i++
		}
	}
	return -1
}

// jsonSyntaxProblem reports the syntax error of a file that is JSON, or
// meant to be: one that starts with '{' or '['. go-yaml's positions for it
// are only approximate, encoding/json's offset is exact.
func jsonSyntaxProblem(name string, data []byte) (Problem, bool) {
	trimmed := bytes.TrimLeft(bytes.TrimPrefix(data, []byte("\uFEFF")), " \t\r\n")
	if len(trimmed) == 0 || trimmed[0] != '{' && trimmed[0] != '[' {
		return Problem{}, false
	}
	var v any
	var se *json.SyntaxError
	if err := json.Unmarshal(data, &v); !errors.As(err, &se) {
		return Problem{}, false
	}
	if strings.Contains(se.Error(), "exceeded max depth") {
		return tooDeepProblem(name, data, 0), true
	}
	// The offset is just past the offending character, or the end of input.
	off := int(se.Offset)
	if off > 0 && off <= len(data) && !strings.HasPrefix(se.Error(), "unexpected end") {
		off--
	}
	line, col := LineCol(data, off)
	return Problem{File: name, Line: line, Col: col,
		Msg: "the file is not valid JSON: " + text.CleanLine(se.Error()) + "; fix the syntax there"}, true
}

// tooDeepProblem reports data nested deeper than maxDepth, which the
// parser refused; line is the parser's guess at the place, or 0. The place
// is the first bracket more than maxDepth deep, where one can be found.
func tooDeepProblem(name string, data []byte, line int) Problem {
	p := Problem{File: name, Line: max(line, 1), Msg: tooDeepMsg}
	if off := DeepBracket(data); off >= 0 {
		p.Line, p.Col = LineCol(data, off)
	}
	return p
}

// DeepBracket returns the offset of the first '[' or '{' nested more than
// 1,000 levels deep, skipping double-quoted strings, or -1: the importers
// refuse such data before a parser recurses into it. Data that does not
// start with a bracket is a YAML block mapping, one level deep already.
func DeepBracket(data []byte) int {
	depth, quoted := 1, false
	if t := bytes.TrimLeft(data, " \t\r\n"); len(t) > 0 && (t[0] == '[' || t[0] == '{') {
		depth = 0
	}
	for i := 0; i < len(data); i++ {
		c := data[i]
		switch {
		case quoted:
			switch c {
			case '\\':
				i++
			case '"':
				quoted = false
			}
		case c == '"':
			quoted = true
		case c == '[' || c == '{':
			if depth++; depth > maxDepth {
				return i
			}
		case c == ']' || c == '}':
			depth = max(depth-1, 0)
		}
	}
	return -1
}

// LineCol converts a byte offset in data to a 1-based line and column, the
// column counted in characters as go-yaml counts them.
func LineCol(data []byte, off int) (line, col int) {
	off = min(max(off, 0), len(data))
	before := data[:off]
	start := bytes.LastIndexByte(before, '\n') + 1
	return bytes.Count(before, []byte("\n")) + 1, utf8.RuneCount(before[start:]) + 1
}

// badChar finds the first character YAML does not allow in a stream: bytes
// that are not UTF-8, and control characters other than tab, newline,
// carriage return and U+0085. It returns -1 when there is none.
func badChar(data []byte) (int, rune) {
	for i := 0; i < len(data); {
		r, n := utf8.DecodeRune(data[i:])
		switch {
		case r == utf8.RuneError && n <= 1:
			return i, r
		case r < 0x20 && r != '\t' && r != '\n' && r != '\r',
			r >= 0x7F && r <= 0x9F && r != 0x85,
			r == 0xFEFF && i > 0:
			return i, r
		}
		i += n
	}
	return -1, 0
}

// tabIndent finds the first tab in the indentation of a line, from line
// from (1-based) on, or returns -1.
func tabIndent(data []byte, from int) int {
	off := 0
	for n, line := range bytes.SplitAfter(data, []byte("\n")) {
		if n+1 >= from {
			for i, c := range line {
				if c == '\t' {
					return off + i
				}
				if c != ' ' {
					break
				}
			}
		}
		off += len(line)
	}
	return -1
}

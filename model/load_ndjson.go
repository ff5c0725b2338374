package model

// dateline's NDJSON format: one JSON object a line, each with a "type"
// (story, source, actor, topic, event, statement or position) and the
// fields that the YAML format gives that kind of thing:
//
//	{"type":"story","title":"…","description":"…"}
//	{"type":"actor","id":"russia","name":"Russia","kind":"government"}
//	{"type":"event","id":"e1","date":"2023-03-17","title":"…","actors":[{"actor":"russia"}]}
//	{"type":"statement","id":"s1","speaker":"russia","quote":"…","stances":{"warrant":"opposes"}}
//
// Lines may come in any order and blank lines are skipped. The reader
// streams: it holds one line at a time besides the story it builds.

import (
	"bufio"
	"bytes"
	"cmp"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"reflect"
	"runtime"
	"slices"
	"strings"
	"sync"
	"unicode/utf8"

	"github.com/dateline/dateline/model/internal/huge"
	"github.com/dateline/dateline/model/text"
	"go.yaml.in/yaml/v3"
)

// ndjsonKinds are the values of "type", in the order help names them.
var ndjsonKinds = []string{"story", "source", "actor", "topic", "event", "statement", "position"}

// ndjsonSection maps a type to the story's list of that kind, as paths
// name it.
var ndjsonSection = map[string]string{
	"source": "sources", "actor": "actors", "topic": "topics", "event": "events",
	"statement": "statements", "position": "positions",
}

// maxLineProblems bounds the errors one NDJSON file reports.
const maxLineProblems = 200

// LooksNDJSON reports whether data (a file, or its start) is in the NDJSON
// format: its first line that is not blank is a whole JSON object with a
// "type". Such a file can be streamed through LoadNDJSON.
func LooksNDJSON(data []byte) bool {
	data = bytes.TrimLeft(data, " \t\r\n")
	line, _, _ := bytes.Cut(data, []byte("\n"))
	line = bytes.TrimSpace(line)
	if len(line) < 2 || line[0] != '{' || line[len(line)-1] != '}' || !bytes.Contains(line, []byte(`"type"`)) {
		return false
	}
	var head map[string]json.RawMessage
	if json.Unmarshal(line, &head) != nil {
		return false
	}
	_, ok := head["type"]
	return ok
}

// ndjsonLoader is the state of one LoadNDJSON.
type ndjsonLoader struct {
	name      string
	s         *Story
	lines     map[string][]int32 // section → line of each item
	storyLine int
	decoded   []issue // what the slow path found, by path, for validateAround
	errs      Problems
	warns     Problems
	more      int // errors past maxLineProblems
	// cutLine is the line number of a last line the file ends in the
	// middle of (no line break, not complete JSON), or 0.
	cutLine int
	// badUTF8 holds a warning for each block with bytes that are not UTF-8.
	badUTF8 Problems
	// keep is a lean load's test of the summaries it keeps (lean.go), and
	// left the events whose summary it left out.
	keep func(string) bool
	left LeftOut
}

// LoadNDJSON reads a story in the NDJSON format from r, named name in
// messages, streaming. Strings are cleaned and the story validated as Load
// does; it returns the story, or Problems holding every problem (up to
// 200), each at its line, and at its column too when r is also an
// io.Seeker (a file, a bytes.Reader), since it reads the lines with
// problems again to find them.
func LoadNDJSON(name string, r io.Reader) (*Story, Problems, error) {
	return loadNDJSON(&ndjsonLoader{name: name, s: &Story{}, lines: map[string][]int32{}}, r)
}

// LoadNDJSONLean is LoadNDJSON for a lean load (see KeepSummaries): the
// events' summaries that keep refuses are left out, and the story fetches
// them back through open, which opens the file again, by their lines'
// places in it. With open nil they are left out for good (validate,
// count), and nothing is kept of where they were.
func LoadNDJSONLean(name string, r io.Reader, keep func(string) bool, open func() (ReaderAtCloser, error)) (*Story, Problems, error) {
	l := &ndjsonLoader{name: name, s: &Story{}, lines: map[string][]int32{}, keep: keep}
	l.left.ForGood = open == nil
	s, warns, err := loadNDJSON(l, r)
	if err == nil {
		l.left.Give(s, name, open, ndjsonSummaries(name, s))
	}
	return s, warns, err
}

func loadNDJSON(l *ndjsonLoader, r io.Reader) (*Story, Problems, error) {
	name := l.name
	if n := int(SizeHint(r)); n > 0 {
		l.s.Events = huge.Slice[Event](0, n/eventBytes+1)
		l.lines["events"] = make([]int32, 0, n/eventBytes+1)
		if l.keep != nil {
			l.left.Grow(n/eventBytes + 1) // a lean load leaves out most summaries
		}
	}
	lineNo, blank, err := l.readAll(GuardBinary(name, r))
	var binary Problems
	if errors.As(err, &binary) {
		return nil, nil, binary
	}
	if err != nil {
		return nil, nil, Problems{{File: name, Line: lineNo, Msg: "cannot read the file: " + err.Error()}}
	}
	if lineNo == blank {
		return &Story{}, Problems{{File: name, Warning: true, Msg: "the file is empty, so the story has nothing in it yet"}}, nil
	}
	s := l.s
	l.keepBeforeCut()
	if len(l.badUTF8) > 0 {
		l.warns = append(l.warns, l.badUTF8[0]) // the first place says enough
	}
	byPlace := func(a, b Problem) int { return cmp.Or(cmp.Compare(a.Line, b.Line), cmp.Compare(a.Col, b.Col)) }
	slices.SortStableFunc(l.warns, byPlace)
	if len(l.errs) == 0 && len(l.decoded) == 0 && quickValid(s) {
		return s, l.warns, nil
	}
	issues := validateAround(s, l.decoded)
	l.place(r, issues)
	if len(l.errs) == 0 {
		return s, l.warns, nil
	}
	slices.SortStableFunc(l.errs, byPlace)
	if l.more > 0 {
		l.errs = append(l.errs, Problem{File: name, Msg: fmt.Sprintf("and %d more problems; fix these first", l.more)})
	}
	return nil, l.warns, l.errs
}

// keepBeforeCut turns the error on a last line cut short into a warning:
// the file ends in the middle of a record, so that record is left out and
// every complete line before it kept.
func (l *ndjsonLoader) keepBeforeCut() {
	if l.cutLine == 0 {
		return
	}
	kept := l.errs[:0]
	for _, p := range l.errs {
		if p.Line != l.cutLine {
			kept = append(kept, p)
		}
	}
	l.errs = kept
	l.warns = append(l.warns, Problem{File: l.name, Line: l.cutLine, Col: 1, Warning: true,
		Msg: fmt.Sprintf("the file ends in the middle of this line, as if cut short; it was left out and the %d lines before it kept", l.cutLine-1)})
}

// SizeHint is the size of what r reads, when r can tell: a file, a
// bytes.Reader, or a reader wrapped by Sized; 0 when it cannot. Loaders
// size their lists from it once, rather than regrowing them.
func SizeHint(r io.Reader) int64 {
	switch r := r.(type) {
	case interface{ SizeHint() int64 }:
		return r.SizeHint()
	case interface{ Len() int }:
		return int64(r.Len())
	case interface{ Stat() (os.FileInfo, error) }:
		if fi, err := r.Stat(); err == nil && fi.Mode().IsRegular() {
			return fi.Size()
		}
	}
	return 0
}

// Sized is r telling SizeHint that it reads n bytes: a file read through
// a buffer or a counter, which hide its size.
func Sized(r io.Reader, n int64) io.Reader { return sizedReader{r, n} }

type sizedReader struct {
	io.Reader
	n int64
}

// SizeHint implements the interface SizeHint looks for.
func (r sizedReader) SizeHint() int64 { return r.n }

func (l *ndjsonLoader) fail(p Problem) {
	if len(l.errs) >= maxLineProblems {
		l.more++
		return
	}
	l.errs = append(l.errs, p)
}

// ndjsonBlock is a run of whole lines, read while others are decoded, and
// what they decoded to: a story of their own, and an entry a line. Blocks
// go round from the reader to a decoder to the loader and back, so that
// a file of any size needs a handful of them.
type ndjsonBlock struct {
	seq       int
	firstLine int // the number of its first line
	data      []byte
	offset    int64 // where data starts in the file
	fixed     bool  // data has bytes that are not UTF-8 replaced
	part      Story
	entries   []lineEntry
	lines     int // lines in the block, blank ones included
	blank     int
}

// lineEntry is one line of a decoded block: which kind of thing it added
// to the part story and where, and the line itself for the slow path.
type lineEntry struct {
	kind ndjsonKind
	line int32
	idx  int32  // index in the part's list of that kind
	raw  []byte // for kindSlow and kindStory
	// dropped: a lean load left out the event's summary; at is where
	// the line starts in the file.
	dropped bool
	at      int64
}

type ndjsonKind uint8

const (
	kindSlow ndjsonKind = iota
	kindStory
	kindSource
	kindActor
	kindTopic
	kindEvent
	kindStatement
	kindPosition
)

// ndjsonBlockSize is how much the reader hands a decoder at a time.
const ndjsonBlockSize = 1 << 20

// readAll reads r in blocks of whole lines, decodes the blocks on every
// processor, and adds what they hold to the story in the order of the
// file. It returns the number of lines and of blank lines.
func (l *ndjsonLoader) readAll(r io.Reader) (lines, blank int, err error) {
	workers := max(1, min(runtime.GOMAXPROCS(0), 4))
	free := make(chan *ndjsonBlock, 2*workers+2)
	for range cap(free) {
		free <- &ndjsonBlock{}
	}
	blocks := make(chan *ndjsonBlock, cap(free))
	decoded := make(chan *ndjsonBlock, cap(free))
	var readErr error
	go func() {
		defer close(blocks)
		var carry []byte
		line, seq := 1, 0
		var offset int64 // where the next block starts in the file
		for last := false; !last; {
			b := <-free
			// Room for the carried start of a line and as much again.
			blk := b.data[:0]
			if want := max(ndjsonBlockSize, 2*len(carry)); cap(blk) < want {
				blk = make([]byte, 0, want)
			}
			blk = append(blk, carry...)
			n, err := io.ReadFull(r, blk[len(blk):cap(blk)])
			blk = blk[:len(blk)+n]
			switch err {
			case nil:
			case io.EOF, io.ErrUnexpectedEOF:
				last = true
			default:
				readErr = err
				free <- b
				return
			}
			cut := bytes.LastIndexByte(blk, '\n') + 1
			if last {
				if tail := bytes.TrimSpace(blk[cut:]); len(tail) > 0 && !json.Valid(tail) {
					l.cutLine = line + bytes.Count(blk[:cut], []byte("\n"))
				}
				cut = len(blk)
			}
			carry = append(carry[:0], blk[cut:]...)
			if cut == 0 {
				// A line longer than the block: read on into a bigger one.
				free <- b
				continue
			}
			data := blk[:cut]
			b.offset, b.fixed = offset, false
			offset += int64(cut)
			if !utf8.Valid(data) {
				// As Load does: each byte that is not UTF-8 shown as U+FFFD,
				// with one warning for the file at the first.
				fixed, w := replaceInvalidUTF8(l.name, data)
				w.Line += line - 1
				l.badUTF8 = append(l.badUTF8, w)
				data = fixed
				b.fixed = true // its lines' places in the file are not in data
			}
			b.seq, b.firstLine, b.data = seq, line, data
			line += bytes.Count(b.data, []byte("\n"))
			seq++
			blocks <- b
		}
	}()
	var wg sync.WaitGroup
	for range workers {
		wg.Go(func() {
			jr := newJSONReader(nil)
			jr.keep = l.keep
			for b := range blocks {
				decodeBlock(jr, b)
				decoded <- b
			}
		})
	}
	go func() {
		wg.Wait()
		close(decoded)
	}()
	pending := map[int]*ndjsonBlock{}
	next := 0
	for d := range decoded {
		pending[d.seq] = d
		for {
			d, ok := pending[next]
			if !ok {
				break
			}
			delete(pending, next)
			next++
			l.add(d)
			lines += d.lines
			blank += d.blank
			free <- d
		}
	}
	return lines, blank, readErr
}

// decodeBlock decodes a block's lines on the fast path, keeping the lines
// it gives up on for the slow one.
func decodeBlock(r *jsonReader, b *ndjsonBlock) {
	p := &b.part
	*p = Story{Sources: p.Sources[:0], Actors: p.Actors[:0], Topics: p.Topics[:0], Events: p.Events[:0],
		Statements: p.Statements[:0], Positions: p.Positions[:0]}
	b.entries, b.lines, b.blank = b.entries[:0], 0, 0
	data := b.data
	keep := r.keep
	if b.fixed && keep != nil {
		r.keep = nil // a lean load keeps them here: it could not find the lines again
		defer func() { r.keep = keep }()
	}
	for n := b.firstLine; len(data) > 0; n++ {
		at := b.offset + int64(len(b.data)-len(data))
		line, rest, _ := bytes.Cut(data, []byte("\n"))
		data = rest
		b.lines++
		if len(bytes.TrimSpace(line)) == 0 {
			b.blank++
			continue
		}
		e := lineEntry{line: int32(n), at: at}
		if kind, idx, ok := fastLine(r, p, line); ok {
			e.kind, e.idx, e.dropped = kind, idx, r.dropped
		}
		if e.kind == kindSlow || e.kind == kindStory {
			e.raw = line // a second story line goes the slow way too
		}
		b.entries = append(b.entries, e)
	}
}

// add puts a decoded block's things into the story, in order, and reads
// the lines the fast path gave up on the slow way.
func (l *ndjsonLoader) add(d *ndjsonBlock) {
	s, part := l.s, &d.part
	for _, e := range d.entries {
		n := int(e.line)
		switch e.kind {
		case kindSlow:
			l.slowLine(n, e.raw)
			continue
		case kindStory:
			if l.storyLine > 0 {
				l.slowLine(n, e.raw) // which says there are two
				continue
			}
			l.storyLine = n
			s.Title, s.Description = part.Title, part.Description
			continue
		case kindSource:
			s.Sources = grow(s.Sources, part.Sources[e.idx])
		case kindActor:
			s.Actors = grow(s.Actors, part.Actors[e.idx])
		case kindTopic:
			s.Topics = grow(s.Topics, part.Topics[e.idx])
		case kindEvent:
			s.Events = grow(s.Events, part.Events[e.idx])
			if e.dropped {
				l.left.Add(Place{Event: int32(len(s.Events) - 1), At: e.at})
			}
		case kindStatement:
			s.Statements = grow(s.Statements, part.Statements[e.idx])
		case kindPosition:
			s.Positions = grow(s.Positions, part.Positions[e.idx])
		}
		sec := sectionOf[e.kind]
		l.lines[sec] = append(l.lines[sec], e.line)
	}
}

// grow appends x to xs, doubling a full list rather than growing it by a
// quarter as append does past a few hundred elements: a list that grows to
// a hundred megabytes leaves as much garbage behind, not four times as
// much.
func grow[T any](xs []T, x T) []T {
	if len(xs) == cap(xs) && len(xs) >= 1024 {
		xs = append(make([]T, 0, 2*len(xs)), xs...)
	}
	return append(xs, x)
}

// sectionOf names the story's list of each kind, as paths do.
var sectionOf = [...]string{kindSource: "sources", kindActor: "actors", kindTopic: "topics",
	kindEvent: "events", kindStatement: "statements", kindPosition: "positions"}

// fastLine decodes one line whose first field is "type" into s, adding
// the thing to its list. ok is false, and s as it was, when the line is
// beyond the fast path.
func fastLine(r *jsonReader, s *Story, b []byte) (kind ndjsonKind, idx int32, ok bool) {
	r.b, r.i, r.bad, r.dropped = b, 0, false, false
	if r.peek() != '{' {
		return 0, 0, false
	}
	r.i++
	if key, ok := r.rawString(); !ok || string(key) != "type" {
		return 0, 0, false
	}
	r.i = 0
	r.object(func(key string) uint64 {
		if key == "type" {
			raw, ok := r.rawString()
			if !ok {
				r.fail()
				return 0
			}
			switch string(raw) {
			case "story":
				kind = kindStory
			case "source":
				kind, idx = kindSource, int32(len(s.Sources))
				s.Sources = append(s.Sources, Source{})
			case "actor":
				kind, idx = kindActor, int32(len(s.Actors))
				s.Actors = append(s.Actors, Actor{})
			case "topic":
				kind, idx = kindTopic, int32(len(s.Topics))
				s.Topics = append(s.Topics, Topic{})
			case "event":
				kind, idx = kindEvent, int32(len(s.Events))
				s.Events = append(s.Events, Event{})
			case "statement":
				kind, idx = kindStatement, int32(len(s.Statements))
				s.Statements = append(s.Statements, Statement{})
			case "position":
				kind, idx = kindPosition, int32(len(s.Positions))
				s.Positions = append(s.Positions, Position{})
			default:
				r.fail()
				return 0
			}
			return 1 << 63
		}
		switch kind {
		case kindStory:
			switch key {
			case "title":
				s.Title = r.text(false)
				return 1 << 0
			case "description":
				s.Description = r.text(true)
				return 1 << 1
			}
		case kindSource:
			return r.sourceField(&s.Sources[idx], key)
		case kindActor:
			return r.actorField(&s.Actors[idx], key)
		case kindTopic:
			return r.topicField(&s.Topics[idx], key)
		case kindEvent:
			return r.eventField(&s.Events[idx], key)
		case kindStatement:
			return r.statementField(&s.Statements[idx], key)
		case kindPosition:
			return r.positionField(&s.Positions[idx], key)
		}
		r.fail() // a field before the type, or one the kind lacks
		return 0
	})
	r.ws()
	if r.bad || r.i != len(r.b) || kind == kindSlow {
		// Take off what the line began to add.
		switch kind {
		case kindStory:
			s.Title, s.Description = "", ""
		case kindSource:
			s.Sources = s.Sources[:idx]
		case kindActor:
			s.Actors = s.Actors[:idx]
		case kindTopic:
			s.Topics = s.Topics[:idx]
		case kindEvent:
			s.Events = s.Events[:idx]
		case kindStatement:
			s.Statements = s.Statements[:idx]
		case kindPosition:
			s.Positions = s.Positions[:idx]
		}
		return 0, 0, false
	}
	return kind, idx, true
}

// slowLine decodes a line the fast path gave up on with the YAML-node
// decoder, which says what is wrong and where.
func (l *ndjsonLoader) slowLine(n int, b []byte) {
	b = bytes.TrimRight(b, "\r\n")
	at := func(p Problem) Problem {
		p.File, p.Line = l.name, n+max(p.Line, 1)-1
		return p
	}
	if !json.Valid(b) {
		if p, ok := jsonSyntaxProblem(l.name, b); ok {
			l.fail(at(p))
		} else {
			l.fail(at(Problem{Col: 1, Msg: "each line must be one JSON object with a \"type\", as in {\"type\":\"event\",\"id\":\"e1\",…}"}))
		}
		return
	}
	var root yaml.Node
	if err := yaml.Unmarshal(b, &root); err != nil {
		l.fail(at(syntaxProblem(l.name, b, err)))
		return
	}
	node := &root
	if node.Kind == yaml.DocumentNode && len(node.Content) > 0 {
		node = node.Content[0]
	}
	if node.Kind != yaml.MappingNode {
		l.fail(at(Problem{Line: node.Line, Col: node.Column,
			Msg: "each line must be a JSON object with a \"type\" (one of " + strings.Join(ndjsonKinds, ", ") + "), not a " + nodeKindName(node)}))
		return
	}
	kind, typeAt := "", -1
	for i := 0; i+1 < len(node.Content); i += 2 {
		if node.Content[i].Value == "type" {
			if typeAt >= 0 {
				l.fail(at(Problem{Line: node.Content[i].Line, Col: node.Content[i].Column, Msg: `duplicate key "type": a field may appear once; remove one of them`}))
				return
			}
			kind, typeAt = node.Content[i+1].Value, i
		}
	}
	if typeAt < 0 {
		l.fail(at(Problem{Line: node.Line, Col: node.Column,
			Msg: "this line has no \"type\"; give it one of " + strings.Join(ndjsonKinds, ", ")}))
		return
	}
	val := node.Content[typeAt+1]
	if val.Kind != yaml.ScalarNode || !slices.Contains(ndjsonKinds, kind) {
		l.fail(at(Problem{Line: val.Line, Col: val.Column,
			Msg: fmt.Sprintf("unknown type %q%s; the types are: %s", text.CleanLine(kind), didYouMean(kind, ndjsonKinds), strings.Join(ndjsonKinds, ", "))}))
		return
	}
	node.Content = slices.Delete(slices.Clone(node.Content), typeAt, typeAt+2)

	var target reflect.Value
	var prefix path
	sec := ndjsonSection[kind]
	switch kind {
	case "story":
		if l.storyLine > 0 {
			l.fail(at(Problem{Line: val.Line, Col: val.Column,
				Msg: fmt.Sprintf("a second \"story\" line (the first is line %d); give the title and description once", l.storyLine)}))
			return
		}
		l.storyLine = n
		var head struct {
			Title       string `yaml:"title"`
			Description string `yaml:"description"`
		}
		target = reflect.ValueOf(&head).Elem()
		defer func() { l.s.Title, l.s.Description = head.Title, head.Description }()
	default:
		list := reflect.ValueOf(l.s).Elem().FieldByNameFunc(func(f string) bool { return strings.EqualFold(f, sec) })
		list.Set(reflect.Append(list, reflect.Zero(list.Type().Elem())))
		target = list.Index(list.Len() - 1)
		prefix = path{sec, list.Len() - 1}
		l.lines[sec] = append(l.lines[sec], int32(n))
	}
	d := &decoder{}
	d.decode(node, target, prefix, sec)
	for _, is := range d.issues {
		l.decoded = append(l.decoded, is)
		p := Problem{Msg: is.msg}
		if m := locate(node, is.at[min(len(prefix), len(is.at)):], is.atKey); m != nil {
			p.Line, p.Col = m.Line, m.Column
		}
		l.fail(at(p))
	}
	for _, c := range d.cleaned {
		p := Problem{Warning: true, Msg: "text cleaned for the terminal: " + c.stats.Describe()}
		if m := locate(node, c.at[min(len(prefix), len(c.at)):], false); m != nil {
			p.Line, p.Col = m.Line, m.Column
		}
		l.warns = append(l.warns, at(p))
		l.s.noteCleaned(c.at, c.stats)
	}
}

// place turns validation issues into problems at their lines, reading the
// lines again for their columns when r can seek back.
func (l *ndjsonLoader) place(r io.Reader, issues []issue) {
	lineOf := func(at path) int {
		if len(at) >= 2 {
			sec, _ := at[0].(string)
			i, _ := at[1].(int)
			if lines := l.lines[sec]; i < len(lines) {
				return int(lines[i])
			}
		}
		return 0
	}
	if len(issues) > maxLineProblems {
		l.more += len(issues) - maxLineProblems
		issues = issues[:maxLineProblems]
	}
	want := map[int]*yaml.Node{}
	for _, is := range issues {
		want[lineOf(is.at)] = nil
	}
	if sk, ok := r.(io.Seeker); ok {
		if _, err := sk.Seek(0, io.SeekStart); err == nil {
			readLines(r, want)
		}
	}
	for _, is := range issues {
		n := lineOf(is.at)
		p := Problem{File: l.name, Line: n, Msg: is.msg}
		rest := is.at
		if len(rest) >= 2 {
			rest = rest[2:]
		}
		if root := want[n]; root != nil {
			if m := locate(root, rest, is.atKey); m != nil {
				p.Col = m.Column
			}
		} else if len(rest) > 0 {
			p.Msg = rest.String() + ": " + p.Msg
		}
		if n == 0 && len(is.at) > 0 {
			p.Msg = is.at.String() + ": " + is.msg
		}
		if is.also != nil {
			p.Msg += fmt.Sprintf(" (first used at line %d)", lineOf(is.also))
		}
		l.fail(p)
	}
}

// readLines parses the lines whose numbers are keys of want.
func readLines(r io.Reader, want map[int]*yaml.Node) {
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 1<<20), 1<<30)
	for n := 1; sc.Scan(); n++ {
		if _, ok := want[n]; !ok {
			continue
		}
		var root yaml.Node
		if yaml.Unmarshal(sc.Bytes(), &root) == nil {
			want[n] = &root
		}
	}
}

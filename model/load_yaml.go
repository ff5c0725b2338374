package model

import (
	"cmp"
	"fmt"
	"reflect"
	"strconv"
	"strings"
	"sync"

	"github.com/dateline/dateline/model/edtf"
	"github.com/dateline/dateline/model/text"
	"go.yaml.in/yaml/v3"
)

// decoder turns a YAML (or JSON) node tree into a Story by the struct's
// yaml tags, cleaning every string and collecting every problem.
type decoder struct {
	issues []issue
	// cleaned records the strings that held something unsafe, by path.
	cleaned []cleanedText
	// walked is set once the tree has been measured, on the first call
	// to decode, which is given the root.
	walked bool
	// deep is the path of a node nested more than maxDepth deep, if any:
	// the problems it causes further up are not reported again.
	deep path
	// budget is how many nodes aliases may still add to the tree as
	// written, so that a few lines of anchors cannot expand into gigabytes.
	budget int
	sizes  map[*yaml.Node]int // nodes in each aliased tree
}

// maxDepth is how deeply a story's data may nest. A story needs six levels
// or so; the parsers' own limits (10,000 levels) are far beyond anything
// honest and cost time to reach.
const maxDepth = 1000

// tooDeepMsg is the problem of data nested deeper than maxDepth.
const tooDeepMsg = "the data is nested more than 1,000 levels deep here, which no story needs; look for brackets or indentation that never close"

// aliasFactor bounds alias expansion: the nodes that aliases add may be at
// most aliasFactor times those written, plus aliasFloor.
const (
	aliasFactor = 10
	aliasFloor  = 100_000
)

// walk measures the tree at n once: it reports a node nested more than
// maxDepth deep and sets the alias budget from the number of nodes.
func (d *decoder) walk(n *yaml.Node, at path) {
	d.walked = true
	nodes := 0
	var rev path // the path to the deep node, innermost first
	var visit func(n *yaml.Node, depth int) bool
	visit = func(n *yaml.Node, depth int) bool {
		nodes++
		if depth > maxDepth {
			return true
		}
		for i, c := range n.Content {
			if visit(c, depth+1) {
				switch {
				case n.Kind == yaml.MappingNode && i%2 == 1 && n.Content[i-1].Kind == yaml.ScalarNode:
					rev = append(rev, n.Content[i-1].Value) // as decode names a field
				case n.Kind == yaml.MappingNode:
					rev = append(rev, i/2)
				default:
					rev = append(rev, i)
				}
				return true
			}
		}
		return false
	}
	if visit(n, 1) {
		p := at.with()
		for i := len(rev) - 1; i >= 0; i-- {
			p = append(p, rev[i])
		}
		d.deep = p
		d.issues = append(d.issues, issue{at: p, msg: tooDeepMsg})
	}
	d.budget = aliasFactor*nodes + aliasFloor
}

// aliasSize counts the nodes of the tree an alias stands for.
func (d *decoder) aliasSize(n *yaml.Node) int {
	if size, ok := d.sizes[n]; ok {
		return size
	}
	size := 1
	for _, c := range n.Content {
		if c.Kind == yaml.AliasNode {
			size += d.aliasSize(c.Alias)
		} else {
			size += d.aliasSize(c)
		}
		if size > d.budget {
			break // enough to know
		}
	}
	if d.sizes == nil {
		d.sizes = map[*yaml.Node]int{}
	}
	d.sizes[n] = size
	return size
}

// cleanedText is a string that cleaning changed, and how.
type cleanedText struct {
	at    path
	stats text.CleanStats
}

var (
	dateType         = reflect.TypeFor[edtf.Date]()
	topicStancesType = reflect.TypeFor[TopicStances]()
)

// multiline names the fields whose text may hold paragraphs; every other
// string is a single line.
var multiline = map[string]bool{"summary": true, "description": true, "quote": true}

func (d *decoder) fail(at path, atKey bool, format string, args ...any) {
	if d.deep != nil && d.deep.overlaps(at) {
		return // the nesting is the problem
	}
	d.issues = append(d.issues, issue{at: at, atKey: atKey, msg: fmt.Sprintf(format, args...)})
}

// decode fills v from n. name is the field name, for cleaning rules.
func (d *decoder) decode(n *yaml.Node, v reflect.Value, at path, name string) {
	if !d.walked {
		d.walk(n, at)
	}
	if n.Kind == yaml.AliasNode {
		if d.budget -= d.aliasSize(n.Alias); d.budget < 0 {
			if d.budget+d.aliasSize(n.Alias) >= 0 { // report the first alias past the budget only
				d.fail(at, false, "the aliases (*%s and the like) expand the story to more than %d times its written size; write the items out instead of repeating a large anchor", text.CleanLine(n.Value), aliasFactor)
			}
			return
		}
		n = n.Alias
	}
	if n.Kind == yaml.ScalarNode && n.Tag == "!!null" {
		return // absent
	}
	switch {
	case v.Type() == dateType:
		s, ok := d.scalar(n, at, name, "an EDTF date such as \"2023-03-17\"")
		if !ok {
			return
		}
		s = text.CleanLine(s)
		date, err := edtf.Parse(s)
		if err != nil {
			label := "date"
			if name != "date" {
				label = name + " date" // published, as_of
			}
			d.fail(at, false, "bad %s %v", label, err)
			return
		}
		v.Set(reflect.ValueOf(date))
		return
	case v.Type() == topicStancesType:
		d.decodeStances(n, v, at)
		return
	}
	switch v.Kind() {
	case reflect.String:
		s, ok := d.scalar(n, at, name, "text")
		if !ok {
			return
		}
		v.SetString(d.clean(s, at, multiline[name]))
	case reflect.Int:
		s, ok := d.scalar(n, at, name, "a whole number")
		if !ok {
			return
		}
		i, err := strconv.Atoi(s)
		if err != nil || n.Tag != "!!int" {
			d.fail(at, false, "%s must be a whole number, not %q", name, text.CleanLine(s))
			return
		}
		v.SetInt(int64(i))
	case reflect.Bool:
		s, ok := d.scalar(n, at, name, "true or false")
		if !ok {
			return
		}
		b, err := strconv.ParseBool(s)
		if err != nil || n.Tag != "!!bool" {
			d.fail(at, false, "%s must be true or false, not %q", name, text.CleanLine(s))
			return
		}
		v.SetBool(b)
	case reflect.Slice:
		if n.Kind != yaml.SequenceNode {
			d.fail(at, false, "%s must be a list (- item, or [a, b])", name)
			return
		}
		s := reflect.MakeSlice(v.Type(), len(n.Content), len(n.Content))
		for i, c := range n.Content {
			d.decode(c, s.Index(i), at.with(i), name)
		}
		v.Set(s)
	case reflect.Struct:
		d.decodeStruct(n, v, at, name)
	}
}

// clean makes s safe for the terminal, remembering what it removed.
func (d *decoder) clean(s string, at path, multi bool) string {
	out := text.CleanLine(s)
	if multi {
		out = text.Clean(s)
	}
	if out != s {
		if _, st := text.CleanWithStats(s); st.Changed() {
			d.cleaned = append(d.cleaned, cleanedText{at, st})
		}
	}
	return out
}

// scalar returns n's text, or reports that field name needed one value.
func (d *decoder) scalar(n *yaml.Node, at path, name, want string) (string, bool) {
	if n.Kind != yaml.ScalarNode {
		d.fail(at, false, "%s must be %s, not a %s; write one value here", cmp.Or(name, "this"), want, nodeKindName(n))
		return "", false
	}
	return n.Value, true
}

func (d *decoder) decodeStruct(n *yaml.Node, v reflect.Value, at path, name string) {
	if n.Kind != yaml.MappingNode {
		d.fail(at, false, "expected a mapping of fields for %s, found a %s", cmp.Or(name, "the story"), nodeKindName(n))
		return
	}
	fields := structFields(v.Type())
	seen := make(map[string]bool, len(n.Content)/2)
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, val := n.Content[i], n.Content[i+1]
		key := k.Value
		if seen[key] {
			d.fail(at.with(i/2), true, "duplicate key %q: a field may appear once; remove one of them", text.CleanLine(key))
			continue
		}
		seen[key] = true
		idx, ok := fields.index[key]
		if !ok {
			d.fail(at.with(i/2), true, "unknown field %q in %s%s; the fields are: %s",
				text.CleanLine(key), cmp.Or(singular(name), "the story"), didYouMean(key, fields.names), strings.Join(fields.names, ", "))
			continue
		}
		d.decode(val, v.Field(idx), at.with(key), key)
	}
}

func (d *decoder) decodeStances(n *yaml.Node, v reflect.Value, at path) {
	if n.Kind != yaml.MappingNode {
		d.fail(at, false, "stances must be a mapping of topic id to stance, as in {warrant: opposes}")
		return
	}
	out := make(TopicStances, 0, len(n.Content)/2)
	seen := map[string]bool{}
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, val := n.Content[i], n.Content[i+1]
		topic := text.CleanLine(k.Value)
		if seen[topic] {
			d.fail(at.with(i/2), true, "duplicate stance on topic %q; give each topic one stance", topic)
			continue
		}
		seen[topic] = true
		s, ok := d.scalar(val, at.with(k.Value), fmt.Sprintf("the stance on %q", topic), "a stance")
		if !ok {
			continue
		}
		out = append(out, TopicStance{Topic: topic, Stance: Stance(text.CleanLine(s))})
	}
	v.Set(reflect.ValueOf(out))
}

type fieldSet struct {
	index map[string]int
	names []string
}

var fieldCache sync.Map // reflect.Type → fieldSet

// structFields maps yaml tag names to field indexes. Only the story's own
// types pass through here, so the cache fills once.
func structFields(t reflect.Type) fieldSet {
	if fs, ok := fieldCache.Load(t); ok {
		return fs.(fieldSet)
	}
	fs := fieldSet{index: map[string]int{}}
	for i := range t.NumField() {
		tag := strings.Split(t.Field(i).Tag.Get("yaml"), ",")[0]
		if tag == "" || tag == "-" {
			continue
		}
		fs.index[tag] = i
		fs.names = append(fs.names, tag)
	}
	fieldCache.Store(t, fs)
	return fs
}

func nodeKindName(n *yaml.Node) string {
	switch n.Kind {
	case yaml.MappingNode:
		return "mapping"
	case yaml.SequenceNode:
		return "list"
	case yaml.ScalarNode:
		return fmt.Sprintf("value %q", text.CleanLine(n.Value))
	}
	return "document"
}

// singular names one element of a list field: "events" → "an event".
func singular(name string) string {
	switch name {
	case "":
		return ""
	case "actors":
		return "an actor entry"
	case "citations":
		return "a citation"
	case "citation":
		return "the citation"
	}
	s := strings.TrimSuffix(name, "s")
	article := "a "
	if strings.ContainsRune("aeiou", rune(s[0])) {
		article = "an "
	}
	return article + s
}

// locate finds the node a path names, for its line and column. When atKey,
// the last element is a mapping entry's ordinal and the key node is returned.
func locate(root *yaml.Node, at path, atKey bool) *yaml.Node {
	n := root
	if n != nil && n.Kind == yaml.DocumentNode && len(n.Content) > 0 {
		n = n.Content[0]
	}
	for i, e := range at {
		if n == nil {
			return nil
		}
		if n.Kind == yaml.AliasNode {
			n = n.Alias
		}
		last := i == len(at)-1
		switch e := e.(type) {
		case int:
			switch {
			case n.Kind == yaml.SequenceNode && e < len(n.Content):
				n = n.Content[e]
			case n.Kind == yaml.MappingNode && 2*e+1 < len(n.Content):
				if last && atKey {
					return n.Content[2*e]
				}
				n = n.Content[2*e+1]
			default:
				return n
			}
		case string:
			if n.Kind != yaml.MappingNode {
				return n
			}
			var next *yaml.Node
			for j := 0; j+1 < len(n.Content); j += 2 {
				if n.Content[j].Value == e {
					next = n.Content[j+1]
					if last && atKey {
						next = n.Content[j]
					}
					break
				}
			}
			if next == nil {
				return n
			}
			n = next
		}
	}
	return n
}

package formats

// Where an item came from: the file and line of its YAML or JSON node, its
// NDJSON line, or its CSV row. It is found when asked (the explorer's e),
// by reading the files again, so that loading pays nothing for it and the
// importers stay as they are.

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"strconv"
	"strings"

	"go.yaml.in/yaml/v3"

	"github.com/dateline/dateline/model"
)

// ErrNotFound is Locate's answer for an item none of the files holds as
// it is named (a merge may have renamed it).
var ErrNotFound = errors.New("not found")

// Locate returns the file among paths, read as format f, and the 1-based
// line where the event or statement id starts.
func Locate(paths []string, f Format, id string) (file string, line int, err error) {
	for _, p := range paths {
		data, err := os.ReadFile(p)
		if err != nil {
			return "", 0, fmt.Errorf("cannot read %s: %w", p, model.UnwrapPathError(err))
		}
		if line := locateIn(data, f, id); line > 0 {
			return p, line, nil
		}
	}
	return "", 0, fmt.Errorf("%w: no item %q in %s", ErrNotFound, id, strings.Join(paths, ", "))
}

// locateIn is the line of id in one file's data, or 0.
func locateIn(data []byte, f Format, id string) int {
	head := data[:min(len(data), peekSize)]
	if f == Auto {
		var err error
		if f, err = Detect(head); err != nil {
			return 0
		}
	}
	switch {
	case f == ACLED || f == TimelineJSCSV:
		return locateCSV(data, id)
	case f == Native && model.LooksNDJSON(head):
		return locateNDJSON(data, id)
	}
	return locateTree(data, id)
}

// locateNDJSON finds the record whose "id" is id.
func locateNDJSON(data []byte, id string) int {
	n := 0
	for l := range bytes.Lines(data) {
		n++
		if !bytes.Contains(l, []byte(id)) {
			continue
		}
		var rec struct {
			ID string `json:"id"`
		}
		if json.Unmarshal(l, &rec) == nil && rec.ID == id {
			return n
		}
	}
	return 0
}

// madeFrom reports whether an importer could have made id from the text
// v: as it is, made valid, made a slug, or with ACLED's prefix.
func madeFrom(v, id string) bool {
	v = strings.TrimSpace(v)
	if v == "" {
		return false
	}
	s := model.SanitizeID(v)
	return v == id || s == id || "acled-"+s == id || model.Slug(v) == id
}

// locateCSV finds the row with a field id was made from, or the row an
// ACLED id names by its line.
func locateCSV(data []byte, id string) int {
	if n, ok := strings.CutPrefix(id, "acled-line-"); ok {
		if line, err := strconv.Atoi(n); err == nil {
			return line
		}
	}
	r := csv.NewReader(bytes.NewReader(data))
	r.FieldsPerRecord, r.LazyQuotes, r.ReuseRecord = -1, true, true
	for first := true; ; first = false {
		rec, err := r.Read()
		if err == io.EOF {
			return 0
		}
		if err != nil || first {
			continue // the header, or a broken row the importer skipped
		}
		for i, v := range rec {
			if madeFrom(v, id) {
				line, _ := r.FieldPos(i)
				return line
			}
		}
	}
}

// locateTree finds, in YAML or JSON, the mapping whose id (or TimelineJS
// unique_id) is id; failing that, the first list entry holding text the
// id was made from, as a TimelineJS slide's headline.
func locateTree(data []byte, id string) int {
	var root yaml.Node
	if yaml.Unmarshal(data, &root) != nil {
		return 0
	}
	if line := findNode(&root, func(n *yaml.Node) bool {
		for i := 0; i+1 < len(n.Content); i += 2 {
			k, v := n.Content[i].Value, n.Content[i+1]
			if (k == "id" || k == "unique_id") && v.Kind == yaml.ScalarNode && v.Value == id {
				return true
			}
		}
		return false
	}, false); line > 0 {
		return line
	}
	return findNode(&root, func(n *yaml.Node) bool { return holds(n, id) }, true)
}

// findNode is the line of the first mapping, in document order, that
// match accepts; with entries, only mappings that are list entries.
func findNode(n *yaml.Node, match func(*yaml.Node) bool, entries bool) int {
	for _, c := range n.Content {
		if c.Kind == yaml.MappingNode && (!entries || n.Kind == yaml.SequenceNode) && match(c) {
			return c.Line
		}
		if line := findNode(c, match, entries); line > 0 {
			return line
		}
	}
	return 0
}

// holds reports whether a scalar value under n is text id was made from.
func holds(n *yaml.Node, id string) bool {
	for i, c := range n.Content {
		isKey := n.Kind == yaml.MappingNode && i%2 == 0
		if !isKey && c.Kind == yaml.ScalarNode && madeFrom(c.Value, id) {
			return true
		}
		if c.Kind != yaml.ScalarNode && holds(c, id) {
			return true
		}
	}
	return false
}

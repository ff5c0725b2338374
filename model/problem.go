package model

import (
	"fmt"
	"strings"

	"github.com/dateline/dateline/model/text"
)

// ChangedWhileRead is the problem of a file whose size or time changed
// while it was loaded: it is refused rather than read half old, half new.
const ChangedWhileRead = "the file changed while it was read (it is being written to?); run the command again once it is whole"

// Problem is one thing wrong with a story file, at a place in it.
type Problem struct {
	File    string
	Line    int // 1-based; 0 when unknown
	Col     int // 1-based; 0 when unknown
	Msg     string
	Warning bool
}

// Error formats the problem as file:line:col: message, the form editors
// jump to. The file name is cleaned (text.CleanName), so that one problem
// is one line whatever the name holds.
func (p Problem) Error() string {
	var b strings.Builder
	b.WriteString(text.CleanName(p.File))
	if p.Line > 0 {
		fmt.Fprintf(&b, ":%d", p.Line)
		if p.Col > 0 {
			fmt.Fprintf(&b, ":%d", p.Col)
		}
	}
	b.WriteString(": ")
	if p.Warning {
		b.WriteString("warning: ")
	}
	b.WriteString(p.Msg)
	return b.String()
}

// Problems is every error found in a story; loading never stops at the first.
type Problems []Problem

// Error joins the problems one to a line.
func (ps Problems) Error() string {
	lines := make([]string, len(ps))
	for i, p := range ps {
		lines[i] = p.Error()
	}
	return strings.Join(lines, "\n")
}

// path names a place in a story document: field names and sequence
// indexes, outermost first. Validation reports paths; the loader turns
// them into lines and columns.
type path []any

func (p path) with(elems ...any) path {
	out := make(path, 0, len(p)+len(elems))
	return append(append(out, p...), elems...)
}

// overlaps reports whether one of p and q lies within the other.
func (p path) overlaps(q path) bool {
	for i := range min(len(p), len(q)) {
		if p[i] != q[i] {
			return false
		}
	}
	return true
}

// String formats p as events[3].actors[0].actor, for messages that have no
// line to point at.
func (p path) String() string {
	var b strings.Builder
	for _, e := range p {
		switch e := e.(type) {
		case int:
			fmt.Fprintf(&b, "[%d]", e)
		case string:
			if b.Len() > 0 {
				b.WriteByte('.')
			}
			b.WriteString(e)
		}
	}
	return b.String()
}

// issue is a problem before it has a file position.
type issue struct {
	at    path
	atKey bool // point at the mapping key rather than its value
	msg   string
	warn  bool
	also  path // a related place, such as the first use of a duplicate id
}

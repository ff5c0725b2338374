package ui

// Text shared by the panes: wrapped, styled lines (docBuilder), evidence
// lists, search highlighting and number words.

import (
	"fmt"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/charmbracelet/x/ansi"

	"github.com/dateline/dateline/model"
	"github.com/dateline/dateline/model/text"
)

// docBuilder accumulates wrapped, styled lines.
type docBuilder struct {
	st     *Styles
	width  int
	needle string
	lines  []string
}

// para wraps plain text to the width and styles each line, with matches of
// the search highlighted.
func (b *docBuilder) para(text string, style func(string) string, indent string) {
	text = clipText(text, maxDetailText)
	iw := b.st.Width.StringWidth(indent)
	w := max(1, b.width-iw)
	hang := strings.Repeat(" ", iw)
	if strings.Contains(ansi.Strip(indent), "│") {
		hang = indent // a quote bar runs down the whole quote
	}
	for i, l := range strings.Split(b.st.Width.Wrap(text, w, " "), "\n") {
		if i == 0 {
			b.lines = append(b.lines, indent+style(l))
		} else {
			b.lines = append(b.lines, hang+style(l))
		}
	}
}

func (b *docBuilder) text(text string) {
	b.para(text, func(s string) string { return highlight(s, b.needle, b.st.Detail.Text, b.st.Timeline.Match) }, "")
}

func (b *docBuilder) blank() { b.lines = append(b.lines, "") }

func (b *docBuilder) section(name string) {
	b.blank()
	b.lines = append(b.lines, b.st.Detail.Section.Render(name))
}

// field writes "label  value", wrapping the value under itself.
func (b *docBuilder) field(label, value string) {
	value = clipText(value, maxDetailText)
	const labelW = 9
	pad := strings.Repeat(" ", labelW)
	w := max(1, b.width-labelW)
	for i, l := range strings.Split(b.st.Width.Wrap(value, w, " "), "\n") {
		head := pad
		if i == 0 {
			head = b.st.Detail.Label.Render(fitWidth(b.st.Width, label, labelW))
		}
		b.lines = append(b.lines, head+b.st.Detail.Text.Render(l))
	}
}

// maxDetailText bounds the text the detail pane wraps, so that one huge
// field cannot stall the screen; the rest is counted, not drawn.
const maxDetailText = 64 << 10

// clipText cuts s to at most limit bytes on a character boundary, saying
// how much was left out.
func clipText(s string, limit int) string {
	if len(s) <= limit {
		return s
	}
	cut := limit
	for cut > 0 && !utf8.RuneStart(s[cut]) {
		cut--
	}
	return s[:cut] + fmt.Sprintf(" … (%d more bytes not shown)", len(s)-cut)
}

// maxShown is the most of a name, a story title or a link that is drawn:
// a longer one is cut with an ellipsis, so that one huge field cannot slow
// every frame. The data stays whole (search still sees it).
const maxShown = 200

// capped is s cut to maxShown cells, as m measures them, with an ellipsis.
func capped(m ansi.Method, s string) string {
	return truncate(m, clipRow(s, maxShown), maxShown, "…")
}

// writeEvidence lists evidence items with their dates, quotes set apart.
func writeEvidence(b *docBuilder, ix *model.Index, ids []string) {
	st := b.st.Detail
	var order []int
	for _, id := range ids {
		if p, ok := ix.Lookup(id); ok {
			order = append(order, p)
		}
	}
	slices.Sort(order) // time order, so the first listed is the one enter goes to
	for _, p := range order {
		it := ix.At(p)
		b.para(placeName(ix, p), func(l string) string { return st.Text.Render(l) }, "• ")
		if s := it.Statement; s != nil && !s.Paraphrase {
			b.para("“"+s.Quote+"”", func(l string) string { return st.Quote.Render(l) }, "  "+st.QuoteMark.Render("│ "))
		}
	}
}

// thousands formats n with thousands separators: 1,000,000.
func thousands(n int) string {
	s := strconv.Itoa(n)
	for i := len(s) - 3; i > 0 && s[i-1] != '-'; i -= 3 {
		s = s[:i] + "," + s[i:]
	}
	return s
}

// painter is a lipgloss.Style or a Paint.
type painter interface{ Render(...string) string }

// highlight renders s in base with every match of the folded needle in hl.
func highlight(s, needle string, base, hl painter) string {
	if needle == "" || s == "" {
		return base.Render(s)
	}
	if !text.IsASCII(s) {
		return highlightFolded(s, needle, base, hl)
	}
	var b strings.Builder
	rest := s
	for rest != "" {
		i := model.IndexFold(rest, needle)
		if i < 0 || i+len(needle) > len(rest) {
			break
		}
		b.WriteString(base.Render(rest[:i]))
		b.WriteString(hl.Render(rest[i : i+len(needle)]))
		rest = rest[i+len(needle):]
	}
	if rest != "" {
		b.WriteString(base.Render(rest))
	}
	return b.String()
}

// highlightFolded is highlight for text whose folding may change its
// length ("K" (Kelvin) folds to "k", "ſ" to "s", a soft hyphen to
// nothing): it matches in the folded text and maps each match back to
// whole characters of s, so that no character is cut in two.
func highlightFolded(s, needle string, base, hl painter) string {
	folded := make([]byte, 0, len(s))
	from := make([]int, 0, len(s)+1) // from[k]: where in s folded byte k comes from
	for i, r := range s {
		f := model.FoldForSearch(string(r))
		folded = append(folded, f...)
		for range len(f) {
			from = append(from, i)
		}
	}
	from = append(from, len(s))
	var b strings.Builder
	done, at := 0, 0 // s is drawn up to done; folded is searched from at
	for at < len(folded) {
		k := strings.Index(string(folded[at:]), needle)
		if k < 0 {
			break
		}
		k += at
		start, end := from[k], from[k+len(needle)]
		if end == start { // the match ends inside its first character
			_, n := utf8.DecodeRuneInString(s[start:])
			end = start + n
		}
		b.WriteString(base.Render(s[done:start]))
		b.WriteString(hl.Render(s[start:end]))
		done, at = end, k+len(needle)
		for at < len(folded) && from[at] < end {
			at++ // the rest of a character already drawn
		}
	}
	if done < len(s) {
		b.WriteString(base.Render(s[done:]))
	}
	return b.String()
}

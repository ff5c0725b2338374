package timelinejs

import (
	"html"
	"strings"
)

// TimelineJS text is HTML. PlainText turns it into the plain text a story
// holds; HTML turns a story's text back into HTML for TimelineJS.

// blockTags break the text into paragraphs where they open or close.
var blockTags = map[string]bool{
	"p": true, "div": true, "blockquote": true, "h1": true, "h2": true, "h3": true, "h4": true,
	"h5": true, "h6": true, "ul": true, "ol": true, "table": true, "section": true, "article": true,
	"header": true, "footer": true, "pre": true, "dl": true, "figure": true, "hr": true, "aside": true,
}

// lineTags break the text into lines where they open.
var lineTags = map[string]bool{"tr": true, "dt": true, "dd": true, "figcaption": true}

// skipTags hide their content.
var skipTags = map[string]bool{"script": true, "style": true, "template": true, "noscript": true}

// PlainText turns an HTML fragment into plain text: tags are stripped,
// entities decoded, runs of white space collapsed as a browser would, <br>
// a line break, paragraphs (p, div, blockquote, headings, lists) separated
// by a blank line, list items bulleted, and <cite> introduced by a dash.
// When links is true a link keeps its address, as "text (address)" (the
// address alone when it is the text), and images, frames and media keep
// theirs in parentheses. Text that holds no tags passes through with only
// its entities decoded and its white space collapsed.
func PlainText(s string, links bool) string {
	t := textBuilder{}
	var href string
	linkStart := -1
	for i := 0; i < len(s); {
		c := s[i]
		if c != '<' || !startsTag(s, i) {
			j := i + 1
			for j < len(s) && (s[j] != '<' || !startsTag(s, j)) {
				j++
			}
			t.text(html.UnescapeString(s[i:j]))
			i = j
			continue
		}
		if strings.HasPrefix(s[i:], "<!--") {
			end := strings.Index(s[i+4:], "-->")
			if end < 0 {
				break
			}
			i += 4 + end + 3
			continue
		}
		tag, end := parseTag(s, i)
		i = end
		switch {
		case tag.name == "br":
			t.brk(min(t.pending+1, 2))
		case skipTags[tag.name] && !tag.closing:
			i = skipContent(s, i, tag.name)
		case blockTags[tag.name]:
			t.brk(2)
		case lineTags[tag.name] && !tag.closing:
			t.brk(1)
		case tag.name == "li" && !tag.closing:
			t.brk(1)
			t.text("• ")
		case tag.name == "cite" && !tag.closing:
			t.text(" — ")
		case tag.name == "td" || tag.name == "th":
			t.text(" ")
		case tag.name == "a" && !tag.closing:
			href, linkStart = linkAddress(tag.attr("href")), t.b.Len()
		case tag.name == "a" && tag.closing:
			if links && href != "" && linkStart >= 0 {
				linked := strings.TrimSpace(t.b.String()[linkStart:])
				if linked == "" {
					t.text(" " + href)
				} else if linked != href && strings.TrimSuffix(linked, "/") != strings.TrimSuffix(href, "/") {
					t.text(" (" + href + ")")
				}
			}
			href, linkStart = "", -1
		case tag.name == "img" && !tag.closing:
			alt := strings.TrimSpace(tag.attr("alt"))
			t.text(" " + alt)
			if src := linkAddress(tag.attr("src")); links && src != "" {
				if alt != "" {
					t.text(" (" + src + ")")
				} else {
					t.text(" " + src)
				}
			}
			t.text(" ")
		case (tag.name == "iframe" || tag.name == "embed" || tag.name == "video" || tag.name == "audio" || tag.name == "source") && !tag.closing:
			if src := linkAddress(tag.attr("src")); links && src != "" {
				t.text(" " + src + " ")
			}
		}
	}
	return t.String()
}

// startsTag reports whether the '<' at s[i] opens a tag, a closing tag, a
// comment or a declaration, rather than standing for itself as in "a < b".
func startsTag(s string, i int) bool {
	if i+1 >= len(s) {
		return false
	}
	c := s[i+1]
	return c == '/' || c == '!' || c == '?' || 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z'
}

type tagInfo struct {
	name    string
	closing bool
	attrs   []string // name, value, name, value…
}

func (t tagInfo) attr(name string) string {
	for i := 0; i+1 < len(t.attrs); i += 2 {
		if t.attrs[i] == name {
			return html.UnescapeString(t.attrs[i+1])
		}
	}
	return ""
}

// parseTag reads the tag starting at s[i] and returns it and the index just
// past its '>' (or the end of s).
func parseTag(s string, i int) (tagInfo, int) {
	var t tagInfo
	i++
	if i < len(s) && s[i] == '/' {
		t.closing = true
		i++
	}
	start := i
	for i < len(s) && !isSpace(s[i]) && s[i] != '>' && s[i] != '/' {
		i++
	}
	t.name = strings.ToLower(s[start:i])
	for i < len(s) && s[i] != '>' {
		if isSpace(s[i]) || s[i] == '/' {
			i++
			continue
		}
		ns := i
		for i < len(s) && !isSpace(s[i]) && s[i] != '>' && s[i] != '=' && s[i] != '/' {
			i++
		}
		name := strings.ToLower(s[ns:i])
		for i < len(s) && isSpace(s[i]) {
			i++
		}
		val := ""
		if i < len(s) && s[i] == '=' {
			i++
			for i < len(s) && isSpace(s[i]) {
				i++
			}
			if i < len(s) && (s[i] == '"' || s[i] == '\'') {
				q := s[i]
				end := strings.IndexByte(s[i+1:], q)
				if end < 0 {
					val, i = s[i+1:], len(s)
				} else {
					val, i = s[i+1:i+1+end], i+1+end+1
				}
			} else {
				vs := i
				for i < len(s) && !isSpace(s[i]) && s[i] != '>' {
					i++
				}
				val = s[vs:i]
			}
		}
		if name != "" {
			t.attrs = append(t.attrs, name, val)
		}
	}
	if i < len(s) {
		i++ // '>'
	}
	return t, i
}

// skipContent returns the index just past </name>, or the end of s.
func skipContent(s string, i int, name string) int {
	lower := strings.ToLower(s[i:])
	end := strings.Index(lower, "</"+name)
	if end < 0 {
		return len(s)
	}
	if gt := strings.IndexByte(s[i+end:], '>'); gt >= 0 {
		return i + end + gt + 1
	}
	return len(s)
}

// linkAddress keeps addresses worth showing: not fragments within the page
// or scripts.
func linkAddress(href string) string {
	href = strings.TrimSpace(href)
	lower := strings.ToLower(href)
	if href == "" || href[0] == '#' || strings.HasPrefix(lower, "javascript:") || strings.HasPrefix(lower, "data:") {
		return ""
	}
	return href
}

func isSpace(c byte) bool { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' }

// textBuilder writes text with HTML's white space rules: runs of spaces
// become one, and breaks are written only between pieces of text.
type textBuilder struct {
	b       strings.Builder
	space   bool
	pending int // 0 none, 1 line break, 2 paragraph break
}

func (t *textBuilder) brk(n int) {
	t.pending = max(t.pending, n)
	t.space = false
}

func (t *textBuilder) text(s string) {
	for _, r := range s {
		if r == ' ' || r == '\t' || r == '\n' || r == '\r' || r == '\f' || r == '\u00a0' {
			if t.pending == 0 {
				t.space = true
			}
			continue
		}
		if t.b.Len() > 0 {
			switch {
			case t.pending == 2:
				t.b.WriteString("\n\n")
			case t.pending == 1:
				t.b.WriteByte('\n')
			case t.space:
				t.b.WriteByte(' ')
			}
		}
		t.pending, t.space = 0, false
		t.b.WriteRune(r)
	}
}

func (t *textBuilder) String() string { return t.b.String() }

// HTML writes plain text as TimelineJS HTML: each paragraph (separated by a
// blank line) a <p>, line breaks within one a <br>, special characters
// escaped. PlainText(HTML(s), true) gives s back for text whose lines hold
// no runs of spaces and no leading or trailing ones.
func HTML(s string) string {
	s = strings.TrimSpace(s)
	if s == "" {
		return ""
	}
	var b strings.Builder
	for _, p := range strings.Split(s, "\n\n") {
		p = strings.Trim(p, "\n")
		if strings.TrimSpace(p) == "" {
			continue
		}
		b.WriteString("<p>")
		for i, line := range strings.Split(p, "\n") {
			if i > 0 {
				b.WriteString("<br>")
			}
			b.WriteString(html.EscapeString(line))
		}
		b.WriteString("</p>")
	}
	return b.String()
}

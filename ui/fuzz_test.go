package ui

import (
	"encoding/json"
	"strings"
	"testing"
	"unicode/utf8"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"github.com/dateline/dateline/model"
	"github.com/dateline/dateline/model/text"
)

// rowStory loads, the way a file is loaded, a story whose text is the fuzz
// input: an event titled title with an actor named name (whose alias is
// alias), a statement quoting quote with no title of its own, and an
// undated paraphrase. It returns nil when the text makes no valid story
// (a title that cleans to nothing).
func rowStory(title, name, alias, quote string) *model.Index {
	story := map[string]any{
		"title": title,
		"actors": []any{
			map[string]any{"id": "a", "name": name, "kind": "person", "aliases": []string{alias}},
			map[string]any{"id": "b", "name": alias, "kind": "group", "parent": "a"},
		},
		"events": []any{
			map[string]any{"id": "e1", "date": "2023-03-17", "title": title, "summary": quote,
				"actors": []any{map[string]any{"actor": "a"}, map[string]any{"actor": "b"}}},
		},
		"statements": []any{
			map[string]any{"id": "s1", "speaker": "a", "date": "2023-03-18/2024-11", "quote": quote},
			map[string]any{"id": "s2", "speaker": "b", "quote": title, "title": quote, "paraphrase": true},
		},
	}
	data, err := json.Marshal(story)
	if err != nil {
		return nil
	}
	s, _, err := model.Load("fuzz.json", data)
	if err != nil {
		return nil
	}
	return model.NewIndex(s)
}

// checkRow fails unless row is exactly width cells, valid UTF-8, and holds
// no control character but the SGR styling and OSC 8 links the renderer
// writes itself, and no bidi control.
func checkRow(t *testing.T, m ansi.Method, row string, width int) {
	t.Helper()
	if w := m.StringWidth(row); w != width {
		t.Fatalf("row is %d cells, want %d: %q", w, width, row)
	}
	if !utf8.ValidString(row) {
		t.Fatalf("row is not UTF-8: %q", row)
	}
	for i := 0; i < len(row); {
		if row[i] == 0x1b {
			n := styling(row[i:])
			if n == 0 {
				t.Fatalf("row holds an escape sequence that is not styling at byte %d: %q", i, row)
			}
			i += n
			continue
		}
		r, size := utf8.DecodeRuneInString(row[i:])
		if r < 0x20 || r == 0x7f || r >= 0x80 && r <= 0x9f || r >= 0x202a && r <= 0x202e || r >= 0x2066 && r <= 0x2069 {
			t.Fatalf("row holds %U at byte %d: %q", r, i, row)
		}
		i += size
	}
}

// styling returns the length of the SGR sequence (ESC [ params m) or OSC 8
// hyperlink (ESC ] 8 ; … BEL or ST) at the start of s, or 0 for anything
// else.
func styling(s string) int {
	switch {
	case strings.HasPrefix(s, "\x1b["):
		i := 2
		for i < len(s) && (s[i] >= '0' && s[i] <= '9' || s[i] == ';' || s[i] == ':') {
			i++
		}
		if i < len(s) && s[i] == 'm' {
			return i + 1
		}
	case strings.HasPrefix(s, "\x1b]8;"):
		for i := 4; i < len(s); i++ {
			switch {
			case s[i] == 0x07:
				return i + 1
			case strings.HasPrefix(s[i:], "\x1b\\"):
				return i + 2
			case s[i] < 0x20 || s[i] == 0x7f:
				return 0
			}
		}
	}
	return 0
}

// rowSeeds are texts that have broken terminals and layouts.
var rowSeeds = []string{
	"plain",
	"",
	"\x1b]0;pwned\x07 \x1b[2J\x1b[H \x1b]52;c;Y3VybA==\x07 \x1b]8;;https://evil\x07link\x1b]8;;\x07 \x1bPdcs\x1b\\ \x1b_apc\x1b\\",
	"bare\rCR bs\x08 bel\x07 nul\x00 del\x7f \u0085\u009b2J\u009d0;x\u009c",
	"\u202eesrever\u202c \u2066isolate\u2069 \u200f\u061c",
	"tab\there\ttoo",
	"中文标题很长很长很长很长很长很长很长很长很长很长很长很长",
	"👩‍👩‍👧‍👦👩‍👩‍👧‍👦 🇨🇳🇺🇦🏳️‍🌈 ❤️ ☺︎",
	"Z̸̡̢̛̗͎̦̜̞a̷̢̛͖͙͚l̵g̶o̸ e\u0301\u0301\u0301\u0301\u0301\u0301\u0301\u0301",
	"\u0301\u0301 leading marks",
	"K\u212aK ſ ß ẞ ﬃ İı",
	"Pu\u200btin Pu\u200dtin Pu\u00adtin",
	strings.Repeat("w", 5000),
	strings.Repeat("語", 300),
	"\U0001F600\U0001F3FB \u2764\ufe0f \u0e01\u0e33 \u1100\u1161\u11a8 \uff21",
}

// FuzzRenderRow: every timeline row is exactly the pane's width, whatever
// the text, the width, the search and the way the terminal counts cells,
// and holds no control character but the renderer's own styling.
func FuzzRenderRow(f *testing.F) {
	for i, s := range rowSeeds {
		next := rowSeeds[(i+1)%len(rowSeeds)]
		f.Add(s, next, "al", s+next, 40+i*7, i%2 == 0, "pu")
		f.Add(next, s, s, "q", 1+i, i%2 == 1, s)
	}
	f.Add("Kelvin \u212a sign", "a", "b", "q", 80, true, "k")
	f.Add("ſtraße", "a", "b", "q", 30, false, "SS")
	f.Fuzz(func(t *testing.T, title, name, alias, quote string, width int, selected bool, search string) {
		ix := rowStory(title, name, alias, quote)
		if ix == nil {
			return
		}
		w := 1 + (width%300+300)%300
		for _, m := range []ansi.Method{ansi.WcWidth, ansi.GraphemeWidth} {
			st := NewStyles(true)
			st.Width = m
			chips := newChipper(ix, &st)
			needle := model.FoldForSearch(text.CleanLine(search))
			for pos := range ix.Len() {
				checkRow(t, m, renderRow(ix, &st, chips, pos, w, selected, needle), w)
			}
		}
	})
}

// TestWideTextNeverOverflows: CJK, ZWJ emoji, flags and heavy combining
// marks fill a row exactly at every width, in the timeline and on screen.
func TestWideTextNeverOverflows(t *testing.T) {
	for _, text := range rowSeeds[6:11] {
		ix := rowStory(text, text, text+"x", text)
		if ix == nil {
			t.Fatalf("%q makes no story", text)
		}
		for _, m := range []ansi.Method{ansi.WcWidth, ansi.GraphemeWidth} {
			st := NewStyles(true)
			st.Width = m
			chips := newChipper(ix, &st)
			for w := 1; w <= 130; w++ {
				for pos := range ix.Len() {
					checkRow(t, m, renderRow(ix, &st, chips, pos, w, pos == 0, model.FoldForSearch(text[:len(text)/2])), w)
				}
			}
		}
		for _, size := range [][2]int{{40, 10}, {80, 24}, {133, 41}} {
			a := update(t, New(ix, "wide.yaml", model.Filter{}), tea.WindowSizeMsg{Width: size[0], Height: size[1]})
			for _, keys := range [][]string{nil, {"enter"}, {"p"}, {"a"}} {
				lines := strings.Split(press(t, a, keys...).View().Content, "\n")
				for i, l := range lines {
					if w := a.styles.Width.StringWidth(l); w != size[0] {
						t.Errorf("%q at %v after %v: line %d is %d cells", text, size, keys, i, w)
					}
				}
			}
		}
	}
}

// TestTerminalTooSmall: at 0×0, 1×1 and 20×5 the explorer says the
// terminal is too small, takes keys without breaking, and comes back at a
// usable size.
func TestTerminalTooSmall(t *testing.T) {
	for _, size := range [][2]int{{0, 0}, {1, 1}, {20, 5}, {0, 30}, {120, 0}} {
		a := newApp(t, size[0], size[1])
		want := "Terminal too small"
		if size[0] >= 1 && size[0] < 20 {
			want = "T" // one cell
		}
		if s := strings.ReplaceAll(screen(a), "\n", ""); !strings.Contains(strings.ReplaceAll(s, " ", ""), strings.ReplaceAll(want, " ", "")) {
			t.Errorf("%dx%d: no too-small message: %q", size[0], size[1], s)
		}
		a = press(t, a, "j", "enter", "p", "a", "esc", "/", "x", "esc", "?", "esc", "tab")
		a = update(t, a, tea.WindowSizeMsg{Width: 100, Height: 30})
		if lines := strings.Split(a.View().Content, "\n"); len(lines) != 30 || strings.Contains(screen(a), "too small") {
			t.Errorf("%dx%d, then 100x30: %d lines, %q", size[0], size[1], len(lines), screen(a))
		}
	}
	// Before any size is known nothing is drawn, not even the message.
	if s := screen(New(builtInIndex(t), "x", model.Filter{})); s != "" {
		t.Errorf("before the first size: %q", s)
	}
}

func builtInIndex(t *testing.T) *model.Index { return newApp(t, 80, 24).ix }

// TestBidiRemovedAndFlagged: bidi overrides and isolates never reach a
// row, and the detail pane says they were there.
func TestBidiRemovedAndFlagged(t *testing.T) {
	s, _, err := model.Load("bidi.yaml", []byte("events:\n"+
		"  - {id: e1, date: 2023-03-17, title: \"invoice \\u202Efdp.exe\\u202C and \\u2066isolated\\u2069 \\u202Aembedded\\u202C \\u202Dforced\\u202C\"}\n"))
	if err != nil {
		t.Fatal(err)
	}
	a := update(t, New(model.NewIndex(s), "bidi.yaml", model.Filter{}), tea.WindowSizeMsg{Width: 120, Height: 30})
	out := a.View().Content
	for _, r := range out {
		if r >= 0x202a && r <= 0x202e || r >= 0x2066 && r <= 0x2069 {
			t.Fatalf("bidi control %U reached the screen", r)
		}
	}
	if plain := screen(a); !strings.Contains(plain, "invoice fdp.exe and isolated embedded forced") ||
		!strings.Contains(plain, "Cleaned for your terminal") || !strings.Contains(plain, "8 bidi controls") {
		t.Errorf("the row or the detail pane is wrong:\n%s", plain)
	}
}

// TestEmptyStory: an empty file opens on a clear empty state, every pane
// and overlay drawn in full.
func TestEmptyStory(t *testing.T) {
	for _, src := range []string{"", "[]", " \n\t\n"} {
		s, _, err := model.Load("empty.yaml", []byte(src))
		if err != nil {
			t.Fatal(err)
		}
		a := update(t, New(model.NewIndex(s), "empty.yaml", model.Filter{}), tea.WindowSizeMsg{Width: 100, Height: 30})
		if !strings.Contains(screen(a), "This story has no events or statements yet.") {
			t.Errorf("%q: no empty state:\n%s", src, screen(a))
		}
		for _, keys := range [][]string{{"j"}, {"enter"}, {"p"}, {"a"}, {"t"}, {"/", "x"}, {"?"}} {
			b := press(t, a, keys...)
			if lines := strings.Split(b.View().Content, "\n"); len(lines) != 30 {
				t.Errorf("%q after %v: %d lines", src, keys, len(lines))
			}
		}
	}
}

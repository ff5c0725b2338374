package ui

import (
	"image/color"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"github.com/dateline/dateline/model"
)

// hostileStory is a story written to break terminals: escape sequences,
// bidi overrides, wide and combining characters, and a huge field.
func hostileStory(t testing.TB) *model.Index {
	t.Helper()
	huge := strings.Repeat("x", 10<<20)
	yaml := "title: \"evil \\e]0;pwned\\a title\"\n" +
		"actors:\n" +
		"  - {id: a, name: \"Pu\\u200btin \\e[2J\", kind: person}\n" +
		"  - {id: b, name: \"習近平 🇨🇳👩‍👩‍👧\", kind: person}\n" +
		"events:\n" +
		"  - id: e1\n    date: \"2023-03-17\"\n    title: \"clear \\e[2J\\e[H screen \\u202Eesrever\\u202C\"\n    actors: [{actor: a}, {actor: b}]\n" +
		"  - id: e2\n    date: \"2023-03-18\"\n    title: \"Z̸̡̢̛̗͎̦̜̞a̷̢̛͖͙͚l̵g̶o̸ 中文标题很长很长很长很长很长很长很长很长很长 👩‍👩‍👧‍👦👩‍👩‍👧‍👦\"\n    summary: \"tab\\there\\r\\nline\"\n    actors: [{actor: b}]\n" +
		"  - id: e3\n    date: \"2023-03-19\"\n    title: \"" + huge[:1<<20] + "\"\n    summary: \"" + huge + "\"\n"
	s, _, err := model.Load("hostile.yaml", []byte(yaml))
	if err != nil {
		t.Fatalf("hostile story does not load: %v", err)
	}
	return model.NewIndex(s)
}

// TestHostileContent: nothing from the data reaches the terminal as a
// control character, every line fits, and the reader is told what was
// cleaned.
func TestHostileContent(t *testing.T) {
	ix := hostileStory(t)
	for _, size := range [][3]int{{120, 40, 0}, {60, 20, 0}, {41, 11, 0}, {120, 40, 1}, {60, 20, 1}} {
		a := New(ix, "hostile.yaml", model.Filter{})
		if size[2] == 1 {
			// A terminal with grapheme clusters (mode 2027) measures ZWJ
			// emoji and flags as one wide cell.
			a = update(t, a, tea.ModeReportMsg{Mode: ansi.ModeUnicodeCore, Value: ansi.ModeSet})
			if a.styles.Width != ansi.GraphemeWidth {
				t.Fatal("the app does not follow the terminal to grapheme widths")
			}
		}
		a = update(t, a, tea.WindowSizeMsg{Width: size[0], Height: size[1]})
		for _, keys := range [][]string{nil, {"j"}, {"j", "j"}, {"enter"}, {"p"}, {"a"}} {
			b := press(t, a, keys...)
			out := b.View().Content
			plain := ansi.Strip(out)
			for _, r := range plain {
				if r != '\n' && (r < 0x20 || r == 0x7f || (r >= 0x80 && r < 0xa0)) {
					t.Fatalf("%v %v: control %U reached the screen", size, keys, r)
				}
				if r >= 0x202a && r <= 0x202e {
					t.Fatalf("%v %v: bidi override %U reached the screen", size, keys, r)
				}
			}
			for i, l := range strings.Split(out, "\n") {
				if w := a.styles.Width.StringWidth(l); w != size[0] {
					t.Fatalf("%v %v: line %d is %d wide", size, keys, i, w)
				}
			}
			if strings.Contains(plain, "pwned\a") || strings.Contains(out, "\x1b]0;") {
				t.Fatalf("%v %v: a title sequence got through", size, keys)
			}
		}
	}
	a := update(t, New(ix, "hostile.yaml", model.Filter{}), tea.WindowSizeMsg{Width: 120, Height: 40})
	if s := screen(a); !strings.Contains(s, "Cleaned for your terminal") || !strings.Contains(s, "␛") {
		t.Errorf("the detail pane does not flag the cleaned title:\n%s", s)
	}
	// Zero-width characters do not split names for search.
	a = typeText(t, press(t, a, "/"), "putin")
	if len(a.find.matches) != 1 {
		t.Errorf("finding putin finds %d items, want the one naming Pu\\u200btin", len(a.find.matches))
	}
}

// BenchmarkHostileFrame is one frame with a 10 MB field on screen.
func BenchmarkHostileFrame(b *testing.B) {
	ix := hostileStory(b)
	a := New(ix, "hostile.yaml", model.Filter{})
	a = update(b, a, tea.WindowSizeMsg{Width: 120, Height: 40})
	a = press(b, a, "j", "j")
	b.ResetTimer()
	for b.Loop() {
		_ = a.View()
	}
}

// TestTerminalAnswersInAnyOrder: the background colour arriving after the
// terminal's grapheme-width answer must not undo it.
func TestTerminalAnswersInAnyOrder(t *testing.T) {
	a := newApp(t, 120, 40)
	a = update(t, a, tea.ModeReportMsg{Mode: ansi.ModeUnicodeCore, Value: ansi.ModeSet})
	a = update(t, a, tea.BackgroundColorMsg{Color: color.White})
	if a.styles.Width != ansi.GraphemeWidth {
		t.Error("the background colour reset the width method")
	}
}

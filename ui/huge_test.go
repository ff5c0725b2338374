package ui

import (
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"

	"github.com/dateline/dateline/model"
)

// hugeStory has unbounded text where the explorer draws names and links:
// a 10 MB story title, a 10 MB actor name (speaking, acting, and in the
// matrix) and a URL of urlMB megabytes.
func hugeStory(t testing.TB, urlMB int) *model.Index {
	t.Helper()
	big := strings.Repeat("N", 10<<20)
	yaml := "title: \"" + strings.Repeat("T", 10<<20) + "\"\n" +
		"sources:\n  - {id: s, outlet: Out, url: \"https://example.com/" + strings.Repeat("u", urlMB<<20) + "\"}\n" +
		"actors:\n  - {id: big, name: \"" + big + "\", kind: person, aliases: [\"" + big[:1<<20] + "x\"]}\n" +
		"  - {id: small, name: Small, kind: person}\n" +
		"topics:\n  - {id: t1, title: \"Topic\"}\n" +
		"events:\n  - id: e1\n    date: \"2023-03-17\"\n    title: \"short\"\n    actors: [{actor: big}, {actor: small}]\n    citations: [{source: s}]\n" +
		"statements:\n  - id: s1\n    speaker: big\n    date: \"2023-03-18\"\n    quote: \"q\"\n    stances: {t1: supports}\n    citation: {source: s}\n"
	s, _, err := model.Load("huge.yaml", []byte(yaml))
	if err != nil {
		t.Fatalf("huge story does not load: %v", err)
	}
	return model.NewIndex(s)
}

// hugeScreens are the screens where the huge fields show: the timeline,
// the event with the link, the statement, the matrix, the picker filtered
// to the actor, its card, and the timeline filtered to it.
var hugeScreens = [][]string{nil, {"enter"}, {"j", "enter"}, {"p", "down", "right"}, {"a", "N"}, {"a", "N", "ctrl+o"}, {"a", "N", "enter"}}

// hugeApp is the explorer over hugeStory at 100×30.
func hugeApp(t testing.TB, urlMB int) App {
	return update(t, New(hugeStory(t, urlMB), "huge.yaml", model.Filter{}), tea.WindowSizeMsg{Width: 100, Height: 30})
}

// TestHugeFieldsAreCapped: what is drawn of unbounded titles, names and
// links is capped, so a frame stays small whatever the data; the data
// stays whole. (A 5 MB URL was repeated in every wrapped line's link: 2 GB;
// a 10 MB title became a 10 MB window title.)
func TestHugeFieldsAreCapped(t *testing.T) {
	base := hugeApp(t, 1)
	for _, keys := range hugeScreens {
		a := press(t, base, keys...)
		v := a.View()
		if n := len(v.Content); n > 64<<10 {
			t.Errorf("%v: the frame is %d bytes", keys, n)
		}
		if n := len(v.WindowTitle); n > 1<<10 {
			t.Errorf("%v: the window title is %d bytes", keys, n)
		}
		for i, l := range strings.Split(v.Content, "\n") {
			if w := a.styles.Width.StringWidth(l); w != 100 {
				t.Fatalf("%v: line %d is %d wide", keys, i, w)
			}
		}
	}
	if n := len(base.ix.Story().Actors[0].Name); n != 10<<20 {
		t.Errorf("the name was cut in the data: %d bytes", n)
	}
}

// TestHugeFieldsAreFast: on each screen with huge fields a key and its
// frame take well under a second (a 10 MB name cost 0.5 s a key in the
// matrix and a 10 MB title 1 s a frame; the bound is loose, for slow or
// busy machines).
func TestHugeFieldsAreFast(t *testing.T) {
	base := hugeApp(t, 5)
	for _, keys := range hugeScreens {
		a := press(t, base, keys...)
		start := time.Now()
		a = press(t, a, "down")
		_ = a.View()
		if d := time.Since(start); d > 300*time.Millisecond {
			t.Errorf("%v, down and a frame took %v", keys, d)
		}
	}
}

// BenchmarkHugeFields is a key and its frame on each screen with huge
// fields.
func BenchmarkHugeFields(b *testing.B) {
	base := hugeApp(b, 5)
	for _, keys := range hugeScreens {
		b.Run(strings.Join(append([]string{"screen"}, keys...), "_"), func(b *testing.B) {
			a := press(b, base, keys...)
			for b.Loop() {
				m, _ := a.Update(keyMsg("down"))
				_ = m.(App).View()
			}
		})
	}
}

package ui_test

// Benchmarks of the explorer at 1k, 100k and 1M events of a synthetic story
// (model/gen), and of bubbles' list.Model holding the same items: the
// baseline dateline must beat. The 1M cases skip under -short unless named.
// docs/performance.md has the results.

import (
	"context"
	"flag"
	"strings"
	"sync"
	"testing"

	"charm.land/bubbles/v2/list"
	tea "charm.land/bubbletea/v2"

	"github.com/dateline/dateline/content"
	"github.com/dateline/dateline/model"
	"github.com/dateline/dateline/model/gen"
	"github.com/dateline/dateline/ui"
)

var benchSizes = []struct {
	name   string
	events int
}{{"1k", 1_000}, {"100k", 100_000}, {"1M", 1_000_000}}

func skipBig(b *testing.B, events int) {
	if events < 1_000_000 || !testing.Short() {
		return
	}
	if f := flag.Lookup("test.bench"); f != nil && strings.Contains(f.Value.String(), "1M") {
		return
	}
	b.Skip("1M skipped under -short; name it to run it (-bench '/1M')")
}

var (
	indexMu sync.Mutex
	indexes = map[int]*model.Index{}
)

func benchIndex(n int) *model.Index {
	indexMu.Lock()
	defer indexMu.Unlock()
	if ix := indexes[n]; ix != nil {
		return ix
	}
	ix := model.NewIndex(gen.Story(gen.Config{Events: n, Seed: 1}))
	indexes[n] = ix
	return ix
}

// benchApp is the explorer over the story of n events in a 120×40 terminal.
func benchApp(n int) tea.Model {
	var m tea.Model = ui.New(benchIndex(n), "bench", model.Filter{})
	m, _ = m.Update(tea.WindowSizeMsg{Width: 120, Height: 40})
	return m
}

var (
	down = tea.KeyPressMsg{Code: tea.KeyDown}
	up   = tea.KeyPressMsg{Code: tea.KeyUp}
)

// BenchmarkView is one frame of the whole explorer at 120×40.
func BenchmarkView(b *testing.B) {
	for _, size := range benchSizes {
		b.Run(size.name, func(b *testing.B) {
			skipBig(b, size.events)
			m := benchApp(size.events)
			for b.Loop() {
				_ = m.View()
			}
		})
	}
}

// BenchmarkScroll is a key press through Update and the frame after it,
// down through the timeline and back up.
func BenchmarkScroll(b *testing.B) {
	for _, size := range benchSizes {
		b.Run(size.name, func(b *testing.B) {
			skipBig(b, size.events)
			m := benchApp(size.events)
			i := 0
			for b.Loop() {
				k := down
				if i/200%2 == 1 {
					k = up
				}
				m, _ = m.Update(k)
				_ = m.View()
				i++
			}
		})
	}
}

// listItem is a timeline row for bubbles' list.
type listItem struct{ title, desc string }

func (i listItem) Title() string       { return i.title }
func (i listItem) Description() string { return i.desc }
func (i listItem) FilterValue() string { return i.title }

// BenchmarkPeerBubblesList holds the same items in bubbles' list.Model at
// 120×40: a key press and the View after it, and one filter keystroke
// (the list filters every item again) and the View after it.
func BenchmarkPeerBubblesList(b *testing.B) {
	for _, size := range benchSizes[:2] {
		ix := benchIndex(size.events)
		items := make([]list.Item, ix.Len())
		for i := range items {
			items[i] = listItem{title: ix.Title(i), desc: ix.At(i).Date().Short()}
		}
		l := list.New(items, list.NewDefaultDelegate(), 120, 40)
		b.Run(size.name+"/key", func(b *testing.B) {
			m := l
			i := 0
			for b.Loop() {
				k := down
				if i/200%2 == 1 {
					k = up
				}
				m, _ = m.Update(k)
				_ = m.View()
				i++
			}
		})
		b.Run(size.name+"/filter-keystroke", func(b *testing.B) {
			m := l
			queries := []string{"s", "sa", "sal", "sald"}
			i := 0
			for b.Loop() {
				m.SetFilterText(queries[i%len(queries)])
				_ = m.View()
				i++
			}
		})
	}
}

// BenchmarkFirstFrame is launch to first frame. built-in: the built-in
// story loaded, indexed and fully drawn at 120×40 (goal: 50 ms). file: the
// first frame for a file of any size, which is the loading line, drawn
// before the load (running in a command) has read anything (goal: 100 ms).
func BenchmarkFirstFrame(b *testing.B) {
	b.Run("built-in", func(b *testing.B) {
		for b.Loop() {
			s, _, err := model.Load(content.StoryName, content.Story())
			if err != nil {
				b.Fatal(err)
			}
			var m tea.Model = ui.New(model.NewIndex(s), content.StoryName, model.Filter{})
			m, _ = m.Update(tea.WindowSizeMsg{Width: 120, Height: 40})
			if v := m.View(); !strings.Contains(v.Content, "Timeline") {
				b.Fatal("the first frame is not the explorer")
			}
		}
	})
	b.Run("file", func(b *testing.B) {
		never := func(ctx context.Context, _ func(done, total int64)) (*model.Index, error) {
			<-ctx.Done()
			return nil, ctx.Err()
		}
		for b.Loop() {
			var m tea.Model = ui.NewLoading("huge.csv", model.Filter{}, never)
			m, _ = m.Update(tea.WindowSizeMsg{Width: 120, Height: 40})
			if v := m.View(); !strings.Contains(v.Content, "Loading huge.csv") {
				b.Fatal("the first frame is not the loading line")
			}
		}
	})
}

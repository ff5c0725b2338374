package model_test

// Benchmarks at 1k, 100k and 1M events of a synthetic story (model/gen).
// The 1M cases skip under -short unless named (-bench 'Load/.*1M').
// docs/performance.md has the results and the command that made them.

import (
	"context"
	"flag"
	"fmt"
	"math"
	"os"
	"runtime"
	"runtime/debug"
	"runtime/metrics"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/dateline/dateline/model"
	"github.com/dateline/dateline/model/acled"
	"github.com/dateline/dateline/model/edtf"
	"github.com/dateline/dateline/model/gen"
)

// benchSizes are the story sizes, in events.
var benchSizes = []struct {
	name   string
	events int
}{{"1k", 1_000}, {"100k", 100_000}, {"1M", 1_000_000}}

// skipBig skips a 1M case under -short unless the -bench pattern names it.
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

// benchIndex is the index of the synthetic story of n events, built once.
func benchIndex(b *testing.B, n int) *model.Index {
	b.Helper()
	indexMu.Lock()
	defer indexMu.Unlock()
	if ix := indexes[n]; ix != nil {
		return ix
	}
	s := gen.Story(gen.Config{Events: n, Seed: 1})
	ix := model.NewIndex(s)
	indexes[n] = ix
	return ix
}

// peakMeter samples the process's memory (what the runtime holds from the
// OS, less what it has given back) while an operation runs.
type peakMeter struct {
	stop chan struct{}
	done chan uint64
}

var memSamples = []metrics.Sample{
	{Name: "/memory/classes/total:bytes"},
	{Name: "/memory/classes/heap/released:bytes"},
}

func memNow() uint64 {
	s := slices.Clone(memSamples)
	metrics.Read(s)
	return s[0].Value.Uint64() - s[1].Value.Uint64()
}

func startPeak() *peakMeter {
	p := &peakMeter{stop: make(chan struct{}), done: make(chan uint64)}
	go func() {
		peak := memNow()
		t := time.NewTicker(time.Millisecond)
		defer t.Stop()
		for {
			select {
			case <-p.stop:
				p.done <- max(peak, memNow())
				return
			case <-t.C:
				peak = max(peak, memNow())
			}
		}
	}()
	return p
}

func (p *peakMeter) end() uint64 {
	close(p.stop)
	return <-p.done
}

// BenchmarkLoad is a file on disk to an indexed story: read, parse, clean,
// validate, index. It reports MB/s of file and the peak memory above what
// the process held before, in MB and as a multiple of the file's size.
func BenchmarkLoad(b *testing.B) {
	loaders := []struct {
		format gen.Format
		load   func(path string) (*model.Story, error)
	}{
		{gen.JSON, func(path string) (*model.Story, error) {
			data, err := os.ReadFile(path)
			if err != nil {
				return nil, err
			}
			s, _, err := model.Load(path, data)
			return s, err
		}},
		{gen.NDJSON, func(path string) (*model.Story, error) {
			f, err := os.Open(path)
			if err != nil {
				return nil, err
			}
			defer f.Close()
			s, _, err := model.LoadNDJSON(path, f)
			return s, err
		}},
		{gen.CSV, func(path string) (*model.Story, error) {
			f, err := os.Open(path)
			if err != nil {
				return nil, err
			}
			defer f.Close()
			s, _, err := acled.Import(path, f)
			return s, err
		}},
	}
	for _, l := range loaders {
		for _, size := range benchSizes {
			b.Run(fmt.Sprintf("%s/%s", l.format, size.name), func(b *testing.B) {
				skipBig(b, size.events)
				path, err := gen.File("", gen.Config{Events: size.events, Seed: 1}, l.format)
				if err != nil {
					b.Fatal(err)
				}
				fi, err := os.Stat(path)
				if err != nil {
					b.Fatal(err)
				}
				b.SetBytes(fi.Size())
				var peak uint64
				for b.Loop() {
					b.StopTimer()
					runtime.GC()
					debug.FreeOSMemory()
					before := memNow()
					b.StartTimer()
					pm := startPeak()
					s, err := l.load(path)
					if err != nil {
						b.Fatal(err)
					}
					ix := model.NewIndex(s)
					top := pm.end()
					peak = max(peak, top-min(before, top))
					runtime.KeepAlive(ix)
				}
				b.ReportMetric(float64(peak)/1e6, "peak-MB")
				b.ReportMetric(float64(peak)/float64(fi.Size()), "peak/file")
			})
		}
	}
}

// busiestRoot is the top-level actor with the most items under it: the
// widest filter on one actor and its descendants.
func busiestRoot(ix *model.Index) string {
	counts := ix.ActorCounts(ix.Query(model.Filter{}))
	best, n := "", -1
	for _, node := range ix.ActorTree() {
		if node.Depth == 0 && counts[node.Actor.ID] > n {
			best, n = node.Actor.ID, counts[node.Actor.ID]
		}
	}
	return best
}

// BenchmarkFilterActor applies one actor with its descendants: the busiest
// country, with its government, forces, leader and militias.
func BenchmarkFilterActor(b *testing.B) {
	for _, size := range benchSizes {
		b.Run(size.name, func(b *testing.B) {
			skipBig(b, size.events)
			ix := benchIndex(b, size.events)
			f := model.Filter{Actors: []string{busiestRoot(ix)}}
			runtime.GC()
			var rows []int32
			for b.Loop() {
				rows = ix.Query(f)
			}
			b.ReportMetric(float64(len(rows)), "rows")
		})
	}
}

// BenchmarkQueryBeforeIndex is what a one-shot `list --actor` or
// `list --search` asks of an index that has only its order (OrderedIndex),
// and what the explorer's first filter asks while the rest is being built:
// a scan of every item's own lists and text.
func BenchmarkQueryBeforeIndex(b *testing.B) {
	for _, size := range benchSizes {
		b.Run(size.name, func(b *testing.B) {
			skipBig(b, size.events)
			s := benchIndex(b, size.events).Story()
			ix := model.OrderedIndex(s)
			for _, q := range []struct {
				name string
				f    model.Filter
			}{
				{"actor", model.Filter{Actors: []string{busiestRoot(benchIndex(b, size.events))}}},
				{"search", model.Filter{Text: "ambush"}},
			} {
				b.Run(q.name, func(b *testing.B) {
					runtime.GC()
					var rows []int32
					for b.Loop() {
						var err error
						if rows, err = ix.QueryContext(context.Background(), q.f); err != nil {
							b.Fatal(err)
						}
					}
					if ix.Complete() {
						b.Fatal("the query built the rest of the index")
					}
					b.ReportMetric(float64(len(rows)), "rows")
				})
			}
		})
	}
}

// typedQueries are searches typed a character at a time: a place, a word
// of the notes, an actor's name, and one that stops matching.
var typedQueries = []string{"saldanville", "checkpoint", "military forces of", "ambush at dawn"}

// screen is the rows a 40-line terminal shows.
const screen = 40

// BenchmarkSearchKeystroke is one more character typed, until the first
// screenful of matches is ready (QueryFirst). ns/op is the mean over every
// keystroke of the typed queries; p99-ms is the slowest 1%. Each query is
// typed afresh: the index remembers only what the same query's shorter
// texts matched.
func BenchmarkSearchKeystroke(b *testing.B) {
	benchKeystrokes(b, func(ctx context.Context, ix *model.Index, f model.Filter) error {
		_, err := ix.QueryFirst(ctx, f, screen)
		return err
	})
}

// benchKeystrokes times answer over the typed queries a character at a
// time, on the search text the explorer builds after loading, forgetting
// what the index remembers at each new query; ns/op is the mean keystroke,
// p99-ms the slowest 1%.
func benchKeystrokes(b *testing.B, answer func(context.Context, *model.Index, model.Filter) error) {
	for _, size := range benchSizes {
		b.Run(size.name, func(b *testing.B) {
			skipBig(b, size.events)
			ix := benchIndex(b, size.events)
			var steps []string
			for _, q := range typedQueries {
				for i := 1; i <= len(q); i++ {
					steps = append(steps, q[:i])
				}
			}
			ix.PrepareSearch() // the search text, as the explorer builds it after loading
			runtime.GC()       // and the collector is done with building it
			ctx := context.Background()
			var times []time.Duration
			i := 0
			for b.Loop() {
				step := steps[i%len(steps)]
				if len(step) == 1 {
					model.ForgetSearches(ix) // a new query: nothing typed before it helps
				}
				start := time.Now()
				if err := answer(ctx, ix, model.Filter{Text: step}); err != nil {
					b.Fatal(err)
				}
				times = append(times, time.Since(start))
				i++
			}
			slices.Sort(times)
			b.ReportMetric(float64(times[len(times)*99/100])/1e6, "p99-ms")
		})
	}
}

// BenchmarkSearchFull counts every match of a search, a word that about
// one item in six holds.
func BenchmarkSearchFull(b *testing.B) {
	for _, size := range benchSizes {
		b.Run(size.name, func(b *testing.B) {
			skipBig(b, size.events)
			ix := benchIndex(b, size.events)
			f := model.Filter{Text: "checkpoint"}
			ix.PrepareSearch() // the search text, as the explorer builds it after loading
			runtime.GC()       // and the collector is done with building it
			var rows []int32
			for b.Loop() {
				model.ForgetSearches(ix) // no help from the last run
				rows = ix.Query(f)
			}
			b.ReportMetric(float64(len(rows)), "rows")
		})
	}
}

// BenchmarkGridAsOf is the explorer's < and > at scale: the grid as of
// another date, every cell read (each cell's step in effect and what was
// said by then), over a gen story of at least 10k positions with
// histories. "held" reads the rows that hold a stance at some date (the
// matrix with empty rows hidden), within a budget of 5 ms a grid; "all"
// reads every actor × topic, empty rows too.
func BenchmarkGridAsOf(b *testing.B) {
	s := gen.Story(gen.Config{Events: 400_000, Actors: 20_000, Seed: 1})
	if len(s.Positions) < 10_000 {
		b.Fatalf("%d positions; the benchmark needs 10k", len(s.Positions))
	}
	ix := model.NewIndex(s)
	var ids []string
	for _, n := range ix.ActorTree() {
		ids = append(ids, n.Actor.ID)
	}
	days := ix.ChangeDays(ids)
	for _, held := range []bool{true, false} {
		name := map[bool]string{true: "held", false: "all"}[held]
		b.Run(name, func(b *testing.B) {
			var i, cells int
			fastest := time.Duration(math.MaxInt64)
			for b.Loop() {
				t0 := time.Now()
				d := days[i%len(days)]
				i += 7919 // a prime stride: every step lands on another date
				g := ix.Grid(model.GridQuery{AsOf: edtf.MustParse(d.String())})
				shown := 0
				cells = 0
				for r, row := range g.Rows {
					if held && !ix.Speaks(row.Actor.ID) {
						continue
					}
					for c := range g.Topics {
						cells++
						if st, _ := g.At(r, c).Shown(); st != model.StanceNone {
							shown++
						}
					}
				}
				fastest = min(fastest, time.Since(t0))
				if shown == 0 {
					b.Fatal("nobody holds a stance")
				}
			}
			b.ReportMetric(float64(len(s.Positions)), "positions")
			b.ReportMetric(float64(cells), "cells")
			// The fastest grid is the one a busy machine did not interrupt.
			b.ReportMetric(float64(fastest.Microseconds()), "µs-fastest")
		})
	}
}

// BenchmarkPrepareSearch builds the search text of a fresh index, in
// memory the process gets from the system as a load's would (the memory
// of the runs before is given back), so that the cost of touching it the
// first time is counted.
func BenchmarkPrepareSearch(b *testing.B) {
	for _, size := range benchSizes {
		b.Run(size.name, func(b *testing.B) {
			skipBig(b, size.events)
			s := gen.Story(gen.Config{Events: size.events, Seed: 1})
			for b.Loop() {
				b.StopTimer()
				ix := model.NewIndex(s)
				runtime.GC()
				debug.FreeOSMemory()
				b.StartTimer()
				ix.PrepareSearch()
				runtime.KeepAlive(ix)
			}
		})
	}
}

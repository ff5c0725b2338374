package parquet_test

// Benchmarks of the Parquet reader on gen's Parquet (events sorted by date,
// row groups of 65536): a week of a 100k and a 2M-event file with --since
// and --until, and the whole 100k file. The 2M file takes minutes to
// generate the first time (it is kept in $TMPDIR/dateline-bench); it is
// skipped under -short unless named (-bench 'Week/2M').
// docs/performance.md has the results.

import (
	"flag"
	"strings"
	"testing"

	"github.com/dateline/dateline/model"
	"github.com/dateline/dateline/model/edtf"
	"github.com/dateline/dateline/model/gen"
	"github.com/dateline/dateline/model/parquet"
)

func benchFile(b *testing.B, events int) string {
	b.Helper()
	if events >= 1_000_000 && testing.Short() {
		if f := flag.Lookup("test.bench"); f == nil || !strings.Contains(f.Value.String(), "2M") {
			b.Skip("2M skipped under -short; name it to run it (-bench 'Week/2M')")
		}
	}
	p, err := gen.File("", gen.Config{Events: events, Seed: 1}, gen.Parquet)
	if err != nil {
		b.Fatal(err)
	}
	return p
}

// BenchmarkParquetWeek: one week (2021-03-01 to 07), read and indexed, as
// `dateline list --since 2021-03-01 --until 2021-03-07 FILE` does.
func BenchmarkParquetWeek(b *testing.B) {
	for _, size := range []struct {
		name   string
		events int
	}{{"100k", 100_000}, {"2M", 2_000_000}} {
		b.Run(size.name, func(b *testing.B) {
			path := benchFile(b, size.events)
			opt := parquet.Options{Since: edtf.MustParse("2021-03-01"), Until: edtf.MustParse("2021-03-07")}
			for b.Loop() {
				s, st, _, err := parquet.LoadStats(path, opt)
				if err != nil {
					b.Fatal(err)
				}
				model.NewIndex(s)
				b.ReportMetric(float64(len(s.Events)), "events")
				b.ReportMetric(float64(st.GroupsSkipped), "groups-skipped")
			}
		})
	}
}

// BenchmarkParquetWhole: the whole 100k file, read and indexed.
func BenchmarkParquetWhole(b *testing.B) {
	path := benchFile(b, 100_000)
	for b.Loop() {
		s, _, err := parquet.Load(path, parquet.Options{})
		if err != nil {
			b.Fatal(err)
		}
		model.NewIndex(s)
	}
}

package timeaxis

import (
	"math/rand/v2"
	"slices"
	"testing"

	"github.com/dateline/dateline/model/edtf"
)

func day(y int64, m, d int) edtf.Day { return edtf.DayFromCivil(y, m, d) }

func TestStartNextLabel(t *testing.T) {
	for _, tc := range []struct {
		u           Unit
		d           edtf.Day
		start, next edtf.Day
		label       string
	}{
		{Day, day(2023, 3, 17), day(2023, 3, 17), day(2023, 3, 18), "17 Mar 2023"},
		{Week, day(2023, 3, 17), day(2023, 3, 13), day(2023, 3, 20), "wk 13 Mar 2023"}, // a Friday; Monday the 13th
		{Week, day(2023, 3, 13), day(2023, 3, 13), day(2023, 3, 20), "wk 13 Mar 2023"},
		{Week, day(1970, 1, 1), day(1969, 12, 29), day(1970, 1, 5), "wk 29 Dec 1969"},
		{Month, day(2023, 12, 31), day(2023, 12, 1), day(2024, 1, 1), "Dec 2023"},
		{Quarter, day(2023, 3, 31), day(2023, 1, 1), day(2023, 4, 1), "Q1 2023"},
		{Quarter, day(2023, 11, 2), day(2023, 10, 1), day(2024, 1, 1), "Q4 2023"},
		{Year, day(2023, 6, 1), day(2023, 1, 1), day(2024, 1, 1), "2023"},
		{Decade, day(2023, 6, 1), day(2020, 1, 1), day(2030, 1, 1), "2020s"},
		{Century, day(1989, 11, 9), day(1900, 1, 1), day(2000, 1, 1), "1900s"},
		{Year, day(-43, 3, 15), day(-43, 1, 1), day(-42, 1, 1), "44 BC"},
		{Decade, day(-43, 3, 15), day(-50, 1, 1), day(-40, 1, 1), "51 BC"},
		{Millennium, day(-3499, 1, 1), day(-4000, 1, 1), day(-3000, 1, 1), "4001 BC"},
	} {
		if got := tc.u.Start(tc.d); got != tc.start {
			t.Errorf("%s.Start(%v) = %v, want %v", tc.u, tc.d, got, tc.start)
		}
		if got := tc.u.Next(tc.start); got != tc.next {
			t.Errorf("%s.Next(%v) = %v, want %v", tc.u, tc.start, got, tc.next)
		}
		if got := tc.u.Label(tc.start); got != tc.label {
			t.Errorf("%s.Label(%v) = %q, want %q", tc.u, tc.start, got, tc.label)
		}
	}
}

// TestBucketsAgreesWithWalking: the arithmetic count of buckets is the
// number Next walks through, for every unit and random spans.
func TestBucketsAgreesWithWalking(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	for range 300 {
		lo := edtf.Day(r.Int64N(800_000) - 400_000)
		hi := lo + edtf.Day(r.Int64N(4000))
		for u := Day; u <= Millennium+2; u++ {
			walked := int64(0)
			for s := u.Start(lo); s <= hi; s = u.Next(s) {
				walked++
			}
			if got := u.Buckets(lo, hi); got != walked {
				t.Fatalf("%s.Buckets(%v, %v) = %d, walked %d", u, lo, hi, got, walked)
			}
		}
	}
}

func TestChoose(t *testing.T) {
	for _, tc := range []struct {
		lo, hi edtf.Day
		max    int
		want   Unit
	}{
		{day(2023, 3, 1), day(2023, 3, 20), 80, Day},
		{day(2023, 1, 1), day(2023, 12, 31), 80, Week},
		{day(2019, 1, 1), day(2023, 12, 31), 80, Month},
		{day(1900, 1, 1), day(2023, 12, 31), 80, Decade},
		{day(-315000, 1, 1), day(2023, 12, 31), 80, Year + 4},
	} {
		if got := Choose(tc.lo, tc.hi, tc.max); got != tc.want {
			t.Errorf("Choose(%v, %v, %d) = %s, want %s", tc.lo, tc.hi, tc.max, got, tc.want)
		}
	}
}

type keys []edtf.Day

func (k keys) Len() int           { return len(k) }
func (k keys) Key(i int) edtf.Day { return k[i] }

// TestCountAgreesWithAScan: Count's binary searches give what a scan of
// every key gives, and the counts add up to the items.
func TestCountAgreesWithAScan(t *testing.T) {
	r := rand.New(rand.NewPCG(3, 4))
	for range 200 {
		n := r.IntN(300)
		k := make(keys, n)
		base := edtf.Day(r.Int64N(100_000))
		for i := range k {
			k[i] = base + edtf.Day(r.Int64N(2000))
		}
		slices.Sort(k)
		undated := r.IntN(3)
		for range undated {
			k = append(k, edtf.MaxDay)
		}
		lo, hi, ok := Span(k)
		if !ok {
			if n != 0 {
				t.Fatal("Span missed the dated keys")
			}
			continue
		}
		u := Unit(r.IntN(int(Decade) + 1))
		buckets, und, err := Count(k, u, lo, hi)
		if err != nil {
			t.Fatal(err)
		}
		if und != undated {
			t.Errorf("undated %d, want %d", und, undated)
		}
		total := 0
		for i, b := range buckets {
			want := 0
			for _, d := range k[:n] {
				if d >= b.Start && d <= b.End {
					want++
				}
			}
			if b.Count != want {
				t.Fatalf("%s bucket %d: %d, scan %d", u, i, b.Count, want)
			}
			if i > 0 && buckets[i-1].End+1 != b.Start {
				t.Fatalf("bucket %d does not follow on", i)
			}
			total += b.Count
		}
		if total+und != len(k) {
			t.Errorf("counts add to %d + %d, want %d", total, und, len(k))
		}
		for _, d := range k[:n] {
			if i := Find(buckets, d); i < 0 || buckets[i].Start > d || buckets[i].End < d {
				t.Fatalf("Find(%v) = %d", d, i)
			}
		}
	}
}

func TestCountRefusesTooManyBuckets(t *testing.T) {
	k := keys{day(-300000, 1, 1), day(2023, 1, 1)}
	if _, _, err := Count(k, Day, k[0], k[1]); err == nil {
		t.Error("days over 300,000 years were counted")
	}
}

// BenchmarkCountMillion is the strip recomputed after a filter change: a
// million keys over five years, by month.
func BenchmarkCountMillion(b *testing.B) {
	k := make(keys, 1_000_000)
	lo := day(2019, 1, 1)
	for i := range k {
		k[i] = lo + edtf.Day(i*1826/len(k))
	}
	for b.Loop() {
		lo, hi, _ := Span(k)
		if _, _, err := Count(k, Choose(lo, hi, 120), lo, hi); err != nil {
			b.Fatal(err)
		}
	}
}

package model

import (
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"github.com/dateline/dateline/model/internal/benchtext"
	"github.com/dateline/dateline/model/text"
)

func TestFoldForSearch(t *testing.T) {
	cases := []struct{ in, want string }{
		{"", ""},
		{"putin", "putin"},
		{"PUTIN", "putin"},
		{"Pu\u200btin", "putin"},
		{"Pu\u200ctin", "putin"},
		{"Pu\u200dtin", "putin"},
		{"Pu\u2060tin", "putin"},
		{"\ufeffPutin", "putin"},
		{"Pu\u00adtin", "putin"},
		{"Pu\u202etin\u202c", "putin"},
		{"ZÜRICH", "zürich"},
		{"Ελλάδα ΕΛΛΆΔΑ", "ελλάδα ελλάδα"},
		{"ΣΊΣΥΦΟΣ", "σίσυφοσ"},
		{"σίσυφος", "σίσυφοσ"},
		{"\u212a", "k"},      // KELVIN SIGN
		{"\u017f", "s"},      // LATIN SMALL LETTER LONG S
		{"\u00b5", "\u03bc"}, // MICRO SIGN
		{"ǅ", "ǆ"},
		{"ẞ", "ß"},
		{"İ", "İ"}, // as strings.EqualFold: no simple folding to i
		{"ı", "ı"},
		{"❤\ufe0f", "❤"},
		{"日本語", "日本語"},
		{"a\xffb", "a\ufffdb"},
		{"МОСКВА", "москва"},
	}
	for _, tc := range cases {
		if got := FoldForSearch(tc.in); got != tc.want {
			t.Errorf("FoldForSearch(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
	if !strings.Contains(FoldForSearch("Talks with Pu\u200btin in Geneva"), FoldForSearch("PUTIN")) {
		t.Error("a zero-width space defeats search")
	}
	for _, in := range []string{strings.ToLower(benchtext.BenchASCII), "lower case 日本語 ελλάδα"} {
		if allocs := testing.AllocsPerRun(100, func() { FoldForSearch(in) }); allocs != 0 {
			t.Errorf("FoldForSearch(%.20q…) allocates %v times, want 0", in, allocs)
		}
	}
}

// TestFoldRuneMatchesEqualFold checks foldRune against the case-folding
// orbits strings.EqualFold uses: every rune folds to a member of its orbit,
// the whole orbit to the same one.
func TestFoldRuneMatchesEqualFold(t *testing.T) {
	for r := rune(0); r <= unicode.MaxRune; r++ {
		f := foldRune(r)
		if !strings.EqualFold(string(f), string(r)) {
			t.Fatalf("foldRune(%U) = %U, not in its orbit", r, f)
		}
		for o := unicode.SimpleFold(r); o != r; o = unicode.SimpleFold(o) {
			if g := foldRune(o); g != f {
				t.Fatalf("foldRune(%U) = %U but foldRune(%U) = %U", r, f, o, g)
			}
		}
	}
}

// TestFoldIgnorable checks the hand-written table against the derivation of
// Default_Ignorable_Code_Point in Unicode's DerivedCoreProperties.txt.
func TestFoldIgnorable(t *testing.T) {
	for r := rune(0); r <= unicode.MaxRune; r++ {
		want := (unicode.Is(unicode.Other_Default_Ignorable_Code_Point, r) ||
			unicode.Is(unicode.Cf, r) ||
			unicode.Is(unicode.Variation_Selector, r)) &&
			!unicode.Is(unicode.White_Space, r) &&
			!(0xFFF9 <= r && r <= 0xFFFB) &&
			!(0x13430 <= r && r <= 0x13440) &&
			!unicode.Is(unicode.Prepended_Concatenation_Mark, r)
		if got := isIgnorable(r); got != want {
			t.Errorf("isIgnorable(%U) = %v, want %v", r, got, want)
		}
	}
}

// FuzzFoldForSearch checks that folding writes valid UTF-8 and that folding
// folded text changes nothing.
func FuzzFoldForSearch(f *testing.F) {
	f.Add(benchtext.BenchASCII)
	f.Add(benchtext.BenchMixed)
	f.Add("Pu\u200btin \u212a \u017f ΣΊΣΥΦΟΣ a\xffb")
	f.Fuzz(func(t *testing.T, s string) {
		fold := FoldForSearch(s)
		if !utf8.ValidString(fold) {
			t.Fatalf("FoldForSearch(%q) = %q: not valid UTF-8", s, fold)
		}
		if again := FoldForSearch(fold); again != fold {
			t.Fatalf("FoldForSearch not idempotent: %q → %q → %q", s, fold, again)
		}
	})
}

var sinkString string

func BenchmarkFoldForSearch(b *testing.B) {
	for _, bc := range []struct{ name, in string }{
		{"ascii600", benchtext.BenchASCII},
		{"mixed600", text.Clean(benchtext.BenchMixed)},
	} {
		b.Run(bc.name, func(b *testing.B) {
			b.SetBytes(int64(len(bc.in)))
			b.ReportAllocs()
			for b.Loop() {
				sinkString = FoldForSearch(bc.in)
			}
		})
	}
}

package text

import (
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"
	"unsafe"

	"github.com/dateline/dateline/model/internal/benchtext"
)

// cleanCases are the attacks (and the innocent text) Clean must handle. Each
// input is also a seed for FuzzClean.
var cleanCases = []struct {
	name string
	in   string
	want string
	st   CleanStats
}{
	// Innocent text passes through.
	{"empty", "", "", CleanStats{}},
	{"plain ASCII", "Talks resume in Geneva; 3 > 2 & {ok} ~ [x] `y` \\", "Talks resume in Geneva; 3 > 2 & {ok} ~ [x] `y` \\", CleanStats{}},
	{"newlines kept", "line one\nline two\n\n", "line one\nline two\n\n", CleanStats{}},
	{"CJK untouched", "日本語のテキスト 中文 한국어", "日本語のテキスト 中文 한국어", CleanStats{}},
	{"emoji untouched", "🇺🇦 👍🏽 ❤️ 🏳️‍🌈", "🇺🇦 👍🏽 ❤️ 🏳️‍🌈", CleanStats{}},
	{"ZWJ emoji sequence kept", "👨\u200d👩\u200d👧", "👨\u200d👩\u200d👧", CleanStats{}},
	{"ZWNJ in Persian kept", "می\u200cخواهم", "می\u200cخواهم", CleanStats{}},
	{"accents and RTL script untouched", "Zürich, Ελλάδα, العربية, עברית", "Zürich, Ελλάδα, العربية, עברית", CleanStats{}},
	{"real U+FFFD kept", "a\ufffdb", "a\ufffdb", CleanStats{}},
	{"control pictures kept", "␛[2J␀␍␡", "␛[2J␀␍␡", CleanStats{}},

	// CSI.
	{"CSI clear screen", "before\x1b[2Jafter", "before␛after", CleanStats{Sequences: 1}},
	{"CSI cursor home", "\x1b[H", "␛", CleanStats{Sequences: 1}},
	{"CSI cursor position", "x\x1b[10;20Hy", "x␛y", CleanStats{Sequences: 1}},
	{"CSI cursor up and erase line", "fake\x1b[1A\x1b[2Kreal", "fake␛␛real", CleanStats{Sequences: 2}},
	{"CSI alternate screen", "\x1b[?1049h", "␛", CleanStats{Sequences: 1}},
	{"CSI with intermediate", "\x1b[0 q", "␛", CleanStats{Sequences: 1}},
	{"SGR colours", "\x1b[31mred\x1b[0m", "␛red␛", CleanStats{Sequences: 2}},
	{"SGR conceal", "\x1b[8mhidden\x1b[28m", "␛hidden␛", CleanStats{Sequences: 2}},
	{"CSI device status report", "\x1b[6n", "␛", CleanStats{Sequences: 1}},
	{"CSI broken by control", "\x1b[2\x08J", "␛␈J", CleanStats{Sequences: 1, Controls: 1}},
	{"C1 CSI U+009B", "a\u009b2Jb", "a␛b", CleanStats{Sequences: 1}},
	{"C1 CSI U+009B unterminated", "a\u009b12;", "a␛", CleanStats{Sequences: 1}},

	// OSC.
	{"OSC 0 title, BEL", "\x1b]0;pwned\x07after", "␛after", CleanStats{Sequences: 1}},
	{"OSC 2 title, ST", "\x1b]2;pwned\x1b\\after", "␛after", CleanStats{Sequences: 1}},
	{"OSC 52 clipboard", "x\x1b]52;c;Y3VybCBldmlsLmV4YW1wbGUgfCBzaA==\x07y", "x␛y", CleanStats{Sequences: 1}},
	{"OSC 52 clipboard, ST", "x\x1b]52;c;Y3VybA==\x1b\\y", "x␛y", CleanStats{Sequences: 1}},
	{"OSC 8 hyperlink", "\x1b]8;;https://evil.example/\x1b\\click\x1b]8;;\x1b\\", "␛click␛", CleanStats{Sequences: 2}},
	{"OSC with newline inside", "\x1b]0;a\nb\x07c", "␛c", CleanStats{Sequences: 1}},
	{"OSC unterminated", "safe\x1b]52;c;Y3VybA==", "safe␛", CleanStats{Sequences: 1}},
	{"OSC cut by another sequence", "\x1b]0;t\x1b[2Jx", "␛␛x", CleanStats{Sequences: 2}},
	{"C1 OSC U+009D ended by U+009C", "\u009d52;c;Y3VybA==\u009cz", "␛z", CleanStats{Sequences: 1}},
	{"C1 OSC U+009D ended by BEL", "\u009d0;title\x07z", "␛z", CleanStats{Sequences: 1}},
	{"C1 OSC U+009D unterminated", "z\u009d0;title", "z␛", CleanStats{Sequences: 1}},

	// DCS, SOS, PM, APC.
	{"DCS sixel", "\x1bPq#0;2;0;0;0#0~~\x1b\\ok", "␛ok", CleanStats{Sequences: 1}},
	{"DCS DECRQSS", "\x1bP$q\"p\x1b\\", "␛", CleanStats{Sequences: 1}},
	{"DCS unterminated", "a\x1bP1$r", "a␛", CleanStats{Sequences: 1}},
	{"APC kitty graphics", "\x1b_Gf=100;AAAA\x1b\\x", "␛x", CleanStats{Sequences: 1}},
	{"PM", "\x1b^secret\x1b\\x", "␛x", CleanStats{Sequences: 1}},
	{"SOS", "\x1bXhidden\x1b\\x", "␛x", CleanStats{Sequences: 1}},
	{"C1 DCS U+0090", "\u0090q#0\u009cz", "␛z", CleanStats{Sequences: 1}},
	{"C1 SOS U+0098", "\u0098sos\u009cz", "␛z", CleanStats{Sequences: 1}},
	{"C1 PM U+009E", "\u009epm\x07z", "␛z", CleanStats{Sequences: 1}},
	{"C1 APC U+009F unterminated", "z\u009fpayload", "z␛", CleanStats{Sequences: 1}},
	{"C1 introducer, ESC-style ST", "\u009d0;t\x1b\\z", "␛z", CleanStats{Sequences: 1}},

	// Other ESC sequences.
	{"ESC c full reset", "\x1bcx", "␛x", CleanStats{Sequences: 1}},
	{"ESC 7 and ESC 8 save/restore cursor", "\x1b7a\x1b8", "␛a␛", CleanStats{Sequences: 1 + 1}},
	{"ESC ( charset switch", "\x1b(0lqk\x1b(B", "␛lqk␛", CleanStats{Sequences: 2}},
	{"ESC # 8 screen fill", "\x1b#8", "␛", CleanStats{Sequences: 1}},
	{"stray ST", "a\x1b\\b", "a␛b", CleanStats{Sequences: 1}},
	{"lone ESC at end", "a\x1b", "a␛", CleanStats{Sequences: 1}},
	{"ESC then control", "\x1b\x07", "␛␇", CleanStats{Sequences: 1, Controls: 1}},
	{"ESC then non-ASCII", "\x1bé", "␛é", CleanStats{Sequences: 1}},
	{"ESC ESC", "\x1b\x1b[2J", "␛␛", CleanStats{Sequences: 2}},

	// C0, DEL and C1 controls.
	{"bare CR overwrite", "pay $1\rpay $1000", "pay $1␍pay $1000", CleanStats{Controls: 1}},
	{"CR at end", "a\r", "a␍", CleanStats{Controls: 1}},
	{"CRLF", "a\r\nb\r\n", "a\nb\n", CleanStats{}},
	{"CR CR LF", "a\r\r\nb", "a␍\nb", CleanStats{Controls: 1}},
	{"LF CR", "a\n\rb", "a\n␍b", CleanStats{Controls: 1}},
	{"BS overwrite", "secure\x08\x08\x08\x08\x08\x08evil", "secure␈␈␈␈␈␈evil", CleanStats{Controls: 6}},
	{"BEL", "ding\x07", "ding␇", CleanStats{Controls: 1}},
	{"NUL", "a\x00b", "a␀b", CleanStats{Controls: 1}},
	{"DEL", "a\x7fb", "a␡b", CleanStats{Controls: 1}},
	{"VT FF SO SI", "\x0b\x0c\x0e\x0f", "␋␌␎␏", CleanStats{Controls: 4}},
	{"CAN SUB", "\x18\x1a", "␘␚", CleanStats{Controls: 2}},
	{"unit separator", "\x1f", "␟", CleanStats{Controls: 1}},
	{"C1 range", "a\u0080b\u0085c\u009cd\u009a", "a\ufffdb\ufffdc\ufffdd\ufffd", CleanStats{Controls: 4}},
	{"raw 8-bit CSI byte", "a\x9b2Jb", "a\ufffd2Jb", CleanStats{InvalidUTF8: 1}},

	// Bidi and zero-width.
	{"bidi RLO Trojan Source", "access\u202e\u2066// admin\u2069\u2066", "access// admin", CleanStats{Bidi: 4}},
	{"bidi embeddings and PDF", "\u202aa\u202bb\u202c\u202dc", "abc", CleanStats{Bidi: 4}},
	{"bidi isolates", "\u2066x\u2067y\u2068z\u2069", "xyz", CleanStats{Bidi: 4}},
	{"bidi marks", "a\u200eb\u200fc\u061cd", "abcd", CleanStats{Bidi: 3}},
	{"zero-width space", "Pu\u200btin", "Putin", CleanStats{ZeroWidth: 1}},
	{"word joiner", "Pu\u2060tin", "Putin", CleanStats{ZeroWidth: 1}},
	{"BOM at start", "\ufefftitle", "title", CleanStats{ZeroWidth: 1}},
	{"BOM in the middle", "ti\ufefftle", "title", CleanStats{ZeroWidth: 1}},

	// Tabs.
	{"tab at start", "\tx", "    x", CleanStats{}},
	{"tab after two", "ab\tc", "ab  c", CleanStats{}},
	{"tab at a tab stop", "abcd\te", "abcd    e", CleanStats{}},
	{"tabs in a row", "a\t\tb", "a       b", CleanStats{}},
	{"tab after newline", "abc\nd\te", "abc\nd   e", CleanStats{}},
	{"tab counts runes", "日本\tx", "日本  x", CleanStats{}},
	{"tab after a replaced sequence", "\x1b[1m\tx", "␛   x", CleanStats{Sequences: 1}},
	{"tab after a removed character", "a\u200b\tx", "a   x", CleanStats{ZeroWidth: 1}},

	// Invalid UTF-8.
	{"invalid byte", "a\xffb", "a\ufffdb", CleanStats{InvalidUTF8: 1}},
	{"truncated rune", "\xe6\x97", "\ufffd\ufffd", CleanStats{InvalidUTF8: 2}},
	{"truncated rune then ASCII", "\xe6\x97x", "\ufffd\ufffdx", CleanStats{InvalidUTF8: 2}},
	{"surrogate half", "\xed\xa0\x80", "\ufffd\ufffd\ufffd", CleanStats{InvalidUTF8: 3}},
	{"overlong slash", "\xc0\xaf", "\ufffd\ufffd", CleanStats{InvalidUTF8: 2}},
	{"overlong ESC", "\xc0\x9b[2J", "\ufffd\ufffd[2J", CleanStats{InvalidUTF8: 2}},
	{"invalid bytes around a sequence", "\xe6\x1b[m\x97", "\ufffd␛\ufffd", CleanStats{Sequences: 1, InvalidUTF8: 2}},

	// Everything at once.
	{"mixed", "Ti\u200btle\x1b]0;x\x07\r\n\tNUL\x00 bad\xfe \u202eevil\x7f",
		"Title␛\n    NUL␀ bad\ufffd evil␡",
		CleanStats{Sequences: 1, Controls: 2, InvalidUTF8: 1, Bidi: 1, ZeroWidth: 1}},
}

func TestClean(t *testing.T) {
	for _, tc := range cleanCases {
		t.Run(tc.name, func(t *testing.T) {
			got, st := CleanWithStats(tc.in)
			if got != tc.want {
				t.Errorf("CleanWithStats(%q) = %q, want %q", tc.in, got, tc.want)
			}
			if st != tc.st {
				t.Errorf("CleanWithStats(%q) stats = %+v, want %+v", tc.in, st, tc.st)
			}
			if st.Changed() != (tc.st != CleanStats{}) {
				t.Errorf("Changed() = %v for %+v", st.Changed(), st)
			}
			if c := Clean(tc.in); c != got {
				t.Errorf("Clean(%q) = %q, CleanWithStats gives %q", tc.in, c, got)
			}
			checkClean(t, tc.in, got, false)
			if again := Clean(got); again != got {
				t.Errorf("Clean is not idempotent: Clean(%q) = %q", got, again)
			}
		})
	}
}

func TestCleanLine(t *testing.T) {
	cases := []struct{ in, want string }{
		{"A title", "A title"},
		{"a\nb", "a b"},
		{"a\r\nb", "a b"},
		{"a\n\nb", "a  b"},
		{"trailing\n", "trailing "},
		{"a\rb", "a␍b"},
		{"\ta\n\tb", "    a   b"},
		{"Title\x1b]0;pwned\x07", "Title␛"},
		{"id\x00\u202e", "id␀"},
		{"日本\n語", "日本 語"},
	}
	for _, tc := range cases {
		got := CleanLine(tc.in)
		if got != tc.want {
			t.Errorf("CleanLine(%q) = %q, want %q", tc.in, got, tc.want)
		}
		checkClean(t, tc.in, got, true)
	}
	for _, tc := range cleanCases {
		got := CleanLine(tc.in)
		checkClean(t, tc.in, got, true)
		if want := strings.ReplaceAll(Clean(tc.in), "\n", " "); !strings.Contains(tc.in, "\t") && got != want {
			t.Errorf("CleanLine(%q) = %q, want Clean with spaces for newlines, %q", tc.in, got, want)
		}
	}
}

// checkClean fails t unless out, cleaned from in, is valid UTF-8 free of
// terminal controls, and cleaning it again changes nothing.
func checkClean(t *testing.T, in, out string, line bool) {
	t.Helper()
	if !utf8.ValidString(out) {
		t.Errorf("clean(%q) = %q: not valid UTF-8", in, out)
	}
	for i := 0; i < len(out); i++ {
		if c := out[i]; c < 0x20 && (c != '\n' || line) || c == 0x7F {
			t.Errorf("clean(%q) = %q: byte %#x at %d", in, out, c, i)
			return
		}
	}
	for i, r := range out {
		if r >= 0x80 && r <= 0x9F {
			t.Errorf("clean(%q) = %q: C1 control %U at %d", in, out, r, i)
			return
		}
	}
	clean := Clean
	if line {
		clean = CleanLine
	}
	if again := clean(out); again != out {
		t.Errorf("not idempotent: clean(%q) = %q, clean of that = %q", in, out, again)
	}
}

// TestCleanExhaustive cleans every rune alone and after a prefix, and every
// two-byte string.
func TestCleanExhaustive(t *testing.T) {
	for r := rune(0); r <= unicode.MaxRune; r++ {
		if !utf8.ValidRune(r) {
			continue
		}
		for _, s := range []string{string(r), "ab" + string(r) + "\x1b[", "\x1b" + string(r)} {
			out, st := CleanWithStats(s)
			checkClean(t, s, out, false)
			if out == s && st.Changed() || out != s && !st.Changed() && r != '\t' {
				t.Fatalf("Clean(%q) = %q but stats %+v", s, out, st)
			}
		}
	}
	var buf [2]byte
	for i := 0; i < 1<<16; i++ {
		buf[0], buf[1] = byte(i), byte(i>>8)
		s := string(buf[:])
		checkClean(t, s, Clean(s), false)
		checkClean(t, s, CleanLine(s), true)
	}
}

func TestCleanFastPathReturnsInput(t *testing.T) {
	inputs := []string{
		"",
		benchtext.BenchASCII,
		"line one\nline two\n",
		"Zürich 日本語 🏳️‍🌈 👨\u200d👩\u200d👧 می\u200cخواهم \ufffd ␛",
		strings.Repeat("x", 1000) + "é",
	}
	for _, in := range inputs {
		for name, clean := range map[string]func(string) string{
			"Clean":          Clean,
			"CleanWithStats": func(s string) string { out, _ := CleanWithStats(s); return out },
			"CleanLine":      CleanLine,
		} {
			if name == "CleanLine" && strings.Contains(in, "\n") {
				continue
			}
			var out string
			allocs := testing.AllocsPerRun(100, func() { out = clean(in) })
			if allocs != 0 {
				t.Errorf("%s(%.20q…) allocates %v times, want 0", name, in, allocs)
			}
			if len(in) > 0 && unsafe.StringData(out) != unsafe.StringData(in) {
				t.Errorf("%s(%.20q…) did not return its input", name, in)
			}
		}
	}
	// Changes cost one allocation, for the result.
	if allocs := testing.AllocsPerRun(100, func() { CleanWithStats(benchtext.BenchMixed) }); allocs != 1 {
		t.Errorf("CleanWithStats(mixed) allocates %v times, want 1", allocs)
	}
}

// TestCleanFastScan checks the eight-bytes-at-a-time scan against a plain one,
// for every byte in every position of a word.
func TestCleanFastScan(t *testing.T) {
	for c := 0; c < 256; c++ {
		for pos := 0; pos < 17; pos++ {
			b := []byte(strings.Repeat("abcdefgh", 3))
			b[pos] = byte(c)
			s := string(b)
			want := len(s)
			if c < 0x20 && c != '\n' || c >= 0x7F {
				want = pos
			}
			if got := firstUnclean(s, false); got != want {
				t.Errorf("firstUnclean(%q) = %d, want %d", s, got, want)
			}
		}
	}
}

func FuzzClean(f *testing.F) {
	for _, tc := range cleanCases {
		f.Add(tc.in)
	}
	f.Add(benchtext.BenchASCII)
	f.Add(benchtext.BenchMixed)
	f.Fuzz(func(t *testing.T, s string) {
		out, st := CleanWithStats(s)
		checkClean(t, s, out, false)
		if c := Clean(s); c != out {
			t.Fatalf("Clean(%q) = %q, CleanWithStats gives %q", s, c, out)
		}
		if out == s && st.Changed() {
			t.Fatalf("Clean(%q) changed nothing but counted %+v", s, st)
		}
		if !st.Changed() && !strings.ContainsAny(s, "\r\t") && out != s {
			t.Fatalf("Clean(%q) = %q but counted nothing", s, out)
		}
		line := CleanLine(s)
		checkClean(t, s, line, true)
		if strings.Contains(line, "\n") {
			t.Fatalf("CleanLine(%q) = %q has a newline", s, line)
		}
	})
}

var sinkString string

func BenchmarkClean(b *testing.B) {
	for _, bc := range []struct{ name, in string }{
		{"ascii600", benchtext.BenchASCII},
		{"utf8clean", Clean(benchtext.BenchMixed)},
		{"mixed600", benchtext.BenchMixed},
	} {
		b.Run(bc.name, func(b *testing.B) {
			b.SetBytes(int64(len(bc.in)))
			b.ReportAllocs()
			for b.Loop() {
				sinkString = Clean(bc.in)
			}
		})
	}
}

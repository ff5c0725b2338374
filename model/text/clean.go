package text

// Terminal safety for untrusted text.
//
// Stories are written by strangers and every string in them ends up on a
// terminal, so a title such as "\x1b]52;c;<base64>\a" would write to the
// reader's clipboard and "\x1b]0;…\a" would retitle their window (compare
// kubectl CVE-2021-25743 and git CVE-2018-1000021). The loader passes every
// string through Clean or CleanLine, and nothing else in dateline needs to
// think about escape sequences.

import (
	"fmt"
	"strings"
	"unicode/utf8"
)

// The visible stand-ins Clean writes in place of what it takes out.
const (
	escPicture = '\u241B' // ␛ SYMBOL FOR ESCAPE: where a whole escape sequence was
	crPicture  = '\u240D' // ␍ SYMBOL FOR CARRIAGE RETURN: a bare '\r'
	delPicture = '\u2421' // ␡ SYMBOL FOR DELETE: 0x7F
	c0Pictures = '\u2400' // ␀: C0 control c is shown as c0Pictures+c
	tabWidth   = 4
)

// CleanStats counts what Clean changed, for warnings and for flagging a
// string in the UI. Layout normalisation is not counted: "\r\n" becoming
// "\n", a tab becoming spaces and (in CleanLine) a newline becoming a space
// are ordinary in honest text. Everything counted is something that could
// have moved the cursor, run a terminal command, or hidden or reordered text.
type CleanStats struct {
	// Sequences is the number of escape sequences removed: CSI, OSC, DCS,
	// SOS, PM, APC and two-byte ESC sequences, whether introduced by ESC or
	// by a C1 control, including unterminated ones and a lone ESC. Each
	// became one "␛".
	Sequences int
	// Controls is the number of other control characters replaced: C0
	// controls other than '\n' and '\t' (including a bare '\r'), DEL and the
	// C1 controls U+0080–U+009F.
	Controls int
	// InvalidUTF8 is the number of bytes that were not valid UTF-8, each now
	// U+FFFD.
	InvalidUTF8 int
	// Bidi is the number of bidirectional overrides, isolates and marks
	// removed (U+202A–U+202E, U+2066–U+2069, U+200E, U+200F, U+061C).
	Bidi int
	// ZeroWidth is the number of word-splitting zero-width characters
	// removed (U+200B, U+2060, U+FEFF).
	ZeroWidth int
}

// Changed reports whether Clean found anything at all worth counting. It is
// false for text whose only changes are CRLF line ends and tabs.
func (c CleanStats) Changed() bool {
	return c.Sequences != 0 || c.Controls != 0 || c.InvalidUTF8 != 0 || c.Bidi != 0 || c.ZeroWidth != 0
}

// Describe says what cleaning did, for warnings and the detail pane:
// "1 escape sequence shown as ␛, 2 bidi controls removed".
func (c CleanStats) Describe() string {
	var parts []string
	add := func(n int, one, many, did string) {
		switch {
		case n == 1:
			parts = append(parts, "1 "+one+" "+did)
		case n > 1:
			parts = append(parts, fmt.Sprintf("%d %s %s", n, many, did))
		}
	}
	add(c.Sequences, "escape sequence", "escape sequences", "shown as ␛")
	add(c.Controls, "control character", "control characters", "shown as a symbol")
	add(c.InvalidUTF8, "invalid UTF-8 byte", "invalid UTF-8 bytes", "replaced with �")
	add(c.Bidi, "bidi control", "bidi controls", "removed")
	add(c.ZeroWidth, "zero-width character", "zero-width characters", "removed")
	return strings.Join(parts, ", ")
}

// Clean returns s made safe to print on a terminal:
//
//   - Escape sequences are replaced, each whole sequence by one "␛": CSI
//     (ESC [ or U+009B, then parameter bytes 0x30–0x3F, intermediate bytes
//     0x20–0x2F and a final byte 0x40–0x7E); the control strings OSC (ESC ]
//     or U+009D), DCS (ESC P or U+0090), SOS (ESC X or U+0098), PM (ESC ^ or
//     U+009E) and APC (ESC _ or U+009F), up to and including their
//     terminator BEL, ST (ESC \ or U+009C), or to the end of s; and other
//     ESC sequences (ESC, any intermediate bytes 0x20–0x2F, one final byte
//     0x30–0x7E, e.g. ESC c, ESC 7, ESC ( B). A sequence cut short ends where
//     its syntax breaks, and what follows is cleaned as ordinary text. An ESC
//     inside a control string ends the string, as it does in terminals; ESC \
//     is taken as the string's ST, any other ESC starts a new sequence.
//     So an OSC 52 clipboard payload or an OSC 0 window title never survives.
//   - "\r\n" becomes "\n"; a bare '\r' becomes "␍".
//   - Other C0 controls become their Control Pictures (NUL "␀", BEL "␇",
//     BS "␈", …), DEL becomes "␡", and the other C1 controls U+0080–U+009F
//     become U+FFFD.
//   - '\t' becomes spaces up to the next multiple of 4 columns, counted in
//     runes from the start of the line.
//   - Each byte that is not valid UTF-8 becomes U+FFFD.
//   - Bidi overrides, isolates and marks (U+202A–U+202E, U+2066–U+2069,
//     U+200E, U+200F, U+061C) and the zero-width characters U+200B, U+2060
//     and U+FEFF are removed. U+200C and U+200D stay: Persian and emoji
//     sequences need them.
//
// The result is valid UTF-8 that contains no byte below 0x20 but '\n', no
// DEL and no rune in U+0080–U+009F, and Clean(Clean(s)) == Clean(s).
//
// A string that needs none of this (in particular, printable ASCII with
// newlines) is returned as it is, without allocating.
func Clean(s string) string {
	i := firstUnclean(s, false)
	if i == len(s) {
		return s
	}
	return cleanFrom(s, i, false, nil)
}

// CleanWithStats is Clean that also reports what it found.
func CleanWithStats(s string) (string, CleanStats) {
	var st CleanStats
	i := firstUnclean(s, false)
	if i == len(s) {
		return s, st
	}
	return cleanFrom(s, i, false, &st), st
}

// CleanLine is Clean for one-line fields such as titles, names and ids: in
// addition, each newline ("\n" or "\r\n") becomes a single space, and tabs
// are expanded from the start of s. Its result contains no '\n'.
func CleanLine(s string) string {
	i := firstUnclean(s, true)
	if i == len(s) {
		return s
	}
	return cleanFrom(s, i, true, nil)
}

// asciiOK[b] is true for the bytes that Clean passes through unchanged and
// without looking further: printable ASCII and '\n'.
var asciiOK = func() (t [utf8.RuneSelf]bool) {
	for b := 0x20; b < 0x7F; b++ {
		t[b] = true
	}
	t['\n'] = true
	return t
}()

// firstUnclean returns the index of the first byte of s that Clean would
// change, or len(s) if there is none.
func firstUnclean(s string, line bool) int {
	for i := 0; i < len(s); {
		// Eight plain bytes at a time: every byte in 0x20–0x7E.
		for ; i+8 <= len(s); i += 8 {
			x := uint64(s[i]) | uint64(s[i+1])<<8 | uint64(s[i+2])<<16 | uint64(s[i+3])<<24 |
				uint64(s[i+4])<<32 | uint64(s[i+5])<<40 | uint64(s[i+6])<<48 | uint64(s[i+7])<<56
			const ones, highs = 0x0101010101010101, 0x8080808080808080
			// A high bit set, a byte below 0x20, or a byte equal to 0x7F.
			if (x|(x-0x20*ones)|((x^0x7F*ones)-ones)&^(x^0x7F*ones))&highs != 0 {
				break
			}
		}
		if i >= len(s) {
			break
		}
		b := s[i]
		if b < utf8.RuneSelf {
			if !asciiOK[b] || (line && b == '\n') {
				return i
			}
			i++
			continue
		}
		r, n := utf8.DecodeRuneInString(s[i:])
		if n == 1 || r <= 0x9F || isBidi(r) || isZeroWidth(r) {
			return i // invalid UTF-8 (a real U+FFFD is 3 bytes), C1, or removed
		}
		i += n
	}
	return len(s)
}

// isBidi reports whether Clean removes r as a bidi control.
func isBidi(r rune) bool {
	return r >= 0x202A && r <= 0x202E || r >= 0x2066 && r <= 0x2069 ||
		r == 0x200E || r == 0x200F || r == 0x061C
}

// isZeroWidth reports whether Clean removes r as a word-splitting zero-width
// character.
func isZeroWidth(r rune) bool {
	return r == 0x200B || r == 0x2060 || r == 0xFEFF
}

// cleanFrom cleans s, whose first i bytes are known to need no change.
func cleanFrom(s string, i int, line bool, st *CleanStats) string {
	if st == nil {
		st = new(CleanStats) // does not escape; keeps the loop free of nil checks
	}
	var b strings.Builder
	b.Grow(len(s) + len(s)/4 + 8)
	b.WriteString(s[:i])

	// col is the column (in runes) where the next rune goes, for tabs.
	prefix := s[:i]
	if !line {
		prefix = prefix[strings.LastIndexByte(prefix, '\n')+1:]
	}
	col := utf8.RuneCountInString(prefix)

	for i < len(s) {
		c := s[i]
		if c < utf8.RuneSelf {
			switch {
			case c >= 0x20 && c < 0x7F:
				b.WriteByte(c)
				col++
				i++
			case c == '\n' || c == '\r' && i+1 < len(s) && s[i+1] == '\n':
				if c == '\r' {
					i++
				}
				i++
				if line {
					b.WriteByte(' ')
					col++
				} else {
					b.WriteByte('\n')
					col = 0
				}
			case c == '\t':
				n := tabWidth - col%tabWidth
				b.WriteString("    "[:n])
				col += n
				i++
			case c == 0x1B:
				i = escEnd(s, i+1)
				b.WriteRune(escPicture)
				st.Sequences++
				col++
			case c == 0x7F:
				b.WriteRune(delPicture)
				st.Controls++
				col++
				i++
			default: // the other C0 controls, including a bare '\r'
				b.WriteRune(c0Pictures + rune(c))
				st.Controls++
				col++
				i++
			}
			continue
		}

		r, n := utf8.DecodeRuneInString(s[i:])
		switch {
		case n == 1: // r == utf8.RuneError for a byte that is not UTF-8
			b.WriteRune(utf8.RuneError)
			st.InvalidUTF8++
			col++
		case r <= 0x9F: // C1
			switch r {
			case 0x9B: // CSI
				n = csiEnd(s, i+n) - i
				b.WriteRune(escPicture)
				st.Sequences++
			case 0x9D, 0x90, 0x98, 0x9E, 0x9F: // OSC, DCS, SOS, PM, APC
				n = stringEnd(s, i+n) - i
				b.WriteRune(escPicture)
				st.Sequences++
			default:
				b.WriteRune(utf8.RuneError)
				st.Controls++
			}
			col++
		case isBidi(r):
			st.Bidi++
		case isZeroWidth(r):
			st.ZeroWidth++
		default:
			b.WriteString(s[i : i+n])
			col++
		}
		i += n
	}
	return b.String()
}

// escEnd returns the end of the escape sequence whose ESC is just before
// s[i].
func escEnd(s string, i int) int {
	if i >= len(s) {
		return i // a lone ESC at the end
	}
	switch c := s[i]; {
	case c == '[':
		return csiEnd(s, i+1)
	case c == ']' || c == 'P' || c == 'X' || c == '^' || c == '_':
		return stringEnd(s, i+1)
	case c >= 0x20 && c <= 0x2F: // nF: intermediates then a final byte
		for i < len(s) && s[i] >= 0x20 && s[i] <= 0x2F {
			i++
		}
		if i < len(s) && s[i] >= 0x30 && s[i] <= 0x7E {
			i++
		}
		return i
	case c >= 0x30 && c <= 0x7E: // ESC 7, ESC c, ESC \, …
		return i + 1
	}
	return i // ESC followed by a control or non-ASCII: the ESC alone
}

// csiEnd returns the end of a control sequence whose parameters start at
// s[i]: parameter bytes, intermediate bytes, and the final byte if present.
func csiEnd(s string, i int) int {
	for i < len(s) && s[i] >= 0x30 && s[i] <= 0x3F {
		i++
	}
	for i < len(s) && s[i] >= 0x20 && s[i] <= 0x2F {
		i++
	}
	if i < len(s) && s[i] >= 0x40 && s[i] <= 0x7E {
		i++
	}
	return i
}

// stringEnd returns the end of a control string (OSC, DCS, SOS, PM, APC)
// whose content starts at s[i]: just after its BEL or ST terminator, just
// before an ESC that does not form ST, or len(s).
func stringEnd(s string, i int) int {
	for ; i < len(s); i++ {
		switch s[i] {
		case 0x07: // BEL
			return i + 1
		case 0x1B:
			if i+1 < len(s) && s[i+1] == '\\' { // ST
				return i + 2
			}
			return i
		case 0xC2:
			if i+1 < len(s) && s[i+1] == 0x9C { // U+009C ST
				return i + 2
			}
		}
	}
	return i
}

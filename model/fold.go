package model

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/dateline/dateline/model/text"
)

// ContainsFold reports whether s contains needle, which must already be
// folded by FoldForSearch. ASCII needles take a fast path with no allocation.
func ContainsFold(s, needle string) bool { return IndexFold(s, needle) >= 0 }

// IndexFold returns the byte offset in s of the first match of the folded
// needle, or -1. For non-ASCII needles the offset is approximate only in
// text whose folding changes byte lengths; callers highlight with it.
func IndexFold(s, needle string) int {
	f := newFolder(needle)
	return f.index(s)
}

// folder finds one folded needle. For an ASCII needle it looks for the
// needle's rarest byte (in English text) with strings.IndexByte, in both
// cases, and compares the rest only there: most text is passed over at
// memchr speed, without allocating.
type folder struct {
	needle string
	ascii  bool
	k      int  // offset in needle of its rarest byte
	lc, uc byte // that byte in lower and upper case
}

func newFolder(needle string) folder {
	f := folder{needle: needle, ascii: text.IsASCII(needle)}
	if !f.ascii || needle == "" {
		return f
	}
	for i := 0; i < len(needle); i++ {
		if byteFreq(needle[i]) < byteFreq(needle[f.k]) {
			f.k = i
		}
	}
	c := needle[f.k]
	f.lc, f.uc = c, c
	if 'a' <= c && c <= 'z' {
		f.uc = c - 'a' + 'A'
	}
	return f
}

// byteFreq ranks a (folded) byte by how often it appears in English text:
// letters by their frequency per mille, the space as the commonest.
func byteFreq(c byte) int {
	// a b c d e f g h i j k l m n o p q r s t u v w x y z
	letters := [26]uint8{82, 15, 28, 43, 127, 22, 20, 61, 70, 2, 8, 40, 24, 67, 75, 19, 1, 60, 63, 91, 28, 10, 24, 2, 20, 1}
	switch {
	case 'a' <= c && c <= 'z':
		return int(letters[c-'a'])
	case c == ' ':
		return 180
	case c == '.' || c == ',':
		return 10
	}
	return 4
}

func (f *folder) index(s string) int {
	needle := f.needle
	if needle == "" {
		return 0
	}
	if !f.ascii {
		return strings.Index(FoldForSearch(s), needle)
	}
	// The rare byte of a match at i is at i+k; i runs to len(s)-len(needle).
	k := f.k
	end := len(s) - len(needle) + k + 1
	for i := k; i < end; {
		j := indexEither(s[i:end], f.lc, f.uc)
		if j < 0 {
			return -1
		}
		i += j
		if equalFoldASCII(s[i-k:i-k+len(needle)], needle) {
			return i - k
		}
		i++
	}
	return -1
}

// inLower reports whether s, whose ASCII letters are all lower case,
// holds the ASCII needle.
func (f *folder) inLower(s string) bool { return f.indexLower(s) >= 0 }

// indexLower is strings.Index for the needle in s, whose ASCII letters are
// all lower case: strings.IndexByte for the needle's rarest byte, and a
// comparison there. (It beats strings.Index on this text even when that
// byte is common, and by far when it is rare.)
func (f *folder) indexLower(s string) int {
	needle, k := f.needle, f.k
	end := len(s) - len(needle) + k + 1
	for i := k; i < end; {
		j := strings.IndexByte(s[i:end], f.lc)
		if j < 0 {
			return -1
		}
		i += j
		if s[i-k:i-k+len(needle)] == needle {
			return i - k
		}
		i++
	}
	return -1
}

// tune picks the rarest byte of the needle by its count in the haystack
// rather than in English.
func (f *folder) tune(h *haystack) {
	needle := f.needle
	if len(needle) < 2 {
		return
	}
	f.k = 0
	for i := range len(needle) {
		if h.bytes[needle[i]] < h.bytes[needle[f.k]] {
			f.k = i
		}
	}
	f.lc = needle[f.k]
}

func indexEither(s string, a, b byte) int {
	i := strings.IndexByte(s, a)
	if a == b {
		return i
	}
	limit := s
	if i >= 0 {
		limit = s[:i]
	}
	if j := strings.IndexByte(limit, b); j >= 0 {
		return j
	}
	return i
}

// equalFoldASCII compares s with the lowercase ASCII needle.
func equalFoldASCII(s, lower string) bool {
	for i := 0; i < len(lower); i++ {
		c := s[i]
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		if c != lower[i] {
			return false
		}
	}
	return true
}

// FoldForSearch returns a key for matching s case-insensitively and
// regardless of invisible characters, so that "Pu\u200btin" and "PUTIN" both
// become "putin". Use it on both the text and the query, and compare keys
// only: it is not for display, and offsets in the key are not offsets in s.
//
// It applies Unicode simple case folding, mapping each rune to the lower-case
// member of its case-folding orbit (so "ſ", "K" (Kelvin) and "ς" fold like
// "s", "k" and "σ"); as in strings.EqualFold, the Turkish dotted and dotless
// i fold only to themselves. It removes the Default_Ignorable_Code_Point
// characters: zero-width spaces and joiners, soft hyphens, bidi controls,
// variation selectors, tags and the like. Bytes that are not valid UTF-8
// become U+FFFD. There is no normalisation (NFC/NFKD) and no removal of
// accents.
//
// It is fast: a string that is already folded (any lower-case ASCII, for
// instance) is returned as it is without allocating; otherwise it makes one
// allocation and one pass, with table look-ups only for non-ASCII runes.
func FoldForSearch(s string) string {
	i := 0
	for i < len(s) {
		c := s[i]
		if c < utf8.RuneSelf {
			if 'A' <= c && c <= 'Z' {
				break
			}
			i++
			continue
		}
		r, n := utf8.DecodeRuneInString(s[i:])
		if n == 1 || isIgnorable(r) || foldRune(r) != r {
			break
		}
		i += n
	}
	if i == len(s) {
		return s
	}

	var b strings.Builder
	b.Grow(len(s))
	b.WriteString(s[:i])
	for i < len(s) {
		c := s[i]
		if c < utf8.RuneSelf {
			if 'A' <= c && c <= 'Z' {
				b.WriteByte(c + 'a' - 'A')
				i++
				continue
			}
			// Copy the run of ASCII that needs no change in one go.
			j := i + 1
			for j < len(s) && s[j] < utf8.RuneSelf && (s[j] < 'A' || s[j] > 'Z') {
				j++
			}
			b.WriteString(s[i:j])
			i = j
			continue
		}
		r, n := utf8.DecodeRuneInString(s[i:])
		i += n
		if isIgnorable(r) {
			continue
		}
		b.WriteRune(foldRune(r)) // an invalid byte decodes to, and is written as, U+FFFD
	}
	return b.String()
}

// foldRune maps r to the representative of its simple case-folding orbit
// (the runes strings.EqualFold treats as equal): the lower case of its upper
// case, as long as that stays in the orbit.
func foldRune(r rune) rune {
	if r < utf8.RuneSelf {
		if 'A' <= r && r <= 'Z' {
			r += 'a' - 'A'
		}
		return r
	}
	l := unicode.ToLower(unicode.ToUpper(r))
	if l == r {
		return r
	}
	for f := unicode.SimpleFold(r); f != r; f = unicode.SimpleFold(f) {
		if f == l {
			return l
		}
	}
	return r // e.g. 'ı': its upper case 'I' belongs to another orbit
}

// isIgnorable reports whether r has the Unicode property
// Default_Ignorable_Code_Point: characters with no visible rendering of their
// own, which should not make two strings differ in a search.
func isIgnorable(r rune) bool {
	if r < 0x00AD {
		return false
	}
	switch {
	case r == 0x00AD, r == 0x034F, r == 0x061C,
		r == 0x115F, r == 0x1160, r == 0x17B4, r == 0x17B5,
		0x180B <= r && r <= 0x180F,
		0x200B <= r && r <= 0x200F,
		0x202A <= r && r <= 0x202E,
		0x2060 <= r && r <= 0x206F,
		r == 0x3164,
		0xFE00 <= r && r <= 0xFE0F,
		r == 0xFEFF, r == 0xFFA0,
		0xFFF0 <= r && r <= 0xFFF8,
		0x1BCA0 <= r && r <= 0x1BCA3,
		0x1D173 <= r && r <= 0x1D17A,
		0xE0000 <= r && r <= 0xE0FFF:
		return true
	}
	return false
}

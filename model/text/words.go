package text

import "strings"

// Plural picks the form of a word for a count: one for 1, many for
// anything else (0 included), as in "3 " + Plural(3, "event", "events").
func Plural(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}

// IsASCII reports whether s is all 7-bit ASCII, for the fast paths that
// need no decoding.
func IsASCII(s string) bool {
	i := 0
	for ; i+16 <= len(s); i += 16 { // sixteen bytes at a time, as two words
		if (word(s[i:])|word(s[i+8:]))&0x8080808080808080 != 0 {
			return false
		}
	}
	for ; i+8 <= len(s); i += 8 {
		if word(s[i:])&0x8080808080808080 != 0 {
			return false
		}
	}
	for ; i < len(s); i++ {
		if s[i] >= 0x80 {
			return false
		}
	}
	return true
}

// word is the first eight bytes of s as one little-endian word, which the
// compiler reads in one load.
func word(s string) uint64 {
	_ = s[7]
	return uint64(s[0]) | uint64(s[1])<<8 | uint64(s[2])<<16 | uint64(s[3])<<24 |
		uint64(s[4])<<32 | uint64(s[5])<<40 | uint64(s[6])<<48 | uint64(s[7])<<56
}

// lfPicture is ␊, SYMBOL FOR LINE FEED: a newline shown where none may be.
const lfPicture = "\u240A"

// CleanName is CleanLine for file names and other names in messages that
// are read one to a line (file:line:col: …): a newline shows as "␊"
// rather than a space, so a name can neither start a line of its own nor
// pass for two names.
func CleanName(s string) string {
	if strings.IndexByte(s, '\n') >= 0 {
		s = strings.ReplaceAll(s, "\n", lfPicture)
	}
	return CleanLine(s)
}

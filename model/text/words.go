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
	for ; i+8 <= len(s); i += 8 { // eight bytes at a time
		if (s[i]|s[i+1]|s[i+2]|s[i+3]|s[i+4]|s[i+5]|s[i+6]|s[i+7])&0x80 != 0 {
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

package text

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
	for i := 0; i < len(s); i++ {
		if s[i] >= 0x80 {
			return false
		}
	}
	return true
}

package report

import (
	"strings"
	"testing"
)

// mdInline's fast path for text already single-spaced gives what the
// general one does.
func TestMdInlineSpacing(t *testing.T) {
	for _, s := range []string{"", " ", "a", "a b", " a", "a ", "a  b", "a\tb", "a\nb", "a\u00a0b", "a\u2003 b",
		"Attack in Méheim", "x*y_z [1]", "  lead", "trail  ", "a \r b", "ok. fine"} {
		want := mdEscaper.Replace(strings.Join(strings.Fields(s), " "))
		if got := mdInline(s); got != want {
			t.Errorf("mdInline(%q) = %q, want %q", s, got, want)
		}
	}
}

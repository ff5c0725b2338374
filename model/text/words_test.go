package text

import "testing"

func TestCleanName(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"story.yaml", "story.yaml"},
		{"x\nbad.yaml: ok", "x␊bad.yaml: ok"},
		{"a\r\nb", "a␍␊b"},
		{"a\x1b]0;t\ab", "a␛b"},
	} {
		if got := CleanName(tc.in); got != tc.want {
			t.Errorf("CleanName(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

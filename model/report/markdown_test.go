package report_test

import (
	"bytes"
	"strings"
	"testing"

	"github.com/dateline/dateline/model"
	"github.com/dateline/dateline/model/report"
)

// sourceLine is the Markdown list entry that WriteListMarkdown writes for
// one event citing a source "Out" at url.
func sourceLine(t testing.TB, url string) string {
	t.Helper()
	s := &model.Story{
		Sources: []model.Source{{ID: "s", Outlet: "Out", URL: url}},
		Events:  []model.Event{{ID: "e", Title: "t", Citations: []model.Citation{{Source: "s"}}}},
	}
	ix := model.NewIndex(s)
	var b bytes.Buffer
	if err := report.WriteListMarkdown(&b, ix, ix.Query(model.Filter{})); err != nil {
		t.Fatal(err)
	}
	_, after, ok := strings.Cut(b.String(), "**Sources:**\n\n")
	if !ok {
		t.Fatalf("no sources in\n%s", b.String())
	}
	return strings.TrimSuffix(after, "\n")
}

// TestMarkdownSourceLinks: only http(s) and mailto addresses are linked,
// and nothing in an address ends its link or its line (issue 10).
func TestMarkdownSourceLinks(t *testing.T) {
	cases := []struct{ url, want string }{
		{"https://example.com/a?b=c#d", "- [Out](<https://example.com/a?b=c#d>)"},
		{"HTTP://EXAMPLE.COM", "- [Out](<HTTP://EXAMPLE.COM>)"},
		{"mailto:desk@example.com", "- [Out](<mailto:desk@example.com>)"},
		{"https://example.com/a b", "- [Out](<https://example.com/a%20b>)"},
		{`https://example.com/\`, "- [Out](<https://example.com/%5C>)"},
		{"https://example.com/>)[x](javascript:alert(1)", "- [Out](<https://example.com/%3E)[x](javascript:alert(1)>)"},
		{"https://example.com/<x>", "- [Out](<https://example.com/%3Cx%3E>)"},
		{"https://example.com/\n# heading", "- [Out](<https://example.com/%0A#%20heading>)"},
		{"https://example.com/\r\tx", "- [Out](<https://example.com/%0D%09x>)"},

		{"javascript:alert(1)", "- Out (`javascript:alert(1)`)"},
		{"JavaScript:alert(1)", "- Out (`JavaScript:alert(1)`)"},
		{" javascript:alert(1)", "- Out (`  javascript:alert(1) `)"},
		{"data:text/html,<script>alert(1)</script>", "- Out (`data:text/html,<script>alert(1)</script>`)"},
		{"vbscript:msgbox(1)", "- Out (`vbscript:msgbox(1)`)"},
		{"file:///etc/passwd", "- Out (`file:///etc/passwd`)"},
		{"//evil.example/x", "- Out (`//evil.example/x`)"},
		{"https:/evil", "- Out (`https:/evil`)"},
		{"example.com", "- Out (`example.com`)"},
		{"javascript:`x`", "- Out (`` javascript:`x` ``)"},
		{"javascript:x\n# heading", "- Out (`javascript:x%0A# heading`)"},
		{"javascript:x\\", "- Out (`javascript:x\\`)"},
	}
	for _, c := range cases {
		if got := sourceLine(t, c.url); got != c.want {
			t.Errorf("source at %q:\n got %s\nwant %s", c.url, got, c.want)
		}
	}
}

// FuzzMarkdownSourceLink checks that a source's address is written either
// as a link to an http(s) or mailto address that nothing in it ends, or as
// a code span on its line.
func FuzzMarkdownSourceLink(f *testing.F) {
	for _, u := range []string{"https://example.com/", "mailto:a@b", "javascript:alert(1)", `https://x/\`, "data:x`y``", " `", "http://a>b\nc"} {
		f.Add(u)
	}
	f.Fuzz(func(t *testing.T, url string) {
		if url == "" {
			return
		}
		line := sourceLine(t, url)
		if strings.ContainsAny(line, "\n\r") {
			t.Fatalf("the entry for %q takes more than a line: %q", url, line)
		}
		if dest, ok := strings.CutPrefix(line, "- [Out](<"); ok {
			dest, ok = strings.CutSuffix(dest, ">)")
			low := strings.ToLower(dest)
			if !ok || strings.ContainsAny(dest, "<>\\ \x7f") || strings.IndexFunc(dest, func(r rune) bool { return r < ' ' }) >= 0 ||
				!strings.HasPrefix(low, "http://") && !strings.HasPrefix(low, "https://") && !strings.HasPrefix(low, "mailto:") {
				t.Fatalf("the link for %q is not a safe address: %q", url, line)
			}
			return
		}
		code, ok := strings.CutPrefix(line, "- Out (")
		if code, ok = strings.CutSuffix(code, ")"); !ok {
			t.Fatalf("the entry for %q is neither a link nor code: %q", url, line)
		}
		n := len(code) - len(strings.TrimLeft(code, "`"))
		fence := strings.Repeat("`", n)
		inner, ok := strings.CutSuffix(code[n:], fence)
		if n == 0 || !ok || strings.Contains(inner, fence) || strings.HasSuffix(inner, "`") {
			t.Fatalf("the address %q is not one code span: %q", url, line)
		}
	})
}

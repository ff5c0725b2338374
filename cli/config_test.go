package cli

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/dateline/dateline/model"
	"github.com/dateline/dateline/model/formats"
	"github.com/dateline/dateline/ui"
)

func TestConfigDefaultsRoundTrip(t *testing.T) {
	t.Setenv("XDG_CONFIG_HOME", t.TempDir())
	r := runCLI(t, "config")
	if r.code != 0 || !strings.Contains(r.stdout, "work.yank: [\"y\"] # copy") || !strings.Contains(r.stdout, "theme: auto") {
		t.Fatalf("config: exit %d\n%s%s", r.code, r.stdout, r.stderr)
	}
	c, err := parseConfig("config.yaml", []byte(r.stdout))
	if err != nil {
		t.Fatalf("the printed defaults do not load: %v", err)
	}
	if got := c.settings.Keys.Actions(); len(got) != len(ui.DefaultKeyMap().Actions()) {
		t.Errorf("the defaults load as %d actions", len(got))
	}
	if r := runCLI(t, "config", "--path"); !strings.HasSuffix(strings.TrimSpace(r.stdout), filepath.Join("dateline", "config.yaml")) {
		t.Errorf("config --path: %q", r.stdout)
	}
}

func TestConfigMistakes(t *testing.T) {
	for _, tc := range []struct{ src, want string }{
		{"keys:\n  work.yank: [Y]\n  global.clear: C\n", ""},
		{"keys:\n  work.yank: [Y]\n  global.clear: x\n", `config.yaml:3: keys: key "x" of global.clear is also work.export`},
		{"theme:\n  mode: dark\n  accent: \"#FF8800\"\ncolor: never\n", ""},
		{"keys: [oops", "config.yaml: "},
		{"keys:\n  work.yank: Y\n  work.yanc: Z\n", `config.yaml:3: keys: unknown action "work.yanc" (did you mean "work.yank"?)`},
		{"keys:\n  work.export: c\n", `config.yaml:2: keys: key "c" of work.export is also global.clear`},
		{"colour: never\n", `config.yaml:1: unknown setting "colour"`},
		{"theme: sepia\n", "config.yaml:1: theme is auto, dark, light"},
		{"theme:\n  accent: orange\n", "config.yaml:2: theme: accent is a colour"},
		{"color: sometimes\n", "config.yaml:1: color is auto, always or never"},
	} {
		_, err := parseConfig("config.yaml", []byte(tc.src))
		switch {
		case tc.want == "" && err != nil:
			t.Errorf("%q: %v", tc.src, err)
		case tc.want != "" && (err == nil || !strings.Contains(err.Error(), tc.want)):
			t.Errorf("%q: %v; want %q", tc.src, err, tc.want)
		}
	}
	// At start, before any screen: exit 2 naming the file and line.
	dir := t.TempDir()
	t.Setenv("XDG_CONFIG_HOME", dir)
	os.MkdirAll(filepath.Join(dir, "dateline"), 0o755)
	os.WriteFile(filepath.Join(dir, "dateline", "config.yaml"), []byte("keys:\n  nope: z\n"), 0o644)
	r := runCLI(t, "config", "--check")
	if r.code != ExitUsage || !strings.Contains(r.stderr, filepath.Join(dir, "dateline", "config.yaml")+`:2: keys: unknown action "nope"`) {
		t.Errorf("config --check: exit %d, %q", r.code, r.stderr)
	}
}

func TestManIsRoff(t *testing.T) {
	r := runCLI(t, "man")
	if r.code != 0 {
		t.Fatalf("man: exit %d, %s", r.code, r.stderr)
	}
	for _, want := range []string{".TH DATELINE 1", ".SH NAME", ".SH SYNOPSIS", ".SH OPTIONS", `\fB--actor\fP`, "list", "XDG_CONFIG_HOME", "BROWSER"} {
		if !strings.Contains(r.stdout, want) {
			t.Errorf("the man page lacks %q", want)
		}
	}
	if !strings.HasPrefix(r.stdout, ".TH ") {
		t.Errorf("the man page does not start with .TH: %.60q", r.stdout)
	}
}

func TestCompleteIDsAndValues(t *testing.T) {
	story := writeFile(t, "s.yaml", "title: T\nactors:\n  - {id: zelda, name: Zelda, kind: person}\ntopics:\n  - {id: zoning, title: Zoning}\nevents:\n  - {id: e1, title: One, date: 2023-03-17, actors: [{actor: zelda}]}\n")
	for _, tc := range []struct {
		args []string
		want string
	}{
		{[]string{"__complete", "list", story, "--actor", "z"}, "zelda\tZelda"},
		{[]string{"__complete", story, "--topic", ""}, "zoning\tZoning"},
		{[]string{"__complete", "list", "--actor", "ic"}, "icc\t"},
		{[]string{"__complete", "list", "--format", ""}, "markdown"},
		{[]string{"__complete", "positions", "--format", ""}, "markdown"},
		{[]string{"__complete", "export", "--to", ""}, "timelinejs"},
		{[]string{"__complete", "list", "--from", ""}, "acled"},
		{[]string{"__complete", "count", "--by", ""}, "month"},
	} {
		if r := runCLI(t, tc.args...); !strings.Contains(r.stdout, tc.want) {
			t.Errorf("%v: %q, want %q", tc.args, r.stdout, tc.want)
		}
	}
}

func TestExportViewHook(t *testing.T) {
	ix, err := loadFilesContext(context.Background(), nil, formats.Options{}, nil, &strings.Builder{})
	if err != nil {
		t.Fatal(err)
	}
	rows := ix.Query(model.Filter{Actors: []string{"icc"}})
	out := filepath.Join(t.TempDir(), "view.csv")
	if err := exportView(out, "csv", ix, rows, false); err != nil {
		t.Fatal(err)
	}
	data, _ := os.ReadFile(out)
	if lines := strings.Count(string(data), "\n"); lines < len(rows)+1 {
		t.Errorf("view.csv has %d lines for %d rows", lines, len(rows))
	}
	if err := exportView(out, "yaml", ix, rows, false); err != ui.ErrExists {
		t.Errorf("over an existing file: %v, want ui.ErrExists", err)
	}
	if err := exportView(out, "yaml", ix, rows, true); err != nil {
		t.Errorf("replacing: %v", err)
	}
	if data, _ := os.ReadFile(out); !strings.Contains(string(data), "events:") {
		t.Errorf("the replaced file is not the YAML story:\n%.200s", data)
	}
}

package cli

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"testing"
)

// TestGenKeepsFilesAndTakesTheExtension: gen -o refuses an existing file
// unless --force, and writes the format its extension names.
func TestGenKeepsFilesAndTakesTheExtension(t *testing.T) {
	dir := t.TempDir()
	csv := filepath.Join(dir, "g.csv")
	if r := runCLI(t, "gen", "--events", "5", "-o", csv); r.code != 0 {
		t.Fatalf("gen -o g.csv: exit %d: %s", r.code, r.stderr)
	}
	first, _ := os.ReadFile(csv)
	if !strings.HasPrefix(string(first), "event_id_cnty,") && !strings.Contains(strings.SplitN(string(first), "\n", 2)[0], "event_date") {
		t.Errorf("g.csv is not CSV: %.120q", first)
	}
	if r := runCLI(t, "gen", "--events", "7", "-o", csv); r.code != ExitUsage || !strings.Contains(r.stderr, "already exists; pass --force") {
		t.Errorf("gen over a file: exit %d, %q", r.code, r.stderr)
	}
	if now, _ := os.ReadFile(csv); !bytes.Equal(now, first) {
		t.Error("gen replaced g.csv without --force")
	}
	if r := runCLI(t, "gen", "--events", "7", "--force", "-o", csv); r.code != 0 {
		t.Errorf("gen --force: exit %d: %s", r.code, r.stderr)
	}
	for ext, want := range map[string]string{".yaml": "# A synthetic story", ".json": "{", ".ndjson": "{", ".jsonl": "{"} {
		out := filepath.Join(dir, "g"+ext)
		if r := runCLI(t, "gen", "--events", "3", "-o", out); r.code != 0 {
			t.Fatalf("gen -o g%s: exit %d: %s", ext, r.code, r.stderr)
		}
		if got, _ := os.ReadFile(out); !strings.HasPrefix(string(got), want) {
			t.Errorf("g%s starts %.40q, want %q", ext, got, want)
		}
	}
	// --format says otherwise.
	out := filepath.Join(dir, "other.csv")
	if r := runCLI(t, "gen", "--events", "3", "--format", "yaml", "-o", out); r.code != 0 {
		t.Fatal(r.stderr)
	}
	if got, _ := os.ReadFile(out); !strings.HasPrefix(string(got), "# A synthetic story") {
		t.Errorf("--format yaml into .csv wrote %.40q", got)
	}
}

func TestGenRefusesHugeSizesAtOnce(t *testing.T) {
	for _, args := range [][]string{
		{"gen", "--actors", "100000000000"},
		{"gen", "--events", "100000000001"},
		{"gen", "--events", "-1"},
	} {
		r := runCLI(t, args...)
		if r.code != ExitUsage || r.stdout != "" || !strings.Contains(r.stderr, "--") {
			t.Errorf("%v: exit %d, %d bytes out, %q", args, r.code, len(r.stdout), r.stderr)
		}
	}
}

// TestExportOnlyToRegularFiles: a FIFO, a device, or a symbolic link to
// one is refused and left as it was; a link to a regular file is followed
// and kept.
func TestExportOnlyToRegularFiles(t *testing.T) {
	dir := t.TempDir()
	fifo := filepath.Join(dir, "pipe")
	if err := syscall.Mkfifo(fifo, 0o644); err != nil {
		t.Fatal(err)
	}
	linkToFifo := filepath.Join(dir, "link-to-pipe")
	linkToNull := filepath.Join(dir, "link-to-null")
	_ = os.Symlink(fifo, linkToFifo)
	_ = os.Symlink("/dev/null", linkToNull)
	for _, target := range []string{fifo, linkToFifo, "/dev/null", linkToNull} {
		for _, force := range []bool{false, true} {
			args := []string{"export", "--to", "json", "-o", target}
			if force {
				args = append(args, "--force")
			}
			r := runCLI(t, args...)
			if r.code != ExitUsage || !strings.Contains(r.stderr, "not a regular file") {
				t.Errorf("%v: exit %d, %q", args, r.code, r.stderr)
			}
		}
	}
	if st, err := os.Lstat(fifo); err != nil || st.Mode()&os.ModeNamedPipe == 0 {
		t.Errorf("the FIFO is now %v (%v)", st.Mode(), err)
	}
	if st, err := os.Lstat(linkToFifo); err != nil || st.Mode()&os.ModeSymlink == 0 {
		t.Errorf("the link is now %v (%v)", st.Mode(), err)
	}
	// A link to a regular file writes the file, and stays a link.
	real := filepath.Join(dir, "real.json")
	_ = os.WriteFile(real, []byte("old"), 0o644)
	link := filepath.Join(dir, "link.json")
	_ = os.Symlink(real, link)
	if r := runCLI(t, "export", "--to", "json", "--force", "-o", link); r.code != 0 {
		t.Fatalf("export to a link: exit %d: %s", r.code, r.stderr)
	}
	if st, _ := os.Lstat(link); st.Mode()&os.ModeSymlink == 0 {
		t.Error("the link was replaced by a file")
	}
	if got, _ := os.ReadFile(real); !strings.Contains(string(got), `"events"`) {
		t.Errorf("the linked file holds %.60q", got)
	}
}

// TestStaleTemporaryFilesAreCleaned: a kill -9 during export leaves
// .NAME.dateline-PID-*.tmp; the next export of the same target removes
// those whose process is gone, and no other file.
func TestStaleTemporaryFilesAreCleaned(t *testing.T) {
	dir := t.TempDir()
	cmd := exec.Command("true")
	if err := cmd.Run(); err != nil {
		t.Skip(err)
	}
	dead := strconv.Itoa(cmd.Process.Pid) // exited and reaped
	stale := filepath.Join(dir, ".out.json.dateline-"+dead+"-123.tmp")
	live := filepath.Join(dir, ".out.json.dateline-"+strconv.Itoa(os.Getppid())+"-456.tmp")
	other := filepath.Join(dir, ".other.json.dateline-"+dead+"-789.tmp")
	mine := filepath.Join(dir, ".out.json.123.tmp") // not dateline's name
	for _, f := range []string{stale, live, other, mine} {
		_ = os.WriteFile(f, nil, 0o644)
	}
	if r := runCLI(t, "export", "--to", "json", "-o", filepath.Join(dir, "out.json")); r.code != 0 {
		t.Fatal(r.stderr)
	}
	if _, err := os.Stat(stale); err == nil {
		t.Error("the stale temporary file is still there")
	}
	for _, f := range []string{live, other, mine} {
		if _, err := os.Stat(f); err != nil {
			t.Errorf("%s was removed", filepath.Base(f))
		}
	}
}

// TestWriteErrorsExitOne: every command that writes to standard output
// reports a failed write (a full disk) and exits 1; a closed pipe is
// quiet.
func TestWriteErrorsExitOne(t *testing.T) {
	full, err := os.OpenFile("/dev/full", os.O_WRONLY, 0)
	if err != nil {
		t.Skip("no /dev/full here")
	}
	defer full.Close()
	commands := [][]string{
		{"list"}, {"list", "--format", "json"}, {"list", "--format", "csv"}, {"positions"},
		{"positions", "--format", "json"}, {"export", "--to", "json"}, {"export", "--to", "timelinejs"},
		{"schema"}, {"gen", "--events", "20"}, {"completion", "bash"}, {"validate", "../content/story.yaml"},
		{"--help"},
	}
	for _, args := range commands {
		var stderr bytes.Buffer
		code := Run(args, full, &stderr)
		if code != ExitData || !strings.Contains(stderr.String(), "cannot write the output") {
			t.Errorf("%v > /dev/full: exit %d, %q", args, code, stderr.String())
		}
		r, w, err := os.Pipe()
		if err != nil {
			t.Fatal(err)
		}
		r.Close()
		stderr.Reset()
		code = Run(args, w, &stderr)
		w.Close()
		if code != ExitData || stderr.Len() != 0 {
			t.Errorf("%v into a closed pipe: exit %d, %q; want 1 and quiet", args, code, stderr.String())
		}
	}
}

package cli

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/dateline/dateline/model"
	"github.com/dateline/dateline/model/formats"
)

// storyOf is a one-event story whose title says which version it is.
func storyOf(title string) string {
	return "title: Watched\nevents:\n  - id: only\n    date: 2020-01-02\n    title: " + title + "\n"
}

// answer is one answer of a Reloader.
type answer struct {
	title string
	err   error
}

// follow starts watching path and returns the Reloader's answers.
func follow(t *testing.T, path string) <-chan answer {
	t.Helper()
	load := func() (*model.Index, error) {
		return loadFilesContext(context.Background(), []string{path}, formats.Options{}, nil, &strings.Builder{})
	}
	reload, stop, err := watchFile(path, load)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(stop)
	answers := make(chan answer, 16)
	go func() {
		for {
			ix, err := reload()
			a := answer{err: err}
			if ix != nil && ix.Len() > 0 {
				a.title = ix.At(0).Event.Title
			}
			answers <- a
		}
	}()
	return answers
}

// expect waits for the next answer; liveness only, with a generous bound.
func expect(t *testing.T, answers <-chan answer, what string) answer {
	t.Helper()
	select {
	case a := <-answers:
		return a
	case <-time.After(10 * time.Second):
		t.Fatalf("no answer: %s", what)
	}
	return answer{}
}

func write(t *testing.T, path, src string) {
	t.Helper()
	if err := os.WriteFile(path, []byte(src), 0o644); err != nil {
		t.Fatal(err)
	}
}

// TestWatchWaitsForAWholeFile: a save that truncates first and writes
// later, or writes a file in two steps, is answered once, whole.
func TestWatchWaitsForAWholeFile(t *testing.T) {
	path := filepath.Join(t.TempDir(), "story.yaml")
	write(t, path, storyOf("one"))
	answers := follow(t, path)

	write(t, path, "") // truncated...
	time.Sleep(400 * time.Millisecond)
	write(t, path, storyOf("two")) // ...then written
	if a := expect(t, answers, "truncate then write"); a.err != nil || a.title != "two" {
		t.Errorf("after truncate and write: %+v", a)
	}

	whole := storyOf("three")
	write(t, path, whole[:len(whole)-12]) // half, cut inside the item
	time.Sleep(400 * time.Millisecond)
	write(t, path, whole)
	if a := expect(t, answers, "two-step write"); a.err != nil || a.title != "three" {
		t.Errorf("after a two-step write: %+v", a)
	}
}

// TestWatchFollowsALinkIntoAnotherFolder: the link's folder holds no
// changes; its target's does.
func TestWatchFollowsALinkIntoAnotherFolder(t *testing.T) {
	real := filepath.Join(t.TempDir(), "story.yaml")
	write(t, real, storyOf("one"))
	link := filepath.Join(t.TempDir(), "link.yaml")
	if err := os.Symlink(real, link); err != nil {
		t.Fatal(err)
	}
	answers := follow(t, link)
	write(t, real, storyOf("two"))
	if a := expect(t, answers, "a save through the link"); a.err != nil || a.title != "two" {
		t.Errorf("%+v", a)
	}
}

// TestWatchSurvivesItsFolderMadeAgain: the folder removed says so, and
// the file in the folder made again is followed.
func TestWatchSurvivesItsFolderMadeAgain(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "work")
	_ = os.Mkdir(dir, 0o755)
	path := filepath.Join(dir, "story.yaml")
	write(t, path, storyOf("one"))
	answers := follow(t, path)
	if err := os.RemoveAll(dir); err != nil {
		t.Fatal(err)
	}
	a := expect(t, answers, "the folder removed")
	for a.err == nil || !strings.Contains(a.err.Error(), "removed") {
		if a.err != nil && strings.Contains(a.err.Error(), "is gone") {
			a = expect(t, answers, "the folder removed")
			continue
		}
		t.Fatalf("after removing the folder: %+v", a)
	}
	_ = os.Mkdir(dir, 0o755)
	write(t, path, storyOf("two"))
	if a := expect(t, answers, "the folder made again"); a.err != nil || a.title != "two" {
		t.Errorf("%+v", a)
	}
	write(t, path, storyOf("three"))
	if a := expect(t, answers, "a later save"); a.err != nil || a.title != "three" {
		t.Errorf("%+v", a)
	}
}

// TestWatchNeverBlocksOnAFIFO: the path briefly a FIFO is reported, not
// opened, and the file that comes back is followed.
func TestWatchNeverBlocksOnAFIFO(t *testing.T) {
	path := filepath.Join(t.TempDir(), "story.yaml")
	write(t, path, storyOf("one"))
	answers := follow(t, path)
	_ = os.Remove(path)
	if err := syscall.Mkfifo(path, 0o644); err != nil {
		t.Fatal(err)
	}
	a := expect(t, answers, "the FIFO")
	for a.err != nil && strings.Contains(a.err.Error(), "is gone") {
		a = expect(t, answers, "the FIFO")
	}
	if a.err == nil || !strings.Contains(a.err.Error(), "FIFO") {
		t.Errorf("a FIFO answered %+v", a)
	}
	_ = os.Remove(path)
	write(t, path, storyOf("two"))
	for {
		a = expect(t, answers, "the file back")
		if a.err == nil {
			break
		}
	}
	if a.title != "two" {
		t.Errorf("%+v", a)
	}
}

package cli

import (
	"context"
	"fmt"
	"io"
	"strings"
	"time"

	"github.com/spf13/cobra"

	"github.com/dateline/dateline/content"
	"github.com/dateline/dateline/model"
	"github.com/dateline/dateline/model/formats"
	"github.com/dateline/dateline/model/text"
)

// addFromFlag gives every command the --from flag that forces the format
// of the files it reads.
func addFromFlag(root *cobra.Command) {
	root.PersistentFlags().String("from", "", "read FILEs as this format: "+strings.Join(formats.Names(), ", ")+" (default: tell from the content)")
	_ = root.RegisterFlagCompletionFunc("from", cobra.FixedCompletions(formats.Names(), cobra.ShellCompDirectiveNoFileComp))
}

// fromFlag reads --from.
func fromFlag(cmd *cobra.Command) (formats.Format, error) {
	v, _ := cmd.Flags().GetString("from")
	f, err := formats.ParseFormat(v)
	if err != nil {
		return f, usageErr("--from: %v", err)
	}
	return f, nil
}

// loadCmd reads the story files a command names, in the --from format, or
// the built-in story when it names none, and indexes it.
func loadCmd(cmd *cobra.Command, paths []string, stderr io.Writer) (*model.Index, error) {
	s, err := loadCmdStory(cmd, paths, stderr)
	if err != nil {
		return nil, err
	}
	return model.NewIndex(s), nil
}

// loadCmdStory is loadCmd without the index, behind a progress line on a
// terminal.
func loadCmdStory(cmd *cobra.Command, paths []string, stderr io.Writer) (*model.Story, error) {
	from, err := fromFlag(cmd)
	if err != nil {
		return nil, err
	}
	var progress formats.Progress
	if len(paths) > 0 && isTerminal(stderr) {
		line := &progressLine{w: stderr, name: text.CleanLine(strings.Join(paths, " + "))}
		defer line.clear()
		progress = line.report
	}
	return loadStory(context.Background(), paths, from, progress, stderr)
}

// progressLine shows loading progress on one line of a terminal's stderr,
// at most ten times a second, and wipes it when done.
type progressLine struct {
	w     io.Writer
	name  string
	last  time.Time
	shown int // width of the line drawn, to wipe it
}

func (p *progressLine) report(done, total int64) {
	if total <= 0 || time.Since(p.last) < 100*time.Millisecond {
		return
	}
	p.last = time.Now()
	line := fmt.Sprintf("Loading %s: %d%% (%d of %d MiB)", p.name, done*100/total, done>>20, total>>20)
	fmt.Fprintf(p.w, "\r%s", line)
	p.shown = max(p.shown, len(line))
}

func (p *progressLine) clear() {
	if p.shown > 0 {
		fmt.Fprintf(p.w, "\r%s\r", strings.Repeat(" ", p.shown))
	}
}

// loadFiles reads and merges the story files at paths (see formats.LoadFiles),
// or the built-in story when there are none, printing warnings to stderr.
func loadFiles(paths []string, from formats.Format, stderr io.Writer) (*model.Index, error) {
	return loadFilesContext(context.Background(), paths, from, nil, stderr)
}

// loadFilesContext is loadFiles that reports progress and stops when ctx
// is done.
func loadFilesContext(ctx context.Context, paths []string, from formats.Format, progress formats.Progress, stderr io.Writer) (*model.Index, error) {
	s, err := loadStory(ctx, paths, from, progress, stderr)
	if err != nil {
		return nil, err
	}
	return model.NewIndex(s), nil
}

// loadStory reads and merges the files, or the built-in story when there
// are none, printing warnings to stderr; it builds no index, for commands
// such as validate that need none.
func loadStory(ctx context.Context, paths []string, from formats.Format, progress formats.Progress, stderr io.Writer) (*model.Story, error) {
	var (
		s     *model.Story
		warns model.Problems
		err   error
	)
	if len(paths) == 0 {
		s, warns, err = model.Load(content.StoryName, content.Story())
	} else {
		s, warns, err = formats.LoadFilesContext(ctx, paths, from, progress)
	}
	for _, w := range warns {
		fmt.Fprintln(stderr, text.Clean(w.Error())) // the file name is not cleaned
	}
	if err != nil {
		return nil, dataErr(err)
	}
	return s, nil
}

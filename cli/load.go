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
	"github.com/dateline/dateline/model/sheet"
	"github.com/dateline/dateline/model/text"
)

// addFromFlag gives every command the --from flag that forces the format
// of the files it reads, and --map and --date-format for tables.
func addFromFlag(root *cobra.Command) {
	pf := root.PersistentFlags()
	pf.String("from", "", "read FILEs as this format: "+strings.Join(formats.Names(), ", ")+" (default: tell from the content)")
	_ = root.RegisterFlagCompletionFunc("from", cobra.FixedCompletions(formats.Names(), cobra.ShellCompDirectiveNoFileComp))
	pf.String("map", "", "in a table (CSV, TSV, Parquet), read these columns as these fields: `FIELD=Column,…` ("+strings.Join(sheet.Fields(), ", ")+")")
	pf.String("date-format", "", "in a table, read numeric dates such as 03/04/2019 as "+strings.Join(sheet.DateOrders, " or "))
	_ = root.RegisterFlagCompletionFunc("date-format", cobra.FixedCompletions(sheet.DateOrders, cobra.ShellCompDirectiveNoFileComp))
}

// fromFlag reads --from, --map and --date-format.
func fromFlag(cmd *cobra.Command) (formats.Options, error) {
	var opt formats.Options
	v, _ := cmd.Flags().GetString("from")
	f, err := formats.ParseFormat(v)
	if err != nil {
		return opt, usageErr("--from: %v", err)
	}
	opt.From = f
	m, _ := cmd.Flags().GetString("map")
	if opt.Sheet.Map, err = sheet.ParseMap(m); err != nil {
		return opt, usageErr("--map: %v", err)
	}
	d, _ := cmd.Flags().GetString("date-format")
	if opt.Sheet.Order, err = sheet.ParseDateOrder(d); err != nil {
		return opt, usageErr("--date-format: %v", err)
	}
	return opt, nil
}

// loadCmd reads the story files a command names, in the --from format, or
// the built-in story when it names none, and indexes it.
func loadCmd(cmd *cobra.Command, paths []string, stderr io.Writer) (*model.Index, error) {
	s, err := loadCmdStory(cmd, paths, stderr, model.Filter{}, nil, false)
	if err != nil {
		return nil, err
	}
	return model.NewIndex(s), nil
}

// loadCmdStory is loadCmd without the index, behind a progress line on a
// terminal. f's dates are final for the command (list, count, export), so
// readers that can skip what falls outside them (Parquet's row groups and
// partitions) do; keep, when not nil, loads lean, the summaries left out
// to be fetched back when refill (formats.Options).
func loadCmdStory(cmd *cobra.Command, paths []string, stderr io.Writer, f model.Filter, keep func(string) bool, refill bool) (*model.Story, error) {
	from, err := fromFlag(cmd)
	if err != nil {
		return nil, err
	}
	from.Since, from.Until = f.Since, f.Until
	from.KeepSummaries, from.RefillSummaries = keep, refill
	from.NoSummaryText = keep != nil && f.Text == ""
	from.DatesOnly = len(f.Actors) == 0 && len(f.Topics) == 0 && f.Text == ""
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

// loadFilesContext reads and merges the story files at paths (see
// formats.LoadFilesWith), or the built-in story when there are none,
// printing warnings to stderr, reporting progress, and stopping when ctx
// is done; it returns the story's index.
func loadFilesContext(ctx context.Context, paths []string, from formats.Options, progress formats.Progress, stderr io.Writer) (*model.Index, error) {
	s, err := loadStory(ctx, paths, from, progress, stderr)
	if err != nil {
		return nil, err
	}
	return model.NewIndex(s), nil
}

// loadStory reads and merges the files, or the built-in story when there
// are none, printing warnings to stderr; it builds no index, for commands
// such as validate that need none.
func loadStory(ctx context.Context, paths []string, from formats.Options, progress formats.Progress, stderr io.Writer) (*model.Story, error) {
	var (
		s     *model.Story
		warns model.Problems
		err   error
	)
	if len(paths) == 0 {
		s, warns, err = model.Load(content.StoryName, content.Story())
	} else {
		resume := pauseGC(paths)
		s, warns, err = formats.LoadFilesWith(ctx, paths, from, progress)
		resume()
	}
	for _, w := range warns {
		fmt.Fprintln(stderr, text.Clean(w.Error())) // the file name is not cleaned
	}
	if err != nil {
		return nil, dataErr(err)
	}
	return s, nil
}

package main

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/spf13/cobra"

	"github.com/dateline/dateline/content"
	"github.com/dateline/dateline/model"
	"github.com/dateline/dateline/model/formats"
	"github.com/dateline/dateline/model/report"
	"github.com/dateline/dateline/model/text"
	"github.com/dateline/dateline/model/timelinejs"
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
// the built-in story when it names none.
func loadCmd(cmd *cobra.Command, paths []string, stderr io.Writer) (*model.Index, error) {
	from, err := fromFlag(cmd)
	if err != nil {
		return nil, err
	}
	if len(paths) == 0 || !isTerminal(stderr) {
		return loadFiles(paths, from, stderr)
	}
	line := &progressLine{w: stderr, name: text.CleanLine(strings.Join(paths, " + "))}
	defer line.clear()
	return loadFilesContext(context.Background(), paths, from, line.report, stderr)
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
	line := fmt.Sprintf("Loading %s: %d%% (%d of %d MB)", p.name, done*100/total, done>>20, total>>20)
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

// exportFormats are the formats export writes.
var exportFormats = []string{"timelinejs", "yaml", "json"}

func newExportCmd(stdout, stderr io.Writer) *cobra.Command {
	var (
		ff     filterFlags
		to     string
		output string
		force  bool
	)
	cmd := &cobra.Command{
		Use:   "export --to timelinejs|yaml|json [-o OUT [FILE...] | [FILE...] OUT]",
		Short: "Write the timeline, filtered, as TimelineJS JSON or a native YAML or JSON story",
		Long: "export writes the items the filters keep, with the actors, topics, sources and positions they use,\n" +
			"as a TimelineJS timeline (--to timelinejs) or a dateline story (--to yaml, --to json).\n" +
			"The output is -o OUT, or else the last argument; the other arguments are the story files to read\n" +
			"(the built-in story when there are none). With neither, or with -o -, it writes to stdout.\n" +
			"The file is written whole or not at all, and an existing file is kept unless --force is given.",
		Example: "  dateline export --to timelinejs timeline.json\n" +
			"  dateline export --to yaml --actor russia -o russia.yaml\n" +
			"  dateline export --to timelinejs -o conflict.json acled-2023.csv",
		Args: cobra.ArbitraryArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			inputs := args
			if output == "" && len(args) > 0 {
				output, inputs = args[len(args)-1], args[:len(args)-1]
			}
			if to == "" {
				switch strings.ToLower(filepath.Ext(output)) {
				case ".yaml", ".yml":
					to = "yaml"
				default:
					return usageErr("--to is needed: one of %s", strings.Join(exportFormats, ", "))
				}
			}
			if err := checkFormat(to, exportFormats...); err != nil {
				return usageErr("unknown --to %q; use one of %s", to, strings.Join(exportFormats, ", "))
			}
			toStdout := output == "" || output == "-"
			if !toStdout {
				if err := checkTarget(output, force); err != nil {
					return err
				}
			}
			ix, err := loadCmd(cmd, inputs, stderr)
			if err != nil {
				return err
			}
			f, err := ff.filter(ix)
			if err != nil {
				return err
			}
			rows := ix.Query(f)
			sub := ix.Subset(rows)
			write := func(w io.Writer) error {
				switch to {
				case "yaml":
					return model.WriteYAML(w, sub)
				case "json":
					return model.WriteJSON(w, sub)
				}
				if sub == ix.Story() {
					return timelinejs.Export(w, ix) // nothing filtered out: no second index
				}
				return timelinejs.Export(w, model.NewIndex(sub))
			}
			if toStdout {
				return write(stdout)
			}
			if err := writeAtomic(output, force, write); err != nil {
				return err
			}
			fmt.Fprintf(stderr, "dateline: wrote %d %s to %s\n", len(rows), plural(len(rows), "item", "items"), text.CleanLine(output))
			return nil
		},
	}
	ff.register(cmd)
	fl := cmd.Flags()
	fl.StringVar(&to, "to", "", "output format: "+strings.Join(exportFormats, ", ")+" (yaml is implied by an OUT ending in .yaml)")
	fl.StringVarP(&output, "output", "o", "", "write to this file (- for stdout)")
	fl.BoolVar(&force, "force", false, "replace OUT if it exists")
	_ = cmd.RegisterFlagCompletionFunc("to", cobra.FixedCompletions(exportFormats, cobra.ShellCompDirectiveNoFileComp))
	return cmd
}

func plural(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}

// checkTarget refuses, before any work, an output that exists (unless
// force) or that cannot be a file.
func checkTarget(path string, force bool) error {
	st, err := os.Stat(path)
	switch {
	case err == nil && st.IsDir():
		return usageErr("%s is a directory; name the file to write, such as %s", path, filepath.Join(path, "story.json"))
	case err == nil && !force:
		return usageErr("%s already exists; pass --force to replace it, or name another file", path)
	case err != nil && !errors.Is(err, fs.ErrNotExist):
		return dataErr(fmt.Errorf("cannot write %s: %w", path, model.UnwrapPathError(err)))
	}
	if dir, err := os.Stat(filepath.Dir(path)); err != nil || !dir.IsDir() {
		return usageErr("cannot write %s: the folder %s does not exist", path, filepath.Dir(path))
	}
	return nil
}

// writeAtomic writes a file whole or not at all: into a temporary file in
// the same folder, synced to disk, then moved into place. Without force it
// never replaces a file, even one that appears while it writes.
func writeAtomic(path string, force bool, write func(io.Writer) error) (err error) {
	dir, base := filepath.Split(path)
	if dir == "" {
		dir = "."
	}
	tmp, err := os.CreateTemp(dir, "."+base+".*.tmp")
	if err != nil {
		return dataErr(fmt.Errorf("cannot write %s: %w", path, model.UnwrapPathError(err)))
	}
	defer func() {
		if err != nil {
			tmp.Close()
			os.Remove(tmp.Name())
		}
	}()
	mode := fs.FileMode(0o644)
	if st, err := os.Stat(path); err == nil {
		mode = st.Mode().Perm() // a replaced file keeps its permissions
	}
	bw := bufio.NewWriter(tmp)
	if err := write(bw); err != nil {
		return dataErr(fmt.Errorf("cannot write %s: %w", path, err))
	}
	if err := bw.Flush(); err != nil {
		return dataErr(fmt.Errorf("cannot write %s: %w", path, err))
	}
	if err := tmp.Chmod(mode); err != nil {
		return dataErr(fmt.Errorf("cannot write %s: %w", path, model.UnwrapPathError(err)))
	}
	if err := tmp.Sync(); err != nil {
		return dataErr(fmt.Errorf("cannot write %s: %w", path, model.UnwrapPathError(err)))
	}
	if err := tmp.Close(); err != nil {
		return dataErr(fmt.Errorf("cannot write %s: %w", path, model.UnwrapPathError(err)))
	}
	if force {
		if err := os.Rename(tmp.Name(), path); err != nil {
			return dataErr(fmt.Errorf("cannot write %s: %w", path, model.UnwrapPathError(err)))
		}
	} else {
		// A hard link fails where the name is taken, so nothing is replaced.
		if err := os.Link(tmp.Name(), path); err != nil {
			if errors.Is(err, fs.ErrExist) {
				return usageErr("%s already exists; pass --force to replace it, or name another file", path)
			}
			// Some file systems have no hard links: check, then rename.
			if _, statErr := os.Lstat(path); statErr == nil {
				return usageErr("%s already exists; pass --force to replace it, or name another file", path)
			}
			if err := os.Rename(tmp.Name(), path); err != nil {
				return dataErr(fmt.Errorf("cannot write %s: %w", path, model.UnwrapPathError(err)))
			}
		} else {
			os.Remove(tmp.Name())
		}
	}
	if d, err := os.Open(dir); err == nil {
		_ = d.Sync() // the rename itself survives a crash
		d.Close()
	}
	return nil
}

func newSchemaCmd(stdout io.Writer) *cobra.Command {
	return &cobra.Command{
		Use:   "schema",
		Short: "Print the JSON Schema of the native story format",
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			_, err := stdout.Write(content.Schema())
			return err
		},
	}
}

// listFormats and positionsFormats are the --format values of list and
// positions.
var (
	listFormats      = []string{"text", "json", "ndjson", "csv", "markdown"}
	positionsFormats = []string{"text", "json", "markdown"}
)

// writeList writes the rows in one of listFormats.
func writeList(w io.Writer, ix *model.Index, rows []int32, format string) error {
	switch format {
	case "json":
		return report.WriteListJSON(w, ix, rows)
	case "ndjson":
		return report.WriteListNDJSON(w, ix, rows)
	case "csv":
		return report.WriteListCSV(w, ix, rows)
	case "markdown":
		return report.WriteListMarkdown(w, ix, rows)
	}
	return report.WriteListText(w, ix, rows)
}

// writePositions writes the matrix in one of positionsFormats.
func writePositions(w io.Writer, ix *model.Index, format string) error {
	switch format {
	case "json":
		return report.WritePositionsJSON(w, ix)
	case "markdown":
		return report.WritePositionsMarkdown(w, ix)
	}
	return report.WritePositionsText(w, ix)
}

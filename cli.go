package main

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"runtime/debug"
	"strings"

	"github.com/charmbracelet/colorprofile"
	"github.com/charmbracelet/x/term"
	"github.com/spf13/cobra"

	"github.com/dateline/dateline/content"
	"github.com/dateline/dateline/model"
	"github.com/dateline/dateline/model/edtf"
	"github.com/dateline/dateline/model/report"
	"github.com/dateline/dateline/model/text"
	"github.com/dateline/dateline/ui"
)

// Exit codes: success, bad data, bad usage.
const (
	exitOK    = 0
	exitData  = 1
	exitUsage = 2
)

// exitError carries the exit code an error should end the program with.
type exitError struct {
	code int
	err  error
}

func (e *exitError) Error() string { return e.err.Error() }
func (e *exitError) Unwrap() error { return e.err }

func usageErr(format string, args ...any) error {
	return &exitError{exitUsage, fmt.Errorf(format, args...)}
}

func dataErr(err error) error { return &exitError{exitData, err} }

// filterFlags are the flags that narrow the timeline, shared by the root
// command and list.
type filterFlags struct {
	actors, topics []string
	search         string
	since, until   string
}

func (f *filterFlags) register(cmd *cobra.Command) {
	fl := cmd.Flags()
	fl.StringArrayVar(&f.actors, "actor", nil, "keep items naming this actor `ID` or anyone under it (repeatable; any of)")
	fl.StringArrayVar(&f.topics, "topic", nil, "keep items on this topic `ID` (repeatable; any of)")
	fl.StringVar(&f.search, "search", "", "keep items whose text or actors contain this `TEXT`, ignoring case")
	fl.StringVar(&f.since, "since", "", "keep items on or after this EDTF `DATE`, such as 2023-03")
	fl.StringVar(&f.until, "until", "", "keep items on or before this EDTF `DATE`")
}

// filter turns the flags into a model.Filter checked against the story.
func (f *filterFlags) filter(ix *model.Index) (model.Filter, error) {
	mf, err := f.parse()
	if err != nil {
		return mf, err
	}
	if err := ix.CheckFilter(mf); err != nil {
		return mf, usageErr("%v", err)
	}
	return mf, nil
}

// parse turns the flags into a model.Filter, before there is a story to
// check its ids against.
func (f *filterFlags) parse() (model.Filter, error) {
	mf := model.Filter{Actors: f.actors, Topics: f.topics, Text: f.search}
	for _, d := range []struct {
		flag, val string
		into      *edtf.Date
	}{{"--since", f.since, &mf.Since}, {"--until", f.until, &mf.Until}} {
		if d.val == "" {
			continue
		}
		date, err := edtf.Parse(d.val)
		if err != nil {
			return mf, usageErr("%s: %v", d.flag, err)
		}
		*d.into = date
	}
	if !mf.Since.IsZero() && !mf.Until.IsZero() && mf.Since.Earliest() > mf.Until.Latest() {
		return mf, usageErr("--since %s is after --until %s, so nothing could match; swap them", f.since, f.until)
	}
	return mf, nil
}

func checkFormat(format string, valid ...string) error {
	for _, v := range valid {
		if format == v {
			return nil
		}
	}
	return usageErr("unknown --format %q; use one of %s", format, strings.Join(valid, ", "))
}

func newRootCmd(stdout, stderr io.Writer) *cobra.Command {
	var ff filterFlags
	var watch bool
	root := &cobra.Command{
		Use:   "dateline [FILE...]",
		Short: "Explore who did and said what, when, and where each actor stands",
		Long: "dateline opens a story's timeline in the terminal: events and statements in time order,\n" +
			"filters by actor, topic and text, and each actor's position on each topic with its evidence.\n" +
			"With no FILE it opens the built-in story; several FILEs merge into one timeline. FILE may be a\n" +
			"dateline story, a TimelineJS JSON file or spreadsheet (CSV), or an ACLED CSV export.\n" +
			"When stdout is not a terminal it prints the list.",
		Args:          cobra.ArbitraryArgs,
		SilenceUsage:  true,
		SilenceErrors: true,
		RunE: func(cmd *cobra.Command, args []string) error {
			if watch && len(args) != 1 {
				return usageErr("--watch follows one FILE; name the file to watch (the built-in story does not change)")
			}
			if err := notACommand(args); err != nil {
				return err
			}
			if !isTerminal(stdout) {
				ix, err := loadCmd(cmd, args, stderr)
				if err != nil {
					return err
				}
				f, err := ff.filter(ix)
				if err != nil {
					return err
				}
				return report.WriteListText(stdout, ix, ix.Query(f))
			}
			f, err := ff.parse()
			if err != nil {
				return err
			}
			return explore(cmd, args, f, watch, stderr)
		},
	}
	root.Version = version()
	root.PersistentFlags().String("color", "auto", "colour in the explorer: auto (the terminal and NO_COLOR decide), always or never")
	ff.register(root)
	root.Flags().BoolVar(&watch, "watch", false, "reload the story whenever FILE changes, keeping the selection")
	addFromFlag(root)
	root.AddCommand(newListCmd(stdout, stderr), newPositionsCmd(stdout, stderr), newValidateCmd(stdout, stderr),
		newExportCmd(stdout, stderr), newSchemaCmd(stdout), newGenCmd(stdout))
	root.SetOut(stdout)
	root.SetErr(stderr)
	root.SetFlagErrorFunc(func(c *cobra.Command, err error) error {
		return usageErr("%v\nRun '%s --help' for usage.", err, c.CommandPath())
	})
	return root
}

func newListCmd(stdout, stderr io.Writer) *cobra.Command {
	var ff filterFlags
	var format string
	cmd := &cobra.Command{
		Use:   "list [FILE...]",
		Short: "Print the timeline, filtered, as text, JSON, NDJSON, CSV or Markdown",
		Args:  cobra.ArbitraryArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			if err := checkFormat(format, listFormats...); err != nil {
				return err
			}
			ix, err := loadCmd(cmd, args, stderr)
			if err != nil {
				return err
			}
			f, err := ff.filter(ix)
			if err != nil {
				return err
			}
			return writeList(stdout, ix, ix.Query(f), format)
		},
	}
	ff.register(cmd)
	cmd.Flags().StringVar(&format, "format", "text", "output format: "+strings.Join(listFormats, ", "))
	return cmd
}

func newPositionsCmd(stdout, stderr io.Writer) *cobra.Command {
	var format string
	cmd := &cobra.Command{
		Use:   "positions [FILE...]",
		Short: "Print where each actor stands on each topic",
		Args:  cobra.ArbitraryArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			if err := checkFormat(format, positionsFormats...); err != nil {
				return err
			}
			ix, err := loadCmd(cmd, args, stderr)
			if err != nil {
				return err
			}
			return writePositions(stdout, ix, format)
		},
	}
	cmd.Flags().StringVar(&format, "format", "text", "output format: "+strings.Join(positionsFormats, ", "))
	return cmd
}

func newValidateCmd(stdout, stderr io.Writer) *cobra.Command {
	return &cobra.Command{
		Use:   "validate FILE...",
		Short: "Check story files and report every problem as file:line:col",
		Args:  cobra.MinimumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			bad := 0
			for _, path := range args {
				from, err := fromFlag(cmd)
				if err != nil {
					return err
				}
				if _, err := loadStory(context.Background(), []string{path}, from, nil, stderr); err != nil {
					fmt.Fprintln(stderr, text.Clean(err.Error()))
					bad++
					continue
				}
				fmt.Fprintf(stdout, "%s: ok\n", text.CleanLine(path))
			}
			if bad > 0 {
				return &exitError{exitData, errQuiet}
			}
			return nil
		},
	}
}

// crashHint says what to do after a crash: it is our bug, not the user's.
const crashHint = "This is a bug in dateline, not a problem with your data, and nothing in your file was changed.\n" +
	"Please report it at https://github.com/dateline/dateline/issues with the message above\n" +
	"and, if you can share it, the file you opened."

// errQuiet marks a failure whose messages were already printed.
var errQuiet = errors.New("")

// run executes the command line and returns the exit code.
func run(args []string, stdout, stderr io.Writer) int {
	root := newRootCmd(stdout, stderr)
	if args == nil {
		args = []string{} // cobra reads os.Args when given nil
	}
	root.SetArgs(args)
	err := root.Execute()
	if err == nil {
		return exitOK
	}
	code := exitUsage
	var ee *exitError
	if errors.As(err, &ee) {
		code = ee.code
	}
	if !errors.Is(err, errQuiet) {
		msg := err.Error()
		if code == exitUsage && !strings.HasPrefix(msg, "dateline") {
			msg = "dateline: " + msg
		}
		fmt.Fprintln(stderr, text.Clean(msg)) // messages quote file names and flags
	}
	return code
}

// explore opens the explorer. The built-in story is there at once; files
// load behind a progress line, and the alternate screen is entered only
// once the story is there, so a file that fails to load leaves just its
// errors. Warnings are printed when the explorer closes.
func explore(cmd *cobra.Command, paths []string, f model.Filter, watch bool, stderr io.Writer) error {
	from, err := fromFlag(cmd)
	if err != nil {
		return err
	}
	var reload ui.Reloader
	if watch {
		// Each save loads the same way as the first time, --from included;
		// its warnings are not printed over the explorer.
		again := func() (*model.Index, error) {
			return loadFilesContext(context.Background(), paths, from, nil, io.Discard)
		}
		r, stop, err := watchFile(paths[0], again)
		if err != nil {
			return dataErr(fmt.Errorf("cannot watch %s: %w", text.CleanLine(paths[0]), err))
		}
		defer stop()
		reload = r
	}
	var warnings bytes.Buffer
	name := content.StoryName
	if len(paths) > 0 {
		name = strings.Join(paths, " + ")
	}
	load := func(ctx context.Context, progress func(done, total int64)) (*model.Index, error) {
		return loadFilesContext(ctx, paths, from, progress, &warnings)
	}
	profile, err := colorFlag(cmd)
	if err != nil {
		return err
	}
	err = ui.Run(name, f, load, ui.Options{Reload: reload, Profile: profile})
	_, _ = warnings.WriteTo(stderr)
	var fe ui.FilterError
	switch {
	case errors.Is(err, ui.ErrCrashed):
		return &exitError{exitUsage, fmt.Errorf("%w.\n%s", err, crashHint)}
	case errors.As(err, &fe):
		return usageErr("%v", fe.Err)
	case errors.Is(err, ui.ErrCancelled):
		return dataErr(errors.New("dateline: loading cancelled; nothing was changed"))
	}
	return err
}

// colorFlag reads --color: always forces full colour, never plain text,
// auto (Unknown) leaves it to the terminal and NO_COLOR.
func colorFlag(cmd *cobra.Command) (colorprofile.Profile, error) {
	v, _ := cmd.Flags().GetString("color")
	switch v {
	case "auto", "":
		return colorprofile.Unknown, nil
	case "always":
		return colorprofile.TrueColor, nil
	case "never":
		return colorprofile.Ascii, nil
	}
	return colorprofile.Unknown, usageErr("unknown --color %q; use auto, always or never", v)
}

// version is the module version the binary was built from, or "dev".
func version() string {
	if bi, ok := debug.ReadBuildInfo(); ok && bi.Main.Version != "" && bi.Main.Version != "(devel)" {
		return bi.Main.Version
	}
	return "dev"
}

// isTerminal reports whether w is a terminal that can show the explorer:
// not a pipe or file, and not TERM=dumb.
func isTerminal(w io.Writer) bool {
	out, ok := w.(*os.File)
	return ok && term.IsTerminal(out.Fd()) && os.Getenv("TERM") != "dumb"
}

// notACommand catches a mistyped subcommand, which would otherwise be
// read as a file name: "dateline lsit" suggests "list".
func notACommand(args []string) error {
	if len(args) != 1 || strings.ContainsAny(args[0], "./\\") {
		return nil
	}
	if _, err := os.Stat(args[0]); err == nil {
		return nil
	}
	commands := []string{"list", "positions", "validate", "export", "schema", "gen", "help", "completion"}
	if s := model.Suggest(args[0], commands); s != "" {
		return usageErr("unknown command %q (did you mean %q?); run 'dateline --help' for the commands", args[0], s)
	}
	return nil
}

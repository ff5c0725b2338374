package main

import (
	"errors"
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/charmbracelet/x/term"
	"github.com/spf13/cobra"

	"github.com/dateline/dateline/model"
	"github.com/dateline/dateline/model/formats"
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
	fl.StringArrayVar(&f.actors, "actor", nil, "keep items naming this actor or anyone under it (repeatable; any of)")
	fl.StringArrayVar(&f.topics, "topic", nil, "keep items on this topic (repeatable; any of)")
	fl.StringVar(&f.search, "search", "", "keep items whose text or actors contain this, ignoring case")
	fl.StringVar(&f.since, "since", "", "keep items on or after this EDTF date, such as 2023-03")
	fl.StringVar(&f.until, "until", "", "keep items on or before this EDTF date")
}

// filter turns the flags into a model.Filter checked against the story.
func (f *filterFlags) filter(ix *model.Index) (model.Filter, error) {
	mf := model.Filter{Actors: f.actors, Topics: f.topics, Text: f.search}
	for _, d := range []struct {
		flag, val string
		into      *model.Date
	}{{"--since", f.since, &mf.Since}, {"--until", f.until, &mf.Until}} {
		if d.val == "" {
			continue
		}
		date, err := model.ParseDate(d.val)
		if err != nil {
			return mf, usageErr("%s: %v", d.flag, err)
		}
		*d.into = date
	}
	if err := ix.CheckFilter(mf); err != nil {
		return mf, usageErr("%v", err)
	}
	return mf, nil
}

// loaded is a story ready to show.
type loaded struct {
	name string
	ix   *model.Index
}

// load reads the story at path in whatever format its content shows (see
// loadFiles), or the built-in story when path is empty, printing warnings
// to stderr.
func load(path string, stderr io.Writer) (*loaded, error) {
	var paths []string
	if path != "" {
		paths = []string{path}
	}
	return loadFiles(paths, formats.Auto, stderr)
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
			if watch && len(args) > 1 {
				return usageErr("--watch follows one FILE; name just the one to watch")
			}
			l, err := loadCmd(cmd, args, stderr)
			if err != nil {
				return err
			}
			f, err := ff.filter(l.ix)
			if err != nil {
				return err
			}
			if watch && len(args) == 0 {
				return usageErr("--watch needs a FILE to watch; the built-in story does not change")
			}
			if out, ok := stdout.(*os.File); ok && term.IsTerminal(out.Fd()) {
				var reload ui.Reloader
				if watch {
					r, stop, err := watchFile(args[0])
					if err != nil {
						return dataErr(fmt.Errorf("cannot watch %s: %w", args[0], err))
					}
					defer stop()
					reload = r
				}
				if err := runTUI(l, f, reload); errors.Is(err, ui.ErrCrashed) {
					return &exitError{exitUsage, fmt.Errorf("%w.\n%s", err, crashHint)}
				} else if err != nil {
					return dataErr(err)
				}
				return nil
			}
			return l.ix.WriteListText(stdout, l.ix.Query(f))
		},
	}
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
			l, err := loadCmd(cmd, args, stderr)
			if err != nil {
				return err
			}
			f, err := ff.filter(l.ix)
			if err != nil {
				return err
			}
			return writeList(stdout, l.ix, l.ix.Query(f), format)
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
			l, err := loadCmd(cmd, args, stderr)
			if err != nil {
				return err
			}
			return writePositions(stdout, l.ix, format)
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
				if _, err := loadCmd(cmd, []string{path}, stderr); err != nil {
					fmt.Fprintln(stderr, err)
					bad++
					continue
				}
				fmt.Fprintf(stdout, "%s: ok\n", path)
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
		fmt.Fprintln(stderr, msg)
	}
	return code
}

// runTUI opens the explorer; tests replace it.
var runTUI = func(l *loaded, f model.Filter, reload ui.Reloader) error {
	return ui.Run(l.ix, l.name, f, reload)
}

package cli

import (
	"errors"
	"fmt"
	"io"
	"os"
	"runtime/debug"
	"strings"

	"github.com/charmbracelet/colorprofile"
	"github.com/charmbracelet/x/term"
	"github.com/spf13/cobra"

	"github.com/dateline/dateline/model"
	"github.com/dateline/dateline/model/report"
	"github.com/dateline/dateline/model/text"
)

// Exit codes: success; a story problem, an unreadable file or a failed
// write; a command-line mistake or a crash; ctrl+c while loading (128+SIGINT,
// as shells report it).
const (
	ExitOK          = 0
	ExitData        = 1
	ExitUsage       = 2
	ExitInterrupted = 130
)

// exitError carries the exit code an error should end the program with.
type exitError struct {
	code int
	err  error
}

func (e *exitError) Error() string { return e.err.Error() }
func (e *exitError) Unwrap() error { return e.err }

func usageErr(format string, args ...any) error {
	return &exitError{ExitUsage, fmt.Errorf(format, args...)}
}

func dataErr(err error) error { return &exitError{ExitData, err} }

func checkFormat(format string, valid ...string) error {
	for _, v := range valid {
		if format == v {
			return nil
		}
	}
	return usageErr("unknown --format %q; use one of %s", format, strings.Join(valid, ", "))
}

// newRootCmd is dateline itself: the explorer, or the list when stdout is not a terminal.
func newRootCmd(stdout, stderr io.Writer) *cobra.Command {
	var ff filterFlags
	var watch bool
	root := &cobra.Command{
		Use:   "dateline [FILE...]",
		Short: "Explore who did and said what, when, and where each actor stands",
		Long: "dateline opens a story's timeline in the terminal: events and statements in time order,\n" +
			"filters by actor, topic and text, and each actor's position on each topic with its evidence.\n" +
			"With no FILE it opens the built-in story; several FILEs merge into one timeline. FILE may be a\n" +
			"dateline story, a TimelineJS JSON file or spreadsheet (CSV), an ACLED CSV export, a GDELT\n" +
			"event export, any CSV or TSV with a date column (--map and --date-format say how), or a\n" +
			"Parquet file or directory of them.\n" +
			"When stdout is not a terminal it prints the list.",
		Args:          cobra.ArbitraryArgs,
		SilenceUsage:  true,
		SilenceErrors: true,
		RunE: func(cmd *cobra.Command, args []string) error {
			if watch && len(args) != 1 {
				return usageErr("--watch follows one FILE; name the file to watch (the built-in story does not change)")
			}
			if err := notACommand(cmd, args); err != nil {
				return err
			}
			if !isTerminal(stdout) {
				ix, rows, err := ff.load(cmd, args, stderr, summariesOfRows)
				if err != nil {
					return err
				}
				return report.WriteListText(stdout, ix, rows, report.ListTextOptions{}) // not a terminal
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
		newExportCmd(stdout, stderr), newSchemaCmd(stdout), newGenCmd(stdout), newCompletionCmd(stdout), newCountCmd(stdout, stderr),
		newConfigCmd(stdout), newManCmd(stdout))
	root.CompletionOptions.DisableDefaultCmd = true // newCompletionCmd replaces it
	registerCompletions(root)                       // complete_ids.go
	root.SetOut(stdout)
	root.SetErr(stderr)
	root.SetFlagErrorFunc(func(c *cobra.Command, err error) error {
		return usageErr("%v\nRun '%s --help' for usage.", err, c.CommandPath())
	})
	return root
}

// CrashHint says what to do after a crash: it is our bug, not the user's.
const CrashHint = "This is a bug in dateline, not a problem with your data, and nothing in your file was changed.\n" +
	"Please report it at https://github.com/dateline/dateline/issues with the message above\n" +
	"and, if you can share it, the file you opened."

// errQuiet marks a failure whose messages were already printed.
var errQuiet = errors.New("")

// Run executes the command line and returns the exit code.
func Run(args []string, stdout, stderr io.Writer) int {
	out := newOutput(stdout)
	root := newRootCmd(out, stderr)
	if args == nil {
		args = []string{} // cobra reads os.Args when given nil
	}
	root.SetArgs(args)
	err := root.Execute()
	if werr := out.Flush(); werr != nil {
		return writeFailed(werr, stderr)
	}
	if err == nil {
		return ExitOK
	}
	code := ExitUsage
	var ee *exitError
	if errors.As(err, &ee) {
		code = ee.code
	}
	if !errors.Is(err, errQuiet) {
		msg := err.Error()
		if code == ExitUsage && !strings.HasPrefix(msg, "dateline") {
			msg = "dateline: " + msg
		}
		fmt.Fprintln(stderr, text.Clean(msg)) // messages quote file names and flags
	}
	return code
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
	if o, ok := w.(*output); ok {
		w = o.w
	}
	out, ok := w.(*os.File)
	return ok && term.IsTerminal(out.Fd()) && os.Getenv("TERM") != "dumb"
}

// notACommand catches a mistyped subcommand, which would otherwise be
// read as a file name: "dateline lsit" suggests "list".
func notACommand(root *cobra.Command, args []string) error {
	if len(args) != 1 || strings.ContainsAny(args[0], "./\\") {
		return nil
	}
	if _, err := os.Stat(args[0]); err == nil {
		return nil
	}
	commands := []string{"help"}
	for _, c := range root.Commands() {
		commands = append(commands, c.Name())
	}
	if s := model.Suggest(args[0], commands); s != "" {
		return usageErr("unknown command %q (did you mean %q?); run 'dateline --help' for the commands", args[0], s)
	}
	return nil
}

package cli

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"github.com/spf13/cobra"

	"github.com/dateline/dateline/model/text"
)

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
		Use:   "export --to timelinejs|yaml|json [FILE...] [-o OUT]",
		Short: "Write the timeline, filtered, as TimelineJS JSON or a native YAML or JSON story",
		Long: "export writes the items the filters keep, with the actors, topics, sources and positions they use,\n" +
			"as a TimelineJS timeline (--to timelinejs) or a dateline story (--to yaml, --to json).\n" +
			"Every FILE is a story to read (the built-in story when there is none); nothing named as an argument\n" +
			"is ever written. The output is -o OUT only; without it, or with -o -, export writes to stdout.\n" +
			"The file is written whole or not at all, and an existing file is kept unless --force is given.",
		Example: "  dateline export --to timelinejs -o timeline.json\n" +
			"  dateline export --to yaml --actor russia -o russia.yaml\n" +
			"  dateline export --to timelinejs -o conflict.json acled-2023.csv",
		Args: cobra.ArbitraryArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
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
			if output == "" {
				if err := notAnOutput(args); err != nil {
					return err
				}
			}
			toStdout := output == "" || output == "-"
			target := output
			if !toStdout {
				var err error
				if target, err = checkTarget(output, force); err != nil {
					return err
				}
			}
			ix, rows, err := ff.load(cmd, args, stderr, summariesOfRows)
			if err != nil {
				return err
			}
			var startless []string // items TimelineJS will not show
			write := func(w io.Writer) (err error) {
				startless, err = writeStory(w, to, ix, rows)
				return err
			}
			if toStdout {
				// Flushed first, so that no warning follows a failed write.
				if err = write(stdout); err == nil {
					if o, ok := stdout.(interface{ Flush() error }); ok {
						err = o.Flush()
					}
				}
			} else {
				err = writeAtomic(target, force, write)
			}
			if err != nil {
				return err
			}
			warnStartless(stderr, startless)
			if toStdout {
				return nil
			}
			fmt.Fprintf(stderr, "dateline: wrote %d %s to %s\n", len(rows), text.Plural(len(rows), "item", "items"), text.CleanLine(output))
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

// warnStartless names the items that a TimelineJS export wrote without
// the start_date TimelineJS needs to show them, and says what to do.
func warnStartless(stderr io.Writer, ids []string) {
	if len(ids) == 0 {
		return
	}
	const most = 10
	named := strings.Join(ids[:min(len(ids), most)], ", ")
	if len(ids) > most {
		named += fmt.Sprintf(" and %d more", len(ids)-most)
	}
	fmt.Fprintf(stderr, "dateline: warning: %d %s no date, and TimelineJS shows no event without a start_date: %s. "+
		"Give each a date, or leave the undated out with --since or --until.\n",
		len(ids), text.Plural(len(ids), "item has", "items have"), text.CleanLine(named))
}

// notAnOutput catches the old habit of naming the output last: a FILE that
// does not exist, with no -o, is most likely meant to be written.
func notAnOutput(args []string) error {
	if len(args) == 0 {
		return nil
	}
	last := args[len(args)-1]
	if _, err := os.Stat(last); errors.Is(err, fs.ErrNotExist) {
		return usageErr("cannot read %s: no such file. Every FILE is a story to read; to write it, pass -o %s", last, last)
	}
	return nil
}

package cli

import (
	"io"
	"strings"

	"github.com/spf13/cobra"

	"github.com/dateline/dateline/model"
	"github.com/dateline/dateline/model/report"
)

// listFormats are the --format values of list.
var listFormats = []string{"text", "json", "ndjson", "csv", "markdown"}

// newListCmd is `dateline list`.
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
			ix, rows, err := ff.load(cmd, args, stderr, summariesOfRows)
			if err != nil {
				return err
			}
			return writeList(stdout, ix, rows, format)
		},
	}
	ff.register(cmd)
	cmd.Flags().StringVar(&format, "format", "text", "output format: "+strings.Join(listFormats, ", "))
	return cmd
}

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
	return report.WriteListText(w, ix, rows, report.ListTextOptions{Terminal: isTerminal(w)})
}

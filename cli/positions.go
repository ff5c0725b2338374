package cli

import (
	"io"
	"strings"

	"github.com/spf13/cobra"

	"github.com/dateline/dateline/model"
	"github.com/dateline/dateline/model/edtf"
	"github.com/dateline/dateline/model/report"
)

// positionsFormats are the --format values of positions.
var positionsFormats = []string{"text", "json", "csv", "markdown"}

// newPositionsCmd is `dateline positions`.
func newPositionsCmd(stdout, stderr io.Writer) *cobra.Command {
	var (
		format, asOf   string
		actors, topics []string
	)
	cmd := &cobra.Command{
		Use:   "positions [FILE...]",
		Short: "Print where each actor stands on each topic, now or as of a date",
		Args:  cobra.ArbitraryArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			if err := checkFormat(format, positionsFormats...); err != nil {
				return err
			}
			q := model.GridQuery{Actors: actors, Topics: topics}
			if asOf != "" {
				d, err := edtf.Parse(asOf)
				if err != nil {
					return usageErr("--as-of: %v", err)
				}
				q.AsOf = d
			}
			ix, err := loadCmd(cmd, args, stderr)
			if err != nil {
				return err
			}
			if err := ix.CheckFilter(model.Filter{Actors: actors, Topics: topics}); err != nil {
				return usageErr("%v", err)
			}
			return writePositions(stdout, ix, ix.Grid(q), format)
		},
	}
	fl := cmd.Flags()
	fl.StringVar(&format, "format", "text", "output format: "+strings.Join(positionsFormats, ", "))
	fl.StringVar(&asOf, "as-of", "", "the grid as it stood on this EDTF `DATE`: each cell's latest position dated on or before it (an interval counts from its earliest day), and what was said by then")
	fl.StringArrayVar(&actors, "actor", nil, "keep this actor `ID` and everyone under it (repeatable; any of)")
	fl.StringArrayVar(&topics, "topic", nil, "keep this topic `ID` (repeatable; any of)")
	return cmd
}

// writePositions writes the grid in one of positionsFormats.
func writePositions(w io.Writer, ix *model.Index, g model.Grid, format string) error {
	switch format {
	case "json":
		return report.WritePositionsJSON(w, ix, g)
	case "csv":
		return report.WritePositionsCSV(w, ix, g)
	case "markdown":
		return report.WritePositionsMarkdown(w, ix, g)
	}
	return report.WritePositionsText(w, ix, g)
}

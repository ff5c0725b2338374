package cli

import (
	"io"
	"strings"

	"github.com/spf13/cobra"

	"github.com/dateline/dateline/model"
	"github.com/dateline/dateline/model/report"
)

// positionsFormats are the --format values of positions.
var positionsFormats = []string{"text", "json", "markdown"}

// newPositionsCmd is `dateline positions`.
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

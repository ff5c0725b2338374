package cli

import (
	"context"
	"fmt"
	"io"

	"github.com/spf13/cobra"

	"github.com/dateline/dateline/model"
	"github.com/dateline/dateline/model/text"
)

// newValidateCmd is `dateline validate`.
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
				// Nothing is written of the story: its events' summaries are
				// checked as they are read, and not kept (a lean load).
				from.KeepSummaries = model.KeepSummaries(model.Filter{})
				if _, err := loadStory(context.Background(), []string{path}, from, nil, stderr); err != nil {
					fmt.Fprintln(stderr, text.Clean(err.Error()))
					bad++
					continue
				}
				fmt.Fprintf(stdout, "%s: ok\n", text.CleanLine(path))
			}
			if bad > 0 {
				return &exitError{ExitData, errQuiet}
			}
			return nil
		},
	}
}

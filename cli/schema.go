package cli

import (
	"io"

	"github.com/spf13/cobra"

	"github.com/dateline/dateline/content"
)

// newSchemaCmd is `dateline schema`.
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

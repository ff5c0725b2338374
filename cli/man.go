package cli

import (
	"io"

	mcobra "github.com/muesli/mango-cobra"
	"github.com/muesli/roff"
	"github.com/spf13/cobra"
)

// newManCmd is `dateline man`: the manual page, as roff, built from the
// commands and flags themselves so that it cannot drift from them. It
// holds no terminal escape sequences: `dateline man | man -l -` reads it.
func newManCmd(stdout io.Writer) *cobra.Command {
	return &cobra.Command{
		Use:   "man",
		Short: "Print the manual page (roff)",
		Long: "man prints dateline's manual page in roff, the format man reads.\n" +
			"  read it:    dateline man | man -l -\n" +
			"  install it: dateline man > ~/.local/share/man/man1/dateline.1",
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			page, err := mcobra.NewManPage(1, cmd.Root())
			if err != nil {
				return err
			}
			page = page.WithSection("Files", "$XDG_CONFIG_HOME/dateline/config.yaml (~/.config/dateline/config.yaml when it is unset): "+
				"colour, theme and keys; dateline config prints the defaults.")
			page = page.WithSection("Environment", "BROWSER: the browser the explorer's o opens a source in (commands separated by :, %s for the address). "+
				"VISUAL, EDITOR: the editor its e opens at the item's line. NO_COLOR: no colour unless --color always.")
			_, err = io.WriteString(stdout, page.Build(roff.NewDocument()))
			return err
		},
	}
}

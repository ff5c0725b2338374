package cli

import (
	"io"
	"slices"
	"strings"

	"github.com/spf13/cobra"
)

// completionShells are the shells `dateline completion` writes scripts for.
var completionShells = []string{"bash", "zsh", "fish", "powershell"}

// newCompletionCmd is `dateline completion SHELL`: cobra's scripts, with an
// unknown shell a usage mistake that names the shells there are.
func newCompletionCmd(stdout io.Writer) *cobra.Command {
	return &cobra.Command{
		Use:   "completion " + strings.Join(completionShells, "|"),
		Short: "Print the shell completion script for bash, zsh, fish or powershell",
		Long: "completion prints a script that completes dateline's commands, flags and ids in your shell.\n" +
			"  bash:       source <(dateline completion bash)\n" +
			"  zsh:        dateline completion zsh > \"${fpath[1]}/_dateline\"\n" +
			"  fish:       dateline completion fish > ~/.config/fish/completions/dateline.fish\n" +
			"  powershell: dateline completion powershell | Out-String | Invoke-Expression",
		ValidArgs: completionShells,
		Args: func(cmd *cobra.Command, args []string) error {
			if len(args) != 1 || !slices.Contains(completionShells, args[0]) {
				got := "no shell"
				if len(args) > 0 {
					got = "shell " + strings.Join(args, " ")
				}
				return usageErr("completion: %s is not one dateline knows; use one of %s", got, strings.Join(completionShells, ", "))
			}
			return nil
		},
		RunE: func(cmd *cobra.Command, args []string) error {
			root := cmd.Root()
			switch args[0] {
			case "bash":
				return root.GenBashCompletionV2(stdout, true)
			case "zsh":
				return root.GenZshCompletion(stdout)
			case "fish":
				return root.GenFishCompletion(stdout, true)
			}
			return root.GenPowerShellCompletionWithDesc(stdout)
		},
	}
}

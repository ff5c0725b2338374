package main

import (
	"errors"
	"fmt"
	"io"
	"os"

	"github.com/spf13/cobra"

	"github.com/dateline/dateline/model/gen"
)

// newGenCmd is `dateline gen`: a reproducible synthetic story, for
// benchmarks and for trying dateline at the size of real event data.
func newGenCmd(stdout io.Writer) *cobra.Command {
	var (
		cfg    gen.Config
		format string
		out    string
	)
	cmd := &cobra.Command{
		Use:   "gen --events N [--actors M] [--seed S] [--format yaml|json|ndjson|csv] [-o FILE]",
		Short: "Write a reproducible synthetic story of N events (ACLED-like)",
		Long: "gen writes a synthetic story: ACLED-like events with Zipf-skewed actors under parent\n" +
			"actors, 3 to 10 topics, one statement for every ten events, and positions with evidence.\n" +
			"The same flags give the same bytes. csv writes an ACLED-style export (events only).",
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			f, err := gen.ParseFormat(format)
			if err != nil {
				return usageErr("--format: %v", err)
			}
			if cfg.Events < 0 || cfg.Actors < 0 {
				return usageErr("--events and --actors must be 0 or more")
			}
			w := stdout
			if out != "" && out != "-" {
				file, err := os.Create(out)
				if err != nil {
					var pe *os.PathError
					if errors.As(err, &pe) {
						err = pe.Err
					}
					return dataErr(fmt.Errorf("cannot write %s: %w", out, err))
				}
				defer file.Close()
				w = file
			}
			if err := gen.Write(w, cfg, f); err != nil {
				return dataErr(fmt.Errorf("writing the story: %w", err))
			}
			if file, ok := w.(*os.File); ok && file != stdout {
				return file.Close()
			}
			return nil
		},
	}
	fl := cmd.Flags()
	fl.IntVar(&cfg.Events, "events", 1000, "number of events (plus one statement for every ten)")
	fl.IntVar(&cfg.Actors, "actors", 0, "number of actors (0: 50 + events/500, at most 5000)")
	fl.Uint64Var(&cfg.Seed, "seed", 1, "random seed; the same seed gives the same story")
	fl.StringVar(&format, "format", "yaml", "output format: yaml, json, ndjson or csv")
	fl.StringVarP(&out, "output", "o", "", "write to FILE instead of stdout")
	return cmd
}

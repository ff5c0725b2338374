package cli

import (
	"io"
	"strings"

	"github.com/spf13/cobra"

	"github.com/dateline/dateline/model/report"
	"github.com/dateline/dateline/model/timeaxis"
)

// countFormats are the --format values of count.
var countFormats = []string{"text", "json", "csv"}

// countUnits are the --by values of count; auto picks one from the span.
var countUnits = []string{"auto", "day", "week", "month", "quarter", "year", "decade", "century", "millennium"}

// autoBuckets is about how many rows --by auto aims for.
const autoBuckets = 40

// newCountCmd is `dateline count`: how many items the filters keep in each
// day, week, month, quarter or year, as the explorer's density strip
// counts them.
func newCountCmd(stdout, stderr io.Writer) *cobra.Command {
	var (
		ff     filterFlags
		by     string
		format string
	)
	cmd := &cobra.Command{
		Use:   "count [FILE...] [--by day|week|month|quarter|year] [filters] [--format text|json|csv]",
		Short: "Count the items the filters keep in each day, week, month, quarter or year",
		Long: "count prints one row a bucket of time, in time order: {bucket, start, end, count}, empty buckets\n" +
			"included. An item counts in the bucket of its earliest day, or of its latest when its start is open;\n" +
			"undated items have a row of their own, so the counts add up to the items. The text form draws a bar\n" +
			"a row. --by auto (the default) picks the unit that gives about 40 rows.",
		Example: "  dateline count --by month\n" +
			"  dateline count --by week --actor putin --format csv acled.csv",
		Args: cobra.ArbitraryArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			if err := checkFormat(format, countFormats...); err != nil {
				return err
			}
			unit, err := parseBy(by)
			if err != nil {
				return err
			}
			ix, rows, err := ff.load(cmd, args, stderr, summariesNone)
			if err != nil {
				return err
			}
			keys := report.Rows{Ix: ix, Rows: rows}
			if by == "auto" {
				if lo, hi, ok := timeaxis.Span(keys); ok {
					unit = timeaxis.Choose(lo, hi, autoBuckets)
				}
			}
			counts, err := report.Counts(ix, rows, unit)
			if err != nil {
				return usageErr("--by %s: %v", by, err)
			}
			switch format {
			case "json":
				return report.WriteCountJSON(stdout, counts)
			case "csv":
				return report.WriteCountCSV(stdout, counts)
			}
			return report.WriteCountText(stdout, counts)
		},
	}
	ff.register(cmd)
	fl := cmd.Flags()
	fl.StringVar(&by, "by", "auto", "bucket size: "+strings.Join(countUnits, ", "))
	fl.StringVar(&format, "format", "text", "output format: "+strings.Join(countFormats, ", "))
	_ = cmd.RegisterFlagCompletionFunc("by", cobra.FixedCompletions(countUnits, cobra.ShellCompDirectiveNoFileComp))
	_ = cmd.RegisterFlagCompletionFunc("format", cobra.FixedCompletions(countFormats, cobra.ShellCompDirectiveNoFileComp))
	return cmd
}

// parseBy reads --by; auto is Day until the span is known.
func parseBy(by string) (timeaxis.Unit, error) {
	if by == "auto" {
		return timeaxis.Day, nil
	}
	u, err := timeaxis.ParseUnit(by)
	if err != nil {
		return u, usageErr("--by: %v, or auto", err)
	}
	return u, nil
}

package cameo

import "strings"

// rootNames are the CAMEO root codes' names, 01 to 20.
var rootNames = [...]string{"", "Make public statement", "Appeal", "Express intent to cooperate", "Consult",
	"Engage in diplomatic cooperation", "Engage in material cooperation", "Provide aid", "Yield",
	"Investigate", "Demand", "Disapprove", "Reject", "Threaten", "Protest", "Exhibit force posture",
	"Reduce relations", "Coerce", "Assault", "Fight", "Use unconventional mass violence"}

// QuadNames are the QuadClass values' names, 1 to 4.
var QuadNames = [...]string{"", "verbal cooperation", "material cooperation", "verbal conflict", "material conflict"}

// RootTopic is the topic title of a CAMEO root code, "14 Protest", or ""
// for a code that is not one (01 to 20; "1" reads as "01").
func RootTopic(code string) string {
	code = strings.TrimSpace(code)
	if len(code) == 1 {
		code = "0" + code
	}
	if len(code) != 2 || code[0] < '0' || code[0] > '2' || code[1] < '0' || code[1] > '9' {
		return ""
	}
	n := int(code[0]-'0')*10 + int(code[1]-'0')
	if n < 1 || n >= len(rootNames) {
		return ""
	}
	return code + " " + rootNames[n]
}

package edtf

import "strings"

// ParseLoose reads a date as Parse does, or a day or a month written in
// words as people write them ("17 Mar 2023", "March 17, 2023", "March
// 2023"), for prompts where people type dates rather than EDTF. The error
// is Parse's.
func ParseLoose(s string) (Date, error) {
	s = strings.TrimSpace(s)
	d, err := Parse(s)
	if err == nil {
		return d, nil
	}
	if w := fromWords(s); w != "" {
		return Parse(w)
	}
	return Date{}, err
}

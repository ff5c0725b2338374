package edtf

import "testing"

func TestParseLoose(t *testing.T) {
	for in, want := range map[string]string{
		"2023-03-17": "2023-03-17", " 1989 ": "1989", "2023-03": "2023-03",
		"17 Mar 2023": "2023-03-17", "March 2023": "2023-03", "March 17, 2023": "2023-03-17",
		"2023-03/..": "2023-03/..",
	} {
		d, err := ParseLoose(in)
		if err != nil || d.String() != want {
			t.Errorf("ParseLoose(%q) = %q, %v; want %q", in, d.String(), err, want)
		}
	}
	for _, in := range []string{"", "next week", "32 Mar 2023", "Mar"} {
		if d, err := ParseLoose(in); err == nil {
			t.Errorf("ParseLoose(%q) = %q, want an error", in, d.String())
		}
	}
}

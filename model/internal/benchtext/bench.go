package benchtext

import "unicode/utf8"

// BenchASCII is a 600-byte paragraph of printable ASCII.
var BenchASCII = func() string {
	const p = "On the morning of 24 February the foreign ministry issued a short statement " +
		"denying that any talks had taken place, but by the afternoon two officials, " +
		"speaking on condition of anonymity, told reporters that a delegation had met " +
		"in Geneva (the second such meeting this year) and that a draft text was being " +
		"circulated. The statement was later revised. Analysts noted that the wording " +
		"of the revised version - 'no substantive negotiations' - left room for exactly " +
		"the kind of contact the officials described. A spokesperson declined to say who " +
		"had attended, when the next round would be held, or whether observers from the " +
		"United Nations had been invited to sit in on it; she said only that 'all options " +
		"remain on the table'."
	return p[:600]
}()

// BenchMixed is a 600-byte paragraph with accents, CJK, emoji, CRLF, tabs and
// a few attacks.
var BenchMixed = func() string {
	const p = "Le ministère a publié un communiqué\r\n\tdémentant toute négociation à Genève; " +
		"日本の外務省は声明を発表した。🇺🇦 👍🏽 \x1b[31mURGENT\x1b[0m Σύμφωνα με πηγές, " +
		"Pu\u200btin's office \u202eenil-daer\u202c said nothing.\x1b]0;pwned\x07 " +
		"Москва отказалась комментировать. The revised text\x08\x08 was circulated\r\n" +
		"among delegations, who were told 'all options remain on the table'.\x1b]52;c;ZWNobw==\x07 " +
		"Analysts noted the wording left room for contact.\tUnnamed officials confirmed it. " +
		"Further talks are expected in March, according to two diplomats familiar with the plan."
	s := p[:600]
	for !utf8.ValidString(s) { // do not cut a rune in half
		s = s[:len(s)-1]
	}
	return s
}()

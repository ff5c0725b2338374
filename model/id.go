package model

import (
	"strings"
	"unicode/utf8"
)

// The id rule, and the helpers importers share to make ids from foreign
// text.

// ValidID reports whether id may name something in a story: lowercase
// letters, digits, '.', '_' and '-', starting with a letter or digit
// (^[a-z0-9][a-z0-9._-]*$). It is the one statement of the rule: validate,
// the fast path's check and the importers all ask it.
func ValidID(id string) bool {
	if id == "" {
		return false
	}
	for i := 0; i < len(id); i++ {
		c := id[i]
		switch {
		case 'a' <= c && c <= 'z', '0' <= c && c <= '9':
		case (c == '.' || c == '_' || c == '-') && i > 0:
		default:
			return false
		}
	}
	return true
}

// maxSlug bounds the length of an id made by Slug, cut at a word.
const maxSlug = 48

// Slug makes an id from a name or headline for importers: lower case, with
// accented Latin letters folded to their base letters, every other run of
// characters a single '-', at most 48 bytes cut at a word. It returns ""
// when s holds no letter or digit it can use.
func Slug(s string) string {
	out := idRunes(s, false, maxSlug)
	if len(out) > maxSlug {
		out = out[:maxSlug]
		if i := strings.LastIndexByte(out, '-'); i > maxSlug/2 {
			out = out[:i]
		}
		out = strings.TrimRight(out, "-")
	}
	return out
}

// SanitizeID turns an id from a foreign file into a valid one, changing as
// little as it can: lower case, accents folded, and each run of characters
// an id may not hold a single '-'. It returns "" when nothing usable is left.
func SanitizeID(s string) string {
	if ValidID(s) {
		return s
	}
	return idRunes(s, true, 0)
}

// idRunes writes what Slug and SanitizeID keep of s: letters and digits in
// lower case, accented Latin letters folded, and (with punct) '.', '_' and
// '-' after the first letter or digit; every run of anything else becomes
// one '-' between what is kept. With max > 0 it stops once past max bytes.
func idRunes(s string, punct bool, max int) string {
	var b strings.Builder
	if max > 0 {
		b.Grow(min(len(s), max+8))
	}
	dash := false
	for _, r := range s {
		var fold string
		switch {
		case r >= 'a' && r <= 'z' || r >= '0' && r <= '9':
			fold = string(r)
		case punct && (r == '.' || r == '_' || r == '-'):
			if b.Len() > 0 {
				fold = string(r)
			}
		case r >= 'A' && r <= 'Z':
			fold = string(r + 'a' - 'A')
		case r >= utf8.RuneSelf:
			fold = foldLatin(r)
		}
		if fold == "" {
			dash = b.Len() > 0
			continue
		}
		if dash {
			b.WriteByte('-')
			dash = false
		}
		b.WriteString(fold)
		if max > 0 && b.Len() > max {
			break
		}
	}
	return b.String()
}

// foldLatin maps the accented letters of Latin-1 and Latin Extended-A to
// their base letters, lower case, and anything else to "".
func foldLatin(r rune) string {
	if r >= 0xC0 && r <= 0xFF {
		const latin1 = "aaaaaaaceeeeiiiidnooooo/ouuuuypsaaaaaaaceeeeiiiidnooooo/ouuuuypy"
		switch r {
		case 0xC6, 0xE6:
			return "ae"
		case 0xDF:
			return "ss"
		case 0xDE, 0xFE:
			return "th"
		case 0xD7, 0xF7:
			return ""
		}
		return latin1[r-0xC0 : r-0xC0+1]
	}
	if r >= 0x100 && r <= 0x17F {
		// One letter per code point from U+0100 to U+017F; the ligatures
		// (U+0132, U+0133, U+0152, U+0153) are handled above the lookup.
		const extA = "aaaaaa" + "cccccccc" + "dddd" + "eeeeeeeeee" + "gggggggg" + "hhhh" + "iiiiiiiiii" +
			"ii" + "jj" + "kkk" + "llllllllll" + "nnnnnnnnn" + "oooooo" + "oo" + "rrrrrr" + "ssssssss" +
			"tttttt" + "uuuuuuuuuuuu" + "ww" + "yyy" + "zzzzzz" + "s"
		switch r {
		case 0x132, 0x133:
			return "ij"
		case 0x152, 0x153:
			return "oe"
		}
		if i := int(r - 0x100); i < len(extA) {
			return extA[i : i+1]
		}
	}
	return ""
}

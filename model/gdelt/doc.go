// Package gdelt reads GDELT 2.0 event exports (the files named like
// 20230317120000.export.CSV: 61 tab-separated columns, no header row) into
// stories. IsExport tells them from other tables by their content.
//
// Each row becomes one event, through model/sheet's Builder:
//
//   - id: "gdelt-" and the GlobalEventID.
//   - date: the Day column (YYYYMMDD), a day.
//   - title: the CAMEO root's name and the actors, "Protest: STUDENT → POLICE".
//   - summary: the CAMEO event code and its QuadClass, the Goldstein scale,
//     mentions, sources, articles and tone, then the action's place.
//   - actors: Actor1Name and Actor2Name, ids by slug; their codes become
//     aliases and their type codes kinds (GOV, MIL, COP… a government;
//     MED media; NGO, IGO, BUS… an organisation; the rest groups).
//   - topics: the CAMEO root code with its name, "14 Protest" (model/internal/cameo).
//   - citation: SOURCEURL, a source whose outlet is its host.
//
// Files:
//
//	gdelt.go  IsExport and Import: a row an event
package gdelt

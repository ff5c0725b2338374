// The DuckDB peer of one `dateline list` question, for scripts/bench-peers.sh,
// which copies it next to its npm install of @duckdb/node-api and runs:
//   node peer-duckdb.mjs ndjson|csv actor|word ARG FILE
// and, for a Parquet file from `dateline gen --format parquet` (see
// docs/performance.md, "Parquet beside DuckDB"):
//   node peer-duckdb.mjs parquet word WORD FILE
//   node peer-duckdb.mjs parquet actor NAME FILE
//   node peer-duckdb.mjs parquet week FROM/TO FILE   (the events overlapping the days)
// It writes the matching records to stdout as NDJSON (COPY ... TO '/dev/stdout'),
// the same records as scripts/peer-scan.py keeps.
import { DuckDBInstance } from '@duckdb/node-api';

const [, , kind, question, arg, file] = process.argv;
const q = s => "'" + s.replace(/'/g, "''") + "'";
let src, where;
if (kind === 'ndjson') {
  // The lines are of several kinds (story, source, actor, event, statement,
  // position...); the columns the question needs are named, as sampling the
  // first lines for a schema fails on the kinds that come later.
  src = `read_ndjson_auto(${q(file)}, maximum_object_size = 104857600, columns = {
    type: 'VARCHAR', id: 'VARCHAR', date: 'VARCHAR', title: 'VARCHAR', summary: 'VARCHAR',
    quote: 'VARCHAR', speaker: 'VARCHAR', actors: 'STRUCT(actor VARCHAR, role VARCHAR)[]'})`;
  where = question === 'actor'
    ? `speaker = ${q(arg)} OR list_contains(list_transform(actors, a -> a.actor), ${q(arg)})`
    : `type IN ('event', 'statement') AND contains(lower(concat_ws(' ', title, summary, quote)), ${q(arg.toLowerCase())})`;
} else if (kind === 'parquet') {
  src = `read_parquet(${q(file)})`;
  const [from, to] = arg.split('/');
  where = question === 'week'
    ? `date <= DATE ${q(to)} AND coalesce("end", date) >= DATE ${q(from)}`
    : question === 'actor'
      ? `list_contains(actors, ${q(arg)})`
      : `contains(lower(concat_ws(' ', title, notes)), ${q(arg.toLowerCase())})`;
} else {
  src = `read_csv_auto(${q(file)})`;
  where = question === 'actor'
    ? `actor1 = ${q(arg)} OR actor2 = ${q(arg)} OR list_contains(string_split(coalesce(assoc_actor_1, ''), '; '), ${q(arg)}) OR list_contains(string_split(coalesce(assoc_actor_2, ''), '; '), ${q(arg)})`
    : `contains(lower(concat_ws(' ', sub_event_type, location, notes)), ${q(arg.toLowerCase())})`;
}
const db = await DuckDBInstance.create(':memory:');
const c = await db.connect();
await c.run(`COPY (SELECT * FROM ${src} WHERE ${where}) TO '/dev/stdout' (FORMAT json)`);

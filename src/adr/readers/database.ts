import { clean, difference, listed, reasonText, type ReadFile, type Signal } from "./signal.js";

/** Statements that create a table, per framework (SQL, Rails, Django, Alembic, Knex / Sequelize, TypeORM). */
const createsTable = [
  /\bCREATE\s+(?:UNLOGGED\s+)?TABLE\s+(?:IF\s+NOT\s+EXISTS\s+)?[`"[]?([\w.]+)/gi,
  /\bcreate_(?:join_)?table\s*\(?\s*[:"']?(\w+)/g,
  /<createTable\b[^>]*\btableName="([\w.]+)"/g,
  /^[ \t]*(?:-[ \t]*)?createTable:\s*\n\s*(?:[\w]+:[^\n]*\n\s*)*?tableName:\s*["']?([\w.]+)/gm,
  /migrations\.CreateModel\(\s*name\s*=\s*["'](\w+)/g,
  /\bop\.create_table\(\s*["'](\w+)/g,
  /\.createTable\(\s*["'`](\w+)/g,
  /new\s+Table\(\s*\{\s*name:\s*["'`](\w+)/g,
  // Ecto: create table(:inboxes), create_if_not_exists table("inboxes").
  /\bcreate(?:_if_not_exists)?\s*(?:\(\s*)?table\(\s*[:"'](\w+)/g,
  // Entity Framework Core: migrationBuilder.CreateTable(name: "AppUserCollection", ...).
  /\bmigrationBuilder\.CreateTable\(\s*name:\s*"(\w+)"/g,
  // PHP: Doctrine's schema API ($schema->createTable('sessions')) and Laravel's Schema::create('sessions', ...).
  /->createTable\(\s*["'](\w+)/g,
  /\bSchema::create\(\s*["'](\w+)/g,
];
/** Views (materialized ones hold data too): recreating one is not a decision, but it is not a drop either. */
const createsView = [
  /\bCREATE\s+(?:OR\s+REPLACE\s+)?(?:MATERIALIZED\s+)?VIEW\s+(?:IF\s+NOT\s+EXISTS\s+)?[`"[]?([\w.]+)/gi,
];
/** Statements that destroy or rename what holds data. */
const destroys = [
  /\bDROP\s+(?:TABLE|COLUMN)\s+(?:IF\s+EXISTS\s+)?[`"[]?([\w.]+)/gi,
  /\bRENAME\s+(?:COLUMN\s+)?[`"[]?([\w.]+)[`"\]]?\s+TO\b/gi,
  /\bALTER\s+TABLE\s+[`"[]?([\w.]+)[`"\]]?\s+RENAME\s+TO\b/gi,
  /\b(?:drop_table|remove_column|rename_column|rename_table)\s*\(?\s*[:"']?(\w+)/g,
  /migrations\.(?:DeleteModel|RemoveField|RenameField|RenameModel)\(\s*(?:model_)?(?:name|old_name)?\s*=?\s*["'](\w+)/g,
  /\bop\.(?:drop_table|drop_column|rename_table)\(\s*["'](\w+)/g,
  /\bop\.alter_column\(\s*["'](\w+)["'][^)]*new_column_name/g,
  // Entity Framework Core: migrationBuilder.DropTable(name: "x"), DropColumn(name: "c", table: "t"), renames.
  /\bmigrationBuilder\.(?:DropTable|DropColumn|RenameTable|RenameColumn)\(\s*name:\s*"(\w+)"/g,
  /\.(?:dropTable|dropColumn|renameColumn|renameTable|removeColumn|dropTableIfExists)\(\s*["'`](\w+)/g,
  // Go migration helpers: dropTableColumns(sess, "repos", "trusted"), renameColumn(sess, "repos", "a", "b").
  /\b(?:dropTableColumns|dropColumns?|renameColumn|renameTable|dropTable)\(\s*\w+\s*,\s*"(\w+)"/g,
  // PHP: Doctrine's schema API ($schema->dropTable('x'), $table->dropColumn('c')) and Laravel's Schema::drop('x').
  /->(?:dropTable|renameTable|dropColumn|renameColumn)\(\s*\[?\s*["'](\w+)/g,
  /\bSchema::(?:drop|dropIfExists|rename)\(\s*["'](\w+)/g,
  /<(?:dropTable|dropColumn|renameColumn|renameTable)\b[^>]*\btableName="([\w.]+)"/g,
  // Ecto: drop table(:x), drop_if_exists table(:x), rename table(:x), :a, to: :b, remove :column.
  /\b(?:drop(?:_if_exists)?|rename)\s*(?:\(\s*)?table\(\s*[:"'](\w+)/g,
  /^[ \t]*(?:-[ \t]*)?(?:dropTable|dropColumn|renameColumn|renameTable):\s*\n\s*(?:[\w]+:[^\n]*\n\s*)*?tableName:\s*["']?([\w.]+)/gm,
];
/** Statements that change how a column's data is represented (`text` -> `jsonb`): every row is rewritten. */
const retypes = [
  /\bop\.alter_column\(\s*["'](\w+)["'](?:[^()]|\([^()]*\))*?\btype_\s*=/g,
  /\bchange_column\s*\(?\s*:(\w+)/g,
  /\bALTER\s+TABLE\s+[`"[]?([\w.]+)[`"\]]?\s+ALTER\s+(?:COLUMN\s+)?[`"[]?\w+[`"\]]?\s+(?:SET\s+DATA\s+)?TYPE\s+(?!VARCHAR|CHARACTER\s+VARYING|DECIMAL|NUMERIC)/gi,
];
/** A new engine inside the database: an extension (PostGIS, TimescaleDB, pgvector...). */
const extends_ = [
  /\bCREATE\s+EXTENSION\s+(?:IF\s+NOT\s+EXISTS\s+)?["']?([\w-]+)/gi,
  /\benable_extension\s*\(?\s*["'](\w+)/g,
];

/** An engine taken out of the database: every server and backup restore afterwards does without it. */
const dropsExtension = [
  /\bDROP\s+EXTENSION\s+(?:IF\s+EXISTS\s+)?["']?([\w-]+)/gi,
  /\bdisable_extension\s*\(?\s*["'](\w+)/g,
];

/** The part of a migration that runs forward: down / downgrade sections undo, they decide nothing. */
function forwardPart(path: string, text: string): string {
  if (/\.down\.sql$|(^|\/)U\d+__/.test(path)) return "";
  const downStart = [
    /^[ \t]*def\s+down\b/m,
    /^[ \t]*def\s+downgrade\s*\(/m,
    /^[ \t]*(?:exports\.down|export\s+(?:async\s+)?function\s+down|(?:public\s+)?async\s+down\s*\()/m,
    // Sequelize / umzug: `module.exports = { up: ..., down: async (queryInterface) => ... }`.
    /^[ \t]*down\s*:\s*(?:async\s*)?(?:function\b|\()/m,
    /^--\s*\+goose\s+Down/im,
    // Entity Framework Core: `protected override void Down(MigrationBuilder migrationBuilder)`.
    /^[ \t]*protected\s+override\s+void\s+Down\s*\(/m,
    /^--\s*\+migrate\s+Down/im,
    // PHP (Doctrine, Laravel): `public function down(Schema $schema): void`.
    /^[ \t]*(?:public\s+)?function\s+down\s*\(/m,
  ]
    .map((pattern) => pattern.exec(text)?.index ?? -1)
    .filter((index) => index >= 0);
  if (downStart.length === 0) return text;
  const start = Math.min(...downStart);
  const up = text.slice(0, start);
  return up + forwardHelpers(up, text.slice(start));
}

/**
 * A method's first line in a class (`public async postgresUpQueryRunner(queryRunner: QueryRunner): Promise<any> {`,
 * its parameters on one line or several), not a block's (`if (…) {`). Bounded: linear on any text.
 */
const methodStart =
  /^[ \t]*(?:(?:public|private|protected|static|async|override)[ \t]+)*(?!(?:if|for|while|switch|catch|with)\b)(\w+)[ \t]*\([^)]{0,1000}\)[^\n{;]*\{/gm;

/**
 * The methods after a migration's `down` that its `up` calls (TypeORM projects write `up` and
 * `down` first, then `postgresUpQueryRunner`, `sqliteDownQueryRunner`...): they run forward although
 * they come after `down`. A method that only `down` calls (`cleanUp`) is rollback.
 */
function forwardHelpers(up: string, rest: string): string {
  const called = new Set([...up.matchAll(/\b(?:this|self)\.(\w+)\s*\(/g)].map((match) => match[1]!));
  if (called.size === 0) return "";
  const methods = [...rest.matchAll(methodStart)];
  return methods
    .map((method, index) => (called.has(method[1]!) ? rest.slice(method.index, methods[index + 1]?.index) : ""))
    .join("\n");
}

function matches(patterns: readonly RegExp[], text: string): string[] {
  return [...new Set(patterns.flatMap((pattern) => [...text.matchAll(pattern)].map((match) => match[1]!)))];
}

/**
 * The copies a migration creates and renames over a table it dropped (`CREATE TABLE "temporary_x"`,
 * `DROP TABLE "x"`, then `ALTER TABLE "temporary_x" RENAME TO "x"`): SQLite changes a table's
 * columns or keys that way. Both names are the one table, rebuilt.
 */
function rebuildCopies(forward: string, created: ReadonlySet<string>): { copies: Set<string>; rebuilt: Set<string> } {
  // Where each table is first dropped.
  const droppedAt = new Map<string, number>();
  for (const drop of forward.matchAll(/\bDROP\s+TABLE\s+(?:IF\s+EXISTS\s+)?[`"[]?([\w.]+)/gi))
    if (!droppedAt.has(drop[1]!)) droppedAt.set(drop[1]!, drop.index);
  const copies = new Set<string>();
  const rebuilt = new Set<string>();
  for (const rename of forward.matchAll(/\bALTER\s+TABLE\s+[`"[]?([\w.]+)[`"\]]?\s+RENAME\s+TO\s+[`"[]?([\w.]+)/gi)) {
    const copy = rename[1]!;
    const table = rename[2]!;
    // The copy made here, and the table dropped before the copy takes its name: else a table is gone.
    if (created.has(copy) && (droppedAt.get(table) ?? Infinity) < rename.index) {
      copies.add(copy);
      rebuilt.add(table);
    }
  }
  return { copies, rebuilt };
}

/**
 * A migration without its comment lines (`-- Create Extension`, `// drop the old table`, `# rename`):
 * the words of a comment read like the statements they describe, and name no table. Taken after
 * `forwardPart`, which reads the `-- +goose Down` markers that are comments too.
 */
const statements = (text: string) => text.replace(/^[ \t]*(?:--|\/\/|#(?!\{)).*$/gm, "");

/** Lines of `after` that `before` did not have (a migration edited in place). */
function newLines(before: string | undefined, after: string): string {
  if (before === undefined) return after;
  const old = new Set(before.split("\n").map((line) => line.trim()));
  return after
    .split("\n")
    .filter((line) => !old.has(line.trim()))
    .join("\n");
}

/** Go ORM models (GORM, xorm) name their table: `func (Forge) TableName() string { return "forges" }`. */
const goTableName = /func\s*\(\s*\w*\s*\*?\w+\s*\)\s*TableName\(\)\s*string\s*\{\s*return\s*"(\w+)"/g;
const isGoModel = (path: string) => path.endsWith(".go") && !/(^|\/)migrations?\//.test(path);
const goTables = (text: string | undefined) => [...(clean(text) ?? "").matchAll(goTableName)].map((match) => match[1]!);

/** A Go file whose diff gives a model its table name: a table, whatever folder the model lives in. */
export const declaresGoTable = (path: string, patch: string | undefined) =>
  path.endsWith(".go") && /^\+.*\bTableName\(\)\s*string/m.test(patch ?? "");

/** A migration script (not a schema file or dump): once applied, editing it changes nothing already migrated. */
const isMigrationScript = (path: string) =>
  /(^|\/)(migrations?|Migrations|db_migrations|migrate|versions|changelog|flyway|drizzle)\//.test(path) &&
  !/\.(xml|ya?ml|json)$/.test(path);

interface PrismaSchema {
  provider?: string;
  models: Map<string, Set<string>>;
}

function prisma(text: string | undefined): PrismaSchema {
  const schema: PrismaSchema = { models: new Map() };
  const cleaned = clean(text);
  if (cleaned === undefined) return schema;
  schema.provider = /datasource\s+\w+\s*\{[^}]*?provider\s*=\s*"([^"]+)"/.exec(cleaned)?.[1];
  const models = [...cleaned.matchAll(/^[ \t]*model\s+(\w+)\s*\{([^}]*)\}/gm)];
  const modelNames = new Set(models.map((match) => match[1]!));
  for (const match of models) {
    // A relation field (`user User @relation(...)`, `posts Post[]`) is no column: renaming one changes no table.
    const fields = match[2]!
      .split("\n")
      .map((line) => /^\s*(\w+)\s+(\w+)/.exec(line))
      .filter((field) => field !== null && !modelNames.has(field[2]!))
      .map((field) => field![1]!);
    schema.models.set(match[1]!, new Set(fields));
  }
  return schema;
}

/** Tables and their columns in a schema dump (`db/schema.rb`, `structure.sql`). */
function dumpedTables(text: string | undefined): Map<string, Set<string>> {
  const tables = new Map<string, Set<string>>();
  const cleaned = clean(text) ?? "";
  for (const match of cleaned.matchAll(/create_table\s+"(\w+)"[^\n]*\n([\s\S]*?)^\s*end\b/gm))
    tables.set(match[1]!, new Set([...match[2]!.matchAll(/^[ \t]*t\.\w+\s+"(\w+)"/gm)].map((column) => column[1]!)));
  for (const match of cleaned.matchAll(/CREATE\s+TABLE\s+(?:[\w]+\.)?"?(\w+)"?\s*\(([\s\S]*?)\n\);/gi))
    tables.set(match[1]!, new Set([...match[2]!.matchAll(/^[ \t]*"?(\w+)"?\s+\w/gm)].map((column) => column[1]!)));
  return tables;
}

/**
 * Database schemas and migrations. A decision: a new table, a table or column dropped or renamed,
 * a new engine (Prisma's datasource provider, a database extension). A nullable column, an index,
 * seed data, or the down part of a reversible migration are not.
 *
 * Example: `add_column :users, :nickname, :string` -> not a decision; `create_table :invoices`
 * -> "creates table invoices".
 */
export function readDatabase(files: readonly ReadFile[]): Signal[] {
  const signals: Signal[] = [];
  for (const file of files) {
    const name = file.path.split("/").pop()!;
    const parts: string[] = [];
    const technologies: string[] = ["database"];
    if (isGoModel(file.path)) {
      const tables = difference(goTables(file.before), goTables(file.after)).added;
      if (tables.length > 0) parts.push(`creates table ${listed(tables)} (a new Go model)`);
    } else if (name === "schema.prisma") {
      const old = prisma(file.before);
      const next = prisma(file.after);
      if (old.provider !== next.provider)
        parts.push(`datasource ${old.provider ?? "none"} -> ${next.provider ?? "none"}`);
      const models = difference(old.models.keys(), next.models.keys());
      if (models.added.length > 0) parts.push(`new model ${listed(models.added)}`);
      if (models.removed.length > 0) parts.push(`drops model ${listed(models.removed)}`);
      for (const [model, fields] of next.models) {
        const dropped = difference(old.models.get(model) ?? fields, fields).removed;
        if (old.models.has(model) && dropped.length > 0) parts.push(`${model} loses ${listed(dropped)}`);
      }
      technologies.push("prisma", ...(next.provider ? [next.provider] : []));
    } else if (/(^|\/)schema\.sql$/.test(file.path) && file.after === undefined) {
      // A schema script deleted drops no table anywhere: the database it described is no longer set up from here.
    } else if (/(^|\/)db\/(schema\.rb|structure\.sql)$|(^|\/)schema\.sql$/.test(file.path)) {
      const old = dumpedTables(file.before);
      const next = dumpedTables(file.after);
      const tables = difference(old.keys(), next.keys());
      if (tables.added.length > 0) parts.push(`new table ${listed(tables.added)}`);
      if (tables.removed.length > 0) parts.push(`drops table ${listed(tables.removed)}`);
      for (const [table, columns] of next) {
        const dropped = old.has(table) ? difference(old.get(table)!, columns).removed : [];
        if (dropped.length > 0) parts.push(`${table} loses ${listed(dropped)}`);
      }
    } else if (file.before !== undefined && file.after !== undefined && isMigrationScript(file.path)) {
      // An applied migration edited in place fixes how an earlier decision runs; the decision was its arrival.
      // A table it did not create before is new all the same: a release's pending migration grows as work lands.
      // Whole forward parts compared: a line added to `down` is no new table or extension.
      const before = statements(forwardPart(file.path, clean(file.before) ?? ""));
      const forward = statements(forwardPart(file.path, clean(file.after)!));
      const tablesBefore = new Set(matches(createsTable, before));
      const created = matches(createsTable, forward).filter(
        (table) => !table.startsWith("_") && !tablesBefore.has(table),
      );
      if (created.length > 0) parts.push(`creates table ${listed(created)} (added to the existing migration ${name})`);
      // So is an engine the database must now provide: every install that runs the migration needs it.
      const extensionsBefore = new Set(matches(extends_, before));
      const extensions = matches(extends_, forward).filter((extension) => !extensionsBefore.has(extension));
      if (extensions.length > 0)
        parts.push(`adds database extension ${listed(extensions)} (added to the existing migration ${name})`);
      technologies.push(...extensions);
    } else if (file.after !== undefined) {
      const forward = statements(forwardPart(file.path, newLines(clean(file.before), clean(file.after)!)));
      const tables = matches(createsTable, forward);
      const copied = rebuildCopies(forward, new Set(tables));
      // `_UserWatchlist`: an implicit many-to-many join table, a relation and not a new subsystem.
      const created = tables.filter((table) => !table.startsWith("_") && !copied.copies.has(table));
      // A table or view dropped and created again in the same migration is rebuilt, not destroyed;
      // so is one SQLite alters by copying it (`temporary_x` created, `x` dropped, `temporary_x` renamed to `x`).
      const rebuilt = new Set([...tables, ...matches(createsView, forward), ...copied.copies, ...copied.rebuilt]);
      const destroyed = matches(destroys, forward).filter((table) => !rebuilt.has(table));
      const extensions = matches(extends_, forward);
      if (created.length > 0) parts.push(`creates table ${listed(created)}`);
      if (destroyed.length > 0) parts.push(`drops or renames ${listed(destroyed)}`);
      if (extensions.length > 0) parts.push(`adds database extension ${listed(extensions)}`);
      const droppedExtensions = matches(dropsExtension, forward).filter((extension) => !extensions.includes(extension));
      if (droppedExtensions.length > 0) parts.push(`drops database extension ${listed(droppedExtensions)}`);
      const retyped = matches(retypes, forward);
      if (retyped.length > 0) parts.push(`changes column types in ${listed(retyped)}`);
      technologies.push(...extensions);
    }
    signals.push(
      parts.length > 0
        ? { file: file.path, decision: true, reason: reasonText(parts.join("; ")), technologies }
        : {
            file: file.path,
            decision: false,
            reason:
              file.after === undefined
                ? "a migration removed"
                : file.before !== undefined && isMigrationScript(file.path)
                  ? "an existing migration edited (a fix of one already decided)"
                  : "columns, indexes or data only",
            technologies,
          },
    );
  }
  return signals;
}

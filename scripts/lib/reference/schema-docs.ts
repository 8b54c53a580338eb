import ts from "typescript";

/** Documentation comments of one `z.object({...})` literal, by property name. */
export type PropertyDocs = Readonly<Record<string, string>>;

/**
 * The fields of an object schema, sorted and joined: how a JSON Schema object is matched with the
 * `z.object({...})` literal it came from. The JSON Schema keeps no source location, and nested
 * schemas are separate constants (one tier layout serves four tiers), so the set of field names is
 * what both sides share.
 */
export function fieldSetKey(fields: readonly string[]): string {
  return [...fields].sort().join(",");
}

function docComment(sourceText: string, node: ts.Node): string | undefined {
  // A comment on the property's own line before it (`{ /** ... *\/ key: ... }`) counts as a
  // trailing comment of the token before, so both kinds are read.
  const comments = [
    ...(ts.getTrailingCommentRanges(sourceText, node.getFullStart()) ?? []),
    ...(ts.getLeadingCommentRanges(sourceText, node.getFullStart()) ?? []),
  ];
  const doc = comments.filter((c) => sourceText.startsWith("/**", c.pos)).pop();
  if (!doc) return undefined;
  return sourceText
    .slice(doc.pos + 3, doc.end - 2)
    .split("\n")
    .map((line) => line.replace(/^\s*\*\s?/, "").trim())
    .filter((line) => line.length > 0)
    .join(" ");
}

function propertyName(name: ts.PropertyName, sourceFile: ts.SourceFile): string {
  return ts.isIdentifier(name) || ts.isStringLiteral(name) ? name.text : name.getText(sourceFile);
}

/**
 * The `/** ... *\/` comment of every property of every `z.object({...})` literal in the given
 * TypeScript sources (the schema's own documentation), keyed by the literal's field set.
 */
export function objectSchemaDocs(sources: readonly { readonly path: string; readonly text: string }[]): Map<string, PropertyDocs> {
  const byFieldSet = new Map<string, Record<string, string>>();
  for (const { path, text } of sources) {
    const sourceFile = ts.createSourceFile(path, text, ts.ScriptTarget.ES2022, true);
    const visit = (node: ts.Node): void => {
      if (
        ts.isCallExpression(node) &&
        ts.isPropertyAccessExpression(node.expression) &&
        ["object", "strictObject", "looseObject"].includes(node.expression.name.text) &&
        node.arguments.length > 0 &&
        ts.isObjectLiteralExpression(node.arguments[0])
      ) {
        const literal = node.arguments[0];
        const fields = literal.properties.filter(
          (p): p is ts.PropertyAssignment | ts.ShorthandPropertyAssignment => ts.isPropertyAssignment(p) || ts.isShorthandPropertyAssignment(p),
        );
        const key = fieldSetKey(fields.map((p) => propertyName(p.name, sourceFile)));
        const docs = byFieldSet.get(key) ?? {};
        for (const p of fields) {
          const doc = docComment(text, p);
          if (doc && !docs[propertyName(p.name, sourceFile)]) docs[propertyName(p.name, sourceFile)] = doc;
        }
        byFieldSet.set(key, docs);
      }
      ts.forEachChild(node, visit);
    };
    visit(sourceFile);
  }
  return byFieldSet;
}

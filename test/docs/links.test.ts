import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { dirname, join, relative } from "node:path";

const ROOT = join(__dirname, "..", "..");

function markdownFiles(): string[] {
  const docs = (readdirSync(join(ROOT, "docs"), { recursive: true, encoding: "utf8" }) as string[])
    .filter((f) => f.endsWith(".md"))
    .map((f) => join("docs", f));
  return ["README.md", ...docs.sort()];
}

/** The text outside fenced code blocks and inline code, where a link is a link. */
function prose(text: string): string {
  return text.replace(/^```[\s\S]*?^```/gm, "").replace(/`[^`\n]*`/g, "");
}

/** GitHub's heading anchor: lower case, punctuation dropped, spaces to dashes, repeats numbered. */
export function headingAnchors(text: string): Set<string> {
  const anchors = new Set<string>();
  const seen = new Map<string, number>();
  for (const [, heading] of text.replace(/^```[\s\S]*?^```/gm, "").matchAll(/^#{1,6} (.+)$/gm)) {
    const plain = heading.replace(/\[([^\]]*)\]\([^)]*\)/g, "$1").replace(/`/g, "");
    const slug = plain
      .toLowerCase()
      .replace(/[^\p{L}\p{N} _-]/gu, "")
      .replace(/ /g, "-");
    const count = seen.get(slug) ?? 0;
    seen.set(slug, count + 1);
    anchors.add(count ? `${slug}-${count}` : slug);
  }
  return anchors;
}

interface Link {
  readonly from: string;
  readonly target: string;
}

function relativeLinks(): Link[] {
  return markdownFiles().flatMap((from) =>
    [...prose(readFileSync(join(ROOT, from), "utf8")).matchAll(/\]\(([^)\s]+)\)/g)]
      .map((m) => m[1])
      .filter((target) => !/^[a-z][a-z0-9+.-]*:/i.test(target))
      .map((target) => ({ from, target })),
  );
}

describe("markdown links in README.md and docs/", () => {
  const links = relativeLinks();

  it("finds the links it checks", () => {
    expect(links.length).toBeGreaterThan(30);
  });

  it.each(links.map((l) => [`${l.from} → ${l.target}`, l] as const))("%s resolves to a file, and to a heading when it names one", (_, link) => {
    const [path, anchor] = link.target.split("#");
    const file = path ? join(ROOT, dirname(link.from), path) : join(ROOT, link.from);
    expect({ link: link.target, exists: existsSync(file) }).toEqual({ link: link.target, exists: true });
    if (statSync(file).isDirectory()) {
      expect({ link: link.target, anchor }).toEqual({ link: link.target, anchor: undefined });
      return;
    }
    if (anchor)
      expect({ link: link.target, in: relative(ROOT, file), anchors: [...headingAnchors(readFileSync(file, "utf8"))] }).toEqual(
        expect.objectContaining({ anchors: expect.arrayContaining([anchor]) }),
      );
  });

  it("derives anchors as GitHub does", () => {
    expect([...headingAnchors("# Stacks and state keys\n## `<env>-<region>-network`\n## Reference\n## Reference\n```\n# not a heading\n```\n")]).toEqual([
      "stacks-and-state-keys",
      "env-region-network",
      "reference",
      "reference-1",
    ]);
  });
});

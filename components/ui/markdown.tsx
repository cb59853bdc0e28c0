import type { ReactNode } from "react";
import ReactMarkdown, { type Components } from "react-markdown";
import remarkGfm from "remark-gfm";
import { EXTERNAL_LINK_REL, isExternalUrl, safeMarkdownUrl } from "@/lib/markdown";

/** Annotations sit inside a claim page's outline, so their headings may not add to it. */
function Heading({ children }: { children?: ReactNode }) {
  return <p className="font-semibold">{children}</p>;
}

const components: Components = {
  h1: Heading,
  h2: Heading,
  h3: Heading,
  h4: Heading,
  h5: Heading,
  h6: Heading,
  a({ href, title, children }) {
    // urlTransform has already removed any href that is not a safe absolute URL.
    if (!href) return <span>{children}</span>;
    return (
      <a
        href={href}
        title={title}
        rel={isExternalUrl(href) ? EXTERNAL_LINK_REL : undefined}
        className="text-blue-800 underline"
      >
        {children}
      </a>
    );
  },
  // No images: they would load from any server on every view, and a pixel can track readers.
  img({ alt }) {
    return alt ? <span>{alt}</span> : null;
  },
  ul({ children }) {
    return <ul className="list-disc space-y-1 pl-6">{children}</ul>;
  },
  ol({ start, children }) {
    return (
      <ol start={start} className="list-decimal space-y-1 pl-6">
        {children}
      </ol>
    );
  },
  blockquote({ children }) {
    return <blockquote className="border-l-4 border-stone-300 pl-3 text-stone-700">{children}</blockquote>;
  },
  code({ children }) {
    return <code className="rounded bg-stone-100 px-1 font-mono text-sm">{children}</code>;
  },
  pre({ children }) {
    return <pre className="overflow-x-auto rounded bg-stone-100 p-2">{children}</pre>;
  },
  // GitHub-flavoured Markdown: tables scroll on narrow screens and keep their header cells.
  table({ children }) {
    return (
      <div className="overflow-x-auto">
        <table className="border-collapse text-sm">{children}</table>
      </div>
    );
  },
  th({ children, style }) {
    return (
      <th scope="col" style={style} className="border border-stone-400 bg-stone-100 px-2 py-1 text-left">
        {children}
      </th>
    );
  },
  td({ children, style }) {
    return (
      <td style={style} className="border border-stone-400 px-2 py-1">
        {children}
      </td>
    );
  },
  del({ children }) {
    return <del className="text-stone-700">{children}</del>;
  },
  // A task list's box is a mark, not a control: a disabled, unlabelled checkbox is noise to a
  // screen reader and can never be ticked here.
  input({ type, checked }) {
    if (type !== "checkbox") return null;
    return (
      <span className="mr-1" role="img" aria-label={checked ? "done" : "to do"}>
        {checked ? "☑" : "☐"}
      </span>
    );
  },
};

function urlTransform(url: string): string | null {
  return safeMarkdownUrl(url);
}

/**
 * Annotation Markdown, rendered safely: raw HTML is dropped (skipHtml, not shown as text),
 * links keep only http:, https: and mailto: targets, and images show their alt text.
 * GitHub-flavoured: tables, strikethrough, task lists and bare web addresses as links (through
 * the same link check).
 */
export function Markdown({ text }: { text: string }) {
  return (
    <div className="space-y-2">
      <ReactMarkdown skipHtml remarkPlugins={[remarkGfm]} urlTransform={urlTransform} components={components}>
        {text}
      </ReactMarkdown>
    </div>
  );
}

import type { ReactNode } from "react";
import ReactMarkdown, { type Components } from "react-markdown";
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
};

function urlTransform(url: string): string | null {
  return safeMarkdownUrl(url);
}

/**
 * Annotation Markdown, rendered safely: raw HTML is dropped (skipHtml, not shown as text),
 * links keep only http:, https: and mailto: targets, and images show their alt text.
 * CommonMark only: no tables or bare-URL autolinks, which would need remark-gfm.
 */
export function Markdown({ text }: { text: string }) {
  return (
    <div className="space-y-2">
      <ReactMarkdown skipHtml urlTransform={urlTransform} components={components}>
        {text}
      </ReactMarkdown>
    </div>
  );
}

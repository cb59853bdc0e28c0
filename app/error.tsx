"use client";

export default function ErrorPage({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <div role="alert">
      <h1 className="mb-4 font-serif text-3xl font-bold">Something went wrong</h1>
      <p className="mb-4">This page could not be shown. The problem is on our side and has been logged.</p>
      <button type="button" onClick={reset} className="rounded bg-blue-800 px-4 py-2 text-white hover:bg-blue-900">
        Try again
      </button>
    </div>
  );
}

import Link from "next/link";

export default function Forbidden() {
  return (
    <>
      <h1 className="mb-4 font-serif text-3xl font-bold">Not allowed</h1>
      <p className="mb-4">Your role does not give access to this page. Ask an administrator if you need it.</p>
      <p>
        <Link href="/desk" className="text-blue-800 underline">
          Back to the desk
        </Link>
      </p>
    </>
  );
}

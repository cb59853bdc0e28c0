import type { Metadata } from "next";
import { CreateUserForm, DisableUserButton, EnableUserButton } from "@/components/desk/user-forms";
import { listAccounts } from "@/lib/data/users";
import { isRole, ROLE_LABEL } from "@/lib/domain/role";
import { requirePageUser } from "@/lib/session";

export const metadata: Metadata = { title: "Accounts" };

export default async function UsersPage() {
  const admin = await requirePageUser("user:manage", "/desk/admin/users");
  const accounts = await listAccounts();
  return (
    <>
      <h1 className="mb-4 font-serif text-3xl font-bold">Accounts</h1>
      <table className="mb-8 w-full border-collapse bg-white text-left text-sm">
        <caption className="sr-only">Newsroom accounts</caption>
        <thead>
          <tr className="border-b border-stone-400">
            <th scope="col" className="p-2">Name</th>
            <th scope="col" className="p-2">Email</th>
            <th scope="col" className="p-2">Role</th>
            <th scope="col" className="p-2">State</th>
          </tr>
        </thead>
        <tbody>
          {accounts.map((a) => (
            <tr key={a.id} className="border-b border-stone-200">
              <td className="p-2">{a.name}</td>
              <td className="p-2">{a.email}</td>
              <td className="p-2">{isRole(a.role) ? ROLE_LABEL[a.role] : a.role}</td>
              <td className="p-2">
                {a.banned ? <>Disabled · <EnableUserButton email={a.email} name={a.name} /></> : a.id === admin.id ? "Active (you)" : <>Active · <DisableUserButton email={a.email} name={a.name} /></>}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <CreateUserForm />
    </>
  );
}

"use client";

import { SelectField, TextField } from "@/components/forms/fields";
import { FormMessage, SubmitButton } from "@/components/forms/form-status";
import { keptOnRefusal, useFormActionState } from "@/components/forms/refusal";
import { createUserAction, disableUserAction, enableUserAction } from "@/lib/actions/users";
import { ROLES, ROLE_LABEL } from "@/lib/domain/role";

export const CreateUserForm = keptOnRefusal(function CreateUserForm() {
  const [state, action] = useFormActionState(createUserAction, "create-user-form");
  const e = state.fieldErrors;
  return (
    <form id="create-user-form" action={action} noValidate className="rounded border border-stone-300 bg-white p-6" aria-labelledby="create-user-heading">
      <h2 id="create-user-heading" className="mb-3 text-xl font-semibold">
        Create an account
      </h2>
      <FormMessage state={state} />
      <TextField name="name" label="Name" required defaultValue={state.values.name} errors={e.name} />
      <TextField name="email" label="Email" type="email" required defaultValue={state.values.email} errors={e.email} />
      <SelectField name="role" label="Role" required placeholder="Choose" options={ROLES.map((r) => ({ value: r, label: ROLE_LABEL[r] }))} defaultValue={state.values.role} errors={e.role} />
      <TextField name="password" label="First password" type="password" autoComplete="new-password" hint="8 to 128 characters, not a common one. Give it to the person privately." required errors={e.password} />
      <SubmitButton>Create account</SubmitButton>
    </form>
  );
});

export const DisableUserButton = keptOnRefusal(function DisableUserButton({ email, name }: { email: string; name: string }) {
  const [state, action] = useFormActionState(disableUserAction, `disable-${email}`);
  return (
    <form
      id={`disable-${email}`}
      action={action}
      className="inline"
      onSubmit={(event) => {
        if (!window.confirm(`Disable ${name}? They are signed out everywhere at once.`)) event.preventDefault();
      }}
    >
      <input type="hidden" name="email" value={email} />
      <button type="submit" className="text-sm text-red-800 underline">
        Disable {name}
      </button>
      {state.formError ? <span role="alert" className="ml-2 text-sm text-red-800">{state.formError}</span> : null}
      {state.notice ? <span role="status" className="ml-2 text-sm text-green-900">{state.notice}</span> : null}
    </form>
  );
});

/** Undoes a disabling; nothing is lost by it, so it asks nothing first. */
export const EnableUserButton = keptOnRefusal(function EnableUserButton({ email, name }: { email: string; name: string }) {
  const [state, action] = useFormActionState(enableUserAction, `enable-${email}`);
  return (
    <form id={`enable-${email}`} action={action} className="inline">
      <input type="hidden" name="email" value={email} />
      <button type="submit" className="text-sm text-blue-800 underline">
        Enable {name}
      </button>
      {state.formError ? <span role="alert" className="ml-2 text-sm text-red-800">{state.formError}</span> : null}
      {state.notice ? <span role="status" className="ml-2 text-sm text-green-900">{state.notice}</span> : null}
    </form>
  );
});

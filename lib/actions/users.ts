"use server";

import { revalidatePath } from "next/cache";
import { createAccount, disableAccount, enableAccount } from "@/lib/accounts";
import { asFormData, failed, formValues, invalid, type ActionState } from "@/lib/actions/state";
import { AppError } from "@/lib/errors";
import { checkPassword } from "@/lib/password-policy";
import { authorize } from "@/lib/session";
import { accountEmailSchema, createUserSchema } from "@/lib/validation/user";

export async function createUserAction(_prev: ActionState, sent: unknown): Promise<ActionState> {
  const formData = asFormData(sent);
  // The password is never sent back to the form, not even after an error.
  const values = formValues(formData, ["password"]);
  try {
    await authorize("user:manage");
    const parsed = createUserSchema.safeParse(Object.fromEntries(formData));
    if (!parsed.success) return invalid(parsed.error, values);
    const policy = checkPassword(parsed.data.password, { email: parsed.data.email, name: parsed.data.name });
    if (!policy.ok) return { ok: false, fieldErrors: { password: [policy.message] }, formError: "Please correct the fields marked below.", values };
    const user = await createAccount(parsed.data);
    revalidatePath("/desk/admin/users");
    return { ok: true, fieldErrors: {}, formError: null, values: {}, notice: `Created ${user.name} <${user.email}> as ${user.role}.` };
  } catch (error) {
    return failed(error, values);
  }
}

export async function disableUserAction(_prev: ActionState, sent: unknown): Promise<ActionState> {
  const formData = asFormData(sent);
  const values = formValues(formData);
  try {
    const admin = await authorize("user:manage");
    const parsed = accountEmailSchema.safeParse(values);
    if (!parsed.success) return invalid(parsed.error, values);
    if (parsed.data.email === admin.email) throw new AppError("bad_request", "You cannot disable your own account.");
    const { email, sessionsEnded } = await disableAccount(parsed.data.email);
    revalidatePath("/desk/admin/users");
    return { ok: true, fieldErrors: {}, formError: null, values: {}, notice: `Disabled ${email}; ended ${sessionsEnded} session(s).` };
  } catch (error) {
    return failed(error, values);
  }
}

/** Undoes a disabling: the person signs in again with the password they had. */
export async function enableUserAction(_prev: ActionState, sent: unknown): Promise<ActionState> {
  const formData = asFormData(sent);
  const values = formValues(formData);
  try {
    await authorize("user:manage");
    const parsed = accountEmailSchema.safeParse(values);
    if (!parsed.success) return invalid(parsed.error, values);
    const { email, wasDisabled } = await enableAccount(parsed.data.email);
    revalidatePath("/desk/admin/users");
    return { ok: true, fieldErrors: {}, formError: null, values: {}, notice: wasDisabled ? `Enabled ${email}: they can sign in again with their password.` : `${email} was not disabled.` };
  } catch (error) {
    return failed(error, values);
  }
}

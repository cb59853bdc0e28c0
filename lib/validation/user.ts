import { z } from "zod";
import { ROLES } from "@/lib/domain/role";
import { MAX_PASSWORD_LENGTH } from "@/lib/password-policy";
import { emailSchema } from "@/lib/validation/auth";
import { requiredText } from "@/lib/validation/fields";

/** An admin creating an account. The password policy itself runs in createAccount. */
export const createUserSchema = z.object({
  email: emailSchema,
  name: requiredText("The name", 120),
  role: z.enum(ROLES, { error: "Choose a role." }),
  password: z.string({ error: "Set a first password for the account." }).min(1, "Set a first password for the account.").max(MAX_PASSWORD_LENGTH * 4, "That password is too long."),
});

/** The account an admin disables or enables again, by its email. */
export const accountEmailSchema = z.object({ email: emailSchema });

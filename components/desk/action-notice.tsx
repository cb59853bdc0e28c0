"use client";

import { usePathname, useSearchParams } from "next/navigation";
import { useEffect } from "react";
import { returnFocusToSentForm } from "@/components/forms/return-focus";
import { noticeOn } from "@/lib/domain/desk-notice";

/**
 * The notice an action leaves in the address (`?done=`), in a live region the desk's layout
 * always has: a screen reader announces a live region's new words, not one that arrives with
 * its page. So the notice is heard after a save on the same page (status saved) and after one
 * that leads to another page (a claim recorded, a story saved) alike. A save on the same page
 * leaves the keyboard on the button that sent it, or on its form's heading when that button is
 * now the opposite action (Publish, Unpublish: components/forms/return-focus.ts).
 */
export function ActionNotice() {
  const params = useSearchParams();
  const address = params.toString();
  const notice = noticeOn(usePathname(), params.get("done"));
  useEffect(() => {
    if (notice) returnFocusToSentForm();
  }, [address, notice]);
  // Each action has its own address (lib/domain/desk-notice.ts deskClaimPath): keyed by it, the
  // words are new to the live region even when the same action is done twice, and heard again.
  return (
    <div role="status">
      {notice ? (
        <p key={address} className="mb-4 rounded border border-green-700 bg-green-50 p-3 font-medium text-green-900">
          {notice}
        </p>
      ) : null}
    </div>
  );
}

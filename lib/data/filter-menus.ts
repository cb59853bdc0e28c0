import "server-only";
import { keptWhilePublishedUnchanged } from "@/lib/cache/kept";
import { listClaimantOptions } from "@/lib/data/claimants";
import { listSourceOptions } from "@/lib/data/sources";
import { listStoryOptions } from "@/lib/data/stories";

export interface FilterMenus {
  stories: { id: string; title: string }[];
  /** null when there are too many to list (FILTER_MENU_LIMIT). */
  claimants: { id: string; name: string }[] | null;
  sources: { id: string; title: string }[] | null;
}

/** The claims page's filter menus: the stories, claimants and sources with a published claim. */
export async function listFilterMenus(): Promise<FilterMenus> {
  const [stories, claimants, sources] = await Promise.all([listStoryOptions(), listClaimantOptions(), listSourceOptions()]);
  return { stories, claimants, sources };
}

/**
 * listFilterMenus kept in Next.js's data cache (ADR 017). The menus are the same for every
 * request of the claims page, whatever its filters, and reading them (three queries across every
 * published claim) were about half the page's database time at 100,000 claims. They change only
 * with what readers can see: a claim published or unpublished, a claimant renamed, a source
 * retitled, all of which expire the `published` tag. Only where Next.js runs.
 */
export const keptFilterMenus = keptWhilePublishedUnchanged(listFilterMenus, "claims-filter-menus");

/**
 * Which files are plans: `*.plan.yaml` (or `.yml`) and `*.plan.md`; and the progress file
 * beside each.
 */

/** The two source forms, by file name. */
export const PLAN_FILE = /\.plan\.(ya?ml|md)$/i;

/** Where a plan's progress file is: "plans/x.plan.yaml" → "plans/x.progress.yaml". */
export function progressPath(planPath: string): string {
  return planPath.replace(PLAN_FILE, '.progress.yaml');
}

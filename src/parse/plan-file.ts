/**
 * Which files are plans: `*.plan.yaml` (or `.yml`) and `*.plan.md`.
 */

/** The two source forms, by file name. */
export const PLAN_FILE = /\.plan\.(ya?ml|md)$/i;

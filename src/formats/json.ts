/**
 * A scenario as a JSON tree. The editor keeps the scenario this way (it may be invalid while the
 * user types: `Draft`), and the file formats read into and write from it, so that a workbook or
 * CSV file with a bad cell still becomes a tree the validator can name the problems of.
 */
export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
/** A scenario as the user is editing it: shaped like a Scenario, but possibly invalid. */
export type Draft = { [key: string]: Json };

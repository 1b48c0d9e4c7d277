/**
 * Compare with a bill of materials on one side only (issue 12): the assembly KPIs are columns of
 * that side's results alone, and a comparison pairs only the KPIs both runs have, so the tables
 * leave them out. This note says so, instead of letting them vanish without a word.
 */
import { hasBillOfMaterials, type Scenario } from "../../sim/model/scenario.ts";

interface Side { readonly name: string; readonly scenario: Pick<Scenario, "nodes"> }


/** The sentence for the comparison tables when exactly one side assembles; undefined otherwise. */
export function assemblyNote(a: Side, b: Side): string | undefined {
  const inA = hasBillOfMaterials(a.scenario), inB = hasBillOfMaterials(b.scenario);
  if (inA === inB) return undefined;
  const [has, lacks] = inA ? ["A", "B"] : ["B", "A"];
  const [hasName, lacksName] = inA ? [a.name, b.name] : [b.name, a.name];
  return `The assembly KPIs (units assembled and consumed, component stock, starved days and units) are only in ${has} (${hasName}): ${lacks} (${lacksName}) makes nothing from components, so there is nothing to pair them with and these tables leave them out. ${has}'s own results show them.`;
}

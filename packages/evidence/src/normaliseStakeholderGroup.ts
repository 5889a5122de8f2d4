import type { StakeholderGroup } from "./source";

const SPELLINGS: ReadonlyArray<[StakeholderGroup, RegExp]> = [
  ["government", /^(government|governments|gov|govt|member state|public sector|state)$/],
  ["private_sector", /^(private sector|business|industry|business sector|private)$/],
  [
    "civil_society",
    /^(civil society|cso|csos|ngo|ngos|civil society organi[sz]ation|non governmental organi[sz]ation)$/,
  ],
  [
    "technical_community",
    /^(technical community|technical and academic community|technical|internet technical community)$/,
  ],
  ["academia", /^(academia|academic|academic community|university|research|research institution)$/],
  [
    "international_organisation",
    /^(international organi[sz]ation|international organi[sz]ations|igo|intergovernmental organi[sz]ation|un entity|united nations|un agency|un system)$/,
  ],
];

/**
 * One of the six stakeholder groups from how a form or a user spells it, case-insensitively
 * ("Civil Society", "NGO", "private-sector", "International Organization"); null when it is none.
 */
export function normaliseStakeholderGroup(
  value: string | null | undefined,
): StakeholderGroup | null {
  if (!value) return null;
  const key = value
    .toLowerCase()
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/[^a-z]+/g, " ")
    .trim()
    .replace(/^(the|a) /, "");
  for (const [group, pattern] of SPELLINGS) {
    if (pattern.test(key) || key === group.replace("_", " ")) return group;
  }
  return null;
}

import * as z from "zod";
import { isoDate, nonNegativeInt, schemaReference, version } from "./common.js";

export const teamSchema = z
  .strictObject({
    $schema: schemaReference,
    version,
    lastUpdated: isoDate,
    headcount: nonNegativeInt.meta({ description: "Engineers on the team; equals the number of members when they are listed." }),
    members: z
      .array(
        z.strictObject({
          name: z.string().min(1),
          github: z.string().optional().meta({ description: "GitHub login, without @." }),
          role: z.string().min(1),
          team: z.string().optional(),
          startDate: isoDate.optional(),
        }),
      )
      .optional(),
    openRoles: z
      .array(
        z.strictObject({
          title: z.string().min(1),
          team: z.string().optional(),
          priority: z.enum(["critical", "high", "medium", "low"]).optional(),
          targetStartDate: isoDate.nullable().optional(),
        }),
      )
      .optional(),
    oncall: z
      .strictObject({
        rotation: z.boolean(),
        schedule: z.string().optional().meta({ description: "e.g. weekly, follow-the-sun." }),
        members: z.array(z.string()).optional().meta({ description: "GitHub logins of the members on the rotation." }),
        tool: z.string().optional(),
      })
      .optional(),
    attritionRisk: z.enum(["low", "medium", "high"]).optional(),
  })
  .meta({ title: "Team", description: "Team structure, open roles and on-call (data/engineering/team.json)." });

export type Team = z.infer<typeof teamSchema>;

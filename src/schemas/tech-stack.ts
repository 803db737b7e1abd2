import * as z from "zod";
import { isoDate, maturityStage, nonNegative, nonNegativeInt, schemaReference, version } from "./common.js";

const notes = z.string().optional().meta({ description: "Free-form notes." });
const text = (description: string) => z.string().optional().meta({ description });

const recentDecision = z.union([
  z.string().meta({ description: "A one-line decision." }),
  z.strictObject({
    date: isoDate.optional(),
    title: z.string().min(1),
    adr: z.string().optional().meta({ description: "Path of the ADR that records the decision." }),
    notes,
  }),
]);

export const techStackSchema = z
  .strictObject({
    $schema: schemaReference,
    version,
    lastUpdated: isoDate,
    maturityStage,
    stack: z.strictObject({
      frontend: z.strictObject({ framework: text("Framework, e.g. Next.js."), hosting: text("Where it runs."), notes }).optional(),
      backend: z
        .strictObject({ language: text("Main language."), framework: text("Web framework."), hosting: text("Where it runs."), notes })
        .optional(),
      database: z.strictObject({ primary: text("Primary database."), provider: text("Who runs it."), notes }).optional(),
      infrastructure: z
        .strictObject({
          cloudProvider: text("Cloud provider."),
          keyServices: z.array(z.string()).optional().meta({ description: "Key managed services in use." }),
          notes,
        })
        .optional(),
      cicd: z
        .strictObject({ pipeline: text("CI/CD system."), deploymentFrequency: text("How often production is deployed."), notes })
        .optional(),
      observability: z
        .strictObject({ monitoring: text("Monitoring."), logging: text("Logging."), alerting: text("Alerting."), notes })
        .optional(),
    }),
    team: z
      .strictObject({
        headcount: nonNegativeInt,
        roles: z.array(z.string()).optional(),
        oncallRotation: z.boolean().optional(),
      })
      .optional(),
    constraints: z
      .strictObject({
        monthlyInfraBudget: nonNegative.nullable().optional().meta({ description: "Monthly infrastructure budget, in the company's currency." }),
        complianceRequirements: z.array(z.string()).optional().meta({ description: "e.g. SOC2, HIPAA, PCI." }),
        hardConstraints: z.array(z.string()).optional(),
      })
      .optional(),
    painPoints: z.array(z.string()).optional(),
    recentDecisions: z.array(recentDecision).optional(),
  })
  .meta({ title: "Tech stack", description: "Current architecture, team shape and constraints (data/engineering/tech_stack.json)." });

export type TechStack = z.infer<typeof techStackSchema>;

import {
  Kind,
  parse,
  print,
  visit,
  type DocumentNode,
  type FieldNode,
  type OperationDefinitionNode,
  type SelectionNode,
  type SelectionSetNode,
  type ValueNode,
  type VariableDefinitionNode,
} from "graphql";
import type { GitHubClient } from "./client.js";

/**
 * Merges the GraphQL queries many repositories' readers send at the same moment into one
 * request (issue 16): each query's top-level fields are aliased `q<i>_…` and its variables
 * renamed `$q<i>_…`, so the readers (deployments, tags, history, contents…) stay written for
 * one repository and the organisation scorecard still pays one request per batch of them.
 *
 * A merged request stays within GitHub's limits by its published formula: at most
 * `maxNodes` nodes (GitHub refuses 500,000) and `maxQueries` queries.
 */

export interface BatchOptions {
  /** Queries merged into one request at most (default 50). */
  maxQueries?: number;
  /** Nodes per merged request at most, by GitHub's formula (default 100,000; GitHub's limit is 500,000). */
  maxNodes?: number;
  /** Merged requests in flight at once (default 3: GitHub asks integrators not to hammer it concurrently). */
  maxInFlight?: number;
}

export interface BatchStats {
  /** HTTP requests sent. */
  requests: number;
  /** Queries the readers asked. */
  queries: number;
  /** Rate-limit points by GitHub's formula: the connections a request asks for / 100, at least 1 per request. */
  points: number;
  /** The largest request, in nodes. */
  largestNodes: number;
}

export interface BatchingClient {
  client: GitHubClient;
  stats: BatchStats;
}

interface Pending {
  /** At most this many queries in its request (set when a larger request failed). */
  maxBatch?: number;
  operation: OperationDefinitionNode;
  variables: Record<string, unknown>;
  cost: { nodes: number; calls: number };
  resolve: (data: unknown) => void;
  reject: (error: unknown) => void;
}

type Variables = Record<string, unknown>;

/** The `first` / `last` a connection field asks for, or undefined for a plain field. */
function pageSize(field: FieldNode, variables: Variables): number | undefined {
  const argument = field.arguments?.find((arg) => arg.name.value === "first" || arg.name.value === "last");
  if (!argument) return undefined;
  const value: ValueNode = argument.value;
  if (value.kind === Kind.INT) return Number(value.value);
  if (value.kind === Kind.VARIABLE) {
    const bound = variables[value.name.value];
    return typeof bound === "number" ? bound : 100;
  }
  return 100;
}

/**
 * GitHub's cost formula: every connection multiplies what is under it by its page size; nodes
 * are the items all connections can return, calls the times each connection is asked for.
 */
export function queryCost(
  selectionSet: SelectionSetNode | undefined,
  variables: Variables,
  times = 1,
): { nodes: number; calls: number } {
  let nodes = 0;
  let calls = 0;
  for (const selection of selectionSet?.selections ?? []) {
    if (selection.kind === Kind.FRAGMENT_SPREAD) continue;
    const size = selection.kind === Kind.FIELD ? pageSize(selection, variables) : undefined;
    if (size !== undefined) {
      calls += times;
      nodes += times * size;
    }
    const inner = queryCost(selection.selectionSet, variables, times * (size ?? 1));
    nodes += inner.nodes;
    calls += inner.calls;
  }
  return { nodes, calls };
}

const pointsOf = (calls: number) => Math.max(1, Math.round(calls / 100));

/** A lone query: anything but one plain query without named fragments goes alone. */
function mergeable(document: DocumentNode): OperationDefinitionNode | undefined {
  if (document.definitions.length !== 1) return undefined;
  const [definition] = document.definitions;
  return definition?.kind === Kind.OPERATION_DEFINITION && definition.operation === "query" ? definition : undefined;
}

/** The query's fields and variables, renamed for slot `index` of a merged request. */
function renamed(operation: OperationDefinitionNode, index: number) {
  const prefix = `q${index}_`;
  const renamedOperation = visit(operation, {
    Variable: (node) => ({ ...node, name: { ...node.name, value: prefix + node.name.value } }),
  });
  const selections = renamedOperation.selectionSet.selections.map((selection): SelectionNode => {
    if (selection.kind !== Kind.FIELD) return selection;
    const key = selection.alias?.value ?? selection.name.value;
    return { ...selection, alias: { kind: Kind.NAME, value: prefix + key } };
  });
  return { selections, definitions: renamedOperation.variableDefinitions ?? ([] as readonly VariableDefinitionNode[]) };
}

interface GraphqlError {
  message: string;
  path?: readonly (string | number)[];
  type?: string;
}

/** An error as Octokit's GraphQL client throws it for a response with errors, keeping the data that came. */
function responseError(errors: GraphqlError[], data: unknown): Error {
  return Object.assign(
    new Error(`Request failed due to following response errors:\n${errors.map((e) => ` - ${e.message}`).join("\n")}`),
    { name: "GraphqlResponseError", errors, data },
  );
}

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === "object" && value !== null;

/** A message without the `q<i>_` names the merge gave (a reader should see its own query's names). */
const unprefixed = (message: string) => message.replace(/\b(\$?)q\d+_/g, "$1");

function withoutPrefixes(error: unknown): unknown {
  if (error instanceof Error) error.message = unprefixed(error.message);
  return error;
}

/**
 * Whether a merged request that failed as a whole is worth asking again in halves: GitHub gave
 * up on it (502 or 504, after Octokit's own retries), or refused the query itself (errors and no
 * data: one query may be at fault, say a field an older GitHub Enterprise Server lacks).
 */
function worthSplitting(error: unknown): boolean {
  const { status, errors } = error as { status?: number; errors?: GraphqlError[] };
  if (typeof status === "number") return status === 502 || status === 504;
  return Array.isArray(errors);
}

/** The next request's queries: the first waiting, then as many as fit the query and node limits. */
function takeBatch(queue: Pending[], maxQueries: number, maxNodes: number): Pending[] {
  const batch: Pending[] = [queue.shift()!];
  // A query that failed in a larger request goes again in a smaller one (see `split`).
  const most = Math.min(maxQueries, batch[0]!.maxBatch ?? maxQueries);
  let nodes = batch[0]!.cost.nodes;
  while (queue.length > 0 && batch.length < most && nodes + queue[0]!.cost.nodes <= maxNodes) {
    if ((queue[0]!.maxBatch ?? maxQueries) < most) break;
    nodes += queue[0]!.cost.nodes;
    batch.push(queue.shift()!);
  }
  return batch;
}

/** One query of the batch's queries: each one's fields and variables renamed `q<i>_…`, their costs added up. */
function mergedRequest(batch: readonly Pending[]): { document: string; variables: Variables; cost: Pending["cost"] } {
  const variables: Variables = {};
  const definitions: VariableDefinitionNode[] = [];
  const selections: SelectionNode[] = [];
  batch.forEach((pending, index) => {
    const part = renamed(pending.operation, index);
    definitions.push(...part.definitions);
    selections.push(...part.selections);
    for (const definition of pending.operation.variableDefinitions ?? []) {
      const name = definition.variable.name.value;
      if (pending.variables[name] !== undefined) variables[`q${index}_${name}`] = pending.variables[name];
    }
  });
  const document: DocumentNode = {
    kind: Kind.DOCUMENT,
    definitions: [
      {
        kind: Kind.OPERATION_DEFINITION,
        operation: "query" as OperationDefinitionNode["operation"],
        name: { kind: Kind.NAME, value: "Batch" },
        variableDefinitions: definitions,
        selectionSet: { kind: Kind.SELECTION_SET, selections },
      },
    ],
  };
  const cost = batch.reduce(
    (sum, pending) => ({ nodes: sum.nodes + pending.cost.nodes, calls: sum.calls + pending.cost.calls }),
    { nodes: 0, calls: 0 },
  );
  return { document: print(document), variables, cost };
}

/** The query an error belongs to, by the `q<i>_` name at the start of its path. */
function slotOf(error: GraphqlError): number | undefined {
  const match = /^q(\d+)_/.exec(String(error.path?.[0] ?? ""));
  return match ? Number(match[1]) : undefined;
}

/** Gives each query its own fields and errors back, under its own names. */
function settleEach(batch: readonly Pending[], data: Record<string, unknown>, errors: readonly GraphqlError[]): void {
  batch.forEach((pending, index) => {
    const prefix = `q${index}_`;
    const own: Record<string, unknown> = {};
    for (const selection of pending.operation.selectionSet.selections) {
      if (selection.kind !== Kind.FIELD) continue;
      const key = selection.alias?.value ?? selection.name.value;
      own[key] = data[prefix + key] ?? null;
    }
    const ownErrors = errors
      .filter((error) => slotOf(error) === index)
      .map((error) => ({
        ...error,
        message: unprefixed(error.message),
        path: [String(error.path![0]).slice(prefix.length), ...error.path!.slice(1)],
      }));
    if (ownErrors.length > 0) pending.reject(responseError(ownErrors, own));
    else pending.resolve(own);
  });
}

/** A client whose `graphql` merges the queries sent together; REST requests go through unchanged. */
export function batchingClient(client: GitHubClient, options: BatchOptions = {}): BatchingClient {
  const maxQueries = options.maxQueries ?? 50;
  const maxNodes = options.maxNodes ?? 100_000;
  const maxInFlight = options.maxInFlight ?? 3;
  const stats: BatchStats = { requests: 0, queries: 0, points: 0, largestNodes: 0 };
  const queue: Pending[] = [];
  let inFlight = 0;
  let scheduled = false;

  const schedule = () => {
    if (scheduled) return;
    scheduled = true;
    // After every reader that is ready has queued its query: the queries of one step of many
    // repositories go together.
    setImmediate(() => {
      scheduled = false;
      while (inFlight < maxInFlight && queue.length > 0) void send(takeBatch(queue, maxQueries, maxNodes));
    });
  };

  /** Puts a failed request's queries back first, each half in a request of its own, sent under the in-flight cap. */
  const split = (batch: Pending[]) => {
    const half = Math.ceil(batch.length / 2);
    for (const pending of batch) pending.maxBatch = half;
    queue.unshift(...batch);
  };

  const send = async (batch: Pending[]) => {
    inFlight++;
    try {
      await answer(batch);
    } catch (error) {
      // Whatever went wrong, no reader is left waiting.
      for (const pending of batch) pending.reject(error);
    } finally {
      inFlight--;
      if (queue.length > 0) schedule();
    }
  };

  const answer = async (batch: Pending[]) => {
    const { document, variables, cost } = mergedRequest(batch);
    stats.requests++;
    stats.points += pointsOf(cost.calls);
    stats.largestNodes = Math.max(stats.largestNodes, cost.nodes);
    let data: unknown;
    let errors: GraphqlError[] = [];
    try {
      data = await client.graphql<Record<string, unknown>>(document, variables);
    } catch (error) {
      const partial = error as { data?: unknown; errors?: GraphqlError[] };
      if (isObject(partial.data) && Array.isArray(partial.errors)) {
        data = partial.data;
        errors = partial.errors;
      } else if (batch.length > 1 && worthSplitting(error)) {
        // GitHub gives up on a request that takes more than 10 s: ask again in halves (down to one query).
        split(batch);
        return;
      } else throw withoutPrefixes(error);
    }
    if (!isObject(data)) throw new Error("GitHub answered a GraphQL request with no data and no errors");
    // An error that belongs to no query (the request as a whole was refused): find the culprit alone.
    if (errors.some((error) => slotOf(error) === undefined || slotOf(error)! >= batch.length)) {
      if (batch.length > 1) return split(batch);
      throw withoutPrefixes(responseError(errors, data));
    }
    settleEach(batch, data, errors);
  };

  const graphql = (query: string | ({ query: string } & Variables), options: Variables = {}): Promise<unknown> => {
    // Octokit takes the query and the variables together too: `graphql({ query, owner })`.
    const { query: text, ...parameters } = typeof query === "string" ? { query, ...options } : query;
    const operation = mergeable(parse(text));
    stats.queries++;
    if (!operation) {
      stats.requests++;
      stats.points += pointsOf(queryCost(undefined, parameters).calls);
      return client.graphql(text, parameters);
    }
    return new Promise((resolve, reject) => {
      queue.push({
        operation,
        variables: parameters,
        cost: queryCost(operation.selectionSet, parameters),
        resolve,
        reject,
      });
      schedule();
    });
  };

  const batched = Object.create(client) as GitHubClient;
  Object.defineProperty(batched, "graphql", { value: graphql });
  return { client: batched, stats };
}

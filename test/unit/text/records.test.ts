import { describe, expect, it } from "@jest/globals";
import { jsonRecord, record } from "../../../src/text/records.js";

describe("values read from files as records", () => {
  it("take an object as it is and anything else as an empty record", () => {
    expect(record({ a: 1 })).toEqual({ a: 1 });
    for (const value of [null, undefined, [1], "text", 3, true]) expect(record(value)).toEqual({});
  });

  it("read a JSON object, and nothing from other JSON or from text that is not JSON", () => {
    expect(jsonRecord('{ "name": "@acme/api" }')).toEqual({ name: "@acme/api" });
    for (const text of [undefined, "null", "[1]", '"text"', "{ broken", ""]) expect(jsonRecord(text)).toBeUndefined();
  });
});

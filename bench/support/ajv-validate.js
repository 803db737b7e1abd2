// What `ajv validate --spec=draft2020 -c ajv-formats -s <schema> -d <file>` (ajv-cli 5) does,
// without ajv-cli's own dependencies: compile the schema, read the file as UTF-8, JSON.parse it,
// validate, print the verdict. The benchmark's yardstick for `cto-copilot validate`.
import { readFileSync } from "node:fs";
import ajvModule from "ajv/dist/2020.js";
import formatsModule from "ajv-formats";

// Both are CommonJS modules whose export is the function itself, with a `default` alias.
const Ajv2020 = ajvModule.default ?? ajvModule;
const addFormats = formatsModule.default ?? formatsModule;

const [schemaPath, dataPath] = process.argv.slice(2);
const ajv = new Ajv2020();
addFormats(ajv);
const validate = ajv.compile(JSON.parse(readFileSync(schemaPath, "utf8")));
// ajv-cli reads a buffer and decodes it with toString() (faster than readFileSync(path, "utf8") on Node 20).
const valid = validate(JSON.parse(readFileSync(dataPath).toString()));
console.log(valid ? `${dataPath} valid` : `${dataPath} invalid`);
process.exitCode = valid ? 0 : 1;

import { createRequire as __ctoCreateRequire } from 'node:module';
const require = __ctoCreateRequire(import.meta.url);
import{defaultConfig}from"./GPYPMI47.js";var configPath=".github/cto-copilot.yml";function resolvedDefaults(){return{config:defaultConfig(),valid:!0,source:"defaults",repositoryFindings:[],organizationFindings:[]}}export{configPath,resolvedDefaults};

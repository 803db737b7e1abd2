import { createRequire as __ctoCreateRequire } from 'node:module';
const require = __ctoCreateRequire(import.meta.url);
import{adrStatuses,parseAdr}from"./BRCDZXQV.js";import"./6MH5I24I.js";import"./3VXCQX2O.js";export{adrStatuses,parseAdr};

import { createRequire as __ctoCreateRequire } from 'node:module';
const require = __ctoCreateRequire(import.meta.url);
import{adrStatuses,parseAdr}from"./TFKUBIEQ.js";import"./KQNQOIBO.js";import"./3VXCQX2O.js";export{adrStatuses,parseAdr};

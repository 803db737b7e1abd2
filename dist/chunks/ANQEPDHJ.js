import { createRequire as __ctoCreateRequire } from 'node:module';
const require = __ctoCreateRequire(import.meta.url);
import{followUp}from"./OZM7NK6E.js";import"./3TLJ7QBT.js";import"./ILDX7VOQ.js";import"./4ZM6BVFK.js";import"./QNVOILEB.js";import"./3VXCQX2O.js";export{followUp};

import { createRequire as __ctoCreateRequire } from 'node:module';
const require = __ctoCreateRequire(import.meta.url);
import{followUp}from"./YZMKEE4N.js";import"./3TLJ7QBT.js";import"./ILDX7VOQ.js";import"./6TP3QEMQ.js";import"./LH3ZORV3.js";import"./QNVOILEB.js";import"./3VXCQX2O.js";export{followUp};

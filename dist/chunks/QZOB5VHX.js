import { createRequire as __ctoCreateRequire } from 'node:module';
const require = __ctoCreateRequire(import.meta.url);
import{followUp}from"./XO7BMBWT.js";import"./3TLJ7QBT.js";import"./ILDX7VOQ.js";import"./F232ECA6.js";import"./QNVOILEB.js";import"./LH3ZORV3.js";import"./3VXCQX2O.js";export{followUp};

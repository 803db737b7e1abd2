import { createRequire as __ctoCreateRequire } from 'node:module';
const require = __ctoCreateRequire(import.meta.url);
import{readAdr}from"./OAC5SZSJ.js";import"./BRCDZXQV.js";import"./6MH5I24I.js";import"./VI4L6CL6.js";import"./3VXCQX2O.js";export{readAdr};

import { createRequire as __ctoCreateRequire } from 'node:module';
const require = __ctoCreateRequire(import.meta.url);
import{readAdr}from"./5OBGDMEW.js";import"./OJYDK22E.js";import"./BK7OOKN6.js";import"./VI4L6CL6.js";import"./3VXCQX2O.js";export{readAdr};
